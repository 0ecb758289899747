"""Sending answers: the one place that turns an Answer into Telegram messages."""

from __future__ import annotations

import logging
import sqlite3

from telegram import Message, ReplyParameters, Update
from telegram.constants import ChatType

from handlers import render
from handlers.browse import document_entries_view, document_html, fitting_documents_view
from handlers.context import BotContext
from handlers.errors import log_failure
from handlers.sending import with_retry
from interface.plain import invalid_question_text, lookup_notice, match_heading, official_heading
from interface.texts import Texts, texts_for
from knowledge.models import Answer, Match, Outcome
from knowledge.service import InvalidQuestion

logger = logging.getLogger(__name__)


async def answer_question(update: Update, context: BotContext, question: str) -> None:
    """Answer a question in the chat it came from: answer, render, send (the flood limit was
    checked before any handler, in handlers.throttle)."""
    message = update.effective_message
    if message is None:
        return
    language = context.language(update, question)
    texts = texts_for(language)
    try:
        answer = context.answers.answer(question, record=True, language=language)
    except InvalidQuestion as error:
        limit = context.answers.max_question_length
        reason = invalid_question_text(error, texts, limit)
        await reply(message, render.escape(reason))
        return
    except sqlite3.Error as error:  # the store rolled the question's counts back: nothing half-written
        log_failure(logger, "Database error while answering", error)
        await reply(message, render.escape(texts.error))
        return
    logger.info("Answered a question: outcome=%s", answer.outcome.value)
    await send_answer(message, context, answer, texts)


async def send_answer(message: Message, context: BotContext, answer: Answer, texts: Texts) -> None:
    asked = answer.asked_document
    if asked is not None and (notice := lookup_notice(asked, texts)):
        # A document the store does not hold, none fitting the description, or no passage of that number: say so.
        if asked.entry_missing:
            await reply(message, render.escape(notice))
            return
        if answer.outcome is Outcome.NO_ANSWER or asked.described:
            await reply(message, render.escape(notice) + "\n\n/topics · /sources")
            return
        await reply(message, render.escape(notice))
    if answer.outcome is Outcome.DOCUMENT and asked and asked.candidates:
        text, keyboard = fitting_documents_view(asked.candidates, texts, asked.entry_number, answer.suggestions)
        await reply(message, text, keyboard)
    elif answer.outcome is Outcome.DOCUMENT and asked and asked.document:
        # The document's entries, as its 📄 source button shows them: every one a button.
        view = document_entries_view(context.answers, texts, asked.document.id or 0, 0)
        html = document_html(asked.document, texts, len(answer.suggestions))
        await reply(message, html, view.keyboard if view else None)
    elif answer.outcome is Outcome.GREETING and answer.thanks:
        await reply(message, render.escape(texts.welcome))
    elif answer.outcome is Outcome.GREETING and answer.help_asked:
        await reply(message, render.escape(texts.help_pointer))
    elif answer.outcome is Outcome.GREETING:
        await reply(message, render.escape(texts.greeting) + "\n\n/help")
    elif answer.answered and answer.best:
        await send_match(
            message,
            context,
            answer.best,
            texts,
            also=answer.suggestions,
            earlier=answer.earlier,
            newer=answer.newer,
            heading=answer_heading(answer, texts),
        )
        for other in answer.also:
            await send_match(message, context, other, texts, heading=official_heading(other, texts))
        if answer.unanswered_parts:
            await reply(message, render.unanswered_parts_message(answer.unanswered_parts, texts))
        for unsure in answer.unsure_parts:
            text, keyboard = render.unsure_part_message(unsure, texts)
            await reply(message, text, keyboard)
    elif answer.outcome is Outcome.SUGGEST and answer.suggestions:
        if answer.later_time:
            await reply(message, render.escape(texts.later_time_suggestions))
        text, keyboard = render.suggestions_message(answer, texts)
        await reply(message, text, keyboard)
    else:
        await reply(message, render.no_answer_message(texts, answer.untold, answer.later_time))


async def send_match(
    message: Message,
    context: BotContext,
    match: Match,
    texts: Texts,
    *,
    also: list[Match] | None = None,
    earlier: list[Match] | None = None,
    newer: list[Match] | None = None,
    heading: str | None = None,
) -> None:
    """An entry's official text with its keyboard under the last of its messages."""
    shown = {m.entry_id for m in newer or []}
    related = [m for m in _related(context, match, also or []) if m.entry_id not in shown]
    keyboard = render.answer_keyboard(match, texts, related, earlier=earlier or [], newer=newer or [])
    parts = render.render_match_messages(match, texts, heading=heading)
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        await reply(message, part, keyboard if last else None)


def answer_heading(answer: Answer, texts: Texts) -> str:
    """'Official answer · as of <date>': an answer is the position on the document's date, which a
    reader years later (a figure, 'no incidents so far') must see first; a moderator's note is never
    headed as an official answer."""
    if answer.best and answer.best.citation.is_note:
        return match_heading(answer.best, texts)
    heading = texts.answer_heading
    if answer.best and answer.best.citation.date:
        heading = f"{texts.answer_heading} · {texts.as_of.format(date=texts.date(answer.best.citation.date))}"
    return heading + newer_notice(answer, texts)


def newer_notice(answer: Answer, texts: Texts) -> str:
    """' · there is a newer document on this, of <date>' when the answer has one (else '')."""
    newer = next((m for m in answer.newer if m.citation.date), None)
    return f" · {texts.newer_document.format(date=texts.date(newer.citation.date))}" if newer and newer.citation.date else ""


def _related(context: BotContext, match: Match, also: list[Match]) -> list[Match]:
    seen = {match.entry_id}
    chosen: list[Match] = []
    for other in also + context.answers.related(match.entry_id, limit=4, language=match.language):
        if other.entry_id not in seen:
            seen.add(other.entry_id)
            chosen.append(other)
    return chosen[:3]


async def reply(message: Message, text: str, keyboard: object | None = None) -> Message:
    """Reply in the same chat; in groups as a reply to the question, so the thread stays readable.
    Retried only where a retry cannot deliver the same message twice (see handlers.sending)."""
    reply_to = None
    if message.chat.type != ChatType.PRIVATE:
        reply_to = ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True)
    bot = message.get_bot()
    return await with_retry(
        lambda: bot.send_message(
            chat_id=message.chat_id,
            text=text,
            reply_markup=keyboard,  # type: ignore[arg-type]
            reply_parameters=reply_to,
        )
    )
