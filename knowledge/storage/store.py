"""The SQLite store: documents and entries (content), with the audit trail (audit.py), export and
restore (exchange.py) and anonymous usage counts (usage.py) as its parts.

Every write goes through a pydantic model, runs in one transaction and leaves a change record
(who, when, before, after), so that every change can be shown and undone and nothing is lost.
The store knows nothing of Telegram: an actor is an opaque label such as 'telegram:123' or 'cli'.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from sqlite_utils import Database

from knowledge.models import Document, Entry, EntryStatus, ParsedDocument, SourceText
from knowledge.storage import translations
from knowledge.storage.audit import EXPORT_RESTORE, AuditTrail, Change, is_export_restore
from knowledge.storage.clock import utcnow
from knowledge.storage.errors import (
    DuplicateDocument,
    LaterChange,
    NotFound,
    RestoredSince,
    RestoreIsFinal,
    StoreError,
    VersionConflict,
)
from knowledge.storage.exchange import Export, RestorePlan, export_store, plan_restore, restore_export
from knowledge.storage.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate, schema_version
from knowledge.storage.rows import (
    UNDONE_PREFIX,
    document_from_row,
    document_to_row,
    entry_from_row,
    entry_to_row,
    with_references,
)
from knowledge.storage.usage import AnonymousUsage

#: How long a writer waits for another process's transaction before giving up (milliseconds).
BUSY_TIMEOUT_MS = 30_000
#: Ids or keys bound in one query (`entries_by_id`, `documents_by_key`; older SQLite builds allow 999).
_IDS_PER_QUERY = 500


class EntryBrief(NamedTuple):
    """What an answer's decision asks of each ranked entry (`Store.entry_briefs`)."""

    note: bool
    document_key: str


class EntryCounts(NamedTuple):
    """How many entries a document has: active ones, and all (retired included)."""

    active: int
    total: int


class StoredDocument(NamedTuple):
    """A document as the store saved it, with its entries."""

    document: Document
    entries: list[Entry]


class Changes(NamedTuple):
    """What changed in the store after a revision (Store.entries_changed_since)."""

    revision: int
    """The store's revision these changes reach."""
    active: list[Entry]
    """Entries changed and active now (added, edited, restored, or of a changed document)."""
    gone: set[int]
    """Ids of entries changed and no longer active (retired)."""
    reload_all: bool
    """The store was restored from an export: everything must be read again."""


class _WritingDatabase(Database):
    """sqlite-utils' Database whose outermost transaction takes the write lock at once (BEGIN
    IMMEDIATE): a transaction that read first and then tried to write would fail at once with
    "database is locked" when another process wrote meanwhile; this one waits its turn instead."""

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic() as db:  # a savepoint inside the open transaction
                yield db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise


class Store(AuditTrail, AnonymousUsage):
    """Documents and entries in SQLite (through sqlite-utils), with migrations and an audit trail;
    the anonymous usage counts and the review queue come from AnonymousUsage (storage/usage.py)."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    # --- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (or create) the store at `path`, refusing files that are not ours, and migrate it."""
        path = Path(path)
        if path.exists():
            _check_is_our_database(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        store = cls._from_connection(conn)
        store.path = path
        return store

    @classmethod
    def in_memory(cls) -> Store:
        return cls._from_connection(sqlite3.connect(":memory:"))

    @classmethod
    def _from_connection(cls, conn: sqlite3.Connection) -> Store:
        db = _WritingDatabase(conn, execute_plugins=False)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten, not left in free pages
        if not db.memory:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
        return cls(db)

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    # --- documents -------------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        return [document_from_row(row) for row in self.db.query("SELECT * FROM documents ORDER BY date, id")]

    def document(self, key: str) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE key = ?", [key]))
        if not rows:
            raise NotFound(f"no document with key {key!r}")
        return document_from_row(rows[0])

    def documents_by_key(self, keys: list[str]) -> dict[str, Document]:
        """These documents in one query, by key; keys of no document are left out."""
        documents = map(document_from_row, self._rows_in("SELECT * FROM documents WHERE key IN ({marks})", keys))
        return {document.key: document for document in documents}

    def document_by_id(self, document_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise NotFound(f"no document with id {document_id}")
        return document_from_row(rows[0])

    def documents_with_digest(self, digest: str) -> list[Document]:
        """Documents whose imported text has this content digest (knowledge.identity), oldest first."""
        rows = self.db.query("SELECT * FROM documents WHERE content_digest = ? ORDER BY id", [digest])
        return [document_from_row(row) for row in rows]

    def has_documents(self) -> bool:
        """Any document at all (without reading them: a start asks this of stores of thousands)."""
        return bool(self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone())

    def has_document(self, key: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM documents WHERE key = ?", [key]).fetchone())

    def entry_counts(self) -> dict[str, EntryCounts]:
        """Per document key: its active entries and all its entries."""
        sql = (
            "SELECT d.key, sum(e.status = 'active'), count(e.id) FROM documents d "
            "LEFT JOIN entries e ON e.document_id = d.id GROUP BY d.key"
        )
        return {key: EntryCounts(int(active or 0), int(total or 0)) for key, active, total in self.db.execute(sql)}

    def add_document(self, parsed: ParsedDocument, actor: str, source: SourceText | None = None) -> StoredDocument:
        """Store a parsed document with all its entries (and the source text it was read from),
        atomically: all of it or nothing.

        A document whose entries are all retired (an undone import, say) is withdrawn: importing it
        again replaces its metadata and entries in place, as one undoable batch.
        """
        with self.db.atomic():
            if self.has_document(parsed.document.key):
                counts = self.entry_counts().get(parsed.document.key)
                if counts is not None and counts.active:
                    raise DuplicateDocument(f"document {parsed.document.key!r} is already in the store")
                return self._reimport(parsed, actor, source)
            batch = uuid.uuid4().hex
            now = utcnow()
            document = parsed.document.model_copy(update={"version": 1, "created_at": now, "updated_at": now})
            document_id = self._insert("documents", document_to_row(document))
            document = document.model_copy(update={"id": document_id})
            self.record_change("create", "document", document_id, document.key, 1, None, document, actor, batch)
            self.save_source(document_id, source, batch)
            entries = [self._insert_entry(entry, document_id, actor, now, batch) for entry in parsed.entries]
        return StoredDocument(document, entries)

    def complete_document(
        self, complete: Document, entries: list[Entry], actor: str, source: SourceText | None
    ) -> StoredDocument:
        """Add the entries a cut-off copy lacked to the stored document, as one undoable batch; its
        content digest becomes the complete text's, and the complete source text is kept."""
        batch = uuid.uuid4().hex
        now = utcnow()
        with self.db.atomic():
            document = self.document(complete.key)
            if complete.content_digest and complete.content_digest != document.content_digest:
                document = self.update_document(
                    document.key, document.version, actor, batch=batch, content_digest=complete.content_digest
                )
            existing = {e.key: e for e in self.entries(status=None, document_key=document.key)}
            # An entry an undone completion left retired is brought back in place, as a re-import does.
            added = self._put_entries(entries, existing, document.id or 0, actor, now, batch)
            self.save_source(document.id or 0, source, batch)
        return StoredDocument(document, added)

    def undone_creations(self, entry_ids: list[int]) -> set[int]:
        """Of these entries, those whose creation was undone (an undone import or completion left them
        retired): as good as never imported, so importing them again is no duplicate."""
        if not entry_ids:
            return set()
        marks = ", ".join("?" * len(entry_ids))
        rows = self.db.execute(
            f"SELECT DISTINCT object_id FROM changes WHERE object_type = 'entry' AND action IN ('create', 'reimport') "
            f"AND undone_by IS NOT NULL AND object_id IN ({marks})",
            entry_ids,
        )
        return {row[0] for row in rows}

    def save_source(self, document_id: int, source: SourceText | None, batch: str | None = None) -> None:
        """The source text is data about the document, not a version of it: kept, not audited. Saved by
        a batch (an import), the text it replaces is kept with the batch, for its undo."""
        if source is None:
            return
        if batch is not None:
            replaced = self.db.execute(
                "SELECT format, text FROM document_sources WHERE document_id = ?", [document_id]
            ).fetchone()
            self.db.execute(
                "INSERT INTO replaced_sources (batch, document_id, format, text) VALUES (?, ?, ?, ?)",
                [batch, document_id, *(replaced or (None, None))],
            )
        self.db.execute(
            "INSERT OR REPLACE INTO document_sources (document_id, format, text) VALUES (?, ?, ?)",
            [document_id, source.format, source.text],
        )
        # The document has its text again: what an undone import set aside is no longer needed.
        self.db.execute(
            "DELETE FROM replaced_sources WHERE document_id = ? AND batch LIKE ?", [document_id, UNDONE_PREFIX + "%"]
        )

    def _put_back_sources(self, batch: str) -> None:
        """Undoing a batch: each source text it replaced comes back, and one it gave a document that had
        none goes."""
        rows = self.db.execute(
            "SELECT document_id, format, text FROM replaced_sources WHERE batch = ? ORDER BY rowid DESC", [batch]
        ).fetchall()
        for document_id, source_format, text in rows:
            if text is None:
                # Kept aside, not lost: restoring an entry of the undone import brings it back with it.
                self.db.execute(
                    "INSERT INTO replaced_sources (batch, document_id, format, text) "
                    "SELECT ?, document_id, format, text FROM document_sources WHERE document_id = ?",
                    [UNDONE_PREFIX + batch, document_id],
                )
                self.db.execute("DELETE FROM document_sources WHERE document_id = ?", [document_id])
            else:
                self.db.execute(
                    "INSERT OR REPLACE INTO document_sources (document_id, format, text) VALUES (?, ?, ?)",
                    [document_id, source_format, text],
                )
        self.db.execute("DELETE FROM replaced_sources WHERE batch = ?", [batch])

    def undone_source(self, key: str) -> SourceText | None:
        """The source text an undone first import took along (its document has none now), if any."""
        row = self.db.execute(
            "SELECT r.format, r.text FROM replaced_sources r JOIN documents d ON d.id = r.document_id "
            "WHERE d.key = ? AND r.batch LIKE ? AND r.text IS NOT NULL ORDER BY r.rowid DESC LIMIT 1",
            [key, UNDONE_PREFIX + "%"],
        ).fetchone()
        return SourceText(format=row[0], text=row[1]) if row else None

    def restore_entry_with_source(self, entry_id: int, source: SourceText, actor: str) -> Entry:
        """An entry of an undone first import made active again, and the document's source text with it,
        as one undoable batch: an official entry is never without the text it is checked against."""
        batch = uuid.uuid4().hex
        with self.db.atomic():
            entry = self.entry(entry_id)
            self.save_source(self.document(entry.document_key).id or 0, source, batch)
            return self.update_entry(entry_id, entry.version, actor, action="restore", batch=batch, status=EntryStatus.ACTIVE)

    def document_source(self, key: str) -> SourceText | None:
        """The text the document was imported from; None for documents stored before it was kept."""
        row = self.db.execute(
            "SELECT s.format, s.text FROM document_sources s JOIN documents d ON d.id = s.document_id WHERE d.key = ?",
            [key],
        ).fetchone()
        return SourceText(format=row[0], text=row[1]) if row else None

    def _reimport(self, parsed: ParsedDocument, actor: str, source: SourceText | None) -> StoredDocument:
        batch = uuid.uuid4().hex
        now = utcnow()
        existing = {e.key: e for e in self.entries(status=None, document_key=parsed.document.key)}
        with self.db.atomic():
            current = self.document(parsed.document.key)
            self.save_source(current.id or 0, source, batch)
            fields = parsed.document.model_dump(exclude={"id", "key", "version", "created_at", "updated_at"})
            document = self.update_document(current.key, current.version, actor, batch=batch, **fields)
            entries = self._put_entries(parsed.entries, existing, document.id or 0, actor, now, batch)
        return StoredDocument(document, entries)

    def _put_entries(
        self, entries: list[Entry], existing: dict[str, Entry], document_id: int, actor: str, now: dt.datetime, batch: str
    ) -> list[Entry]:
        """Each entry inserted, or, where the document already has its key, its stored version updated
        in place ('reimport'): one history per entry, whether the document is new, re-imported or completed."""
        stored = []
        for entry in entries:
            old = existing.get(entry.key)
            if old is None:
                stored.append(self._insert_entry(entry, document_id, actor, now, batch))
                continue
            content = entry.model_dump(exclude={"id", "key", "document_key", "version", "created_at", "updated_at"})
            stored.append(self.update_entry(old.id or 0, old.version, actor, action="reimport", batch=batch, **content))
        return stored

    def update_document(
        self,
        key: str,
        expected_version: int,
        actor: str,
        *,
        batch: str | None = None,
        action: str = "update",
        **fields: Any,
    ) -> Document:
        before = self.document(key)
        after = Document.model_validate({**before.model_dump(), **fields, "version": before.version + 1})
        after = after.model_copy(update={"updated_at": utcnow(), "key": before.key, "id": before.id})
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE documents SET " + ", ".join(f"[{c}] = ?" for c in document_to_row(after))
                + " WHERE id = ? AND version = ?",
                [*document_to_row(after).values(), before.id, expected_version],
            )
            if cursor.rowcount != 1:
                raise VersionConflict(
                    f"document {key} was changed by someone else (version {before.version}, you had {expected_version})"
                )
            self.record_change(action, "document", before.id or 0, key, after.version, before, after, actor, batch)
        return after

    # --- entries ---------------------------------------------------------------------------------

    def entries(self, *, status: EntryStatus | None = EntryStatus.ACTIVE, document_key: str | None = None) -> list[Entry]:
        sql = "SELECT e.*, d.key AS document_key FROM entries e JOIN documents d ON d.id = e.document_id"
        where, params = [], []
        if status is not None:
            where.append("e.status = ?")
            params.append(status.value)
        if document_key is not None:
            where.append("d.key = ?")
            params.append(document_key)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [entry_from_row(row) for row in self.db.query(sql + " ORDER BY d.date, d.id, e.number", params)]

    def entries_by_id(self, entry_ids: list[int]) -> dict[int, Entry]:
        """These entries (any status) in one query, by id; ids of no entry are left out. An answer
        looks at the ten or so entries of its ranking: one query costs less than ten."""
        rows = self._rows_in(
            "SELECT e.*, d.key AS document_key FROM entries e JOIN documents d ON d.id = e.document_id "
            "WHERE e.id IN ({marks})",
            entry_ids,
        )
        return {entry.id or 0: entry for entry in map(entry_from_row, rows)}

    def entry_briefs(self, entry_ids: list[int]) -> dict[int, EntryBrief]:
        """Whether each of these entries is a moderator's note and its document's key, by id,
        without reading the whole entries (ids of no entry are left out)."""
        rows = self._rows_in(
            "SELECT e.id, e.note, d.key FROM entries e JOIN documents d ON d.id = e.document_id WHERE e.id IN ({marks})",
            entry_ids,
        )
        return {row["id"]: EntryBrief(bool(row["note"] or 0), row["key"]) for row in rows}

    def _rows_in(self, sql: str, values: Sequence[object]) -> Iterator[dict[str, Any]]:
        """The rows of `sql` for these values in its '({marks})', a bounded number of values per query
        (SQLite limits a statement's parameters)."""
        for start in range(0, len(values), _IDS_PER_QUERY):
            part = list(values[start : start + _IDS_PER_QUERY])
            yield from self.db.query(sql.format(marks=", ".join("?" * len(part))), part)

    def entry(self, entry_id: int) -> Entry:
        rows = list(
            self.db.query(
                "SELECT e.*, d.key AS document_key FROM entries e JOIN documents d ON d.id = e.document_id "
                "WHERE e.id = ?",
                [entry_id],
            )
        )
        if not rows:
            raise NotFound(f"no entry with id {entry_id}")
        return entry_from_row(rows[0])

    def sibling_ids(self, entry_id: int) -> list[int]:
        """Active entries of the same document, in document order."""
        rows = self.db.execute(
            "SELECT s.id FROM entries e JOIN entries s ON s.document_id = e.document_id "
            "WHERE e.id = ? AND s.id != e.id AND s.status = 'active' ORDER BY s.number",
            [entry_id],
        )
        return [int(row[0]) for row in rows]

    def entry_by_key(self, key: str) -> Entry:
        row = self.db.execute("SELECT id FROM entries WHERE key = ?", [key]).fetchone()
        if not row:
            raise NotFound(f"no entry with key {key!r}")
        return self.entry(int(row[0]))

    def active_entries_in_batches(self, size: int = 500) -> Iterator[list[Entry]]:
        """The active entries, a batch at a time (by id): a rebuild of
        the index never holds more than one batch of them."""
        sql = (
            "SELECT e.*, d.key AS document_key FROM entries e "
            "JOIN documents d ON d.id = e.document_id WHERE e.status = ? AND e.id > ? ORDER BY e.id LIMIT ?"
        )
        last = 0
        while True:
            rows = list(self.db.query(sql, [EntryStatus.ACTIVE.value, last, size]))
            if not rows:
                return
            last = int(rows[-1]["id"])
            yield [entry_from_row(row) for row in rows]

    def active_entry_ids(self) -> list[int]:
        """The active entries' ids, ascending: a parallel rebuild splits them into ranges."""
        rows = self.db.execute("SELECT id FROM entries WHERE status = ? ORDER BY id", [EntryStatus.ACTIVE.value])
        return [int(row[0]) for row in rows]

    def active_entries_between(self, first: int, last: int) -> list[Entry]:
        """The active entries with ids from `first` to `last`, by id."""
        sql = (
            "SELECT e.*, d.key AS document_key FROM entries e "
            "JOIN documents d ON d.id = e.document_id WHERE e.status = ? AND e.id BETWEEN ? AND ? ORDER BY e.id"
        )
        return [entry_from_row(row) for row in self.db.query(sql, [EntryStatus.ACTIVE.value, first, last])]

    def count_active_entries(self) -> int:
        row = self.db.execute("SELECT count(*) FROM entries WHERE status = ?", [EntryStatus.ACTIVE.value]).fetchone()
        return int(row[0])

    def entries_changed_since(self, revision: int) -> Changes:
        """What changed after `revision`: the entries now active, the ids no longer active, or that
        everything must be reloaded because the store was restored from an export."""
        rows = self.db.execute(
            "SELECT id, object_type, object_id, action FROM changes WHERE id > ? ORDER BY id", [revision]
        ).fetchall()
        if not rows:
            return Changes(revision, [], set(), reload_all=False)
        if any(is_export_restore(action, kind, object_id) for _, kind, object_id, action in rows):
            return Changes(int(rows[-1][0]), [], set(), reload_all=True)
        entry_ids: set[int] = set()
        for _, object_type, object_id, _ in rows:
            if object_type == "entry":
                entry_ids.add(int(object_id))
            elif object_type == "translation":
                continue  # read at answer time, not indexed
            else:  # a document's metadata changed: its entries' citations changed too
                entry_ids.update(
                    int(r[0]) for r in self.db.execute("SELECT id FROM entries WHERE document_id = ?", [object_id])
                )
        active: list[Entry] = []
        gone: set[int] = set()
        for entry_id in sorted(entry_ids):
            try:
                entry = self.entry(entry_id)
            except NotFound:
                gone.add(entry_id)
                continue
            (active.append(entry) if entry.is_active else gone.add(entry_id))
        return Changes(int(rows[-1][0]), active, gone, reload_all=False)

    def add_entry(self, entry: Entry, actor: str, *, batch: str | None = None) -> Entry:
        document = self.document(entry.document_key)
        with self.db.atomic():
            return self._insert_entry(entry, document.id or 0, actor, utcnow(), batch)

    def next_entry_number(self, document_key: str) -> int:
        document = self.document(document_key)
        row = self.db.execute("SELECT coalesce(max(number), 0) FROM entries WHERE document_id = ?", [document.id]).fetchone()
        return int(row[0]) + 1

    def update_entry(
        self, entry_id: int, expected_version: int, actor: str, action: str = "update", *, batch: str | None = None, **fields: Any
    ) -> Entry:
        """Save new field values if nobody saved the entry since `expected_version` was read."""
        before = self.entry(entry_id)
        forbidden = {"id", "key", "document_key", "version", "created_at", "updated_at"} & fields.keys()
        if forbidden:
            raise ValueError(f"cannot change {', '.join(sorted(forbidden))}")
        after = Entry.model_validate({**before.model_dump(), **fields, "version": before.version + 1})
        after = with_references(after.model_copy(update={"updated_at": utcnow()}))
        row = entry_to_row(after, document_id=None)
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE entries SET " + ", ".join(f"[{c}] = ?" for c in row) + " WHERE id = ? AND version = ?",
                [*row.values(), entry_id, expected_version],
            )
            if cursor.rowcount != 1:
                raise VersionConflict(
                    f"entry {entry_id} was changed by someone else since you opened it "
                    f"(now version {before.version}, you had version {expected_version}); reload it and try again"
                )
            self.record_change(action, "entry", entry_id, after.key, after.version, before, after, actor, batch)
        return after

    def set_status(self, entry_id: int, status: EntryStatus, actor: str) -> Entry:
        entry = self.entry(entry_id)
        if entry.status is status:
            return entry
        action = "retire" if status is EntryStatus.RETIRED else "restore"
        return self.update_entry(entry_id, entry.version, actor, action=action, status=status)

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert a row and return its id: every table written here has an integer primary key."""
        last = self.db.table(table).insert(row).last_pk
        if not isinstance(last, int):
            raise RuntimeError(f"the store gave the new {table} row no id")
        return last

    def _insert_entry(self, entry: Entry, document_id: int, actor: str, now: dt.datetime, batch: str | None) -> Entry:
        entry = with_references(entry.model_copy(update={"version": 1, "created_at": now, "updated_at": now}))
        entry_id = self._insert("entries", entry_to_row(entry, document_id))
        entry = entry.model_copy(update={"id": entry_id})
        self.record_change("create", "entry", entry_id, entry.key, 1, None, entry, actor, batch)
        return entry

    # --- undo ---------------------------------------------------------------------------------------

    def undo_last(self, actor: str) -> list[Change]:
        """Undo the actor's last change (a whole import at once); the undo is itself a change."""
        undone: list[Change] = []
        with self.db.atomic():  # the write lock first: nobody changes what is being undone meanwhile
            last = self.last_change_by(actor)
            if last is None:
                raise NotFound("you have no change to undo")
            if self._restored_after(last.id):
                raise RestoredSince("an export was restored after the change to undo")
            targets = self.changes_in_batch(last.batch) if last.batch else [last]
            for change in targets:
                undo_id = self._undo_one(change, actor)
                if undo_id is not None:
                    self.mark_undone(change.id, undo_id)
                    undone.append(change)
            if last.batch:
                self._put_back_sources(last.batch)
        return undone

    def _restored_after(self, change_id: int) -> bool:
        """Whether an export was restored after this change: what the change left was replaced by the
        export's content then, so undoing it would step back from content it never made."""
        action, object_type, object_id = EXPORT_RESTORE
        row = self.db.execute(
            "SELECT 1 FROM changes WHERE action = ? AND object_type = ? AND object_id = ? AND id > ? LIMIT 1",
            [action, object_type, object_id, change_id],
        ).fetchone()
        return row is not None

    def _undo_one(self, change: Change, actor: str) -> int | None:
        if change.object_type == "translation":
            return translations.undo(self, change, actor)
        if is_export_restore(change.action, change.object_type, change.object_id):
            raise RestoreIsFinal("a restore of an export cannot be undone")
        if change.object_type == "document":
            if change.action == "create":
                return self.record_change(
                    "undo", "document", change.object_id, change.object_key, change.version, None, None, actor
                )
            document_before = Document.model_validate(change.before)
            document = self.document_by_id(change.object_id)
            fields = document_before.model_dump(exclude={"id", "key", "version", "created_at", "updated_at"})
            self.update_document(document.key, document.version, actor, action="undo", **fields)
            return self.revision()
        current = self.entry(change.object_id)
        if change.action == "create":
            if self.changed_after(change):
                raise LaterChange(change.object_id)  # another's edit or retirement since: never dropped silently
            # Nothing is deleted: undoing an addition retires the entry.
            if current.status is EntryStatus.RETIRED:
                return self.record_change("undo", "entry", change.object_id, current.key, current.version, None, None, actor)
            self.update_entry(change.object_id, current.version, actor, action="undo", status=EntryStatus.RETIRED)
            return self.revision()
        if self.changed_after(change):
            raise LaterChange(change.object_id)
        before = Entry.model_validate(change.before)
        fields = before.model_dump(exclude={"id", "key", "document_key", "version", "created_at", "updated_at"})
        self.update_entry(change.object_id, current.version, actor, action="undo", **fields)
        return self.revision()

    # --- export and restore ----------------------------------------------------------------------

    def export(self) -> Export:
        return export_store(self)

    def plan_restore(self, export: Export) -> RestorePlan:
        """What restoring the export would retire, change and add; nothing is written."""
        return plan_restore(self, export)

    def restore(self, export: Export, actor: str) -> None:
        """Replace the content with an export, in one transaction; the history comes along."""
        restore_export(self, export, actor)


# --- opening checks ---------------------------------------------------------------------------


def check_store_path(path: Path) -> None:
    """Refuse, without writing anything, a path that is neither a Standpunt store nor a place for a new
    one: a missing folder, a folder, or an existing file that is not our store (an empty file too).
    Stricter than `Store.open` (which also creates the default data folder): for a path a user typed."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file", "folder", path=path)
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError(
                f"the folder {path.parent} does not exist; create it first or choose another path",
                "no_folder",
                folder=path.parent,
            )
        return
    deadline = time.monotonic() + CREATION_WAIT_SECONDS
    while _application_id(path) != APPLICATION_ID and _just_created(path) and time.monotonic() < deadline:
        time.sleep(0.05)  # another process (started at the same time) is creating the store right now
    _check_is_our_database(path)
    if _application_id(path) != APPLICATION_ID:
        empty = " (it is empty)" if path.stat().st_size == 0 else ""
        raise StoreError(
            f"{path} is not a Standpunt store{empty}; give the path of a store, or a new file name to create one",
            "not_store",
            path=path,
        )


#: A file this young that is not yet a store may be one another process is creating: wait for it.
CREATION_WAIT_SECONDS = 5.0


def _just_created(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime < CREATION_WAIT_SECONDS
    except OSError:
        return False


def _application_id(path: Path) -> int:
    """The file's SQLite application id, read through any write-ahead log (0 for an empty file)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA application_id").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return 0


def _check_is_our_database(path: Path) -> None:
    """Refuse a file that is not SQLite, or an SQLite database of another program, without writing to it."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file", "folder", path=path)
    if path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a readable SQLite database ({error})", "not_sqlite", path=path) from None
    if app_id != APPLICATION_ID and tables:
        raise StoreError(f"{path} is an SQLite database of another program, not a Standpunt store", "foreign", path=path)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer Standpunt (schema {version} > {SCHEMA_VERSION})",
            "too_new",
            path=path,
            version=version,
            supported=SCHEMA_VERSION,
        )
