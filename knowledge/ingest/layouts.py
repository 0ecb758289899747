"""Layouts of official texts other than the PDF dump: pages republished by OpenKamer and the like.

A republished page states in header lines what the PDF prints in its head ("Kamervraag 2021Z10926",
"Beantwoord 16 juli 2021", "Beantwoord door ...", "Bron antwoord <url>"), and lists each question as
"• Vraag 1" followed by the question and the answer as paragraphs, without an "Antwoord" heading.
Its text is unwrapped (one paragraph a line), so every non-empty line is a paragraph.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from knowledge.ingest.cleaning import extract_footnotes, normalise_lines, take_markers
from knowledge.ingest.parsing import QuestionsWithoutAnswers, document_key, parse_date, references_of
from knowledge.models import Author, Document, DocumentKind, Entry, Footnote, ParsedDocument

_REPUBLISHED_HEAD = re.compile(r"^\s*Kamervraag\s+(20\d{2}Z\d{5})\s*$", re.MULTILINE)
_BULLET_QUESTION = re.compile(r"^[•·▪*-]?\s*Vraag\s+(\d{1,3})\s*:?$", re.IGNORECASE)
_ANSWER_HEADING = re.compile(r"^[•·▪*-]?\s*Antwoord(?:\s+\d{1,3})?\s*:?$", re.IGNORECASE)
_ANSWER_URL = re.compile(r"https?://\S*?\b(ah-(tk|ek)-(\d{4})(\d{4})-(\d{1,6}))\b\S*")
_ANSWERED_BY_PERSON = re.compile(
    r"([^,()]+?)\s*\(\s*((?:minister-president|minister|staatssecretaris)\b[^()]*)\)(?:\s*\([^()]*\))?", re.IGNORECASE
)
_SMALL_WORDS = {"van", "voor", "en", "de", "het", "der"}
_OFFICIAL_HOSTS = ("zoek.officielebekendmakingen.nl", "officielebekendmakingen.nl", "www.officielebekendmakingen.nl")


def is_republished_page(raw: str) -> bool:
    """A 'Kamervraag 2021Z…' header line and '• Vraag 1' items: the OpenKamer layout."""
    return bool(_REPUBLISHED_HEAD.search(raw)) and bool(re.search(r"^\s*•\s*Vraag\s+\d", raw, re.MULTILINE))


def parse_republished_page(raw: str) -> ParsedDocument:
    marked, footnotes = extract_footnotes(normalise_lines(raw), is_heading=lambda line: bool(_BULLET_QUESTION.match(line)))
    lines = [line for line in marked if line]
    header: dict[str, str] = {}
    title: str | None = None
    items: list[tuple[int, list[str]]] = []
    cited: dict[int, list[int]] = {}  # each item's footnote numbers, in the order its text cites them
    for line in lines:
        if m := _BULLET_QUESTION.match(line):
            items.append((int(m.group(1)), []))
            continue
        if items:
            text, numbers = take_markers(line)
            items[-1][1].append(text)
            cited.setdefault(len(items) - 1, []).extend(numbers)
            continue
        field, _, value = line.partition(" ")
        for name in (
            "Kamervraag",
            "Ingediend",
            "Beantwoord door",
            "Beantwoord",
            "Indiener",
            "Bron vraag",
            "Bron antwoord",
        ):
            if line.startswith(name + " "):
                header.setdefault(name, line[len(name) :].strip())
                break
        else:
            title = title or line
    if "Beantwoord" not in header and "Beantwoord door" not in header:
        raise QuestionsWithoutAnswers()
    date = parse_date(header.get("Beantwoord", ""))
    qnumber = header.get("Kamervraag", "").split()[0] if header.get("Kamervraag") else None
    official_id, citation, url = _answer_source(header.get("Bron antwoord", ""))
    kind = DocumentKind.KAMERVRAGEN
    key = document_key(kind, date, None, qnumber)
    read = [
        (number, _item_entry(key, number, paragraphs, [footnotes[n] for n in cited.get(i, []) if n in footnotes]))
        for i, (number, paragraphs) in enumerate(items)
    ]
    entries = [e for _, e in read if e is not None]
    if items and not entries:
        raise QuestionsWithoutAnswers()
    shown_title = title or "Antwoord op Kamervragen"
    document = Document(
        key=key,
        kind=kind,
        title=shown_title,
        subject=f"{title} (vragen van {header['Indiener']})" if title and header.get("Indiener") else title,
        date=date,
        authors=_answerers(header.get("Beantwoord door", "")),
        question_number=qnumber,
        official_id=official_id,
        citation=citation,
        url=url,
        references=references_of(entries),
    )
    return ParsedDocument(document=document, entries=entries, unanswered=[n for n, e in read if e is None])


def _item_entry(key: str, number: int, paragraphs: list[str], footnotes: list[Footnote]) -> Entry | None:
    """The question is the paragraphs up to the first that ends in '?' (or the first) and the follow-up
    questions right after it; the rest answers it."""
    heading = next((i for i, p in enumerate(paragraphs) if _ANSWER_HEADING.match(p)), None)
    if heading is not None:  # a page that does print 'Antwoord 1' after all
        question, answer = paragraphs[:heading], paragraphs[heading + 1 :]
        if not question or not answer:
            return None
        paragraphs, split = question + answer, len(question)
    elif len(paragraphs) < 2:
        return None
    else:
        split = next((i + 1 for i, p in enumerate(paragraphs) if p.rstrip().endswith("?")), 1)
        # The MP's follow-ups ('Zo ja, wat is uw reactie daarop?') are the question's, not the answer's,
        # as long as a paragraph is left to answer it.
        while split + 1 < len(paragraphs) and _asks_on(paragraphs[split]):
            split += 1
    if split >= len(paragraphs):
        return None
    return Entry(
        key=f"{key}/{number}",
        document_key=key,
        number=number,
        question="\n\n".join(paragraphs[:split]),
        question_is_official=True,
        text="\n\n".join(paragraphs[split:]),
        footnotes=footnotes,
    )


_FOLLOW_UP = re.compile(r"^(?:zo|indien|als)\s+(?:ja|nee|neen|niet|dat\s+(?:zo|niet)\s+is)\b", re.IGNORECASE)


def _asks_on(paragraph: str) -> bool:
    """A paragraph that goes on with the question: it asks ('…?') or is a follow-up ('Zo ja, …', 'Zo nee, …')."""
    text = paragraph.strip()
    return text.endswith("?") or bool(_FOLLOW_UP.match(text))


class _AnswerSource(NamedTuple):
    """Where the answers are published officially; all None without an official address."""

    official_id: str | None = None
    citation: str | None = None
    url: str | None = None


def _answer_source(value: str) -> _AnswerSource:
    """Official id, citation and link of the answers, from an official address only."""
    m = _ANSWER_URL.search(value)
    if not m or not any(f"//{host}/" in m.group(0) for host in _OFFICIAL_HOSTS):
        return _AnswerSource()
    official_id, chamber, start, end, number = m.groups()
    if int(end) != int(start) + 1:
        return _AnswerSource()
    citation = f"Aanhangsel Handelingen {'II' if chamber == 'tk' else 'I'} {start}/{end[2:]}, nr. {number}"
    return _AnswerSource(official_id, citation, f"https://zoek.officielebekendmakingen.nl/{official_id}.html")


def _answerers(value: str) -> list[Author]:
    """'Ankie Broekers-Knol (staatssecretaris justitie en veiligheid) (VVD)' → name, role and ministry."""
    authors = []
    for name, office in _ANSWERED_BY_PERSON.findall(value):
        role, _, ministry = office.strip().partition(" ")
        ministry = re.sub(r"^(?:van|voor)\s+", "", ministry.strip(), flags=re.IGNORECASE)
        authors.append(
            Author(
                name=name.strip(" ,").removeprefix("en ").strip(),
                role=role.lower(),
                ministry=_ministry_case(ministry) or None,
            )
        )
    return authors


def _ministry_case(text: str) -> str:
    """'justitie en veiligheid' → 'Justitie en Veiligheid', as the official texts write ministries."""
    words = text.split()
    return " ".join(w if w.lower() in _SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(words))
