"""Document button labels (interface/documents.py): documents that read alike are told apart by what differs."""

from __future__ import annotations

import datetime as dt

import pytest

from interface.documents import document_labels
from interface.texts import texts_for
from knowledge.models import Author, Document, DocumentKind

DAY = dt.date(2021, 7, 16)


def answers(key: str, *authors: str, number: str | None = None) -> Document:
    return Document(
        key=key, kind=DocumentKind.KAMERVRAGEN, title="Antwoord op vragen", date=DAY, number=number,
        authors=[Author(name=name) for name in authors],
    )


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_same_day_answer_sets_of_one_title_are_labelled_by_what_differs(language: str) -> None:
    texts = texts_for(language)
    sets = [answers("a", "J.P. Verhoef"), answers("b", "A.M. Kuipers-Dekker"), answers("c", "A.B. de Wit")]
    labels = document_labels(sets, texts, lambda d: None)
    date = texts.date(DAY)
    assert labels == [f"{date} · J.P. Verhoef", f"{date} · A.M. Kuipers-Dekker", f"{date} · A.B. de Wit"]


def test_a_printed_number_comes_before_the_authors_and_first_words_last() -> None:
    texts = texts_for("en")
    numbered = [answers("a", "J.P. Verhoef", number="3341"), answers("b", "J.P. Verhoef", number="3342")]
    assert [label.split(" · ")[1] for label in document_labels(numbered, texts, lambda d: None)] == ["nr. 3341", "nr. 3342"]
    alike = [answers("a", "J.P. Verhoef"), answers("b", "J.P. Verhoef")]
    openings = {"a": "Ja, het kabinet is bekend met de berichtgeving daarover.", "b": "Nee."}
    labels = document_labels(alike, texts, lambda d: openings[d.key])
    assert labels == ["16 July 2021 · Ja, het kabinet is bekend met…", "16 July 2021 · Nee."]


def test_a_label_fits_a_button() -> None:
    long = answers("a", *(f"Minister Nummer{n}" for n in range(10)))
    labels = document_labels([long, answers("b")], texts_for("nl"), lambda d: None, limit=60)
    assert all(len(label) <= 60 for label in labels) and labels[0].endswith("…")
