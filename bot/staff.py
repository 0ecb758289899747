"""Moderation from the server's command line: the same operations as in Telegram, for staff."""

from __future__ import annotations

import getpass
import html
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import yaml
from pydantic import TypeAdapter, ValidationError

from bot.settings import Settings
from interface.history import change_details
from interface.previews import render_preview
from interface.roles import kind_label
from interface.texts import texts_for
from interface.texts.markup import html_to_plain
from interface.texts.moderator import import_texts, moderator_texts
from interface.validation import validation_problem
from knowledge.ingest.importers import DocumentRejected, read_document
from knowledge.ingest.publications import FetchError, PublicationSource, looks_like_reference
from knowledge.ingest.sourcetext import source_of_upload
from knowledge.models import Entry, EntryStatus, ParsedDocument, SourceText
from knowledge.moderation import EntryDraft, Moderation, ModerationError, TranslationDraft, split_question
from knowledge.reasons import Reason
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


#: Why an added entry became a moderator's note, in the few words of one output line.
_WHY_NOTE = {
    Reason.NO_SOURCE: "its document has no source text in the store to check it against",
    Reason.HAND_DESCRIBED: "a document described by hand has no source text",
    Reason.NOT_IN_DOCUMENT: "its document does not contain this text",
    Reason.NOT_AN_ANSWER: "the text is in no paragraph or answer of its document",
    Reason.TOO_SHORT_TO_CHECK: "too short to check against its document",
}


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise StaffError(f"cannot write {path}: {error.strerror or error}") from None


def entries(count: int) -> str:
    """'1 entry', '2 entries'."""
    return f"{count} {'entry' if count == 1 else 'entries'}"


def documents(count: int) -> str:
    return f"{count} {'document' if count == 1 else 'documents'}"


def import_file(
    service: AnswerService, path: Path, max_bytes: int, out: TextIO, *, dry_run: bool = False, language: str = "en"
) -> int:
    try:
        data = _read(path)
        parsed = read_document(data, path.name, max_bytes=max_bytes)
    except DocumentRejected as error:
        raise StaffError(str(error)) from None
    source = source_of_upload(data, path.name, max_bytes)
    return _import_parsed(service, parsed, source, out, dry_run=dry_run, language=language)


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
    service: AnswerService, reference: str, settings: Settings, out: TextIO, *, dry_run: bool = False,
    language: str = "en",
) -> int:
    """Fetch the official XML (and metadata) of an id or link from officielebekendmakingen, then import it."""
    reference = _unfolded(reference)
    source = PublicationSource(
        base_url=settings.publications_base_url,
        timeout_seconds=settings.publications_timeout_seconds,
        max_bytes=settings.max_upload_bytes,
    )
    try:
        fetched = source.fetch_with_source(reference)
    except (FetchError, DocumentRejected) as error:
        raise StaffError(str(error)) from None
    source_text = source_of_upload(fetched.xml, fetched.file_name, settings.max_upload_bytes)
    return _import_parsed(service, fetched.parsed, source_text, out, dry_run=dry_run, language=language)


def _import_parsed(
    service: AnswerService,
    parsed: ParsedDocument,
    source: SourceText | None,
    out: TextIO,
    *,
    dry_run: bool,
    language: str = "en",
) -> int:
    """The preview (kind, date, authors, citation, key, every entry), then the import unless --dry-run."""
    moderation = Moderation(service)
    try:
        preview = moderation.preview_import(parsed)
        if preview.duplicate_of:
            raise StaffError(f"this document is already in the store as {preview.duplicate_of}")
        document = preview.parsed.document
        texts = texts_for(language)
        kind = document.kind.label if language == "nl" else kind_label(document.kind, texts)
        date = texts.date(document.date) if document.date else "?"
        out.write(f"{document.key}: {kind}, {date}, {entries(len(preview.parsed.entries))}\n")
        for warning in preview.warnings:
            out.write(f"  warning: {warning}\n")
        if dry_run:
            # The preview is Telegram HTML: built escaped, then read back as plain text for the terminal.
            preview_text = render_preview(preview, import_texts(language), _escape, texts)
            out.write(html_to_plain(preview_text) + "\n")
            return 0
        moderation.commit_import(preview.parsed, cli_actor(), source)
    except (DocumentRejected, ModerationError) as error:
        raise StaffError(str(error)) from None
    out.write("imported\n")
    return 0


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def export_file(service: AnswerService, path: Path, out: TextIO) -> int:
    export = Moderation(service).export()
    payload = export.model_dump_json(indent=1)
    if str(path) == "-":
        out.write(payload + "\n")
    else:
        _write(path, payload + "\n")
        out.write(f"exported {documents(len(export.documents))} and {entries(len(export.entries))} to {path}\n")
    return 0


def restore_file(service: AnswerService, path: Path, out: TextIO) -> int:
    try:
        export = Moderation(service).restore(_read(path), cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"restored {documents(len(export.documents))} and {entries(len(export.entries))}\n")
    return 0


def add_file(service: AnswerService, path: Path, out: TextIO, language: str = "en") -> int:
    """Entries from a JSON or YAML file: one object or a list, each an EntryDraft; all of them or none.
    A refusal names the entry counted from 1 and says what is wrong in the moderator's language."""
    t = moderator_texts(language)
    data = _structured(path)
    items = data if isinstance(data, list) else [data]
    if data is None or not items:
        raise StaffError(f"{path} holds no entries")
    try:
        drafts = TypeAdapter(list[EntryDraft]).validate_python(items)
    except ValidationError as error:
        raise StaffError(validation_problem(error.errors(), t)) from None
    try:
        added = Moderation(service).add_entries(drafts, cli_actor())
    except ModerationError as error:
        # English as the command line words it (the Telegram wording names Telegram's commands).
        reason = str(error) if language == "en" else t.reason(error)
        raise StaffError(t.validation_at.format(number=(error.item or 0) + 1, problem=reason)) from None
    for entry, why in added:
        if entry.note:
            reason = f" ({_WHY_NOTE.get(why, why.value)})" if why else ""
            out.write(f"added entry {entry.id} ({entry.key}) as a moderator's note, not official text{reason}\n")
        else:
            out.write(f"added entry {entry.id} ({entry.key}), number {entry.number} of its document\n")
    return 0


def read_text_file(path: Path) -> str:
    try:
        return _read(path, limit=2_000_000).decode("utf-8")
    except UnicodeDecodeError:
        raise StaffError(f"{path} is not UTF-8 text") from None


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
    service: AnswerService,
    entry_id: int,
    language: str,
    source: str,
    out: TextIO,
    *,
    confirm: bool = False,
    yes: bool = False,
    answer: TextIO | None = None,
) -> int:
    """Save an unofficial translation of an entry (or confirm a stale one as current), as Telegram
    does: the entry is looked up first (an unknown id is refused before anything is read), then a
    preview shows which official text the translation is attached to, and only a confirmation saves
    it: `yes`, or 'y' typed at the prompt when `answer` (the terminal) is given. A mistyped id thus
    shows another entry's text instead of silently attaching the translation to it.

    `source`: a text file (the translated text; the translated question is kept), a .yaml/.json file
    with `text` and optionally `question`, or '-' for the text on standard input."""
    moderation = Moderation(service)
    try:
        state = moderation.translation_state(entry_id, language)
        if not state.entry.is_active:
            raise ModerationError(Reason.RETIRED, id=entry_id)
        if confirm:
            if state.translation is None:
                raise ModerationError(Reason.NO_TRANSLATION, id=entry_id, language=state.language.value)
            if not state.stale:
                raise ModerationError(Reason.TRANSLATION_CURRENT, id=entry_id, language=state.language.value)
            draft = TranslationDraft(text=state.translation.text, question=state.translation.question)
        else:
            draft = _translation_draft(Path(source) if source != "-" else None)
            moderation.check_translation_language(draft.text, draft.question, state.language)
    except ModerationError as error:
        raise StaffError(str(error)) from None
    _print_translation_preview(service, state.entry, state.language.value, draft, out, confirm=confirm)
    if not yes and not _confirmed(answer, out):
        raise StaffError("nothing saved: check the preview above and run the command again with --yes to attach it")
    try:
        if confirm:
            saved = moderation.confirm_translation(entry_id, language, cli_actor())
            out.write(f"confirmed the {language} translation of entry {entry_id} (version {saved.version})\n")
            return 0
        saved = moderation.save_translation(entry_id, language, draft.text, draft.question, cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"saved the {language} translation of entry {entry_id} (version {saved.version}, unofficial)\n")
    return 0


#: How much of the official text and of the translation the preview shows.
PREVIEW_CHARS = 300


def _print_translation_preview(
    service: AnswerService, entry: Entry, language: str, draft: TranslationDraft, out: TextIO, *, confirm: bool
) -> None:
    """Which entry, cited as answers cite it, its official Dutch and what would be attached to it."""
    citation = service.match_for_entry(entry).citation.line()
    action = "confirm as current" if confirm else "attach"
    out.write(f"preview: {action} this {language} translation (unofficial) to entry {entry.id} ({entry.key})\n")
    out.write(f"  official text: {citation}\n")
    if entry.question:
        out.write(f"  question: {_clip(entry.question)}\n")
    out.write(f"  Dutch: {_clip(entry.text)}\n")
    if draft.question:
        out.write(f"  translated question: {_clip(draft.question)}\n")
    out.write(f"  translation: {_clip(draft.text)}\n")


def _clip(text: str, limit: int = PREVIEW_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _confirmed(answer: TextIO | None, out: TextIO) -> bool:
    """'y' or 'yes' typed at the terminal; never without one (a script must pass --yes)."""
    if answer is None:
        return False
    out.write("attach it? [y/N] ")
    out.flush()
    try:
        reply = answer.readline()
    except (OSError, ValueError):
        return False
    return reply.strip().lower() in ("y", "yes", "j", "ja")


def _translation_draft(path: Path | None) -> TranslationDraft:
    if path is None:
        question, text = split_question(sys.stdin.read())
    elif path.suffix.lower() in (".yaml", ".yml", ".json"):
        data = _structured(path)
        if not isinstance(data, dict):
            raise StaffError(f"{path} must hold a mapping with 'text' (and optionally 'question')")
        try:
            return TranslationDraft.model_validate(data)
        except ValidationError as error:
            raise StaffError(validation_problem(error.errors(), moderator_texts("en"), numbered=False)) from None
    else:
        try:
            text = _read(path, limit=200_000).decode("utf-8")
        except UnicodeDecodeError:
            raise StaffError(f"{path} is not UTF-8 text") from None
        question, text = split_question(text)
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
        items = ", ".join(map(str, group.item_ids))
        out.write(f"{group.count:>4}× {group.asked}  (items {items}; best entry {suggestion})\n")
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


# --- what Telegram's one-shot commands do, on the command line ------------------------------------


def edit_entry(service: AnswerService, entry_id: int, out: TextIO, **fields: object) -> int:
    """Change the question, text or topics of an entry (only the fields given); audited like /edit."""
    given = {name: value for name, value in fields.items() if value is not None}
    if not given:
        raise StaffError("nothing to change: give --question, --text, --text-file or --topics")
    moderation = Moderation(service)
    try:
        current = moderation.entry(entry_id)
        entry = moderation.edit_entry(entry_id, current.version, cli_actor(), **given)
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"saved entry {entry.id} ({entry.key}), version {entry.version}\n")
    return 0


def alias_entry(service: AnswerService, entry_id: int, question: str, out: TextIO) -> int:
    try:
        entry = Moderation(service).add_alternate(entry_id, question, cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"added an alternate question to entry {entry.id}, version {entry.version}\n")
    return 0


def restore_entry(service: AnswerService, entry_id: int, out: TextIO) -> int:
    try:
        Moderation(service).set_status(entry_id, EntryStatus.ACTIVE, cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"entry {entry_id} is active again\n")
    return 0


def undo_last(service: AnswerService, out: TextIO) -> int:
    """Undo this user's last change on the command line (each run steps one change further back)."""
    try:
        undone = Moderation(service).undo(cli_actor())
    except ModerationError as error:
        raise StaffError(str(error)) from None
    out.write(f"undone: {len(undone)} {'change' if len(undone) == 1 else 'changes'}\n")
    return 0


def print_history(service: AnswerService, entry_id: int, out: TextIO, language: str = "en") -> int:
    """Every version of the entry and every change of its translations, in the order they were made,
    each edit with what it changed (old → new, shortened)."""
    t = moderator_texts(language)
    try:
        changes = Moderation(service).history_with_translations(entry_id)
    except ModerationError as error:
        raise StaffError(t.reason(error)) from None
    for change in changes:
        undone = f" (undone by change {change.undone_by})" if change.undone_by else ""
        action = t.history_action(change.action, change.object_type, change.object_key)
        out.write(f"v{change.version or '-'}  {change.at:%Y-%m-%d %H:%M}  {change.actor}  {action}{undone}\n")
        for line in change_details(change.before, change.after, t):
            out.write(f"      {line}\n")
    if not changes:
        out.write(t.history_empty + "\n")
    return 0
