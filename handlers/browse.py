"""Browsing what the bot knows: /topics (documents → entries, paginated) and /sources."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.plain import suggestion_title
from bot.texts import Texts
from handlers import callbacks
from handlers.render import BUTTON_TITLE, escape
from knowledge.models import Document
from knowledge.service import AnswerService

PAGE_SIZE = 8


def documents_view(service: AnswerService, texts: Texts) -> tuple[str, InlineKeyboardMarkup | None]:
    summaries = [s for s in service.documents() if s.active_entries]
    if not summaries:
        return escape(texts.no_documents), None
    rows = []
    for summary in summaries:
        document = summary.document
        date = texts.date(document.date) if document.date else ""
        label = f"{date} · {document.subject or document.title}"
        rows.append([InlineKeyboardButton(_short(label), callback_data=callbacks.topics(document.id or 0, 0))])
    return escape(texts.topics_heading), InlineKeyboardMarkup(rows)


def document_entries_view(
    service: AnswerService, texts: Texts, document_id: int, page: int
) -> tuple[str, InlineKeyboardMarkup] | None:
    """One page of a document's entries as buttons, with paging and a way back; None if unknown."""
    document = next((s.document for s in service.documents() if s.document.id == document_id), None)
    if document is None:
        return None
    entries = service.entries_of(document.key)
    pages = max(1, -(-len(entries) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    rows = []
    for entry in entries[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]:
        title = suggestion_title(service.match_for_entry(entry), BUTTON_TITLE)
        rows.append([InlineKeyboardButton(f"{entry.number}. {title}", callback_data=callbacks.entry(entry.id or 0))])
    navigation = []
    if page > 0:
        navigation.append(InlineKeyboardButton(texts.button_previous, callback_data=callbacks.topics(document_id, page - 1)))
    navigation.append(InlineKeyboardButton(texts.button_back, callback_data=callbacks.topics(0, 0)))
    if page < pages - 1:
        navigation.append(InlineKeyboardButton(texts.button_next, callback_data=callbacks.topics(document_id, page + 1)))
    rows.append(navigation)
    date = texts.date(document.date) if document.date else ""
    heading = texts.topics_document.format(title=escape(document.subject or document.title), date=escape(date))
    if pages > 1:
        heading += f" ({page + 1}/{pages})"
    return heading, InlineKeyboardMarkup(rows)


def sources_text(service: AnswerService, texts: Texts) -> str:
    summaries = service.documents()
    if not summaries:
        return escape(texts.no_documents)
    blocks = [texts.sources_heading]
    for summary in summaries:
        blocks.append(document_html(summary.document, texts, summary.active_entries))
    return "\n\n".join(blocks)


def document_html(document: Document, texts: Texts, active_entries: int | None = None) -> str:
    """Title, kind, date, authors, subject, reference and link of one document."""
    kind = texts.kind_kamervragen if document.kind.value == "kamervragen" else texts.kind_kamerbrief
    lines = [f"<b>{escape(document.title)}</b>"]
    meta = [kind] + ([texts.date(document.date)] if document.date else [])
    meta += [", ".join(a.describe() for a in document.authors)] if document.authors else []
    lines.append(escape(" · ".join(meta)))
    if document.subject:
        lines.append(f"<i>{escape(document.subject)}</i>")
    reference = document.citation or (f"Nr. {document.number}" if document.number else None)
    if reference:
        lines.append(escape(reference))
    if active_entries is not None:
        lines.append(escape(texts.entries_count.format(count=active_entries)))
    if document.url:
        lines.append(f'<a href="{html.escape(document.url, quote=True)}">{escape(texts.link)}</a>')
    return "\n".join(lines)


def _short(label: str) -> str:
    return label if len(label) <= BUTTON_TITLE else label[: BUTTON_TITLE - 1] + "…"
