"""Moderation from the server's command line: the same operations as in Telegram, for staff."""

from __future__ import annotations

import errno
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
from interface.previews import fetch_refusal, render_preview
from interface.roles import kind_label
from interface.texts import texts_for
from interface.texts.markup import html_to_plain
from interface.texts.moderator import ModeratorTexts, import_texts
from interface.texts.staff import StaffTexts, cli_moderator_texts, staff_texts
from interface.validation import validation_problem
from knowledge.ingest.importers import DocumentRejected, read_document
from knowledge.ingest.publications import FetchError, PublicationSource, looks_like_reference
from knowledge.ingest.sourcetext import source_of_upload
from knowledge.models import Entry, EntryStatus, ParsedDocument, SourceText
from knowledge.moderation import EntryDraft, Moderation, ModerationError, TranslationDraft, split_question
from knowledge.reasons import Reason
from knowledge.service import AnswerService


class StaffError(Exception):
    """A refused staff command; nothing was written. The message is already in the moderator's language."""


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def texts(language: str) -> tuple[StaffTexts, ModeratorTexts]:
    """The command line's own texts and Telegram's moderator texts (refusals worded for the command line)."""
    return staff_texts(language), cli_moderator_texts(language)


def _read(path: Path, language: str, limit: int | None = None) -> bytes:
    s = staff_texts(language)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StaffError(s.cannot_read.format(path=path, reason=s.os_reason(error))) from None
    if limit is not None and len(data) > limit:
        raise StaffError(s.too_large.format(path=path, limit=import_texts(language).size(limit)))
    return data


def _write(path: Path, text: str, language: str) -> None:
    s = staff_texts(language)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        reason = s.os_reason(error)
        if error.errno == errno.ENOENT:  # the file is new: what is missing is its folder, or the folder refuses it
            reason = s.folder_refuses if path.parent.is_dir() else s.no_such_folder.format(folder=path.parent)
        raise StaffError(s.cannot_write.format(path=path, reason=reason)) from None


def _refused(error: Exception, language: str) -> StaffError:
    """A refusal from moderation or an importer, worded in the moderator's language."""
    return StaffError(cli_moderator_texts(language).reason(error))


def import_file(
    service: AnswerService, path: Path, max_bytes: int, out: TextIO, *, dry_run: bool = False, language: str = "en"
) -> int:
    data = _read(path, language)
    try:
        parsed = read_document(data, path.name, max_bytes=max_bytes)
    except DocumentRejected as error:
        raise _refused(error, language) from None
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
    except FetchError as error:
        raise StaffError(fetch_refusal(error, import_texts(language), reference)) from None
    except DocumentRejected as error:
        raise _refused(error, language) from None
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
    """The preview (kind, date, authors, citation, key, every entry), then the import unless --dry-run.
    The dry run's preview carries the warnings itself; an import prints them once, as lines."""
    st, t = texts(language)
    moderation = Moderation(service)
    try:
        preview = moderation.preview_import(parsed)
        if preview.duplicate_of:
            raise _refused(ModerationError(Reason.ALREADY_IN_STORE, key=preview.duplicate_of), language)
        document = preview.parsed.document
        interface = texts_for(language)
        kind = document.kind.label if language == "nl" else kind_label(document.kind, interface)
        date = interface.date(document.date) if document.date else import_texts(language).undated
        count = t.entries(len(preview.adding) if preview.completes else len(preview.parsed.entries))
        out.write(st.import_summary.format(key=document.key, kind=kind, date=date, entries=count) + "\n")
        if dry_run:
            # The preview is Telegram HTML: built escaped, then read back as plain text for the terminal.
            preview_text = render_preview(preview, import_texts(language), _escape, interface)
            out.write(html_to_plain(preview_text) + "\n")
            return 0
        for notice in preview.notices:
            out.write(st.warning.format(text=t.reason(ModerationError(notice.reason, **notice.values))) + "\n")
        stored = moderation.commit_import(preview.parsed, cli_actor(), source)
    except (DocumentRejected, ModerationError) as error:
        raise _refused(error, language) from None
    # the key it got under the write lock (another writer may have taken the preview's meanwhile)
    out.write(st.imported.format(key=stored.document.key, entries=count) + "\n")
    if stored.document.key != document.key:
        out.write(import_texts(language).rekeyed.format(previewed=document.key, key=stored.document.key) + "\n")
    return 0


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def export_file(service: AnswerService, path: Path, out: TextIO, language: str = "en") -> int:
    st, t = texts(language)
    export = Moderation(service).export()
    payload = export.model_dump_json(indent=1)
    if str(path) == "-":
        out.write(payload + "\n")
    else:
        _write(path, payload + "\n", language)
        documents, entries = st.documents(len(export.documents)), t.entries(len(export.entries))
        out.write(st.exported.format(documents=documents, entries=entries, path=path) + "\n")
    return 0


def restore_file(
    service: AnswerService, path: Path, out: TextIO, language: str = "en", *, dry_run: bool = False, yes: bool = False
) -> int:
    """Restore an export; with dry_run only say what it would retire, change and add. An export that
    would retire active entries is refused without --yes (the refusal says to look first)."""
    st, t = texts(language)
    data = _read(path, language)
    try:
        if dry_run:
            _, plan = Moderation(service).plan_restore(data)
            retired, changed, added = (t.entries(len(keys)) for keys in (plan.retired, plan.changed, plan.added))
            out.write(st.restore_preview.format(path=path, retired=retired, changed=changed, added=added) + "\n")
            for line, keys in zip(st.restore_lines, (plan.retired, plan.changed, plan.added), strict=True):
                if keys:
                    out.write(line.format(keys=", ".join(keys)) + "\n")
            return 0
        export = Moderation(service).restore(data, cli_actor(), retiring_confirmed=yes)
    except ModerationError as error:
        raise _refused(error, language) from None
    documents, entries = st.documents(len(export.documents)), t.entries(len(export.entries))
    out.write(st.restored_export.format(documents=documents, entries=entries) + "\n")
    return 0


def add_file(service: AnswerService, path: Path, out: TextIO, language: str = "en") -> int:
    """Entries from a JSON or YAML file: one object or a list, each an EntryDraft; all of them or none.
    A refusal names the entry counted from 1 and says what is wrong in the moderator's language."""
    st, t = texts(language)
    data = _structured(path, language)
    items = data if isinstance(data, list) else [data]
    if data is None or not items:
        raise StaffError(st.no_entries.format(path=path))
    try:
        drafts = TypeAdapter(list[EntryDraft]).validate_python(items)
    except ValidationError as error:
        raise StaffError(validation_problem(error.errors(), t)) from None
    try:
        added = Moderation(service).add_entries(drafts, cli_actor())
    except ModerationError as error:
        raise StaffError(t.validation_at.format(number=(error.item or 0) + 1, problem=t.reason(error))) from None
    for entry, why in added:
        if entry.note:
            reason = f" ({st.why_note.get(why, t.reasons.get(why, why.value))})" if why else ""
            out.write(st.added_note.format(id=entry.id, key=entry.key, why=reason) + "\n")
        else:
            out.write(st.added_official.format(id=entry.id, key=entry.key, number=entry.number) + "\n")
    return 0


def read_text_file(path: Path, language: str = "en") -> str:
    try:
        return _read(path, language, limit=2_000_000).decode("utf-8")
    except UnicodeDecodeError:
        raise StaffError(staff_texts(language).not_utf8.format(path=path)) from None


def _structured(path: Path, language: str) -> Any:
    """The data of a JSON or YAML file (by its suffix); anything unreadable is one line of StaffError."""
    st = staff_texts(language)
    is_json = path.suffix.lower() == ".json"
    try:
        raw = _read(path, language, limit=2_000_000).decode("utf-8")
        return json.loads(raw) if is_json else yaml.safe_load(raw)
    except UnicodeDecodeError:
        raise StaffError(st.not_utf8.format(path=path)) from None
    except json.JSONDecodeError as error:
        raise StaffError(st.not_json.format(path=path, line=error.lineno, column=error.colno)) from None
    except yaml.YAMLError as error:
        raise StaffError(st.not_yaml.format(path=path, where=_yaml_where(error, st))) from None


def _yaml_where(error: yaml.YAMLError, st: StaffTexts) -> str:
    """Where PyYAML found the problem (its own description of it is English, so only the place is shown)."""
    mark = getattr(error, "problem_mark", None)
    return st.yaml_where.format(line=mark.line + 1, column=mark.column + 1) if mark else ""


def retire_entry(service: AnswerService, entry_id: int, out: TextIO, language: str = "en") -> int:
    try:
        Moderation(service).set_status(entry_id, EntryStatus.RETIRED, cli_actor())
    except ModerationError as error:
        raise _refused(error, language) from None
    out.write(staff_texts(language).retired.format(id=entry_id) + "\n")
    return 0


def translate_entry(
    service: AnswerService,
    entry_id: int,
    target: str,
    source: str,
    out: TextIO,
    *,
    confirm: bool = False,
    yes: bool = False,
    answer: TextIO | None = None,
    language: str = "en",
) -> int:
    """Save an unofficial translation of an entry into `target` (or confirm a stale one as current), as
    Telegram does: the entry is looked up first (an unknown id is refused before anything is read), then
    a preview shows which official text the translation is attached to, and only a confirmation saves
    it: `yes`, or 'y' typed at the prompt when `answer` (the terminal) is given. A mistyped id thus
    shows another entry's text instead of silently attaching the translation to it.

    `source`: a text file (the translated text; the translated question is kept), a .yaml/.json file
    with `text` and optionally `question`, or '-' for the text on standard input."""
    st, t = texts(language)
    moderation = Moderation(service)
    try:
        state = moderation.translation_state(entry_id, target)
        if not state.entry.is_active:
            raise ModerationError(Reason.RETIRED, id=entry_id)
        if confirm:
            if state.translation is None:
                raise ModerationError(Reason.NO_TRANSLATION, id=entry_id, language=state.language.value)
            if not state.stale:
                raise ModerationError(Reason.TRANSLATION_CURRENT, id=entry_id, language=state.language.value)
            draft = TranslationDraft(text=state.translation.text, question=state.translation.question)
        else:
            draft = _translation_draft(Path(source) if source != "-" else None, language)
            moderation.check_translation(entry_id, draft.text, draft.question, state.language)
    except ModerationError as error:
        raise _refused(error, language) from None
    _print_translation_preview(service, state.entry, state.language.value, draft, out, confirm=confirm, st=st)
    if not yes and not _confirmed(answer, out, st.attach_prompt):
        raise StaffError(st.nothing_saved)
    try:
        if confirm:
            saved = moderation.confirm_translation(entry_id, target, cli_actor())
            out.write(t.translation_confirmed.format(language=target, id=entry_id) + "\n")
            return 0
        saved = moderation.save_translation(entry_id, target, draft.text, draft.question, cli_actor())
    except ModerationError as error:
        raise _refused(error, language) from None
    out.write(t.translation_saved.format(language=target, id=entry_id, version=saved.version) + "\n")
    return 0


#: How much of the official text and of the translation the preview shows.
PREVIEW_CHARS = 300


def _print_translation_preview(
    service: AnswerService, entry: Entry, target: str, draft: TranslationDraft, out: TextIO, *, confirm: bool,
    st: StaffTexts,
) -> None:
    """Which entry, cited as answers cite it, its official Dutch and what would be attached to it."""
    heading = st.translation_confirm_preview if confirm else st.translation_preview
    out.write(heading.format(language=target, id=entry.id, key=entry.key) + "\n")
    cited, question, dutch, translated_question, translation = st.translation_labels
    out.write(f"  {cited}: {service.match_for_entry(entry).citation.line()}\n")
    if entry.question:
        out.write(f"  {question}: {_clip(entry.question)}\n")
    out.write(f"  {dutch}: {_clip(entry.text)}\n")
    if draft.question:
        out.write(f"  {translated_question}: {_clip(draft.question)}\n")
    out.write(f"  {translation}: {_clip(draft.text)}\n")


def _clip(text: str, limit: int = PREVIEW_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: What counts as 'yes' at the prompt, in the four staff languages.
YES = ("y", "yes", "j", "ja", "д", "да", "т", "так")


def _confirmed(answer: TextIO | None, out: TextIO, prompt: str) -> bool:
    """'y' or 'yes' (in any staff language) typed at the terminal; never without one (a script must pass --yes)."""
    if answer is None:
        return False
    out.write(prompt)
    out.flush()
    try:
        reply = answer.readline()
    except (OSError, ValueError):
        return False
    return reply.strip().lower() in YES


def _translation_draft(path: Path | None, language: str) -> TranslationDraft:
    st, t = texts(language)
    if path is None:
        question, text = split_question(sys.stdin.read())
    elif path.suffix.lower() in (".yaml", ".yml", ".json"):
        data = _structured(path, language)
        if not isinstance(data, dict):
            raise StaffError(st.translation_mapping.format(path=path))
        try:
            return TranslationDraft.model_validate(data)
        except ValidationError as error:
            raise StaffError(validation_problem(error.errors(), t, numbered=False)) from None
    else:
        try:
            text = _read(path, language, limit=200_000).decode("utf-8")
        except UnicodeDecodeError:
            raise StaffError(st.not_utf8.format(path=path)) from None
        question, text = split_question(text)
    if not text.strip():
        raise _refused(ModerationError(Reason.TRANSLATION_EMPTY), language)
    return TranslationDraft(text=text.strip(), question=question)


def _print_translation_gaps(moderation: Moderation, out: TextIO, st: StaffTexts) -> None:
    missing = moderation.missing_translations()
    if not any(missing.values()):
        return
    out.write(st.translation_gaps + "\n")
    for code, ids in missing.items():
        listed = st.translation_gap_ids.format(ids=", ".join(map(str, ids))) if ids else ""
        out.write(f"  {code}: {len(ids)}{listed}\n")


def print_review(service: AnswerService, out: TextIO, language: str = "en") -> int:
    st, t = texts(language)
    moderation = Moderation(service)
    groups = moderation.review_groups(limit=50)
    if not groups:
        out.write(t.review_empty + "\n")
    for group in groups:
        suggestion = f"#{group.suggestion.entry_id}" if group.suggestion else "-"
        items = ", ".join(map(str, group.item_ids))
        out.write(st.review_line.format(count=group.count, asked=group.asked, items=items, suggestion=suggestion) + "\n")
        for variant in group.variants:
            out.write(f"       · {variant}\n")
    _print_translation_gaps(moderation, out, st)
    return 0


def print_stats(service: AnswerService, out: TextIO, language: str = "en") -> int:
    """The figures of /stats; "open in review" counts the groups `review` lists (the same grouping)."""
    st = staff_texts(language)
    moderation = Moderation(service)
    stats = moderation.stats()
    out.write(st.stats_totals.format(
        documents=stats.documents, active=stats.active_entries, retired=stats.retired_entries,
        review=stats.open_review_items,
    ) + "\n")
    out.write(st.stats_days + "\n")
    for day in stats.days:
        out.write(f"{day.day}  {day.answered:>8} {day.suggested:>9} {day.unanswered:>10}\n")
    languages = " ".join(f"{code} {stats.questions_per_language.get(code, 0)}" for code in ("nl", "en", "ru", "be"))
    out.write(st.stats_languages.format(languages=languages) + "\n")
    missing = ", ".join(f"{code} {len(ids)}" for code, ids in stats.missing_translations.items())
    out.write(st.stats_missing.format(missing=missing) + "\n")
    if stats.feedback:
        out.write(st.stats_feedback + "\n")
        for item in stats.feedback:
            out.write(f"  #{item.entry_id}: {item.helpful} / {item.unhelpful}\n")
    return 0


# --- what Telegram's one-shot commands do, on the command line (with Telegram's sentences) ----------


def edit_entry(service: AnswerService, entry_id: int, out: TextIO, language: str = "en", **fields: object) -> int:
    """Change the question, text or topics of an entry (only the fields given); audited like /edit."""
    st, t = texts(language)
    given = {name: value for name, value in fields.items() if value is not None}
    if not given:
        raise StaffError(st.nothing_to_change)
    moderation = Moderation(service)
    try:
        current = moderation.entry(entry_id)
        entry = moderation.edit_entry(entry_id, current.version, cli_actor(), **given)
    except ModerationError as error:
        raise _refused(error, language) from None
    out.write(t.saved.format(id=entry.id, key=entry.key, version=entry.version) + "\n")
    return 0


def alias_entry(service: AnswerService, entry_id: int, question: str, out: TextIO, language: str = "en") -> int:
    _, t = texts(language)
    try:
        entry = Moderation(service).add_alternate(entry_id, question, cli_actor())
    except ModerationError as error:
        raise _refused(error, language) from None
    out.write(t.alias_added.format(id=entry.id, version=entry.version) + "\n")
    return 0


def restore_entry(service: AnswerService, entry_id: int, out: TextIO, language: str = "en") -> int:
    _, t = texts(language)
    try:
        Moderation(service).set_status(entry_id, EntryStatus.ACTIVE, cli_actor())
    except ModerationError as error:
        raise _refused(error, language) from None
    out.write(t.restored.format(id=entry_id) + "\n")
    return 0


def undo_last(service: AnswerService, out: TextIO, language: str = "en") -> int:
    """Undo this user's last change on the command line (each run steps one change further back),
    and say in one line what was undone: the entry's (or document's) key and the kind of change."""
    _, t = texts(language)
    try:
        undone = Moderation(service).undo(cli_actor())
    except ModerationError as error:
        raise _refused(error, language) from None
    out.write(t.undone_line(undone) + "\n")
    return 0


def print_history(service: AnswerService, entry_id: int, out: TextIO, language: str = "en") -> int:
    """Every version of the entry and every change of its translations, in the order they were made,
    each edit with what it changed (old → new, shortened)."""
    st, t = texts(language)
    try:
        changes = Moderation(service).history_with_translations(entry_id)
    except ModerationError as error:
        raise _refused(error, language) from None
    for change in changes:
        undone = st.history_undone_by.format(id=change.undone_by) if change.undone_by else ""
        action = t.history_action(change.action, change.object_type, change.object_key)
        out.write(f"v{change.version or '-'}  {change.at:%Y-%m-%d %H:%M}  {change.actor}  {action}{undone}\n")
        for line in change_details(change.before, change.after, t, change.action):
            out.write(f"      {line}\n")
    if not changes:
        out.write(t.history_empty + "\n")
    return 0
