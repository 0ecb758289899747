"""A short Kamerbrief pasted with blank lines between its paragraphs and lines broken mid-sentence
within them: one entry per paragraph. Its header lines ('Aan de Voorzitter …', 'Betreft …') are long
and end without a full stop, so they passed for wrapped lines of running text followed by blank
lines, the copy was taken for a 'doubled' dump (a blank line after every line) and a paragraph whose
last line is long ran into the next (issue 13). Our own fictional letters, in several shapes."""

from __future__ import annotations

import textwrap

import pytest

from interface.previews import render_preview
from interface.texts.moderator import IMPORT_EN
from knowledge.ingest.importers import read_document
from knowledge.models import DocumentKind
from knowledge.moderation import Moderation
from tests.moderationkit import fresh_service

HEAD = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Den Haag, 12 maart 2024",
    "Betreft Steun aan het maatschappelijk middenveld in Belarus",
    "Geachte voorzitter,",
)
PARAGRAPHS = (
    "Met deze brief informeer ik uw Kamer, mede namens de Minister voor Buitenlandse Handel en "
    "Ontwikkelingssamenwerking, over de steun die Nederland geeft aan het maatschappelijk middenveld in Belarus.",
    "Het kabinet heeft in 2023 vier miljoen euro beschikbaar gesteld voor onafhankelijke media.",
    "Deze steun wordt in 2024 voortgezet. Het kabinet houdt uw Kamer op de hoogte van de besteding van deze "
    "middelen en van de resultaten die de organisaties boeken.",
    "Daarnaast zet Nederland zich in de Europese Unie in voor verdere sancties tegen het regime van Loekasjenka.",
)
SIGNATURE = ("De Minister van Buitenlandse Zaken,", "A.B. Verhoef")

#: The letter as it was pasted: short paragraphs, one of them broken mid-sentence, blank lines between.
PASTED = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 12 maart 2024

Betreft Steun aan het maatschappelijk middenveld in Belarus

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de steun die Nederland geeft aan het
maatschappelijk middenveld in Belarus.

Het kabinet heeft in 2023 vier miljoen euro beschikbaar gesteld voor onafhankelijke media.

Deze steun wordt in 2024 voortgezet en het kabinet houdt uw Kamer op de hoogte.

De Minister van Buitenlandse Zaken,

A.B. Verhoef
"""


def _letter(shape: str, width: int) -> str:
    """The letter wrapped at `width` ('unwrapped': a paragraph a line), its paragraphs and header lines
    between blank lines ('blank') or one under the other ('compact')."""
    blocks = [[line] for line in HEAD]
    blocks += [[p] if shape == "unwrapped" else textwrap.wrap(p, width) for p in PARAGRAPHS]
    blocks += [[line] for line in SIGNATURE]
    if shape == "compact":
        return "\n".join(line for block in blocks for line in block) + "\n"
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def test_the_pasted_letter_gives_one_entry_per_paragraph() -> None:
    parsed = read_document(PASTED.encode(), "brief.txt")
    assert [e.text for e in parsed.entries] == [
        "Met deze brief informeer ik uw Kamer over de steun die Nederland geeft aan het maatschappelijk middenveld "
        "in Belarus.",
        "Het kabinet heeft in 2023 vier miljoen euro beschikbaar gesteld voor onafhankelijke media.",
        "Deze steun wordt in 2024 voortgezet en het kabinet houdt uw Kamer op de hoogte.",
    ]
    shown = render_preview(Moderation(fresh_service()).preview_import(parsed), IMPORT_EN)
    assert "3 entries:" in shown
    assert "alinea 2: Het kabinet heeft in 2023" in shown and "alinea 3: Deze steun wordt" in shown


@pytest.mark.parametrize(
    ("shape", "width"),
    [("blank", 60), ("blank", 70), ("blank", 78), ("blank", 85), ("unwrapped", 0),
     ("compact", 60), ("compact", 70), ("compact", 78)],
)
def test_a_short_letter_of_each_shape_gives_one_entry_per_paragraph(shape: str, width: int) -> None:
    parsed = read_document(_letter(shape, width).encode(), "brief.txt")
    assert [e.text for e in parsed.entries] == list(PARAGRAPHS)
    assert [e.number for e in parsed.entries] == [1, 2, 3, 4]
    document = parsed.document
    assert document.kind is DocumentKind.KAMERBRIEF and str(document.date) == "2024-03-12"
    assert [a.name for a in document.authors] == ["A.B. Verhoef"] and parsed.truncated is None


def test_a_blank_line_inside_a_wrapped_sentence_still_means_nothing() -> None:
    """The other side: a dump with a blank line after every line, also where a sentence is wrapped,
    keeps each paragraph whole (its blank lines are no paragraph ends)."""
    doubled = "\n\n".join(line for block in [HEAD, textwrap.wrap(PARAGRAPHS[2], 60), SIGNATURE] for line in block)
    parsed = read_document((doubled + "\n").encode(), "brief.txt")
    assert [e.text for e in parsed.entries] == [PARAGRAPHS[2]]


@pytest.mark.parametrize("subject_line", ["Onderwerp: Belarus", "Betreft: Steun aan het middenveld", "Onderwerp Belarus"])
def test_a_subject_line_with_a_colon_is_no_paragraph(subject_line: str) -> None:
    """User tester G3: 'Onderwerp: Belarus' under the date became 'alinea 1', official text of no paragraph;
    the header line is the letter's subject, with or without its colon."""
    text = _letter("blank", 78).replace(HEAD[2], subject_line).replace(HEAD[3] + "\n\n", "")  # no salutation after it
    parsed = read_document(text.encode(), "brief.txt")
    assert [e.text for e in parsed.entries] == list(PARAGRAPHS)
