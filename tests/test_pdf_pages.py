"""A letter's PDF over two pages, as ministries print them: the later page repeats the letterhead and
the margin ('Ministerie van …', 'Datum …', 'Kenmerk …') above its text, each page ends in 'Pagina 1
van 2', words are hyphenated at line ends, and the page break tears a paragraph in two. Read as one
letter of three paragraphs, from the PDF and from a copy of its text alike (issue 13). Our own
fictional letter in tests/data/documents/pdfpages/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.ingest.importers import read_document
from knowledge.models import ParsedDocument
from tests.pdfgen import make_pages_pdf

PAGES = Path(__file__).resolve().parent / "data" / "documents" / "pdfpages"
FIRST, SECOND = ((PAGES / f"brief_pagina_{n}.txt").read_text(encoding="utf-8") for n in (1, 2))
TORN = "verantwoording worden geroepen voor de schendingen die zij hebben begaan tegen de eigen"


def from_pdf(first: str = FIRST, second: str = SECOND) -> ParsedDocument:
    return read_document(make_pages_pdf([first, second]), "brief.pdf")


def from_copied_text(first: str = FIRST, second: str = SECOND) -> ParsedDocument:
    return read_document(f"{first}{second}".encode(), "brief.txt")


@pytest.mark.parametrize("read", [from_pdf, from_copied_text], ids=["pdf", "copied text"])
def test_a_letter_over_two_pages_is_read_without_its_running_head_and_with_its_torn_paragraph_whole(
    read: Callable[..., ParsedDocument],
) -> None:
    parsed = read()
    assert parsed.document.date == dt.date(2024, 3, 12) and parsed.document.authors
    texts = [e.text for e in parsed.entries]
    assert len(texts) == 3, texts
    assert f"{TORN} bevolking en tegen de vreedzame demonstranten van 2020." in texts[1]
    assert "Ontwikkelingssamenwerking" in texts[0] and "onafhankelijke journalisten" in texts[2]
    assert not any(t.startswith(("Ministerie", "Datum", "Kenmerk")) or "Pagina" in t for t in texts)


@pytest.mark.parametrize("read", [from_pdf, from_copied_text], ids=["pdf", "copied text"])
def test_a_full_last_line_runs_into_the_next_pages_first_line_even_in_capitals(read: Callable[..., ParsedDocument]) -> None:
    second = SECOND.replace("bevolking en tegen", "Belarussische bevolking en tegen")
    parsed = read(FIRST, second)
    assert len(parsed.entries) == 3
    assert f"{TORN} Belarussische bevolking" in parsed.entries[1].text


def test_a_paragraph_that_ends_on_a_page_stays_a_paragraph() -> None:
    first = FIRST.replace("tegen de eigen\n", "tegen de eigen bevolking.\n")
    second = SECOND.replace("bevolking en tegen de vreedzame demonstranten van 2020.", "Ook dat blijft het kabinet doen.")
    parsed = from_pdf(first, second)
    texts = [e.text for e in parsed.entries]
    assert len(texts) == 4 and texts[2] == "Ook dat blijft het kabinet doen.", texts
