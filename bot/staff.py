"""Moderation from the server's command line: the same operations as in Telegram, for staff."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import yaml
from pydantic import TypeAdapter, ValidationError

from knowledge.importers import DocumentRejected, read_document
from knowledge.models import Entry, EntryStatus
from knowledge.moderation import EntryDraft, Moderation, ModerationError, TranslationDraft
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
    moderation = Moderation(service)
    try:
        parsed = read_document(_read(path), path.name, max_bytes=max_bytes)
        preview = moderation.preview_import(parsed)
        if preview.duplicate_of:
            raise StaffError(f"this document is already in the store as {preview.duplicate_of}")
        document = parsed.document
        out.write(f"{document.key}: {document.kind.label}, {document.date or '?'}, {len(parsed.entries)} entries\n")
        for warning in preview.warnings:
            out.write(f"  warning: {warning}\n")
        if dry_run:
            return 0
        moderation.commit_import(parsed, cli_actor())
    except (DocumentRejected, ModerationError) as error:
        raise StaffError(str(error)) from None
    out.write("imported\n")
    return 0


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


def translate_entry(
    service: AnswerService, entry_id: int, language: str, source: str, out: TextIO, *, confirm: bool = False
) -> int:
    """Save an unofficial translation of an entry (or confirm a stale one as current).

    `source`: a text file (the translated text; the translated question is kept), a .yaml/.json file
    with `text` and optionally `question`, or '-' for the text on standard input."""
    moderation = Moderation(service)
    try:
        if confirm:
            saved = moderation.confirm_translation(entry_id, language, cli_actor())
            out.write(f"confirmed the {language} translation of entry {entry_id} (version {saved.version})\n")
            return 0
        draft = _translation_draft(Path(source) if source != "-" else None)
        saved = moderation.save_translation(entry_id, language, draft.text, draft.question, cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"saved the {language} translation of entry {entry_id} (version {saved.version}, unofficial)\n")
    return 0


def _translation_draft(path: Path | None) -> TranslationDraft:
    if path is None:
        text = sys.stdin.read()
        question = None
    elif path.suffix.lower() in (".yaml", ".yml", ".json"):
        data = _structured(path)
        if not isinstance(data, dict):
            raise StaffError(f"{path} must hold a mapping with 'text' (and optionally 'question')")
        try:
            return TranslationDraft.model_validate(data)
        except ValidationError as error:
            item = error.errors()[0]
            raise StaffError(f"{'.'.join(map(str, item['loc']))}: {item['msg']}") from None
    else:
        try:
            text = _read(path, limit=200_000).decode("utf-8")
        except UnicodeDecodeError:
            raise StaffError(f"{path} is not UTF-8 text") from None
        question = None
    if not text.strip():
        raise StaffError("the translation is empty")
    return TranslationDraft(text=text.strip(), question=question)


def _print_translation_gaps(moderation: Moderation, out: TextIO) -> None:
    missing = moderation.missing_translations()
    if not any(missing.values()):
        return
    out.write("active entries without a current translation (none, or stale)\n")
    for language, ids in missing.items():
        out.write(f"  {language}: {len(ids)}" + (f" (entries {', '.join(map(str, ids))})" if ids else "") + "\n")


def print_review(service: AnswerService, out: TextIO) -> int:
    moderation = Moderation(service)
    groups = moderation.review_groups(limit=50)
    if not groups:
        out.write("the review queue is empty\n")
    for group in groups:
        suggestion = f"#{group.suggestion.entry_id}" if group.suggestion else "-"
        out.write(f"{group.count:>4}× {group.text}  (items {', '.join(map(str, group.item_ids))}; best entry {suggestion})\n")
        for variant in group.variants:
            out.write(f"       · {variant}\n")
    _print_translation_gaps(moderation, out)
    return 0


def print_stats(service: AnswerService, out: TextIO) -> int:
    moderation = Moderation(service)
    stats = moderation.stats()
    out.write(f"documents {stats.documents}, active entries {stats.active_entries}, retired {stats.retired_entries}, "
              f"open review items {stats.open_review_items}\n")
    out.write("day         answered suggested unanswered\n")
    for day in stats.days:
        out.write(f"{day.day}  {day.answered:>8} {day.suggested:>9} {day.unanswered:>10}\n")
    languages = " ".join(f"{code} {stats.questions_per_language.get(code, 0)}" for code in ("nl", "en", "ru", "be"))
    out.write(f"questions per language: {languages}\n")
    out.write("without a current translation: "
              + ", ".join(f"{code} {len(ids)}" for code, ids in stats.missing_translations.items()) + "\n")
    if stats.feedback:
        out.write("feedback per entry (helpful / not helpful)\n")
        for item in stats.feedback:
            out.write(f"  #{item.entry_id}: {item.helpful} / {item.unhelpful}\n")
    return 0
