"""Measure answer quality on the evaluation set (knowledge/evaluation/questions.yaml).

The set was written independently of the curated alternate questions. In-scope questions count as
right only when the bot answers confidently with an expected entry; out-of-scope questions count
as rejected when the bot gives no confident answer.
"""

from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field

from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.storage.store import Store
from knowledge.yamlfast import load_yaml

OUT_OF_SCOPE = "out_of_scope"


class EvalQuestion(BaseModel):
    q: str
    group: str
    expect: list[str] = Field(default_factory=list)
    #: Out of scope but close to the store's subjects (a later figure, asylum, Russia): never answered.
    near: bool = False


class GroupResult(BaseModel):
    group: str
    total: int = 0
    answered_right: int = 0
    top1_right: int = 0
    answered_wrong: int = 0
    rejected: int = 0
    #: Neither an answer nor a suggestion: the asker gets only "no official answer".
    nothing: int = 0
    near: int = 0
    near_answered: int = 0

    @property
    def accuracy(self) -> float:
        """In scope: confident and right. Out of scope: not confidently answered."""
        if not self.total:
            return 0.0
        return (self.rejected if self.group == OUT_OF_SCOPE else self.answered_right) / self.total


class Failure(BaseModel):
    question: str
    group: str
    expected: list[str]
    outcome: str
    got: list[str]
    confidence: float


class EvalReport(BaseModel):
    groups: list[GroupResult]
    failures: list[Failure]

    def group(self, name: str) -> GroupResult:
        return next(g for g in self.groups if g.group == name)


def load_questions(path: Path | None = None) -> list[EvalQuestion]:
    source = path.read_text(encoding="utf-8") if path else (
        resources.files("knowledge") / "evaluation" / "questions.yaml"
    ).read_text(encoding="utf-8")
    return [EvalQuestion.model_validate(item) for item in load_yaml(source)]


def fresh_service() -> AnswerService:
    """A service over an in-memory store built from the shipped sources only."""
    store = Store.in_memory()
    seed_store(store)
    return AnswerService(store)


def evaluate(questions: list[EvalQuestion], service: AnswerService | None = None) -> EvalReport:
    service = service or fresh_service()
    results: dict[str, GroupResult] = {}
    failures: list[Failure] = []
    for item in questions:
        result = results.setdefault(item.group, GroupResult(group=item.group))
        result.total += 1
        answer = service.answer(item.q)
        got = [m.entry_key for m in answer.matches()]
        right = bool(got) and got[0] in item.expect
        if answer.answered:
            result.answered_right += right
            result.answered_wrong += not right
        else:
            result.rejected += 1
        result.nothing += not got
        result.near += item.near
        result.near_answered += item.near and answer.answered
        result.top1_right += right
        ok = result.group == OUT_OF_SCOPE and not answer.answered or answer.answered and right
        if not ok:
            failures.append(
                Failure(
                    question=item.q,
                    group=item.group,
                    expected=item.expect,
                    outcome=answer.outcome.value,
                    got=got[:3],
                    confidence=round(answer.confidence, 3),
                )
            )
    known_order = ["dutch", "dutch_context", "staff", "typo", "english", "russian", "russian_latin", "belarusian"]
    known_order += ["mixed", OUT_OF_SCOPE]
    order = defaultdict(lambda: 99, {g: i for i, g in enumerate(known_order)})
    return EvalReport(groups=sorted(results.values(), key=lambda g: order[g.group]), failures=failures)


def format_report(report: EvalReport, show_failures: bool = False) -> str:
    lines = [
        f"{'group':<14}{'n':>5}{'accuracy':>10}{'answered✓':>11}{'top-1✓':>9}{'wrong':>7}{'declined':>10}{'nothing':>9}",
    ]
    for g in report.groups:
        lines.append(
            f"{g.group:<14}{g.total:>5}{g.accuracy:>10.1%}{g.answered_right:>11}{g.top1_right:>9}"
            f"{g.answered_wrong:>7}{g.rejected:>10}{g.nothing:>9}"
            + (f"   near-domain answered {g.near_answered}/{g.near}" if g.near else "")
        )
    lines.append("accuracy = confident and right (in scope); not confidently answered (out_of_scope)")
    lines.append("nothing = neither an answer nor a suggestion")
    if show_failures:
        lines.append("")
        for f in report.failures:
            lines.append(f"[{f.group}] {f.question!r}: expected {f.expected}, {f.outcome} {f.got} ({f.confidence})")
    return "\n".join(lines)
