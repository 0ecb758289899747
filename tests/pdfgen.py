"""Write small, valid text PDFs by hand, so importer tests need no PDF-writing dependency.

Each line of text becomes one line of Helvetica (WinAnsiEncoding, so Dutch letters such as 'ö'
survive); a blank line stays a blank line. Pages break at blank lines where possible, so that a
paragraph is not torn in two by a page end, the way real letters are laid out.
"""

from __future__ import annotations

PAGE_WIDTH = 595  # A4 in points
PAGE_HEIGHT = 842
FONT_SIZE = 10
LEADING = 12
MARGIN = 56


def make_pdf(text: str, *, lines_per_page: int = 60, spaced: bool = False) -> bytes:
    """A PDF 1.4 with the text's lines; an empty text gives one page with no text at all (a 'scan').

    `spaced`: laid out as a word processor does, with no text where a blank line is: a blank line is
    extra space between the lines around it (half a line), and a line's leading spaces are an indent
    (its first character placed further right), not space characters."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else []
    pages = paginate(lines, lines_per_page) if lines else [[]]
    return _assemble([(_spaced_stream if spaced else _content_stream)(page) for page in pages])


def paginate(lines: list[str], lines_per_page: int) -> list[list[str]]:
    """Split lines into pages, breaking at the last blank line that fits (or hard, if there is none)."""
    pages: list[list[str]] = []
    rest = list(lines)
    while len(rest) > lines_per_page:
        window = rest[:lines_per_page]
        blanks = [i for i, line in enumerate(window) if not line.strip() and i > 0]
        cut = blanks[-1] if blanks else lines_per_page
        pages.append(rest[:cut])
        rest = rest[cut:]
        while rest and not rest[0].strip():
            rest = rest[1:]
    pages.append(rest)
    return pages


def _content_stream(lines: list[str]) -> bytes:
    """Text operators: one BT block, each line shown with Tj and advanced with T* (next line)."""
    if not lines:
        return b""
    ops = [b"BT", b"/F1 %d Tf" % FONT_SIZE, b"%d TL" % LEADING, b"%d %d Td" % (MARGIN, PAGE_HEIGHT - MARGIN)]
    for line in lines:
        # A blank line is drawn as one space: extractors emit a line only where they see text.
        ops.append(b"(" + _pdf_string(line if line.strip() else " ") + b") Tj")
        ops.append(b"T*")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def _spaced_stream(lines: list[str]) -> bytes:
    """Each line placed at its own position: blank lines are space, leading spaces an indent."""
    if not lines:
        return b""
    ops = [b"BT", b"/F1 %d Tf" % FONT_SIZE]
    y = PAGE_HEIGHT - MARGIN
    for line in lines:
        if not line.strip():
            y -= LEADING // 2
            continue
        indent = (len(line) - len(line.lstrip())) * FONT_SIZE // 2
        ops.append(b"1 0 0 1 %d %d Tm" % (MARGIN + indent, y))
        ops.append(b"(" + _pdf_string(line.strip()) + b") Tj")
        y -= LEADING
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def _pdf_string(line: str) -> bytes:
    """A literal string body in WinAnsi (cp1252), with delimiters escaped and high bytes as octal."""
    out = bytearray()
    for byte in line.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out)


def _assemble(streams: list[bytes]) -> bytes:
    """Objects 1 catalog, 2 pages, 3 font, then a page and its content stream per page; xref; trailer."""
    page_ids = [4 + 2 * i for i in range(len(streams))]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % i for i in page_ids) + b"] /Count %d >>" % len(streams),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for page_id, stream in zip(page_ids, streams, strict=True):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % (PAGE_WIDTH, PAGE_HEIGHT)
            + b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def make_pages_pdf(pages: list[str]) -> bytes:
    """A PDF with exactly these pages, each text's lines one under the other (no pagination of our own:
    a test chooses where the page breaks, mid-paragraph too)."""
    return _assemble([_content_stream(page.split("\n")) for page in pages])
