"""Pydantic models at the knowledge boundary: what goes into the store and what comes out of it."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

KEY_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"
DocumentKey = Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: Longest official text one entry may hold; a longer one is almost certainly a parsing error.
MAX_ENTRY_TEXT = 20_000
#: Longest question or alternate question.
MAX_QUESTION_TEXT = 1_000


class Language(StrEnum):
    NL = "nl"
    EN = "en"
    RU = "ru"
    BE = "be"


class DocumentKind(StrEnum):
    KAMERBRIEF = "kamerbrief"
    KAMERVRAGEN = "kamervragen"

    @property
    def label(self) -> str:
        """The Dutch name of the kind, as citations print it."""
        return {"kamerbrief": "Kamerbrief", "kamervragen": "Antwoord op Kamervragen"}[self.value]


class EntryStatus(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


#: Dutch surname particles: 'J. van der Berg', 'M. ter Horst', 'H. de Jonge' keep them in the name.
NAME_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op", "uit", "d'"})


_OFFICE_NAME = re.compile(r"^(?:Minister-President|Minister|Staatssecretaris)\s+(?:van|voor)\s", re.IGNORECASE)


class Author(BaseModel):
    """Who signed or answered: a name with a role and, where stated, a ministry."""

    model_config = ConfigDict(frozen=True)

    name: NonEmptyText
    role: str | None = None
    ministry: str | None = None

    @property
    def surname(self) -> str:
        """The last name with its particles: 'van der Berg' of 'J. van der Berg'."""
        words = self.name.split()
        start = len(words) - 1
        while start > 0 and words[start - 1].lower() in NAME_PARTICLES:
            start -= 1
        return " ".join(words[start:])

    @property
    def is_office(self) -> bool:
        """Named by office only ('Minister van Justitie en Veiligheid', from 'mede namens de Minister
        van …'): no person's name in it to look a document up by."""
        return bool(_OFFICE_NAME.match(self.name))

    def describe(self) -> str:
        if self.ministry:
            return f"{self.role + ' ' if self.role else ''}{self.name} ({self.ministry})"
        if self.role:
            return f"{self.name}, {self.role}"
        return self.name


class Footnote(BaseModel):
    """A footnote of the source, kept as a reference of the entry whose text carried its marker."""

    model_config = ConfigDict(frozen=True)

    number: int = Field(ge=0)
    text: str
    url: str | None = None


class AlternateQuestion(BaseModel):
    """Another way to ask for the same entry, curated by a moderator (never official text)."""

    model_config = ConfigDict(frozen=True)

    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=MAX_QUESTION_TEXT)]
    language: Language = Language.NL


#: The title the parser gives a letter whose head prints none (no 'Kamerstuk … Titel' line).
UNTITLED_LETTER = "Brief"
#: The title the parser gives a ministry's announcement headed 'Mededeling' alone (its title line is its subject).
NOTICE_TITLE = "Mededeling"


class Document(BaseModel):
    """An official document: a Kamerbrief or answers to Kamervragen. Unknown identifiers stay empty."""

    id: int | None = None
    key: DocumentKey
    kind: DocumentKind
    title: NonEmptyText
    subject: str | None = None
    date: dt.date | None = None
    authors: list[Author] = Field(default_factory=list)
    number: str | None = Field(default=None, description="Printed number of a letter, e.g. '2298'.")
    official_id: str | None = Field(default=None, description="e.g. kst-21501-02-2298; never guessed.")
    question_number: str | None = Field(default=None, description="e.g. 2021Z09578, when printed.")
    citation: str | None = Field(default=None, description="e.g. 'Kamerstukken II 2020/21, 21 501-02, nr. 2298'.")
    url: str | None = None
    references: list[str] = Field(default_factory=list, description="Parliamentary documents the text cites.")
    preamble: str | None = Field(default=None, description="Official text before the entries, e.g. a 'Mededeling'.")
    notes: str | None = Field(default=None, description="Moderators' notes, e.g. how an identifier was established.")
    content_digest: str | None = Field(
        default=None,
        description="SHA-256 of the imported official text (knowledge.identity): the same text is the same document.",
    )
    language: Language = Language.NL
    version: int = 1
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @field_validator("url")
    @classmethod
    def _url_is_web_address(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s<>\"]+$", value):
            raise ValueError("url must be an http(s) address without spaces")
        return value

    @property
    def shown_title(self) -> str:
        """What a moderator's listing calls the document: its 'Betreft' subject where the title is only
        the parser's placeholder ('Brief' names nothing; two such letters would read the same)."""
        if self.subject and self.title == NOTICE_TITLE:
            return f"{NOTICE_TITLE}: {self.subject}"  # 'Mededeling' alone names nothing either
        return self.subject if self.subject and self.title == UNTITLED_LETTER else self.title


class Entry(BaseModel):
    """One answerable unit: a question with its official answer, or a numbered paragraph of a letter."""

    id: int | None = None
    #: '<document>/<number>' for the document's own units, '<document>/note-<n>' for a moderator's note.
    key: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,79}/(?:[0-9]{1,4}|note-[0-9]{1,4})$")]
    document_key: DocumentKey
    number: int = Field(ge=1, le=9999)
    numbers: list[int] = Field(default_factory=list, description="All question numbers a combined answer covers.")
    question: str | None = Field(default=None, max_length=MAX_QUESTION_TEXT)
    question_is_official: bool = Field(
        default=False, description="True when the question is the document's own text (Kamervragen)."
    )
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ENTRY_TEXT)]
    footnotes: list[Footnote] = Field(default_factory=list)
    references: list[str] = Field(
        default_factory=list,
        description="Parliamentary documents its question and text cite: found by the store whenever it writes "
        "the entry (knowledge.text.references), so citations need not read the text again.",
    )
    alternates: list[AlternateQuestion] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    language: Language = Language.NL
    note: bool = Field(
        default=False,
        description="A moderator's note: not text of the document, never cited with its number or as the "
        "government's words.",
    )
    status: EntryStatus = EntryStatus.ACTIVE
    version: int = 1
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.status is EntryStatus.ACTIVE


SourceFormat = Literal["text", "xml"]


class SourceText(BaseModel):
    """What an importer read a document from (the extracted text, or the official XML itself):
    re-reading it gives the same entries, so entries claimed to be official can be checked."""

    format: SourceFormat
    text: str = Field(min_length=1)


class ParsedDocument(BaseModel):
    """What the parser makes of one source text, before it reaches the store.

    Its document always carries the content digest of these entries (knowledge.identity), so that
    "already in the store" can be decided by what the document says."""

    document: Document
    entries: list[Entry]
    read_key: str | None = Field(
        default=None,
        description="The key the parser gave it, when a preview chose another beside a stored document: "
        "the save chooses again from this one, with the store as it is then (knowledge.identity.rekey).",
    )
    truncated: Entry | None = Field(
        default=None, description="The last entry of a copy that stops mid-sentence, left out of `entries`."
    )
    unmatched: list[Entry] = Field(
        default_factory=list,
        description="Answers numbered as no question of the document is (misnumbered): left out of `entries`, "
        "never paired with another question.",
    )
    unanswered: list[int] = Field(
        default_factory=list, description="Numbers of questions the document prints without an answer."
    )
    cut_off_questions: list[int] = Field(
        default_factory=list,
        description="The last questions of a copy that stops before their answers (after a 'Vraag 3' heading, or "
        "after the question): not imported, and not in `unanswered`.",
    )

    @model_validator(mode="after")
    def _digest_of_the_entries(self) -> ParsedDocument:
        if self.entries:
            from knowledge.identity import entries_digest  # identity builds on these models

            digest = entries_digest(self.entries)
            if self.document.content_digest != digest:
                self.document = self.document.model_copy(update={"content_digest": digest})
        return self


class Citation(BaseModel):
    """Where an official text comes from, complete enough to look it up."""

    document_key: str
    document_id: int | None = None
    document_title: str
    kind: DocumentKind
    kind_label: str
    date: dt.date | None
    authors: list[Author]
    number: int
    numbers: list[int] = Field(description="Every question a combined answer covers; [number] otherwise.")
    number_label: str = Field(description="'Vraag 3', 'Vragen 1 en 2' or 'alinea 3', as the import preview shows it.")
    as_questions: bool = Field(
        default=False,
        description="Numbered as questions ('Vraag'): Kamervragen, or a committee's questions answered in a letter.",
    )
    reference: str | None = Field(description="How the document itself is cited, when known.")
    official_id: str | None
    references: list[str] = Field(description="Documents the text cites, and its footnotes.")
    footnotes: list[Footnote]
    url: str | None
    is_note: bool = Field(default=False, description="A moderator's note: no number, reference or link is official.")
    language: Language = Field(
        default=Language.NL, description="The language the words are written in (a moderator's note may differ)."
    )

    def line(self) -> str:
        """A one-line plain-text citation: kind, date, authors, number, reference."""
        if self.is_note:  # who wrote it and what about: never a number, kind or date as if cited
            about = self.document_title + (f", {format_date_nl(self.date)}" if self.date else "")
            return f"{self.number_label}, geen citaat; over: {about}"
        parts = [self.kind_label]
        if self.date:
            parts.append(format_date_nl(self.date))
        if self.authors:
            parts.append(", ".join(author.describe() for author in self.authors))
        parts.append(self.number_label)
        if self.reference:
            parts.append(self.reference)
        return " · ".join(parts)


class TranslationStatus(StrEnum):
    CURRENT = "current"
    WITHDRAWN = "withdrawn"


class Translation(BaseModel):
    """A curated, unofficial translation of one entry into one language, made for one version of it.

    It is never official text: every front end labels it and shows the official Dutch beside it.
    """

    id: int | None = None
    entry_id: int = Field(ge=1)
    language: Language
    question: str | None = Field(default=None, max_length=MAX_QUESTION_TEXT)
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ENTRY_TEXT)]
    entry_version: int = Field(ge=1, description="The entry's version whose official text this translates.")
    status: TranslationStatus = TranslationStatus.CURRENT
    version: int = 1
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    by: str | None = Field(default=None, description="Who wrote or last confirmed it (an actor label).")

    @field_validator("language")
    @classmethod
    def _not_dutch(cls, value: Language) -> Language:
        if value is Language.NL:
            raise ValueError("the official text is Dutch; translations are into en, ru or be")
        return value


class ShownTranslation(BaseModel):
    """A translation as an answer carries it: always unofficial, and always of the current official
    text (the service shows none made for an earlier version; `stale` stays in the JSON form, false)."""

    language: Language
    question: str | None
    text: str
    stale: bool = False
    unofficial: bool = True


class Highlight(BaseModel):
    """The sentence of an answer that best answers the question, as a span of the (whole) text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str


class Match(BaseModel):
    """An entry that answers (or may answer) a question, with its official text and citation."""

    entry_id: int
    entry_key: str
    question: str | None
    #: The question is the document's own (the MP's or committee's), shown as the question it answers;
    #: otherwise a moderator's phrasing, never shown as the document's question.
    question_official: bool = False
    text: str
    score: float = Field(ge=0.0, le=1.0)
    citation: Citation
    highlight: Highlight | None = None
    topics: list[str] = Field(default_factory=list)
    language: Language = Field(default=Language.NL, description="The asker's language this match was prepared for.")
    title: str | None = Field(default=None, description="The question in the asker's language, when it has one.")
    translation: ShownTranslation | None = None


class Outcome(StrEnum):
    ANSWER = "answer"
    SUGGEST = "suggest"
    NO_ANSWER = "no_answer"
    GREETING = "greeting"
    #: The message names an official document (its id, link, Kamerstuk or description): the document's
    #: entries, or the documents that fit the description when several do.
    DOCUMENT = "document"


class AskedDocument(BaseModel):
    """A document a message names by its reference, id or link, or describes (kind, number, date,
    minister), perhaps with one passage's number; `document` is None when the store does not hold it
    (the reply says so, never a guess at another document) or when several fit (`candidates`)."""

    reference: str = Field(
        description="How the reply names it: 'Kamerstuk 21 501-02, nr. 2298', the id, or the description as typed."
    )
    official_id: str | None = None
    document: Document | None = None
    described: bool = Field(
        default=False,
        description="Named by what it is (kind, printed number, date, minister: 'brief blok 2 maart 2021'), not by "
        "an official id: when none fits, the reply says no document fits the description.",
    )
    candidates: list[Document] = Field(
        default_factory=list, description="Several documents fit the description: listed, none chosen."
    )
    entry_number: int | None = Field(
        default=None, description="The passage asked for by its number ('alinea 3', 'vraag 6'): the answer is that entry."
    )
    entry_missing: bool = Field(
        default=False, description="The document has no entry of that number: the reply says so in one line."
    )
    entry_numbers: list[int] = Field(default_factory=list, description="Then: the entry numbers the document has.")

    @property
    def held(self) -> bool:
        """Whether the store holds what was named: the document, or documents that fit it."""
        return self.document is not None or bool(self.candidates)


#: Kinds of answer only a passage that gives them answers (decision.UNTOLD_KINDS): what became of
#: someone, an address, a travel advice or a visit, a figure.
Untold = Literal["fate", "practical", "count"]


class UnsurePart(BaseModel):
    """A question of a message that passages are close to, none surely: its suggestions, not 'no answer'."""

    part: str
    suggestions: list[Match]


class Answer(BaseModel):
    """What every front end renders: one confident match, suggestions, or an honest no."""

    query: str
    outcome: Outcome
    confidence: float = Field(ge=0.0, le=1.0)
    best: Match | None = None
    suggestions: list[Match] = Field(default_factory=list)
    earlier: list[Match] = Field(default_factory=list, description="Earlier positions on the same question.")
    newer: list[Match] = Field(
        default_factory=list,
        description="A later document on the same subject whose text covers the question as well, not relevant "
        "enough to lead: 'there is a newer document on this'.",
    )
    also: list[Match] = Field(
        default_factory=list,
        description="Answers to the message's other questions, or the second passage of an answer given in two.",
    )
    unanswered_parts: list[str] = Field(
        default_factory=list, description="Questions of the message that no passage answers (as the asker wrote them)."
    )
    unsure_parts: list[UnsurePart] = Field(
        default_factory=list, description="Questions of the message passages are close to without a sure answer."
    )
    later_time: bool = Field(
        default=False, description="Asked about a later time than the documents: no current figure."
    )
    untold: Untold | None = Field(
        default=None,
        description="Asked for what the best passage does not tell: what became of someone, an address, a travel "
        "advice or a visit, a figure.",
    )
    thanks: bool = Field(
        default=False, description="A greeting that only thanks: answered 'you're welcome' (outcome 'greeting')."
    )
    help_asked: bool = Field(
        default=False,
        description="A message that only asks for help ('help', 'помогите'): pointed to /help (outcome 'greeting').",
    )
    asked_document: AskedDocument | None = Field(
        default=None,
        description="The message only names a document: held, its entries are the suggestions (outcome "
        "'document'); not held, the reply says so above whatever the passages citing it give.",
    )

    @property
    def answered(self) -> bool:
        return self.outcome is Outcome.ANSWER and self.best is not None

    def matches(self) -> list[Match]:
        """Best first: the answer (when confident) followed by the suggestions."""
        return ([self.best] if self.answered and self.best else []) + list(self.suggestions)


MONTHS_NL = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def format_date_nl(value: dt.date) -> str:
    """'2 maart 2021': the way the documents themselves write dates."""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"
