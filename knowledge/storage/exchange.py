"""Export and restore: the whole store as data (content, sources, translations and the full audit
trail), and that data put back in one transaction, so that a backup loses nothing."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from knowledge.identity import content_digest
from knowledge.models import Document, Entry, SourceText, Translation
from knowledge.storage import translations
from knowledge.storage.audit import EXPORT_RESTORE, Change
from knowledge.storage.clock import utcnow
from knowledge.storage.migrations import SCHEMA_VERSION
from knowledge.storage.rows import document_to_row, entry_to_row, with_references

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


def restore_export(store: Store, export: Export, actor: str) -> None:
    """Replace the content with an export, in one transaction; the history comes along."""
    db = store.db
    with db.atomic():
        for table in ("translations", "document_sources", "entries", "documents", "changes"):
            db.execute(f"DELETE FROM {table}")
        for document in export.documents:
            db.table("documents").insert({"id": document.id, **document_to_row(document)})
        ids = {d.key: d.id for d in export.documents}
        for key, source in export.sources.items():
            if key in ids:
                store.save_source(ids[key] or 0, source)
        for entry in export.entries:
            # Found again: an export from before references were stored has none.
            db.table("entries").insert({"id": entry.id, **entry_to_row(with_references(entry), ids[entry.document_key])})
        for change in export.changes:
            db.table("changes").insert(change.to_row())
        _backfill_digests(store)
        translations.restore_rows(store, export.translations)
        store.record_change(*EXPORT_RESTORE, None, None, None, None, actor)


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
