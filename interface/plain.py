"""Plain-text rendering of an answer, for the terminal chat and the staff command line."""

from __future__ import annotations

from collections.abc import Callable

from interface.documents import document_labels, fitting_heading, passage_label
from interface.roles import describe_authors, kind_label
from interface.texts import Texts
from knowledge.models import Answer, AskedDocument, Citation, Document, DocumentKind, Language, Match, Outcome
from knowledge.service import InvalidQuestion


def citation_parts(citation: Citation, texts: Texts) -> list[str]:
    """Kind, date, authors, question or paragraph number, reference: in that order, each once.
    A moderator's note has one part: that a moderator wrote it, quoting nothing, and what about."""
    kind = kind_label(citation.kind, texts)
    if citation.is_note:
        return [note_citation(citation, texts)]
    parts = [kind]
    if citation.date:
        parts.append(texts.date(citation.date))
    if citation.authors:
        parts.append(describe_authors(citation.authors, texts.code))
    if texts.code == "nl":  # the Dutch label is the document's own, exactly as the import preview showed it
        parts.append(citation.number_label)
    else:
        label = texts.question_label if citation.as_questions else texts.paragraph_label
        parts.append(label.format(number=" & ".join(str(n) for n in citation.numbers)))
    if citation.reference:
        parts.append(citation.reference)
    return parts


def no_link_line(citation: Citation, texts: Texts) -> str | None:
    """Under an official citation without a link: that none is known, and where the text is to be
    found as far as the citation knows (its reference, else its kind and date with no number known).
    None when there is a link, and for a moderator's note (no document's text, so nothing to look up)."""
    if citation.url or citation.is_note:
        return None
    where = citation.reference
    if not where:
        known = [kind_label(citation.kind, texts)] + ([texts.date(citation.date)] if citation.date else [])
        where = f"{', '.join(known)} ({texts.no_number})"
    return texts.no_link.format(where=where)


def note_citation(citation: Citation, texts: Texts) -> str:
    """'Written by a Standpunt moderator, not a quotation from the document; about: <title>, <date>'."""
    about = citation.document_title + (f", {texts.date(citation.date)}" if citation.date else "")
    return texts.note_citation.format(about=about)


def match_heading(match: Match, texts: Texts) -> str:
    """'Official answer', or the note's own label: a moderator's note is never headed as official."""
    return texts.moderator_note if match.citation.is_note else texts.answer_heading


def official_heading(match: Match, texts: Texts) -> str:
    """'Official answer · as of <date>' (its document's date), as every official answer is headed,
    also one picked from a list; a moderator's note has its own label and no date of position."""
    heading = match_heading(match, texts)
    if match.citation.date and not match.citation.is_note:
        heading += " · " + texts.as_of.format(date=texts.date(match.citation.date))
    return heading


def render_picked_plain(match: Match, texts: Texts) -> str:
    """A passage picked by its number from a list (suggestions, a document's entries), headed as an answer."""
    return official_heading(match, texts) + "\n\n" + render_match_plain(match, texts, headed=True)


def note_language_notice(match: Match) -> bool:
    """Whether to tell the asker that a moderator's note is in Dutch, untranslated."""
    return match.citation.is_note and match.citation.language is Language.NL and match.language is not Language.NL


def render_match_plain(
    match: Match, texts: Texts, emphasise: Callable[[str], str] = lambda s: s, *, headed: bool = False
) -> str:
    """The official text (its best sentence emphasised), then the citation and the link; for an
    asker of another language, the unofficial translation, labelled, above the official text.
    A moderator's note carries its label once: here, unless `headed` (the heading has it)."""
    text = match.text
    if match.highlight:
        h = match.highlight
        text = text[: h.start] + emphasise(text[h.start : h.end]) + text[h.end :]
    lines = [texts.moderator_note, ""] if match.citation.is_note and not headed else []
    if note_language_notice(match):
        lines += [texts.note_in_dutch, ""]
    lines += _translation_lines(match, texts)
    if match.question and match.question_official and not match.citation.is_note and (
        match.citation.kind is DocumentKind.KAMERVRAGEN
    ):
        lines += [f"{texts.official_question}: {match.question}", ""]
    lines += [text, "", "— " + " · ".join(citation_parts(match.citation, texts))]
    if match.citation.url:
        lines.append(f"  {texts.link}: {match.citation.url}")
    elif unlinked := no_link_line(match.citation, texts):
        lines.append(f"  {unlinked}")
    if match.citation.footnotes:
        for footnote in match.citation.footnotes:
            lines.append(f"  {footnote.number}. {footnote.text}" + (f" {footnote.url}" if footnote.url else ""))
    return "\n".join(lines)


def _translation_lines(match: Match, texts: Texts) -> list[str]:
    if match.language is Language.NL or match.citation.is_note:  # a note is never shown as official text
        return []
    translation = match.translation
    if translation is None:
        return [texts.no_translation, ""]
    lines = [texts.translation_label]
    if translation.question and match.citation.kind is DocumentKind.KAMERVRAGEN:
        lines.append(f"{texts.translated_question}: {translation.question}")
    return [*lines, "", translation.text, "", texts.official_text_label, ""]


def render_answer_plain(answer: Answer, texts: Texts, emphasise: Callable[[str], str] = lambda s: s) -> str:
    """The reply as text; a message naming a document the store does not hold is told so first."""
    asked = answer.asked_document
    if asked is not None and (notice := lookup_notice(asked, texts)):
        if answer.outcome is Outcome.NO_ANSWER or asked.described:
            return notice
        return notice + "\n\n" + _answer_plain(answer, texts, emphasise)
    return _answer_plain(answer, texts, emphasise)


def lookup_notice(asked: AskedDocument, texts: Texts) -> str | None:
    """One line when a document looked up is not given: the store does not hold it, no document fits
    the description, or it has no passage of the number asked for. None when it is given."""
    if asked.entry_missing and asked.document:
        document = asked.document
        numbering = texts.question_label if document.kind is DocumentKind.KAMERVRAGEN else texts.paragraph_label
        label = numbering.format(number=asked.entry_number)
        line = texts.no_such_entry.format(
            label=label,
            kind=kind_label(document.kind, texts),
            date=texts.date(document.date) if document.date else document.shown_title,
            first=asked.entry_numbers[0] if asked.entry_numbers else 0,
            last=asked.entry_numbers[-1] if asked.entry_numbers else 0,
        )
        return line[:1].upper() + line[1:]
    if asked.held:
        return None
    if asked.described:
        return texts.document_not_found.format(description=asked.reference)
    return texts.document_not_held.format(reference=asked.reference)


def _answer_plain(answer: Answer, texts: Texts, emphasise: Callable[[str], str]) -> str:
    if answer.outcome is Outcome.GREETING:
        if answer.help_asked:
            return texts.help_pointer
        return texts.welcome if answer.thanks else texts.greeting
    if answer.outcome is Outcome.DOCUMENT and answer.asked_document and answer.asked_document.document:
        # Its official entries are counted, not the moderators' notes listed with them (marked as notes).
        official = sum(not match.citation.is_note for match in answer.suggestions)
        lines = document_lines(answer.asked_document.document, texts, official)
        lines.append("")
        lines += [f"  {number}. {suggestion_title(match)}" for number, match in enumerate(answer.suggestions, start=1)]
        return "\n".join(lines)
    if answer.outcome is Outcome.DOCUMENT and answer.asked_document and answer.asked_document.candidates:
        asked = answer.asked_document
        fitting = asked.candidates
        # Each offering the passage asked for: numbered, and the number typed next gives that passage.
        choosing = len(answer.suggestions) == len(fitting)
        lines = [fitting_heading(fitting, asked.entry_number, choosing, texts)]
        if choosing:
            texts_of = {m.citation.document_key: m.text for m in answer.suggestions}
            labels = document_labels(fitting, texts, lambda d: texts_of.get(d.key), limit=120)
            passage = passage_label(fitting[0], asked.entry_number or 0, texts)
            for number, (label, match) in enumerate(zip(labels, answer.suggestions, strict=True), start=1):
                lines += ["", f"  {number}. {label}", f"     {passage}: {suggestion_title(match)}"]
            return "\n".join(lines)
        for document in fitting:
            lines += ["", *(f"  {line}" for line in document_lines(document, texts))]
        return "\n".join(lines)
    if answer.answered and answer.best:
        heading = f"{match_heading(answer.best, texts)} ({texts.confidence.format(value=answer.confidence)})"
        if answer.best.citation.date and not answer.best.citation.is_note:
            heading += " · " + texts.as_of.format(date=texts.date(answer.best.citation.date))
        lines = [heading, "", render_match_plain(answer.best, texts, emphasise, headed=True)]
        for earlier in answer.earlier:
            date = texts.date(earlier.citation.date) if earlier.citation.date else "?"
            lines.append(f"  {texts.earlier_position}: {date} · {' · '.join(citation_parts(earlier.citation, texts)[2:])}")
        for newer in answer.newer:
            date = texts.date(newer.citation.date) if newer.citation.date else "?"
            cited = " · ".join(citation_parts(newer.citation, texts)[2:])
            lines.append(f"  {texts.newer_document.format(date=date)} · {cited}")
        for other in answer.also:
            lines += ["", official_heading(other, texts), "", render_match_plain(other, texts, emphasise, headed=True)]
        lines += ["", *(texts.part_unanswered.format(part=part) for part in answer.unanswered_parts)]
        numbered = 0  # numbered on across the parts: a number picks one of them all (console.py)
        for unsure in answer.unsure_parts:
            lines += ["", texts.part_unsure.format(part=unsure.part)]
            for match in unsure.suggestions:
                numbered += 1
                lines.append(f"  {numbered}. {suggestion_title(match)}")
        notes = offered_notes(answer)
        if notes:  # Telegram offers them as buttons under the answer; here, to pick by number after the parts'
            lines += ["", texts.notes_offered]
            for match in notes:
                numbered += 1
                lines.append(f"  {numbered}. {suggestion_title(match)}")
        return "\n".join(lines).rstrip()
    if answer.outcome is Outcome.SUGGEST and answer.suggestions:
        lines = ([texts.later_time_suggestions, ""] if answer.later_time else [])
        notice = texts.untold_notice(answer.untold)
        lines += [notice, texts.related_heading] if notice else [texts.suggestions_heading(len(answer.suggestions))]
        for number, match in enumerate(answer.suggestions, start=1):
            lines.append(f"  {number}. {suggestion_title(match)}")
        return "\n".join(lines)
    return "\n\n".join(texts.no_answer_paragraphs(answer.later_time, answer.untold))


def offered_notes(answer: Answer) -> list[Match]:
    """The moderators' notes offered beside an official answer (the decision keeps them after it)."""
    return [m for m in answer.suggestions if m.citation.is_note] if answer.answered else []


def document_lines(document: Document, texts: Texts, active_entries: int | None = None) -> list[str]:
    """What /sources shows of one document: title, kind, date, authors, subject, reference, count
    (when given), link."""
    meta = [kind_label(document.kind, texts)] + ([texts.date(document.date)] if document.date else [])
    meta += [describe_authors(document.authors, texts.code)] if document.authors else []
    lines = [document.title, " · ".join(meta)]
    if document.subject:
        lines.append(document.subject)
    reference = document.citation or (f"Nr. {document.number}" if document.number else None)
    if reference:
        lines.append(reference)
    if active_entries is not None:
        lines.append(texts.entries_count.format(count=active_entries))
    if document.url:
        lines.append(f"{texts.link}: {document.url}")
    return lines


def invalid_question_text(error: InvalidQuestion, texts: Texts, limit: int) -> str:
    """Why a question was refused, in words a user can act on: shorten it, or ask one at all."""
    if error.too_long:
        return texts.invalid_too_long.format(limit=limit)
    return {"not_text": texts.invalid_not_text, "markup": texts.invalid_markup}.get(error.reason, texts.invalid_empty)


#: Before a moderator's note wherever it is offered by its title (a button, a numbered line): offered
#: beside official answers, it is not to be taken for one of them before it is opened.
NOTE_MARK = "📝 "


def suggestion_title(match: Match, limit: int = 120) -> str:
    """A short line for a suggestion: its question, or the start of its text (a note marked as one)."""
    title = match.title or match.question or match.text
    title = (NOTE_MARK if match.citation.is_note else "") + " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


#: How much of a button a phone shows before cutting it off: labels of one keyboard differ within it.
BUTTON_DISTINCT = 30


def button_titles(matches: list[Match], limit: int, distinct: int = BUTTON_DISTINCT) -> list[str]:
    """Short titles for one keyboard's buttons that a phone, which cuts buttons off, still tells apart:
    where two titles begin alike for `distinct` characters ('Wat doet Nederland …' twice), the leading
    words they share are dropped, marked by '…' (the message above the buttons has them whole)."""
    full = [suggestion_title(m, 10_000).removeprefix(NOTE_MARK) for m in matches]
    words = [title.split() for title in full]
    shown = []
    for i, title in enumerate(full):
        shared = 0
        for j, other in enumerate(full):
            if i != j and title[:distinct].casefold() == other[:distinct].casefold():
                shared = max(shared, _shared_words(words[i], words[j]))
        label = "…" + " ".join(words[i][shared:]) if 0 < shared < len(words[i]) else title
        label = (NOTE_MARK if matches[i].citation.is_note else "") + label  # the mark kept, whatever is shared
        shown.append(label if len(label) <= limit else label[: limit - 1].rstrip() + "…")
    return shown


def _shared_words(first: list[str], second: list[str]) -> int:
    count = 0
    for a, b in zip(first, second, strict=False):
        if a.casefold() != b.casefold():
            break
        count += 1
    return count
