"""The names of the store's subject live in the lexicon (knowledge/lexicon/subject.yaml), not in
code: a question naming one of them is about the subject even when it also names another country."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from knowledge.models import Outcome
from knowledge.search import decision
from knowledge.service import AnswerService
from knowledge.storage.store import Store
from knowledge.text.analysis import Analyzer

SUBJECT_FILE = resources.files("knowledge") / "lexicon" / "subject.yaml"
BOTH = "Welke sancties gelden tegen Venezuela en Loekasjenko?"


def test_the_names_are_read_from_the_lexicon_file_which_says_what_it_is_for() -> None:
    text = SUBJECT_FILE.read_text(encoding="utf-8")
    assert text.startswith("# The names of the store's subject")
    assert decision.subject_names() == tuple(yaml.safe_load(text)["names"])
    assert "Belarus" in decision.subject_names()
    analyzer = Analyzer()
    assert all(analyzer.terms(name) for name in decision.subject_names()), "every name is a term to compare"


def test_a_question_naming_the_subject_beside_another_country_keeps_its_suggestions(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = AnswerService(store).answer(BOTH)
    assert answer.outcome is not Outcome.NO_ANSWER and answer.matches()
    monkeypatch.setattr(decision, "subject_names", lambda: ("Ryanair",))
    without = AnswerService(store).answer(BOTH)
    assert without.outcome is Outcome.NO_ANSWER and not without.suggestions, "the lexicon's names decide"
