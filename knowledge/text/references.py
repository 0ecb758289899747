"""The parliamentary documents a text cites ('Kamerstuk 21 501-02, nr. 2298', 'Handelingen II
2020/21, nr. 12'), as printed: found once when a text is read or changed, and stored with it."""

from __future__ import annotations

import re

_REFERENCE = re.compile(
    r"\b(?:Kamerstuk(?:ken)?(?:\s+II)?(?:\s+\d{4}/\d{2},?)?\s+\d{2}\s?\d{3}(?:-[\w]+)?,?\s+(?:nr\.|nrs\.)\s*\d+(?:\s*(?:en|,)\s*\d+)*"
    r"|Aanhangsel Handelingen(?:\s+II)?\s+\d{4}/\d{2},?\s+nr\.\s*\d+"
    r"|Handelingen(?:\s+II)?\s+\d{4}/\d{2},?\s+nr\.\s*\d+(?:,\s+item\s+\d+)?)"
)


def find_references(text: str) -> list[str]:
    """Parliamentary documents a text cites, as printed, each once."""
    found: list[str] = []
    for m in _REFERENCE.finditer(text):
        reference = re.sub(r"\s+", " ", m.group(0)).strip()
        if reference not in found:
            found.append(reference)
    return found


def entry_references(question: str | None, text: str) -> list[str]:
    """What an entry cites: its question and its text read together, as its citation lists them."""
    return find_references(f"{question or ''} {text}")
