"""Score entries against a question and decide: answer, suggest, or no answer.

Candidates come from the index; each is scored on several features (how much of the question the
entry covers, how close its best question-like phrasing is, how much its text covers), which a
logistic model fitted on held-out phrasings turns into a calibrated confidence (see calibration.py).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import resources

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from knowledge.search.index import Index, token_sorted
from knowledge.search.pruning import SEEDS, decision_set, relevance_bound, safe_top
from knowledge.text import focus, lacinka, places
from knowledge.text.analysis import Analysis, Analyzer, Lang, tokens
from knowledge.text.dictionary import frequency, is_word
from knowledge.text.markup import strip_markup
from knowledge.text.translit import prepare, to_cyrillic, transliterate_message

FEATURES = (
    "coverage",
    "question_similarity",
    "question_coverage",
    "text_coverage",
    "fuzzy",
    "unknown_share",
    "answer_type_mismatch",
    "rare_unknown",
    "bias",
)
CONFIDENCE_FEATURES = (
    "relevance",
    "gap",
    "coverage",
    "unknown_share",
    "question_similarity",
    "answer_type_mismatch",
    "rare_unknown",
    "rival_share",
    "relevance_logit",
    "lead",
    "text_coverage",
    "asked_coverage",
    "asked_lead",
    "pair_lead",
    "pair_behind",
    "bias",
)
#: Unknown words rarer than this in everyday language are names or terms the store does not know
#: ('Iran', 'Navalny'): far stronger signs of another subject than unknown everyday words.
COMMON_WORD = 1000
#: A country's people or adjective ('ukrainians', 'украинцам') is its stem (at least this long, so that
#: 'груз' of 'Грузия' names no cargo) and an ending of at most DEMONYM_ENDING letters.
COUNTRY_STEM = 5
DEMONYM_ENDING = 3
#: Words at least this common in everyday language ('klopt', 'echt', 'really') that the store does not
#: have say how someone asks more than what about: as unknown words they count this much. Between
#: COMMON_WORD and EVERYDAY_WORD the weight falls with the logarithm of the word's frequency.
EVERYDAY_WORD = 20000
EVERYDAY_FACTOR = 0.5
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: How much a term of the message's context sentences counts against one of its question (focus.py):
#: known terms may still name the subject ('Okrestina'), unknown ones are mostly the story.
CONTEXT_KNOWN = 0.25
CONTEXT_UNKNOWN = 0.02
#: A question sentence with at most this many terms of the store says too little on its own to be
#: read without the sentence it points back to (_with_referents); one with more says what it asks.
THIN_QUESTION = 3
#: The fast path finds these many best matches exactly (pruning.py): the answer, the runner-up its
#: lead is measured against, and the suggestions.
EXACT_TOP = 4
#: Belarusian readings of Latin words kept (Matcher._belarusian_reader) before they are dropped.
BE_READINGS_KEPT = 100_000
#: Log-odds features are scaled by this (and kept within it): relevance from 0.0025 to 0.9975.
LOG_ODDS_LIMIT = 6.0


def everyday_factor(count: int) -> float:
    """How much an unknown word of this everyday frequency counts: fully below COMMON_WORD (names,
    terms), EVERYDAY_FACTOR from EVERYDAY_WORD on, falling with log frequency in between."""
    if count <= COMMON_WORD:
        return 1.0
    if count >= EVERYDAY_WORD:
        return EVERYDAY_FACTOR
    share = math.log(count / COMMON_WORD) / math.log(EVERYDAY_WORD / COMMON_WORD)
    return 1.0 - share * (1.0 - EVERYDAY_FACTOR)


def _common_latin(word: str) -> int:
    """How common a Latin word is in Dutch or English, rare words ('ci', 'pad') counted as none: a
    Belarusian word in Latin letters is often some rare word of theirs, which Russian ones are less."""
    count = frequency(word)
    return count if count >= COMMON_WORD else 0


def _listed_frequency(word: str) -> int:
    """A word's frequency in the Dutch, English and Russian lists (Belarusian words have none of theirs)."""
    return frequency(word) if is_word(word) else 0


class Calibration(BaseModel):
    """Two logistic models and the decision thresholds.

    `relevance` scores each candidate (is this the entry asked for?) and ranks them; `confidence`
    turns the top candidate's relevance, its lead over the runner-up and the question's unknown
    words into the probability that the top match is right.
    """

    relevance: dict[str, float]
    confidence: dict[str, float]
    answer_threshold: float = 0.6
    suggest_threshold: float = 0.25
    unknown_weight: float = 0.7

    @classmethod
    def load(cls) -> Calibration:
        path = resources.files("knowledge") / "lexicon" / "calibration.json"
        return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))


@dataclass
class Scored:
    entry_id: int
    features: dict[str, float]
    relevance: float
    best_field: int  # index into the entry's questions, -1 for the text
    #: The question's terms this entry has (text or phrasings), with their share of the question.
    covered: dict[int, float] = field(default_factory=dict)


@dataclass
class Ranking:
    analysis: Analysis
    scored: list[Scored]
    confidence: float = 0.0

    def confidence_features(self) -> dict[str, float]:
        return confidence_features(self.scored)


def confidence_features(scored: list[Scored]) -> dict[str, float]:
    if not scored:
        return {name: 0.0 for name in CONFIDENCE_FEATURES}
    top = scored[0]
    runner_up = scored[1].relevance if len(scored) > 1 else 0.0
    # The runner-up holding more of the question's neighbouring terms together (neighbour_pairs)
    # than the top match is a sign of the wrong one of two close passages: far less often right. It
    # counts as much as the runner-up is close (its share of the top's relevance): a weak rival's
    # pairs say little.
    pair_lead = top.features.get("pairs", 0.0) - (scored[1].features.get("pairs", 0.0) if len(scored) > 1 else 0.0)
    pair_behind = runner_up / top.relevance if pair_lead < 0 and top.relevance > 0 else 0.0
    return {
        "relevance": top.relevance,
        "gap": top.relevance - runner_up,
        "coverage": top.features["coverage"],
        "unknown_share": top.features["unknown_share"],
        "question_similarity": top.features["question_similarity"],
        "answer_type_mismatch": top.features["answer_type_mismatch"],
        "rare_unknown": top.features["rare_unknown"],
        "rival_share": rival_share(top, scored[1]) if len(scored) > 1 else 0.0,
        "relevance_logit": log_odds(top.relevance),
        "lead": log_odds(top.relevance) - log_odds(runner_up),
        "text_coverage": top.features["text_coverage"],
        "asked_coverage": top.features.get("asked_coverage", top.features["coverage"]),
        "asked_lead": asked_lead(top, scored[1] if len(scored) > 1 else None),
        "pair_lead": pair_lead,
        "pair_behind": pair_behind,
        "bias": 1.0,
    }


def asked_lead(top: Scored, runner_up: Scored | None) -> float:
    """How much more of the question sentence(s) the top match covers than the runner-up: a story
    can lift a passage that shares its words, but the passage asked for covers the question itself."""
    mine = top.features.get("asked_coverage", top.features["coverage"])
    if runner_up is None:
        return mine
    return mine - runner_up.features.get("asked_coverage", runner_up.features["coverage"])


def neighbour_pairs(analysis: Analysis, term_ids: dict[str, int | None]) -> list[tuple[int, int]]:
    """The question sentences' known terms that follow each other (function and unknown words
    between them left out), as pairs: 'посещают ... суды' asks to attend trials, 'посетить
    политзаключённых' to visit prisoners; the pair tells which, where the terms alone do not."""
    sequence = [term_ids.get(t) for t in analysis.terms if t not in analysis.context_terms]
    known = [t for t in sequence if t is not None]
    return list(dict.fromkeys((a, b) for a, b in zip(known, known[1:], strict=False) if a != b))


def pair_share(term_phrasings: dict[int, list[int]], pairs: list[tuple[int, int]], left_out: int = -1) -> float:
    """Share of the question's neighbouring term pairs that some one phrasing of the entry holds
    together (the phrasing left out for calibration not counted); 0 without pairs."""
    if not pairs:
        return 0.0
    together = 0
    for a, b in pairs:
        shared = set(term_phrasings.get(a, ())).intersection(term_phrasings.get(b, ()))
        shared.discard(left_out)
        together += bool(shared)
    return together / len(pairs)


def log_odds(p: float) -> float:
    """Log-odds of a probability, cut at ±LOG_ODDS_LIMIT and divided by it (so within ±1): a gap
    in log-odds means as much near 1 as lower, where a gap in probability does not."""
    p = min(max(p, 1e-4), 1 - 1e-4)
    return max(-LOG_ODDS_LIMIT, min(LOG_ODDS_LIMIT, math.log(p / (1 - p)))) / LOG_ODDS_LIMIT


def rival_share(top: Scored, runner_up: Scored) -> float:
    """Share of the question that the runner-up has and the top match lacks: a question split
    between two passages ('visit' in one, 'trials' in the other) is no clear match for either."""
    return sum(share for term, share in runner_up.covered.items() if term not in top.covered)


def logistic(weights: dict[str, float], features: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


class Matcher:
    """Ranks entries for a question with calibrated confidences."""

    def __init__(self, index: Index, calibration: Calibration | None = None) -> None:
        self.index = index
        self.analyzer: Analyzer = index.analyzer
        self.calibration = calibration or Calibration.load()
        self._country_terms: frozenset[str] | None = None
        self._be_readings: dict[tuple[str, bool, bool, int], str] = {}

    def analyse(self, question: str) -> Analysis:
        """The message as terms: transliterated back to Cyrillic where it is Russian in Latin letters,
        typos corrected, and the words of its context sentences marked as such (see focus.py). Markup
        pasted into it is no part of it (markup.py); the question as asked is kept by the caller."""
        question = strip_markup(question)
        words = tokens(question)
        cyrillic = None
        transliterated: Lang | None = None
        if not _CYRILLIC.search(question):
            prepared = prepare(question)
            latin_words = tokens(prepared)
            # Belarusian in Latin letters (lacinka.py): tried first when it shows itself by letters
            # only Łacinka has ('ŭ', 'ł', 'ć') or words only Belarusian has ('ci', 'heta', 'kali'), and
            # then its words may be any Belarusian word; else after Russian, and only the store's count.
            belarusian = lacinka.looks_belarusian(question, latin_words)
            be_word = self._is_belarusian if belarusian else self._is_store_word
            readings: list[tuple[Lang, Callable[[str], bool], Callable[[str], int], Callable[[str], str]]] = [
                ("ru", self._is_russian, _listed_frequency, to_cyrillic),
                ("be", be_word, _common_latin, self._belarusian_reader(question)),
            ]
            if belarusian:
                readings.reverse()
            for reading, is_word, latin_frequency, convert in readings:
                cyrillic = transliterate_message(
                    latin_words, is_word, latin_frequency, self._known_latin, convert, self._store_latin
                )
                if cyrillic is not None:
                    transliterated = reading
                    break
            if cyrillic is not None:
                question, words = prepared, latin_words
        mapping = dict(zip(words, cyrillic, strict=True)) if cyrillic else {}
        # Belarusian is told by letters that folding removes ('ў'), so the raw text decides it.
        language: Lang = transliterated or self.analyzer.detect_language(words, question)
        pieces = focus.parts(question)
        if len(pieces) == 1:
            return self._analyse_part(question, mapping, language)
        analysed = [(self._analyse_part(p.text, mapping, language), p.is_question) for p in pieces]
        analysed, referents = self._with_referents(
            analysed, [focus.leans(p.text, self.analyzer.function_words) for p in pieces]
        )
        asked = [a for a, is_question in analysed if is_question]
        asked_text = " ".join(p.text for i, p in enumerate(pieces) if p.is_question or i in referents)
        question_terms = {t for a in asked for t in a.terms}
        question_tokens = {w for a in asked for w in a.tokens}
        all_terms = tuple(t for a, _ in analysed for t in a.terms)
        all_tokens = tuple(w for a, _ in analysed for w in a.tokens)
        return Analysis(
            language=language,
            tokens=all_tokens,
            terms=all_terms,
            is_greeting=all(a.is_greeting or not a.terms for a, _ in analysed)
            and any(a.is_greeting for a, _ in analysed),
            asks_for=next((a.asks_for for a in asked if a.asks_for), None),
            context_terms=frozenset(all_terms) - question_terms,
            context_tokens=frozenset(all_tokens) - question_tokens,
            asked_text=asked_text if len(asked_text) < len(question) else None,
        )

    def _with_referents(
        self, analysed: list[tuple[Analysis, bool]], leaning: list[bool]
    ) -> tuple[list[tuple[Analysis, bool]], set[int]]:
        """A question sentence that points back ('Doet Nederland hier iets mee?', focus.leans) asks
        about the nearest sentence before it with words of the store: those words of it count as the
        question's, the rest of the story (and that sentence's other words) stays context. Also the
        positions of the sentences pointed back to."""
        marked = list(analysed)
        referents: set[int] = set()
        for i, (question, is_question) in enumerate(analysed):
            if not (is_question and leaning[i]):
                continue
            if len({t for t in question.terms if self.index.knows(self.index.terms.get(t))}) > THIN_QUESTION:
                continue  # it says itself what it asks ('meldingen van mensen die zich bedreigd voelen')
            for j in range(i - 1, -1, -1):
                before, before_is_question = marked[j]
                if before_is_question:
                    break
                known = tuple(t for t in before.terms if self.index.knows(self.index.terms.get(t)))
                if known:
                    # Its words the store has are what it is about; the rest is still the story.
                    rest = tuple(t for t in before.terms if t not in known)
                    marked[j] = (replace(before, terms=rest), False)
                    marked.append((replace(before, terms=known, tokens=()), True))
                    referents.add(j)
                    break
        return marked, referents

    def _analyse_part(self, text: str, mapping: dict[str, str], language: Lang) -> Analysis:
        words = [mapping.get(w, w) for w in tokens(text)]
        return self.analyzer.analyse(" ".join(self.index.correct_tokens(words)), language, asked=True)

    def names_elsewhere(self, analysis: Analysis) -> bool:
        """The question (not its story) names a country the store says nothing about ('Rusland',
        'России', 'Iran'): it asks about there, however close its other words are to a passage."""
        if self._country_terms is None:
            self._country_terms = frozenset(
                term
                for language, words in places.country_words().items()
                for word in words
                # A Cyrillic name as Russian and as Belarusian: a Belarusian message may spell a
                # country the Russian way ('Китай' beside 'Кітай'), and the two stem differently.
                for reading in ((language, "be") if language == "ru" else (language,))
                for term in self.analyzer.analyse(word, reading).terms
            )
        asked = set(analysis.terms) - analysis.context_terms
        return any(self._unknown_country(country) for t in asked for country in self._countries_named(t))

    def _countries_named(self, term: str) -> list[str]:
        """The country terms a question's term names: the country itself ('украин'), or its people or
        adjective ('украинц', 'ukrainian': the country's stem and a short ending), which Russian and
        Belarusian write in lower case, so the capitalised-name test of the decision misses them."""
        assert self._country_terms is not None
        if term in self._country_terms:
            return [term]
        return [
            term[:end]
            for end in range(max(COUNTRY_STEM, len(term) - DEMONYM_ENDING), len(term))
            if term[:end] in self._country_terms
        ]

    def _unknown_country(self, term: str) -> bool:
        return not self.index.knows(self.index.terms.get(term))

    def _is_russian(self, word: str) -> bool:
        """A Cyrillic word of Russian or of the store (names, terms) or of the lexicon."""
        return is_word(word) or word in self.index.tokens or word in self.analyzer.function_words

    def _is_store_word(self, word: str) -> bool:
        """A Cyrillic word of the store's own text or phrasings, or of the lexicon."""
        analyzer = self.analyzer
        return word in self.index.tokens or word in analyzer.function_words or word in analyzer.lexicon.synonyms

    def _is_belarusian(self, word: str) -> bool:
        """A Cyrillic word of the store or the lexicon, or of the word lists (the Belarusian one's
        words are there, see dictionary.py): for a message that shows it is Belarusian."""
        return self._is_store_word(word) or frequency(word) > 0

    def _is_store_token(self, word: str) -> bool:
        return word in self.index.tokens or word in self.analyzer.function_words

    def _belarusian_reader(self, question: str) -> Callable[[str], str]:
        """Reads a word of the message (as `tokens(prepare(...))` gives it) in Belarusian Cyrillic
        from its spelling in the message: folding and `prepare` drop the diacritics ('ć', 'č') that
        tell its letters. A message without diacritics is read as phones and English habits type it.
        A word's reading is kept (`_be_readings`) until the store has new words: up to 64 spellings are
        tried for a word that is no Belarusian one, which every Dutch or English word is."""
        raw: dict[str, str] = {}
        for word in lacinka.tokens_as_written(question):
            raw.setdefault("".join(tokens(prepare(word))), word)
        plain = not lacinka.has_diacritics(question)
        hard_l = "ł" not in question.lower()
        # The store's words first, then the lexicon's ('ES' is its 'ЕС', not the letter 'эс' of the word
        # lists), then the word lists'. The lexicon holds stems too, a word cut short ('пераследуюц'):
        # the store's word ('пераследуюць') goes before them.
        known = (self._is_store_token, self._is_store_word, self._is_belarusian)
        vocabulary = len(self.index.tokens)  # the store's words only grow, until a rebuild (a new Matcher)
        if len(self._be_readings) > BE_READINGS_KEPT:
            self._be_readings.clear()

        def read(word: str) -> str:
            key = (raw.get(word, word), plain, hard_l, vocabulary)
            found = self._be_readings.get(key)
            if found is None:
                found = self._be_readings[key] = lacinka.to_cyrillic(key[0], known, plain, hard_l)
            return found

        return read

    def _store_latin(self, word: str) -> bool:
        return word in self.index.tokens

    def _known_latin(self, word: str) -> bool:
        return word in self.index.tokens or word in self.analyzer.lexicon.synonyms

    def rank(
        self, question: str, limit: int = 10, exclude: tuple[int, int] | None = None, *, exhaustive: bool = False
    ) -> Ranking:
        """Best entries first. `exclude` leaves one (entry, question field) out, for calibration;
        `exhaustive` takes the slow path (exact candidates, scored 25 times deeper), to compare."""
        analysis = self.analyse(question)
        if not analysis.terms:
            return Ranking(analysis, [])
        weights = self._query_weights(analysis)
        total = sum(weights.values())
        query_text = " ".join(analysis.terms)
        rare = self._rare_unknown_share(analysis)
        if exhaustive:
            # The same defined set as the fast path's (the k best and the seeds), from a deeper list.
            seeds = self.index.candidates(weights, SEEDS)
            deep = dict.fromkeys([*self.index.exact_candidates(weights), *seeds])
            scored = decision_set(
                [self._score(entry_id, analysis, query_text, weights, total, rare, exclude) for entry_id in deep],
                seeds,
                EXACT_TOP,
                self.calibration.suggest_threshold,
            )
        else:
            bound = relevance_bound(self.calibration.relevance, weights, total, rare, query_text, analysis.asks_for)
            scored = safe_top(
                self.index,
                weights,
                bound,
                lambda entry_id: self._score(entry_id, analysis, query_text, weights, total, rare, exclude),
                EXACT_TOP,
                minimum=self.calibration.suggest_threshold,
            )
        asked_ids = self._asked_ids(analysis) if analysis.context_terms else None
        if asked_ids is not None:
            # The passages closest to the question sentence itself take part, whatever the story.
            have = {s.entry_id for s in scored}
            for entry_id in self.index.candidates([t for t in asked_ids if t >= 0], SEEDS):
                if entry_id not in have:
                    scored.append(self._score(entry_id, analysis, query_text, weights, total, rare, exclude))
            scored = self._without_story_noise(analysis, asked_ids, query_text, weights, rare, exclude, scored)
            total = sum(weights.values())
        scored.sort(key=lambda s: (-s.relevance, s.entry_id))
        self._asked_coverage(asked_ids, weights, total, scored)
        ranking = Ranking(analysis, scored[: max(limit, 2)])
        self._pairs(analysis, ranking.scored, exclude)
        ranking.confidence = logistic(self.calibration.confidence, ranking.confidence_features())
        ranking.scored = ranking.scored[:limit]
        return ranking

    def score_entry(self, analysis: Analysis, entry_id: int) -> Scored:
        """One entry scored against an analysed question as `rank` scores it, for a passage the
        decision looks at that the ranking left out (a newer figure of what the answer counts)."""
        weights = self._query_weights(analysis)
        total = sum(weights.values())
        rare = self._rare_unknown_share(analysis)
        scored = self._score(entry_id, analysis, " ".join(analysis.terms), weights, total, rare, None)
        self._asked_coverage(self._asked_ids(analysis) if analysis.context_terms else None, weights, total, [scored])
        return scored

    def confidence_of(self, group: list[Scored], runner_up: Scored | None) -> float:
        """Confidence that one of a group of equivalent matches is right: its lead is over the next one."""
        features = confidence_features([group[0]] + ([runner_up] if runner_up else []))
        features["gap"] = min(s.relevance for s in group) - (runner_up.relevance if runner_up else 0.0)
        features["lead"] = log_odds(min(s.relevance for s in group)) - log_odds(runner_up.relevance if runner_up else 0.0)
        if runner_up:
            # What the group has together is what the runner-up must add to split the question.
            together = replace(group[0], covered={t: w for s in group for t, w in s.covered.items()})
            features["rival_share"] = rival_share(together, runner_up)
        return logistic(self.calibration.confidence, features)

    def _without_story_noise(
        self,
        analysis: Analysis,
        asked_ids: list[int],
        query_text: str,
        weights: dict[int, float],
        rare: float,
        exclude: tuple[int, int] | None,
        scored: list[Scored],
    ) -> list[Scored]:
        """The matches scored again without the story's terms that none of them has: words of the
        story no candidate shares dilute every candidate alike, and say nothing of which is asked.
        (Story words some candidate has stay: they may tell which passage is meant.) `weights`
        loses them in place."""
        if not scored:
            return scored
        asked = set(asked_ids)
        had = {t for s in scored for t in s.covered}
        noise = [t for t in weights if t not in asked and t not in had]
        if not noise or len(noise) == len(weights):
            return scored
        for t in noise:
            del weights[t]
        total = sum(weights.values())
        return [self._score(s.entry_id, analysis, query_text, weights, total, rare, exclude) for s in scored]

    @staticmethod
    def _asked_coverage(asked_ids: list[int] | None, weights: dict[int, float], total: float, scored: list[Scored]) -> None:
        """Each match's share of the question sentences' own weight (without the story around them,
        focus.py) as the feature `asked_coverage`; without a story (`asked_ids` None) it is the coverage."""
        if asked_ids is None:
            for s in scored:
                s.features["asked_coverage"] = s.features["coverage"]
            return
        asked = set(asked_ids)
        asked_total = sum(weights[t] for t in asked)
        for s in scored:
            share = sum(w for t, w in s.covered.items() if t in asked) * total
            s.features["asked_coverage"] = share / asked_total if asked_total else 0.0

    def _pairs(self, analysis: Analysis, scored: list[Scored], exclude: tuple[int, int] | None) -> None:
        """Each match's share of the question's neighbouring term pairs held by one of its phrasings,
        as the feature `pairs` (neighbour_pairs): only for the few matches the decision reads."""
        terms = self.index.terms
        ids = {t: terms.get(t) for t in set(analysis.terms)}
        pairs = neighbour_pairs(analysis, {t: i for t, i in ids.items() if self.index.knows(i)})
        for s in scored:
            left_out = exclude[1] if exclude is not None and exclude[0] == s.entry_id else -1
            s.features["pairs"] = pair_share(self.index.view(s.entry_id).term_phrasings, pairs, left_out)

    def _asked_ids(self, analysis: Analysis) -> list[int]:
        """The ids of the question sentences' terms, numbered as _query_weights numbers them."""
        ids: list[int] = []
        unknown = -1
        for term in dict.fromkeys(analysis.terms):
            term_id = self.index.terms.get(term)
            if self.index.knows(term_id):
                current: int = term_id  # type: ignore[assignment]
            else:
                current, unknown = unknown, unknown - 1
            if term not in analysis.context_terms:
                ids.append(current)
        return ids

    def _query_weights(self, analysis: Analysis) -> dict[int, float]:
        """Query term ids with their weights; words no entry has get ids below zero (and less weight)."""
        weights: dict[int, float] = {}
        unknown = -1
        context = analysis.context_terms
        everyday: dict[str, float] | None = None
        for term in dict.fromkeys(analysis.terms):
            term_id = self.index.terms.get(term)
            if self.index.knows(term_id):
                factor = CONTEXT_KNOWN if term in context else 1.0
                weights[term_id] = factor * self.index.weight(term_id)  # type: ignore[index]
            else:
                factor = CONTEXT_UNKNOWN if term in context else 1.0
                if everyday is None:
                    everyday = self._everyday_terms(analysis)
                factor *= everyday.get(term, 1.0)
                weights[unknown] = factor * self.calibration.unknown_weight * self.index.weight(None)
                unknown -= 1
        return weights

    def _everyday_terms(self, analysis: Analysis) -> dict[str, float]:
        """Terms of common words of everyday language ('klopt', 'echt', 'really') with the factor their
        weight takes: unknown to the store, they say how someone asks more than what about."""
        found: dict[str, float] = {}
        for word in set(analysis.tokens) - self.analyzer.function_words:
            factor = everyday_factor(frequency(word))
            if factor < 1.0:
                for term in self.analyzer.analyse(word, analysis.language).terms:
                    found[term] = min(found.get(term, 1.0), factor)
        return found

    def _rare_unknown_share(self, analysis: Analysis) -> float:
        """Share of the question's terms that are words neither the store nor everyday language knows."""
        rare = 0
        for word in set(analysis.tokens) - analysis.context_tokens:
            if len(word) < 3 or not (word.isascii() and word.isalpha()) or frequency(word) >= COMMON_WORD:
                continue
            terms = self.analyzer.analyse(word).terms
            if terms and not any(self.index.knows(self.index.terms.get(t)) for t in terms):
                rare += 1
        return min(1.0, rare / max(1, len(set(analysis.terms) - analysis.context_terms)))

    def _score(
        self,
        entry_id: int,
        analysis: Analysis,
        query_text: str,
        weights: dict[int, float],
        total: float,
        rare_unknown: float,
        exclude: tuple[int, int] | None,
    ) -> Scored:
        view = self.index.view(entry_id)
        left_out = exclude[1] if exclude is not None and exclude[0] == entry_id else -1
        # Each phrasing's shared weight, from the question's terms (a phrasing sharing none has
        # similarity 0 and is never the closest).
        shared_by: dict[int, float] = {}
        for term, weight in weights.items():
            for position in view.term_phrasings.get(term, ()):
                shared_by[position] = shared_by.get(position, 0.0) + weight
        best_similarity, best_coverage, best_field = 0.0, 0.0, -1
        totals = view.phrasing_totals
        for position in sorted(shared_by):
            if position == left_out:
                continue
            shared = shared_by[position]
            field_total = totals[position]
            similarity = 2 * shared / (total + field_total) if total + field_total else 0.0
            if similarity > best_similarity:
                best_similarity, best_coverage, best_field = similarity, shared / total, position
        text_terms, phrased = view.text_terms, view.term_phrasings
        if left_out < 0:
            phrasings = view.phrasing_texts
            known = [t for t in weights if t in text_terms or t in phrased]
        else:
            phrasings = [text for position, text in enumerate(view.phrasing_texts) if position != left_out]
            kept = view.text_terms.union(*(terms for position, terms in enumerate(view.phrasings) if position != left_out))
            known = [t for t in weights if t in kept]
        covered = {t: weights[t] / total for t in known}
        coverage = sum(weights[t] for t in known)
        best_fuzzy = 0.0
        if phrasings:
            # token_sort_ratio, as fuzz.ratio of sorted texts (the phrasings are kept sorted).
            choice = process.extractOne(token_sorted(query_text), phrasings, scorer=fuzz.ratio)
            best_fuzzy = choice[1] / 100 if choice else 0.0
        features = {
            "coverage": coverage / total,
            "question_similarity": best_similarity,
            "question_coverage": best_coverage,
            "text_coverage": sum(w for t, w in weights.items() if t in text_terms) / total,
            "fuzzy": best_fuzzy,
            "unknown_share": sum(w for t, w in weights.items() if t < 0) / total,
            "answer_type_mismatch": float(analysis.asks_for is not None and analysis.asks_for not in view.provides),
            "rare_unknown": rare_unknown,
            "bias": 1.0,
        }
        return Scored(entry_id, features, logistic(self.calibration.relevance, features), best_field, covered)
