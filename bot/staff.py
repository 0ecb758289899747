"""Moderation from the server's command line: the same operations as in Telegram, for staff."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Any, TextIO

import yaml
from pydantic import TypeAdapter, ValidationError

from bot.previews import render_preview
from bot.settings import Settings
from bot.texts.moderator import IMPORT_EN
from knowledge.importers import DocumentRejected, read_document
from knowledge.models import Entry, EntryStatus, ParsedDocument
from knowledge.moderation import EntryDraft, Moderation, ModerationError
from knowledge.publications import FetchError, PublicationSource, looks_like_reference
from knowledge.service import AnswerService


class StaffError(Exception):
    """A refused staff command; nothing was written."""


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _read(path: Path, limit: int | None = None) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StaffError(f"cannot read {path}: {error.strerror or error}") from None
    if limit is not None and len(data) > limit:
        raise StaffError(f"{path} is larger than {limit} bytes")
    return data


def import_file(service: AnswerService, path: Path, max_bytes: int, out: TextIO, *, dry_run: bool = False) -> int:
    try:
        parsed = read_document(_read(path), path.name, max_bytes=max_bytes)
    except DocumentRejected as error:
        raise StaffError(str(error)) from None
    return _import_parsed(service, parsed, out, dry_run=dry_run)


def is_publication_reference(path: Path) -> bool:
    """`import ah-tk-20202021-3341` or `import https://...`: an official id or link, not a local file."""
    return not path.exists() and looks_like_reference(_unfolded(str(path)))


def _unfolded(reference: str) -> str:
    """A link that went through Path(), which folds 'https://' into 'https:/'."""
    for scheme in ("https", "http"):
        if reference.startswith(f"{scheme}:/") and not reference.startswith(f"{scheme}://"):
            return f"{scheme}://" + reference[len(scheme) + 2 :]
    return reference


def import_publication(
    service: AnswerService, reference: str, settings: Settings, out: TextIO, *, dry_run: bool = False
) -> int:
    """Fetch the official XML (and metadata) of an id or link from officielebekendmakingen, then import it."""
    reference = _unfolded(reference)
    source = PublicationSource(
        base_url=settings.publications_base_url,
        timeout_seconds=settings.publications_timeout_seconds,
        max_bytes=settings.max_upload_bytes,
    )
    try:
        parsed = source.fetch(reference)
    except (FetchError, DocumentRejected) as error:
        raise StaffError(str(error)) from None
    return _import_parsed(service, parsed, out, dry_run=dry_run)


def _import_parsed(service: AnswerService, parsed: ParsedDocument, out: TextIO, *, dry_run: bool) -> int:
    """The preview (kind, date, authors, citation, key, every entry), then the import unless --dry-run."""
    moderation = Moderation(service)
    try:
        preview = moderation.preview_import(parsed)
        if preview.duplicate_of:
            raise StaffError(f"this document is already in the store as {preview.duplicate_of}")
        document = preview.parsed.document
        count = _count(len(preview.parsed.entries))
        out.write(f"{document.key}: {document.kind.label}, {document.date or '?'}, {count}\n")
        for warning in preview.warnings:
            out.write(f"  warning: {warning}\n")
        if dry_run:
            out.write(_plain(render_preview(preview, IMPORT_EN)) + "\n")
            return 0
        moderation.commit_import(preview.parsed, cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write("imported\n")
    return 0


def _count(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"


def _plain(text: str) -> str:
    """The Telegram preview without its HTML tags, for a terminal."""
    return text.replace("<b>", "").replace("</b>", "")


def export_file(service: AnswerService, path: Path, out: TextIO) -> int:
    export = Moderation(service).export()
    payload = export.model_dump_json(indent=1)
    if str(path) == "-":
        out.write(payload + "\n")
    else:
        path.write_text(payload + "\n", encoding="utf-8")
        out.write(f"exported {len(export.documents)} documents and {len(export.entries)} entries to {path}\n")
    return 0


def restore_file(service: AnswerService, path: Path, out: TextIO) -> int:
    try:
        export = Moderation(service).restore(_read(path), cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"restored {len(export.documents)} documents and {len(export.entries)} entries\n")
    return 0


def add_file(service: AnswerService, path: Path, out: TextIO) -> int:
    """Entries from a JSON or YAML file: one object or a list, each an EntryDraft; all of them or none."""
    data = _structured(path)
    items = data if isinstance(data, list) else [data]
    if data is None or not items:
        raise StaffError(f"{path} holds no entries")
    try:
        drafts = TypeAdapter(list[EntryDraft]).validate_python(items)
    except ValidationError as error:
        item = error.errors()[0]
        raise StaffError(f"{'.'.join(map(str, item['loc']))}: {item['msg']}") from None
    moderation = Moderation(service)
    added: list[Entry] = []
    try:
        with service.store.db.atomic():
            for draft in drafts:
                added.append(moderation.add_entry(draft, cli_actor()))
    except ModerationError as error:
        raise StaffError(f"{len(added)}: {error}") from None  # numbered from 0, like the validation errors
    for entry in added:
        out.write(f"added entry {entry.id} ({entry.key})\n")
    return 0


def _structured(path: Path) -> Any:
    """The data of a JSON or YAML file (by its suffix); anything unreadable is one line of StaffError."""
    kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
    try:
        raw = _read(path, limit=2_000_000).decode("utf-8")
        return json.loads(raw) if kind == "JSON" else yaml.safe_load(raw)
    except UnicodeDecodeError:
        raise StaffError(f"{path} is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise StaffError(f"{path} is not valid JSON: {error}") from None
    except yaml.YAMLError as error:
        raise StaffError(f"{path} is not valid YAML: {_yaml_problem(error)}") from None


def _yaml_problem(error: yaml.YAMLError) -> str:
    """PyYAML's several-line message as one line: what is wrong, and where."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    mark = getattr(error, "problem_mark", None)
    return f"{problem} (line {mark.line + 1}, column {mark.column + 1})" if mark else str(problem)


def retire_entry(service: AnswerService, entry_id: int, out: TextIO) -> int:
    try:
        Moderation(service).set_status(entry_id, EntryStatus.RETIRED, cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"retired entry {entry_id} (not deleted)\n")
    return 0


def print_review(service: AnswerService, out: TextIO) -> int:
    groups = Moderation(service).review_groups(limit=50)
    if not groups:
        out.write("the review queue is empty\n")
    for group in groups:
        suggestion = f"#{group.suggestion.entry_id}" if group.suggestion else "-"
        out.write(f"{group.count:>4}× {group.text}  (items {', '.join(map(str, group.item_ids))}; best entry {suggestion})\n")
        for variant in group.variants:
            out.write(f"       · {variant}\n")
    return 0


def print_stats(service: AnswerService, out: TextIO) -> int:
    stats = Moderation(service).stats()
    out.write(f"documents {stats.documents}, active entries {stats.active_entries}, retired {stats.retired_entries}, "
              f"open review items {stats.open_review_items}\n")
    out.write("day         answered suggested unanswered\n")
    for day in stats.days:
        out.write(f"{day.day}  {day.answered:>8} {day.suggested:>9} {day.unanswered:>10}\n")
    if stats.feedback:
        out.write("feedback per entry (helpful / not helpful)\n")
        for item in stats.feedback:
            out.write(f"  #{item.entry_id}: {item.helpful} / {item.unhelpful}\n")
    return 0
