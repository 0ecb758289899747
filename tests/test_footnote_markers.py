"""Footnote markers glued to a question mark ('…gearresteerd?2', '…?12', '…?¹³') in every layout with
numbered questions: the marker leaves the entry's text (its footnote goes with the entry when the copy
has it) and the numbering comes from the headings alone (issue 13). Our own fictional documents in
tests/data/documents/layouts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.ingest.parsing import parse_document
from knowledge.models import ParsedDocument

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
_MARKER_LEFT = re.compile(r"\?\S")


def layout(name: str) -> str:
    return (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")


def assert_no_marker_left(parsed: ParsedDocument) -> None:
    for entry in parsed.entries:
        for text in (entry.question or "", entry.text):
            assert not _MARKER_LEFT.search(text), text
            assert not re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", text), text


def test_footnotes_numbered_on_from_the_questions_go_with_their_entries_not_into_the_answers() -> None:
    """Markers 12 and 13 (the answers' footnotes count on from the questions'), one as superscript,
    and a marker 14 whose footnote the copy lacks."""
    parsed = parse_document(layout("voetnoten_doorgenummerd"))
    assert [e.number for e in parsed.entries] == [1, 2, 3]
    assert parsed.unanswered == [] and parsed.unmatched == []
    assert_no_marker_left(parsed)
    first, second, third = parsed.entries
    assert first.question.endswith("zijn gearresteerd?") and first.text == "Ja."
    assert [(f.number, f.url) for f in first.footnotes] == [(12, "https://example.org/journalisten-gearresteerd")]
    assert second.question.endswith("op dit moment gevangen?")
    assert [(f.number, f.url) for f in second.footnotes] == [(13, "https://example.org/baj-gevangenen")]
    assert second.text.endswith("aan dit aantal te twijfelen.")
    assert third.question.endswith("aan de orde te stellen?") and third.footnotes == []
    assert third.text.endswith("Raad Buitenlandse Zaken aan de orde."), "footnote 13 is not part of the answer"


def test_a_republished_page_drops_its_markers_and_keeps_the_footnotes_with_their_entries() -> None:
    parsed = parse_document(layout("herpublicatie_voetnoten"))
    assert [e.number for e in parsed.entries] == [1, 2, 3]
    assert_no_marker_left(parsed)
    first, second, third = parsed.entries
    assert first.question.endswith("zijn gearresteerd?") and first.text == "Ja."
    assert [f.number for f in first.footnotes] == [1] and [f.number for f in second.footnotes] == [2]
    assert second.text.endswith("journalisten gevangen.")
    assert third.text.endswith("aan de orde."), "the footnotes at the page's end are no answer"
    assert third.footnotes == []


@pytest.mark.parametrize("with_footnotes", [False, True])
def test_a_committee_question_with_a_glued_marker_is_still_the_question(with_footnotes: bool) -> None:
    raw = layout("commissievragen_brief").replace("gevangen?", "gevangen?1").replace("bevorderen?", "bevorderen?2")
    if with_footnotes:
        raw = raw.replace("\nDe Minister van", "\n1 Viasna, https://example.org/viasna\n\nDe Minister van")
    parsed = parse_document(raw)
    assert [e.number for e in parsed.entries] == [1, 2, 3], "the numbered pairs, not the letter's paragraphs"
    assert_no_marker_left(parsed)
    assert parsed.entries[0].question.endswith("in Belarus gevangen?")
    assert parsed.entries[1].question.endswith("gevangenen te bevorderen?")
    assert parsed.entries[1].text.startswith("Het kabinet roept")
    if with_footnotes:
        assert [f.number for f in parsed.entries[0].footnotes] == [1]


def test_a_footnote_whose_marker_the_copy_lost_never_takes_a_headings_number() -> None:
    """A web page's copy (unwrapped lines) whose markers were lost: 'Antwoord 1' at a line's end looked
    like '… het rapport 1', the heading lost its number and questions 1 and 2 went unanswered."""
    raw = layout("webpagina_aanhangsel").split("\nVraag 1")[0] + (
        "\nVraag 1\n\nKent u het bericht dat journalisten zijn gearresteerd?\n\nAntwoord 1\n\nJa.\n\n"
        "Vraag 2\n\nHoeveel journalisten zitten vast?\n\nAntwoord 2\n\nVolgens Viasna meer dan dertig.\n\n"
        "Vraag 3\n\nWat doet u daaraan?\n\nAntwoord 3\n\nNederland steunt onafhankelijke media.\n"
        "\n1 Voorbeeldkrant, 4 maart 2023\n2 Viasna, https://example.org/viasna\n"
    )
    parsed = parse_document(raw)
    assert [e.number for e in parsed.entries] == [1, 2, 3]
    assert parsed.unanswered == []
    assert [e.text for e in parsed.entries][:2] == ["Ja.", "Volgens Viasna meer dan dertig."]


def test_a_number_after_a_question_mark_inside_a_web_address_is_kept() -> None:
    raw = layout("webpagina_aanhangsel").replace(
        "Antwoord 1\n\nJa.", "Antwoord 1\n\nJa. Zie https://example.org/zoek?2 voor het bericht."
    )
    assert "https://example.org/zoek?2 voor" in parse_document(raw).entries[0].text
