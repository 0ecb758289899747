"""The import preview a moderator checks before confirming, the same in Telegram and on the command line.

It shows kind, date, authors, citation, the key the document will get, and every entry's number with
its first words (and the first words of its official question), so that a misreading shows before
anything is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from interface.roles import describe_authors, kind_label
from interface.texts import Texts, texts_for
from interface.texts.moderator import ImportTexts
from knowledge.citations import heading_label
from knowledge.ingest.publications import FetchError
from knowledge.models import Entry
from knowledge.moderation import ImportPreview, Moderation
from knowledge.reasons import Reason

#: Entries listed one by one; a longer document ends the list with a count.
MAX_LISTED_ENTRIES = 40
FIRST_WORDS = 9


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def entry_label(entry: Entry, preview: ImportPreview, texts: Texts) -> str:
    """The official Dutch label ('Vraag 4', 'alinea 2'); in another language its translation first,
    with the Dutch the citation will show beside it: 'Question 4 (Vraag 4)'."""
    dutch = Moderation.entry_label(entry, preview.parsed.document.kind)
    if texts.code == "nl":
        return dutch
    numbers = ", ".join(map(str, entry.numbers or [entry.number]))
    template = texts.question_label if dutch.startswith("Vra") else texts.paragraph_label
    return f"{template.format(number=numbers)} ({dutch})"


def questions_label(numbers: list[int], texts: Texts) -> str:
    """'Vraag 3' (or 'Question 3 (Vraag 3)'): questions the document prints that have no entry."""
    dutch = heading_label("Vraag", numbers)
    if texts.code == "nl":
        return dutch
    return f"{texts.question_label.format(number=', '.join(map(str, numbers)))} ({dutch})"


def entry_line(entry: Entry, preview: ImportPreview, texts: Texts | None = None) -> str:
    label = entry_label(entry, preview, texts or texts_for("nl"))
    if entry.question and entry.question_is_official:
        return f"{label}: {first_words(entry.question, 7)} → {first_words(entry.text, 6)}"
    return f"{label}: {first_words(entry.text)}"


def render_preview(
    preview: ImportPreview, t: ImportTexts, escape: Callable[[str], str] = lambda s: s, texts: Texts | None = None
) -> str:
    """The whole preview as one message; `escape` makes the document's own text safe for HTML.
    `texts`: the interface language for the kind, the date and the authors' roles (default Dutch)."""
    texts = texts or texts_for("nl")
    parsed = preview.parsed
    document = parsed.document
    entries = [e for e in parsed.entries if e.number in preview.adding] if preview.completes else parsed.entries
    lines = [escape(entry_line(e, preview, texts)) for e in entries[:MAX_LISTED_ENTRIES]]
    if len(entries) > MAX_LISTED_ENTRIES:
        lines.append(escape(t.more_entries.format(count=t.entries(len(entries) - MAX_LISTED_ENTRIES))))
    notes = []
    if preview.completes:
        labels = ", ".join(entry_label(e, preview, texts) for e in entries)
        notes.append(t.completes.format(key=preview.completes, labels=labels))
    if preview.beside:
        notes.append(t.beside.format(other=preview.beside, key=document.key))
    if any(n.reason is Reason.WARN_REPLACES_WITHDRAWN for n in preview.notices):
        notes.append(t.replaces_withdrawn.format(key=document.key))
    if document.date is None:
        notes.append(t.no_date)
    if not document.authors:
        notes.append(t.no_authors)
    if parsed.truncated is not None:
        notes.append(t.cut_off.format(label=entry_label(parsed.truncated, preview, texts)))
    if parsed.cut_off_questions:
        notes.append(t.cut_off.format(label=questions_label(parsed.cut_off_questions, texts)))
    for notice in preview.notices:
        if notice.reason is Reason.WARN_ANSWER_WITHOUT_QUESTION:
            notes.append(t.answer_without_question.format(**notice.values))
        elif notice.reason is Reason.WARN_QUESTION_WITHOUT_ANSWER:
            notes.append(t.question_without_answer.format(**notice.values))
    return t.preview.format(
        kind=escape(document.kind.label if texts.code == "nl" else kind_label(document.kind, texts)),
        date=texts.date(document.date) if document.date else t.undated,
        authors=escape(_clip(describe_authors(document.authors, texts.code) or t.unknown, 300)),
        citation=escape(document.citation or (document.official_id or t.no_citation)),
        key=escape(document.key),
        title=escape(_clip(document.shown_title, 300)),
        count=t.entries(len(entries)),
        entries="\n".join(lines),
        notes=("\n\n" + "\n".join(escape(n) for n in notes)) if notes else "",
    )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fetch_refusal(error: FetchError, it: ImportTexts, reference: str) -> str:
    """Why an official id or link could not be fetched, in the moderator's language (Telegram and CLI)."""
    detail = {"reference": reference[:80], "host": "?", "limit": "?", "status": "?", **error.detail}
    if detail["limit"].isdigit():  # bytes, as the setting holds them; read as "5 MB"
        detail["limit"] = it.size(int(detail["limit"]))
    if "seconds" in detail:  # the time limit as the setting holds it ('0.5'), with the language's decimal sign
        detail["seconds"] = detail["seconds"].replace(".", it.decimal_separator)
    template = {
        "bad_reference": it.fetch_bad_reference,
        "offline": it.fetch_offline,
        "slow": it.fetch_slow,
        "not_found": it.fetch_not_found,
        "too_large": it.fetch_too_large,
        "off_host": it.fetch_off_host,
        "redirect_loop": it.fetch_redirect_loop,
        "not_xml": it.fetch_not_xml,
    }.get(error.problem, it.fetch_failed)
    return template.format(**detail)
