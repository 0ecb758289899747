"""A copy that stops mid-sentence on a SHORT last line ('… werken.' then 'Het kabinet zal' alone): the
line is no fuller than any paragraph's last, and 'zal' is a word, so it passed as complete and the
incomplete answer was imported. A clause stopping on its auxiliary or modal verb is unfinished
wherever the line ends; a complete last line, a signature, or a short complete sentence stays whole
(issue 13, like tests/test_cut_off_full_line.py). Fictional answers in
tests/data/documents/layouts/afgebroken_korte_regel.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from interface.previews import render_preview
from interface.texts.moderator import IMPORT_EN
from knowledge.ingest.importers import read_document
from knowledge.moderation import Moderation
from tests.moderationkit import assert_preview_says_cut_off, fresh_service

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
CUT = (LAYOUTS / "afgebroken_korte_regel.txt").read_text(encoding="utf-8")
_STOP = "Het kabinet zal\n"
LETTER = (LAYOUTS / "commissievragen_brief.txt").read_text(encoding="utf-8")


def test_a_copy_cut_on_a_short_last_line_keeps_its_last_answer_aside() -> None:
    parsed = read_document(CUT.encode(), "vragen.txt")
    assert [e.number for e in parsed.entries] == [1]
    assert parsed.truncated is not None and parsed.truncated.number == 2
    assert parsed.truncated.text.endswith("Het kabinet zal")
    assert_preview_says_cut_off(parsed, 2)


@pytest.mark.parametrize(
    "stop",
    [
        "Het kabinet zal\n",
        "Het kabinet zal\n\n",  # its own paragraph
        "Het kabinet heeft\n",
        "De minister wil\n",
        "Daarnaast moeten\n",
        "Het kabinet zal, samen met de andere lidstaten,\nblijven aandringen op onze\n",  # a determiner
    ],
    ids=["zal", "own paragraph", "heeft", "wil", "moeten", "determiner"],
)
def test_a_short_last_line_that_stops_on_its_verb_is_cut_off(stop: str) -> None:
    parsed = read_document(CUT.replace(_STOP, stop).encode(), "vragen.txt")
    assert parsed.truncated is not None and parsed.truncated.number == 2
    assert [e.number for e in parsed.entries] == [1]


@pytest.mark.parametrize(
    "stop",
    [
        "Het kabinet zal deze steun in 2025 voortzetten.\n",  # a complete last line
        "Dat blijft zo.\n",  # a short last line, a complete sentence
        "Het kabinet blijft dat doen\n",  # a short complete sentence, no full stop
        "Dat is wat het kabinet wil\n",  # the verb of a subordinate clause stands last
        "Het kabinet doet dit zoals de Kamer\nwil\n",
        "Het kabinet zal dit blijven doen.\n\nDe Minister van Buitenlandse Zaken,\n\nA.B. Verhoef\n",  # signed
        "Het kabinet zal dit blijven doen.\n\nMet vriendelijke groet,\n\nDe minister van Buitenlandse Zaken\n",
    ],
    ids=["complete line", "short sentence", "no full stop", "subordinate", "wrapped subordinate", "signature",
         "greeting"],
)
def test_a_complete_end_is_not_called_cut_off(stop: str) -> None:
    parsed = read_document(CUT.replace(_STOP, stop).encode(), "vragen.txt")
    assert parsed.truncated is None and [e.number for e in parsed.entries] == [1, 2]
    assert "cut off" not in render_preview(Moderation(fresh_service()).preview_import(parsed), IMPORT_EN)


def test_a_letter_cut_before_its_signature_on_a_short_line_is_cut_off() -> None:
    """The committee letter stopped in its last answer, before it was signed: 'Het ministerie zal'."""
    head = LETTER[: LETTER.index("Ja. Het ministerie")]
    cut = head + (
        "Ja. Het ministerie spreekt regelmatig met vertegenwoordigers van de\nBelarussische gemeenschap.\n"
        "Het ministerie zal\n"
    )
    parsed = read_document(cut.encode(), "brief.txt")
    assert parsed.truncated is not None and parsed.truncated.text.endswith("Het ministerie zal")
    whole = read_document(LETTER.encode(), "brief.txt")
    assert whole.truncated is None
