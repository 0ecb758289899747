"""The audit trail: every change to a document, entry or translation, who made it and when, with
whole before/after snapshots. Writing and reading the trail lives here; what a change means for the
content, and undoing it, lives with the content (store.py, translations.py)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel
from sqlite_utils import Database

from knowledge.storage.clock import utcnow

ObjectType = Literal["document", "entry", "translation"]

#: How the trail records a restore of a whole export (exchange.py): an action on no document.
EXPORT_RESTORE: tuple[str, ObjectType, int] = ("restore", "document", 0)


def is_export_restore(action: str, object_type: str, object_id: int) -> bool:
    """Told apart from a retired entry's restore, which shares the action's name."""
    return (action, object_type, object_id) == EXPORT_RESTORE


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

    def to_row(self) -> dict[str, Any]:
        row = self.model_dump()
        row.update(
            at=self.at.isoformat(),
            before=json.dumps(self.before) if self.before is not None else None,
            after=json.dumps(self.after) if self.after is not None else None,
        )
        return row


def change_from_row(row: dict[str, Any]) -> Change:
    data = dict(row)
    for column in ("before", "after"):
        data[column] = json.loads(data[column]) if data[column] else None
    return Change.model_validate(data)


class AuditTrail:
    """The store's `changes` table (a part of Store: it shares the store's database)."""

    db: Database

    def record_change(
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
        """Append one change and return its id (which is also the store's new revision)."""
        last = self.db.table("changes").insert(
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
            }
        ).last_pk
        if not isinstance(last, int):
            raise RuntimeError("the store gave the new change no id")
        return last

    def revision(self) -> int:
        """Grows with every change; readers compare it to know that they must refresh."""
        row = self.db.execute("SELECT coalesce(max(id), 0) FROM changes").fetchone()
        return int(row[0])

    def change_stamp(self, revision: int) -> str:
        """What change `revision` was: lets a reader check that the log it followed is still this log."""
        row = self.db.execute(
            "SELECT at, action, object_type, object_id, version FROM changes WHERE id = ?", [revision]
        ).fetchone()
        return "|".join(map(str, row)) if row else ""

    def history(self, object_id: int, object_type: ObjectType = "entry") -> list[Change]:
        rows = self.db.query(
            "SELECT * FROM changes WHERE object_type = ? AND object_id = ? ORDER BY id", [object_type, object_id]
        )
        return [change_from_row(row) for row in rows]

    def changes(self, since: int = 0) -> list[Change]:
        return [change_from_row(row) for row in self.db.query("SELECT * FROM changes WHERE id > ? ORDER BY id", [since])]

    def changes_in_batch(self, batch: str) -> list[Change]:
        """The changes of one batch (an import), last first: the order to undo them in."""
        return [change_from_row(r) for r in self.db.query("SELECT * FROM changes WHERE batch = ? ORDER BY id DESC", [batch])]

    def last_change_by(self, actor: str) -> Change | None:
        """The actor's last change that still stands (undos themselves are not changes to undo)."""
        rows = list(
            self.db.query(
                "SELECT * FROM changes WHERE actor = ? AND undone_by IS NULL AND action != 'undo' ORDER BY id DESC LIMIT 1",
                [actor],
            )
        )
        return change_from_row(rows[0]) if rows else None

    def mark_undone(self, change_id: int, undo_id: int) -> None:
        self.db.execute("UPDATE changes SET undone_by = ? WHERE id = ?", [undo_id, change_id])

    def changed_after(self, change: Change) -> bool:
        """Whether a later change to the same object still stands: undos, and changes already
        undone, do not count, so that undo after undo steps back change after change."""
        row = self.db.execute(
            "SELECT 1 FROM changes WHERE object_type = ? AND object_id = ? AND id > ? "
            "AND action != 'undo' AND undone_by IS NULL LIMIT 1",
            [change.object_type, change.object_id, change.id],
        ).fetchone()
        return row is not None
