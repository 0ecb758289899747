"""The SQLite store: documents, entries, their full history, and anonymous usage counts.

Every write goes through a pydantic model, runs in one transaction and leaves a change record
(who, when, before, after), so that every change can be shown and undone and nothing is lost.
The store knows nothing of Telegram: an actor is an opaque label such as 'telegram:123' or 'cli'.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlite_utils import Database

from knowledge.identity import content_digest
from knowledge.models import Document, Entry, EntryStatus, ParsedDocument, SourceText, Translation
from knowledge.storage import translations
from knowledge.storage.clock import utcnow
from knowledge.storage.errors import DuplicateDocument, LaterChange, NotFound, StoreError, VersionConflict
from knowledge.storage.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate, schema_version
from knowledge.storage.usage import AnonymousUsage

ObjectType = Literal["document", "entry", "translation"]


class Change(BaseModel):
    """One audited change; `before` and `after` are whole snapshots of the object."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    object_type: ObjectType
    object_id: int
    object_key: str | None
    version: int | None
    batch: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    undone_by: int | None = None


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


#: How long a writer waits for another process's transaction before giving up (milliseconds).
BUSY_TIMEOUT_MS = 30_000


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


class Store(AnonymousUsage):
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

    def change_stamp(self, revision: int) -> str:
        """What change `revision` was: lets a reader check that the log it followed is still this log."""
        row = self.db.execute(
            "SELECT at, action, object_type, object_id, version FROM changes WHERE id = ?", [revision]
        ).fetchone()
        return "|".join(map(str, row)) if row else ""

    def revision(self) -> int:
        """Grows with every change; readers compare it to know that they must refresh."""
        row = self.db.execute("SELECT coalesce(max(id), 0) FROM changes").fetchone()
        return int(row[0])

    # --- documents -------------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        return [_document_from_row(row) for row in self.db.query("SELECT * FROM documents ORDER BY date, id")]

    def document(self, key: str) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE key = ?", [key]))
        if not rows:
            raise NotFound(f"no document with key {key!r}")
        return _document_from_row(rows[0])

    def document_by_id(self, document_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise NotFound(f"no document with id {document_id}")
        return _document_from_row(rows[0])

    def documents_with_digest(self, digest: str) -> list[Document]:
        """Documents whose imported text has this content digest (knowledge.identity), oldest first."""
        rows = self.db.query("SELECT * FROM documents WHERE content_digest = ? ORDER BY id", [digest])
        return [_document_from_row(row) for row in rows]

    def has_documents(self) -> bool:
        """Any document at all (without reading them: a start asks this of stores of thousands)."""
        return bool(self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone())

    def has_document(self, key: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM documents WHERE key = ?", [key]).fetchone())

    def entry_counts(self) -> dict[str, tuple[int, int]]:
        """Per document key: (active entries, all entries)."""
        sql = (
            "SELECT d.key, sum(e.status = 'active'), count(e.id) FROM documents d "
            "LEFT JOIN entries e ON e.document_id = d.id GROUP BY d.key"
        )
        return {key: (int(active or 0), int(total or 0)) for key, active, total in self.db.execute(sql)}

    def add_document(
        self, parsed: ParsedDocument, actor: str, source: SourceText | None = None
    ) -> tuple[Document, list[Entry]]:
        """Store a parsed document with all its entries (and the source text it was read from),
        atomically: all of it or nothing.

        A document whose entries are all retired (an undone import, say) is withdrawn: importing it
        again replaces its metadata and entries in place, as one undoable batch.
        """
        with self.db.atomic():
            if self.has_document(parsed.document.key):
                if self.entry_counts().get(parsed.document.key, (0, 0))[0]:
                    raise DuplicateDocument(f"document {parsed.document.key!r} is already in the store")
                return self._reimport(parsed, actor, source)
            batch = uuid.uuid4().hex
            now = utcnow()
            document = parsed.document.model_copy(update={"version": 1, "created_at": now, "updated_at": now})
            document_id = self._insert("documents", _document_to_row(document))
            document = document.model_copy(update={"id": document_id})
            self._record("create", "document", document_id, document.key, 1, None, document, actor, batch)
            self._save_source(document_id, source)
            entries = [self._insert_entry(entry, document_id, actor, now, batch) for entry in parsed.entries]
        return document, entries

    def _save_source(self, document_id: int, source: SourceText | None) -> None:
        """The source text is data about the document, not a version of it: kept, not audited."""
        if source is not None:
            self.db.execute(
                "INSERT OR REPLACE INTO document_sources (document_id, format, text) VALUES (?, ?, ?)",
                [document_id, source.format, source.text],
            )

    def document_source(self, key: str) -> SourceText | None:
        """The text the document was imported from; None for documents stored before it was kept."""
        row = self.db.execute(
            "SELECT s.format, s.text FROM document_sources s JOIN documents d ON d.id = s.document_id WHERE d.key = ?",
            [key],
        ).fetchone()
        return SourceText(format=row[0], text=row[1]) if row else None

    def _reimport(self, parsed: ParsedDocument, actor: str, source: SourceText | None) -> tuple[Document, list[Entry]]:
        batch = uuid.uuid4().hex
        now = utcnow()
        existing = {e.key: e for e in self.entries(status=None, document_key=parsed.document.key)}
        with self.db.atomic():
            current = self.document(parsed.document.key)
            self._save_source(current.id or 0, source)
            fields = parsed.document.model_dump(exclude={"id", "key", "version", "created_at", "updated_at"})
            document = self.update_document(current.key, current.version, actor, batch=batch, **fields)
            entries = []
            for entry in parsed.entries:
                old = existing.get(entry.key)
                if old is None:
                    entries.append(self._insert_entry(entry, document.id or 0, actor, now, batch))
                    continue
                content = entry.model_dump(exclude={"id", "key", "document_key", "version", "created_at", "updated_at"})
                entries.append(self.update_entry(old.id or 0, old.version, actor, action="reimport", batch=batch, **content))
        return document, entries

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
                "UPDATE documents SET " + ", ".join(f"[{c}] = ?" for c in _document_to_row(after))
                + " WHERE id = ? AND version = ?",
                [*_document_to_row(after).values(), before.id, expected_version],
            )
            if cursor.rowcount != 1:
                raise VersionConflict(
                    f"document {key} was changed by someone else (version {before.version}, you had {expected_version})"
                )
            self._record(action, "document", before.id or 0, key, after.version, before, after, actor, batch)
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
        return [_entry_from_row(row) for row in self.db.query(sql + " ORDER BY d.date, d.id, e.number", params)]

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
        return _entry_from_row(rows[0])

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
            yield [_entry_from_row(row) for row in rows]

    def count_active_entries(self) -> int:
        row = self.db.execute("SELECT count(*) FROM entries WHERE status = ?", [EntryStatus.ACTIVE.value]).fetchone()
        return int(row[0])

    def entries_changed_since(self, revision: int) -> tuple[int, list[Entry], set[int], bool]:
        """What changed after `revision`: (new revision, entries now active, ids no longer active,
        whether everything must be reloaded because the store was restored from an export)."""
        rows = self.db.execute(
            "SELECT id, object_type, object_id, action FROM changes WHERE id > ? ORDER BY id", [revision]
        ).fetchall()
        if not rows:
            return revision, [], set(), False
        if any(action == "restore" for *_, action in rows):
            return int(rows[-1][0]), [], set(), True
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
        return int(rows[-1][0]), active, gone, False

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
        after = after.model_copy(update={"updated_at": utcnow()})
        row = _entry_to_row(after, document_id=None)
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
            self._record(action, "entry", entry_id, after.key, after.version, before, after, actor, batch)
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
        entry = entry.model_copy(update={"version": 1, "created_at": now, "updated_at": now})
        entry_id = self._insert("entries", _entry_to_row(entry, document_id))
        entry = entry.model_copy(update={"id": entry_id})
        self._record("create", "entry", entry_id, entry.key, 1, None, entry, actor, batch)
        return entry

    # --- history and undo ------------------------------------------------------------------------

    def _record(
        self,
        action: str,
        object_type: ObjectType,
        object_id: int,
        object_key: str | None,
        version: int | None,
        before: BaseModel | None,
        after: BaseModel | None,
        actor: str,
        batch: str | None = None,
    ) -> int:
        return self._insert(
            "changes",
            {
                "at": utcnow().isoformat(),
                "actor": actor,
                "action": action,
                "object_type": object_type,
                "object_id": object_id,
                "object_key": object_key,
                "version": version,
                "batch": batch,
                "before": before.model_dump_json() if before else None,
                "after": after.model_dump_json() if after else None,
                "undone_by": None,
            },
        )

    def history(self, object_id: int, object_type: ObjectType = "entry") -> list[Change]:
        rows = self.db.query(
            "SELECT * FROM changes WHERE object_type = ? AND object_id = ? ORDER BY id", [object_type, object_id]
        )
        return [_change_from_row(row) for row in rows]

    def changes(self, since: int = 0) -> list[Change]:
        return [_change_from_row(row) for row in self.db.query("SELECT * FROM changes WHERE id > ? ORDER BY id", [since])]

    def last_change_by(self, actor: str) -> Change | None:
        rows = list(
            self.db.query(
                "SELECT * FROM changes WHERE actor = ? AND undone_by IS NULL AND action != 'undo' ORDER BY id DESC LIMIT 1",
                [actor],
            )
        )
        return _change_from_row(rows[0]) if rows else None

    def undo_last(self, actor: str) -> list[Change]:
        """Undo the actor's last change (a whole import at once); the undo is itself a change."""
        undone: list[Change] = []
        with self.db.atomic():  # the write lock first: nobody changes what is being undone meanwhile
            last = self.last_change_by(actor)
            if last is None:
                raise NotFound("you have no change to undo")
            targets = (
                [
                    _change_from_row(r)
                    for r in self.db.query("SELECT * FROM changes WHERE batch = ? ORDER BY id DESC", [last.batch])
                ]
                if last.batch
                else [last]
            )
            for change in targets:
                undo_id = self._undo_one(change, actor)
                if undo_id is not None:
                    self.db.execute("UPDATE changes SET undone_by = ? WHERE id = ?", [undo_id, change.id])
                    undone.append(change)
        return undone

    def _undo_one(self, change: Change, actor: str) -> int | None:
        if change.object_type == "translation":
            return translations.undo(self, change, actor)
        if change.object_type == "document":
            if change.action == "create":
                return self._record("undo", "document", change.object_id, change.object_key, change.version, None, None, actor)
            document_before = Document.model_validate(change.before)
            document = self.document_by_id(change.object_id)
            fields = document_before.model_dump(exclude={"id", "key", "version", "created_at", "updated_at"})
            self.update_document(document.key, document.version, actor, action="undo", **fields)
            return self.revision()
        current = self.entry(change.object_id)
        if change.action == "create":
            # Nothing is deleted: undoing an addition retires the entry.
            if current.status is EntryStatus.RETIRED:
                return self._record("undo", "entry", change.object_id, current.key, current.version, None, None, actor)
            self.update_entry(change.object_id, current.version, actor, action="undo", status=EntryStatus.RETIRED)
            return self.revision()
        if self._changed_after(change):
            raise LaterChange(change.object_id)
        before = Entry.model_validate(change.before)
        fields = before.model_dump(exclude={"id", "key", "document_key", "version", "created_at", "updated_at"})
        self.update_entry(change.object_id, current.version, actor, action="undo", **fields)
        return self.revision()

    def _changed_after(self, change: Change) -> bool:
        """Whether a later change to the same object still stands: undos, and changes already
        undone, do not count, so that undo after undo steps back change after change."""
        row = self.db.execute(
            "SELECT 1 FROM changes WHERE object_type = ? AND object_id = ? AND id > ? "
            "AND action != 'undo' AND undone_by IS NULL LIMIT 1",
            [change.object_type, change.object_id, change.id],
        ).fetchone()
        return row is not None

    # --- export and restore ----------------------------------------------------------------------

    def export(self) -> Export:
        return Export(
            schema_version=SCHEMA_VERSION,
            exported_at=utcnow(),
            documents=self.documents(),
            entries=self.entries(status=None),
            changes=self.changes(),
            sources={
                key: SourceText(format=fmt, text=text)
                for key, fmt, text in self.db.execute(
                    "SELECT d.key, s.format, s.text FROM document_sources s "
                    "JOIN documents d ON d.id = s.document_id ORDER BY d.id"
                )
            },
            translations=translations.all_translations(self),
        )

    def restore(self, export: Export, actor: str) -> None:
        """Replace the content with an export, in one transaction; the history comes along."""
        with self.db.atomic():
            for table in ("translations", "document_sources", "entries", "documents", "changes"):
                self.db.execute(f"DELETE FROM {table}")
            for document in export.documents:
                self.db.table("documents").insert({"id": document.id, **_document_to_row(document)})
            ids = {d.key: d.id for d in export.documents}
            for key, source in export.sources.items():
                if key in ids:
                    self._save_source(ids[key] or 0, source)
            for entry in export.entries:
                self.db.table("entries").insert({"id": entry.id, **_entry_to_row(entry, ids[entry.document_key])})
            for change in export.changes:
                row = change.model_dump()
                row.update(
                    at=change.at.isoformat(),
                    before=json.dumps(change.before) if change.before is not None else None,
                    after=json.dumps(change.after) if change.after is not None else None,
                )
                self.db.table("changes").insert(row)
            self._backfill_digests()
            translations.restore_rows(self, export.translations)
            self._record("restore", "document", 0, None, None, None, None, actor)

    def _backfill_digests(self) -> None:
        """An export from before content digests: give its imported documents their digest."""
        missing = [row[0] for row in self.db.execute("SELECT id FROM documents WHERE content_digest IS NULL")]
        for document_id in missing:
            texts = [
                row[0]
                for row in self.db.execute("SELECT text FROM entries WHERE document_id = ? ORDER BY number, id", [document_id])
            ]
            if texts:
                self.db.execute("UPDATE documents SET content_digest = ? WHERE id = ?", [content_digest(texts), document_id])


# --- rows <-> models ------------------------------------------------------------------------------


def _check_is_our_database(path: Path) -> None:
    """Refuse a file that is not SQLite, or an SQLite database of another program, without writing to it."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
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
        raise StoreError(f"{path} is not a readable SQLite database ({error})") from None
    if app_id != APPLICATION_ID and tables:
        raise StoreError(f"{path} is an SQLite database of another program, not a Standpunt store")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer Standpunt (schema {version} > {SCHEMA_VERSION})")


def _json_list(value: str | None) -> list[Any]:
    return json.loads(value) if value else []


def _document_to_row(document: Document) -> dict[str, Any]:
    data = document.model_dump(mode="json", exclude={"id"})
    data["refs"] = json.dumps(data.pop("references"), ensure_ascii=False)
    data["authors"] = json.dumps(data["authors"], ensure_ascii=False)
    return data


def _document_from_row(row: dict[str, Any]) -> Document:
    data = dict(row)
    data["references"] = _json_list(data.pop("refs"))
    data["authors"] = _json_list(data["authors"])
    return Document.model_validate(data)


def _entry_to_row(entry: Entry, document_id: int | None) -> dict[str, Any]:
    data = entry.model_dump(mode="json", exclude={"id", "document_key"})
    for column in ("numbers", "footnotes", "alternates", "topics"):
        data[column] = json.dumps(data[column], ensure_ascii=False)
    data["question_is_official"] = int(entry.question_is_official)
    data["note"] = int(entry.note)
    if document_id is not None:
        data["document_id"] = document_id
    return data


def _entry_from_row(row: dict[str, Any]) -> Entry:
    data = dict(row)
    data.pop("document_id", None)
    for column in ("numbers", "footnotes", "alternates", "topics"):
        data[column] = _json_list(data[column])
    data["question_is_official"] = bool(data["question_is_official"])
    data["note"] = bool(data.get("note") or 0)
    return Entry.model_validate(data)


def _change_from_row(row: dict[str, Any]) -> Change:
    data = dict(row)
    for column in ("before", "after"):
        data[column] = json.loads(data[column]) if data[column] else None
    return Change.model_validate(data)


@contextmanager
def open_store(path: Path | str) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()
