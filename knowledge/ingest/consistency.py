"""Whether an export can be restored as it is: each entry belongs to one of its documents, no two
objects share an id or key, and every official entry is text of its document (checked against the
document's source text, as `add` and `edit` check). An export edited by hand, merged or damaged
would otherwise put words the minister never wrote under an official citation, or fail half-way."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from knowledge.ingest.sourcetext import comparable, source_entries
from knowledge.models import Document, Entry, SourceText
from knowledge.reasons import Reason


class Inconsistency(NamedTuple):
    """The first thing that keeps an export from being restored, with the values its wording names."""

    reason: Reason
    values: dict[str, object]


def inconsistency(documents: list[Document], entries: list[Entry], sources: dict[str, SourceText]) -> Inconsistency | None:
    """None when the export can be restored as it is."""
    keys = {d.key for d in documents}
    columns: list[list[int | None] | list[str]] = [
        [d.id for d in documents], [d.key for d in documents], [e.id for e in entries], [e.key for e in entries]
    ]
    for column in columns:
        twice = [value for value, count in Counter(column).items() if count > 1 and value is not None]
        if twice:
            return Inconsistency(Reason.EXPORT_TWICE, {"value": twice[0]})
    for entry in entries:
        if entry.document_key not in keys:
            return Inconsistency(Reason.EXPORT_ENTRY_WITHOUT_DOCUMENT, {"id": entry.id, "key": entry.document_key})
    seen: dict[tuple[str, int], Entry] = {}
    texts: dict[int, list[str]] = {}
    for entry in entries:
        if entry.note:
            continue
        source = sources.get(entry.document_key)
        if source is not None and not _in_source(comparable(entry.text), source, texts):
            return Inconsistency(Reason.EXPORT_TEXT_NOT_IN_SOURCE, {"id": entry.id, "key": entry.document_key})
        other = seen.setdefault((entry.document_key, entry.number), entry)
        if other is not entry and comparable(other.text) != comparable(entry.text):
            values: dict[str, object] = {"first": other.id, "second": entry.id, "number": entry.number, "key": entry.document_key}
            return Inconsistency(Reason.EXPORT_NUMBER_TWICE, values)
    return None


def _in_source(wanted: str, source: SourceText, texts: dict[int, list[str]]) -> bool:
    """In the source's text, or in one of its units as the importer reads them (an XML source's
    paragraph with a footnote inside is one text only once read); each source read once."""
    if id(source) not in texts:
        texts[id(source)] = [comparable(source.text)]
    if any(wanted in text for text in texts[id(source)]):
        return True
    if len(texts[id(source)]) == 1:
        texts[id(source)] += [comparable(unit.text) for unit in source_entries(source)] or [""]
        return any(wanted in text for text in texts[id(source)][1:])
    return False
