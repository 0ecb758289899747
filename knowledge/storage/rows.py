"""Rows <-> models: how documents and entries are laid out in SQLite (lists as JSON, flags as 0/1,
references in a column `refs`)."""

from __future__ import annotations

import json
from typing import Any

from knowledge.models import Document, Entry
from knowledge.text.references import entry_references

_LIST_COLUMNS = ("numbers", "footnotes", "alternates", "topics")


def json_list(value: str | None) -> list[Any]:
    return json.loads(value) if value else []


def document_to_row(document: Document) -> dict[str, Any]:
    data = document.model_dump(mode="json", exclude={"id"})
    data["refs"] = json.dumps(data.pop("references"), ensure_ascii=False)
    data["authors"] = json.dumps(data["authors"], ensure_ascii=False)
    return data


def document_from_row(row: dict[str, Any]) -> Document:
    data = dict(row)
    data["references"] = json_list(data.pop("refs"))
    data["authors"] = json_list(data["authors"])
    return Document.model_validate(data)


def with_references(entry: Entry) -> Entry:
    """The entry as the store writes it: with the references its question and text cite, found
    now (on every write: create, edit, re-import, undo, restore), never again when it is read."""
    return entry.model_copy(update={"references": entry_references(entry.question, entry.text)})


def entry_to_row(entry: Entry, document_id: int | None) -> dict[str, Any]:
    data = entry.model_dump(mode="json", exclude={"id", "document_key"})
    for column in _LIST_COLUMNS:
        data[column] = json.dumps(data[column], ensure_ascii=False)
    data["refs"] = json.dumps(data.pop("references"), ensure_ascii=False)  # REFERENCES is an SQL keyword
    data["question_is_official"] = int(entry.question_is_official)
    data["note"] = int(entry.note)
    if document_id is not None:
        data["document_id"] = document_id
    return data


def entry_from_row(row: dict[str, Any]) -> Entry:
    data = dict(row)
    data.pop("document_id", None)
    for column in _LIST_COLUMNS:
        data[column] = json_list(data[column])
    data["references"] = json_list(data.pop("refs", None))
    data["question_is_official"] = bool(data["question_is_official"])
    data["note"] = bool(data.get("note") or 0)
    return Entry.model_validate(data)


#: The batch under which replaced_sources keeps the source text an undone first import took along
#: (its document has none then); restoring one of the import's entries brings it back.
UNDONE_PREFIX = "undone:"
