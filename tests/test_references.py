"""An entry's references (the parliamentary documents its question and text cite) are found once,
when the store writes the entry (import, add, edit, undo, restore, and the migration for stores
from before), and citations are built from the stored value without reading the text again."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import NoReturn

import pytest

from knowledge.citations import citation_for
from knowledge.models import Entry
from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.storage.migrations import SCHEMA_VERSION
from knowledge.storage.store import Store
from knowledge.text import references as finder
from knowledge.text.references import entry_references
from tests.moderationkit import LETTER_KEY

#: Cited by the first paragraph of the shipped letter.
MOTION = "Kamerstuk 21 501-20 nr. 1634"
ADDED = "Kamerstuk 36 045, nr. 7"


def _found(entry: Entry) -> list[str]:
    return entry_references(entry.question, entry.text)


def test_an_imported_entry_carries_the_references_its_text_cites(store: Store) -> None:
    first = store.entry_by_key(f"{LETTER_KEY}/1")
    assert first.references == [MOTION]
    entries = store.entries(status=None)
    assert all(entry.references == _found(entry) for entry in entries)
    assert sum(bool(entry.references) for entry in entries) >= 3, "the shipped letter cites several documents"


def test_a_store_from_before_stored_references_migrates_with_them_found_and_keys_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "v7.sqlite3"
    with closing(Store.open(path)) as new:  # the shipped store, turned back into what version 7 left
        seed_store(new)
    conn = sqlite3.connect(path)
    conn.executescript("ALTER TABLE entries DROP COLUMN refs; PRAGMA user_version = 7;")
    keys = [row[0] for row in conn.execute("SELECT key FROM entries ORDER BY id")]
    conn.commit()
    conn.close()

    store = Store.open(path)
    assert store.schema_version == SCHEMA_VERSION >= 8
    entries = store.entries(status=None)
    assert [e.key for e in sorted(entries, key=lambda e: e.id or 0)] == keys
    assert store.entry_by_key(f"{LETTER_KEY}/1").references == [MOTION]
    assert all(entry.references == _found(entry) for entry in entries)
    assert not store.db.execute("SELECT count(*) FROM entries WHERE refs IS NULL").fetchone()[0]
    store.close()


def test_an_edit_finds_the_references_again_and_undo_brings_the_old_ones_back(service: AnswerService) -> None:
    store = service.store
    entry = store.entry_by_key(f"{LETTER_KEY}/1")
    edited = store.update_entry(entry.id or 0, entry.version, "cli", text=f"{entry.text} Zie ook {ADDED}.")
    assert edited.references == [MOTION, ADDED]
    assert store.entry(entry.id or 0).references == [MOTION, ADDED], "stored, not only returned"
    service.refresh()
    assert ADDED in service.entry_match(entry.id or 0).citation.references

    cleared = store.update_entry(entry.id or 0, edited.version, "cli", text="Een alinea zonder verwijzing.")
    assert cleared.references == [] and store.entry(entry.id or 0).references == []

    store.undo_last("cli")
    assert store.entry(entry.id or 0).references == [MOTION, ADDED]


def test_a_stale_value_handed_to_the_store_is_replaced_by_what_the_text_cites(store: Store) -> None:
    entry = store.entry_by_key(f"{LETTER_KEY}/1")
    kept = store.update_entry(entry.id or 0, entry.version, "cli", references=["Kamerstuk 1 000, nr. 1"])
    assert kept.references == [MOTION]
    added = store.add_entry(
        Entry(
            key=f"{LETTER_KEY}/{store.next_entry_number(LETTER_KEY)}",
            document_key=LETTER_KEY,
            number=store.next_entry_number(LETTER_KEY),
            text=f"Zoals gemeld ({ADDED}).",
            references=["Kamerstuk 1 000, nr. 1"],
        ),
        "cli",
    )
    assert added.references == [ADDED] == store.entry(added.id or 0).references


def test_a_restored_export_from_before_stored_references_gets_them(store: Store) -> None:
    export = store.export()
    old = export.model_copy(
        update={"entries": [e.model_copy(update={"references": []}) for e in export.entries], "schema_version": 7}
    )
    store.restore(old, "cli")
    assert store.entry_by_key(f"{LETTER_KEY}/1").references == [MOTION]
    assert all(entry.references == _found(entry) for entry in store.entries(status=None))


def test_citations_are_built_from_the_stored_references_without_the_finder(
    service: AnswerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = service.store

    def refused(*_: object) -> NoReturn:
        raise AssertionError("a citation read the entry's text for references again")

    class Refusing:
        finditer = refused

    monkeypatch.setattr(finder, "_REFERENCE", Refusing())
    for name, module in list(sys.modules.items()):
        if name.startswith("knowledge"):
            for attribute in ("find_references", "entry_references"):
                if hasattr(module, attribute):
                    monkeypatch.setattr(module, attribute, refused)

    entry = store.entry_by_key(f"{LETTER_KEY}/1")
    assert MOTION in citation_for(entry, store.document(LETTER_KEY)).references
    assert MOTION in service.entry_match(entry.id or 0).citation.references
    answer = service.answer("Welke sancties heeft de EU tegen Belarus ingesteld?")
    assert answer.matches(), "the question is answered or suggested, so citations were built"
    for match in answer.matches():
        assert match.citation.references[: len(store.entry(match.entry_id).references)] == store.entry(
            match.entry_id
        ).references
