"""A PDF's pages put back together as one text, before it is cleaned (knowledge.ingest.cleaning).

Pages 2 and on of a ministry's letter repeat the letterhead and the margin ('Ministerie van
Buitenlandse Zaken', 'Datum 12 maart 2024', 'Kenmerk BZ-2024-0317') above their text; left in, they
became paragraphs of the letter ('alinea 3: Datum 12 maart 2024') and cut the paragraph the page
break tore in two. Pages are told apart by form feeds (the PDF importer's) or by a page footer
('Pagina 1 van 2', a copy of a PDF's text)."""

from __future__ import annotations

import re

_PAGE_FOOTER = re.compile(
    r"^(?:(?:Onze referentie|Ons kenmerk|Uw kenmerk|Kenmerk|Referentie)\s+\S+\s+)?"
    r"(?:Datum\s+\d{1,2}\s+\w+\s+\d{4}\s+)?Pagina\s+\d{1,3}\s*(?:van|/)\s*\d{1,3}$",
    re.IGNORECASE,
)
#: The margin a letter's later pages print above their text.
_MARGIN_LABEL = re.compile(
    r"^(?:Datum\s+\d{1,2}\s+\w+\s+\d{4}|(?:Onze referentie|Ons kenmerk|Uw kenmerk|Kenmerk|Referentie)\s+\S+)$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’»)]?$")
#: How many of the first page's lines are its head (letterhead, addressee, margin).
HEAD_LINES = 20
#: A page's last line this close to the width of the lines above it was wrapped, not ended.
FULL_LINE = 0.85


def join_pages(raw: str) -> str:
    """The text with each later page's running head left out, and a paragraph torn by a page break
    whole again (no blank line between a page's last line and the next page's first)."""
    pages = _pages(raw.replace("\r\n", "\n").replace("\r", "\n"))
    if len(pages) < 2:
        return raw
    head = {line.strip() for line in [line for line in pages[0] if line.strip()][:HEAD_LINES]}
    joined = list(pages[0])
    for page in pages[1:]:
        start = 0
        while start < len(page) and _is_running_head(page[start].strip(), head):
            start += 1
        body = page[start:]
        text_lines = [line.strip() for line in joined if line.strip() and not _is_page_end(line.strip())]
        if body and text_lines and _goes_on(text_lines, body[0].strip()):
            while joined and (not joined[-1].strip() or _is_page_end(joined[-1].strip())):
                joined.pop()  # the footer and page number go (strip_furniture would drop them anyway)
        else:
            joined.append("")
        joined += body
    return "\n".join(joined)


def _pages(text: str) -> list[list[str]]:
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        for index, part in enumerate(line.split("\f")):
            if index:
                pages.append([])
            pages[-1].append(part)
            if _PAGE_FOOTER.match(part.strip()):
                pages.append([])
    return [page for page in pages if any(line.strip() for line in page)]


def _is_running_head(line: str, head: set[str]) -> bool:
    return not line or line in head or bool(_MARGIN_LABEL.match(line) or _PAGE_NUMBER.match(line))


def _is_page_end(line: str) -> bool:
    return bool(_PAGE_FOOTER.match(line) or _PAGE_NUMBER.match(line))


def _goes_on(text_lines: list[str], first: str) -> bool:
    """The page's last line leaves its sentence open, and the next page goes on with it: in lower
    case, or after a last line as full as the lines above it (a word processor wrapped it)."""
    last = text_lines[-1]
    if not first or _SENTENCE_END.search(last):
        return False
    if first[:1].islower() or last.endswith("-"):
        return True
    width = max((len(line) for line in text_lines[-8:-1]), default=0)
    return bool(width) and len(last) >= FULL_LINE * width and len(text_lines) > 1
