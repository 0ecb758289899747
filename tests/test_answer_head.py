"""The head of answers to Kamervragen as the Aanhangsel prints it (issue 13, user test 12 F7): an
'Antwoord van …' line with a 'Zie ook …' sentence after it still gives the date and ministers, and
the printed head ('Vergaderjaar 2023–2024', 'Aanhangsel van de Handelingen', '1234') gives the
official citation. Our own fictional document in tests/data/documents/layouts/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from knowledge.ingest.importers import read_document
from knowledge.models import Author

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
MINISTERS = [
    Author(name="Kooistra", role="minister", ministry="Buitenlandse Zaken"),
    Author(name="Dijkhuis", role="minister", ministry="Justitie en Veiligheid"),
]


def layout(name: str) -> str:
    return (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")


def test_an_answer_line_with_a_see_also_sentence_keeps_its_date_and_ministers() -> None:
    document = read_document(layout("antwoord_zie_ook").encode(), "antwoord.txt").document
    assert document.date == dt.date(2024, 2, 9)
    assert document.authors == MINISTERS
    assert "Zie ook" not in document.title and "ontvangen" not in document.title


def test_the_same_answer_line_without_the_sentence_reads_the_same() -> None:
    raw = layout("antwoord_zie_ook").replace(" Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1100.", "")
    assert "Zie ook" not in raw
    document = read_document(raw.encode(), "antwoord.txt").document
    assert (document.date, document.authors) == (dt.date(2024, 2, 9), MINISTERS)


def test_the_printed_aanhangsel_head_gives_the_official_citation_not_the_see_also_number() -> None:
    document = read_document(layout("antwoord_zie_ook").encode(), "antwoord.txt").document
    assert document.citation == "Aanhangsel Handelingen II 2023/24, nr. 1234"
    assert document.official_id == "ah-tk-20232024-1234"
    assert document.key == "kamervragen-2024-02-09-1234"


def test_a_head_without_its_number_line_gives_no_citation() -> None:
    raw = layout("antwoord_zie_ook").replace("\n1234\n", "\n")
    document = read_document(raw.encode(), "antwoord.txt").document
    assert document.citation is None and document.official_id is None
    assert document.date == dt.date(2024, 2, 9)
