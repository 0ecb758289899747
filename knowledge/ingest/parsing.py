"""Parse official documents (Kamerbrieven and answers to Kamervragen) from plain text into entries.

Written for the document types, not for particular files: the header, date line, salutation and
signature of a letter become metadata; its body paragraphs become numbered entries. Answers to
Kamervragen become one entry per question with its answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import NamedTuple

from knowledge.identity import identity_key
from knowledge.ingest.cleaning import (
    CleanText,
    Paragraph,
    clean_document,
    normalise_lines,
    without_glued_markers,
)
from knowledge.ingest.cutoff import looks_cut_off
from knowledge.models import (
    NAME_PARTICLES,
    UNTITLED_LETTER,
    Author,
    Document,
    DocumentKind,
    Entry,
    Footnote,
    ParsedDocument,
)
from knowledge.reasons import ENGLISH, Reason
from knowledge.text.references import entry_references, find_references

MONTHS = {
    name: index + 1
    for index, name in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november december".split()
    )
}
_DATE = r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})"
#: The numbers a heading prints: 'Vraag 2', 'Vraag 1, 2', 'Vraag 2, 3 en 4', 'Vragen 3 t/m 5'; the
#: heading may end in a colon or a full stop ('Vraag 1.').
_NUMBERS = r"(\d{1,3})((?:\s*(?:,|en)\s*\d{1,3})*)(?:\s*(?:t/m|tot en met)\s*(\d{1,3}))?"
_QUESTION_HEADING = re.compile(rf"^Vra(?:ag|gen)\s+{_NUMBERS}\s*[.:]?$", re.IGNORECASE)
_ANSWER_HEADING = re.compile(
    rf"^Antwoord(?:en(?=\s+\d))?(?:\s+(?:op\s+vra(?:ag|gen)\s+)?{_NUMBERS})?\s*[.:]?$", re.IGNORECASE
)
_NOTICE_HEADING = re.compile(r"^Mededeling\s*:?$", re.IGNORECASE)
_LETTER_HEADER = re.compile(r"^(?:Nr\.\s*(\d+)\s+)?((?:BRIEF|BRIEVEN)\s+VAN\s+.+)$")
PLACE_DATE = re.compile(rf"^(?:Den Haag|'s-Gravenhage),?\s+{_DATE}\.?$", re.IGNORECASE)
ADDRESSEE = re.compile(r"^Aan de (?:Voorzitter|voorzitter) van de (?:Tweede|Eerste) Kamer")
SALUTATION = re.compile(r"^(?:Geachte|Hooggeachte)\b.*,$")
_SIGNER_ROLE = re.compile(
    r"^(?:De|de)\s+((?:Minister|Staatssecretaris|Minister-President|Minister-president)\b.*?),?$"
)
#: A signature's role line as ministries print it: 'De Minister van Buitenlandse Zaken,', 'de
#: minister van Buitenlandse Zaken,' (lower case), without the comma, or under the name without the
#: article ('P.J. Kooistra' / 'Minister van Buitenlandse Zaken').
_SIGNATURE_ROLE = re.compile(
    r"^(?:[Dd]e\s+)?((?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)"
    r"(?:\s+(?:van|voor)\s+[A-Z][\w\s,'-]*?)?),?$"
)
#: 'Antwoord van … (ontvangen 9 februari 2024).', perhaps with a sentence after it (the usual 'Zie ook
#: Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1100.' after a postponement): group 5.
_ANSWERERS = re.compile(
    r"^Antwoord(?:en)?\s+van\s+(.+?)\s*\(ontvangen\s+" + _DATE + r"\)\.?(?:\s+(\S.*))?$", re.IGNORECASE | re.DOTALL
)
#: 'minister Blok (Buitenlandse Zaken)', 'staatssecretaris Van der Berg (JenV)': role, the words up
#: to the parenthesis (a name, perhaps after the role's ministry) and the ministry in parentheses.
ANSWERER = re.compile(
    r"(?:\bde\s+)?\b(minister-president|minister|staatssecretaris)\s+"
    r"((?:(?!\b(?:minister|staatssecretaris)\b)[^(),])+?)\s*\(([^()]+)\)",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]{0,2}\.)+$")
QUESTION_NUMBER = re.compile(r"\b(20\d{2}Z\d{5})\b")
_ASKERS = re.compile(r"^Vragen van (?:het lid|de leden) .+?\(ingezonden\s+" + _DATE + r"\)\.?$", re.DOTALL)


class ParseError(ValueError):
    """The text is not a document of a kind we know, or yields no entries."""


QUESTIONS_ONLY = ENGLISH[Reason.QUESTIONS_ONLY]


class QuestionsWithoutAnswers(ParseError):
    """Kamervragen as submitted: there is no government text in them to store."""

    def __init__(self) -> None:
        super().__init__(QUESTIONS_ONLY)


class NotAnOfficialDocument(ParseError):
    """A text with none of the marks of an official document: a moderator's own text, or a copy
    of something else. Importing it would make it an official Kamerbrief ('kamerbrief-undated')."""

    def __init__(self) -> None:
        super().__init__(ENGLISH[Reason.NOT_OFFICIAL_DOCUMENT])


_ASKED = re.compile(r"^\s*Vragen van (?:het lid|de leden)\b.*\(ingezonden\b", re.MULTILINE | re.IGNORECASE)
_ANSWERED = re.compile(r"^\s*Antwoord(?:en)?\b|\(ontvangen\s|^\s*Beantwoord\s", re.MULTILINE | re.IGNORECASE)


def parse_document(raw: str, kind: DocumentKind | None = None) -> ParsedDocument:
    """Parse a text of either kind; the kind (and the layout) is recognised from the text when not given."""
    if not raw or not raw.strip():
        raise ParseError("the document is empty")
    from knowledge.ingest.layouts import is_republished_page, parse_republished_page  # layouts build on this module

    if kind is None and is_republished_page(raw):
        parsed = parse_republished_page(raw)
    else:
        if _ASKED.search(raw) and not _ANSWERED.search(raw):
            raise QuestionsWithoutAnswers()
        kind = kind or detect_kind(raw)
        parsed = parse_kamervragen(raw) if kind is DocumentKind.KAMERVRAGEN else parse_kamerbrief(raw)
    if not has_official_marks(raw, parsed.document):
        raise NotAnOfficialDocument()
    parsed = without_cut_off_end(parsed, stops_on_full_line(raw))
    if not parsed.entries:
        raise ParseError("the document contains no paragraphs or questions that could be read")
    return parsed


#: Lines only an official document prints: its head, addressee, salutation of the chamber's
#: chair, the question and answer headers, a question number.
_OFFICIAL_LINES = (
    re.compile(r"^(?:Tweede|Eerste) Kamer der Staten-Generaal\b"),
    re.compile(r"^Vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}\b", re.IGNORECASE),
    re.compile(r"^(?:Nr\.\s*\d+\s+)?(?:BRIEF|BRIEVEN)\s+VAN\b"),
    re.compile(r"^Aan de (?:Voorzitter|voorzitter) van de (?:Tweede|Eerste) Kamer"),
    re.compile(r"^(?:Geachte|Hooggeachte) (?:Voorzitter|voorzitter)\b"),
    re.compile(r"^(?:Den Haag|'s-Gravenhage),?\s+" + _DATE, re.IGNORECASE),
    re.compile(r"^Vragen van (?:het lid|de leden)\b"),
    _ANSWER_HEADING,
    re.compile(r"^Antwoord(?:en)? van\b"),
    re.compile(r"^Aanhangsel\b"),
    # a ministry's announcement: the bare heading, or one from a minister or state secretary (not any
    # 'Mededeling van …' a moderator might write)
    re.compile(r"^Mededeling(?:\s+van\s+(?:de\s+)?(?:[Mm]inister|[Ss]taatssecretaris)\b.*)?\s*[.:]?$"),
    re.compile(r"^Ministerie van [A-Z][\w ,-]{2,60}$"),
    re.compile(r"^(?:De|de)\s+(?:Minister|Staatssecretaris|Minister-President|Minister-president)\b[^.]*,$"),
)


def has_official_marks(raw: str, document: Document) -> bool:
    """Whether the text bears any mark of an official document (a head, 'Aan de Voorzitter', a date
    line, Vergaderjaar, a Kamerstuk or question number, 'Vragen van het lid', 'Antwoord', a minister's
    signature), as read by the parser or printed on a line of its own. Any one is enough: a copy may
    lack most of them, but a text with none is nobody's official document."""
    if document.date or document.authors or document.number or document.citation or document.official_id:
        return True
    if document.question_number:
        return True
    lines = [line.strip() for line in raw.replace("\r", "\n").split("\n") if line.strip()]
    return any(pattern.match(line) for line in lines for pattern in _OFFICIAL_LINES) or bool(
        QUESTION_NUMBER.search(raw)
    )


def stops_on_full_line(raw: str) -> str | None:
    """The copy's last line when it stops there without closing its sentence although it is as full as
    the lines of its paragraph above it (wrapped, not ended: '… en het kabinet zal'); else None."""
    lines = [line.strip() for line in raw.replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    paragraph: list[str] = []
    for line in reversed(lines):
        if not line:
            break
        paragraph.insert(0, line)
    if len(paragraph) < 2 or re.search(r"[.!?:;)'\"”’»]$|https?://\S+$|\d$", paragraph[-1]):
        return None  # a sentence ended, or a web address or a figure (as a footnote's or a list's end)
    if re.match(r"\d{1,3}\s", paragraph[-1]):
        return None  # a footnote ('2 Viasna, https://…'), not running text
    width = max(len(line) for line in paragraph[-6:-1])
    return paragraph[-1] if len(paragraph[-1]) >= 0.85 * width else None


def without_cut_off_end(parsed: ParsedDocument, full_last_line: str | None = None) -> ParsedDocument:
    """A copy that stops mid-sentence: its last entry is incomplete, so it is kept aside, not imported.
    A copy that stops at its last questions, before their answers, says so too (the entries before are whole).
    `full_last_line`: the copy's last line, wrapped yet unended (stops_on_full_line): the sign of a cut
    where the last word alone shows none, when the last entry ends in it."""
    answered = [n for e in parsed.entries for n in (e.numbers or [e.number])]
    # (A misnumbered answer after it means the copy goes on: then the question is only unanswered.)
    if not parsed.unmatched and (tail := [n for n in parsed.unanswered if answered and n > max(answered)]):
        unanswered = [n for n in parsed.unanswered if n not in tail]
        return parsed.model_copy(update={"cut_off_questions": tail, "unanswered": unanswered})
    if not parsed.entries:
        return parsed
    last = parsed.entries[-1].text
    ends_on_full_line = full_last_line is not None and " ".join(last.split()).endswith(full_last_line)
    if not (looks_cut_off(last) or ends_on_full_line):
        return parsed
    if parsed.document.kind is DocumentKind.KAMERBRIEF and parsed.document.authors:
        return parsed  # a signed letter is complete, whatever its last paragraph looks like
    return ParsedDocument(
        document=parsed.document,
        entries=parsed.entries[:-1],
        truncated=parsed.entries[-1],
        unmatched=parsed.unmatched,
        unanswered=parsed.unanswered,
    )


def detect_kind(raw: str) -> DocumentKind:
    has_questions = re.search(r"^\s*Vraag\s+\d+", raw, re.MULTILINE | re.IGNORECASE)
    has_answers = re.search(r"^\s*Antwoord\b", raw, re.MULTILINE | re.IGNORECASE)
    # Answers to Kamervragen that number the questions '1.', '2.' (no 'Vraag' headings): their own head says so.
    answered_questions = _ASKED.search(raw) and re.search(
        r"^\s*Antwoord(?:en)?\s+van\b.*\(ontvangen\s", raw, re.MULTILINE | re.IGNORECASE
    )
    if has_questions and has_answers or answered_questions:
        return DocumentKind.KAMERVRAGEN
    return DocumentKind.KAMERBRIEF


def parse_date(text: str) -> dt.date | None:
    m = re.search(_DATE, text, re.IGNORECASE)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def document_key(kind: DocumentKind, date: dt.date | None, number: str | None, qnumber: str | None) -> str:
    """A readable, stable key: kind, date and printed number (never an official id we do not know)."""
    return identity_key(kind, date, number, qnumber)


# --- Kamerbrief ---------------------------------------------------------------------------------


_NUMBER_HEADING = re.compile(r"^(\d{1,3})\.$")
#: ...or the number with the committee's question after it on the same line ('1. Hoeveel …?').
_NUMBERED_QUESTION = re.compile(r"^(\d{1,3})\.\s+(\S.*\?)$", re.DOTALL)
_NUMBER_LINE = re.compile(r"^Nr\.\s*(\d{1,6}[a-z]?)$")
_SUBJECT_LINE = re.compile(r"^(?:Betreft|Onderwerp)\s*:?\s+(.+)$")
#: A ministry letterhead's margin block: "Datum 17 april 2024", often with "Betreft …" in the same paragraph.
_DATUM_BLOCK = re.compile(rf"^Datum\s*:?\s+{_DATE}(?:\s+(?:Betreft|Onderwerp)\s*:?\s+(.+))?$", re.IGNORECASE | re.DOTALL)


#: A ministry's announcement: 'Mededeling', 'Mededeling van de Minister van Buitenlandse Zaken',
#: 'Mededeling van minister Verhoef (Buitenlandse Zaken) (ontvangen 3 mei 2023).'
_NOTICE_HEAD = re.compile(
    rf"^Mededeling(?:\s+van\s+(.+?))?(?:\s*\((?:ontvangen|d\.d\.)\s+({_DATE})\))?\s*[.:]?$", re.IGNORECASE
)
#: The ministry's letterhead line: 'Ministerie van Buitenlandse Zaken'.
_MINISTRY_LINE = re.compile(r"^Ministerie van [A-Z][\w ,-]{2,60}$")
#: A date line of its own: 'Datum 3 mei 2023', 'Datum: 3 mei 2023'.
_DATE_ONLY_LINE = re.compile(rf"^Datum:?\s+{_DATE}\.?$", re.IGNORECASE)


#: The lines of a letter's printed header, each a paragraph of its own however the copy wraps lines:
#: a short letter's header was otherwise read as one wrapped paragraph, date and number lost in it.
_LETTER_HEADER_LINES = (
    re.compile(r"^Tweede Kamer der Staten-Generaal$|^Eerste Kamer der Staten-Generaal$"),
    re.compile(r"^Vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}$"),
    re.compile(r"^\d{2}\s?\d{3}(?:\s*-\s*(?:[A-Z]{1,4}|\d{1,3}))?$"),  # the dossier number alone on its line
    re.compile(r"^Nr\.\s*\d{1,6}[a-z]?$"),  # ...and the printed number
    _LETTER_HEADER,
    ADDRESSEE,
    PLACE_DATE,
    _DATE_ONLY_LINE,
    _NOTICE_HEAD,
    _MINISTRY_LINE,
    SALUTATION,  # a copy without blank lines otherwise runs the subject line into it
    # ...and the signature into the last paragraph
    re.compile(r"^(?:De|de)\s+(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)\b.*,$"),
)


def _is_letter_heading(line: str) -> bool:
    return bool(_NUMBER_HEADING.match(line)) or any(pattern.match(line) for pattern in _LETTER_HEADER_LINES)


def parse_kamerbrief(raw: str) -> ParsedDocument:
    clean = clean_document(raw, is_heading=_is_letter_heading)
    paragraphs = list(clean.paragraphs)
    number: str | None = None
    title = UNTITLED_LETTER
    date: dt.date | None = None
    subject: str | None = None

    # Header: everything up to and including the place-and-date line (or the salutation), never past
    # the letter's first paragraph of running text.
    header_end = 0
    qnumber: str | None = None
    authors_of_notice: list[Author] = []
    for index, paragraph in enumerate(paragraphs[:8]):
        first_line = paragraph.text
        if index > header_end and _is_running_text(first_line):
            break
        if (m := _NUMBER_LINE.match(first_line)) is not None and index <= header_end + 1:
            number = m.group(1)  # 'Nr. 2298' on a line of its own, above the title
            header_end = index + 1
        elif m := _LETTER_HEADER.match(first_line):
            number = m.group(1) or number
            title = title_from_caps(m.group(2))
            header_end = index + 1
        elif index == header_end and (m := QUESTION_NUMBER.fullmatch(first_line)) is not None:
            qnumber = m.group(1)  # an announcement on Kamervragen ('Mededeling' of a delay) under their number
            header_end = index + 1
        elif index == header_end and (m := _NOTICE_HEAD.match(first_line)) is not None:
            # A ministry's 'Mededeling' (no Kamerstuk number): 'Mededeling van minister X (…) (ontvangen 3 mei 2023).'
            title = re.sub(r"\s*\((?:ontvangen|d\.d\.)[^)]*\)\.?$", "", first_line).rstrip(" .:")
            date = parse_date(m.group(2) or "")
            authors_of_notice = answerers(m.group(1) or "")
            header_end = index + 1
        elif ADDRESSEE.match(first_line) or SALUTATION.match(first_line) or _MINISTRY_LINE.match(first_line):
            header_end = index + 1
        elif (m := PLACE_DATE.match(first_line)) is not None:
            date = parse_date(first_line)
            header_end = index + 1
        elif (m := _DATUM_BLOCK.match(first_line)) is not None:
            date = date or parse_date(first_line)  # the letter's date when no 'Den Haag, …' line says it
            subject = subject or (m.group(4).strip() if m.group(4) else None)
            header_end = index + 1
        elif _CHAMBER.match(first_line) or _VERGADERJAAR.match(first_line):
            header_end = index + 1  # the head's own lines, never a paragraph of the letter
        elif index == header_end and index and _VERGADERJAAR.match(paragraphs[index - 1].text) and _DOSSIER.match(first_line):
            header_end = index + 1  # the dossier line under 'Vergaderjaar'
        elif (m := _SUBJECT_LINE.match(first_line)) is not None and index <= header_end + 1:
            subject = m.group(1)
            header_end = index + 1
        elif (
            title.startswith("Mededeling") and subject is None and index == header_end and not _is_running_text(first_line)
        ):
            subject = first_line  # the announcement's own title line, under 'Mededeling'
            header_end = index + 1
    body = paragraphs[header_end:]
    body, authors = _split_signature(body)
    authors = authors or authors_of_notice
    if date is None and (dated := _date_line(body)) is not None:
        date, body = dated  # a date line after the text ('Den Haag, 3 mei 2023' above the signature)
    body = [p for p in body if not SALUTATION.match(p.text) and not is_closing(p.text)]

    number = number or (clean.furniture.kamerstuk[2] if clean.furniture.kamerstuk else None)
    kind = DocumentKind.KAMERBRIEF
    key = document_key(kind, date, number, qnumber)
    preamble: str | None = None
    unanswered: list[int] = []
    if (committee := committee_entries(key, body, clean.footnotes)) is not None:
        preamble, entries = committee
        unanswered = _committee_unanswered(body, entries)
    else:
        body = [p for p in body if not _NUMBER_HEADING.match(p.text)]
        entries = [
            _entry(key, position, paragraph, clean.footnotes) for position, paragraph in enumerate(body, start=1)
        ]
    document = Document(
        key=key,
        kind=kind,
        title=title,
        date=date,
        authors=authors,
        number=number,
        question_number=qnumber,
        official_id=clean.furniture.official_id if _is_kamerstuk_id(clean.furniture.official_id) else None,
        citation=_kamerstuk_citation(clean) or _printed_citation(paragraphs[:header_end], number),
        references=references_of(entries, extra=preamble or ""),
        subject=subject,
        preamble=preamble,
    )
    return ParsedDocument(document=document, entries=entries, unanswered=unanswered)


def _is_running_text(text: str) -> bool:
    """A paragraph of the letter itself, not a line of its head: a sentence of a dozen words or more."""
    return len(text.split()) >= 12 and bool(re.search(r"[.!?]['\"”’»)]?$", text))


def _date_line(body: list[Paragraph]) -> tuple[dt.date, list[Paragraph]] | None:
    """The date of a letter or announcement that prints it on a line of its own after its head
    ('Den Haag, 3 mei 2023', 'Datum 3 mei 2023'), and the body without that line."""
    for index, paragraph in enumerate(body):
        if (PLACE_DATE.match(paragraph.text) or _DATE_ONLY_LINE.match(paragraph.text)) and (
            date := parse_date(paragraph.text)
        ):
            return date, body[:index] + body[index + 1 :]
    return None


def _committee_unanswered(body: list[Paragraph], entries: list[Entry]) -> list[int]:
    """A committee's last question printed without an answer (a copy that stops there)."""
    last = max((n for p in body if (n := _question_number(p.text))), default=0)
    return [last] if entries and last > entries[-1].number else []


def committee_entries(
    key: str, body: list[Paragraph], footnotes: dict[int, Footnote]
) -> tuple[str | None, list[Entry]] | None:
    """The introduction and the numbered question-answer entries of a letter answering a committee's
    questions; None for any other letter. Shared by the text and the XML importer, so both read it alike."""
    if (pairs := _numbered_pairs(body)) is None:
        return None
    introduction, numbered = pairs
    preamble = "\n\n".join(p.text for p in introduction) or None
    return preamble, [_pair_entry(key, n, question, answer, footnotes) for n, question, answer in numbered]


def _numbered_pairs(
    body: list[Paragraph],
) -> tuple[list[Paragraph], list[tuple[int, list[Paragraph], list[Paragraph]]]] | None:
    """A letter answering a committee's numbered questions: '1.' alone or before the question on its
    line, the question, the answer, '2.' ...

    None unless the body has at least two such numbers, counting up from 1, each with a question and an answer.
    """
    starts = [(i, n) for i, p in enumerate(body) if (n := _question_number(p.text))]
    if len(starts) < 2 or [n for _, n in starts] != list(range(1, len(starts) + 1)):
        return None
    numbered: list[tuple[int, list[Paragraph], list[Paragraph]]] = []
    for (index, number), end in zip(starts, [i for i, _ in starts[1:]] + [len(body)], strict=True):
        block = body[index + 1 : end]
        if m := _NUMBERED_QUESTION.match(body[index].text):
            block = [replace(body[index], text=m.group(2)), *block]
        split = next((i + 1 for i, p in enumerate(block) if p.text.rstrip().endswith("?")), None)
        if end == len(body) and len(numbered) >= 2 and (split or 1) >= len(block) and all(
            not p.text.rstrip().endswith(".") for p in block
        ):
            break  # a copy that stops at the last question, before its answer: the pairs before are whole
        if split is None or split >= len(block):
            return None  # numbered sections of an ordinary letter, not questions with answers
        numbered.append((number, block[:split], block[split:]))
    return body[: starts[0][0]], numbered


def _question_number(text: str) -> int | None:
    """The number a body paragraph begins with as a committee's question: '1.' or '1. Hoeveel …'."""
    m = _NUMBER_HEADING.match(text) or _NUMBERED_QUESTION.match(text)
    return int(m.group(1)) if m else None


def _pair_entry(
    key: str, number: int, question: list[Paragraph], answer: list[Paragraph], footnotes: dict[int, Footnote]
) -> Entry:
    """A numbered question of a committee with the government's answer; the question is the committee's own text."""
    return Entry(
        key=f"{key}/{number}",
        document_key=key,
        number=number,
        question="\n\n".join(p.text for p in question),
        question_is_official=True,
        text="\n\n".join(p.text for p in answer),
        footnotes=_footnotes_of(question + answer, footnotes),
    )


def title_from_caps(header: str) -> str:
    """'BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN' → 'Brief van de Minister van Buitenlandse Zaken'."""
    small = {"van", "de", "het", "en", "voor", "der", "op", "aan", "in", "met"}
    words = header.lower().split()
    out: list[str] = []
    after_office = False
    for word in words:
        if word in {"minister", "ministers", "staatssecretaris", "staatssecretarissen", "minister-president"}:
            after_office = True
            out.append(word.capitalize())
        elif after_office and word not in small:
            out.append("-".join(part.capitalize() for part in word.split("-")))
        else:
            out.append(word)
    title = " ".join(out)
    return title[:1].upper() + title[1:]


def _split_signature(body: list[Paragraph]) -> tuple[list[Paragraph], list[Author]]:
    """Take the signature off the end of a letter: its role lines ('De Minister van X,') and names,
    role first or name first, so that neither becomes a paragraph of the letter."""
    lines: list[str] = []
    cut = len(body)
    for index in range(len(body) - 1, -1, -1):
        parts = _signature_lines(body[index].text)
        if not parts or not all(_is_role_line(part) or _is_name_line(part) for part in parts):
            break
        cut = index
        lines = parts + lines
    if not any(_is_role_line(line) for line in lines):
        return body, []  # names alone are no signature (a list of names is the letter's text)
    authors: list[Author] = []
    role: str | None = None
    name: str | None = None
    for line in lines:
        if (m := _SIGNATURE_ROLE.match(line)) is not None:
            printed = m.group(1).strip().rstrip(",")
            printed = printed[:1].upper() + printed[1:]
            if name:
                authors.append(Author(name=name, role=printed))
                name = None
            else:
                role = printed
        elif role:
            authors.append(Author(name=line.strip().rstrip(","), role=role))
            role = None
        else:
            name = line.strip().rstrip(",")
    return body[:cut], authors


#: A name may start with a lower-case particle: 'van der Berg', 'ter Horst'.
_PARTICLE_START = r"(?:van|de|der|den|ter|ten|te|het|'t)\s"
_SIGNER_NAME = re.compile(rf"(?:{_PARTICLE_START}+\s*)*[A-Z][\w.'\- ]+")


def _is_role_line(line: str) -> bool:
    return len(line) < 120 and bool(_SIGNATURE_ROLE.match(line)) and not _SENTENCE_INSIDE.search(line)


def _is_name_line(line: str) -> bool:
    """A signer's name: a few capitalised words ('P.J. Kooistra', 'A. de Boer'), no sentence."""
    words = line.rstrip(",").split()
    return (
        0 < len(words) <= 6
        and len(line) < 60
        and bool(_SIGNER_NAME.fullmatch(line.rstrip(",")))
        and not _SENTENCE_INSIDE.search(line)
        and not _SIGNATURE_ROLE.match(line)
        and not is_closing(line)
    )


#: A sentence's end inside a line, or at its end: a word of two letters or more and a full stop
#: (initials, 'S.A.', are no sentence).
_SENTENCE_INSIDE = re.compile(r"\w{3,}[.!?](?:\s|$)")


def _signature_lines(text: str) -> list[str]:
    """Signature paragraphs arrive joined by spaces: split them after each 'Minister van X,' and
    before a role that follows a name ('P.J. Kooistra Minister van Buitenlandse Zaken')."""
    parts = re.split(
        rf"(?<=,)\s+(?=[A-Z]|{_PARTICLE_START})"
        r"|(?<=[\w.])(?<!\b[Dd]e)\s+(?=(?:[Dd]e\s+)?(?:[Mm]inister|[Ss]taatssecretaris)(?:-[Pp]resident)?\s+(?:van|voor)\s)",
        text,
    )
    return [part.strip() for part in parts if part.strip()]


def is_closing(text: str) -> bool:
    return bool(re.match(r"^(?:Hoogachtend|Met vriendelijke groet)\b", text))


def _is_kamerstuk_id(official_id: str | None) -> bool:
    return bool(official_id and official_id.startswith("kst-"))


def _kamerstuk_citation(clean: CleanText) -> str | None:
    """'Kamerstukken II 2020/21, 21 501-02, nr. 2298', when the running footer prints all of it."""
    if clean.furniture.kamerstuk:
        year, dossier, number = clean.furniture.kamerstuk
        return f"Kamerstukken II {year}, {dossier}, nr. {number}"
    return None


_VERGADERJAAR = re.compile(r"^Vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})$", re.IGNORECASE)
_CHAMBER = re.compile(r"^(Tweede|Eerste) Kamer der Staten-Generaal$")
#: The dossier line of a Kamerstuk's head: '21 501-02 Raad Algemene Zaken ...', '36 200-V ...', '35 373'.
_DOSSIER = re.compile(r"^(\d{2})\s?(\d{3})(?:\s*-\s*([A-Z]{1,4}|\d{1,3}))?(?=\s|$)")


def _printed_citation(header: list[Paragraph], number: str | None) -> str | None:
    """'Kamerstukken II 2020/21, 21 501-02, nr. 2298' from what the letter's own head prints (chamber,
    'Vergaderjaar 2020–2021', the dossier line, 'Nr. 2298'), when the running footer that states it
    whole was not copied. Nothing is filled in that is not printed: without all three, None."""
    years: str | None = None
    dossier: str | None = None
    chamber = "II"
    for paragraph in header:
        text = paragraph.text
        if m := _CHAMBER.match(text):
            chamber = "I" if m.group(1) == "Eerste" else "II"
        elif m := _VERGADERJAAR.match(text):
            start, end = int(m.group(1)), int(m.group(2))
            years = f"{start}/{str(end)[2:]}" if end == start + 1 else None
        elif years and dossier is None and (m := _DOSSIER.match(text)):
            dossier = f"{m.group(1)} {m.group(2)}" + (f"-{m.group(3)}" if m.group(3) else "")
    if years and dossier and number:
        return f"Kamerstukken {chamber} {years}, {dossier}, nr. {number}"
    return None


# --- Answers to Kamervragen ---------------------------------------------------------------------


def _is_qa_heading(line: str) -> bool:
    return bool(_QUESTION_HEADING.match(line) or _ANSWER_HEADING.match(line) or _NOTICE_HEADING.match(line))


#: A heading with its question or answer on the same line: 'Vraag 1 Is de minister bekend met …?',
#: 'Antwoord 1, 2 Ja, …' (the text begins with a capital, a quote or a bracket).
_INLINE_HEADING = re.compile(
    rf"^((?:Vra(?:ag|gen)|Antwoord(?:en)?)\s+{_NUMBERS})\s*[.:]?\s+([A-Z„“\"'‘(].*)$", re.DOTALL
)


def _split_inline_headings(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Each heading a paragraph of its own, also where the copy prints the text on the heading's line."""
    split: list[Paragraph] = []
    for paragraph in paragraphs:
        if (m := _INLINE_HEADING.match(paragraph.text)) is not None and _is_qa_heading(m.group(1)):
            split += [Paragraph(text=m.group(1)), replace(paragraph, text=m.group(m.lastindex or 0))]
        else:
            split.append(paragraph)
    return split


def parse_kamervragen(raw: str) -> ParsedDocument:
    clean = clean_document(raw, is_heading=_is_qa_heading)
    clean.paragraphs = _split_inline_headings(clean.paragraphs)
    preamble: list[Paragraph] = []
    questions: dict[int, list[Paragraph]] = {}
    answers: list[tuple[list[int], list[Paragraph]]] = []
    notice: list[Paragraph] = []
    current: list[Paragraph] = preamble

    asked: set[int] = set()  # every number a 'Vraag' heading prints ('Vraag 1, 2' asks both)
    groups: dict[int, list[int]] = {}  # a heading's first number: all the numbers it prints
    for paragraph in clean.paragraphs:
        text = paragraph.text
        if m := _QUESTION_HEADING.match(text):
            first = int(m.group(1))
            groups[first] = _heading_numbers(m)
            asked.update(groups[first])
            current = questions.setdefault(first, [])
            continue
        if m := _ANSWER_HEADING.match(text):
            numbers = _answer_numbers(m, questions, answers)
            current = []
            answers.append((numbers, current))
            continue
        if _NOTICE_HEADING.match(text):
            current = notice
            continue
        current.append(paragraph)

    date, authors, title, qnumber, preamble_rest = _read_preamble(preamble, clean)
    kind = DocumentKind.KAMERVRAGEN
    key = document_key(kind, date, None, qnumber)
    entries: list[Entry] = []
    unmatched: list[Entry] = []
    for numbers, answer_paragraphs in answers:
        question_paragraphs = [p for n in numbers for p in questions.get(n, [])]
        if not answer_paragraphs:
            continue
        if asked and not set(numbers) <= asked:
            # 'Antwoord 2' where the document asks no question 2: misnumbered, so never cited as 'Vraag 2'
            # nor paired with another question; the preview names it and it is left out.
            text = without_glued_markers("\n\n".join(p.text for p in answer_paragraphs))
            unmatched.append(Entry(key=f"{key}/{numbers[0]}", document_key=key, number=numbers[0], text=text))
            continue
        question_text = without_glued_markers("\n\n".join(p.text for p in question_paragraphs)) or None
        footnotes = _footnotes_of(question_paragraphs + answer_paragraphs, clean.footnotes)
        text = without_glued_markers("\n\n".join(p.text for p in answer_paragraphs))
        entries.append(
            Entry(
                key=f"{key}/{numbers[0]}",
                document_key=key,
                number=numbers[0],
                numbers=numbers if len(numbers) > 1 else [],
                question=question_text,
                question_is_official=question_text is not None,
                text=text,
                footnotes=footnotes,
            )
        )
    if not answers and (numbered := committee_entries(key, preamble_rest, clean.footnotes)) is not None:
        # Answers under the question's number alone ('1. Is de minister …?', then the answer): no headings.
        entries = numbered[1]
        asked = {n for p in preamble_rest if (n := _question_number(p.text))}
        groups = {}
        answers = [([e.number], [Paragraph(text=e.text)]) for e in entries]
    ah = clean.furniture.aanhangsel
    official_id = clean.furniture.official_id if (clean.furniture.official_id or "").startswith("ah-") else None
    if ah is None and (row := flat_header_row(_split_header_lines(preamble)) or printed_head_row(raw)) is not None:
        chamber, years, nr = row
        ah = (f"{years[:4]}/{years[6:]}", nr)
        official_id = official_id or f"ah-{chamber}-{years}-{nr}"
        key = document_key(kind, date, None, qnumber) if qnumber else f"{document_key(kind, date, None, None)}-{nr}"
        entries = [e.model_copy(update={"key": f"{key}/{e.number}", "document_key": key}) for e in entries]
        unmatched = [e.model_copy(update={"key": f"{key}/{e.number}", "document_key": key}) for e in unmatched]
    answered = {g for numbers, paragraphs in answers if paragraphs for n in numbers for g in groups.get(n, [n])}
    chamber_label = "I" if (official_id or "").startswith("ah-ek") else "II"
    document = Document(
        key=key,
        kind=kind,
        title=title,
        date=date,
        authors=authors,
        official_id=official_id,
        question_number=qnumber,
        citation=f"Aanhangsel Handelingen {chamber_label} {ah[0]}, nr. {ah[1]}" if ah else None,
        references=references_of(entries, extra=" ".join(p.text for p in preamble_rest + notice)),
        preamble="\n\n".join(p.text for p in notice) or None,
    )
    return ParsedDocument(
        document=document, entries=entries, unmatched=unmatched, unanswered=sorted(asked - answered)
    )


def _heading_numbers(m: re.Match[str]) -> list[int]:
    """The numbers a heading prints: 'Vraag 1, 2' → [1, 2], 'Vraag 2, 3 en 4' → [2, 3, 4],
    'Vraag 3 t/m 5' → [3, 4, 5]."""
    numbers = [int(m.group(1))] + [int(n) for n in re.findall(r"\d+", m.group(2) or "")]
    if m.group(3) and numbers[-1] < int(m.group(3)) <= numbers[-1] + 20:
        numbers += range(numbers[-1] + 1, int(m.group(3)) + 1)
    return list(dict.fromkeys(numbers))


def _answer_numbers(
    m: re.Match[str], questions: dict[int, list[Paragraph]], answers: list[tuple[list[int], list[Paragraph]]]
) -> list[int]:
    """Which questions an 'Antwoord' heading answers: its own numbers, or the questions since the last one."""
    if m.group(1):
        return _heading_numbers(m)
    answered = {n for numbers, _ in answers for n in numbers}
    pending = [n for n in questions if n not in answered]
    return pending or [max(questions, default=0) + 1]


def _read_preamble(
    preamble: list[Paragraph], clean: CleanText
) -> tuple[dt.date | None, list[Author], str, str | None, list[Paragraph]]:
    """Date, answering ministers, title and question number from what precedes the first question."""
    date: dt.date | None = None
    authors: list[Author] = []
    title: str | None = None
    heading: str | None = None
    qnumber: str | None = None
    rest: list[Paragraph] = []
    for paragraph in _split_header_lines(_joined_header_lines(preamble)):
        text = paragraph.text
        if m := QUESTION_NUMBER.search(text):
            qnumber = qnumber or m.group(1)
            if QUESTION_NUMBER.fullmatch(text.strip()):
                continue
        if (m := _ANSWERERS.match(text)) is not None:
            heading = text[: m.end(1)]
            date = parse_date(text[m.start(2) :])
            authors = answerers(m.group(1))
            if m.group(5):  # 'Zie ook …': a reference of the document, not part of who answered
                rest.append(Paragraph(text=m.group(5)))
        elif _ASKERS.match(text):
            title = re.sub(r"\s*\(ingezonden[^)]*\)\.?$", "", text)
        else:
            rest.append(paragraph)
    return date, authors, title or heading or "Antwoord op Kamervragen", qnumber, rest


#: An office named without its holder: 'de Minister van Justitie en Veiligheid', 'de Staatssecretaris
#: voor Rechtsbescherming' (up to a comma, a bracket or the 'en de' before the next office).
_OFFICE = re.compile(
    r"\b(?:[Dd]e\s+)?((?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+[A-Z][^,()]*?)"
    r"(?=\s*(?:[,()]|\ben\s+de\b|$))"
)
_ON_BEHALF = re.compile(r"[(,]?\s*\bmede\s+namens\b", re.IGNORECASE)


def answerers(text: str) -> list[Author]:
    """Who answered, from 'minister Van der Berg (Buitenlandse Zaken), mede namens staatssecretaris
    ter Horst (Justitie en Veiligheid)': each name whole, its particles included. An office answered
    for by name of office only ('mede namens de Minister van Justitie en Veiligheid', or 'Antwoord van
    de Minister van Buitenlandse Zaken') is an author too, named by its office as the text prints it."""
    on_behalf = _ON_BEHALF.search(text)
    parts = [text[: on_behalf.start()], text[on_behalf.end() :]] if on_behalf else [text]
    authors: list[Author] = []
    for part in parts:
        found = [
            Author(name=answerer_name(words), role=role.lower(), ministry=ministry.strip())
            for role, words, ministry in ANSWERER.findall(part)
        ]
        found += [Author(name=office[0].upper() + office[1:]) for office in _OFFICE.findall(ANSWERER.sub(",", part))]
        authors += [author for author in found if author not in authors]
    return authors


def answerer_name(words: str) -> str:
    """The name among the words between a role and its ministry: 'van der Berg' and 'De Jonge' are
    names with their particles; 'van Justitie en Veiligheid F.B.J. Grapperhaus' names the role's
    ministry first, then the person (from the initials, or the last word with its particles)."""
    parts = words.split()
    if len(parts) > 2 and parts[0].lower() in ("van", "voor") and parts[1].lower() not in NAME_PARTICLES:
        for start, part in enumerate(parts[1:], start=1):
            if _INITIALS.match(part):
                return " ".join(parts[start:])
        return Author(name=" ".join(parts[1:])).surname
    return " ".join(parts)


_HEADER_LINE_START = re.compile(
    r"\s+(?=(?:Vragen van (?:het lid|de leden)|Antwoord(?:en)? van)\s)|\s+(?=20\d{2}Z\d{5}\b)|(?<=\b20\d{2}Z\d{5})\s+"
)
#: The header table of the official web page, flattened: '...Tweede Kamer der Staten-Generaal2020-20213341'.
_FLAT_HEADER_ROW = re.compile(
    r"(Tweede|Eerste) Kamer der Staten-Generaal\s*(\d{4})\s*[-–]\s*(\d{4})\s*(\d{1,5}?)\s*(?:" + _DATE + r")?\s*$",
    re.IGNORECASE,
)


_HEADER_LINE = re.compile(r"^(?:Vragen van (?:het lid|de leden)|Antwoord(?:en)? van)\s")


def _joined_header_lines(preamble: list[Paragraph]) -> list[Paragraph]:
    """A 'Vragen van …' or 'Antwoord van …' line a copy broke where a bracket is still open ('… (Justitie
    en' / 'Veiligheid) (ontvangen 16 juli 2021).'), read as a paragraph per line: joined again, so that
    its date and ministers are read (they were lost)."""
    out: list[Paragraph] = []
    for paragraph in preamble:
        previous = out[-1].text if out else ""
        if _HEADER_LINE.match(previous) and previous.count("(") > previous.count(")"):
            out[-1] = replace(out[-1], text=f"{previous} {paragraph.text}", footnotes=out[-1].footnotes + paragraph.footnotes)
        else:
            out.append(paragraph)
    return out


def _split_header_lines(preamble: list[Paragraph]) -> list[Paragraph]:
    """Header lines a dump ran together ('2021Z09999 Vragen van ... Antwoord van ...') as separate paragraphs."""
    out: list[Paragraph] = []
    for paragraph in preamble:
        parts = [part for part in _HEADER_LINE_START.split(paragraph.text) if part and part.strip()]
        if len(parts) == 1:
            out.append(paragraph)
            continue
        for index, part in enumerate(parts):
            out.append(Paragraph(text=part.strip(), footnotes=paragraph.footnotes if index == 0 else []))
    return out


class HeaderRow(NamedTuple):
    """An Aanhangsel's place, from the web page's flattened header table."""

    chamber: str
    """'tk' or 'ek'."""
    years: str
    """The vergaderjaar's digits, '20202021'."""
    number: str


def flat_header_row(paragraphs: list[Paragraph]) -> HeaderRow | None:
    """The chamber, vergaderjaar and number from the web page's flattened header table."""
    for paragraph in paragraphs:
        if m := _FLAT_HEADER_ROW.search(paragraph.text):
            start, end = int(m.group(2)), int(m.group(3))
            if end == start + 1 and m.group(4):
                return HeaderRow("tk" if m.group(1).lower() == "tweede" else "ek", f"{start}{end}", m.group(4))
    return None


_HEAD_SEARCH_LINES = 12


def printed_head_row(raw: str) -> HeaderRow | None:
    """The chamber, vergaderjaar and number from the head the printed Aanhangsel opens with: 'Tweede
    Kamer der Staten-Generaal', 'Vergaderjaar 2023–2024', 'Aanhangsel van de Handelingen' and the
    number on the line after it ('1234'). Read from the first lines only, so a 'Zie ook … nr. 1100'
    further on is never taken for the document's own number; without all of it, None."""
    lines = [line for line in normalise_lines(raw) if line][:_HEAD_SEARCH_LINES]
    chamber = "tk"
    years: str | None = None
    for index, line in enumerate(lines):
        if m := _CHAMBER.match(line):
            chamber = "ek" if m.group(1) == "Eerste" else "tk"
        elif m := _VERGADERJAAR.match(line):
            start, end = int(m.group(1)), int(m.group(2))
            years = f"{start}{end}" if end == start + 1 else None
        elif re.fullmatch(r"Aanhangsel van de Handelingen", line, re.IGNORECASE) and index + 1 < len(lines):
            number = lines[index + 1]
            if years and re.fullmatch(r"\d{1,5}", number):
                return HeaderRow(chamber, years, number)
            return None
    return None


# --- shared -------------------------------------------------------------------------------------


def _entry(key: str, number: int, paragraph: Paragraph, footnotes: dict[int, Footnote]) -> Entry:
    return Entry(
        key=f"{key}/{number}",
        document_key=key,
        number=number,
        text=paragraph.text,
        footnotes=_footnotes_of([paragraph], footnotes),
    )


def _footnotes_of(paragraphs: list[Paragraph], footnotes: dict[int, Footnote]) -> list[Footnote]:
    numbers = [n for p in paragraphs for n in p.footnotes]
    return [footnotes[n] for n in dict.fromkeys(numbers) if n in footnotes]


def references_of(entries: list[Entry], extra: str = "") -> list[str]:
    """Every parliamentary document the entries (and `extra` text) cite, in order, each once."""
    found = find_references(extra)
    for entry in entries:
        found += [r for r in entry_references(entry.question, entry.text) if r not in found]
    return found
