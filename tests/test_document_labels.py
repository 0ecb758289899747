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
    # One day's documents: the date tells none apart, so it is left out and the authors lead.
    assert labels == [f"{name} · Antwoord op vragen" for name in ("J.P. Verhoef", "A.M. Kuipers-Dekker", "A.B. de Wit")]
    other_day = answers("d", "J.P. Verhoef").model_copy(update={"date": dt.date(2021, 7, 20)})
    mixed = document_labels([sets[0], other_day], texts, lambda d: None)
    assert mixed == [f"{texts.date(DAY)} · Antwoord op vragen", f"{texts.date(other_day.date)} · Antwoord op vragen"]


def test_a_printed_number_and_else_the_first_words_tell_one_ministers_sets_apart() -> None:
    texts = texts_for("en")
    numbered = [answers("a", "J.P. Verhoef", number="3341"), answers("b", "J.P. Verhoef", number="3342")]
    assert document_labels(numbered, texts, lambda d: None) == [
        "J.P. Verhoef · nr. 3341 · Antwoord op vragen", "J.P. Verhoef · nr. 3342 · Antwoord op vragen"
    ]
    alike = [answers("a", "J.P. Verhoef"), answers("b", "J.P. Verhoef")]
    openings = {"a": "Ja, het kabinet is bekend met de berichtgeving daarover.", "b": "Nee."}
    labels = document_labels(alike, texts, lambda d: openings[d.key], limit=120)
    assert labels == [
        "Ja, het kabinet is bekend met… · J.P. Verhoef · Antwoord op vragen", "Nee. · J.P. Verhoef · Antwoord op vragen"
    ]
    undated = [d.model_copy(update={"date": None}) for d in alike]
    assert document_labels(undated, texts, lambda d: openings[d.key]) == [
        "Answers to questions · Ja, het kabinet is bekend met…", "Answers to questions · Nee."
    ], "undated, of one minister: the kind and the first words"


def test_a_label_fits_a_button() -> None:
    long = answers("a", *(f"Minister Nummer{n}" for n in range(10)))
    labels = document_labels([long, answers("b")], texts_for("nl"), lambda d: None, limit=60)
    assert all(len(label) <= 60 for label in labels) and labels[0].endswith("…")
