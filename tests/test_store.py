"""The store: round trips through the models, migrations, versions, undo, export and restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from knowledge.ingest.parsing import parse_document
from knowledge.models import AlternateQuestion, Entry, EntryStatus, Language
from knowledge.shipped import seed_store, shipped_documents
from knowledge.storage.errors import DuplicateDocument, NotFound, StoreError, VersionConflict
from knowledge.storage.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate
from knowledge.storage.rows import with_references
from knowledge.storage.store import Store
from tests.conftest import ANSWERS, LETTER


def test_documents_and_entries_round_trip_unchanged(store: Store) -> None:
    for parsed in shipped_documents():
        stored = store.document(parsed.document.key)
        assert stored.model_dump(exclude={"id", "created_at", "updated_at"}) == parsed.document.model_dump(
            exclude={"id", "created_at", "updated_at"}
        )
        entries = store.entries(document_key=parsed.document.key)
        # What the store adds is the references each entry cites, found when it was written.
        assert [e.model_dump(exclude={"id", "created_at", "updated_at"}) for e in entries] == [
            with_references(e).model_dump(exclude={"id", "created_at", "updated_at"}) for e in parsed.entries
        ]


def test_store_file_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    first = Store.open(path)
    seed_store(first)
    before = first.export().model_dump(exclude={"exported_at"})
    first.close()
    second = Store.open(path)
    assert second.export().model_dump(exclude={"exported_at"}) == before
    assert seed_store(second) == 0, "shipped sources are loaded on first start only"


def test_migration_from_first_schema_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    migrate(db, target=1)
    db["documents"].insert(
        {"key": "kamerbrief-2020-01-01-1", "kind": "kamerbrief", "title": "Brief", "authors": "[]", "refs": "[]", "version": 1}
    )
    db["entries"].insert(
        {
            "key": "kamerbrief-2020-01-01-1/1",
            "document_id": 1,
            "number": 1,
            "numbers": "[]",
            "question_is_official": 0,
            "text": "Een alinea.",
            "footnotes": "[]",
            "alternates": "[]",
            "topics": "[]",
            "language": "nl",
            "status": "active",
            "version": 1,
        }
    )
    db.close()
    store = Store.open(path)
    assert store.schema_version == SCHEMA_VERSION > 1
    assert store.entry_by_key("kamerbrief-2020-01-01-1/1").text == "Een alinea."
    assert {"feedback", "question_stats", "review_queue"} <= set(store.db.table_names())


def test_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database" * 100)
    with pytest.raises(StoreError, match="not a readable SQLite"):
        Store.open(path)
    assert path.read_text() == "not a database" * 100


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_application_id_marks_the_file_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "ours.sqlite3"
    Store.open(path).close()
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_entries_by_id_are_the_entries_one_by_one(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """One query for an answer's ranking: the same entries as asking for each, retired ones too;
    ids of no entry left out; more ids than one query binds taken in parts."""
    ids = [e.id or 0 for e in store.entries()]
    store.set_status(ids[1], EntryStatus.RETIRED, "cli")
    monkeypatch.setattr("knowledge.storage.store._IDS_PER_QUERY", 2)
    asked = [*reversed(ids[:5]), 10**9]
    found = store.entries_by_id(asked)
    assert sorted(found) == sorted(ids[:5])
    assert all(found[i] == store.entry(i) for i in ids[:5])
    assert found[ids[1]].status is EntryStatus.RETIRED


def test_entry_briefs_are_what_the_entries_say(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The decision's view of an entry (a note? which document?) without reading it whole: the
    same as the entry's, notes and retired entries included."""
    entries = store.entries()
    note = store.add_entry(
        Entry(key=f"{entries[0].document_key}/90", document_key=entries[0].document_key, number=90, text="Notitie.", note=True),
        "cli",
    )
    store.set_status(entries[1].id or 0, EntryStatus.RETIRED, "cli")
    ids = [note.id or 0, *(e.id or 0 for e in entries)]
    monkeypatch.setattr("knowledge.storage.store._IDS_PER_QUERY", 3)
    briefs = store.entry_briefs([*ids, 10**9])
    assert sorted(briefs) == sorted(ids)
    assert all(briefs[i] == (store.entry(i).note, store.entry(i).document_key) for i in ids)
    assert briefs[note.id or 0].note and not briefs[entries[0].id or 0].note


def test_documents_by_key_are_the_documents_one_by_one(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [d.key for d in store.documents()]
    monkeypatch.setattr("knowledge.storage.store._IDS_PER_QUERY", 1)
    found = store.documents_by_key([*reversed(keys), "no-such-document"])
    assert sorted(found) == sorted(keys) and len(keys) > 1
    assert all(found[k] == store.document(k) for k in keys)


def test_same_document_twice_is_refused_and_store_unchanged(store: Store) -> None:
    before = store.export().model_dump(exclude={"exported_at"})
    with pytest.raises(DuplicateDocument):
        store.add_document(parse_document(ANSWERS.read_text()), "moderator")
    assert store.export().model_dump(exclude={"exported_at"}) == before


def test_concurrent_edits_second_save_is_refused(store: Store) -> None:
    entry = store.entries()[0]
    store.update_entry(entry.id, entry.version, "telegram:1", topics=["eerste"])
    with pytest.raises(VersionConflict):
        store.update_entry(entry.id, entry.version, "telegram:2", topics=["tweede"])
    assert store.entry(entry.id).topics == ["eerste"]


def test_every_change_is_versioned_with_who_and_before_after(store: Store) -> None:
    entry = store.entries()[0]
    alternate = AlternateQuestion(text="Wat zegt de brief?", language=Language.NL)
    store.update_entry(entry.id, 1, "telegram:7", alternates=[*entry.alternates, alternate])
    store.set_status(entry.id, EntryStatus.RETIRED, "telegram:7")
    history = store.history(entry.id)
    assert [c.action for c in history] == ["create", "update", "retire"]
    assert [c.version for c in history] == [1, 2, 3]
    assert history[1].actor == "telegram:7"
    before = [a.model_dump(mode="json") for a in entry.alternates]
    assert history[1].before["alternates"] == before
    assert history[1].after["alternates"] == before + [{"text": "Wat zegt de brief?", "language": "nl"}]
    assert entry.id not in {e.id for e in store.entries()}
    assert store.entry(entry.id).status is EntryStatus.RETIRED, "retired, never deleted"


def test_undo_restores_the_previous_version(store: Store) -> None:
    entry = store.entries()[0]
    store.update_entry(entry.id, 1, "telegram:7", topics=["sancties"])
    store.undo_last("telegram:7")
    restored = store.entry(entry.id)
    assert restored.topics == entry.topics and restored.version == 3
    with pytest.raises(NotFound):
        store.undo_last("telegram:7")


def test_undo_of_an_addition_retires_instead_of_deleting(store: Store) -> None:
    document = store.documents()[0]
    added = store.add_entry(Entry(key=f"{document.key}/99", document_key=document.key, number=99, text="Nieuwe alinea."), "cli")
    store.undo_last("cli")
    assert store.entry(added.id).status is EntryStatus.RETIRED


def test_undo_refuses_when_someone_changed_the_entry_since(store: Store) -> None:
    entry = store.entries()[0]
    store.update_entry(entry.id, 1, "telegram:1", topics=["a"])
    store.update_entry(entry.id, 2, "telegram:2", topics=["b"])
    with pytest.raises(VersionConflict):
        store.undo_last("telegram:1")
    assert store.entry(entry.id).topics == ["b"]


def test_undo_of_an_import_retires_all_its_entries(tmp_path: Path) -> None:
    store = Store.in_memory()
    document, entries = store.add_document(parse_document(ANSWERS.read_text()), "telegram:5")
    store.undo_last("telegram:5")
    assert store.entries() == []
    assert len(store.entries(status=None)) == len(entries)


def test_export_restore_round_trip_is_exact(store: Store) -> None:
    entry = store.entries()[0]
    store.update_entry(entry.id, 1, "telegram:1", topics=["x"])
    store.set_status(store.entries()[1].id, EntryStatus.RETIRED, "telegram:1")
    exported = store.export()
    other = Store.in_memory()
    other.restore(exported, "cli")
    again = other.export()
    assert again.documents == exported.documents
    assert again.entries == exported.entries
    assert again.changes[: len(exported.changes)] == exported.changes
    assert again.changes[-1].action == "restore"


def test_usage_tables_have_no_column_for_people_or_chats(store: Store) -> None:
    for table in ("feedback", "question_stats", "review_queue"):
        columns = {c.name for c in store.db[table].columns}
        assert not columns & {"user_id", "chat_id", "username", "name", "user", "chat", "first_name"}


def test_feedback_and_questions_are_counted_anonymously(store: Store) -> None:
    entry = store.entries()[0]
    store.record_feedback(entry.id, helpful=True)
    store.record_feedback(entry.id, helpful=True)
    store.record_feedback(entry.id, helpful=False)
    counts = {c.entry_id: c for c in store.feedback_counts()}
    assert (counts[entry.id].helpful, counts[entry.id].unhelpful) == (2, 1)
    store.record_question("no_answer", "wat is het weer", None, 0.01)
    store.record_question("no_answer", "wat is het weer", None, 0.01)
    assert [(i.text, i.count) for i in store.review_items()] == [("wat is het weer", 2)]
    with pytest.raises(NotFound):
        store.record_feedback(99_999, helpful=True)


def test_index_snapshot_is_used_and_follows_later_changes(tmp_path: Path) -> None:
    from knowledge.service import AnswerService

    path = tmp_path / "s.sqlite3"
    first = AnswerService.open(path)
    question = "Welke steun krijgt de zaakgelastigde in Minsk bij rechtszaken?"
    assert (tmp_path / "s.sqlite3.index").exists(), "the first start writes the index snapshot"
    entry = first.store.entry_by_key("kamerbrief-2021-03-02-2298/6")
    first.close()
    other = Store.open(path)  # another process changes the store while the bot is down
    other.update_entry(entry.id, entry.version, "cli", alternates=[*entry.alternates, AlternateQuestion(text=question)])
    other.close()
    second = AnswerService.open(path)
    assert second.search(question)[0].entry_key == entry.key, "changes after the snapshot are applied"
    second.close()


def test_snapshot_of_another_change_log_is_ignored(tmp_path: Path) -> None:
    from knowledge.service import AnswerService

    path = tmp_path / "s.sqlite3"
    AnswerService.open(path).close()
    snapshot = tmp_path / "s.sqlite3.index"
    stale = snapshot.read_bytes()
    service = AnswerService.open(path)
    exported = service.store.export()
    document = service.store.documents()[0]
    service.store.restore(
        exported.model_copy(
            update={
                "documents": [document],
                "entries": [e for e in exported.entries if e.document_key == document.key],
                "changes": [],
            }
        ),
        "cli",
    )
    service.close()
    snapshot.write_bytes(stale)  # pretend the old snapshot survived the restore
    fresh = AnswerService.open(path)
    assert len(fresh.index) == len(fresh.store.entries())
    fresh.close()


def test_corrupt_snapshot_is_ignored(tmp_path: Path) -> None:
    from knowledge.service import AnswerService

    path = tmp_path / "s.sqlite3"
    AnswerService.open(path).close()
    (tmp_path / "s.sqlite3.index").write_bytes(b"\x00garbage" * 100)
    service = AnswerService.open(path)
    assert len(service.index) == 13
    service.close()


def test_a_restore_keeps_the_history_since_the_export_and_says_what_it_changed_back() -> None:
    """`restore FILE` puts the export's content back exactly, and loses no audit: the changes made
    since the export stay in the trail, and each entry it changed back has a change of its own."""
    from knowledge.models import Document

    store = Store.in_memory()
    _, letter = store.add_document(parse_document(LETTER.read_text(encoding="utf-8")), "telegram:1")
    exported = store.export()
    retired, edited, untouched = letter[0], letter[1], letter[2]
    store.set_status(retired.id or 0, EntryStatus.RETIRED, "telegram:2")
    store.update_entry(edited.id or 0, edited.version, "telegram:2", topics=["later"])
    answers, newer = store.add_document(parse_document(ANSWERS.read_text(encoding="utf-8")), "telegram:2")
    since = store.changes()[len(exported.changes):]
    store.restore(exported, "cli")

    assert {e.key: e.status for e in store.entries()} == {e.key: e.status for e in exported.entries}, "content exact"
    assert store.entry(edited.id or 0).topics == edited.topics
    trail = store.changes()
    kept = trail[len(exported.changes): len(exported.changes) + len(since)]
    assert [(c.action, c.actor, c.object_key, c.before, c.after) for c in kept] == [
        (c.action, c.actor, c.object_key, c.before, c.after) for c in since
    ], "the changes since the export are still in the trail, in their order"
    history = store.history(retired.id or 0)
    assert [(c.action, c.actor, c.version) for c in history] == [
        ("create", "telegram:1", 1), ("retire", "telegram:2", 2), ("revert", "cli", 3),
    ]
    assert history[-1].before and history[-1].before["status"] == "retired" and history[-1].after
    assert history[-1].after["status"] == "active" and store.entry(retired.id or 0).version == 3
    assert [c.action for c in store.history(untouched.id or 0)] == ["create"], "what the restore did not change"
    # the import made after the export: retired (as an undone import leaves it), its ids its own
    assert all(store.entry(e.id or 0).status is EntryStatus.RETIRED for e in newer)
    assert [c.action for c in store.history(newer[0].id or 0)] == ["create", "revert"]
    assert isinstance(store.document(answers.key), Document)
    assert trail[-1].action == "restore" and trail[-1].object_id == 0
    with pytest.raises(StoreError):
        store.undo_last("cli")
