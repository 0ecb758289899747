"""The official XML of zoek.officielebekendmakingen.nl read by its structure: a Kamerstuk (a letter)
or an Aanhangsel (answers to Kamervragen), with the identifiers the XML states (dossier, number,
question number, session). Untrusted input: no DOCTYPE, a bounded depth, every failure a
DocumentRejected with a reason a moderator can act on."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from knowledge.ingest.cleaning import Paragraph
from knowledge.ingest.parsing import (
    ADDRESSEE,
    PLACE_DATE,
    QUESTION_NUMBER,
    SALUTATION,
    answerers,
    committee_entries,
    document_key,
    is_closing,
    parse_date,
    references_of,
    title_from_caps,
)
from knowledge.ingest.rejections import DocumentRejected, QuestionsOnly
from knowledge.models import (
    MAX_ENTRY_TEXT,
    MAX_QUESTION_TEXT,
    Author,
    Document,
    DocumentKind,
    Entry,
    Footnote,
    ParsedDocument,
)
from knowledge.reasons import Reason

#: Deepest element nesting accepted in XML; the official XML stays far below it.
MAX_XML_DEPTH = 100


# --- official XML: reading the tree -------------------------------------------------------------


class _NoDoctype(ET.TreeBuilder):
    """Refuses a DOCTYPE in any encoding: entity declarations only live there (no billion laughs, no XXE)."""

    def doctype(self, name: str, pubid: str, system: str) -> None:
        raise DocumentRejected(Reason.XML_WITH_DOCTYPE)


def parse_xml(data: bytes) -> ET.Element:
    """A parsed tree of an upload, refusing DTDs and entities (defusedxml's rules without the dependency)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocumentRejected(Reason.XML_WITH_DOCTYPE)
    parser = ET.XMLParser(target=_NoDoctype())
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise DocumentRejected(Reason.XML_NOT_WELL_FORMED, line=line, column=column) from None
    if _depth(root) > MAX_XML_DEPTH:
        raise DocumentRejected(Reason.XML_TOO_DEEP, limit=MAX_XML_DEPTH)
    return root


def _depth(root: ET.Element) -> int:
    """How deeply elements nest, counted without recursion (the readers below recurse)."""
    deepest, level = 0, [(root, 1)]
    while level:
        element, depth = level.pop()
        deepest = max(deepest, depth)
        level.extend((child, depth + 1) for child in element)
    return deepest


def _local(element: ET.Element) -> str:
    """The tag without its namespace: the official XML comes with a default namespace or none."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child) == name]


def _find(element: ET.Element, name: str, skip: Iterable[str] = ()) -> Iterator[ET.Element]:
    """Descendants called `name` in document order, without looking inside them or inside `skip`."""
    skipped = frozenset(skip)
    for child in element:
        local = _local(child)
        if local == name:
            yield child
        elif local not in skipped:
            yield from _find(child, name, skipped)


def _first(element: ET.Element | None, name: str, skip: Iterable[str] = ()) -> ET.Element | None:
    return next(_find(element, name, skip), None) if element is not None else None


_NOTE_TAGS = frozenset({"noot", "nootref", "noot.nr", "nootnr"})


def _pieces(element: ET.Element) -> Iterator[str]:
    """The element's text in order, leaving out footnotes (their markers do not belong in the text)."""
    if element.text:
        yield element.text
    for child in element:
        if _local(child) not in _NOTE_TAGS:
            yield from _pieces(child)
        if child.tail:
            yield child.tail


def _text(element: ET.Element | None) -> str:
    """Text of an element with whitespace collapsed to single spaces; '' for no element."""
    return " ".join("".join(_pieces(element)).split()) if element is not None else ""


def _words(element: ET.Element) -> str:
    """Text of an element whose parts are separate words (a name: voornaam, achternaam)."""
    return " ".join(" ".join(element.itertext()).split())


def metadata_of(root: ET.Element) -> dict[str, str]:
    """`meta` (inside the publication) or `metadata` (metadata.xml) name/content pairs; the first one wins."""
    found: dict[str, str] = {}
    for element in root.iter():
        name, content = element.get("name"), element.get("content")
        if _local(element) in {"meta", "metadata"} and name and content and content.strip():
            found.setdefault(name, " ".join(content.split()))
    return found


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _first_date(*candidates: dt.date | None) -> dt.date | None:
    return next((date for date in candidates if date is not None), None)


# --- official XML: what both shapes share -------------------------------------------------------


@dataclass(frozen=True)
class _Session:
    """A parliamentary year, e.g. 2020-2021, with the chamber ('II' is the Tweede Kamer)."""

    start: int
    chamber: str = "II"

    def label(self) -> str:
        """'2020/21', as citations print it."""
        return f"{self.start}/{(self.start + 1) % 100:02d}"

    def digits(self) -> str:
        """'20202021', as official ids print it."""
        return f"{self.start}{self.start + 1}"


_YEARS = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4}|\d{2})\b")
_YEARS_AFTER_WORD = re.compile(r"vergaderjaar\s+" + _YEARS.pattern, re.IGNORECASE)


def _session(head: ET.Element | None, meta: dict[str, str]) -> _Session | None:
    """The vergaderjaar from the metadata or the printed head, only when its two years follow each other."""
    chamber = "I" if "Eerste Kamer" in " ".join(head.itertext() if head is not None else ()) else "II"
    candidates = [(_YEARS, meta.get("OVERHEIDop.vergaderjaar", ""))]
    if head is not None:
        for element in head.iter():
            if _local(element) == "vergaderjaar" or element.get("inhoud") == "vergaderjaar":
                candidates.append((_YEARS, _text(element)))
        candidates.append((_YEARS_AFTER_WORD, _text(head)))
    for pattern, text in candidates:
        if m := pattern.search(text):
            start, end = int(m.group(1)), int(m.group(2))
            if end % 100 == (start + 1) % 100:
                return _Session(start=start, chamber=chamber)
    return None


def _signatories(signatures: Iterable[ET.Element]) -> list[Author]:
    """Authors from `ondertekening`: 'De Minister van X,' followed by a `naam`, any number of times."""
    authors: list[Author] = []
    for signature in signatures:
        for author in _signature_authors(signature):
            if author not in authors:
                authors.append(author)
    return authors


def _signature_authors(signature: ET.Element) -> list[Author]:
    """Each `naam` signs with the role written before it: `functie`, `organisatie` and loose text."""
    if not _children(signature, "naam"):
        return _signature_without_names(signature)
    authors: list[Author] = []
    role_parts: list[str] = [signature.text or ""]
    for child in signature:
        if _local(child) == "naam":
            name = _words(child).strip(" ,")
            if name:
                authors.append(Author(name=name, role=_role(role_parts)))
            role_parts = []
        else:
            role_parts.append(_words(child))
        role_parts.append(child.tail or "")
    return authors


def _signature_without_names(signature: ET.Element) -> list[Author]:
    """A signature written as lines (`al`, `functie`): the role lines, then the name on the last one."""
    lines = [line for child in signature if (line := _words(child))]
    if len(lines) < 2:
        return []
    name = lines[-1].strip(" ,")
    return [Author(name=name, role=_role(lines[:-1]))] if name else []


def _role(parts: list[str]) -> str | None:
    """'De Minister van Buitenlandse Zaken,' → 'Minister van Buitenlandse Zaken' (as the text parser has it)."""
    role = re.sub(r"\s+([,.;])", r"\1", " ".join(" ".join(parts).split())).strip(" ,")
    role = re.sub(r"^(?:De|de)\s+", "", role)
    return role or None


def _is_voet(note: ET.Element) -> bool:
    return note.get("type", "voet") == "voet"


@dataclass
class _Notes:
    """The document's footnotes, numbered as printed (or by order when the number is missing)."""

    by_id: dict[str, ET.Element] = field(default_factory=dict)
    order: list[ET.Element] = field(default_factory=list)

    @classmethod
    def of(cls, root: ET.Element) -> _Notes:
        notes = cls()
        for element in root.iter():
            if _local(element) == "noot" and _is_voet(element):
                notes.order.append(element)
                if element.get("id"):
                    notes.by_id[element.get("id", "")] = element
        return notes

    def of_paragraph(self, paragraph: ET.Element) -> list[Footnote]:
        """Footnotes whose marker stands in this paragraph: inline `noot`, or a `nootref` to one elsewhere."""
        found: list[Footnote] = []
        for element in paragraph.iter():
            local = _local(element)
            note = element if local == "noot" and _is_voet(element) else None
            if local == "nootref":
                note = self.by_id.get(element.get("refid") or element.get("ref") or "")
            if note is not None:
                footnote = self._footnote(note)
                if footnote.number not in {f.number for f in found}:
                    found.append(footnote)
        return found

    def _footnote(self, note: ET.Element) -> Footnote:
        number_element = next((c for c in note if _local(c) in {"noot.nr", "nootnr"}), None)
        digits = re.search(r"\d+", _words(number_element) if number_element is not None else "")
        number = int(digits.group(0)) if digits else self._position(note)
        paragraphs = [_text(c) for c in note if _local(c) in {"noot.al", "al"}]
        text = " ".join(p for p in paragraphs if p) or _text(note)
        url = _note_url(note, text)
        bare = " ".join(re.sub(r"https?://\S+", "", text).split()).rstrip(" ,;:")
        return Footnote(number=number, text=bare or text, url=url)

    def _position(self, note: ET.Element) -> int:
        return next((i for i, n in enumerate(self.order, start=1) if n is note), 0)


def _note_url(note: ET.Element, text: str) -> str | None:
    """The footnote's link: an `extref` to a web address, else an address written in its text."""
    for element in note.iter():
        target = (element.get("doc") or "").strip()
        if _local(element) == "extref" and re.match(r"^https?://[^\s<>\"]+$", target):
            return target
    m = re.search(r"https?://[^\s<>\"]+", text)
    return m.group(0).rstrip(".,;)") if m else None


def _paragraphs(element: ET.Element, skip: frozenset[str]) -> Iterator[tuple[ET.Element, str]]:
    """Every `al` below the element outside `skip`, with the label of the list item it opens ('1.', '–')."""
    label = _text(next((c for c in element if _local(c) == "li.nr"), None)) if _local(element) == "li" else ""
    for child in element:
        local = _local(child)
        if local == "al":
            yield child, label
            label = ""
        elif local not in skip:
            yield from _paragraphs(child, skip)


def _paragraph_text(paragraph: ET.Element, label: str) -> str:
    text = _text(paragraph)
    return f"{label} {text}" if label and text else text


def _checked_text(text: str, too_long: Reason, number: int | str) -> str:
    if len(text) > MAX_ENTRY_TEXT:
        raise DocumentRejected(too_long, number=number, limit=MAX_ENTRY_TEXT)
    return text


# --- official XML: the shapes -------------------------------------------------------------------


def read_official_xml(data: bytes, extra_metadata: dict[str, str] | None = None) -> ParsedDocument:
    """A Kamerstuk (a letter) or an Aanhangsel (answers to Kamervragen) from its official XML."""
    root = parse_xml(data)
    meta = {**(extra_metadata or {}), **metadata_of(root)}
    for element in root.iter():
        if _local(element) == "kamerstuk":
            return _read_kamerstuk(element, meta)
        if _local(element) == "kamervragen":
            return _read_kamervragen(element, meta)
    raise DocumentRejected(Reason.NOT_OFFICIAL_XML)


# Parts of a Kamerstuk that are not its body: head, title, date line, signature, footnotes, tables.
_KAMERSTUK_SKIP = frozenset(
    {"kamerstukkop", "dossier", "stuknr", "titel", "datumtekst", "ondertekening", "tekst-sluiting",
     "noot", "kop", "table", "metadata", "meta"}
)


def _read_kamerstuk(kamerstuk: ET.Element, meta: dict[str, str]) -> ParsedDocument:
    """One entry per body paragraph; number, official id and citation only as far as the XML states them."""
    stuk = _first(kamerstuk, "stuk")
    stuk = kamerstuk if stuk is None else stuk
    dossier = _text(_first(kamerstuk, "dossiernr")) or _first_value(meta.get("OVERHEIDop.dossiernummer"))
    number = _printed_number(_text(_first(stuk, "ondernummer")) or meta.get("OVERHEIDop.ondernummer", ""))
    session = _session(_first(kamerstuk, "kamerstukkop"), meta)
    notes = _Notes.of(kamerstuk)

    date: dt.date | None = _iso_date(_date_attribute(_first(stuk, "datumtekst")))
    body: list[tuple[str, list[Footnote], str]] = []
    for paragraph, label in _paragraphs(stuk, _KAMERSTUK_SKIP | {"vraag", "antwoord"}):
        text = _paragraph_text(paragraph, label)
        if PLACE_DATE.match(text):
            date = date or parse_date(text)
        elif text and not _is_letter_furniture(text):
            body.append((text, notes.of_paragraph(paragraph), label))
    pairs, asked = _pairs(stuk)
    if asked and not pairs:
        raise QuestionsOnly(Reason.XML_QUESTIONS_ONLY)
    date = _first_date(
        date,
        parse_date(_text(_first(stuk, "datumtekst"))),
        _iso_date(meta.get("OVERHEIDop.datumBrief")),
        _iso_date(meta.get("OVERHEIDop.datumOntvangst")),
        _iso_date(meta.get("DCTERMS.issued")),
    )
    if not body and not pairs:
        raise DocumentRejected(Reason.XML_NO_PARAGRAPHS)

    kind = DocumentKind.KAMERBRIEF
    key = document_key(kind, date, number, None)
    preamble, entries = _kamerstuk_entries(key, body, pairs, notes)
    if not entries:
        raise DocumentRejected(Reason.XML_NO_PARAGRAPHS)
    document = Document(
        key=key,
        kind=kind,
        title=_kamerstuk_title(stuk, meta),
        subject=_text(_first(_first(kamerstuk, "dossier"), "titel")) or None,
        date=date,
        authors=_signatories(_find(kamerstuk, "ondertekening", skip={"noot"})),
        number=number,
        official_id=_kamerstuk_id(dossier, number, meta),
        citation=_kamerstuk_citation(session, dossier, number),
        references=references_of(entries, extra=preamble or ""),
        preamble=preamble,
    )
    return ParsedDocument(document=document, entries=entries)


def _kamerstuk_entries(
    key: str, body: list[tuple[str, list[Footnote], str]], pairs: list[_Pair], notes: _Notes
) -> tuple[str | None, list[Entry]]:
    """A letter answering a committee's questions gives one entry per question (`vraag`/`antwoord`, or
    numbered paragraphs and list items as the text importer reads them), the committee's question as
    its official question; any other letter one entry per body paragraph."""
    introduction = "\n\n".join(text for text, _, _ in body) or None
    if pairs:
        answered = [entry for pair in pairs if (entry := _pair_entry(key, pair, notes)) is not None]
        if answered:
            return introduction, answered
    footnotes = {f.number: f for _, refs, _ in body for f in refs}
    paragraphs = [
        Paragraph(text=_numbered_label(text, label), footnotes=[f.number for f in refs]) for text, refs, label in body
    ]
    if (committee := committee_entries(key, paragraphs, footnotes)) is not None:
        preamble, entries = committee
        for entry in entries:
            _checked_text(entry.text, Reason.XML_PARAGRAPH_TOO_LONG, entry.number)
        return preamble, entries
    return None, [
        Entry(
            key=f"{key}/{n}",
            document_key=key,
            number=n,
            text=_checked_text(text, Reason.XML_PARAGRAPH_TOO_LONG, n),
            footnotes=refs,
        )
        for n, (text, refs, _) in enumerate(body, start=1)
    ]


def _numbered_label(text: str, label: str) -> str:
    """A list item numbered '1' or '1)' reads as '1.' does, the way the text importer knows a committee's question."""
    if m := re.fullmatch(r"(\d{1,3})[.)]?", label.strip()):
        return f"{m.group(1)}.{text[len(label):]}"
    return text


def _first_value(value: str | None) -> str:
    """Metadata may list several values ('a|b', 'a;b'); the first one is the document's own."""
    return re.split(r"[|;]", value or "")[0].strip()


def _printed_number(value: str) -> str | None:
    """'2298' (or '12a'); anything else is not a number we can put in a key."""
    value = value.strip()
    return value.lower() if re.fullmatch(r"\d{1,6}[a-zA-Z]?", value) else None


def _date_attribute(element: ET.Element | None) -> str | None:
    date = _first(element, "datum") if element is not None else None
    return date.get("isodatum") if date is not None else None


def _is_letter_furniture(text: str) -> bool:
    """Addressee, salutation and closing of a letter: printed, but not what the letter says."""
    return bool(ADDRESSEE.match(text) or SALUTATION.match(text) or is_closing(text))


def _kamerstuk_title(stuk: ET.Element, meta: dict[str, str]) -> str:
    """'BRIEF VAN DE MINISTER VAN ...' in the same case the text parser gives it."""
    title = _text(next(iter(_children(stuk, "titel")), None)) or meta.get("DC.title", "")
    if title and title.upper() == title:
        return title_from_caps(title)
    return title or "Brief"


def _dossier_id(dossier: str) -> str | None:
    """'21 501-02' → '21501-02', '36 200 V' → '36200-V': the dossier as official ids spell it."""
    joined = re.sub(r"(?<=\d)\s+(?=\d)", "", dossier.strip())
    joined = re.sub(r"\s+", "-", joined)
    return joined if re.fullmatch(r"\d[0-9A-Za-z-]*", joined) else None


def _dossier_label(dossier: str) -> str:
    """'21501-02' → '21 501-02', as citations print a dossier number."""
    return re.sub(r"^(\d{2})\s?(\d{3})(?!\d)", r"\1 \2", dossier.strip())


def _kamerstuk_id(dossier: str, number: str | None, meta: dict[str, str]) -> str | None:
    """kst-<dossier>-<number> from the XML itself, else the metadata's own identifier; never guessed."""
    dossier_id = _dossier_id(dossier) if dossier else None
    if dossier_id and number:
        return f"kst-{dossier_id}-{number}"
    identifier = meta.get("DC.identifier", "")
    return identifier if re.fullmatch(r"kst-[0-9A-Za-z-]+", identifier) else None


def _kamerstuk_citation(session: _Session | None, dossier: str, number: str | None) -> str | None:
    if session and dossier and number:
        return f"Kamerstukken {session.chamber} {session.label()}, {_dossier_label(dossier)}, nr. {number}"
    return None


# Parts of an Aanhangsel outside the questions and answers.
_KAMERVRAGEN_SKIP = frozenset({"noot", "nr", "table", "metadata", "meta"})
_RECEIVED = re.compile(r"\bontvangen\s+(.*)", re.IGNORECASE)
_ANSWERED_BY = re.compile(r"\bAntwoord(?:en)?\s+van\s+(.+?)(?:\s*\(ontvangen\b|$)", re.IGNORECASE)


@dataclass
class _Pair:
    """One entry of an Aanhangsel: the questions an answer covers, and the answer."""

    numbers: list[int]
    questions: list[ET.Element]
    answers: list[ET.Element]


def _read_kamervragen(kamervragen: ET.Element, meta: dict[str, str]) -> ParsedDocument:
    """One entry per answer, with the official question(s) it answers."""
    descriptions = [_text(e) for e in _find(kamervragen, "kamervraagomschrijving", skip={"noot"})]
    pairs, asked = _pairs(kamervragen)
    if not pairs:
        if _first(kamervragen, "vraag") is not None:
            raise QuestionsOnly(Reason.XML_QUESTIONS_ONLY)
        raise DocumentRejected(Reason.XML_NO_PAIRS)
    qnumber = _kamervraag_number(kamervragen, meta, descriptions)
    date = _kamervragen_date(kamervragen, meta, descriptions)
    kind = DocumentKind.KAMERVRAGEN
    key = document_key(kind, date, None, qnumber)
    notes = _Notes.of(kamervragen)
    read = [(pair, entry) for pair in pairs if (entry := _pair_entry(key, pair, notes)) is not None]
    if not read:
        raise DocumentRejected(Reason.XML_EMPTY_ANSWERS)
    # An answer numbered as no question is (misnumbered) is left out and named, as the text importer does.
    entries = [entry for pair, entry in read if not asked or set(pair.numbers) <= asked]
    unmatched = [
        entry.model_copy(update={"question": None, "question_is_official": False, "numbers": []})
        for pair, entry in read
        if asked and not set(pair.numbers) <= asked
    ]
    answered = {n for pair, _ in read for n in pair.numbers}
    if not entries:
        raise DocumentRejected(Reason.XML_NO_PAIRS)
    session = _session(_first(kamervragen, "kamervraagkop"), meta)
    notice = "\n\n".join(t for e in _find(kamervragen, "kamervraagopmerking") if (t := _text(e)))
    document = Document(
        key=key,
        kind=kind,
        title=_kamervragen_title(descriptions, meta),
        subject=_text(_first(kamervragen, "kamervraagonderwerp")) or None,
        date=date,
        authors=_answerers(kamervragen, descriptions),
        question_number=qnumber,
        official_id=_aanhangsel_id(session, meta),
        citation=_aanhangsel_citation(session, meta),
        references=references_of(entries, extra=" ".join(descriptions + [notice])),
        preamble=notice or None,
    )
    return ParsedDocument(document=document, entries=entries, unmatched=unmatched, unanswered=sorted(asked - answered))


def _pairs(kamervragen: ET.Element) -> tuple[list[_Pair], set[int]]:
    """Answers with the questions they cover ('Antwoord 7 en 8' covers questions 7 and 8), and the
    numbers of every question asked."""
    questions: dict[int, list[ET.Element]] = {}
    pairs: dict[int, _Pair] = {}
    for element in kamervragen.iter():
        local = _local(element)
        if local == "vraag":
            numbers = _label_numbers(element) or [max(questions, default=0) + 1]
            for number in numbers:
                questions.setdefault(number, []).append(element)
        elif local == "antwoord":
            numbers = _label_numbers(element) or _pending(questions, pairs)
            if numbers[0] in pairs:  # a second answer under the same number: keep it with the first
                pairs[numbers[0]].answers.append(element)
                continue
            asked = [q for n in numbers for q in questions.get(n, [])]
            pairs[numbers[0]] = _Pair(numbers=numbers, questions=list(dict.fromkeys(asked)), answers=[element])
    return list(pairs.values()), set(questions)


def _label_numbers(element: ET.Element) -> list[int]:
    """Numbers of a `nr` label: 'Vraag 2', 'Antwoord 7 en 8', 'Antwoord 3 t/m 5'."""
    label = _text(next(iter(_children(element, "nr")), None))
    if m := re.search(r"(\d+)\s*(?:t/m|tot en met|-|–)\s*(\d+)", label):
        first, last = int(m.group(1)), int(m.group(2))
        numbers = list(range(first, last + 1)) if 0 < last - first < 50 else [first]
    else:
        numbers = [int(n) for n in re.findall(r"\d+", label)]
    return list(dict.fromkeys(n for n in numbers if 1 <= n <= 9999))


def _pending(questions: dict[int, list[ET.Element]], pairs: dict[int, _Pair]) -> list[int]:
    """An unnumbered answer answers the questions asked since the last answer."""
    answered = {n for pair in pairs.values() for n in pair.numbers}
    pending = [n for n in questions if n not in answered]
    return pending or [max(list(questions) + list(answered), default=0) + 1]


def _pair_entry(key: str, pair: _Pair, notes: _Notes) -> Entry | None:
    question_paragraphs = [p for q in pair.questions for p in _paragraphs(q, _KAMERVRAGEN_SKIP)]
    answer_paragraphs = [p for a in pair.answers for p in _paragraphs(a, _KAMERVRAGEN_SKIP)]
    answer = "\n\n".join(t for p, label in answer_paragraphs if (t := _paragraph_text(p, label)))
    if not answer:
        return None
    question = "\n\n".join(t for p, label in question_paragraphs if (t := _paragraph_text(p, label))) or None
    footnotes: list[Footnote] = []
    for paragraph, _ in question_paragraphs + answer_paragraphs:
        footnotes += [f for f in notes.of_paragraph(paragraph) if f.number not in {g.number for g in footnotes}]
    number = pair.numbers[0]
    return Entry(
        key=f"{key}/{number}",
        document_key=key,
        number=number,
        numbers=pair.numbers if len(pair.numbers) > 1 else [],
        question=_fit_question(question) if question else None,
        question_is_official=question is not None,
        text=_checked_text(answer, Reason.XML_ANSWER_TOO_LONG, number),
        footnotes=footnotes,
    )


def _fit_question(text: str) -> str:
    """Questions longer than a stored question may be are cut at a word, visibly (the answer stays whole)."""
    if len(text) <= MAX_QUESTION_TEXT:
        return text
    return text[: MAX_QUESTION_TEXT - 2].rsplit(" ", 1)[0] + " …"


def _kamervraag_number(kamervragen: ET.Element, meta: dict[str, str], descriptions: list[str]) -> str | None:
    """The question number (2021Z09578) as printed in the XML or its metadata."""
    for text in [_text(_first(kamervragen, "kamervraagnummer")), meta.get("OVERHEIDop.vraagnummer", ""), *descriptions]:
        if m := QUESTION_NUMBER.search(text):
            return m.group(1)
    return None


def _kamervragen_date(kamervragen: ET.Element, meta: dict[str, str], descriptions: list[str]) -> dt.date | None:
    """The date the answers were received: 'ontvangen <date>', a datum[@isodatum] outside the questions, metadata."""
    received = [parse_date(m.group(1)) for d in descriptions if (m := _RECEIVED.search(d))]
    stated = [
        _iso_date(e.get("isodatum"))
        for container in _head_and_answer_descriptions(kamervragen)
        for e in container.iter()
        if _local(e) == "datum"
    ]
    return _first_date(
        *received,
        *stated,
        _iso_date(meta.get("OVERHEIDop.datumOntvangst")),
        _iso_date(meta.get("DCTERMS.issued")),
    )


def _head_and_answer_descriptions(kamervragen: ET.Element) -> list[ET.Element]:
    """Where the answers' date may stand: the head, and descriptions other than 'Vragen van ... (ingezonden ...)'."""
    head = [e for e in [_first(kamervragen, "kamervraagkop")] if e is not None]
    descriptions = [
        e for e in _find(kamervragen, "kamervraagomschrijving", skip={"noot"}) if "ingezonden" not in _text(e).lower()
    ]
    return head + descriptions


def _answerers(kamervragen: ET.Element, descriptions: list[str]) -> list[Author]:
    """Who answered: a signature outside the questions and answers, else 'Antwoord van minister X (Ministry)'."""
    if authors := _signatories(_find(kamervragen, "ondertekening", skip={"noot", "vraag", "antwoord"})):
        return authors
    for description in descriptions:
        if m := _ANSWERED_BY.search(description):
            if found := answerers(m.group(1)):
                return found
    return []


def _kamervragen_title(descriptions: list[str], meta: dict[str, str]) -> str:
    """'Vragen van het lid X aan de minister ... over ...', without the date it was sent in."""
    for description in descriptions:
        if description.lower().startswith("vragen van"):
            return re.sub(r"\s*\(ingezonden[^)]*\)\.?$", "", description).strip()
    return meta.get("DC.title") or "Antwoord op Kamervragen"


_AANHANGSEL_ID = re.compile(r"^ah-(tk|ek)-(\d{4})(\d{4})-(\d{1,6})$")


def _aanhangsel_number(session: _Session | None, meta: dict[str, str]) -> tuple[_Session, str] | None:
    """(vergaderjaar, nr) from the metadata's identifier, or its Aanhangsel number with the vergaderjaar."""
    if m := _AANHANGSEL_ID.match(meta.get("DC.identifier", "")):
        return _Session(start=int(m.group(2)), chamber="I" if m.group(1) == "ek" else "II"), m.group(4)
    number = meta.get("OVERHEIDop.aanhangselNummer", "").strip()
    if session and re.fullmatch(r"\d{1,6}", number):
        return session, number
    return None


def _aanhangsel_id(session: _Session | None, meta: dict[str, str]) -> str | None:
    found = _aanhangsel_number(session, meta)
    if not found:
        return None
    year, number = found
    return f"ah-{'ek' if year.chamber == 'I' else 'tk'}-{year.digits()}-{number}"


def _aanhangsel_citation(session: _Session | None, meta: dict[str, str]) -> str | None:
    found = _aanhangsel_number(session, meta)
    if not found:
        return None
    year, number = found
    return f"Aanhangsel Handelingen {year.chamber} {year.label()}, nr. {number}"
