"""Telegram HTML for answers: escaped, highlighted, cited, and split into messages that fit.

Every piece of text from outside (official text, questions, titles) is escaped; the only tags are
the ones written here, and a message is only ever cut between whole blocks, never inside a tag.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit

from handlers import callbacks
from interface.plain import button_titles, citation_parts, no_link_line, note_language_notice, suggestion_title
from interface.texts import Texts
from knowledge.models import Answer, DocumentKind, Highlight, Language, Match, UnsurePart
from knowledge.text.sentences import sentence_spans

MAX_MESSAGE = MessageLimit.MAX_TEXT_LENGTH
BUTTON_TITLE = 60
QUOTE_OPEN, QUOTE_CLOSE = "<blockquote expandable>", "</blockquote>"


class Reply(NamedTuple):
    """A message to send: its Telegram HTML and the buttons under it, if any."""

    html: str
    keyboard: InlineKeyboardMarkup | None


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts two)."""
    return len(text.encode("utf-16-le")) // 2


def render_match_messages(match: Match, texts: Texts, *, heading: str | None = None, limit: int = MAX_MESSAGE) -> list[str]:
    """The official text with its best sentence in bold, then the citation: as few messages as fit.

    For an asker of another language than Dutch: the unofficial translation first, labelled as such,
    then the official Dutch text (best sentence still in bold) in an expandable quote, then the
    citation; without a translation, a note saying so above the Dutch text as a Dutch asker sees it.
    """
    if match.language is not Language.NL and not match.citation.is_note:
        # A moderator's note is no official text: it is never shown as one beside a translation.
        return _translated_messages(match, texts, heading, limit)
    blocks: list[str] = []
    if heading:
        blocks.append(f"<b>{escape(heading)}</b>")
    if match.citation.is_note and not heading:  # e.g. inline mode: the label before the words, too
        blocks.append(f"<b>{escape(texts.moderator_note)}</b>")
    if note_language_notice(match):
        blocks.append(f"<i>{escape(texts.note_in_dutch)}</i>")
    blocks.extend(_official_blocks(match, texts, limit))
    blocks.append(citation_html(match, texts))
    return pack_blocks(blocks, limit)


def _official_blocks(match: Match, texts: Texts, limit: int) -> list[str]:
    blocks = []
    if match.question and match.question_official and not match.citation.is_note and (
        match.citation.kind is DocumentKind.KAMERVRAGEN
    ):
        blocks.append(f"<i>{escape(texts.official_question)}: {escape(match.question)}</i>")
    blocks.extend(_text_blocks(match.text, match.highlight, limit))
    return blocks


def _translated_messages(match: Match, texts: Texts, heading: str | None, limit: int) -> list[str]:
    blocks: list[str] = []
    if heading:
        blocks.append(f"<b>{escape(heading)}</b>")
    translation = match.translation
    if translation is None:
        blocks.append(f"<i>{escape(texts.no_translation)}</i>")
        blocks.extend(_official_blocks(match, texts, limit))
        blocks.append(citation_html(match, texts))
        return pack_blocks(blocks, limit)
    blocks.append(f"<b>{escape(texts.translation_label)}</b>")
    if translation.question and match.citation.kind is DocumentKind.KAMERVRAGEN:
        blocks.append(f"<i>{escape(texts.translated_question)}: {escape(translation.question)}</i>")
    blocks.extend(_text_blocks(translation.text, None, limit))
    blocks.extend(_official_quotes(match, texts, limit))
    blocks.append(citation_html(match, texts))
    return pack_blocks(blocks, limit)


def _official_quotes(match: Match, texts: Texts, limit: int, official: list[str] | None = None) -> list[str]:
    """The official text as expandable quotes that each fit a message, the first under its label
    (a quote is never cut: each message holds whole quotes)."""
    label = f"<b>{escape(texts.official_text_label)}</b>\n"
    room = limit - units(label + QUOTE_OPEN + QUOTE_CLOSE)
    parts = pack_blocks(official if official is not None else _official_blocks(match, texts, room), room)
    return [(label if n == 0 else "") + QUOTE_OPEN + part + QUOTE_CLOSE for n, part in enumerate(parts)]


def translated_inline_message(match: Match, texts: Texts, limit: int = MAX_MESSAGE) -> str:
    """One message for inline mode: label, translation, official text and citation; when it does not
    fit, the start of the translation and of the official text (each ending in '…'), and the citation."""
    whole = _translated_messages(match, texts, None, limit)
    translation = match.translation
    if len(whole) == 1 or translation is None:
        return whole[0]
    citation = citation_html(match, texts)
    head = [f"<b>{escape(texts.translation_label)}</b>"]
    fixed = units("\n\n".join([*head, citation])) + 400  # labels, quote tags, ellipses and blank lines
    share = (limit - fixed) // 2
    translated = _leading_blocks(_text_blocks(translation.text, None, share + 200), share)
    official = _leading_blocks(_official_blocks(match, texts, share + 200), share)
    quotes = _official_quotes(match, texts, limit, official)
    return "\n\n".join([*head, *translated, quotes[0], citation])


def _leading_blocks(blocks: list[str], size: int) -> list[str]:
    """As many whole blocks as fit `size`, and '…' when some are left out."""
    chosen: list[str] = []
    used = 0
    for block in blocks:
        if used + units(block) + 2 > size:
            return [*chosen, "…"] if chosen else ["…"]
        chosen.append(block)
        used += units(block) + 2
    return chosen


def citation_html(match: Match, texts: Texts) -> str:
    citation = match.citation
    line = escape(" · ".join(citation_parts(citation, texts)))
    if citation.url:
        line = f'📄 <a href="{html.escape(citation.url, quote=True)}">{line}</a>'
    elif not citation.is_note:  # a note is not a document's text: no document mark, no link
        line = f"📄 {line}\n<i>{escape(no_link_line(citation, texts) or '')}</i>"
    for footnote in citation.footnotes:
        note = f"{footnote.number}. {escape(footnote.text)}"
        if footnote.url:
            note += f' <a href="{html.escape(footnote.url, quote=True)}">{escape(_short_url(footnote.url))}</a>'
        line += f"\n<i>{note}</i>"
    return line


def _short_url(url: str) -> str:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    return host or url


def _text_blocks(text: str, highlight: Highlight | None, limit: int) -> list[str]:
    """One block per paragraph; a paragraph too long for one message is cut between sentences."""
    blocks: list[str] = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        pieces = [(m.start(), m.end())]
        if units(escape(m.group(0))) > limit - 200:
            pieces = _cut(text, m.start(), m.end(), limit - 200)
        blocks.extend(_with_highlight(text, start, end, highlight) for start, end in pieces)
    return blocks


def _cut(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """Split [start, end) into pieces whose escaped text fits `size`: between sentences, else at spaces."""
    bounds = [start + s for s, _ in sentence_spans(text[start:end])][1:] + [end]
    pieces: list[tuple[int, int]] = []
    piece_start = last = start
    for bound in bounds:
        if units(escape(text[piece_start:bound])) > size and last > piece_start:
            pieces.append((piece_start, last))
            piece_start = last
        last = bound
    pieces.append((piece_start, end))
    fitted = [piece for s, e in pieces for piece in _cut_words(text, s, e, size)]
    return [(s, e) for s, e in fitted if text[s:e].strip()]


def _cut_words(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    pieces = []
    while units(escape(text[start:end])) > size:
        window = size
        while units(escape(text[start : start + window])) > size:
            window = window * 3 // 4
        space = text.rfind(" ", start, start + window)
        cut = space if space > start else start + window
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _with_highlight(text: str, start: int, end: int, highlight: Highlight | None) -> str:
    if not highlight or highlight.end <= start or highlight.start >= end:
        return escape(text[start:end].strip())
    a, b = max(start, highlight.start), min(end, highlight.end)
    return (escape(text[start:a]) + "<b>" + escape(text[a:b]) + "</b>" + escape(text[b:end])).strip()


def pack_blocks(blocks: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Join blocks with blank lines into messages of at most `limit` UTF-16 units."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if units(candidate) <= limit:
            current = candidate
            continue
        if current:
            messages.append(current)
        current = block
    if current:
        messages.append(current)
    return messages


def answer_keyboard(
    match: Match, texts: Texts, related: list[Match], earlier: list[Match], newer: list[Match] | None = None
) -> InlineKeyboardMarkup:
    """Feedback, the source, the official link, a newer document on it, earlier positions, related questions."""
    rows = [
        [
            InlineKeyboardButton(texts.button_helpful, callback_data=callbacks.feedback(match.entry_id, True)),
            InlineKeyboardButton(texts.button_not_helpful, callback_data=callbacks.feedback(match.entry_id, False)),
        ],
    ]
    source_row = [InlineKeyboardButton(texts.button_source, callback_data=callbacks.source_of(match.entry_id))]
    if match.citation.url:
        source_row.append(InlineKeyboardButton(texts.button_link, url=match.citation.url))
    rows.append(source_row)
    for other in (newer or [])[:1]:
        label = f"{texts.button_newer}: {texts.date(other.citation.date)}" if other.citation.date else texts.button_newer
        rows.append([InlineKeyboardButton(label, callback_data=callbacks.entry(other.entry_id, other.language.value))])
    for other in earlier[:2]:
        label = f"{texts.button_earlier}: {texts.date(other.citation.date)}" if other.citation.date else texts.button_earlier
        rows.append([InlineKeyboardButton(label, callback_data=callbacks.entry(other.entry_id, other.language.value))])
    for other, title in zip(related[:3], button_titles(related[:3], BUTTON_TITLE), strict=True):
        data = callbacks.entry(other.entry_id, other.language.value)
        rows.append([InlineKeyboardButton(title if other.citation.is_note else "❓ " + title, callback_data=data)])
    return InlineKeyboardMarkup(rows)


def feedback_given_keyboard(keyboard: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard without its feedback row: one vote per answer message."""
    if keyboard is None:
        return None
    rows = [
        row for row in keyboard.inline_keyboard
        if not any(isinstance(b.callback_data, str) and b.callback_data.startswith("f:") for b in row)
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def suggestions_message(answer: Answer, texts: Texts) -> Reply:
    notice = texts.untold_notice(answer.untold)
    headings = [notice, texts.related_heading] if notice else [texts.suggestions_heading(len(answer.suggestions))]
    return _numbered_suggestions(headings, answer.suggestions)


def unsure_part_message(unsure: UnsurePart, texts: Texts) -> Reply:
    """A question of the message that passages are close to, none surely: its suggestions, as buttons."""
    return _numbered_suggestions([texts.part_unsure.format(part=f"“{unsure.part}”")], unsure.suggestions)


def _numbered_suggestions(headings: list[str], suggestions: list[Match]) -> Reply:
    titles = button_titles(suggestions, BUTTON_TITLE)
    rows = [
        [InlineKeyboardButton(f"{n}. {title}", callback_data=callbacks.entry(m.entry_id, m.language.value))]
        for n, (m, title) in enumerate(zip(suggestions, titles, strict=True), start=1)
    ]
    lines = [escape(heading) for heading in headings]
    lines += [f"{n}. {escape(suggestion_title(m, 200))}" for n, m in enumerate(suggestions, start=1)]
    return Reply("\n".join(lines), InlineKeyboardMarkup(rows))


def no_answer_message(texts: Texts, untold: str | None = None, later_time: bool = False) -> str:
    """Nothing answered or suggested: one reply, the notices on lines of their own (Texts.no_answer_paragraphs)."""
    return "\n\n".join([*map(escape, texts.no_answer_paragraphs(later_time, untold)), "/topics · /sources"])


def unanswered_parts_message(parts: list[str], texts: Texts) -> str:
    """One line per question of the message that no passage answers, quoted as the asker wrote it."""
    return "\n".join(escape(texts.part_unanswered.format(part=f"“{part}”")) for part in parts)
