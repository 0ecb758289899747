"""Every answer of the development sets, recorded, and two recordings compared: a speed change must
leave every answer as it was (outcome, matches in order, confidence and scores to 1e-9, highlights).

    PYTHONHASHSEED=0 python -m benchmarks.same_answers record before.json [--path store.sqlite3]
    PYTHONHASHSEED=0 python -m benchmarks.same_answers compare before.json after.json

Without `--path` the store is the shipped sources' (in memory, as the evaluation tests build it).
The sealed sets are never read: only the development sets listed here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

#: The development sets (never the sealed blind ones).
DEVELOPMENT_SETS = ("questions", "holdout", "fresh", "realistic_dev", "realistic_dev2")
TOLERANCE = 1e-9


def record(path: Path | None) -> list[dict[str, Any]]:
    """Each development question with its whole answer as plain data."""
    from importlib import resources

    from knowledge.service import AnswerService
    from knowledge.tools.evaluation import fresh_service, load_questions

    service = AnswerService.open(path) if path else fresh_service()
    folder = Path(str(resources.files("knowledge") / "evaluation"))
    answers = []
    for name in DEVELOPMENT_SETS:
        for item in load_questions(folder / f"{name}.yaml"):
            answers.append({"set": name, "q": item.q, "answer": service.answer(item.q).model_dump(mode="json")})
    return answers


def differences(before: Any, after: Any, where: str = "") -> list[str]:
    """Where two recordings differ: numbers by more than TOLERANCE, anything else at all."""
    if isinstance(before, float | int) and isinstance(after, float | int) and not isinstance(before, bool):
        return [] if abs(before - after) <= TOLERANCE else [f"{where}: {before} != {after}"]
    if isinstance(before, dict) and isinstance(after, dict):
        if before.keys() != after.keys():
            return [f"{where}: keys {sorted(before)} != {sorted(after)}"]
        return [d for key in before for d in differences(before[key], after[key], f"{where}.{key}")]
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return [f"{where}: {len(before)} items != {len(after)}"]
        return [d for i, (b, a) in enumerate(zip(before, after, strict=True)) for d in differences(b, a, f"{where}[{i}]")]
    return [] if before == after else [f"{where}: {before!r} != {after!r}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("output", type=Path)
    rec.add_argument("--path", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "record":
        if os.environ.get("PYTHONHASHSEED") != "0":
            print("set PYTHONHASHSEED=0: ties summed in set order move between runs otherwise", file=sys.stderr)
            return 2
        answers = record(args.path)
        args.output.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
        print(f"{len(answers)} answers recorded")
        return 0
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    if [(b["set"], b["q"]) for b in before] != [(a["set"], a["q"]) for a in after]:
        print("the recordings are of different questions", file=sys.stderr)
        return 2
    changed = 0
    for b, a in zip(before, after, strict=True):
        found = differences(b["answer"], a["answer"])
        if found:
            changed += 1
            print(f"[{b['set']}] {b['q']!r}: " + "; ".join(found[:5]))
    print(f"{changed} of {len(before)} answers changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
