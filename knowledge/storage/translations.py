"""Curated translations in the store: saved, confirmed, withdrawn and undone like every other change.

A translation belongs to the version of the official text it was made from (`entry_version`). It is
stale when the entry's official text, or its official question (one the document itself prints), now
differs from that version's: an edit of the topics, the alternate questions or a curated (moderator's)
question leaves it current, since none of them is what the translation renders as the government's
words; an edit of the text makes it stale, and undoing that edit makes it current again. A
moderator confirms a stale translation (it then belongs to the current version) or saves a
new one. Nothing is deleted: undoing a translation's creation withdraws it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from knowledge.models import Entry, Language, Translation, TranslationStatus

if TYPE_CHECKING:
    from knowledge.storage.audit import Change
    from knowledge.storage.store import Store

OBJECT: Literal["translation"] = "translation"


class TranslationNotFound(KeyError):
    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "no translation"


def object_key(entry: Entry, language: Language) -> str:
    """How the audit trail names a translation: the entry's key and the language."""
    return f"{entry.key}#{language.value}"


def _row(translation: Translation) -> dict[str, Any]:
    data = translation.model_dump(mode="json", exclude={"id"})
    return data


def _from_row(row: dict[str, Any]) -> Translation:
    return Translation.model_validate(dict(row))


def translation(store: Store, entry_id: int, language: Language, *, withdrawn: bool = False) -> Translation | None:
    """The entry's translation into `language` (a withdrawn one only when asked for)."""
    rows = list(
        store.db.query(
            "SELECT * FROM translations WHERE entry_id = ? AND language = ?", [entry_id, Language(language).value]
        )
    )
    if not rows:
        return None
    found = _from_row(rows[0])
    return found if withdrawn or found.status is TranslationStatus.CURRENT else None


def all_translations(store: Store) -> list[Translation]:
    return [_from_row(row) for row in store.db.query("SELECT * FROM translations ORDER BY id")]


class OfficialText(NamedTuple):
    """An entry's official question (None when its question is a curated one) and text, as they were
    at one of its versions."""

    question: str | None
    text: str


def official_of(entry: Entry) -> OfficialText:
    """What of the entry is the document's own words: its text, and its question only when official."""
    return OfficialText(entry.question if entry.question_is_official else None, entry.text)


def official_at(store: Store, entry_id: int, version: int) -> OfficialText | None:
    """The entry's question and text as they were at `version`, from its audit trail."""
    row = store.db.execute(
        "SELECT after FROM changes WHERE object_type = 'entry' AND object_id = ? AND version = ? "
        "AND after IS NOT NULL ORDER BY id DESC LIMIT 1",
        [entry_id, version],
    ).fetchone()
    if not row:
        return None
    data = json.loads(row[0])
    question = data.get("question") if data.get("question_is_official") else None
    return OfficialText(question, str(data.get("text", "")))


def is_stale(store: Store, found: Translation, entry: Entry) -> bool:
    """True when the official text (or official question) differs from the version the translation was made for."""
    if found.entry_version == entry.version:
        return False
    then = official_at(store, entry.id or 0, found.entry_version)
    if then is None:
        return found.entry_version < entry.version
    return then != official_of(entry)


def save(
    store: Store,
    entry: Entry,
    language: Language,
    text: str,
    question: str | None,
    actor: str,
    *,
    expected_version: int | None = None,
    batch: str | None = None,
) -> Translation:
    """Create or replace the translation, made for the entry's current version; audited.

    `expected_version` (the translation's version the moderator saw; 0 for none) refuses a save over
    someone else's in the meantime, as edits of entries do.
    """
    from knowledge.storage.clock import utcnow
    from knowledge.storage.errors import VersionConflict

    before = translation(store, entry.id or 0, language, withdrawn=True)
    seen = before.version if before and before.status is TranslationStatus.CURRENT else 0
    if expected_version is not None and expected_version != seen:
        raise VersionConflict(
            f"the {language.value} translation of entry {entry.id} was changed by someone else since you opened it; "
            "reload it and try again"
        )
    now = utcnow()
    after = Translation(
        id=before.id if before else None,
        entry_id=entry.id or 0,
        language=language,
        question=question.strip() if question and question.strip() else None,
        text=text,
        entry_version=entry.version,
        status=TranslationStatus.CURRENT,
        version=(before.version + 1) if before else 1,
        created_at=before.created_at if before else now,
        updated_at=now,
        by=actor,
    )
    with store.db.atomic():
        if before is None:
            new_id = store.db.table("translations").insert(_row(after)).last_pk
            after = after.model_copy(update={"id": new_id})
            action = "create"
        else:
            _write(store, after, before.version)
            action = "update" if before.status is TranslationStatus.CURRENT else "create"
        store.record_change(
            action, OBJECT, after.id or 0, object_key(entry, language), after.version, before, after, actor, batch
        )
    return after


def confirm(store: Store, entry: Entry, language: Language, actor: str) -> Translation:
    """A moderator checked a stale translation against the current official text: it is current again."""
    from knowledge.storage.clock import utcnow

    before = translation(store, entry.id or 0, language)
    if before is None:
        raise TranslationNotFound(f"entry {entry.id} has no {language.value} translation")
    after = before.model_copy(
        update={"entry_version": entry.version, "version": before.version + 1, "updated_at": utcnow(), "by": actor}
    )
    with store.db.atomic():
        _write(store, after, before.version)
        store.record_change(
            "confirm", OBJECT, after.id or 0, object_key(entry, language), after.version, before, after, actor
        )
    return after


def _write(store: Store, after: Translation, expected_version: int) -> None:
    from knowledge.storage.errors import VersionConflict

    row = _row(after)
    cursor = store.db.execute(
        "UPDATE translations SET " + ", ".join(f"[{c}] = ?" for c in row) + " WHERE id = ? AND version = ?",
        [*row.values(), after.id, expected_version],
    )
    if cursor.rowcount != 1:
        raise VersionConflict(f"translation {after.id} was changed by someone else; reload it and try again")


def undo(store: Store, change: Change, actor: str) -> int:
    """Put back what the translation was before `change` (withdraw it if the change created it)."""
    from knowledge.storage.clock import utcnow
    from knowledge.storage.errors import NotFound, VersionConflict

    rows = list(store.db.query("SELECT * FROM translations WHERE id = ?", [change.object_id]))
    if not rows:
        raise NotFound(f"no translation {change.object_id}")
    current = _from_row(rows[0])
    if current.version != change.version:
        raise VersionConflict(
            f"translation {current.id} was changed again after your change (now version {current.version}); "
            "undo is refused so that the later change is not lost"
        )
    if change.before is None or Translation.model_validate(change.before).status is TranslationStatus.WITHDRAWN:
        restored = current.model_copy(update={"status": TranslationStatus.WITHDRAWN})
    else:
        restored = Translation.model_validate(change.before)
    after = restored.model_copy(
        update={"id": current.id, "version": current.version + 1, "updated_at": utcnow(), "by": actor}
    )
    _write(store, after, current.version)
    return store.record_change("undo", OBJECT, current.id or 0, change.object_key, after.version, current, after, actor)


def restore_rows(store: Store, translations: list[Translation]) -> None:
    """Put an export's translations back, ids and versions as they were (inside the restore's
    transaction); a translation of an entry the export does not hold has nothing to belong to."""
    entries = {int(row[0]) for row in store.db.execute("SELECT id FROM entries")}
    for item in translations:
        if item.entry_id in entries:
            store.db.table("translations").insert({"id": item.id, **_row(item)})


def record_reverts(store: Store, before: list[Translation], action: str, actor: str, batch: str) -> None:
    """After restore_rows: one change per translation the restore changed back to the export's (or,
    newer than the export, withdrew), old → new, as a new version after the last it had, so that the
    history shows the translation askers see and no version number is given twice."""
    from knowledge.storage.clock import utcnow

    restored = {(t.entry_id, t.language): t for t in all_translations(store)}
    entries = {e.id: e for e in store.entries(status=None)}
    for old in before:
        entry, new = entries.get(old.entry_id), restored.get((old.entry_id, old.language))
        if entry is None or (new is not None and new.id != old.id):
            continue
        target = new or old.model_copy(update={"status": TranslationStatus.WITHDRAWN})
        if _content(target) == _content(old):
            continue
        after = target.model_copy(update={"version": max(old.version, target.version) + 1, "updated_at": utcnow()})
        if new is None:
            store.db.table("translations").insert({"id": old.id, **_row(after)})
        else:
            _write(store, after, new.version)
        key = object_key(entry, old.language)
        store.record_change(action, OBJECT, after.id or 0, key, after.version, old, after, actor, batch)


def _content(translation: Translation) -> dict[str, Any]:
    return translation.model_dump(mode="json", exclude={"id", "version", "created_at", "updated_at", "by"})


def history(store: Store, entry_id: int) -> list[Change]:
    """Every change of the entry's translations, oldest first."""
    from knowledge.storage.audit import change_from_row

    rows = store.db.query(
        "SELECT * FROM changes WHERE object_type = 'translation' AND object_id IN "
        "(SELECT id FROM translations WHERE entry_id = ?) ORDER BY id",
        [entry_id],
    )
    return [change_from_row(row) for row in rows]
