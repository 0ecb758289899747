"""Inline buttons: every press is decoded and checked; unknown or stale ones get a polite answer."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest

from handlers import callbacks
from handlers.browse import document_entries_view, document_html, documents_view, sources_messages
from handlers.context import LANGUAGE, BotContext
from handlers.render import escape, feedback_given_keyboard
from handlers.replies import reply, send_match
from interface.plain import official_heading
from interface.texts import texts_for
from knowledge.storage.errors import NotFound

logger = logging.getLogger(__name__)


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is None:
        return
    texts = context.texts(update)
    data = callbacks.decode(query.data)
    message = query.message if query.message and hasattr(query.message, "chat") else None
    if data is None or message is None or not hasattr(message, "message_id") or message.date is None:
        await query.answer(texts.button_stale)
        return
    try:
        if data.action == "entry":
            language = data.language or context.language(update)
            match = context.answers.entry_match(data.number, language=language)
            await query.answer()
            shown_in = texts_for(language)  # headed as any official answer: 'Official answer · as of <date>'
            await send_match(message, context, match, shown_in, heading=official_heading(match, shown_in))  # type: ignore[arg-type]
        elif data.action == "feedback":
            if not _offered(message, query.data):  # voted already: an old keyboard or a double tap
                raise NotFound(data.number)
            context.answers.record_feedback(data.number, data.flag)
            await query.answer(texts.feedback_thanks)
            await _drop_feedback_row(query)
        elif data.action == "source_of":
            entry = context.answers.entry_for(data.number)
            document = context.answers.document(entry.document_key)
            view = document_entries_view(context.answers, texts, document.id or 0, 0)
            await query.answer()
            await reply(message, document_html(document, texts), view.keyboard if view else None)  # type: ignore[arg-type]
        elif data.action == "topics":
            if data.number == 0:
                text, keyboard = documents_view(context.answers, texts, data.page)
            else:
                view = document_entries_view(context.answers, texts, data.number, data.page)
                if view is None:
                    raise NotFound(data.number)
                text, keyboard = view
            await query.answer()
            await _edit(query, text, keyboard)
        elif data.action == "language":
            if context.user_data is not None:
                context.user_data[LANGUAGE] = data.language
            chosen = texts_for(data.language)
            await query.answer(chosen.language_set)
            await _edit(query, escape(chosen.language_set), None)
        elif data.action == "sources":
            await query.answer()
            for part in sources_messages(context.answers, texts):
                await reply(message, part)  # type: ignore[arg-type]
        else:  # a shape we decode but no longer act on: still answer, or the client keeps spinning
            raise NotFound(data.action)
    except NotFound:
        await query.answer(texts.button_stale)


def _offered(message: object, data: str | None) -> bool:
    """Whether the message's keyboard (as Telegram sent it with the press) still has this button."""
    markup = getattr(message, "reply_markup", None)
    rows = markup.inline_keyboard if markup else ()
    return any(button.callback_data == data for row in rows for button in row)


async def _drop_feedback_row(query) -> None:  # type: ignore[no-untyped-def]
    try:
        await query.edit_message_reply_markup(feedback_given_keyboard(query.message.reply_markup))
    except BadRequest as error:  # the message is too old to edit, or already without the row
        logger.debug("Could not remove the feedback buttons: %s", error)


async def _edit(query, text: str, keyboard) -> None:  # type: ignore[no-untyped-def]
    try:
        await query.edit_message_text(text, reply_markup=keyboard)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
