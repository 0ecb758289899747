"""Inline mode: '@bot question' in any chat offers up to 10 official answers with their citations."""

from __future__ import annotations

import hashlib

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update

from handlers.context import BotContext
from handlers.render import citation_html, render_match_messages, translated_inline_message
from interface.plain import citation_parts, suggestion_title
from interface.texts import Texts, texts_for
from knowledge.models import Language, Match
from knowledge.service import InvalidQuestion

MAX_RESULTS = 10
#: Room for the start of a long answer, leaving the rest of Telegram's 4,096 for the citation.
INLINE_BODY = 3000


async def inline_query(update: Update, context: BotContext) -> None:
    query = update.inline_query
    if query is None:
        return
    text = query.query.strip()
    if not text:
        # A hint above the (empty) results, in the user's language; it opens the private chat.
        hint = texts_for(context.language(update, text)).inline_help
        await query.answer([], cache_time=30, is_personal=True, button=_private_chat_button(hint))
        return
    if not await context.services.inline.is_latest_after_pause(query.from_user.id, query.id):
        return  # the user typed on; a newer query will be answered
    language = context.language(update, text)
    texts = texts_for(language)
    try:
        matches = context.answers.search(text, limit=MAX_RESULTS, language=language)
    except InvalidQuestion:
        matches = []
    results = []
    for match in matches:
        content = inline_message(match, texts)
        results.append(
            InlineQueryResultArticle(
                id=hashlib.blake2b(f"{match.entry_id}:{text}".encode(), digest_size=16).hexdigest(),
                title=suggestion_title(match, 100),
                description=" · ".join(citation_parts(match.citation, texts))[:200],
                input_message_content=InputTextMessageContent(content),
                url=match.citation.url,
            )
        )
    # Personal: titles are official, but descriptions and citations are in the user's own language.
    button = None if results else _private_chat_button(texts.inline_no_results)
    await query.answer(results, cache_time=60, is_personal=True, button=button)


def _private_chat_button(text: str) -> InlineQueryResultsButton:
    """Said above the results instead of an empty list; pressing it opens the bot's private chat."""
    return InlineQueryResultsButton(text=text, start_parameter="inline")


def inline_message(match: Match, texts: Texts) -> str:
    """One message: the whole answer when it fits, else its start, an ellipsis and the citation."""
    if match.language is not Language.NL and match.translation is not None:
        return translated_inline_message(match, texts)
    body = render_match_messages(match, texts, limit=INLINE_BODY)
    return body[0] if len(body) == 1 else f"{body[0]}\n\n…\n\n{citation_html(match, texts)}"
