"""Answers to Kamervragen whose question stands on its heading's line ('Vraag 1 Is de minister …?',
'Antwoord 1 Ja, …') or under its number alone ('1. Is de minister …?', then the answer): read as
the usual layout, with the head's date, ministers and question number (issue 13). Our own fictional
documents in tests/data/documents/layouts/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge.ingest.importers import QuestionsOnly, read_document
from knowledge.models import Author, DocumentKind

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
MINISTER = [Author(name="Bruins Slot", role="minister", ministry="Buitenlandse Zaken")]


def layout(name: str) -> str:
    return (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")


def test_a_question_on_its_headings_line_is_read_with_its_answer() -> None:
    parsed = read_document(layout("vraag_op_kopregel").encode(), "vragen.txt")
    document = parsed.document
    assert document.kind is DocumentKind.KAMERVRAGEN and document.date == dt.date(2024, 5, 2)
    assert document.authors == MINISTER and document.question_number == "2024Z05120"
    assert [(e.number, e.question[:30], e.text[:20]) for e in parsed.entries if e.question] == [
        (1, "Is de minister bekend met het ", "Ja, de minister is m"),
        (2, "Steunt Nederland journalisten ", "Ja. Nederland steunt"),
    ]
    assert not any(e.text.startswith(("Vraag", "Antwoord")) for e in parsed.entries)


def test_questions_numbered_1_and_2_with_the_answers_under_them_are_answers_to_kamervragen() -> None:
    parsed = read_document(layout("genummerd_op_kopregel").encode(), "vragen.txt")
    document = parsed.document
    assert document.kind is DocumentKind.KAMERVRAGEN and document.date == dt.date(2024, 5, 3)
    assert document.authors == MINISTER and document.key == "kamervragen-2024-05-03-2024z05121"
    assert [(e.number, e.question) for e in parsed.entries] == [
        (1, "Is de minister op de hoogte van de arrestatie van een katholieke priester in Pinsk?"),
        (2, "Is de minister bereid deze zaak in EU-verband aan de orde te stellen?"),
    ]
    assert parsed.entries[0].text == "Ja. Het kabinet heeft kennisgenomen van deze arrestatie en volgt de zaak."
    assert all(e.question_is_official for e in parsed.entries) and not parsed.unanswered


def test_grouped_numbers_on_the_headings_line_answer_both_questions() -> None:
    raw = layout("vraag_op_kopregel").replace("Vraag 1 Is", "Vraag 1, 2 Is").replace(
        "Antwoord 1 Ja", "Antwoord 1, 2 Ja"
    ).replace("Vraag 2 Steunt", "Vraag 3 Steunt").replace("Antwoord 2 Ja", "Antwoord 3 Ja")
    parsed = read_document(raw.encode(), "vragen.txt")
    assert [(e.number, e.numbers) for e in parsed.entries] == [(1, [1, 2]), (3, [])]


@pytest.mark.parametrize("name", ["vraag_op_kopregel", "genummerd_op_kopregel"])
def test_the_same_questions_without_answers_are_refused(name: str) -> None:
    raw = layout(name)
    head, _, _ = raw.partition("Antwoord van")
    numbered = [line for line in raw.splitlines() if line.startswith(("Vraag", "1.", "2."))]
    questions_only = head + "\n\n".join(
        line.split("?")[0] + "?" if line.startswith("Vraag") else line for line in numbered
    )
    with pytest.raises(QuestionsOnly):
        read_document(questions_only.encode(), "vragen.txt")
