"""A letter's signature as ministries print it never becomes a paragraph of the letter (issue 13):
'de minister van …,' in lower case, a role line without its comma, the name above the role, after
'Hoogachtend,', one signer or two, dated or not. Each signer is an author. A fictional letter."""

from __future__ import annotations

import pytest

from knowledge.ingest.importers import read_document
from knowledge.models import Author

BODY = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Geachte voorzitter,

Hierbij informeer ik uw Kamer over de stand van zaken rond de sancties tegen Belarus.
De Europese Unie heeft op voorstel van Nederland een nieuw sanctiepakket aangenomen.

Het kabinet blijft zich inzetten voor de vrijlating van alle politieke gevangenen in Belarus
en roept de autoriteiten op de repressie te beëindigen.

"""
KOOISTRA = Author(name="P.J. Kooistra", role="Minister van Buitenlandse Zaken")
FIRST_WORDS = ["Hierbij informeer ik", "Het kabinet blijft z"]


@pytest.mark.parametrize(
    ("signature", "authors"),
    [
        ("De Minister van Buitenlandse Zaken,\n\nP.J. Kooistra\n", [KOOISTRA]),
        ("Hoogachtend,\n\nde minister van Buitenlandse Zaken,\n\n\n\nP.J. Kooistra\n", [KOOISTRA]),
        ("De Minister van Buitenlandse Zaken\n\nP.J. Kooistra\n", [KOOISTRA]),
        ("P.J. Kooistra\nMinister van Buitenlandse Zaken\n", [KOOISTRA]),
        ("P.J. Kooistra\n\nMinister van Buitenlandse Zaken\n", [KOOISTRA]),
        (
            "De Minister van Buitenlandse Zaken,\n\nP.J. Kooistra\n\nde staatssecretaris van Justitie en Veiligheid,\n\n"
            "A. de Boer\n",
            [KOOISTRA, Author(name="A. de Boer", role="Staatssecretaris van Justitie en Veiligheid")],
        ),
    ],
    ids=["as-before", "lower-case-after-closing", "no-comma", "name-first", "name-first-apart", "two-signers"],
)
@pytest.mark.parametrize("dated", [False, True], ids=["undated", "dated"])
def test_the_signature_is_no_paragraph_and_its_signers_are_authors(
    signature: str, authors: list[Author], dated: bool
) -> None:
    body = BODY.replace("Geachte", "Den Haag, 3 maart 2024\n\nGeachte") if dated else BODY
    parsed = read_document((body + signature).encode(), "brief.txt")
    assert [e.text[:20] for e in parsed.entries] == FIRST_WORDS
    assert parsed.document.authors == authors


def test_a_closing_paragraph_of_names_without_a_role_stays_the_letters_text() -> None:
    raw = BODY + "Aanwezig waren onder meer:\n\nA. de Boer\n"
    parsed = read_document(raw.encode(), "brief.txt")
    assert parsed.entries[-1].text == "A. de Boer" and parsed.document.authors == []


def test_a_sentence_naming_the_minister_at_the_end_stays_the_letters_text() -> None:
    last = "Daarover heeft de Minister van Buitenlandse Zaken vandaag met zijn Poolse ambtgenoot gesproken."
    parsed = read_document((BODY + last + "\n").encode(), "brief.txt")
    assert parsed.entries[-1].text == last
