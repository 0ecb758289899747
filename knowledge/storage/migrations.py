"""Schema versions of the store. A running bot's database must survive upgrades: never edit a
migration that has shipped, add a new one."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlite_utils import Database

from knowledge.identity import content_digest
from knowledge.shipped_files import shipped_source_texts
from knowledge.text.references import entry_references

#: PRAGMA application_id of a Standpunt database ('STPT'), to refuse foreign SQLite files.
APPLICATION_ID = 0x53545054


def _v1_documents_entries_and_changes(db: Database) -> None:
    db.table("documents").create(
        {
            "id": int,
            "key": str,
            "kind": str,
            "title": str,
            "subject": str,
            "date": str,
            "authors": str,
            "number": str,
            "official_id": str,
            "question_number": str,
            "citation": str,
            "url": str,
            "refs": str,
            "preamble": str,
            "notes": str,
            "language": str,
            "version": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"key", "kind", "title", "version"},
    )
    db.table("documents").create_index(["key"], unique=True)
    db.table("entries").create(
        {
            "id": int,
            "key": str,
            "document_id": int,
            "number": int,
            "numbers": str,
            "question": str,
            "question_is_official": int,
            "text": str,
            "footnotes": str,
            "alternates": str,
            "topics": str,
            "language": str,
            "status": str,
            "version": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"key", "document_id", "number", "text", "status", "version"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("entries").create_index(["key"], unique=True)
    db.table("entries").create_index(["document_id", "number"])
    db.table("changes").create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "action": str,
            "object_type": str,
            "object_id": int,
            "object_key": str,
            "version": int,
            "batch": str,
            "before": str,
            "after": str,
            "undone_by": int,
        },
        pk="id",
        not_null={"at", "actor", "action", "object_type", "object_id"},
    )
    db.table("changes").create_index(["object_type", "object_id"])
    db.table("changes").create_index(["actor"])


def _v2_feedback_stats_and_review(db: Database) -> None:
    """Anonymous by construction: none of these tables has a column for a person or a chat."""
    db.table("feedback").create(
        {"id": int, "entry_id": int, "day": str, "helpful": int, "count": int},
        pk="id",
        not_null={"entry_id", "day", "helpful", "count"},
    )
    db.table("feedback").create_index(["entry_id", "day", "helpful"], unique=True)
    db.table("question_stats").create(
        {"id": int, "day": str, "outcome": str, "count": int}, pk="id", not_null={"day", "outcome", "count"}
    )
    db.table("question_stats").create_index(["day", "outcome"], unique=True)
    db.table("review_queue").create(
        {
            "id": int,
            "text": str,
            "count": int,
            "first_seen": str,
            "last_seen": str,
            "best_entry_id": int,
            "best_score": float,
            "status": str,
        },
        pk="id",
        not_null={"text", "count", "first_seen", "last_seen", "status"},
    )
    db.table("review_queue").create_index(["text"], unique=True)
    db.table("review_queue").create_index(["status", "last_seen"])


def _v3_index_cache(db: Database) -> None:
    """Derived data: each active entry as the index sees it, so a start need not analyse every text."""
    db.table("index_cache").create(
        {"entry_id": int, "version": int, "analyzer": str, "data": str},
        pk="entry_id",
        not_null={"version", "analyzer", "data"},
    )
    db.table("index_tokens").create({"analyzer": str, "tokens": str}, pk="analyzer", not_null={"tokens"})


def _v4_drop_index_cache(db: Database) -> None:
    """The index snapshot next to the database is the one derived copy of the index; this was a second."""
    db.execute("DROP TABLE IF EXISTS index_cache")
    db.execute("DROP TABLE IF EXISTS index_tokens")


def _v5_document_content_digest(db: Database) -> None:
    """Documents are told apart by what they say: a digest of their entries' texts, backfilled.
    Keys stay as they are (citations and curation refer to them)."""
    documents = db.table("documents")
    documents.add_column("content_digest", str)
    for (document_id,) in db.execute("SELECT id FROM documents").fetchall():
        texts = [row[0] for row in db.execute(
            "SELECT text FROM entries WHERE document_id = ? ORDER BY number, id", [document_id]
        ).fetchall()]
        if texts:
            db.execute("UPDATE documents SET content_digest = ? WHERE id = ?", [content_digest(texts), document_id])
    documents.create_index(["content_digest"])


def _v6_source_texts_notes_and_asked_questions(db: Database) -> None:
    """Each document's source text (what citations are checked against), moderators' notes told
    apart from official entries, and the review queue's question as asked (long numbers masked).

    Shipped documents get their source text back from the shipped files; any other document of an
    existing store stays without one, and so cannot take new official entries (see moderation)."""
    db.table("document_sources").create(
        {"document_id": int, "format": str, "text": str},
        pk="document_id",
        not_null={"format", "text"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("entries").add_column("note", int, not_null_default=0)
    db.table("review_queue").add_column("asked", str)
    known = shipped_source_texts()
    for document_id, key in db.execute("SELECT id, key FROM documents").fetchall():
        if key in known:
            db.execute(
                "INSERT INTO document_sources (document_id, format, text) VALUES (?, 'text', ?)",
                [document_id, known[key]],
            )


def _v7_translations_and_question_languages(db: Database) -> None:
    """Curated translations per entry and language, and questions counted per language (no text, no person)."""
    db.table("translations").create(
        {
            "id": int,
            "entry_id": int,
            "language": str,
            "question": str,
            "text": str,
            "entry_version": int,
            "status": str,
            "version": int,
            "created_at": str,
            "updated_at": str,
            "by": str,
        },
        pk="id",
        not_null={"entry_id", "language", "text", "entry_version", "status", "version"},
        foreign_keys=[("entry_id", "entries", "id")],
    )
    db.table("translations").create_index(["entry_id", "language"], unique=True)
    db.table("question_languages").create(
        {"id": int, "day": str, "language": str, "count": int}, pk="id", not_null={"day", "language", "count"}
    )
    db.table("question_languages").create_index(["day", "language"], unique=True)


def _v8_entry_references(db: Database) -> None:
    """Each entry's references (the parliamentary documents its question and text cite), found once
    and stored instead of on every citation; backfilled from the texts, keys unchanged."""
    db.table("entries").add_column("refs", str)
    for entry_id, question, text in db.execute("SELECT id, question, text FROM entries").fetchall():
        references = json.dumps(entry_references(question, text), ensure_ascii=False)
        db.execute("UPDATE entries SET refs = ? WHERE id = ?", [references, entry_id])


def _v9_note_keys(db: Database) -> None:
    """Moderators' notes were keyed with a made-up number ('…/9001', readable as a paragraph number):
    they become '…/note-1', '…/note-2' in the order they were numbered. Their ids, and so their
    history, translations and feedback, stay as they are."""
    rows = db.execute(
        "SELECT id, key, number FROM entries WHERE note = 1 AND number >= ? AND key = "
        "substr(key, 1, instr(key, '/')) || number",
        [_FIRST_NOTE_NUMBER],
    ).fetchall()
    for entry_id, key, number in rows:
        document_key = key.partition("/")[0]
        db.execute(
            "UPDATE entries SET key = ? WHERE id = ?", [f"{document_key}/note-{number - _FIRST_NOTE_NUMBER + 1}", entry_id]
        )


#: Where notes' numbers started (knowledge.moderation.FIRST_NOTE_NUMBER, which the store does not import).
_FIRST_NOTE_NUMBER = 9001


def _v10_replaced_sources(db: Database) -> None:
    """The source text each import, re-import or completion replaced (none: the document had none), by
    its batch, so that undoing the batch puts it back: an undone import leaves nothing of its text
    against which a later entry would pass as official."""
    db.table("replaced_sources").create(
        {"batch": str, "document_id": int, "format": str, "text": str},
        not_null={"batch", "document_id"},
        foreign_keys=[("document_id", "documents", "id")],
        if_not_exists=True,  # a store set back to an older version by hand (tests do) still has it
    )
    db.table("replaced_sources").create_index(["batch"], if_not_exists=True)


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_documents_entries_and_changes,
    _v2_feedback_stats_and_review,
    _v3_index_cache,
    _v4_drop_index_cache,
    _v5_document_content_digest,
    _v6_source_texts_notes_and_asked_questions,
    _v7_translations_and_question_languages,
    _v8_entry_references,
    _v9_note_keys,
    _v10_replaced_sources,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring the schema up to `target`, one version per transaction; returns the versions applied."""
    applied: list[int] = []
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"the database has schema version {current}, newer than this program knows ({SCHEMA_VERSION})"
        )
    for version in range(current + 1, target + 1):
        with db.atomic():
            if schema_version(db) >= version:  # another process migrated it meanwhile
                continue
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {version}")
            applied.append(version)
    return applied
