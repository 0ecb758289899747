"""The one answer service behind every front end: Telegram, inline mode, console and command line.

It keeps the in-memory index in step with the store (changes by anyone, in any process, reach it
before the next answer), decides between answering, suggesting and declining, and builds the
citations. Front ends only render what it returns.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from knowledge.citations import citation_for
from knowledge.models import (
    Answer,
    AskedDocument,
    Document,
    Entry,
    Highlight,
    Language,
    Match,
    Outcome,
    ShownTranslation,
    UnsurePart,
)
from knowledge.rebuild import Progress, Rebuild, build_index
from knowledge.search.decision import SUGGESTIONS, Decider
from knowledge.search.index import Index, analyzer_fingerprint, date_ordinal
from knowledge.search.matcher import Matcher, Ranking, Scored
from knowledge.search.snapshot import load_any_snapshot, write_snapshot
from knowledge.shipped import seed_store, seed_translations
from knowledge.storage import translations
from knowledge.storage.errors import NotFound
from knowledge.storage.store import EntryBrief, EntryCounts, Store
from knowledge.text import dictionary, focus
from knowledge.text.analysis import Analyzer, fold, tokens
from knowledge.text.help_requests import only_asks_help
from knowledge.text.languages import phrasing_vocabulary, question_language
from knowledge.text.long_messages import condensed
from knowledge.text.lookups import Lookup, author_names, fitting_documents, lookup_language, names_a, read_lookup
from knowledge.text.markup import strip_markup
from knowledge.text.personal import mask_personal
from knowledge.text.references import shown_reference
from knowledge.text.sentences import sentence_spans
from knowledge.text.thanks import only_thanks

logger = logging.getLogger(__name__)

#: Longest question matched as it is. A longer message, up to LONG_MESSAGE_FACTOR times this, is read
#: as its question sentences with a little of its story (long_messages.py); beyond, or with no
#: question sentence to pick out, it is refused as too long, never truncated.
MAX_QUESTION_LENGTH = 1500
#: How many times MAX_QUESTION_LENGTH a message may be and still be read for its question (6,000
#: characters by default: more than Telegram's 4,096 for one message).
LONG_MESSAGE_FACTOR = 4
#: Passages whose sentences are kept analysed (for highlighting); forgotten all at once beyond.
SENTENCES_KEPT = 2_000
#: How much of an unanswered question the review queue keeps (normalised text only).
MAX_REVIEW_TEXT = 300
#: A part of a message asking several things is answered only by one of the whole message's best.
PART_CONTEXT = 3


class InvalidQuestion(ValueError):
    """The question is empty, only markup, too long or not text (binary); `reason` tells a front
    end which to say in the asker's language (the message is the logs' English)."""

    def __init__(self, message: str, *, too_long: bool = False, reason: str | None = None) -> None:
        super().__init__(message)
        self.too_long = too_long
        self.reason = reason or ("too_long" if too_long else "empty")


#: Characters no typed text holds: controls, surrogates (undecodable bytes), private use, U+FFFD.
_UNREADABLE = frozenset({"Cc", "Cs", "Co"})


def _unreadable(ch: str) -> bool:
    return ch == "\ufffd" or (unicodedata.category(ch) in _UNREADABLE and ch not in "\n\t\r")


class DocumentSummary(BaseModel):
    document: Document
    active_entries: int
    total_entries: int


class AnswerService:
    """Answers questions from the store's active entries."""

    def __init__(
        self,
        store: Store,
        *,
        max_question_length: int = MAX_QUESTION_LENGTH,
        progress: Progress | None = None,
        background: bool = True,
    ) -> None:
        self.store = store
        self.max_question_length = max_question_length
        self._fingerprint = analyzer_fingerprint()
        self._index_fingerprint = self._fingerprint  # the analysis that made the index in use
        self._progress = progress
        self._background = background
        self._rebuild: Rebuild | None = None
        self._documents: dict[str, Document] = {}
        self._entries: dict[int, Entry] = {}
        # What the decision asks of every ranked entry (a note? which document?), by id: read
        # without the whole entry, whose curated phrasings can be a hundred models to validate.
        self._briefs: dict[int, EntryBrief] = {}
        # An answer's passage split into sentences with their terms, by (text, language): the same
        # passages are shown again and again, and analysing each sentence was most of `_highlight`.
        self._sentences: dict[tuple[str, str], list[tuple[int, int, frozenset[str]]]] = {}
        self._revision = 0  # set by _start: the store revision the index reflects
        # Words the store's phrasings use in English or Dutch only, for telling a question's language,
        # with the revision they were gathered at (see languages.phrasing_vocabulary).
        self._vocabulary: tuple[int, dict[str, Language]] | None = None
        # The documents with their authors' names, for documents looked up by description (asked_document).
        self._lookups: tuple[int, list[Document], set[str]] | None = None
        self._snapshot_revision: int | None = None
        # Every question needs the word lists (typo correction); reading them before the index keeps
        # their passing buffers out of the index's memory peak and the first question fast. Their
        # table is kept next to the database: a later start reads it instead of making it again.
        dictionary.use_cache(word_list_cache(store.path))
        dictionary.frequency("")
        self.index = Index(Analyzer())
        self.matcher = Matcher(self.index)
        self.decider = Decider(self.matcher, self._is_note, self._document_of, self._text_of, self._question_of)
        self._start()

    @classmethod
    def open(cls, path: Path | str, **kwargs: Any) -> AnswerService:
        """Open the store at `path`, filling it with the shipped sources on first start."""
        store = Store.open(path)
        if seed_store(store):
            logger.info("Built a new store from the shipped sources")
        elif seed_translations(store):
            logger.info("Added the shipped translations to the store")
        return cls(store, **kwargs)

    def close(self) -> None:
        """Save the index if it changed since its snapshot, then close the store (a rebuild under
        way is finished first: its work is not thrown away)."""
        if self._rebuild is not None:
            self._rebuild.wait()
            self._take_rebuild()
        if self._snapshot_revision != self._revision and self._index_fingerprint == self._fingerprint:
            self.save_snapshot()
        self.store.close()

    # --- keeping the index current ----------------------------------------------------------------

    def refresh(self) -> None:
        """Apply every change saved since the last look, incrementally (a restore reloads all)."""
        if self._rebuild is not None and self._rebuild.done:
            self._take_rebuild()
        revision = self.store.revision()
        if revision == self._revision:
            return
        if revision < self._revision:
            self.reload()
            return
        changes = self.store.entries_changed_since(self._revision)
        self._revision = changes.revision
        if changes.reload_all:
            self.reload()
            return
        self._documents.clear()
        self._entries.clear()
        self._briefs.clear()
        for entry_id in changes.gone:
            self.index.remove(entry_id)
        for entry in changes.active:
            self.index.add(entry, date_ordinal(self.document_for(entry.document_key).date))

    def reload(self) -> None:
        """(Re)build the index from the store's active entries, streamed in batches, and swap it in
        whole (the snapshot is the only saved copy)."""
        built = build_index(self.store, self.index.analyzer, self._progress)
        self._revision = built.revision
        self._documents.clear()
        self._entries.clear()
        self._briefs.clear()
        self._index_fingerprint = self._fingerprint
        self._set_index(built.search_index)

    def _set_index(self, index: Index) -> None:
        self.index = index
        self.matcher = Matcher(index, self.matcher.calibration)
        self._sentences.clear()  # a new index may come with a new analysis
        self.decider = Decider(self.matcher, self._is_note, self._document_of, self._text_of, self._question_of)

    def _start(self) -> None:
        """Load the index snapshot if it is current enough, then catch up; otherwise build it. A
        snapshot of an earlier analysis answers until the new index, built in the background, is
        ready (see rebuilding)."""
        analyzer = self.index.analyzer
        snapshot = load_any_snapshot(self._snapshot_path, self.store.change_stamp, analyzer)
        if snapshot is not None and snapshot.revision <= self.store.revision():
            self._revision, self._index_fingerprint = snapshot.revision, snapshot.fingerprint
            self._snapshot_revision = self._revision
            self._set_index(snapshot.search_index)
            self.refresh()
            if self._index_fingerprint != self._fingerprint:
                logger.info("The analysis changed: rebuilding the index, answering from the previous one meanwhile")
                self.rebuild(background=self._background)
            return
        self.reload()
        self.save_snapshot()

    @property
    def rebuilding(self) -> bool:
        """A new index is being built in the background; answers come from the previous one."""
        return self._rebuild is not None and not self._rebuild.done

    def rebuild(self, *, background: bool = True) -> None:
        """Build the index anew; in the background (a store on disk), the current index keeps
        answering and the new one takes over, saved, before the first answer after it is ready."""
        path = self.store.path
        if not background or path is None:
            self.reload()
            self.save_snapshot()
            return
        if self.rebuilding:
            return
        fingerprint = self._fingerprint

        def save(revision: int, index: Index, store: Store) -> None:
            if self._snapshot_path is not None:
                write_snapshot(self._snapshot_path, fingerprint, revision, store.change_stamp(revision), index)

        self._rebuild = Rebuild(path, Analyzer(), self._progress, then=save)

    def _take_rebuild(self) -> None:
        """Swap in the index a background rebuild finished (then catch up on changes since)."""
        rebuild, self._rebuild = self._rebuild, None
        if rebuild is None or rebuild.result is None:
            return  # failed (logged): the index in use stays
        self._revision = self._snapshot_revision = rebuild.result.revision
        self._documents.clear()
        self._entries.clear()
        self._briefs.clear()
        self._index_fingerprint = self._fingerprint
        self._set_index(rebuild.result.search_index)
        logger.info("The rebuilt index is in use")

    @property
    def _snapshot_path(self) -> Path | None:
        return self.store.path.with_name(self.store.path.name + ".index") if self.store.path else None

    def save_snapshot(self) -> None:
        """Write the index next to the database, so the next start need not build it."""
        if self._snapshot_path is not None:
            stamp = self.store.change_stamp(self._revision)
            write_snapshot(self._snapshot_path, self._index_fingerprint, self._revision, stamp, self.index)
            self._snapshot_revision = self._revision

    def _is_note(self, entry_id: int) -> bool:
        """Whether an indexed entry is a moderator's note (the decision keeps notes from leading)."""
        entry = self._entries.get(entry_id)
        return entry.note if entry is not None else self._brief(entry_id).note

    def _document_of(self, entry_id: int) -> str:
        """The document an indexed entry belongs to (the decision answers with two passages of one)."""
        entry = self._entries.get(entry_id)
        return entry.document_key if entry is not None else self._brief(entry_id).document_key

    def _text_of(self, entry_id: int) -> str:
        """An indexed entry's official text (the decision compares the figures two passages state)."""
        return self.entry_for(entry_id).text

    def _question_of(self, entry_id: int) -> str | None:
        """An indexed entry's question (the decision asks it again, to find the entry it succeeds)."""
        return self.entry_for(entry_id).question

    def _brief(self, entry_id: int) -> EntryBrief:
        """An entry not read whole: what the decision asks of it, read with the ranking's others."""
        brief = self._briefs.get(entry_id)
        if brief is None:
            self._fetch_briefs([entry_id])
            brief = self._briefs.get(entry_id)
            if brief is None:
                entry = self.entry_for(entry_id)  # no such entry: NotFound, as the store says it
                brief = EntryBrief(entry.note, entry.document_key)
        return brief

    def _fetch_briefs(self, entry_ids: list[int]) -> None:
        """What the decision asks of these entries, those not known yet in one query."""
        missing = [i for i in dict.fromkeys(entry_ids) if i not in self._entries and i not in self._briefs]
        if not missing:
            return
        if len(self._briefs) + len(missing) > 20_000:
            self._briefs.clear()
        self._briefs.update(self.store.entry_briefs(missing))

    def _fetch_entries(self, entry_ids: list[int]) -> None:
        """Bring these entries into the cache `entry_for` keeps, those not in it in one query (each
        query costs about as much as reading a short entry)."""
        missing = [i for i in dict.fromkeys(entry_ids) if i not in self._entries]
        if len(missing) < 2:
            return
        if len(self._entries) + len(missing) > 2_000:
            self._entries.clear()
        self._entries.update(self.store.entries_by_id(missing))

    def _fetch_documents(self, keys: list[str]) -> None:
        """Bring these documents into the cache `document_for` keeps, those not in it in one query."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._documents]
        if len(missing) > 1:
            self._documents.update(self.store.documents_by_key(missing))

    def entry_for(self, entry_id: int) -> Entry:
        """An entry by id, cached until the next change (answers show the same few entries often)."""
        entry = self._entries.get(entry_id)
        if entry is None:
            if len(self._entries) > 2_000:
                self._entries.clear()
            entry = self._entries[entry_id] = self.store.entry(entry_id)
        return entry

    def document_for(self, key: str) -> Document:
        """A document by key, cached until the next change."""
        document = self._documents.get(key)
        if document is None:
            document = self._documents[key] = self.store.document(key)
        return document

    # --- answering ---------------------------------------------------------------------------------

    def validate_question(self, question: str) -> str:
        """The question as text to match, or InvalidQuestion with a reason a user can act on."""
        if not isinstance(question, str):
            raise InvalidQuestion("the question must be text", reason="not_text")
        # Each distinct character is judged once: a long message has thousands, of a hundred kinds.
        distinct = set(question)
        unreadable = sum(question.count(ch) for ch in distinct if _unreadable(ch))
        if unreadable and unreadable * 4 >= len(question.strip()):  # a binary file, not a stray control character
            raise InvalidQuestion("the question is not text", reason="not_text")
        dropped = {
            ord(ch): None
            for ch in distinct
            if (_unreadable(ch) or unicodedata.category(ch) == "Cf") and ch not in "\n\t"
        }
        cleaned = question.translate(dropped) if dropped else question
        typed, cleaned = cleaned, re.sub(r"\s+", " ", cleaned).strip()
        if not cleaned:
            raise InvalidQuestion("the question is empty")
        if not strip_markup(cleaned).strip():  # '<b></b>', '&nbsp;': nothing was asked, but something was typed
            raise InvalidQuestion("the question is only markup", reason="markup")
        if len(cleaned) > self.max_question_length:
            return self._question_part(typed, len(cleaned))
        return cleaned

    def _question_part(self, typed: str, length: int) -> str:
        """A long message as its question sentences with a little of its story (paragraphs kept in
        `typed` end sentences), or InvalidQuestion: too long to read, or no question to pick out."""
        limit = self.max_question_length
        asked = condensed(typed, limit) if length <= LONG_MESSAGE_FACTOR * limit else None
        if asked is None:
            raise InvalidQuestion(f"the question is longer than {limit} characters", too_long=True)
        logger.info("A long message is read as its question sentences: %d of %d characters", len(asked), length)
        return asked

    def question_language(self, question: str) -> Language | None:
        """The language a question is written in, or None when the text does not tell. Russian or
        Belarusian typed in Latin letters is that language (as the matcher reads it), not Dutch.
        Markup is not the asker's words ('<i>' is no English 'I'), as it is not for matching. A long
        message is judged by the part that would be answered (its question sentences, else its start),
        which also bounds the work for a huge one."""
        question = strip_markup(question)
        limit = self.max_question_length
        if len(question) > limit:
            part = condensed(question, limit) if len(question) <= LONG_MESSAGE_FACTOR * limit else None
            question = part or question[:limit]
        detected = question_language(question, self.matcher.analyzer, self._phrasing_vocabulary())
        if detected in (Language.RU, Language.BE):
            return detected
        read_as = self.matcher.analyse(question).language
        if read_as in ("ru", "be"):
            return Language(read_as)
        if detected is None and (referred := lookup_language(question)) and self.asked_document(question):
            return Language(referred)  # 'letter 2298 paragraph 3': a reference in English words only
        return detected

    def _phrasing_vocabulary(self) -> dict[str, Language]:
        """The English-only and Dutch-only words of the active entries' phrasings, at this revision."""
        self.refresh()
        if self._vocabulary is None or self._vocabulary[0] != self._revision:
            phrasings = [
                (text, language)
                for entry in self.store.entries()
                for text, language in [(entry.question, entry.language), *((a.text, a.language) for a in entry.alternates)]
                if text
            ]
            self._vocabulary = self._revision, phrasing_vocabulary(phrasings, self.matcher.analyzer)
        return self._vocabulary[1]

    def phrasing_language(self, text: str) -> Language:
        """The language of a moderator's phrasing, as the matcher will read it (Dutch when unsure)."""
        analyzer = self.matcher.analyzer
        return Language(analyzer.detect_language(tokens(text), text))

    def purge_review_queue(self, older_than_days: int) -> int:
        """Enforce the review queue's retention; how many items were removed."""
        return self.store.purge_review_queue(older_than_days)

    def answer(
        self, question: str, *, record: bool = False, exhaustive: bool = False, language: Language | str | None = None
    ) -> Answer:
        """Answer, suggest or decline; with `record`, count it anonymously (and queue it for review).
        `language` is the asker's: every match then carries its translation and title in it (Dutch:
        nothing changes). `exhaustive` takes the matcher's slow path (benchmarks compare the two)."""
        text = self.validate_question(question)
        self.refresh()
        named = self.asked_document(text)
        if only_thanks(text):  # 'thanks a lot!', 'вялікі дзякуй': a greeting, whatever else its words could match
            answer = Answer(query=text, outcome=Outcome.GREETING, confidence=0.0, thanks=True)
        elif only_asks_help(text):  # 'help', 'помогите пожалуйста': how to ask, not passages a lone 'help' matches
            answer = Answer(query=text, outcome=Outcome.GREETING, confidence=0.0, help_asked=True)
        elif named is not None and (named.held or named.described):
            answer, named = self._looked_up(text, named)
        else:
            ranking = self.matcher.rank(text, limit=10, exhaustive=exhaustive)
            answer = self._decide(text, ranking)
            asked = focus.questions(text)
            if len(asked) > 1:
                answer = self._answer_parts(text, answer, ranking, asked, exhaustive)
        if named is not None:
            answer = answer.model_copy(update={"asked_document": named})
        asker = Language(language) if language else None
        if asker and asker is not Language.NL:
            answer = answer.model_copy(
                update={
                    "best": self.localise(answer.best, asker) if answer.best else None,
                    "suggestions": [self.localise(m, asker) for m in answer.suggestions],
                    "earlier": [self.localise(m, asker) for m in answer.earlier],
                    "newer": [self.localise(m, asker) for m in answer.newer],
                    "also": [self.localise(m, asker) for m in answer.also],
                    "unsure_parts": [
                        u.model_copy(update={"suggestions": [self.localise(m, asker) for m in u.suggestions]})
                        for u in answer.unsure_parts
                    ],
                }
            )
        if record:
            self._record(answer, asker or self.question_language(text) or Language.NL)
        return answer

    def asked_document(self, text: str) -> AskedDocument | None:
        """The document a message names or describes and nothing more (an official id, its link, a
        Kamerstuk as printed or typed; or its kind, printed number, date and minister: staff look
        documents up that way), perhaps with a passage's number, with the store's documents that fit.
        A message asking something about it ('sancties in kamerstuk 21501-02 nr. 2298', 'wat zei
        grapperhaus over de veiligheid') is a question: its words left over have terms of their own."""
        lookup = read_lookup(text)
        if lookup is None:
            return None
        documents, names = self._lookup_documents()
        named = tuple(w for w in lookup.words if names_a(w, names))
        if not (lookup.specific or named):
            return None
        rest = [w for w in lookup.words if w not in named]
        if rest and self.matcher.analyse(" ".join(rest)).terms:
            return None
        official_id = lookup.official_id
        if official_id and not fitting_documents(Lookup(typed=text, official_id=official_id), documents, ()):
            # An official reference the store does not hold: said so, above what passages citing it give.
            return AskedDocument(reference=shown_reference(official_id), official_id=official_id)
        fitting = fitting_documents(lookup, documents, named)
        if lookup.entry is not None and len(fitting) > 1:
            # 'vraag 2 kamervragen 16 juli 2021' with several answer sets of that day: those with a
            # question 2 (one: it is the document; none: they are all listed, as without the number).
            fitting = [d for d in fitting if self._numbered_entry(d, lookup.entry) is not None] or fitting
        asked = AskedDocument(
            reference=shown_reference(official_id) if official_id and fitting else lookup.typed,
            official_id=official_id,
            described=not (official_id and fitting),
            entry_number=lookup.entry,
        )
        if len(fitting) > 1:
            return asked.model_copy(update={"candidates": fitting})
        return asked.model_copy(update={"document": fitting[0]}) if fitting else asked

    def _lookup_documents(self) -> tuple[list[Document], set[str]]:
        """The store's documents and their authors' names (asked_document), gathered once a revision."""
        if self._lookups is None or self._lookups[0] != self._revision:
            documents = self.store.documents()
            names = {name for d in documents for name in author_names(d)}
            self._lookups = self._revision, documents, names
        return self._lookups[1], self._lookups[2]

    def _looked_up(self, text: str, asked: AskedDocument) -> tuple[Answer, AskedDocument]:
        """The reply to a document looked up: its entries, the one passage asked for (an official
        answer: it is the document's own text), that it has no passage of that number, or the
        documents that fit; none fitting a description: that none does (never another document)."""
        document = asked.document
        if document is None:
            outcome = Outcome.DOCUMENT if asked.candidates else Outcome.NO_ANSWER
            # The passage asked for, of each document that fits and has it: choosing one gives that passage.
            chosen = [self._numbered_entry(d, asked.entry_number) for d in asked.candidates] if asked.entry_number else []
            choices = [self.match_for_entry(e) for e in chosen if e is not None] if all(chosen) else []
            confidence = 1.0 if asked.candidates else 0.0
            return Answer(query=text, outcome=outcome, confidence=confidence, suggestions=choices), asked
        entries = [e for e in self.entries_of(document.key) if not e.note]
        if asked.entry_number is None:
            matches = [self.match_for_entry(e) for e in self.entries_of(document.key)]
            return Answer(query=text, outcome=Outcome.DOCUMENT, confidence=1.0, suggestions=matches), asked
        entry = self._numbered_entry(document, asked.entry_number)
        if entry is None:
            numbers = sorted({n for e in entries for n in (e.numbers or [e.number])})
            missing = asked.model_copy(update={"entry_missing": True, "entry_numbers": numbers})
            return Answer(query=text, outcome=Outcome.NO_ANSWER, confidence=0.0), missing
        best = self.match_for_entry(entry)
        return Answer(query=text, outcome=Outcome.ANSWER, confidence=1.0, best=best), asked

    def _numbered_entry(self, document: Document, number: int) -> Entry | None:
        """The document's official entry of that number ('Vraag 2'; one of a grouped 'Vraag 1, 2'), if any."""
        entries = (e for e in self.entries_of(document.key) if not e.note)
        return next((e for e in entries if number in (e.numbers or [e.number])), None)

    def _answer_parts(self, text: str, whole: Answer, ranking: Ranking, asked: list[str], exhaustive: bool) -> Answer:
        """A message asking several things: each question answered on its own where the store
        answers it; the others named as having no official answer. A part's answer must also be
        among the whole message's best matches, so a fragment never answers against its context."""
        near = {s.entry_id for s in ranking.scored[:PART_CONTEXT]}
        answered: list[Match] = []
        unanswered: list[str] = []
        suggested: list[Match] = []
        unsure: list[UnsurePart] = []
        for part in asked:
            decided = self._decide(part, self.matcher.rank(part, limit=10, exhaustive=exhaustive))
            if decided.answered and decided.best and decided.best.entry_id in near:
                if all(m.entry_id != decided.best.entry_id for m in answered):
                    answered.append(decided.best)
                continue
            if decided.outcome is Outcome.SUGGEST and decided.suggestions and not decided.untold:
                # Passages are close to this part, none surely ('welke sancties zijn er'): its
                # suggestions, never "no official answer" about a subject the store answers.
                unsure.append(UnsurePart(part=part, suggestions=decided.suggestions))
            else:
                unanswered.append(part)
            suggested += [m for m in decided.matches() if all(m.entry_id != s.entry_id for s in suggested)]
        if not answered:
            if whole.outcome is Outcome.NO_ANSWER and suggested:
                # The other questions' words drowned the whole message; a question of it alone is
                # close to something: suggestions, as for that question asked on its own.
                return whole.model_copy(update={"outcome": Outcome.SUGGEST, "suggestions": suggested[:SUGGESTIONS]})
            return whole
        answered.sort(key=lambda m: m.citation.is_note)  # official answers first, a moderator's note after
        note_first = bool(whole.best and whole.best.citation.is_note and not answered[0].citation.is_note)
        if whole.answered and whole.best and whole.best.entry_id in {m.entry_id for m in answered} and not note_first:
            best = whole.best
        else:
            best = answered[0]
        also = [m for m in answered if m.entry_id != best.entry_id]
        also += [m for m in whole.also if whole.answered and all(m.entry_id not in (a.entry_id, best.entry_id) for a in also)]
        shown = {best.entry_id, *(a.entry_id for a in also)}
        return whole.model_copy(
            update={
                "outcome": Outcome.ANSWER,
                "best": best,
                "also": also,
                "unanswered_parts": unanswered,
                "unsure_parts": [
                    UnsurePart(part=u.part, suggestions=[m for m in u.suggestions if m.entry_id not in shown])
                    for u in unsure
                    if any(m.entry_id not in shown for m in u.suggestions)
                ],
                "confidence": max(whole.confidence, best.score) if whole.answered else best.score,
                "suggestions": [m for m in whole.suggestions if m.entry_id not in shown],
            }
        )

    def search(self, question: str, limit: int = 10, language: Language | str | None = None) -> list[Match]:
        """The best matches above the suggestion floor, best first, without a decision (inline mode)."""
        text = self.validate_question(question)
        self.refresh()
        ranking = self.matcher.rank(text, limit=limit)
        floor = self.matcher.calibration.suggest_threshold
        matches = [self._match(s, ranking, highlight=True) for s in ranking.scored if s.relevance >= floor]
        asker = Language(language) if language else Language.NL
        return [self.localise(m, asker) for m in matches] if asker is not Language.NL else matches

    # --- the asker's language -------------------------------------------------------------------

    def localise(self, match: Match, language: Language | str) -> Match:
        """The match for an asker of `language`: its translation (labelled unofficial), and its
        question in that language as a title: the translated question, else a curated phrasing in
        that language, else none (the Dutch one).

        Only a translation of the current official text is shown. One made for an earlier version
        (the text was edited since, or re-imported) renders words the document no longer says: the
        asker gets the current Dutch under the "no translation yet" label instead, until a moderator
        saves or confirms a translation of the current text."""
        language = Language(language)
        if language is Language.NL:
            return match
        entry = self.entry_for(match.entry_id)
        # A moderator's note is never translated (knowledge.moderation): one saved before that rule is not shown.
        found = None if entry.note else translations.translation(self.store, match.entry_id, language)
        shown = None
        if found is not None and not translations.is_stale(self.store, found, entry):
            shown = ShownTranslation(language=language, question=found.question, text=found.text)
        title = shown.question if shown and shown.question else None
        if title is None:
            title = next((a.text for a in entry.alternates if a.language is language), None)
        return match.model_copy(update={"language": language, "title": title, "translation": shown})

    def _decide(self, text: str, ranking: Ranking) -> Answer:
        """The search layer's decision (knowledge.search.decision), as matches with citations."""
        self._fetch_briefs([s.entry_id for s in ranking.scored])  # the decision asks of each
        decision = self.decider.decide(text, ranking)
        shown = [decision.best] if decision.best else []
        shown += [*decision.earlier, *decision.newer, *decision.suggestions, *decision.together]
        self._fetch_entries([s.entry_id for s in shown])
        self._fetch_documents([self.entry_for(s.entry_id).document_key for s in shown])
        best = self._match(decision.best, ranking, highlight=True) if decision.best else None
        return Answer(
            query=text,
            outcome=decision.outcome,
            confidence=decision.confidence,
            best=best,
            earlier=[self._match(s, ranking) for s in decision.earlier],
            newer=[self._match(s, ranking) for s in decision.newer],
            suggestions=[self._match(s, ranking) for s in decision.suggestions],
            also=[self._match(s, ranking, highlight=True) for s in decision.together],
            later_time=decision.later_time,
            untold=decision.untold,
        )

    def _record(self, answer: Answer, language: Language) -> None:
        review = asked = None
        looked_up = answer.asked_document is not None and answer.asked_document.entry_missing  # a number, no question
        if answer.outcome in (Outcome.SUGGEST, Outcome.NO_ANSWER) and is_question_for_review(answer.query) and not looked_up:
            review, asked = normalise_for_review(answer.query), mask_for_review(answer.query)
        best = answer.best or (answer.suggestions[0] if answer.suggestions else None)
        self.store.record_question(
            answer.outcome.value,
            review,
            best.entry_id if best else None,
            round(answer.confidence, 3),
            language.value,
            asked=asked,
        )

    # --- entries as matches -----------------------------------------------------------------------

    def _match(self, scored: Scored, ranking: Ranking, highlight: bool = False) -> Match:
        """A scored entry as a Match; only an answer shown in full needs its best sentence found."""
        entry = self.entry_for(scored.entry_id)
        terms = set(ranking.analysis.terms) if highlight else None
        return self.match_for_entry(entry, score=scored.relevance, query_terms=terms)

    def match_for_entry(self, entry: Entry, *, score: float = 1.0, query_terms: set[str] | None = None) -> Match:
        document = self.document_for(entry.document_key)
        return Match(
            entry_id=entry.id or 0,
            entry_key=entry.key,
            question=entry.question,
            question_official=entry.question_is_official,
            text=entry.text,
            score=round(min(max(score, 0.0), 1.0), 4),
            citation=citation_for(entry, document),
            highlight=self._highlight(entry, query_terms) if query_terms else None,
            topics=entry.topics,
        )

    def entry_match(self, entry_id: int, question: str | None = None, language: Language | str | None = None) -> Match:
        """An entry shown on request (a button, /topics): active entries only."""
        entry = self.store.entry(entry_id)
        if not entry.is_active:
            raise NotFound(f"entry {entry_id} is retired")
        terms = set(self.matcher.analyse(question).terms) if question else None
        match = self.match_for_entry(entry, query_terms=terms)
        return self.localise(match, language) if language else match

    def _highlight(self, entry: Entry, query_terms: set[str]) -> Highlight | None:
        sentences = self._sentence_terms(entry)
        if len(sentences) < 2:
            return None
        weights = {t: self.index.weight(self.index.terms.get(t)) for t in query_terms}
        best, best_score = None, 0.0
        for start, end, terms in sentences:
            score = sum(w for t, w in weights.items() if t in terms)
            if score > best_score:
                best, best_score = (start, end), score
        if best is None:
            return None
        return Highlight(start=best[0], end=best[1], sentence=entry.text[best[0] : best[1]])

    def _sentence_terms(self, entry: Entry) -> list[tuple[int, int, frozenset[str]]]:
        """The passage's sentences (start, end) with their terms, analysed once per text."""
        key = (entry.text, entry.language.value)
        found = self._sentences.get(key)
        if found is None:
            if len(self._sentences) >= SENTENCES_KEPT:
                self._sentences.clear()
            analyzer = self.matcher.analyzer
            found = self._sentences[key] = [
                (start, end, frozenset(analyzer.terms(entry.text[start:end], entry.language.value)))
                for start, end in sentence_spans(entry.text)
            ]
        return found

    def related(self, entry_id: int, limit: int = 4, language: Language | str | None = None) -> list[Match]:
        """Other active entries on the same topic (other documents first), then the same document's."""
        entry = self.entry_for(entry_id)
        on_topic = sorted(self.index.on_topic(entry.topics) - {entry_id})
        siblings = self.store.sibling_ids(entry_id)
        ordered = [i for i in on_topic if i not in siblings] + [i for i in on_topic if i in siblings] + siblings
        chosen = list(dict.fromkeys(ordered))[:limit]
        matches = [self.match_for_entry(self.entry_for(i)) for i in chosen]
        return [self.localise(m, language) for m in matches] if language else matches

    # --- documents and feedback -------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        self.refresh()
        counts = self.store.entry_counts()
        none = EntryCounts(active=0, total=0)
        return [
            DocumentSummary(
                document=d, active_entries=counts.get(d.key, none).active, total_entries=counts.get(d.key, none).total
            )
            for d in self.store.documents()
        ]

    def document(self, key: str) -> Document:
        return self.store.document(key)

    def entries_of(self, document_key: str) -> list[Entry]:
        return self.store.entries(document_key=document_key)

    def record_feedback(self, entry_id: int, helpful: bool) -> None:
        self.store.record_feedback(entry_id, helpful)


def word_list_cache(database: Path | None) -> Path | None:
    """Where the typo correction's word table is kept for a store (none for one in memory)."""
    return database.with_name(database.name + ".words") if database else None


def is_question_for_review(question: str) -> bool:
    """A chat command ('/start', '/help') or a bare number (a suggestion picked by its number) is
    counted but is no question for a moderator to answer: only text with a word goes to review."""
    text = question.strip()
    return not text.startswith("/") and any(any(c.isalpha() for c in word) for word in tokens(fold(text)))


#: E-mail addresses and Telegram or Instagram handles ('@ivan_p') a user may type about themselves or
#: others: identifiers, never kept with a question.
_IDENTIFIER = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w{3,}")
#: An identifier in the folded form becomes a long number, which that form masks as '#'.
_AS_LONG_NUMBER = " 00000 "


def normalise_for_review(question: str) -> str:
    """Lower case, no diacritics, no punctuation, and no long numbers (phone numbers, document
    numbers a user may type about themselves) nor e-mail addresses, handles, postcodes, street
    addresses and introduced names (text/personal.py): the form in which a
    question is grouped. Numbers are masked as in the form as asked ('+31 6 1234 5678' as a whole)."""
    personal = mask_personal(question, _AS_LONG_NUMBER)
    unmasked = _IDENTIFIER.sub(_AS_LONG_NUMBER, _masked_numbers(personal, _AS_LONG_NUMBER))
    words = ["#" if word.isdigit() and len(word) >= 5 else word for word in tokens(fold(unmasked))]
    return " ".join(words)[:MAX_REVIEW_TEXT]


#: Digits with spaces, dots, slashes, dashes or brackets between them: one number as people write it,
#: with the '+' (or '(+') of an international number before it ('+375 29 123 45 67', '(+375) 29 …').
_NUMBER_RUN = re.compile(r"(?:\(?\+\s?)?\d[\d\s./()-]*\d")


def _masked_numbers(text: str, mask: str) -> str:
    """Every run of five digits or more (a phone number, a date, a case number) replaced by `mask`."""
    return _NUMBER_RUN.sub(lambda m: mask if sum(c.isdigit() for c in m.group(0)) >= 5 else m.group(0), text)


def mask_for_review(question: str) -> str:
    """The question as it was asked (case, accents and punctuation kept, so that a moderator's new
    entry can start from it), with every run of five digits or more and what identifies the asker
    (text/personal.py) replaced by '#', as in the normalised form."""
    masked = _IDENTIFIER.sub("#", _masked_numbers(mask_personal(question, "#"), "#"))
    return " ".join(masked.split())[:MAX_REVIEW_TEXT]
