"""Answer quality on the evaluation set must not fall below the level reached (see README, Quality).

The set (knowledge/evaluation/questions.yaml) was written independently of the curated alternate
questions; these floors are the figures measured when they were set, so a change that makes the
bot answer worse fails here.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from knowledge.tools.evaluation import EvalReport, evaluate, load_questions

#: group → (confident and right, right top match), in scope; out of scope: share not answered.
FLOORS = {
    "dutch": (0.96, 1.0),
    "typo": (0.91, 0.97),
    "english": (1.0, 1.0),
    "russian": (0.93, 0.96),
}
OUT_OF_SCOPE_REJECTED = 0.95


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(load_questions())


def test_the_set_is_big_enough_and_covers_every_group(report: EvalReport) -> None:
    groups = {g.group: g.total for g in report.groups}
    assert sum(groups.values()) >= 80 and groups["out_of_scope"] >= 25
    assert set(FLOORS) | {"out_of_scope"} == set(groups)


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_accuracy_per_group_stays_at_the_level_reached(report: EvalReport, group: str) -> None:
    result = report.group(group)
    answered_floor, top1_floor = FLOORS[group]
    assert result.accuracy >= answered_floor, f"{group}: confident and right {result.accuracy:.1%}"
    assert result.top1_right / result.total >= top1_floor, (
        f"{group}: top match right {result.top1_right}/{result.total}"
    )
    assert result.answered_wrong <= 1, f"{group}: {result.answered_wrong} confident wrong answers"


def test_out_of_scope_questions_are_not_answered(report: EvalReport) -> None:
    assert report.group("out_of_scope").accuracy >= OUT_OF_SCOPE_REJECTED


#: The two later sets, each written blind by someone who saw only the official texts: holdout.yaml
#: guided the second session's work, fresh.yaml was only ever measured. Top match right per group.
LATER_SETS = {
    "holdout": {"dutch": 0.97, "typo": 0.96, "english": 1.0, "russian": 1.0},
    "fresh": {"dutch": 0.97, "typo": 1.0, "english": 0.96, "russian": 1.0},
}


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_sets_keep_their_top_matches_and_out_of_scope_stays_unanswered(name: str) -> None:
    path = Path(str(resources.files("knowledge") / "evaluation" / f"{name}.yaml"))
    report = evaluate(load_questions(path))
    for group, floor in LATER_SETS[name].items():
        result = report.group(group)
        assert result.top1_right / result.total >= floor, (
            f"{name} {group}: top match right {result.top1_right}/{result.total}"
        )
        assert result.answered_wrong <= 1, f"{name} {group}: {result.answered_wrong} confident wrong answers"
    assert report.group("out_of_scope").answered_wrong <= 2


#: realistic_dev.yaml: a development set of realistic messages (long, colloquial, typos, Latin-letter
#: Russian, Belarusian, mixed), written blind; it guided issue 11's work, so it is no longer unseen.
#: group → (confident and right, right top match), the levels reached.
REALISTIC_FLOORS = {
    "dutch_context": (0.61, 0.77),
    "staff": (0.91, 1.0),
    "typo": (0.82, 1.0),
    "english": (0.94, 1.0),
    "russian": (0.82, 1.0),
    "russian_latin": (0.93, 1.0),
    "belarusian": (0.76, 0.9),
    "mixed": (1.0, 1.0),
}


def test_realistic_messages_stay_at_the_level_reached() -> None:
    path = Path(str(resources.files("knowledge") / "evaluation" / "realistic_dev.yaml"))
    report = evaluate(load_questions(path))
    for group, (answered_floor, top1_floor) in REALISTIC_FLOORS.items():
        result = report.group(group)
        assert result.accuracy >= answered_floor, f"{group}: confident and right {result.accuracy:.1%}"
        assert result.top1_right / result.total >= top1_floor, (
            f"{group}: top match right {result.top1_right}/{result.total}"
        )
    in_scope = [g for g in report.groups if g.group != "out_of_scope"]
    assert sum(g.answered_wrong for g in in_scope) <= 1
    assert sum(g.nothing for g in in_scope) <= 5
    out = report.group("out_of_scope")
    assert out.near_answered <= 2 and out.answered_wrong <= 3


#: realistic_dev2.yaml: written blind like realistic_dev.yaml and sealed until the fourth session, when its
#: failures were read to work on: a development set now. The levels reached in the fifth session (the
#: top match of Dutch with context fell from 31 to 30 of 37: a story message whose two best passages
#: tie at relevance 0.085 and 0.084 swapped when 'zitten' stopped counting as 'zitting').
DEV2_FLOORS = {
    "dutch_context": (0.62, 0.83),
    "staff": (0.68, 1.0),
    "typo": (0.9, 1.0),
    "english": (0.92, 1.0),
    "russian": (0.8, 1.0),
    "russian_latin": (0.81, 1.0),
    "belarusian": (0.76, 1.0),
    "mixed": (0.76, 0.84),
}

#: realistic_dev3.yaml: written blind in the fourth session as realistic_blind2.yaml and sealed until the
#: ninth, when the lead read its failures to work on (it is a development set since). Measured sealed before
#: the fourth session's matching work (58.0% confident and right in scope), after it (63.9%), after the
#: fifth (72.2%), sixth (71.0%, and one confident wrong answer) and seventh session's (76.9%); these are
#: the levels after that: group → (confident and right, right top match).
DEV3_FLOORS = {
    "dutch_context": (0.55, 0.91),
    "staff": (0.94, 1.0),
    "typo": (0.77, 1.0),
    "english": (0.8, 1.0),
    "russian": (0.9, 1.0),
    "russian_latin": (0.83, 1.0),
    "belarusian": (0.79, 1.0),
    "mixed": (0.71, 0.85),
}

#: realistic_blind3.yaml: sealed, written blind at the start of the fifth session (262 messages) and only
#: ever measured in aggregate: before that session's work (62.2% confident and right in scope) and after
#: it (70.8%), after the sixth session's (72.4%) and after the seventh session's (76.2%); these are the levels after that.
BLIND3_FLOORS = {
    "dutch_context": (0.55, 0.86),
    "staff": (0.88, 1.0),
    "typo": (0.91, 1.0),
    "english": (0.6, 0.92),
    "russian": (0.86, 1.0),
    "russian_latin": (0.64, 1.0),
    "belarusian": (0.85, 1.0),
    "mixed": (0.93, 1.0),
}

#: realistic_blind4.yaml: sealed, written blind at the start of the sixth session (277 messages) and only
#: ever measured in aggregate: before that session's work (74.8% confident and right in scope) and after
#: it (76.2%), and after the seventh session's (79.2%); these are the levels after that.
BLIND4_FLOORS = {
    "dutch_context": (0.5, 0.89),
    "staff": (0.83, 1.0),
    "typo": (0.85, 0.96),
    "english": (0.92, 1.0),
    "russian": (0.82, 1.0),
    "russian_latin": (0.81, 1.0),
    "belarusian": (0.85, 1.0),
    # 12 of 18 since the one-everyday-word guard (501252f, user tester G1): measured once, its failures unread.
    "mixed": (0.66, 0.88),
}

#: realistic_blind5.yaml: sealed, written blind at the start of the seventh session (280 messages) and only
#: ever measured in aggregate: before that session's work (169 of 205, 82.4% confident and right in
#: scope; it reads cleaner than the earlier sets) and after it (175, 85.4%, 0 wrong, near 1/51); these are
#: the levels after it.
BLIND5_FLOORS = {
    "dutch_context": (0.76, 0.96),
    "staff": (0.88, 1.0),
    "typo": (0.85, 1.0),
    "english": (0.92, 1.0),
    "russian": (0.92, 1.0),
    "russian_latin": (0.81, 0.96),
    "belarusian": (0.82, 0.96),
    "mixed": (0.83, 1.0),
}

#: realistic_blind6.yaml: sealed, written blind at the start of the ninth session (280 messages) and only
#: ever measured in aggregate: before that session's work 168 of 205 (82.0%) confident and right in scope,
#: 1 wrong, near 1/48; these are the levels before it.
BLIND6_FLOORS = {
    "dutch_context": (0.56, 0.93),
    "staff": (0.88, 1.0),
    "typo": (0.92, 1.0),
    "english": (0.75, 1.0),
    "russian": (0.89, 1.0),
    "russian_latin": (0.88, 1.0),
    "belarusian": (0.78, 1.0),
    "mixed": (0.94, 0.94),
}

#: realistic_blind7.yaml: sealed, written blind in the eleventh session (280 messages) by a helper who saw
#: only the official texts and a description of the kinds of messages; only ever measured in aggregate: at
#: the end of that session 162 of 205 (79.0%) confident and right in scope, 0 wrong, near 1/50, the same
#: at the start of the twelfth; these are those levels.
BLIND7_FLOORS = {
    "dutch_context": (0.53, 0.96),
    "staff": (0.77, 1.0),
    # 23 of 28 since the one-everyday-word guard (501252f, user tester G1): measured once, its failures unread.
    "typo": (0.82, 1.0),
    "english": (0.82, 0.96),
    "russian": (0.85, 1.0),
    "russian_latin": (0.81, 0.96),
    # 24 of 28 since the one-everyday-word guard (501252f), measured the same way.
    "belarusian": (0.85, 0.96),
    "mixed": (0.77, 0.88),
}

#: realistic_blind9.yaml: sealed, written blind in the twelfth session (220 messages: 164 in scope, 56 out of
#: scope of which 36 near-domain) by a helper who saw only the official texts and a description of the kinds
#: of messages; measured once, in aggregate, at the start of the thirteenth session: 117 of 164 (71.3%)
#: confident and right in scope, 159 top match right, 1 wrong, 1 with nothing, near 1/36; these are those levels.
BLIND9_FLOORS = {
    "dutch_context": (0.57, 0.92),
    "staff": (0.68, 1.0),
    "typo": (0.81, 1.0),
    "english": (0.63, 0.95),
    "russian": (0.68, 1.0),
    "russian_latin": (0.69, 1.0),
    "belarusian": (0.86, 0.95),
    "mixed": (0.78, 0.92),
}

REALISTIC_SETS = [
    ("realistic_dev2", DEV2_FLOORS, 1),
    ("realistic_dev3", DEV3_FLOORS, 3),
    ("realistic_blind3", BLIND3_FLOORS, 1),
    ("realistic_blind4", BLIND4_FLOORS, 4),
    ("realistic_blind5", BLIND5_FLOORS, 1),
    ("realistic_blind6", BLIND6_FLOORS, 1),
    ("realistic_blind7", BLIND7_FLOORS, 1),
    ("realistic_blind9", BLIND9_FLOORS, 1),
]


@pytest.mark.parametrize(("name", "floors", "most_near_answered"), REALISTIC_SETS)
def test_realistic_sets_stay_at_the_level_measured(
    name: str, floors: dict[str, tuple[float, float]], most_near_answered: int
) -> None:
    path = Path(str(resources.files("knowledge") / "evaluation" / f"{name}.yaml"))
    report = evaluate(load_questions(path))
    for group, (answered_floor, top1_floor) in floors.items():
        result = report.group(group)
        assert result.accuracy >= answered_floor, f"{group}: confident and right {result.accuracy:.1%}"
        assert result.top1_right / result.total >= top1_floor, f"{group}: top match right {result.top1_right}/{result.total}"
    in_scope = [g for g in report.groups if g.group != "out_of_scope"]
    assert sum(g.answered_wrong for g in in_scope) <= 1
    assert sum(g.nothing for g in in_scope) <= 5
    assert report.group("out_of_scope").near_answered <= most_near_answered
