"""A copy that stops mid-sentence on a full line ('… en het kabinet zal'): its last word is a word,
but the line is as full as the wrapped lines above it and ends no sentence, so the copy was cut
there. The preview says so and the incomplete answer is not imported (issue 13). Our own fictional
answers in tests/data/documents/layouts/afgebroken_volle_regel.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from knowledge.ingest.importers import read_document
from knowledge.ingest.parsing import stops_on_full_line

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
CUT = (LAYOUTS / "afgebroken_volle_regel.txt").read_text(encoding="utf-8")


def test_a_copy_cut_on_a_full_line_keeps_its_last_answer_aside() -> None:
    parsed = read_document(CUT.encode(), "vragen.txt")
    assert [e.number for e in parsed.entries] == [1]
    assert parsed.truncated is not None and parsed.truncated.number == 2
    assert parsed.truncated.text.endswith("en het kabinet zal")


@pytest.mark.parametrize("fixture", ["afgebroken_volle_regel.txt", "afgebroken_korte_regel.txt"])
def test_the_dry_run_says_the_last_answer_looks_cut_off(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, fixture: str
) -> None:
    """Cut on a full line, or on a short one (tests/test_cut_off_short_line.py)."""
    path = tmp_path / "vragen.txt"
    path.write_text((LAYOUTS / fixture).read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--database", str(database), "import", "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 entry:" in out and "Question 2 (Vraag 2) looks cut off" in out


@pytest.mark.parametrize(
    "ending",
    [
        "bijstand aan Belarussische advocaten.",  # a sentence ended
        "bijstand aan Belarussische advocaten die hun beroep niet meer mogen uitoefenen, en het\nkabinet zal",  # short
    ],
    ids=["ended", "short last line"],
)
def test_an_answer_that_ends_or_stops_short_is_not_taken_for_cut_on_a_full_line(ending: str) -> None:
    head, _, _ = CUT.partition("bijstand aan Belarussische")
    assert stops_on_full_line(head + ending + "\n") is None


def test_a_one_line_paragraph_says_nothing_of_its_width() -> None:
    assert stops_on_full_line("Antwoord 2\n\nNederland steunt de advocaten en het kabinet zal\n") is None


@pytest.mark.parametrize(
    "last",
    ["2 Viasna, rapport over de detentieomstandigheden in Belarus, hoofdstuk drie", "zie https://example.org/viasna"],
)
def test_a_footnote_or_a_web_address_on_the_last_line_is_no_cut(last: str) -> None:
    above = "1 Voorbeeldkrant, een bericht over de arrestatie van journalisten in Minsk en Grodno, 4 maart 2023"
    assert stops_on_full_line(f"Antwoord 3\n\nNederland steunt de media.\n\n{above}\n{last}\n") is None
