"""Rebuilding the index (knowledge/rebuild.py): streamed in batches with progress, and in the
background after an analysis change, answering from the previous index until the new one is in."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

import knowledge.rebuild
import knowledge.service
from knowledge.models import EntryStatus
from knowledge.rebuild import build_index
from knowledge.search.snapshot import load_any_snapshot
from knowledge.service import AnswerService
from knowledge.storage.store import Store
from knowledge.text.analysis import Analyzer

QUESTION = "Is er een meldpunt voor Belarussen die zich bedreigd voelen?"


def test_build_streams_in_batches_and_reports_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    AnswerService.open(tmp_path / "s.sqlite3").close()
    monkeypatch.setattr(knowledge.rebuild, "BATCH", 4)
    store = Store.open(tmp_path / "s.sqlite3")
    seen: list[tuple[int, int]] = []
    revision, index = build_index(store, Analyzer(), lambda done, total: seen.append((done, total)))
    total = store.count_active_entries()
    assert revision == store.revision()
    assert sorted(index.entry_ids()) == sorted(e.id for e in store.entries())
    assert len(seen) == -(-total // 4) and seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    store.close()


def test_worker_processes_build_the_same_index_as_the_serial_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Analysed in worker processes (forced here on a small store, batches of 3), the index is the
    serial one: the same entries in the same slots, the same analysis, words, dates and topics."""
    AnswerService.open(tmp_path / "s.sqlite3").close()
    store = Store.open(tmp_path / "s.sqlite3")
    retired = store.entries()[2]
    assert retired.id is not None
    store.set_status(retired.id, EntryStatus.RETIRED, "test")
    monkeypatch.setattr(knowledge.rebuild, "BATCH", 3)
    seen: list[tuple[int, int]] = []
    _, serial = build_index(store, Analyzer(), parallel_from=10**9)
    _, parallel = build_index(store, Analyzer(), lambda done, total: seen.append((done, total)), parallel_from=0)
    assert parallel.entry_ids() == serial.entry_ids() and retired.id not in parallel.entry_ids()
    assert [parallel.encoded(e) for e in parallel.entry_ids()] == [serial.encoded(e) for e in serial.entry_ids()]
    assert parallel.snapshot() == serial.snapshot() and parallel.tokens == serial.tokens
    total = store.count_active_entries()
    assert len(seen) == -(-total // 3) and seen[-1] == (total, total)
    store.close()


def test_without_worker_processes_the_build_is_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    AnswerService.open(tmp_path / "s.sqlite3").close()
    store = Store.open(tmp_path / "s.sqlite3")
    _, serial = build_index(store, Analyzer(), parallel_from=10**9)

    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError("no processes")

    monkeypatch.setattr(knowledge.rebuild, "ProcessPoolExecutor", no_processes)
    _, fallback = build_index(store, Analyzer(), parallel_from=0)
    assert fallback.snapshot() == serial.snapshot()
    store.close()


def test_after_an_analysis_change_answers_continue_from_the_previous_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.sqlite3"
    first = AnswerService.open(path)
    expected = first.answer(QUESTION).best
    first.close()
    assert expected is not None

    monkeypatch.setattr(knowledge.service, "analyzer_fingerprint", lambda: "another-analysis")
    monkeypatch.setattr(knowledge.rebuild, "BATCH", 2)
    started, release = threading.Event(), threading.Event()

    def progress(done: int, total: int) -> None:
        started.set()
        assert release.wait(10), "the test hangs"

    caplog.set_level(logging.INFO)
    service = AnswerService.open(path, progress=progress)
    old_index = service.index
    assert started.wait(10)
    assert service.rebuilding
    during = service.answer(QUESTION)  # answered from the previous index while the new one is built
    assert during.best is not None and during.best.entry_key == expected.entry_key
    assert service.index is old_index
    release.set()
    assert service._rebuild is not None and service._rebuild.wait(30)
    after = service.answer(QUESTION)
    assert service.index is not old_index and not service.rebuilding
    assert after.best is not None and after.best.entry_key == expected.entry_key
    found = load_any_snapshot(path.with_name(path.name + ".index"), service.store.change_stamp, Analyzer())
    assert found is not None and found[2] == "another-analysis", "the new index is saved with its analysis"
    service.close()
    messages = [r.getMessage() for r in caplog.records if r.name == "knowledge.rebuild"]
    assert any("Index rebuild:" in m for m in messages)
    assert all("meldpunt" not in r.getMessage().lower() for r in caplog.records), "no user text in the log"


def test_a_change_made_during_the_rebuild_reaches_the_new_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.sqlite3"
    AnswerService.open(path).close()
    monkeypatch.setattr(knowledge.service, "analyzer_fingerprint", lambda: "another-analysis")
    release = threading.Event()
    service = AnswerService.open(path, progress=lambda done, total: release.wait(10) and None)
    entry = service.store.entries()[0]
    assert entry.id is not None
    service.store.set_status(entry.id, EntryStatus.RETIRED, "test")  # while the rebuild waits
    release.set()
    assert service._rebuild is not None and service._rebuild.wait(30)
    service.refresh()
    assert entry.id not in service.index
    service.close()
