"""The parser on the two real seed documents: entries, metadata and cleaning of PDF artefacts."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.ingest.parsing import ParseError, parse_document
from knowledge.models import DocumentKind
from tests.conftest import ANSWERS, LETTER


@pytest.fixture(scope="module")
def letter():
    return parse_document(LETTER.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def answers():
    return parse_document(ANSWERS.read_text(encoding="utf-8"))


def test_letter_metadata_comes_from_header_date_and_signature(letter) -> None:
    document = letter.document
    assert document.kind is DocumentKind.KAMERBRIEF
    assert document.number == "2298"
    assert document.date == dt.date(2021, 3, 2)
    assert document.title == "Brief van de Minister van Buitenlandse Zaken"
    assert [(a.name, a.role) for a in document.authors] == [("S.A. Blok", "Minister van Buitenlandse Zaken")]
    assert document.references == [
        "Kamerstuk 21 501-20 nr. 1634",
        "Kamerstuk 21 501-02, nr. 2295",
        "Kamerstuk 21 501-02, nr. 2248",
    ]
    assert document.official_id is None, "the text does not print an official id, so none is invented"


def test_letter_body_paragraphs_are_numbered_entries(letter) -> None:
    texts = [e.text for e in letter.entries]
    assert len(texts) == 7
    assert [e.number for e in letter.entries] == list(range(1, 8))
    assert texts[0].startswith("Hierbij informeer ik uw Kamer")
    assert texts[-1].startswith("Nederland zal samen met de EU")
    assert not any("Den Haag" in t or "S.A. Blok" in t or "Voorzitter van de Tweede Kamer" in t for t in texts)


def test_letter_hyphenation_is_mended_and_real_hyphens_kept(letter) -> None:
    whole = " ".join(e.text for e in letter.entries)
    assert "diplomatieke aanwezigheid te bereiken" in whole
    assert "mensenrechtenschendingen in Belarus" in whole
    assert "het sanctieregime dat, sinds 2012" in whole, "the document writes 'sanctieregime' whole elsewhere"
    assert "EU-verband" in whole and "EU-lidstaten" in whole and "EU-overleg" in whole
    assert "aanwe-" not in whole and "  " not in whole and "\n" not in whole
    assert "coördineren" in whole


def test_answers_metadata_names_both_ministers_and_the_date_received(answers) -> None:
    document = answers.document
    assert document.kind is DocumentKind.KAMERVRAGEN
    assert document.date == dt.date(2021, 7, 16)
    assert [(a.name, a.ministry) for a in document.authors] == [
        ("Kaag", "Buitenlandse Zaken"),
        ("Grapperhaus", "Justitie en Veiligheid"),
    ]
    assert document.question_number is None and document.official_id is None


def test_answers_become_one_entry_per_question(answers) -> None:
    assert [e.number for e in answers.entries] == [1, 2, 3, 4, 5, 6]
    assert all(e.question_is_official and e.question for e in answers.entries)
    assert answers.entries[0].text == "Ja"
    assert answers.entries[5].question.endswith("Zo nee, waarom niet?")


def test_footnote_printed_inside_question_three_belongs_to_question_one(answers) -> None:
    first, third = answers.entries[0], answers.entries[2]
    assert first.question.endswith("binnen de EU'?"), "the marker ' 1' is removed from the running text"
    assert len(first.footnotes) == 1
    footnote = first.footnotes[0]
    assert footnote.number == 1
    assert footnote.text.startswith("Trouw, 26 mei 2021, «Volgens Olga Karatsj")
    assert footnote.text.endswith("binnen de EU»"), "the repeated link title is dropped"
    assert footnote.url and footnote.url.startswith("https://www.trouw.nl/buitenland/")
    assert third.question.startswith("Heeft het ministerie van Buitenlandse Zaken")
    assert "trouw" not in third.question.lower() and not third.footnotes


def test_doubled_blank_lines_collapse_but_paragraphs_of_an_answer_survive(answers) -> None:
    second = answers.entries[1].text
    assert second.count("\n\n") == 1
    assert "kracht bijgezet.\n\nBij het kabinet zijn geen signalen" in second
    assert "\n\n\n" not in "".join(e.text for e in answers.entries)


@pytest.mark.parametrize("raw", ["", "   \n\n ", "Vraag 1\n\nAntwoord\n"])
def test_text_without_entries_is_refused(raw: str) -> None:
    with pytest.raises(ParseError):
        parse_document(raw)
