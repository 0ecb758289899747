"""What a long message costs on the shipped store, against its question sentence sent alone.

    python -m benchmarks.long_messages [--rounds 30]

A message over MAX_QUESTION_LENGTH is read as its question sentences with a little of its story
(knowledge/text/long_messages.py). Each test message (tests/longmessages.py, 1,700-1,800
characters) is answered `rounds` times; its median CPU time per call is shown next to that of the
part it is read as (sent as a short message), of its question sentence alone, and of picking the
part out. Figures, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import longmessages  # noqa: E402

from knowledge.service import MAX_QUESTION_LENGTH, AnswerService  # noqa: E402
from knowledge.text import focus  # noqa: E402
from knowledge.text.long_messages import condensed, split  # noqa: E402
from knowledge.tools.evaluation import fresh_service  # noqa: E402

MESSAGES = ("NL_VISITS", "EN_REPORTING", "RU_TRIALS", "BE_SANCTIONS", "NL_REQUEST_IN_THE_MIDDLE", "EN_VISA")


def median_ms(call: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.process_time()  # CPU time: the machine's load moves wall time by half
        call()
        times.append(time.process_time() - started)
    return statistics.median(times) * 1000


Row = tuple[str, int, float, float, float, float]


def rows(service: AnswerService, rounds: int) -> list[Row]:
    """(name, characters, long ms, its part sent as a short message ms, question alone ms, picking
    out ms) per message."""
    found = []
    for name in MESSAGES:
        message = getattr(longmessages, name)
        part = condensed(message, MAX_QUESTION_LENGTH)
        assert part is not None, name
        question = next(s for s in split(part) if focus.interrogative(s))
        service.answer(message)  # warm: word caches, first analysis
        found.append((
            name,
            len(message),
            median_ms(lambda m=message: service.answer(m), rounds),
            median_ms(lambda p=part: service.answer(p), rounds),
            median_ms(lambda q=question: service.answer(q), rounds),
            median_ms(lambda m=message: condensed(m, MAX_QUESTION_LENGTH), rounds),
        ))
    return found


def table(measured: list[Row]) -> str:
    lines = ["| message | characters | long message | its part sent as it is | its question alone | picking the part out |",
             "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {n} | {c} | {a:.1f} ms | {s:.1f} ms | {q:.1f} ms | {p:.2f} ms |" for n, c, a, s, q, p in measured]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    print(table(rows(fresh_service(), args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
