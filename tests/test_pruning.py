"""The fast path's first stage (knowledge/pruning.py) finds the same best matches as scoring every
entry that shares a term with the question: on random small stores, with terms common enough that
the bitmap stage runs, and after entries are removed (tombstones)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import knowledge.search.index
from knowledge.models import AlternateQuestion, Entry, Language
from knowledge.search.index import Index
from knowledge.search.matcher import EXACT_TOP, Matcher
from knowledge.text.analysis import Analyzer

WORDS = (
    "sancties belarus meldpunt bedreiging diplomaten gevangenen verkiezingen oppositie paspoort "
    "ambassade kabinet minister politie asiel europese journalisten demonstranten rechtszaak"
).split()
ANALYZER = Analyzer()

phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
entry = st.tuples(phrase, st.lists(phrase, max_size=3), st.lists(phrase, min_size=1, max_size=3))


@pytest.fixture(autouse=True)
def common_terms_in_small_stores() -> Iterator[None]:
    """Terms in more than 3 entries count as common, so small stores take the bitmap stage too."""
    saved = knowledge.search.index.COMMON_MINIMUM
    knowledge.search.index.COMMON_MINIMUM = 3
    yield
    knowledge.search.index.COMMON_MINIMUM = saved


def build(entries: list[tuple[str, list[str], list[str]]], removed: list[int]) -> Index:
    index = Index(ANALYZER)
    for number, (question, alternates, sentences) in enumerate(entries, start=1):
        index.add(
            Entry(
                id=number,
                key=f"d/{number}",
                document_key="d",
                number=number,
                question=question if number % 3 else None,
                text=" ".join(s.capitalize() + "." for s in sentences),
                alternates=[AlternateQuestion(text=a, language=Language.NL) for a in alternates],
            )
        )
    for number in removed:
        index.remove(number)
    return index


def competing(matcher: Matcher, question: str, *, exhaustive: bool) -> list[tuple[int, float]]:
    """The k best (entry, relevance) at or above the suggestion floor: what the answer shows."""
    floor = matcher.calibration.suggest_threshold
    scored = matcher.rank(question, limit=EXACT_TOP, exhaustive=exhaustive).scored
    return [(s.entry_id, s.relevance) for s in scored if s.relevance >= floor]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entries=st.lists(entry, min_size=1, max_size=25),
    removed=st.lists(st.integers(min_value=1, max_value=25), max_size=4),
    questions=st.lists(phrase, min_size=1, max_size=4),
)
def test_fast_path_finds_the_exhaustive_best(
    entries: list[tuple[str, list[str], list[str]]], removed: list[int], questions: list[str]
) -> None:
    matcher = Matcher(build(entries, removed))
    for question in questions:
        assert competing(matcher, question, exhaustive=False) == competing(matcher, question, exhaustive=True)


def test_a_term_in_a_curated_question_outweighs_the_same_term_in_the_text_only() -> None:
    """Field-aware: of two entries holding the asked words, the one asking them ranks first."""
    index = build([("meldpunt bedreiging", [], ["kabinet minister"]), ("kabinet", [], ["meldpunt bedreiging"])], [])
    ranking = Matcher(index).rank("meldpunt bedreiging")
    assert [s.entry_id for s in ranking.scored][:1] == [1]
