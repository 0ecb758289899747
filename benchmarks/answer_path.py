"""Benchmark of the answer path at growing store sizes, with the naive baseline side by side.

    python -m benchmarks.answer_path --sizes 1000 10000 100000

Each size is built once (cached under benchmarks/.cache/) and then measured in a fresh process,
so cold start and peak memory are those of a process that serves answers, not of the build.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CACHE = Path(__file__).resolve().parent / ".cache"
QUESTIONS_MINIMUM = 500
BASELINE_QUESTIONS = 100


def build(size: int, path: Path) -> dict[str, float]:
    """Create the store of `size` entries and its index cache; time both."""
    from benchmarks.synthetic import synthetic_documents
    from knowledge.service import AnswerService
    from knowledge.storage.store import Store

    started = time.perf_counter()
    store = Store.open(path)
    with store.db.atomic():
        for parsed in synthetic_documents(size):
            store.add_document(parsed, "benchmark")
    stored = time.perf_counter()
    service = AnswerService(store)
    indexed = time.perf_counter()
    service.save_snapshot()
    service.close()
    return {"store_seconds": stored - started, "index_seconds": indexed - stored}


def questions() -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """The evaluation set, and at least 500 questions: that set, then its questions with a typo added."""
    from knowledge.tools.evaluation import load_questions

    items = [(q.q, q.expect) for q in load_questions()]
    rng = random.Random(7)
    extra = []
    while len(items) + len(extra) < QUESTIONS_MINIMUM:
        question, expect = items[len(extra) % len(items)]
        extra.append((_typo(question, rng), expect))
    return items, items + extra


def _typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters of one longer word."""
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) > 5]
    if not long_words:
        return text
    i = rng.choice(long_words)
    word = words[i]
    j = rng.randrange(1, len(word) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)


def serve(path: Path) -> dict[str, Any]:
    """Cold start, latency of the fast path and of the baseline, agreement, and peak memory."""
    started = time.perf_counter()
    from bot.startup import open_answers

    service = open_answers(path)  # as the bot opens it
    first = service.answer("Is er een meldpunt voor Belarussen die zich bedreigd voelen?")
    cold = time.perf_counter() - started
    evaluation, asked = questions()

    fast = []
    for question, _ in asked:
        t = time.perf_counter()
        service.answer(question)
        fast.append(time.perf_counter() - t)
    serving_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the comparisons

    # The slow exact path costs ~0.2 s and the naive baseline ~1.2 s a question at 100,000 entries:
    # they run over the evaluation set (209) and its first 100 questions; the fast path over all.
    exhaustive, right_fast, right_slow, same = [], 0, 0, 0
    for question, expect in evaluation:
        answer = service.answer(question)
        t = time.perf_counter()
        slow = service.answer(question, exhaustive=True)
        exhaustive.append(time.perf_counter() - t)
        right_fast += _right(answer, expect)
        right_slow += _right(slow, expect)
        same += [m.entry_key for m in answer.matches()[:1]] == [m.entry_key for m in slow.matches()[:1]]

    from rapidfuzz import process

    texts = [text for (text,) in service.store.db.execute("SELECT text FROM entries WHERE status = 'active'")]
    baseline = []
    for question, _ in evaluation[:BASELINE_QUESTIONS]:
        t = time.perf_counter()
        process.extractOne(question, texts)
        baseline.append(time.perf_counter() - t)
    return {
        "entries": len(service.index),
        "cold_start_seconds": cold,
        "first_answer": first.outcome.value,
        "questions": len(asked),
        "evaluation_questions": len(evaluation),
        "baseline_questions": len(baseline),
        "fast": _percentiles(fast),
        "exhaustive": _percentiles(exhaustive),
        "baseline": _percentiles(baseline),
        "accuracy_fast": right_fast / len(evaluation),
        "accuracy_exhaustive": right_slow / len(evaluation),
        "same_top_match": same / len(evaluation),
        "peak_rss_mb": serving_peak,
        "peak_rss_with_comparisons_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def latency(path: Path, rounds: int = 3) -> dict[str, Any]:
    """The fast path alone, without the comparisons (minutes at 100,000 entries): wall and CPU time
    (`time.thread_time`, less moved by a loaded machine) per question over all questions, `rounds`
    times in one process, with the accuracy of fast and exhaustive paths on the evaluation set.
    The service is opened as the bot opens it (bot.startup), and the collector's pauses counted."""
    import gc

    from bot.startup import open_answers

    pauses: list[tuple[int, float]] = []
    began = [0.0]

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.thread_time()
        else:
            pauses.append((info["generation"], time.thread_time() - began[0]))

    started = time.perf_counter()
    service = open_answers(path)
    service.answer("Is er een meldpunt voor Belarussen die zich bedreigd voelen?")
    cold = time.perf_counter() - started
    evaluation, asked = questions()
    wall, cpu, round_p50 = [], [], []
    gc.callbacks.append(collected)
    for _ in range(rounds):
        this_round = []
        for question, _ in asked:
            t, c = time.perf_counter(), time.thread_time()
            service.answer(question)
            cpu.append(time.thread_time() - c)
            this_round.append(time.perf_counter() - t)
        wall.extend(this_round)
        round_p50.append(statistics.median(this_round) * 1000)
    gc.callbacks.remove(collected)
    serving_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the comparisons
    right_fast, right_slow, same = 0, 0, 0
    for question, expect in evaluation:
        answer, slow = service.answer(question), service.answer(question, exhaustive=True)
        right_fast += _right(answer, expect)
        right_slow += _right(slow, expect)
        same += [m.entry_key for m in answer.matches()[:1]] == [m.entry_key for m in slow.matches()[:1]]
    return {
        "entries": len(service.index),
        "cold_start_seconds": cold,
        "fast": _percentiles(wall),
        "fast_cpu": _percentiles(cpu),
        "round_p50_ms": round_p50,
        "round_cpu_p99_ms": [
            _percentiles(cpu[i * len(asked) : (i + 1) * len(asked)])["p99_ms"] for i in range(rounds)
        ],
        # Per generation: how many collections ran while answering, and their CPU in all and at most.
        "gc": {
            str(g): {
                "count": sum(1 for gen, _ in pauses if gen == g),
                "ms": sum(s for gen, s in pauses if gen == g) * 1000,
                "max_ms": max((s for gen, s in pauses if gen == g), default=0.0) * 1000,
            }
            for g in range(3)
        },
        "frozen_objects": gc.get_freeze_count(),
        "accuracy_fast": right_fast / len(evaluation),
        "accuracy_exhaustive": right_slow / len(evaluation),
        "same_top_match": same / len(evaluation),
        "peak_rss_mb": serving_peak,
        "peak_rss_with_comparisons_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load": os.getloadavg()[0],
    }


def rebuild(path: Path) -> dict[str, Any]:
    """A full re-analysis (as after an analyser change) in a fresh process: streamed, with a bar on
    the terminal; time and peak memory of the build alone."""
    from knowledge.rebuild import build_index, terminal_progress
    from knowledge.service import word_list_cache
    from knowledge.storage.store import Store
    from knowledge.text import dictionary
    from knowledge.text.analysis import Analyzer

    dictionary.use_cache(word_list_cache(path))  # as the service does first: the word lists are not the rebuild's
    dictionary.frequency("")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store = Store.open(path)
    started = time.perf_counter()
    _, index = build_index(store, Analyzer(), terminal_progress("rebuild"))
    seconds = time.perf_counter() - started
    return {
        "entries": len(index),
        "rebuild_seconds": seconds,
        "rebuild_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_before_mb": before,
        # The largest worker process (the analysis runs in two of them from 5,000 entries on).
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "cpu_seconds": time.process_time(),
        "worker_cpu_seconds": (lambda u: u.ru_utime + u.ru_stime)(resource.getrusage(resource.RUSAGE_CHILDREN)),
        "load": os.getloadavg()[0],
    }


def background(path: Path) -> dict[str, Any]:
    """Answering throughout a rebuild: the service serves from its index while a thread builds a
    new one; latency of the answers meanwhile, how long until the new index is in, peak memory."""
    from knowledge.rebuild import terminal_progress
    from knowledge.service import AnswerService

    service = AnswerService.open(path, progress=terminal_progress("background rebuild"))
    _, asked = questions()
    started = time.perf_counter()
    service.rebuild(background=True)
    latencies = []
    while service.rebuilding:
        question, _ = asked[len(latencies) % len(asked)]
        t = time.perf_counter()
        service.answer(question)
        latencies.append(time.perf_counter() - t)
    service.answer(asked[0][0])  # takes the new index over
    seconds = time.perf_counter() - started
    return {
        "entries": len(service.index),
        "background_seconds": seconds,
        "answers_during": len(latencies),
        "during": _percentiles(latencies) if latencies else {},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _right(answer: Any, expect: list[str]) -> bool:
    """Right when an expected entry is answered or, out of scope, nothing is answered."""
    if not expect:
        return not answer.answered
    return bool(answer.answered and answer.best and answer.best.entry_key in expect)


def _percentiles(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1000,
    }


def measure(size: int) -> dict[str, Any]:
    """Build if needed, then serve in a fresh process; both results as one record."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"store-{size}.sqlite3"
    built: dict[str, float] = {}
    if not path.exists():
        built = _run("build", size, path)
    served = _run("serve", size, path)
    return {"size": size, **built, **served}


def _run(step: str, size: int, path: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.answer_path", "--step", step, "--size", str(size), "--path", str(path)],
        stdout=subprocess.PIPE,  # standard error stays the terminal's: the rebuild's progress bar
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "entries  build(store+index)  cold start  fast p50/p99 ms   baseline p50/p99 ms   ratio p50  exhaustive p50  "
        "accuracy fast/exh  same top  peak MB (serving / with baseline)",
    ]
    for r in rows:
        build = f"{r.get('store_seconds', 0):.1f}+{r.get('index_seconds', 0):.1f} s" if "store_seconds" in r else "cached"
        ratio = r["baseline"]["p50_ms"] / r["fast"]["p50_ms"]
        lines.append(
            f"{r['entries']:>7}  {build:>18}  {r['cold_start_seconds']:>8.2f} s  "
            f"{r['fast']['p50_ms']:>6.2f} / {r['fast']['p99_ms']:<6.2f}  "
            f"{r['baseline']['p50_ms']:>8.2f} / {r['baseline']['p99_ms']:<8.2f}  "
            f"{ratio:>8.1f}x  {r['exhaustive']['p50_ms']:>11.2f} ms  "
            f"{r['accuracy_fast']:>7.1%} / {r['accuracy_exhaustive']:<6.1%}  "
            f"{r['same_top_match']:>7.1%}  {r['peak_rss_mb']:>6.0f} / {r['peak_rss_with_comparisons_mb']:.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--step", choices=["build", "serve", "latency", "rebuild", "background"])
    parser.add_argument("--size", type=int)
    parser.add_argument("--path", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="time a full re-analysis, alone and while answering")
    args = parser.parse_args(argv)
    if args.step == "build":
        print(json.dumps(build(args.size, args.path)))
        return 0
    if args.step in ("serve", "latency", "rebuild", "background"):
        step = {"serve": serve, "latency": latency, "rebuild": rebuild, "background": background}[args.step]
        print(json.dumps(step(args.path)))
        return 0
    if args.rebuild:
        for size in args.sizes:
            path = CACHE / f"store-{size}.sqlite3"
            if not path.exists():
                _run("build", size, path)
            print(json.dumps({"size": size, **_run("rebuild", size, path), **_run("background", size, path)}))
        return 0
    rows = []
    for size in args.sizes:
        rows.append(measure(size))
        print(f"measured {size} entries", file=sys.stderr)
    print(json.dumps(rows) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
