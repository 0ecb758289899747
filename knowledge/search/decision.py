"""The decision between answering, suggesting and declining, made from a ranking alone.

An answer needs a calibrated confidence, a clear lead over the best other passage, and a question
that does not ask about a later time than the passage's document, nor what became of someone,
an address or a travel advice when the passage does not tell it; passages of other dates on the
same question are earlier positions, not rivals. Suggestions are left out when the question is
about another subject altogether. The answer service turns the decision into matches.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, get_args

from knowledge.models import Outcome, Untold
from knowledge.search.index import ALTERNATE, QUESTION, TEXT
from knowledge.search.matcher import COMMON_WORD, Matcher, Ranking, Scored
from knowledge.search.succession import Bars, Succession
from knowledge.text import dictionary, focus, places
from knowledge.text.analysis import Analysis, fold, tokens
from knowledge.text.claims import asks_confirmation
from knowledge.text.figures import Figure, figures
from knowledge.text.listing import asks_listed
from knowledge.text.timing import later_than
from knowledge.yamlfast import load_yaml

SUGGESTIONS = 3
#: An answer needs a clear lead over the best other passage, whatever the confidence: two passages
#: about equally close ('sancties', 'Belarus') are a choice for the user. The lead is measured in
#: log-odds of relevance (0.5: odds 1.65 times the runner-up's), so it means as much near 1 as lower.
MARGIN = 0.5
#: Matches this close to the top, from documents of other dates, are positions on the same question.
POSITION_TIE = 0.12
#: ...and passages at least this share of the top match's relevance are positions on it at all.
POSITION_SHARE = 0.4
SAME_SUBJECT_OVERLAP = 0.4
#: A passage with fewer terms than this in its text is a bare yes or no ('Ja'): a claim to confirm
#: needs a phrasing of it at least this similar (question_similarity) for its answer to be about it.
BARE_TERMS = 2
BARE_SIMILARITY = 0.7
#: A rival covering more than this share of the question sentence beyond what the top match covers
#: was passed over because of the story's words (_story_leads).
ASKED_SLACK = 0.0
#: Kinds of answer a question asks for that only a passage providing them answers confidently.
UNTOLD_KINDS: frozenset[Untold] = frozenset(get_args(Untold))
#: A passage of a later document whose text shares this much of its terms with the top match's (of
#: the shorter text) is a newer version of it: a fresh import has no curated questions, so it ranks
#: far below the old passage that has them, yet it answers the same question and leads.
REVISION_OVERLAP = 0.6
#: ...and at least this many terms: a one-word answer ('Ja') is no version of anything.
REVISION_TERMS = 5
#: ...when its text covers the question about as well as the old passage's text does.
REVISION_SLACK = 0.05
#: A passage of a later document on the same subject, with different text, leads too when it is
#: itself this relevant and its text covers the question as well (REVISION_SLACK): two strong
#: answers of different dates are the same question answered at two times, and the newer is the
#: position now. Below this it does not lead, and the answer tells that a newer document exists.
NEWER_STRONG = 0.5
#: A newer passage that does not lead is told of ("a newer document on this") only when it matches at
#: least this share of the question's words the answer matches (_on_what_it_answers).
NEWER_SAME_SHARE = 0.6
#: A later document's sentence stating a figure of the same thing as the answer's figure sentence
#: (what the numbers count in common), in this share of the shorter sentence's terms and at least
#: FIGURE_TERMS of them, is that figure as of its date ('... maatregelen genomen tegen 88 personen'
#: becomes '... 261 personen'): the newer figure leads, however few phrasings a fresh import has.
FIGURE_OVERLAP = 0.6
FIGURE_TERMS = 3
#: A later figure counting at least this many of the same things ('personen', 'entiteiten'; 'politieke
#: gevangenen') as the answer's, in other words, is told of as a newer document on it (one, 'personen',
#: is any count of people).
COUNTED_SAME = 2
#: Figure statements kept per text (the decider lives as long as its index).
FIGURES_KEPT = 4_000
#: Two passages answer a question together only when it says this much (terms of its own, the
#: subject's names not counted): a query of a word or two ('sancties EU Belarus') is a choice.
PAIR_TERMS = 3
#: Under a notice that no passage tells what was asked (what became of someone, an address, a figure),
#: a passage is shown as related only when its own text covers at least this share of the question
#: (the matcher's text_coverage): one that matches through its curated phrasings' context alone
#: ('Belarussen die in Nederland wonen' under 'hoeveel belarussen wonen in nederland') or through the
#: subject's names is no related passage.
RELATED_TEXT = 0.2
#: A term of the question this heavy (its share of the question) that the top match lacks and a
#: plausible rival has is what is asked about, when all the top match shares is one everyday word.
MISSED_SHARE = 0.2
#: ...and a term below this share (the country, 'Nederland') says nothing of what the match is about.
SLIGHT_SHARE = 0.05
#: A question whose weight is this much on one term asks about that word alone (_one_everyday_word).
ALONE_SHARE = 0.9
_NAME = re.compile(r"(?<![\w-])[A-ZÀ-Ý\u0400-\u042f][a-zà-ÿ\u0430-\u045f]{2,}")


@dataclass(frozen=True)
class Decision:
    """What to do with a question; the passages as the ranking scored them."""

    outcome: Outcome
    confidence: float
    best: Scored | None = None
    earlier: list[Scored] = field(default_factory=list)
    suggestions: list[Scored] = field(default_factory=list)
    later_time: bool = False
    #: The kind of answer asked for (UNTOLD_KINDS: what became of someone, an address or a visit, a
    #: figure) when the best passage does not give it: the asker is told so, not "did you mean".
    untold: Untold | None = None
    #: A passage of a later document on the same subject that covers the question as well, but is
    #: not relevant enough to lead: "there is a newer document on this", never the answer.
    newer: list[Scored] = field(default_factory=list)
    #: The other passage of an answer given in two (_pair): shown after the best, as an answer too.
    together: list[Scored] = field(default_factory=list)


class Decider:
    """Decides over one matcher's rankings (a new index comes with a new matcher, and a new decider).

    `is_note` tells a moderator's note (no text of any official document) from an official entry:
    a note is never a position of the government, so it never leads, follows or replaces an official
    entry as a newer or earlier version of it, and official entries come before it wherever both are
    offered. `document_of` tells an entry's document (an answer may be given in two passages of one)."""

    def __init__(
        self,
        matcher: Matcher,
        is_note: Callable[[int], bool] | None = None,
        document_of: Callable[[int], str] | None = None,
        text_of: Callable[[int], str] | None = None,
        question_of: Callable[[int], str | None] | None = None,
    ) -> None:
        self.matcher = matcher
        self.index = matcher.index
        self._is_note = is_note or (lambda _entry_id: False)
        # Without the store, the document's date stands for the document.
        self._document_of = document_of or (lambda entry_id: str(self.index.date_of(entry_id)))
        # Without the store, no entry's text: no figure is compared (_later_figure).
        self._text_of = text_of
        self._figures: dict[str, list[Figure]] = {}
        self._subject_terms: set[str] | None = None
        self._country_terms: frozenset[str] | None = None
        # Without the store, no entry's question: no newer answer asks an entry's question again.
        self._succession = Succession(matcher, self._is_note, self._document_of, question_of)

    def decide(self, text: str, ranking: Ranking) -> Decision:
        decision = self._decide(text, ranking)
        if decision.outcome in (Outcome.ANSWER, Outcome.GREETING):
            return decision
        return self._focused(text, ranking) or decision

    def _focused(self, text: str, ranking: Ranking) -> Decision | None:
        """A message with a story, asked without it: its question sentence(s) and what they point back
        to (Analysis.asked_text). The asker's brother, city or fear say nothing against the passage
        the question asks for, so when the question alone is answered confidently with the whole
        message's best match, that is the answer, unless the whole message asks about a later time,
        another country or what the passage does not tell."""
        asked = ranking.analysis.asked_text
        whole = self._official_first(ranking)[0].scored
        if not asked or not whole:
            return None
        decision = self._decide(asked, self.matcher.rank(asked))
        if decision.outcome is not Outcome.ANSWER or decision.best is None:
            return None
        if whole[0].entry_id not in {s.entry_id for s in [decision.best, *decision.earlier]}:
            return None  # another passage than the whole message's best, nor a newer position of it
        best = whole[0]
        if self._story_points_elsewhere(ranking.analysis, best, whole[1:]):
            return None
        if self._asks_later(ranking, best) or self.matcher.names_elsewhere(ranking.analysis):
            return None
        if self._untold(ranking, best) or self._unnamed(text, best) or self._bare_yes(ranking, best):
            return None
        return decision

    def _story_points_elsewhere(self, analysis: Analysis, best: Scored, others: list[Scored]) -> bool:
        """The story has words of the store that another plausible match has and the best lacks ('Na
        die Ryanair-landing ...' before a question on safety): it tells which passage is meant, so
        it cannot be left out."""
        story = {self.index.terms.get(t) for t in analysis.context_terms} - {None}
        floor = self.matcher.calibration.suggest_threshold
        lacking = story - set(best.covered)
        return any(lacking & set(s.covered) for s in others if s.relevance >= floor)

    def _decide(self, text: str, ranking: Ranking) -> Decision:
        calibration = self.matcher.calibration
        if ranking.analysis.is_greeting:
            return Decision(Outcome.GREETING, 0.0)
        ranking, notes = self._official_first(ranking)
        positions, confidence, margin = self._positions(ranking)
        plausible = [s for s in ranking.scored if s.relevance >= calibration.suggest_threshold and s not in positions[1:]]
        if positions and positions[0] not in plausible and len(plausible) < len(ranking.scored) and any(
            s in positions[1:] and s.relevance >= calibration.suggest_threshold for s in ranking.scored
        ):
            plausible.insert(0, positions[0])  # it stands for the earlier positions left out: offered for them
        plausible += [s for s in notes if s.relevance >= calibration.suggest_threshold]
        later = bool(positions) and self._asks_later(ranking, positions[0])
        elsewhere = self.matcher.names_elsewhere(ranking.analysis)
        untold = bool(positions) and (
            self._untold(ranking, positions[0]) or self._unnamed(text, positions[0]) or self._bare_yes(ranking, positions[0])
        )
        sure = confidence >= calibration.answer_threshold and margin >= MARGIN and not self._says_too_little(ranking)
        sure = sure and not self._story_leads(ranking, positions) and not self._more_elsewhere(ranking, positions)
        sure = sure and not self._one_everyday_word(ranking, positions)
        if positions and sure and not (later or elsewhere or untold):
            best = positions[0]
            others = self._offered([s for s in plausible if s is not best])
            newer = self._newer(ranking, positions)
            others = [s for s in others if s not in newer]
            return Decision(
                Outcome.ANSWER, confidence, best=best, earlier=positions[1:], suggestions=others, newer=newer
            )
        pair = self._pair(ranking, positions) if positions and not (later or elsewhere or untold) else None
        if pair is not None:
            best, other, pair_confidence = pair
            others = self._offered([s for s in plausible if s is not best and s is not other])
            return Decision(Outcome.ANSWER, pair_confidence, best=best, suggestions=others, together=[other])
        if plausible and (elsewhere and not self._names_subject(ranking) or self._elsewhere(text, ranking)):
            plausible = []
        kind = self._untold_kind(ranking, positions[0]) if positions and not later else None
        if kind is not None:
            plausible = [s for s in plausible if self._related(text, ranking, s)]
        if plausible:
            counting = [s for s in plausible if self._counts_asked(s)] if kind == "count" else []
            if counting:
                # A passage offered with a figure of what is asked: "there is no official number"
                # would be untrue. It is offered first, the passages without a figure after it.
                plausible, kind = counting + [s for s in plausible if s not in counting], None
            shown = self._offered(plausible)
            if later and ranking.analysis.asks_for == "count" and all(s.features["answer_type_mismatch"] for s in shown):
                # 'How many now?' with no figure among the passages: "the documents answer these at
                # their date" would promise a figure; there is none, and the passages are only related.
                later, kind = False, "count"
            return Decision(Outcome.SUGGEST, confidence, suggestions=shown, later_time=later, untold=kind)
        return Decision(Outcome.NO_ANSWER, confidence, later_time=later, untold=kind)

    def _offered(self, plausible: list[Scored]) -> list[Scored]:
        """The first SUGGESTIONS of the plausible passages (official entries first, notes after), but a
        moderator's note closer to the question than an official entry it would be cut off behind takes
        that entry's place: asked its own question, a note is offered even when official entries match
        too (after them, under its own label). Without notes, the first SUGGESTIONS as they come."""
        notes = [s for s in plausible if self._is_note(s.entry_id)]
        if len(plausible) <= SUGGESTIONS or not notes:
            return plausible[:SUGGESTIONS]
        closest = sorted(plausible, key=lambda s: s.relevance, reverse=True)[:SUGGESTIONS]
        kept = [s for s in notes if s in closest]
        official = [s for s in plausible if s not in notes]
        shown = official[: SUGGESTIONS - len(kept)] + kept
        return shown + [s for s in notes if s not in shown][: SUGGESTIONS - len(shown)]

    def _pair(self, ranking: Ranking, positions: list[Scored]) -> tuple[Scored, Scored, float] | None:
        """Two passages of one document on one subject, about equally close and together clearly
        ahead of the rest ('bedreigd, wat moet ik doen?': the answers on reporting a threat and on
        the police): the question is answered by both, not a choice between them. The same bar as
        one answer: the confidence that one of the two is right, and their lead over the third."""
        scored = ranking.scored
        if len(positions) != 1 or len(scored) < 2 or positions[0] is not scored[0]:
            return None
        best, other = scored[0], scored[1]
        if self._is_note(other.entry_id) or other.relevance < POSITION_SHARE * best.relevance:
            return None
        if self._document_of(best.entry_id) != self._document_of(other.entry_id):
            return None
        if not self._same_subject(best, other) or self._untold(ranking, other):
            return None
        own = set(ranking.analysis.terms) - ranking.analysis.context_terms - self._subject()
        if len(own) < PAIR_TERMS:
            return None  # 'sancties', 'sancties EU Belarus': too broad to say both are asked, a choice
        first, second = self.index.view(best.entry_id).text_terms, self.index.view(other.entry_id).text_terms
        if len(first & second) >= REVISION_OVERLAP * min(len(first), len(second)):
            return None  # much the same text twice: a duplicate to choose between, not two parts
        if other.features.get("pairs", 0.0) > best.features.get("pairs", 0.0):
            return None  # the question's neighbouring words are the runner-up's: it chooses, not both
        pair = [best, other]
        if self._story_leads(ranking, pair) or self._more_elsewhere(ranking, pair):
            return None
        third = scored[2] if len(scored) > 2 else None
        confidence = self.matcher.confidence_of(pair, third)
        margin = lead(min(best.relevance, other.relevance), third.relevance if third else 0.0)
        if confidence < self.matcher.calibration.answer_threshold or margin < MARGIN:
            return None
        return best, other, round(confidence, 4)

    def _official_first(self, ranking: Ranking) -> tuple[Ranking, list[Scored]]:
        """The ranking the decision is made over, and the moderators' notes left out of it (offered
        after the official entries). A note stays in only when it leads by more than POSITION_TIE over
        every official entry: then it alone can answer (under its own label), with no positions. A
        note is no rival of an official answer either: it is commentary on the question, not another
        government position, so it takes no lead away; the official entries' confidence is theirs."""
        scored = ranking.scored
        note_ids = {s.entry_id for s in scored if self._is_note(s.entry_id)}
        if not note_ids:
            return ranking, []
        official = [s for s in scored if s.entry_id not in note_ids]
        if not (official and official[0].relevance >= scored[0].relevance - POSITION_TIE):
            return ranking, []  # a note leads by far (or only notes match): _positions lets it stand alone
        notes = [s for s in scored if s.entry_id in note_ids]
        unchanged = scored[: min(2, len(scored))] == official[: min(2, len(official))]
        runner_up = official[1] if len(official) > 1 else None
        confidence = ranking.confidence if unchanged else self.matcher.confidence_of([official[0]], runner_up)
        return Ranking(ranking.analysis, official, confidence), notes

    def _elsewhere(self, text: str, ranking: Ranking) -> bool:
        """About another subject: the question names something (a capitalised word) that neither the
        store nor everyday language knows (a country, a person: 'Venezuela') and nothing of the
        store's own subject. Suggestions about Belarus would only be noise then."""
        top = ranking.scored[0] if ranking.scored else None
        if top is None or top.features["rare_unknown"] <= 0:
            return False
        names = [fold(w) for w in _NAME.findall(text)]
        if not any(self._unknown_name(name) for name in names):
            return False
        return not self._names_subject(ranking)

    def _story_leads(self, ranking: Ranking, positions: list[Scored]) -> bool:
        """A story before the question lifted the top match over one that covers more of the question
        sentence itself ('... zijn er sancties tegen belarus?' led by the story's words elsewhere):
        what is asked is the question, so that match is no clear answer."""
        if not ranking.analysis.context_terms or not positions:
            return False
        # The positions answer one question at different times: the one closest to the question
        # sentence stands for them all (a newer figure restating a curated one has no English words).
        asked = max(s.features.get("asked_coverage", 0.0) for s in positions)
        rivals = [s for s in ranking.scored if s not in positions]
        return any(s.features.get("asked_coverage", 0.0) > asked + ASKED_SLACK for s in rivals)

    def _one_everyday_word(self, ranking: Ranking, positions: list[Scored]) -> bool:
        """The top match shares with the question one everyday word only ('steunen', 'помогать',
        'help'), and a plausible rival has a heavy term of the question it lacks ('Steunt Nederland de
        oppositie?' led by a passage on support for the diaspora, 'помогает ли Нидерланды
        политзаключённым?' by the same): the verb is the match, what is asked about is elsewhere, so
        it is a choice for the asker, not an answer. The positions' best match is what is judged: a
        newer position leading it (a fresh import restating a figure, _later_figure) has no phrasings.
        So is a question that is, beyond the subject's names, that one word, which only a curated phrasing
        of the passage holds ('Can Belarusians stay in the Netherlands?' met 'stay' in another sense in a
        phrasing of the diaspora-contacts answer): nothing of the government's own text says it is asked."""
        if not positions:
            return False
        top = max(positions, key=lambda s: s.relevance)
        context = {self.index.terms.get(t) for t in ranking.analysis.context_terms}
        subject = self._subject_term_ids()
        own = {t for t, share in top.covered.items() if share >= SLIGHT_SHARE} - context
        if len(own) != 1:
            return False
        (term,) = own
        analyzer = self.matcher.analyzer
        words = [w for w in ranking.analysis.tokens if self.index.terms.get(next(iter(analyzer.terms(w)), "")) == term]
        if not words or any(dictionary.frequency(w) < COMMON_WORD for w in words):
            return False
        if top.covered[term] >= ALONE_SHARE and term not in self.index.view(top.entry_id).text_terms:
            return True  # the question is that word alone, and only a moderator's phrasing of the passage has it
        floor = self.matcher.calibration.suggest_threshold
        return any(
            share >= MISSED_SHARE and t not in top.covered and t not in subject and t not in context
            for s in ranking.scored
            if s not in positions and s.relevance >= floor
            for t, share in s.covered.items()
        )

    def _subject(self) -> set[str]:
        """The terms of the store's own subject's names (Belarus, Minsk, Loekasjenko...)."""
        if self._subject_terms is None:
            self._subject_terms = {t for name in subject_names() for t in self.matcher.analyzer.terms(name)}
        return self._subject_terms

    def _more_elsewhere(self, ranking: Ranking, positions: list[Scored]) -> bool:
        """The question asks for more of something ('nog meer sancties', analysis.Analyzer) and the top
        match says nothing of more while a rival does: the top match is about what there is now."""
        more_term = self.matcher.analyzer.more_term
        if not positions or more_term not in set(ranking.analysis.terms) - ranking.analysis.context_terms:
            return False
        more = self.index.terms.get(more_term)
        if more is None or more in positions[0].covered:
            return False
        return any(more in s.covered for s in ranking.scored if s not in positions)

    def _says_too_little(self, ranking: Ranking) -> bool:
        """One word of everyday language alone ('help', 'more', 'contact', 'выход'), or only the
        subject's name ('Minsk'), does not say what is asked: suggestions, never an answer. A term of
        the subject's own ('sanctielijst', 'inreisverbod') alone still is a question a reader can answer."""
        if len(set(ranking.analysis.terms)) != 1:
            return False
        if self._names_subject(ranking):
            return True
        return all(dictionary.frequency(token) >= COMMON_WORD for token in ranking.analysis.tokens)

    def _names_subject(self, ranking: Ranking) -> bool:
        """The question names something of the store's own subject (Belarus, Minsk, Loekasjenko...)."""
        return bool(self._subject() & set(ranking.analysis.terms))

    def _unknown_name(self, word: str) -> bool:
        if word in self.index.tokens or word in self.matcher.analyzer.lexicon.synonyms:
            return False
        return dictionary.frequency(word) < COMMON_WORD

    def _untold_kind(self, ranking: Ranking, best: Scored) -> Untold | None:
        """The kind of answer asked for that `best` does not give (see _untold), if any."""
        if not self._untold(ranking, best):
            return None
        return next(kind for kind in UNTOLD_KINDS if kind == ranking.analysis.asks_for)

    def _untold(self, ranking: Ranking, best: Scored) -> bool:
        """The question asks for an answer of a kind (UNTOLD_KINDS) the best passage does not give:
        what became of someone (text/fate.py) where it names the person only as the occasion of a
        policy; an address or a travel advice (text/practical.py) where it states a policy."""
        kind = ranking.analysis.asks_for
        return kind in UNTOLD_KINDS and kind not in self.index.provides_of(best.entry_id)

    def _related(self, text: str, ranking: Ranking, scored: Scored) -> bool:
        """A passage worth showing under a notice (RELATED_TEXT): its text says part of the question,
        and it has every person the question names ('Марыя Калеснікава': a passage on a motion that
        names neither is unrelated, whatever else it shares)."""
        if scored.features["text_coverage"] < RELATED_TEXT:
            return False
        asked = " ".join(p.text for p in focus.parts(text) if p.is_question) or text
        terms = self.index.terms
        for name in self._person_names(asked, tokens(asked)):
            found = [terms.get(t) for t in self.matcher.analyzer.terms(name)]
            if not any(t is not None and t in scored.covered for t in found):
                return False
        return True

    def _bare_yes(self, ranking: Ranking, best: Scored) -> bool:
        """A claim to confirm ('..., klopt dat?', text/claims.py) and a passage that is a bare 'Ja' to
        its own question: only when that question matches the claim closely is the 'Ja' about it."""
        if len(self.index.view(best.entry_id).text_terms) >= BARE_TERMS:
            return False
        return asks_confirmation(ranking.analysis.tokens) and best.features["question_similarity"] < BARE_SIMILARITY

    def _unnamed(self, text: str, best: Scored) -> bool:
        """The question asks whether someone it names is on a list or sanctioned (text/listing.py),
        and the passage does not name them: its figures ('88 personen') do not say who."""
        asked = " ".join(p.text for p in focus.parts(text) if p.is_question)
        words = tokens(asked)
        if not asks_listed(words):
            return False
        text_terms = self.index.view(best.entry_id).text_terms
        analyzer = self.matcher.analyzer
        for name in self._person_names(asked, words):
            terms = [self.index.terms.get(t) for t in analyzer.terms(name)]
            if terms and not any(t in text_terms for t in terms):
                return True
        return False

    def _person_names(self, asked: str, words: list[str]) -> set[str]:
        """The names a question gives: its capitalised words and the words spelling a name of the
        subject (as terms: 'Лукашенко' is 'Loekasjenko'), that are no everyday words, list words or
        countries ('Loekasjenko', not 'Belarus')."""
        named = {fold(w) for w in _NAME.findall(asked)}
        names: set[str] = set()
        for word in set(words):
            if asks_listed([word]):
                continue
            terms = set(self.matcher.analyzer.terms(word))
            if terms & self._countries() or not terms:
                continue
            if terms & self._subject():  # 'protasevich' is a name, whatever a word list makes of it
                names.add(word)
            elif word in named and dictionary.frequency(word) < COMMON_WORD:
                names.add(word)
        return names

    def _countries(self) -> frozenset[str]:
        """The terms of every country's name (text/places.py), Belarus too."""
        if self._country_terms is None:
            analyzer = self.matcher.analyzer
            self._country_terms = frozenset(
                t for found in places.country_words().values() for w in found for t in analyzer.terms(w)
            )
        return self._country_terms

    def _asks_later(self, ranking: Ranking, best: Scored) -> bool:
        """The question asks about a later time than the best passage's document (timing.py)."""
        ordinal = self.index.date_of(best.entry_id)
        date = dt.date.fromordinal(ordinal) if ordinal else None
        analysis = ranking.analysis
        return later_than(analysis.tokens, analysis.asks_for, date.year if date else None, date.month if date else None)

    def _positions(self, ranking: Ranking) -> _Positions:
        """The position that answers, then earlier positions on the same question, newest first.

        Passages from documents of other dates, on the same subject and relevant enough, are the
        same question answered at another time: among those about as relevant as the top match the
        newest leads; the older ones stay reachable as earlier positions and do not count as rivals.
        """
        scored = ranking.scored
        if not scored:
            return _Positions([], round(ranking.confidence, 4), 0.0)
        top = scored[0]
        if self._is_note(top.entry_id):  # a note leading by far answers alone: it has no positions
            runner_up = scored[1].relevance if len(scored) > 1 else 0.0
            return _Positions([top], round(ranking.confidence, 4), lead(top.relevance, runner_up))
        date_of = self._date_of
        floor = max(self.matcher.calibration.suggest_threshold, POSITION_SHARE * top.relevance)
        same: list[Scored] = []
        revisions: list[Scored] = []
        for other in scored[1:]:
            if date_of(other) in {date_of(s) for s in [top, *same]}:
                continue
            if self._revises(other, top) or self._strong_newer(other, top) or self._restates(other, top):
                revisions.append(other)
                same.append(other)
            elif other.relevance >= floor and self._same_subject(top, other):
                same.append(other)
        restated = self._later_figure(ranking, top, self._restates_figure)
        if restated is not None and restated not in same:
            revisions.append(restated)
            same.append(restated)
        succeeding = self._succeeding(ranking, top)
        if succeeding is not None and self._asks_what_it_answers(succeeding, top):
            # It asks the top match's question again: it leads, whatever else of its document (its
            # date) was taken for a position here.
            day = date_of(succeeding)
            same = [s for s in same if date_of(s) != day] + [succeeding]
            revisions = [s for s in revisions if date_of(s) != day] + [succeeding]
        if not same:
            runner_up = scored[1].relevance if len(scored) > 1 else 0.0
            return _Positions([top], round(ranking.confidence, 4), lead(top.relevance, runner_up))
        # Confidence and lead are those of the passages about as relevant as the top match; a newer
        # version of it takes part in who leads, not in how sure the match is.
        equal = [top] + [s for s in same if s not in revisions and top.relevance - s.relevance <= POSITION_TIE]
        leading = max(equal + revisions, key=date_of)
        earlier = sorted(
            (s for s in [top, *same] if s is not leading and date_of(s) < date_of(leading)), key=date_of, reverse=True
        )
        rivals = [s for s in scored if s is not top and s not in same]
        confidence = self.matcher.confidence_of(equal, rivals[0] if rivals else None)
        margin = lead(min(s.relevance for s in equal), rivals[0].relevance if rivals else 0.0)
        return _Positions([leading, *earlier], round(confidence, 4), margin)

    def _later_figure(self, ranking: Ranking, top: Scored, same: Callable[[Figure, Figure], bool]) -> Scored | None:
        """A how-many question answered by a passage with a figure, and the newest passage of a later
        document with a figure `same` as it (_restates_figure: the same words with its own number, the
        figure as of that date; _counts_the_same: of the same things), scored against the question
        (the ranking may have left it out: a fresh import has no phrasings, and none in the asker's
        language). The answer's figure is the one of its sentences closest to the question; of two
        equally close, neither (which one is asked?)."""
        if self._text_of is None or ranking.analysis.asks_for != "count" or "count" not in self.index.provides_of(top.entry_id):
            return None
        asked = self._figure_asked(top)
        if asked is None:
            return None
        since = self._date_of(top)
        found: list[tuple[int, int]] = []
        for entry_id in self.index.later_providing("count", since):  # a later date: another document
            date = self.index.date_of(entry_id)
            if any(same(figure, asked) for figure in self._figures_of(entry_id)) and not self._is_note(entry_id):
                found.append((date, entry_id))
        if not found:
            return None
        newest = max(found)[1]
        ranked = next((s for s in ranking.scored if s.entry_id == newest), None)
        return ranked or self.matcher.score_entry(ranking.analysis, newest)

    def _restates_figure(self, newer: Figure, older: Figure) -> bool:
        """Two figure sentences of the same count: something counted in common, much the same words
        (FIGURE_OVERLAP, FIGURE_TERMS), and no country the older does not name ('... tegen Rusland
        maatregelen genomen tegen 1.700 personen' is another count in the same words)."""
        if not newer.counted & older.counted or (newer.terms - older.terms) & self._countries() - self._subject():
            return False
        shared = len(newer.terms & older.terms)
        return shared >= FIGURE_TERMS and shared >= FIGURE_OVERLAP * min(len(newer.terms), len(older.terms))

    def _counts_asked(self, scored: Scored) -> bool:
        """The passage states a figure of something the question names: what its numbers count is
        among the question's terms it has, the subject's names aside ('1.400 politieke gevangenen'
        for 'hoeveel politieke gevangenen', not '4,5 miljoen euro' for it)."""
        if self._text_of is None or "count" not in self.index.provides_of(scored.entry_id):
            return False
        strings = self.index.terms.strings
        asked = {strings[t] for t in scored.covered} - self._subject()
        return any(figure.counted & asked for figure in self._figures_of(scored.entry_id))

    def _counts_the_same(self, newer: Figure, older: Figure) -> bool:
        """Two figures of the same things in other words ('261 personen en 38 entiteiten op de
        sanctielijst'): at least COUNTED_SAME terms of what they count in common, no other country.
        Not the same statement, so perhaps not the same figure (those added by a new package): told
        of under the answer, never the answer."""
        if (newer.terms - older.terms) & self._countries() - self._subject():
            return False
        return len(newer.counted & older.counted) >= COUNTED_SAME

    def _figure_asked(self, top: Scored) -> Figure | None:
        """The answer's figure sentence that has most of the question's terms (its only one, often)."""
        stated = self._figures_of(top.entry_id)
        if not stated:
            return None
        strings = self.index.terms.strings
        asked = {strings[t] for t in top.covered}
        closeness = [len(asked & (figure.terms | figure.counted)) for figure in stated]
        best = max(closeness)
        if closeness.count(best) > 1:
            return None
        return stated[closeness.index(best)]

    def _figures_of(self, entry_id: int) -> list[Figure]:
        """The figure sentences of an entry's text (text/figures.py), kept by text: an edit is another."""
        assert self._text_of is not None
        text = self._text_of(entry_id)
        stated = self._figures.get(text)
        if stated is None:
            if len(self._figures) > FIGURES_KEPT:
                self._figures.clear()
            stated = self._figures[text] = figures(text, lambda sentence: self.matcher.analyzer.terms(sentence, "nl"))
        return stated

    def _covers_as_well(self, newer: Scored, older: Scored) -> bool:
        """`newer`, of a later document, answers the question in its text about as well as `older`."""
        if self._date_of(newer) <= self._date_of(older):
            return False
        return newer.features["text_coverage"] >= older.features["text_coverage"] - REVISION_SLACK

    def _strong_newer(self, newer: Scored, older: Scored) -> bool:
        """A later document's passage on the same subject, strong in its own right (NEWER_STRONG)."""
        return (
            newer.relevance >= NEWER_STRONG
            and self._covers_as_well(newer, older)
            and self._same_subject(older, newer)
        )

    def _restates(self, newer: Scored, older: Scored) -> bool:
        """A later document's passage without curated phrasings (a fresh import: a letter's paragraph,
        whose sentences stand in for questions, or an answer with only its official question) that says
        in its text all the older, curated passage's text says of the question, and more than the
        subject's name, on the same subject: judged text against text the newer is as good an answer,
        and the older one's lead is only that moderators phrased it many ways. NEWER_STRONG, an absolute
        bar, left such a restatement under the 'newer document' notice whatever its text said."""
        if self._date_of(newer) <= self._date_of(older) or newer.relevance < self.matcher.calibration.suggest_threshold:
            return False
        if self._curated(newer.entry_id) or not self._curated(older.entry_id):
            return False  # both curated, or neither: their relevances compare like with like
        return self._says_as_much(newer, older) and self._same_subject(older, newer)

    def _curated(self, entry_id: int) -> bool:
        """The entry has a question and alternate phrasings (a fresh import has its text, its sentences
        standing in for questions, or only the official question it answers)."""
        kinds = {kind for kind, _ in self.index.fields(entry_id)}
        return QUESTION in kinds and ALTERNATE in kinds

    def _subject_term_ids(self) -> set[int]:
        found = (self.index.terms.get(term) for term in self._subject())
        return {term_id for term_id in found if term_id is not None}

    def _newer(self, ranking: Ranking, positions: list[Scored]) -> list[Scored]:
        """The newest passage of a later document than the answer's, on its subject and covering the
        question as well, that did not lead (too little relevance of its own): at most one."""
        floor = self.matcher.calibration.suggest_threshold
        leading = positions[0]
        found = [
            s for s in ranking.scored
            if s not in positions and s.relevance >= floor and self._covers_as_well(s, leading)
            and self._same_subject(leading, s) and self._on_what_it_answers(s, leading)
        ]
        if not found and ranking.analysis.asks_for == "count":
            figure = self._later_figure(ranking, leading, self._counts_the_same)
            found = [figure] if figure is not None and figure not in positions else []
        succeeding = self._succeeding(ranking, leading)
        if succeeding is not None and all(s.entry_id != succeeding.entry_id for s in [*positions, *found]):
            # It asks the answer's question again, not all this asker asks of it; told of when it
            # has something of what was asked ('Wat is de OBI-aanpak?' is not asked of a meldpunt).
            if (set(succeeding.covered) & set(leading.covered)) - self._subject_term_ids():
                found.append(succeeding)
        return sorted(found, key=self._date_of, reverse=True)[:1]

    def _succeeding(self, ranking: Ranking, older: Scored) -> Scored | None:
        """The newest passage of a later document whose official question is `older`'s question asked
        again (succession.py), scored against the question (the ranking may have left it out)."""
        newest = self._succession.newest(older, self.bars())
        if newest is None:
            return None
        ranked = next((s for s in ranking.scored if s.entry_id == newest), None)
        return ranked or self.matcher.score_entry(ranking.analysis, newest)

    def _asks_what_it_answers(self, newer: Scored, older: Scored) -> bool:
        """The newer passage, which asks the older one's question again, holds most of the question's
        terms that the older passage's text has beyond its own question (NEWER_SAME_SHARE, the
        subject's names aside): what its question asks, the newer answers too; a detail only the
        older text tells ('moet ik naar de politie?' of a text on reporting to the police) is not
        answered by a newer meldpunt alone: the newer one is told of under the older answer instead."""
        fields = self.index.fields(older.entry_id)
        asks = {t for kind, ids in fields if kind == QUESTION for t in ids}
        told = {t for kind, ids in fields if kind == TEXT for t in ids}
        detail = (set(older.covered) & told) - asks - self._subject_term_ids()
        return len(detail & set(newer.covered)) >= NEWER_SAME_SHARE * len(detail)

    def bars(self) -> Bars:
        """What succession.py judges a newer question by (passed, never kept: no cycle)."""
        return Bars(self._subject_term_ids(), self._countries() - self._subject(), self._answers_over)

    def _answers_over(self, top: Scored, runner_up: Scored | None) -> bool:
        """`top` answers over `runner_up` by an answer's bars: the calibrated confidence and MARGIN."""
        if self.matcher.confidence_of([top], runner_up) < self.matcher.calibration.answer_threshold:
            return False
        return lead(top.relevance, runner_up.relevance if runner_up else 0.0) >= MARGIN

    def _says_as_much(self, newer: Scored, older: Scored) -> bool:
        """The newer passage's own text has every word of the question the older one's text has, and
        more than the subject's name: it is about what the answer is about. A shared topic or a short
        text ('Ja' shares its few terms with anything) is not enough to tell of 'a newer document on this'."""
        in_newer = {t for t in newer.covered if t in self.index.view(newer.entry_id).text_terms}
        in_older = {t for t in older.covered if t in self.index.view(older.entry_id).text_terms}
        return in_older <= in_newer and bool(in_newer - self._subject_term_ids())

    def _on_what_it_answers(self, newer: Scored, older: Scored) -> bool:
        """The newer passage matches most of the question's words the answer matches (NEWER_SAME_SHARE of
        them, the subject's names aside; in its text or its phrasings; counted, not weighed: a rare word
        of the question's frame, 'standpunt', would outweigh what it is about), and its text says as
        much as the answer's (_says_as_much): a shared topic ('diplomatie' of human rights in prisons
        and of the diaspora's safety) or a short text ('Ja' shares its few terms with anything) is not
        enough to tell of 'a newer document on this'."""
        asked = set(older.covered) - self._subject_term_ids()
        matched = len(asked & set(newer.covered))
        return bool(asked) and matched >= NEWER_SAME_SHARE * len(asked) and self._says_as_much(newer, older)

    def _revises(self, newer: Scored, older: Scored) -> bool:
        """`newer` is a later version of `older`'s passage: a later date, much the same text, and as
        much of the question in its text (REVISION_OVERLAP, REVISION_SLACK)."""
        if self._date_of(newer) <= self._date_of(older):
            return False
        if newer.features["text_coverage"] < older.features["text_coverage"] - REVISION_SLACK:
            return False
        first, second = self.index.view(older.entry_id).text_terms, self.index.view(newer.entry_id).text_terms
        shared = len(first & second)
        return shared >= REVISION_TERMS and shared >= REVISION_OVERLAP * min(len(first), len(second))

    def _same_subject(self, a: Scored, b: Scored) -> bool:
        """Two passages about the same thing: a shared topic, or much of their vocabulary in common."""
        if self.index.topics_of(a.entry_id) & self.index.topics_of(b.entry_id):
            return True
        first, second = self.index.view(a.entry_id), self.index.view(b.entry_id)
        shared = first.text_terms & second.text_terms
        return len(shared) >= SAME_SUBJECT_OVERLAP * min(len(first.text_terms), len(second.text_terms))

    def _date_of(self, scored: Scored) -> int:
        """The document date of a match as an ordinal (0 when unknown), straight from the index."""
        return self.index.date_of(scored.entry_id)


class _Positions(NamedTuple):
    """The positions on the question (the one that answers first, then earlier ones, newest first),
    the confidence that the first is right, and its lead over the best rival (log-odds)."""

    positions: list[Scored]
    confidence: float
    margin: float


@lru_cache(maxsize=1)
def subject_names() -> tuple[str, ...]:
    """The names of the store's subject (lexicon/subject.yaml): a question naming one of them is about
    it, whatever else it names."""
    data = load_yaml((resources.files("knowledge") / "lexicon" / "subject.yaml").read_text(encoding="utf-8"))
    names = data.get("names") if isinstance(data, dict) else None
    if not names or not all(isinstance(name, str) and name.strip() for name in names):
        raise ValueError("lexicon/subject.yaml: `names` must be a list of names")
    return tuple(names)


def lead(best: float, runner_up: float) -> float:
    """How far `best` leads, in log-odds: equal gaps in probability count more near 0 and 1."""
    best, runner_up = (min(max(p, 1e-6), 1 - 1e-6) for p in (best, runner_up))
    return math.log(best / (1 - best)) - math.log(runner_up / (1 - runner_up))
