"""Split official text into sentences, so front ends can highlight the one that answers best."""

from __future__ import annotations

import re

# Abbreviations the documents use that end in a full stop without ending a sentence.
_ABBREVIATIONS = {
    "jl",
    "nr",
    "nrs",
    "c.s",
    "o.a",
    "d.w.z",
    "bijv",
    "m.b.t",
    "t.a.v",
    "mr",
    "dr",
    "drs",
    "ir",
    "prof",
    "e.a",
    "resp",
    "art",
    "zgn",
    "i.e",
    "e.g",
    "vs",
    "etc",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’»)]?\s+(?=[\"'“‘«(]?[A-ZÀ-Ý\u0400-\u042f0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`; paragraphs always end a sentence."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        start = paragraph.start()
        for boundary in _BOUNDARY.finditer(paragraph.group(0)):
            end = paragraph.start() + boundary.start()
            if _ends_with_abbreviation(text[start:end]):
                continue
            spans.append((start, _rstrip_end(text, start, end)))
            start = paragraph.start() + boundary.end()
        spans.append((start, _rstrip_end(text, start, paragraph.end())))
    return [(s, e) for s, e in spans if e > s]


def _ends_with_abbreviation(sentence: str) -> bool:
    m = re.search(r"(?:^|\s|\()([\w.]+)\.$", sentence)
    if not m:
        return False
    word = m.group(1).lower()
    # initials such as 'S.A.' and listed abbreviations such as 'jl.'
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"(?:\w\.)*\w", word) and len(word.replace(".", "")) <= 3)


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
