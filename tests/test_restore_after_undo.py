"""Restore after an undone first import, and undo after a restore (issue 13 §5).

A document imported for the first time and undone keeps its rows (retired) and loses its source text.
Restoring then must work and leave the source texts consistent: an export taken before the import
leaves the document as the undo did; `restore <entry>` brings the entry back as official text of its
document, so the text it is checked against comes back with it (it stayed away: an official entry
stood without any source, and everything typed for that document passed unchecked). And undo never
reaches past a restored export: what a change left was replaced by the export's content."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from interface.texts.moderator import moderator_texts
from knowledge.ingest.importers import read_document
from knowledge.ingest.sourcetext import Verdict, place, source_of_upload
from knowledge.models import EntryStatus
from knowledge.moderation import EntryDraft, Moderation, ModerationError
from knowledge.reasons import Reason
from knowledge.service import AnswerService
from tests.moderationkit import stored

LETTER = Path(__file__).resolve().parent / "data" / "documents" / "layouts" / "commissievragen_brief.txt"
KEY = "kamerbrief-2024-04-17"
OTHER = "telegram:7"


def run(capsys: pytest.CaptureFixture[str], database: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--database", str(database), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _sources(database: Path) -> dict[str, str]:
    """Each document's source text as the store keeps it (and shows it in an export)."""
    service = AnswerService.open(database)
    try:
        return {key: s.text for key in (d.key for d in service.store.documents())
                if (s := service.store.document_source(key)) is not None}
    finally:
        service.close()


def _entries(database: Path) -> list[tuple[int, str]]:
    """The imported letter's official entries (not a note added to it), with their status."""
    entries = stored(database)["entries"]
    return [(e["id"], e["status"]) for e in entries if e["key"].startswith(KEY) and "/note-" not in e["key"]]


def _import_and_undo(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    assert run(capsys, database, "import", str(LETTER))[0] == 0
    assert KEY in _sources(database)
    assert run(capsys, database, "undo")[0] == 0
    assert KEY not in _sources(database), "the undone import took its text along"
    assert {status for _, status in _entries(database)} == {"retired"}


def test_an_export_from_before_a_first_import_restores_after_its_undo(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    export = tmp_path / "before.json"
    assert run(capsys, database, "export", str(export))[0] == 0
    sources = _sources(database)
    _import_and_undo(capsys, database)
    code, out, err = run(capsys, database, "restore", str(export))
    assert code == 0 and out.startswith("Restored"), err
    assert _sources(database) == sources, "the source texts are the export's"
    assert {status for _, status in _entries(database)} == {"retired"}, "the undone import stays undone"
    again = tmp_path / "after.json"
    assert run(capsys, database, "export", str(again))[0] == 0
    assert run(capsys, database, "restore", str(again))[0] == 0, "the restored store passes its own checks"
    code, out, _ = run(capsys, database, "import", str(LETTER))
    assert code == 0 and "3 entries" in out, "and the document can be imported again"
    assert _sources(database)[KEY] == LETTER.read_text(encoding="utf-8")
    assert {status for _, status in _entries(database)} == {"active"}


def test_restoring_an_entry_of_an_undone_first_import_brings_its_source_text_back(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    _import_and_undo(capsys, database)
    first = _entries(database)[0][0]
    code, out, err = run(capsys, database, "restore", str(first))
    assert code == 0 and out == f"Entry {first} is active again.\n", err
    assert _sources(database).get(KEY) == LETTER.read_text(encoding="utf-8"), "an official entry with its text"
    assert _entries(database)[0] == (first, "active")
    service = AnswerService.open(database)
    try:
        entry = service.store.entry(first)
        placement = place(entry.text, service.store.document_source(KEY))
        assert placement.verdict is Verdict.OFFICIAL and placement.number == entry.number
        draft = EntryDraft(document_key=KEY, question="Wat zegt de brief over de diaspora?", text="Onzin die er niet staat.")
        assert Moderation(service).add_entry(draft, OTHER).note, "text not in the letter is a note, checked again"
    finally:
        service.close()
    assert run(capsys, database, "undo")[0] == 0, "the restore of the entry is undone with its source text"
    assert KEY not in _sources(database) and {s for _, s in _entries(database)} == {"retired"}
    assert run(capsys, database, "restore", str(first))[0] == 0, "and brought back again"
    assert _sources(database).get(KEY) == LETTER.read_text(encoding="utf-8")


def test_an_entry_restored_after_an_export_restore_still_brings_its_source_text(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    export = tmp_path / "before.json"
    run(capsys, database, "export", str(export))
    _import_and_undo(capsys, database)
    assert run(capsys, database, "restore", str(export))[0] == 0
    first = _entries(database)[0][0]
    assert run(capsys, database, "restore", str(first))[0] == 0
    assert _sources(database).get(KEY) == LETTER.read_text(encoding="utf-8")


def test_an_entry_restored_from_an_undone_import_must_still_be_its_text(database: Path) -> None:
    """The set-aside text is the check: an entry edited to other words stays retired."""
    service = AnswerService.open(database)
    try:
        moderation = Moderation(service)
        parsed = read_document(LETTER.read_bytes(), "brief.txt")
        _, entries = moderation.commit_import(moderation.preview_import(parsed).parsed, OTHER,
                                              source_of_upload(LETTER.read_bytes(), "brief.txt"))
        moderation.undo(OTHER)
        service.store.db.execute("UPDATE entries SET text = 'Woorden die de brief niet heeft.' WHERE id = ?",
                                 [entries[1].id])
        with pytest.raises(ModerationError) as refused:
            moderation.set_status(entries[1].id or 0, EntryStatus.ACTIVE, OTHER)
        assert refused.value.reason is Reason.NOT_IN_DOCUMENT
        assert service.store.document_source(KEY) is None
    finally:
        service.close()


# --- undo after a restore ------------------------------------------------------------------------


def test_undo_of_a_change_made_before_another_moderators_restore_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    """A moderator retired entry 3; an export that holds it retired was restored from the command line;
    the moderator's /undo then brought entry 3 back past the restore, as if the restore never was."""
    service = AnswerService.open(database)
    try:
        Moderation(service).set_status(3, EntryStatus.RETIRED, OTHER)
    finally:
        service.close()
    export = tmp_path / "export.json"
    run(capsys, database, "export", str(export))
    assert run(capsys, database, "restore", str(export))[0] == 0
    before = stored(database)
    service = AnswerService.open(database)
    try:
        with pytest.raises(ModerationError) as refused:
            Moderation(service).undo(OTHER)
    finally:
        service.close()
    assert refused.value.reason is Reason.UNDO_PAST_RESTORE
    assert str(refused.value) == (
        "an export was restored after your last change; undo does not go back past a restore: change the entry itself"
    )
    worded = {language: moderator_texts(language).reason(refused.value) for language in ("nl", "en", "ru", "be")}
    assert worded["en"] == str(refused.value) and len(set(worded.values())) == 4, "each in its own language"
    assert all("\n" not in line and "{" not in line for line in worded.values())
    assert stored(database) == before, "nothing undone"


def test_undo_after_restoring_an_export_of_an_undone_import(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    """Imported, exported, undone, and the export restored: the import is back with its text, and
    neither the restorer's undo nor the importer's reaches past the restore; a change made after it is
    undone as any other."""
    service = AnswerService.open(database)
    try:
        moderation = Moderation(service)
        parsed = read_document(LETTER.read_bytes(), "brief.txt")
        moderation.commit_import(moderation.preview_import(parsed).parsed, OTHER,
                                 source_of_upload(LETTER.read_bytes(), "brief.txt"))
    finally:
        service.close()
    export = tmp_path / "with.json"
    run(capsys, database, "export", str(export))
    service = AnswerService.open(database)
    try:
        Moderation(service).undo(OTHER)
    finally:
        service.close()
    assert run(capsys, database, "restore", str(export))[0] == 0
    assert _sources(database).get(KEY) == LETTER.read_text(encoding="utf-8")
    assert {s for _, s in _entries(database)} == {"active"}
    code, out, err = run(capsys, database, "undo")
    assert code == 1 and err == "error: your last change restored an export, which cannot be undone; " \
        "restore an export made before it\n"
    service = AnswerService.open(database)
    try:
        with pytest.raises(ModerationError) as refused:
            Moderation(service).undo(OTHER)
        assert refused.value.reason is Reason.UNDO_PAST_RESTORE, "not 'entry 16 was changed again'"
        first = _entries(database)[0][0]
        Moderation(service).set_status(first, EntryStatus.RETIRED, OTHER)
        Moderation(service).undo(OTHER)
        assert service.store.entry(first).is_active, "a change after the restore is undone as any other"
    finally:
        service.close()
