"""What the store refuses, as exceptions its callers tell apart."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database file itself: unreadable, foreign or too new. str() is English;
    `problem` and `values` (when given) let a front end word it in the user's language."""

    def __init__(self, message: str = "", problem: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.problem = problem
        self.values = values


class NotFound(KeyError):
    """No document or entry with that id or key."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class VersionConflict(Exception):
    """Someone else saved the object since it was read: the save is refused, not merged."""


class LaterChange(VersionConflict):
    """Undo refused: someone changed the object after the change to be undone."""

    def __init__(self, object_id: int) -> None:
        super().__init__(f"entry {object_id} was changed again after the change to undo")
        self.object_id = object_id


class RestoreIsFinal(StoreError):
    """Undo refused: the change to undo replaced the whole content with an export."""


class RestoredSince(StoreError):
    """Undo refused: an export was restored after the change to undo; the content it would step back
    from is the export's, not what the change left (the restore replaced it)."""


class DuplicateDocument(Exception):
    """A document with the same key is already in the store."""


class ForeignExport(StoreError):
    """Restore refused: the export is another store's, whose ids this store's own objects hold."""

    def __init__(self, documents: int, entries: int) -> None:
        message = f"the export is from another store: {documents} documents and {entries} entries here are not in it"
        super().__init__(message, documents=documents, entries=entries)
        self.documents = documents
        self.entries = entries
