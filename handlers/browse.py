"""Browsing what the bot knows: /topics (documents → entries, both paginated) and /sources."""

from __future__ import annotations

import html
from typing import NamedTuple

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers import callbacks
from handlers.render import BUTTON_TITLE, Reply, escape, pack_blocks
from interface.documents import document_labels, fitting_heading
from interface.plain import button_titles
from interface.roles import describe_authors, kind_label
from interface.texts import Texts
from knowledge.models import Document, Match
from knowledge.service import AnswerService

#: Buttons per page: a keyboard stays short on a phone (and far below Telegram's 100 buttons).
PAGE_SIZE = 8


def documents_view(service: AnswerService, texts: Texts, page: int = 0) -> Reply:
    """One page of the documents that have active entries, as buttons; a growing store stays browsable."""
    documents = _browsable(service)
    if not documents:
        return Reply(escape(texts.no_documents), None)
    page, pages = _clamp(page, len(documents))
    rows = []
    for document in documents[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]:
        date = texts.date(document.date) if document.date else ""
        label = f"{date} · {document.subject or document.title}"
        rows.append([InlineKeyboardButton(_short(label), callback_data=callbacks.topics(document.id or 0, 0))])
    navigation = _navigation(texts, 0, page, pages, back=None)
    if navigation:
        rows.append(navigation)
    return Reply(escape(texts.topics_heading) + _page_label(page, pages), InlineKeyboardMarkup(rows))


def document_entries_view(service: AnswerService, texts: Texts, document_id: int, page: int) -> Reply | None:
    """One page of a document's entries as buttons, with paging and a way back; None if unknown."""
    documents = _browsable(service)
    position = next((n for n, d in enumerate(documents) if d.id == document_id), None)
    if position is None:
        return None
    document = documents[position]
    entries = service.entries_of(document.key)
    page, pages = _clamp(page, len(entries))
    rows = []
    shown = entries[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    # In the asker's language where the store has the question in it (a translation, a curated phrasing).
    titles = button_titles([service.localise(service.match_for_entry(e), texts.code) for e in shown], BUTTON_TITLE)
    for entry, title in zip(shown, titles, strict=True):
        label = title if entry.note else f"{entry.number}. {title}"  # a note has no number, its title its mark
        rows.append([InlineKeyboardButton(label, callback_data=callbacks.entry(entry.id or 0))])
    back = InlineKeyboardButton(texts.button_back, callback_data=callbacks.topics(0, position // PAGE_SIZE))
    rows.append(_navigation(texts, document_id, page, pages, back=back))
    date = texts.date(document.date) if document.date else ""
    heading = texts.topics_document.format(title=escape(document.subject or document.title), date=escape(date))
    return Reply(heading + _page_label(page, pages), InlineKeyboardMarkup(rows))


def fitting_documents_view(
    documents: list[Document], texts: Texts, entry_number: int | None = None, choices: list[Match] | None = None
) -> Reply:
    """The documents that fit a description (several did): each described, each a button told apart
    from the others; with `choices` (the passage asked for, of each document) a button gives that
    passage, else the document's entries."""
    choosing = choices is not None and len(choices) == len(documents)
    shown = documents[:PAGE_SIZE]
    blocks = [escape(fitting_heading(documents, entry_number, choosing, texts))]
    blocks += [document_html(document, texts) for document in shown]
    openings = {m.citation.document_key: m.text for m in choices or []}
    labels = document_labels(shown, texts, lambda d: openings.get(d.key), limit=BUTTON_TITLE)
    rows = []
    for n, (document, label) in enumerate(zip(shown, labels, strict=True)):
        if choosing and choices:  # shown as a suggestion is, in the asker's language
            data = callbacks.entry(choices[n].entry_id, choices[n].language.value)
        else:
            data = callbacks.topics(document.id or 0, 0)
        rows.append([InlineKeyboardButton(label, callback_data=data)])
    return Reply("\n\n".join(blocks), InlineKeyboardMarkup(rows))


def _browsable(service: AnswerService) -> list[Document]:
    return [s.document for s in service.documents() if s.active_entries]


class _Pages(NamedTuple):
    page: int
    """The page shown: a stale or forged page number lands on the nearest real one."""
    pages: int
    """How many pages there are (at least one)."""


def _clamp(page: int, count: int) -> _Pages:
    pages = max(1, -(-count // PAGE_SIZE))
    return _Pages(min(max(page, 0), pages - 1), pages)


def _navigation(
    texts: Texts, document_id: int, page: int, pages: int, *, back: InlineKeyboardButton | None
) -> list[InlineKeyboardButton]:
    """◀️ (back) ▶️: previous and next only where there is such a page."""
    row = []
    if page > 0:
        row.append(InlineKeyboardButton(texts.button_previous, callback_data=callbacks.topics(document_id, page - 1)))
    if back is not None:
        row.append(back)
    if page < pages - 1:
        row.append(InlineKeyboardButton(texts.button_next, callback_data=callbacks.topics(document_id, page + 1)))
    return row


def _page_label(page: int, pages: int) -> str:
    return f" ({page + 1}/{pages})" if pages > 1 else ""


def sources_messages(service: AnswerService, texts: Texts) -> list[str]:
    """Every document with its metadata, in as many messages as Telegram's length limit needs."""
    summaries = service.documents()
    if not summaries:
        return [escape(texts.no_documents)]
    blocks = [texts.sources_heading]
    for summary in summaries:
        blocks.append(document_html(summary.document, texts, summary.active_entries))
    return pack_blocks(blocks)


def document_html(document: Document, texts: Texts, active_entries: int | None = None) -> str:
    """Title, kind, date, authors, subject, reference and link of one document."""
    lines = [f"<b>{escape(document.title)}</b>"]
    meta = [kind_label(document.kind, texts)] + ([texts.date(document.date)] if document.date else [])
    meta += [describe_authors(document.authors, texts.code)] if document.authors else []
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
