"""A PDF page's text with the paragraph breaks its layout shows and its text layer does not say.

pypdf gives a page's text line by line, without the space a word processor leaves between
paragraphs and without the indentation of a paragraph's first line: both are positions, not
characters. A paragraph whose last line happens to be full then runs into the next one, since the
text alone cannot tell a paragraph end from a sentence that ends at a line break. The positions can:
here each line gets the place it was drawn, a blank line goes where the space above a line is
clearly more than the page's line spacing, and a line that starts a little right of the page's left
margin is indented with spaces, as a copied text shows it (knowledge.ingest.cleaning reads both).
Anything the positions cannot be trusted for (rotated text, text drawn out of reading order, too
few lines) is left as pypdf gave it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

#: Space above a line, in multiples of the page's usual line spacing, that is a paragraph's spacing.
PARAGRAPH_GAP = 1.3
#: ...and at least this many points more than the usual spacing (rounding in the PDF is no paragraph).
MIN_EXTRA_POINTS = 2.0
#: A first line this far right of the left margin, in font sizes, is indented (between these bounds:
#: further right is a date, a signature or a centred title, not an indent).
INDENT_MIN, INDENT_MAX = 0.8, 6.0
#: Fewer positioned lines than this say nothing about a page's spacing.
MIN_LINES = 4
INDENT = "    "


@dataclass
class _Line:
    text: str
    x: float | None = None
    y: float | None = None
    size: float = 0.0


def page_text(page: Any) -> str:
    """The page's text (pypdf's), with blank lines at paragraph spacing and indented first lines."""
    chunks: list[tuple[str, float, float, float, bool]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        upright = abs(tm[1]) < 1e-6 and abs(tm[2]) < 1e-6 and abs(cm[1]) < 1e-6 and abs(cm[2]) < 1e-6
        scale = abs(tm[3] * cm[3]) or 1.0
        chunks.append((text, x, y, size * scale, upright))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(chunk[0] for chunk in chunks) != text or not all(chunk[4] for chunk in chunks):
        return text  # the positions do not describe the text as given: leave it as it is
    lines = _positioned_lines(chunks)
    return _laid_out(lines) if len([line for line in lines if line.y is not None]) >= MIN_LINES else text


def _positioned_lines(chunks: list[tuple[str, float, float, float, bool]]) -> list[_Line]:
    """The text's lines, each with the position of the first chunk that put a character on it."""
    lines = [_Line("")]
    for text, x, y, size, _ in chunks:
        for number, piece in enumerate(text.split("\n")):
            if number:
                lines.append(_Line(""))
            line = lines[-1]
            if piece.strip() and line.y is None:
                line.x, line.y, line.size = x, y, size
            line.text += piece
    return lines


def _usual_spacing(drops: list[float]) -> float:
    """The line spacing inside paragraphs: the most common drop from one line to the next (most lines
    are not a paragraph's first), the smaller of equally common ones."""
    counts = Counter(round(drop * 2) / 2 for drop in drops)
    return min(counts, key=lambda drop: (-counts[drop], drop))


def _laid_out(lines: list[_Line]) -> str:
    placed = [line for line in lines if line.y is not None]
    drops = [a.y - b.y for a, b in zip(placed, placed[1:], strict=False) if a.y is not None and b.y is not None]
    if not drops or sum(drop <= 0 for drop in drops) > len(drops) // 10:
        return "\n".join(line.text for line in lines)  # not drawn top to bottom (columns, tables): no spacing to read
    spacing = _usual_spacing([drop for drop in drops if drop > 0])
    margin = Counter(round(line.x or 0.0) for line in placed).most_common(1)[0][0]
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if line.y is None:
            out.append(line.text)
            continue
        if previous is not None and previous.y is not None and out and out[-1].strip():
            drop = previous.y - line.y
            if drop > PARAGRAPH_GAP * spacing and drop - spacing >= MIN_EXTRA_POINTS:
                out.append("")
        shift = (line.x or 0.0) - margin
        size = line.size or spacing
        indented = INDENT_MIN * size <= shift <= INDENT_MAX * size
        out.append((INDENT if indented else "") + line.text.strip() if indented else line.text)
        previous = line
    return "\n".join(out)
