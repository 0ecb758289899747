"""Answers given 'mede namens de Minister van …' (issue 13): the co-minister, named by office only
in the answer's head, is an author too, shown as the text prints the office and translated for an
asker of another language; an office is no surname to look a document up by. Fictional ministers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from interface.roles import describe_authors
from knowledge.ingest.importers import read_document
from knowledge.ingest.parsing import answerers
from knowledge.models import Author
from knowledge.text.lookups import author_names

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
KOOISTRA = Author(name="Kooistra", role="minister", ministry="Buitenlandse Zaken")
JENV = Author(name="Minister van Justitie en Veiligheid")


def with_head(answer_line: str) -> bytes:
    raw = (LAYOUTS / "antwoord_zie_ook.txt").read_text(encoding="utf-8")
    start = raw.index("Antwoord van")
    end = raw.index("\n", start)
    return (raw[:start] + answer_line + raw[end:]).encode()


@pytest.mark.parametrize(
    "line",
    [
        "Antwoord van Minister Kooistra (Buitenlandse Zaken), mede namens de Minister van Justitie en Veiligheid "
        "(ontvangen 9 februari 2024).",
        "Antwoord van Minister Kooistra (Buitenlandse Zaken) (mede namens de Minister van Justitie en Veiligheid) "
        "(ontvangen 9 februari 2024).",
    ],
)
def test_the_co_minister_named_by_office_is_an_author(line: str) -> None:
    document = read_document(with_head(line), "antwoord.txt").document
    assert document.authors == [KOOISTRA, JENV]
    assert document.date == dt.date(2024, 2, 9)


def test_several_offices_on_whose_behalf_are_each_an_author() -> None:
    assert answerers(
        "de Minister van Buitenlandse Zaken (mede namens de Minister van Justitie en Veiligheid en de "
        "Staatssecretaris voor Rechtsbescherming)"
    ) == [
        Author(name="Minister van Buitenlandse Zaken"),
        JENV,
        Author(name="Staatssecretaris voor Rechtsbescherming"),
    ]


def test_a_named_co_minister_is_read_as_before() -> None:
    head = "minister Kooistra (Buitenlandse Zaken), mede namens staatssecretaris ter Horst (Justitie en Veiligheid)"
    assert answerers(head) == [
        KOOISTRA,
        Author(name="ter Horst", role="staatssecretaris", ministry="Justitie en Veiligheid"),
    ]


def test_the_office_is_shown_as_printed_and_translated_but_is_no_surname() -> None:
    document = read_document(
        with_head(
            "Antwoord van Minister Kooistra (Buitenlandse Zaken), mede namens de Minister van Justitie en "
            "Veiligheid (ontvangen 9 februari 2024)."
        ),
        "antwoord.txt",
    ).document
    assert describe_authors(document.authors, "en").endswith(
        "Minister van Justitie en Veiligheid [Minister of Justice and Security]"
    )
    assert describe_authors(document.authors, "nl").endswith(", Minister van Justitie en Veiligheid")
    assert "veiligheid" not in author_names(document) and "kooistra" in author_names(document)
