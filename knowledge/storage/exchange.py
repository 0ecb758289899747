"""Export and restore: the whole store as data (content, sources, translations and the full audit
trail), and that data put back in one transaction, so that a backup loses nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from knowledge.identity import content_digest
from knowledge.models import Document, Entry, EntryStatus, SourceText, Translation
from knowledge.storage import translations
from knowledge.storage.audit import EXPORT_RESTORE, Change
from knowledge.storage.clock import utcnow
from knowledge.storage.errors import ForeignExport
from knowledge.storage.migrations import SCHEMA_VERSION
from knowledge.storage.rows import UNDONE_PREFIX, document_to_row, entry_to_row, with_references

if TYPE_CHECKING:
    from knowledge.storage.store import Store


class Export(BaseModel):
    """The whole store as data: enough to restore the same content, history included."""

    format: Literal["standpunt-export"] = "standpunt-export"
    schema_version: int
    exported_at: dt.datetime
    documents: list[Document]
    entries: list[Entry]
    changes: list[Change] = Field(default_factory=list)
    sources: dict[str, SourceText] = Field(default_factory=dict, description="Document key → its source text.")
    translations: list[Translation] = Field(default_factory=list)


def export_store(store: Store) -> Export:
    return Export(
        schema_version=SCHEMA_VERSION,
        exported_at=utcnow(),
        documents=store.documents(),
        entries=store.entries(status=None),
        changes=store.changes(),
        sources={
            key: SourceText(format=fmt, text=text)
            for key, fmt, text in store.db.execute(
                "SELECT d.key, s.format, s.text FROM document_sources s JOIN documents d ON d.id = s.document_id ORDER BY d.id"
            )
        },
        translations=translations.all_translations(store),
    )


#: The trail's action for an entry a restore put back as the export had it (or retired: made after it).
REVERT = "revert"


class RestorePlan(BaseModel):
    """What restoring an export would do to the entries here, by key, before anything is written."""

    retired: list[str] = Field(
        default_factory=list, description="Active now, retired after: not in the export, or retired there."
    )
    missing: list[str] = Field(
        default_factory=list, description="Of the retired, those the export does not hold at all (newer than it, or dropped)."
    )
    changed: list[str] = Field(default_factory=list, description="In both, with other content or status (retired ones aside).")
    added: list[str] = Field(default_factory=list, description="In the export and not here.")


def plan_restore(store: Store, export: Export) -> RestorePlan:
    """The restore's effect on each entry, read without writing; another store's export is refused as
    the restore refuses it (ForeignExport)."""
    _refuse_foreign(store, export)
    here = {e.id: e for e in store.entries(status=None)}
    exported = {e.id: e for e in export.entries}
    plan = RestorePlan()
    for entry_id, now in here.items():
        then = exported.get(entry_id)
        if now.status is EntryStatus.ACTIVE and (then is None or then.status is EntryStatus.RETIRED):
            plan.retired.append(now.key)
            if then is None:
                plan.missing.append(now.key)
        elif then is not None and _content(then) != _content(now):
            plan.changed.append(now.key)
    plan.added = [e.key for entry_id, e in exported.items() if entry_id not in here]
    return plan


def restore_export(store: Store, export: Export, actor: str) -> None:
    """Replace the content with an export, in one transaction; the history comes along, and nothing
    of the history since the export is lost: its changes stay in the trail, and every entry the
    restore changed back (or retired, being newer than the export) gets a change of its own."""
    db = store.db
    with db.atomic():
        _refuse_foreign(store, export)
        now_entries = {e.id: e for e in store.entries(status=None)}
        now_documents = {d.id: d for d in store.documents()}
        now_sources = {key: store.document_source(key) for key in (d.key for d in now_documents.values())}
        now_translations = translations.all_translations(store)
        later = _changes_since(store.changes(), export.changes)
        set_aside = _undone_sources(store)
        for table in ("translations", "replaced_sources", "document_sources", "entries", "documents", "changes"):
            db.execute(f"DELETE FROM {table}")
        for document in export.documents:
            db.table("documents").insert({"id": document.id, **document_to_row(document)})
        ids = {d.key: d.id for d in export.documents}
        for key, source in export.sources.items():
            if key in ids:
                store.save_source(ids[key] or 0, source)
        for document in export.documents:
            # An export without a document's source text (from before they were kept, or edited) keeps
            # the store's: without it no official entry can be checked, and importing it again says
            # 'already in the store'. Only the same document's (id and key; foreign exports are refused).
            kept = now_sources.get(document.key)
            here = now_documents.get(document.id)
            if document.key not in export.sources and kept is not None and here is not None and here.key == document.key:
                store.save_source(document.id or 0, kept)
        for entry in export.entries:
            # Found again: an export from before references were stored has none.
            db.table("entries").insert({"id": entry.id, **entry_to_row(with_references(entry), ids[entry.document_key])})
        for change in export.changes:
            db.table("changes").insert(change.to_row())
        _append_renumbered(store, later, start=max((c.id for c in export.changes), default=0) + 1)
        _backfill_digests(store)
        translations.restore_rows(store, export.translations)
        batch = uuid.uuid4().hex
        _keep_newer(store, export, now_documents, now_sources, now_entries)
        _keep_undone_sources(store, set_aside)
        _record_reverts(store, export, now_entries, actor, batch)
        translations.record_reverts(store, now_translations, REVERT, actor, batch)
        store.record_change(*EXPORT_RESTORE, None, None, None, None, actor, batch)


def _refuse_foreign(store: Store, export: Export) -> None:
    """An export from another store gives ids of this store's own documents and entries to other
    objects: restoring it would drop them, or join two objects' histories under one id. Refused,
    nothing changed (ForeignExport counts what here is not in the export)."""
    changes = store.changes()
    documents = _foreign(
        [(d.id, d.key) for d in store.documents()], [(d.id, d.key) for d in export.documents], "document",
        changes, export.changes,
    )
    entries = _foreign(
        [(e.id, e.key) for e in store.entries(status=None)], [(e.id, e.key) for e in export.entries], "entry",
        changes, export.changes,
    )
    if not (documents or entries):
        return
    exported_documents = {(d.id, d.key) for d in export.documents}
    missing = sum(1 for d in store.documents() if (d.id, d.key) not in exported_documents or d.id in documents)
    exported_entries = {(e.id, e.key) for e in export.entries}
    missing_entries = sum(1 for e in store.entries(status=None) if (e.id, e.key) not in exported_entries or e.id in entries)
    raise ForeignExport(documents=missing, entries=missing_entries)


def _foreign(
    here: list[tuple[int | None, str]],
    there: list[tuple[int | None, str]],
    object_type: str,
    changes: list[Change],
    exported: list[Change],
) -> set[int | None]:
    """Ids of this store's objects whose id or key the export gives to another object: another key
    under the id, another id under the key, or the same id and key for an object that began as
    something else (its first version in the two trails differs, as two stores' first notes do)."""
    keys, ids = dict(there), {key: object_id for object_id, key in there}
    first_here, first_there = _first_versions(changes, object_type), _first_versions(exported, object_type)
    foreign = set()
    for object_id, key in here:
        if object_id in keys and keys[object_id] != key or key in ids and ids[key] != object_id:
            foreign.add(object_id)
        elif object_id in keys and object_id in first_here and object_id in first_there:
            if first_here[object_id] != first_there[object_id]:
                foreign.add(object_id)
    return foreign


#: What a first version says apart from when it was made (the same shipped text, seeded at another time, is the same).
_STAMPS = {"id", "version", "created_at", "updated_at", "references"}


def _first_versions(changes: list[Change], object_type: str) -> dict[int, dict[str, object]]:
    first: dict[int, dict[str, object]] = {}
    for change in changes:
        if change.object_type == object_type and change.action == "create" and change.after is not None:
            first.setdefault(change.object_id, {k: v for k, v in change.after.items() if k not in _STAMPS})
    return first


def _changes_since(current: list[Change], exported: list[Change]) -> list[Change]:
    """The store's changes that the export does not hold (made after it, or in another store)."""
    known = {(c.id, c.at, c.action, c.object_type, c.object_id, c.version) for c in exported}
    return [c for c in current if (c.id, c.at, c.action, c.object_type, c.object_id, c.version) not in known]


def _append_renumbered(store: Store, changes: list[Change], start: int) -> None:
    """Append changes after the export's own, in their order (ids renumbered, undos pointing along)."""
    ids = {change.id: start + i for i, change in enumerate(changes)}
    for change in changes:
        undone_by = ids.get(change.undone_by) if change.undone_by is not None else None
        store.db.table("changes").insert(change.model_copy(update={"id": ids[change.id], "undone_by": undone_by}).to_row())


def _keep_newer(
    store: Store,
    export: Export,
    documents: dict[int | None, Document],
    sources: dict[str, SourceText | None],
    entries: dict[int | None, Entry],
) -> None:
    """Documents and entries made after the export stay, retired (the state an undone import leaves),
    so that no id of theirs is given to another object and their history stays theirs alone."""
    taken_documents = {d.id for d in export.documents} | {d.key for d in export.documents}
    for document in documents.values():
        if document.id not in taken_documents and document.key not in taken_documents:
            store.db.table("documents").insert({"id": document.id, **document_to_row(document)})
            store.save_source(document.id or 0, sources.get(document.key))
    ids = {row[1]: row[0] for row in store.db.execute("SELECT id, key FROM documents")}
    taken_entries = {e.id for e in export.entries} | {e.key for e in export.entries}
    for entry in entries.values():
        if entry.id in taken_entries or entry.key in taken_entries or entry.document_key not in ids:
            continue
        store.db.table("entries").insert({"id": entry.id, **entry_to_row(entry, ids[entry.document_key])})


def _undone_sources(store: Store) -> list[tuple[str, int, str, str, str]]:
    """The source texts undone first imports set aside (batch, document id and key, format, text)."""
    rows = store.db.execute(
        "SELECT r.batch, r.document_id, d.key, r.format, r.text FROM replaced_sources r "
        "JOIN documents d ON d.id = r.document_id WHERE r.batch LIKE ? AND r.text IS NOT NULL ORDER BY r.rowid",
        [UNDONE_PREFIX + "%"],
    )
    return [tuple(row) for row in rows]


def _keep_undone_sources(store: Store, set_aside: list[tuple[str, int, str, str, str]]) -> None:
    """A document the restore left as an undone import left it (same id and key, no source text) keeps
    the text that import set aside: restoring one of its entries later brings it back, as before."""
    keys = {row[0]: row[1] for row in store.db.execute("SELECT id, key FROM documents")}
    with_source = {row[0] for row in store.db.execute("SELECT document_id FROM document_sources")}
    for batch, document_id, key, source_format, text in set_aside:
        if keys.get(document_id) == key and document_id not in with_source:
            store.db.execute(
                "INSERT INTO replaced_sources (batch, document_id, format, text) VALUES (?, ?, ?, ?)",
                [batch, document_id, source_format, text],
            )


def _record_reverts(store: Store, export: Export, before: dict[int | None, Entry], actor: str, batch: str) -> None:
    """One change per entry whose content or status the restore changed: from what it was to the
    export's (or, newer than the export, to retired), as a new version after the last it had."""
    restored = {e.id: e for e in store.entries(status=None)}
    exported = {e.id for e in export.entries}
    for entry_id, old in before.items():
        new = restored.get(entry_id)
        if new is None or new.key != old.key:
            continue  # another store's entry under this id: the export's history is its history
        target = new if entry_id in exported else new.model_copy(update={"status": EntryStatus.RETIRED})
        if _content(target) == _content(old):
            continue
        after = target.model_copy(update={"version": max(old.version, new.version) + 1, "updated_at": utcnow()})
        store.db.execute(
            "UPDATE entries SET status = ?, version = ?, updated_at = ? WHERE id = ?",
            [after.status.value, after.version, after.updated_at.isoformat() if after.updated_at else None, entry_id],
        )
        store.record_change(REVERT, "entry", entry_id or 0, after.key, after.version, old, after, actor, batch)


def _content(entry: Entry) -> dict[str, object]:
    return entry.model_dump(mode="json", exclude={"version", "created_at", "updated_at", "references"})


def _backfill_digests(store: Store) -> None:
    """An export from before content digests: give its imported documents their digest."""
    missing = [row[0] for row in store.db.execute("SELECT id FROM documents WHERE content_digest IS NULL")]
    for document_id in missing:
        texts = [
            row[0]
            for row in store.db.execute("SELECT text FROM entries WHERE document_id = ? ORDER BY number, id", [document_id])
        ]
        if texts:
            store.db.execute("UPDATE documents SET content_digest = ? WHERE id = ?", [content_digest(texts), document_id])
