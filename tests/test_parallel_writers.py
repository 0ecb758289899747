"""Writers at once (issue 13, section 5): separate processes writing to one database file wait their
turn (BEGIN IMMEDIATE, a busy timeout, WAL) instead of dying with "database is locked"; no write is
lost and nobody sees a traceback. Bounded in time: a hang fails the test instead of the suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from knowledge.service import AnswerService
from knowledge.storage.migrations import SCHEMA_VERSION
from knowledge.storage.store import Store
from tests.moderationkit import LETTER_KEY

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT = 240
WRITERS = 8
QUESTIONS_RECORDED = 300

RECORDER = """
import sys
from knowledge.storage.store import Store
store = Store.open(sys.argv[1])
for n in range(int(sys.argv[2])):
    store.record_question("no_answer", f"vraag nummer {n % 7}", None, 0.1, asked=f"Vraag nummer {n % 7}?")
    if n % 10 == 0:
        store.record_feedback(1, True)
store.close()
print("recorded")
"""


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "MODERATOR_IDS")}
    env.update(PYTHONPATH=str(ROOT), DATA_DIR=str(tmp_path / "data"))
    return env


def wait_all(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        try:
            out, err = process.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            for other in processes:
                other.kill()
            raise AssertionError("a writer hung: the store did not let it through in time") from None
        results.append((process.returncode, out, err))
    return results


def test_eight_parallel_adds_and_a_recording_bot_lose_nothing(tmp_path: Path) -> None:
    database = tmp_path / "standpunt.sqlite3"
    AnswerService.open(database).close()
    env = _environment(tmp_path)
    processes = []
    for n in range(WRITERS):
        draft = tmp_path / f"entry-{n}.json"
        draft.write_text(
            json.dumps(
                {
                    "document_key": LETTER_KEY,
                    "question": f"Testvraag {n} van schrijver {n} over parallel schrijven?",
                    "text": f"Tekst {n} van een notitie van een moderator, parallel toegevoegd.",
                }
            ),
            encoding="utf-8",
        )
        command = [sys.executable, str(ROOT / "run_bot.py"), "--database", str(database), "add", str(draft)]
        processes.append(
            subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        )
    recorder = [sys.executable, "-c", RECORDER, str(database), str(QUESTIONS_RECORDED)]
    processes.append(
        subprocess.Popen(recorder, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    )

    results = wait_all(processes)
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err and "locked" not in err, (code, out, err)
    store = Store.open(database)
    try:
        questions = {e.question for e in store.entries()}
        assert all(f"Testvraag {n} van schrijver {n} over parallel schrijven?" in questions for n in range(WRITERS))
        assert sum(store.question_stats()[day]["no_answer"] for day in store.question_stats()) == QUESTIONS_RECORDED
        assert sum(item.count for item in store.review_items("open")) == QUESTIONS_RECORDED
        assert [f.helpful for f in store.feedback_counts()] == [QUESTIONS_RECORDED // 10]
        adds = [
            c
            for c in store.changes()
            if c.action == "create" and c.object_type == "entry" and c.actor.startswith("cli")
        ]
        assert len(adds) == WRITERS, "each add audited once"
    finally:
        store.close()


def test_processes_starting_on_a_new_file_at_once_build_it_once(tmp_path: Path) -> None:
    database = tmp_path / "new" / "standpunt.sqlite3"
    database.parent.mkdir()  # a typed --database never creates a folder
    env = _environment(tmp_path)
    command = [sys.executable, str(ROOT / "run_bot.py"), "--database", str(database), "sources"]
    processes = [
        subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = wait_all(processes)
    for code, out, err in results:
        assert code == 0 and LETTER_KEY in out and err == "", (code, err)
    store = Store.open(database)
    try:
        assert len(store.documents()) == 2, "seeded once, not once per process"
        assert store.schema_version == SCHEMA_VERSION
    finally:
        store.close()


def test_parallel_aliases_of_one_entry_are_all_kept(tmp_path: Path) -> None:
    """The moderator chose no version to edit: a phrasing saved meanwhile by another is re-read and kept,
    never 'changed by someone else; reload it' (a command-line user has nothing to reload)."""
    database = tmp_path / "standpunt.sqlite3"
    AnswerService.open(database).close()
    env = _environment(tmp_path)
    phrasings = [f"Parallelle formulering nummer {n} over bezoeken aan gevangenen?" for n in range(4)]
    processes = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "run_bot.py"), "--database", str(database), "alias", "5", phrasing],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for phrasing in phrasings
    ]
    for code, out, err in wait_all(processes):
        assert code == 0 and err == "", (code, out, err)
    store = Store.open(database)
    try:
        kept = {a.text for a in store.entry(5).alternates}
        assert set(phrasings) <= kept
    finally:
        store.close()
