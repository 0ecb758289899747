"""The everyday commands (/start, /help, /privacy, /topics, /sources, /language) as plain text, for
the terminal chat: the same texts Telegram's replies use (interface/texts), without buttons."""

from __future__ import annotations

from interface.plain import document_lines
from interface.texts import LANGUAGES, Texts, texts_for
from interface.texts.markup import html_to_plain
from knowledge.service import AnswerService

#: The name /help shows in "@{bot} your question" when there is no Telegram bot to name.
CONSOLE_BOT_NAME = "standpunt_bot"


def command_reply(
    command: str, argument: str, texts: Texts, service: AnswerService, *, retention_days: int
) -> str | None:
    """The reply to an everyday command in `texts`' language; None for /language with a valid code
    (the caller switches language and answers with that language's `language_set`). /ask with a
    question is the caller's; without one it gets how to use it, as in Telegram."""
    if command == "start":
        return html_to_plain(texts.start)
    if command == "help":
        return html_to_plain(texts.help.format(bot=CONSOLE_BOT_NAME))
    if command == "privacy":
        return html_to_plain(texts.privacy.format(days=retention_days))
    if command == "topics":
        return topics_text(service, texts)
    if command == "sources":
        return sources_text(service, texts)
    if command == "language":
        return None if argument in LANGUAGES else language_prompt(texts)
    if command == "ask":
        return html_to_plain(texts.ask_usage)
    return texts.unknown_command


def language_prompt(texts: Texts) -> str:
    """Telegram's prompt, with the choices a button would offer written as the command to type."""
    choices = "\n".join(f"  /language {code}  {texts_for(code).language_name}" for code in LANGUAGES)
    return f"{texts.language_prompt}\n{choices}"


def topics_text(service: AnswerService, texts: Texts) -> str:
    """The documents /topics offers as buttons (those with active entries), one per line."""
    documents = [s.document for s in service.documents() if s.active_entries]
    if not documents:
        return texts.no_documents
    lines = [texts.topics_heading]
    for document in documents:
        date = texts.date(document.date) if document.date else ""
        lines.append(f"  {date} · {document.subject or document.title}".replace("   · ", "  "))
    return "\n".join(lines)


def sources_text(service: AnswerService, texts: Texts) -> str:
    """What /sources shows: each document's title, kind, date, authors, subject, reference, count and link."""
    summaries = service.documents()
    if not summaries:
        return texts.no_documents
    blocks = [html_to_plain(texts.sources_heading)]
    blocks += ["\n".join(document_lines(s.document, texts, s.active_entries)) for s in summaries]
    return "\n\n".join(blocks)
