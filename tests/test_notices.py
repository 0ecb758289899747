"""A ministry's 'Mededeling' (an announcement, no Kamerstuk number) imports with the date its text prints
('Den Haag, 3 mei 2023', 'Datum 3 mei 2023', '(ontvangen 3 mei 2023)'), wherever that line stands; a
document without any date is previewed as such in the moderator's language (issue 13). Our own
fictional documents in tests/data/documents/layouts/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.cli import main
from interface.texts.moderator import import_texts
from knowledge.ingest.importers import DocumentRejected, read_document
from knowledge.ingest.parsing import parse_document
from knowledge.models import Author, DocumentKind
from knowledge.reasons import Reason
from tests.moderationkit import content
from tests.test_telegram_moderation import OTHER_MODERATOR, buttons, moderated_bot, press, upload

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
FIRST = "Het kabinet stelt de komende drie jaar opnieuw middelen beschikbaar voor onafhankelijke Belarussische media"
SUBJECT = "Nederland verlengt de steun aan het Belarussische maatschappelijk middenveld"


def layout(name: str) -> str:
    return (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")


def without_date(raw: str) -> str:
    return raw.replace("Den Haag, 3 mei 2023\n\n", "")


@pytest.mark.parametrize(
    "raw",
    [
        layout("mededeling_den_haag"),
        layout("mededeling_datumregel"),
        without_date(layout("mededeling_den_haag")) + "\nDen Haag, 3 mei 2023\n",  # the date line at the end
    ],
    ids=["den-haag-line", "datum-line", "date-at-the-end"],
)
def test_a_notice_reads_its_date_from_its_text_and_keeps_its_two_paragraphs(raw: str) -> None:
    parsed = parse_document(raw)
    document = parsed.document
    assert document.kind is DocumentKind.KAMERBRIEF
    assert document.date == dt.date(2023, 5, 3) and document.key == "kamerbrief-2023-05-03"
    assert document.shown_title == f"Mededeling: {SUBJECT}"
    assert [e.text[: len(FIRST)] for e in parsed.entries][:1] == [FIRST]
    assert len(parsed.entries) == 2, [e.text[:40] for e in parsed.entries]
    assert parsed.entries[0].text.endswith("Dat heeft de Minister van Buitenlandse Zaken vandaag bekendgemaakt."), (
        "a sentence naming a minister is no signature"
    )
    assert not any("3 mei 2023" in e.text or e.text.startswith(("Mededeling", "Ministerie")) for e in parsed.entries)


def test_a_notice_of_delay_on_kamervragen_reads_its_date_minister_and_question_number() -> None:
    parsed = parse_document(layout("mededeling_uitstel"))
    document = parsed.document
    assert document.date == dt.date(2023, 5, 3)
    assert document.authors == [Author(name="Verhoef", role="minister", ministry="Buitenlandse Zaken")]
    assert document.question_number == "2023Z99911"
    assert document.title == "Mededeling van minister Verhoef (Buitenlandse Zaken)"
    assert document.key == "kamerbrief-2023-05-03-2023z99911"
    [entry] = parsed.entries
    assert entry.text.startswith("De vragen van het lid Bakker-de Wit") and entry.text.endswith("te beantwoorden.")


def test_a_notice_without_a_date_anywhere_imports_undated() -> None:
    parsed = parse_document(without_date(layout("mededeling_den_haag")))
    assert parsed.document.date is None and len(parsed.entries) == 2


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_the_dry_run_of_an_undated_document_says_it_has_no_date_in_the_moderators_language(
    language: str, capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "mededeling.txt"
    path.write_text(without_date(layout("mededeling_den_haag")), encoding="utf-8")
    code = main(["--database", str(database), "--language", language, "import", "--dry-run", str(path)])
    out = capsys.readouterr().out
    texts = import_texts(language)
    assert code == 0 and texts.no_date in out and texts.undated in out.splitlines()[0]
    dated = tmp_path / "gedateerd.txt"
    dated.write_text(layout("mededeling_den_haag"), encoding="utf-8")
    main(["--database", str(database), "--language", language, "import", "--dry-run", str(dated)])
    assert texts.no_date not in capsys.readouterr().out


async def test_telegram_previews_an_undated_document_with_the_warning_in_the_moderators_language() -> None:
    async with moderated_bot() as bot:
        before = content(bot.service.store)
        for language in ("nl", "ru"):
            who = bot.api.user(OTHER_MODERATOR, "Mod", language_code=language)
            raw = without_date(layout("mededeling_den_haag")).encode()
            preview = await upload(bot, who, "mededeling.txt", raw)
            assert import_texts(language).no_date in preview["visible_text"]
            assert buttons(preview) == ["m:ok", "m:no"]
            await press(bot, who, preview, "m:no")
        assert content(bot.service.store) == before


@pytest.mark.parametrize(
    "raw",
    [
        "Mededeling van de moderatoren over de nieuwe regels.\n\nWe voegen voortaan elke week teksten toe.\n",
        "Mededeling: ik denk dat het kabinet meer moet doen.\n\nDat schreef ik op na een gesprek.\n",
    ],
)
def test_a_text_headed_mededeling_by_someone_else_than_a_ministry_is_no_official_document(raw: str) -> None:
    with pytest.raises(DocumentRejected) as refused:
        read_document(raw.encode("utf-8"), "mededeling.txt")
    assert refused.value.reason is Reason.NOT_OFFICIAL_DOCUMENT
