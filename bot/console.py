"""A chat in the terminal over the same answer service, for trying the bot without Telegram."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from bot.settings import Settings
from interface.everyday import command_reply
from interface.plain import invalid_question_text, offered_notes, render_answer_plain, render_picked_plain
from interface.texts import LANGUAGES, asker_language, texts_for
from knowledge.models import Answer, Match, Outcome
from knowledge.service import AnswerService, InvalidQuestion
from knowledge.storage.errors import NotFound

GO_LIVE = (
    "No TELEGRAM_BOT_TOKEN is set, so this is the terminal chat over the embedded store.\n"
    "To go live: create a bot with @BotFather, put its token in .env as TELEGRAM_BOT_TOKEN=..., "
    "and run this command again (see README.md)."
)
FORCED = (
    "This is the terminal chat over the embedded store (--console).\n"
    "To go live: run this command without --console; it then starts the bot with TELEGRAM_BOT_TOKEN."
)


def run_console(
    settings: Settings, *, database: Path | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Chat in the terminal as in a private Telegram chat: a command gets Telegram's reply, a question
    the answer, both in the asker's language (the /language choice, else the question's, else the
    language the asker last wrote in, as Telegram's language_code would be, else the default)."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    default = texts_for(settings.default_language)
    service = AnswerService.open(database or settings.database_path, max_question_length=settings.max_question_length)
    interactive = stdin.isatty()
    #: The suggestions last shown, and their language: '1', '2' or '3' picks one, as a button does in Telegram.
    offered: list[Match] = []
    offered_language: str = settings.default_language
    chosen: str | None = None  # /language <code>
    written: str | None = None  # the language of the asker's last question that had one

    def asker(question: str | None = None) -> str:
        detected = service.question_language(question) if question else None
        return asker_language(chosen, detected.value if detected else None, written, settings.default_language)

    try:
        intro = FORCED if settings.telegram_bot_token else GO_LIVE
        stdout.write(intro + "\n\n" + default.greeting + "\n(Ctrl-D / 'quit')\n")
        while True:
            if interactive:
                stdout.write("\n> ")
                stdout.flush()
            line = stdin.readline()
            if not line or line.strip().lower() in {"quit", "exit", ":q"}:
                return 0
            if not line.strip():
                continue
            if (picked := _picked(line, offered)) is not None:
                try:
                    match = service.entry_match(picked.entry_id, language=offered_language)
                except NotFound:  # retired meanwhile: read the line as a question after all
                    offered = []
                else:
                    stdout.write(render_picked_plain(match, texts_for(offered_language)) + "\n")
                    continue
            if _is_number(line):  # no suggestion of that number is shown: say so rather than read it as a question
                stdout.write(texts_for(asker()).no_such_suggestion.format(number=line.strip().rstrip(".")) + "\n")
                continue
            if line.lstrip().startswith("/"):  # a Telegram command: Telegram's reply, not a question, not recorded
                command, _, argument = line.strip()[1:].partition(" ")
                command, argument = command.split("@")[0].lower(), argument.strip()
                if command == "ask" and argument:
                    line = argument
                else:
                    if command == "language" and argument.lower() in LANGUAGES:
                        chosen = argument.lower()
                        stdout.write(texts_for(chosen).language_set + "\n")
                        continue
                    reply = command_reply(
                        command, argument.lower(), texts_for(asker()), service,
                        retention_days=settings.review_retention_days,
                    )
                    stdout.write(f"{reply}\n")
                    continue
            language = asker(line)
            detected = service.question_language(line)
            written = detected.value if detected else written
            texts = texts_for(language)
            try:
                answer = service.answer(line, record=True, language=language)
            except InvalidQuestion as error:
                stdout.write(invalid_question_text(error, texts, service.max_question_length) + "\n")
                continue
            stdout.write(render_answer_plain(answer, texts) + "\n")
            offered = offered_after(answer)
            offered_language = language
    finally:
        service.close()


def offered_after(answer: Answer) -> list[Match]:
    """What a number typed next picks: the suggestions shown, in the order they were numbered."""
    if answer.outcome in (Outcome.SUGGEST, Outcome.DOCUMENT):
        return answer.suggestions
    return [match for unsure in answer.unsure_parts for match in unsure.suggestions] + offered_notes(answer)


def _picked(line: str, offered: list[Match]) -> Match | None:
    """The suggestion a line of just its number ('1', ' 2 ', '3.') picks, if one was offered under it."""
    text = line.strip().rstrip(".")
    if text.isdigit() and 1 <= int(text) <= len(offered):
        return offered[int(text) - 1]
    return None


def _is_number(line: str) -> bool:
    """A line of just a number of one or two digits: the number of a suggestion, not a question."""
    text = line.strip().rstrip(".")
    return text.isdigit() and len(text) <= 2
