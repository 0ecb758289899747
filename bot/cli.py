"""The command line: run the bot (or the terminal chat), and the staff commands.

    python run_bot.py                 run the bot; without a token, chat in the terminal
    python run_bot.py ask "vraag"     print the official answer and its citation
    python run_bot.py ask --json -    one question per line in, one JSON object per line out
    python run_bot.py sources         the documents in the store
    python run_bot.py evaluate        accuracy on the evaluation set
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from telegram.error import InvalidToken

from bot.logs import configure_logging
from bot.settings import Settings, SettingsError, load_settings
from bot.staff_help import add_help
from interface.plain import invalid_question_text, render_answer_plain
from interface.roles import describe_authors, kind_label
from interface.texts import LANGUAGES, asker_language, texts_for
from interface.texts.moderator import import_texts
from interface.texts.staff import StaffTexts, staff_texts
from knowledge.models import Answer, Match
from knowledge.rebuild import terminal_progress
from knowledge.service import AnswerService, InvalidQuestion
from knowledge.storage.errors import StoreError
from knowledge.storage.store import check_store_path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

#: What staff output is worded in without --language (README): also the refusal of a question with no
#: words, empty or only markup, whose own language cannot be told.
STAFF_LANGUAGE = "en"


class CliError(Exception):
    """A problem the user can fix; printed as one line, without a traceback. `language`: the one the
    message is worded in, when it is not the --language (an asker's, for a refused question)."""

    def __init__(self, message: str, code: int = EXIT_FAILURE, language: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.language = language


class UsageError(Exception):
    """argparse found the command line wrong; `prog` is the (sub)command whose usage it is."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose usage errors come back as UsageError, to be worded in the --language
    (argparse's own two English lines are not what a Russian-speaking moderator should read)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="standpunt", description="Answers about Dutch policy on Belarus, in the government's own words."
    )
    parser.add_argument("--console", action="store_true", help="chat in the terminal even if a token is set")
    parser.add_argument("--database", type=Path, help="database file (default: DATA_DIR/standpunt.sqlite3)")
    parser.add_argument("--language", choices=LANGUAGES, help="interface language of the output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer one question (or '-' for one per line on standard input)")
    ask.add_argument("--json", action="store_true", help="print JSON instead of text")
    ask.add_argument(
        "--language", dest="ask_language", choices=LANGUAGES,
        help="the asker's language: each match carries its unofficial translation into it (default: the question's)",
    )
    ask.add_argument("question", help="the question, or - to read questions from standard input")

    sub.add_parser("sources", help="list the documents in the store")

    imp = sub.add_parser(
        "import", help="import a Kamerbrief or answers to Kamervragen (.txt, .pdf, .xml, or an official id or link)"
    )
    imp.add_argument("file", type=Path, metavar="FILE|ID|URL")
    imp.add_argument("--dry-run", action="store_true", help="show what would be imported, write nothing")
    exp = sub.add_parser("export", help="write the whole store as JSON (to standard output without a file, or with -)")
    exp.add_argument("file", type=Path, nargs="?", default=Path("-"))
    res = sub.add_parser(
        "restore",
        help="restore ID: bring a retired entry back; restore FILE: replace the store's content with an export",
        description="A number is an entry id; anything else is the path of an export (write ./12 for a file named 12).",
    )
    res.add_argument("target", metavar="ID|FILE")
    res.add_argument(
        "--dry-run", action="store_true", help="of an export: say what it would retire, change and add; write nothing"
    )
    res.add_argument("--yes", action="store_true", help="of an export: restore it even though it retires entries active now")
    add = sub.add_parser(
        "add",
        help="add entries from a JSON or YAML file",
        description="Add entries from a JSON or YAML file: all of them, or none when one is refused.",
        epilog=add_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("file", type=Path)
    ret = sub.add_parser("retire", help="retire an entry (it is kept, not deleted)")
    ret.add_argument("id", type=int)
    edit = sub.add_parser("edit", help="change an entry's question, text or topics (audited; undo reverts it)")
    edit.add_argument("id", type=int)
    edit.add_argument("--question", help="the new question")
    text = edit.add_mutually_exclusive_group()
    text.add_argument("--text", help="the new official text (must still be the document's own text)")
    text.add_argument("--text-file", type=Path, help="read the new text from a UTF-8 file")
    edit.add_argument("--topics", help="comma-separated topics")
    alias = sub.add_parser("alias", help="add an alternate question to an entry")
    alias.add_argument("id", type=int)
    alias.add_argument("question", nargs="+")
    sub.add_parser("undo", help="undo your own last change (again: the one before it)")
    hist = sub.add_parser("history", help="every version of an entry, with who and when")
    hist.add_argument("id", type=int)
    sub.add_parser("review", help="unanswered questions, grouped")
    sub.add_parser("stats", help="documents, entries, questions per day, feedback")
    tra = sub.add_parser("translate", help="save an unofficial translation of an entry")
    tra.add_argument("id", type=int)
    tra.add_argument("target_language", metavar="LANGUAGE", choices=("en", "ru", "be"))
    tra.add_argument("file", help="a text file, a .yaml/.json file with question and text, or - (standard input)")
    tra.add_argument("--confirm", action="store_true", help="confirm the stale translation as current instead")
    tra.add_argument(
        "--yes", action="store_true",
        help="attach without asking (otherwise the preview is shown and the terminal asks; a script must pass it)",
    )

    evaluate = sub.add_parser("evaluate", help="accuracy per group on the evaluation set")
    evaluate.add_argument("--file", type=Path, help="another evaluation set (YAML)")
    evaluate.add_argument("--failures", action="store_true", help="list every question answered wrongly")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    language = given_language(argv)
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        return _fail(usage_problem(str(error), error.prog, staff_texts(language)), EXIT_USAGE, language)
    language = args.language or language
    database: Path | None = args.database
    try:
        settings = load_settings()
        database = database or settings.database_path
        configure_logging("WARNING" if args.command else settings.log_level, _secrets(settings))
        if args.database is not None:
            check_store_path(args.database)  # a typed path: never a new folder, never someone else's file
        code = _dispatch(args, settings)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below, not at exit
        return code
    except CliError as error:
        return _fail(str(error), error.code, error.language or language)
    except SettingsError as error:
        # Staff commands and sources speak English unless --language says otherwise; the bot, the terminal
        # chat and ask speak DEFAULT_LANGUAGE, when that setting itself is valid.
        worded_in = language or (None if args.command in (*STAFF_COMMANDS, "sources") else error.language)
        return _fail(settings_problem(error, staff_texts(worded_in)), EXIT_FAILURE, worded_in)
    except StoreError as error:
        return _fail(store_problem(error, staff_texts(language)), EXIT_FAILURE, language)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop writing, say so once, and leave without a traceback.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _fail(staff_texts(language).output_closed, EXIT_FAILURE, language)
    except sqlite3.Error as error:
        return _fail(database_problem(error, database, staff_texts(language)), EXIT_FAILURE, language)
    except OSError as error:
        texts = staff_texts(language)
        where = error.filename or database or "?"
        return _fail(texts.cannot_use.format(path=where, reason=texts.os_reason(error)), EXIT_FAILURE, language)
    except InvalidToken:
        print("error: TELEGRAM_BOT_TOKEN was rejected by Telegram; get a valid one from @BotFather", file=sys.stderr)
        return EXIT_FAILURE


def _fail(message: str, code: int = EXIT_FAILURE, language: str | None = None) -> int:
    """One line on standard error in the --language, whatever went wrong (also when standard error itself is gone)."""
    with contextlib.suppress(OSError, ValueError):
        print(staff_texts(language).error.format(message=" ".join(message.split())), file=sys.stderr)
    return code


def given_language(argv: Sequence[str]) -> str | None:
    """The --language given before the command, read before argparse so that its usage errors are in it
    (`ask --language` is the asker's language, not the interface's: only options before the command count)."""
    words = iter(argv)
    for word in words:
        if word == "--language":
            value = next(words, None)
            return value if value in LANGUAGES else None
        if word.startswith("--language="):
            value = word.partition("=")[2]
            return value if value in LANGUAGES else None
        if word == "--database":
            next(words, None)
        elif not word.startswith("-"):
            return None  # the command: what follows is its own
    return None


_USAGE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"argument COMMAND: invalid choice: '?(?P<value>[^' ]*)'?", "usage_command"),
    (r"argument (?P<argument>\S+): invalid choice: '?(?P<value>[^']*?)'? \(choose from (?P<choices>.*)\)", "usage_choice"),
    (r"argument (?P<argument>\S+): invalid int value: '?(?P<value>[^']*)'?", "usage_number"),
    (r"the following arguments are required: (?P<names>.*)", "usage_missing"),
    (r"unrecognized arguments: (?P<values>.*)", "usage_unknown"),
    (r"argument (?P<argument>\S+): expected (?:one|at least one) argument", "usage_value"),
    (r"argument (?P<argument>\S+): not allowed with argument (?P<other>\S+)", "usage_together"),
)


def usage_problem(message: str, prog: str, texts: StaffTexts) -> str:
    """argparse's usage error as one line of the staff texts (the argument names stay as typed)."""
    command = prog.removeprefix("standpunt").strip()
    values = {"command": f"{command} " if command else ""}
    for pattern, field in _USAGE_PATTERNS:
        if found := re.match(pattern, message):
            groups = {name: value for name, value in found.groupdict().items() if value is not None}
            if "choices" in groups:
                groups["choices"] = groups["choices"].replace("'", "")
            return str(getattr(texts, field)).format(**values, **groups)
    return texts.usage_other.format(**values)


def settings_problem(error: SettingsError, texts: StaffTexts) -> str:
    """Invalid settings in the staff language: each setting's name and what is wrong with it (never its value)."""
    if not error.problems:
        return str(error)
    return texts.settings_line([(p.setting, p.problem, p.values) for p in error.problems])


def store_problem(error: StoreError, texts: StaffTexts) -> str:
    """A --database path the store refuses, worded in the staff language (English when it has no code)."""
    template = texts.store_problems.get(error.problem or "")
    if template is None:
        return str(error)
    try:
        return template.format(**error.values)
    except (KeyError, IndexError):
        return str(error)


def database_problem(error: sqlite3.Error, path: Path | None, texts: StaffTexts) -> str:
    """SQLite's refusal in the staff language: locked or busy, not writable, or otherwise unusable."""
    detail = " ".join(str(error).split()) or type(error).__name__
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return texts.db_busy
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return texts.store_problems["unwritable"].format(path=path or "?")
    return texts.db_unusable.format(path=path or "?", detail=detail)


def _secrets(settings: Settings) -> list[str]:
    return [settings.telegram_bot_token.get_secret_value()] if settings.telegram_bot_token else []


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "ask":
        return cmd_ask(
            args.question,
            as_json=args.json,
            settings=settings,
            database=args.database,
            language=args.language,
            asker=args.ask_language,
        )
    if args.command == "sources":  # a staff listing: English unless --language says otherwise, like the others
        return cmd_sources(settings, args.database, args.language or STAFF_LANGUAGE)
    if args.command == "evaluate":
        return cmd_evaluate(args.file, args.failures, args.json)
    if args.command in STAFF_COMMANDS:
        return cmd_staff(args, settings)
    from bot.run import run  # the Telegram stack loads only when it is needed

    return run(settings, force_console=args.console, database=args.database)


def open_service(settings: Settings, database: Path | None) -> AnswerService:
    """A command runs once: a rebuild the analysis needs happens now, with a bar on the terminal
    (the bot instead keeps answering from its previous index while it rebuilds)."""
    path = database or settings.database_path
    return AnswerService.open(
        path, max_question_length=settings.max_question_length, progress=terminal_progress(), background=False
    )


# --- ask ------------------------------------------------------------------------------------------


def cmd_ask(
    question: str,
    *,
    as_json: bool,
    settings: Settings,
    database: Path | None,
    language: str | None,
    asker: str | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """`language`: of the interface texts (default: the asker's); `asker`: the language each match is
    translated into (default: the question's, else DEFAULT_LANGUAGE)."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    if question != "-" and not question.strip():  # refused before a store is opened (or made)
        chosen = language or asker or STAFF_LANGUAGE
        refusal = InvalidQuestion("the question is empty")
        raise CliError(invalid_question_text(refusal, texts_for(chosen), settings.max_question_length), EXIT_USAGE, chosen)
    service = open_service(settings, database)

    def asker_of(text: str) -> str:
        detected = service.question_language(text)
        return asker_language(asker, detected.value if detected else None, None, settings.default_language)

    def refused(error: InvalidQuestion, text: str) -> tuple[str, str]:
        """Why the question was refused, as the Telegram side says it, in the --language or the asker's."""
        worded_in = language or (asker_of(text) if error.reason == "too_long" else asker or STAFF_LANGUAGE)
        return invalid_question_text(error, texts_for(worded_in), service.max_question_length), worded_in

    try:
        if question != "-":
            try:
                answer = service.answer(question, language=asker_of(question))
            except InvalidQuestion as error:
                raise CliError(*_with_code(refused(error, question))) from None
            stdout.write(_shown(answer, as_json, language or asker_of(question)) + "\n")
            return EXIT_OK
        failed = False
        for line in stdin:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            try:
                chosen = asker_of(line)
                answer = service.answer(line, language=chosen)
            except InvalidQuestion as error:
                failed = True
                reason, _ = refused(error, line)
                error_payload: dict[str, Any] = {
                    "query": line, "answered": False, "matches": [], "error": reason, "refused": error.reason,
                }
                shown_line = _shortened(line)
                stdout.write((json.dumps(error_payload, ensure_ascii=False) if as_json else f"{shown_line}: {reason}") + "\n")
                continue
            shown = _shown(answer, as_json, language or chosen) + ("" if as_json else "\n")
            stdout.write(shown + "\n")
            stdout.flush()
        return EXIT_FAILURE if failed else EXIT_OK
    finally:
        service.close()


def _with_code(refusal: tuple[str, str]) -> tuple[str, int, str]:
    message, language = refusal
    return message, EXIT_USAGE, language


def _shortened(line: str, limit: int = 60) -> str:
    """A refused line as shown before its reason: printable, and short (a too long one is not echoed whole)."""
    printable = "".join(ch if ch.isprintable() else "\ufffd" for ch in " ".join(line.split()))
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


def _shown(answer: Answer, as_json: bool, language: str) -> str:
    if as_json:
        return json.dumps(answer_json(answer, language), ensure_ascii=False)
    return render_answer(answer, language)


def render_answer(answer: Answer, language: str) -> str:
    bold = (lambda s: f"\033[1m{s}\033[0m") if sys.stdout.isatty() else (lambda s: s)
    return render_answer_plain(answer, texts_for(language), bold)


def answer_json(answer: Answer, language: str = "nl") -> dict[str, Any]:
    """{"query", "answered", "matches": [...]}: best first; `answered` only for a confident answer.
    The other parts of a message with more than one question, as plain `ask` and Telegram show them,
    are added fields (older readers ignore them): `also`, the passages answering with the best one
    (another question of the message, or a second passage of one answer); `unanswered_parts`, the
    questions no passage answers; `unsure_parts`, [{"part", "suggestions": [...]}]."""
    return {
        "query": answer.query,
        "answered": answer.answered,
        "outcome": answer.outcome.value,
        "confidence": round(answer.confidence, 4),
        "matches": [match_json(m, language) for m in answer.matches()],
        "also": [match_json(m, language) for m in answer.also] if answer.answered else [],
        "unanswered_parts": list(answer.unanswered_parts),
        "unsure_parts": [
            {"part": unsure.part, "suggestions": [match_json(m, language) for m in unsure.suggestions]}
            for unsure in answer.unsure_parts
        ],
    }


def match_json(match: Match, language: str = "nl") -> dict[str, Any]:
    """One match; a moderator's note comes with `"official": false` and its label, and with no
    citation (no number, reference or link of the document it is about)."""
    base: dict[str, Any] = {
        "id": match.entry_id,
        "key": match.entry_key,
        "question": match.question,
        "answer": match.text,
        "score": match.score,
        "official": not match.citation.is_note,
        "translation": _translation_json(match),
    }
    if match.citation.is_note:
        citation = match.citation
        base["citation"] = None
        base["note"] = {
            "label": texts_for(language).moderator_note,
            "document_key": citation.document_key,
            "document_title": citation.document_title,
            "date": citation.date.isoformat() if citation.date else None,
            "language": citation.language.value,
        }
    else:
        base["citation"] = match.citation.model_dump(mode="json", exclude={"is_note"})
    base["highlight"] = match.highlight.model_dump() if match.highlight else None
    return base


def _translation_json(match: Match) -> dict[str, Any] | None:
    """The unofficial translation into the asker's language, or None (a Dutch asker, or none made)."""
    shown = match.translation
    if shown is None:
        return None
    return {
        "language": shown.language.value,
        "question": shown.question,
        "text": shown.text,
        "unofficial": True,
        "stale": shown.stale,
    }


# --- sources --------------------------------------------------------------------------------------


def cmd_sources(settings: Settings, database: Path | None, language: str, stdout: TextIO | None = None) -> int:
    """Every document with its kind, date, authors, subject, reference and entry count, in `language`."""
    stdout = stdout or sys.stdout
    texts, st, counts = texts_for(language), staff_texts(language), import_texts(language)
    service = open_service(settings, database)
    try:
        for summary in service.documents():
            document = summary.document
            date = texts.date(document.date) if document.date else counts.undated
            authors = describe_authors(document.authors, texts.code) or "?"
            kind = kind_label(document.kind, texts)
            stdout.write(f"{document.key}\n  {document.shown_title}\n  {kind} · {date} · {authors}\n")
            if document.subject and document.subject != document.shown_title:
                stdout.write(f"  {document.subject}\n")
            # Without a reference the line just counts the entries (no placeholder for what is not known).
            reference = document.citation or (f"Nr. {document.number}" if document.number else None)
            count = counts.entries(summary.active_entries)
            stdout.write(f"  {reference} · {count}" if reference else f"  {count}")
            if summary.total_entries != summary.active_entries:
                stdout.write(st.sources_retired.format(count=summary.total_entries - summary.active_entries))
            stdout.write("\n")
            if document.url:
                stdout.write(f"  {document.url}\n")
        return EXIT_OK
    finally:
        service.close()


# --- moderation on the server --------------------------------------------------------------------

STAFF_COMMANDS = (
    "import", "export", "restore", "add", "retire", "review", "stats", "edit", "alias", "undo", "history", "translate",
)


def cmd_staff(args: argparse.Namespace, settings: Settings) -> int:
    from bot import staff

    # The staff commands speak English unless --language says otherwise (their output before it existed).
    language = args.language or STAFF_LANGUAGE

    service = open_service(settings, args.database)
    out = sys.stdout
    try:
        if args.command == "import":
            if staff.is_publication_reference(args.file):
                return staff.import_publication(
                    service, str(args.file), settings, out, dry_run=args.dry_run, language=language
                )
            return staff.import_file(
                service, args.file, settings.max_upload_bytes, out, dry_run=args.dry_run, language=language
            )
        if args.command == "export":
            return staff.export_file(service, args.file, out, language)
        if args.command == "restore":
            if args.target.isdigit():  # an entry id; a file named only by digits is written ./12
                return staff.restore_entry(service, int(args.target), out, language)
            return staff.restore_file(service, Path(args.target), out, language, dry_run=args.dry_run, yes=args.yes)
        if args.command == "edit":
            text = staff.read_text_file(args.text_file, language) if args.text_file else args.text
            topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics is not None else None
            return staff.edit_entry(service, args.id, out, language, question=args.question, text=text, topics=topics)
        if args.command == "alias":
            return staff.alias_entry(service, args.id, " ".join(args.question), out, language)
        if args.command == "undo":
            return staff.undo_last(service, out, language)
        if args.command == "history":
            return staff.print_history(service, args.id, out, language)
        if args.command == "add":
            return staff.add_file(service, args.file, out, language)
        if args.command == "retire":
            return staff.retire_entry(service, args.id, out, language)
        if args.command == "review":
            return staff.print_review(service, out, language)
        if args.command == "translate":
            terminal = sys.stdin if sys.stdin.isatty() and args.file != "-" else None
            return staff.translate_entry(
                service, args.id, args.target_language, args.file, out,
                confirm=args.confirm, yes=args.yes, answer=terminal, language=language,
            )
        return staff.print_stats(service, out, language)
    except staff.StaffError as error:
        raise CliError(str(error)) from None
    finally:
        service.close()


# --- evaluate -------------------------------------------------------------------------------------


def cmd_evaluate(path: Path | None, show_failures: bool, as_json: bool) -> int:
    from knowledge.tools.evaluation import evaluate, format_report, load_questions

    report = evaluate(load_questions(path))
    if as_json:
        print(json.dumps({g.group: {"n": g.total, "accuracy": round(g.accuracy, 4)} for g in report.groups}))
    else:
        print(format_report(report, show_failures))
    return EXIT_OK
