"""Building the index from the store: streamed in batches, with progress, in the background if asked.

After an analyser, lexicon or schema change every entry is analysed again. That reads the store a
batch at a time (memory stays that of the index being built plus one batch), reports progress to a
callback (a terminal bar via tqdm, and INFO lines in the log: counts only, never text), and can run
in a thread of its own with its own connection, while the service keeps answering from the index
it has; the new one is handed over whole (`Rebuild.result`), never half built.

A large store on disk is analysed in worker processes (the analysis is most of a rebuild and holds
the interpreter's lock): each reads and analyses a range of entries on its own connection and sends
back only the encoded analysis; this process indexes the batches in id order, as the serial build
does, so the index is the same (tests/test_rebuild.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, NamedTuple

from knowledge.search.index import Index, analyse_entry, date_ordinal
from knowledge.storage.store import Store
from knowledge.text.analysis import Analyzer

logger = logging.getLogger(__name__)

#: Entries read and analysed at a time.
BATCH = 500
#: The log says how far a rebuild is at every tenth of it.
LOG_STEPS = 10
#: Stores from this many active entries on are analysed in worker processes (starting them costs
#: about a second), by at most this many workers.
PARALLEL_FROM = 5_000
WORKERS = 2
#: Batches sent ahead of the one being indexed, per worker (bounds the memory of a rebuild).
AHEAD = 2

#: progress(done, total): called after every batch.
Progress = Callable[[int, int], None]


class BuiltIndex(NamedTuple):
    """An index of the store's active entries as they were at `revision` (later changes are not in it)."""

    revision: int
    search_index: Index  # not `index`: a tuple's own method has that name


def build_index(
    store: Store, analyzer: Analyzer, progress: Progress | None = None, *, parallel_from: int = PARALLEL_FROM
) -> BuiltIndex:
    """The index of the store's active entries, streamed in batches, with the revision it reflects;
    analysed in worker processes when the store is on disk and has `parallel_from` entries or more."""
    revision = store.revision()
    total = store.count_active_entries()
    workers = min(WORKERS, os.cpu_count() or 1)
    if store.path is not None and total >= parallel_from and workers > 1:
        try:
            return BuiltIndex(revision, _build_in_workers(store, analyzer, total, workers, progress))
        except (OSError, BrokenProcessPool) as error:  # no processes to be had: the serial build
            logger.warning("Index rebuild in worker processes failed (%s): building in this one", type(error).__name__)
    index = Index(analyzer)
    dates: dict[str, int] = {}
    done = 0
    logged = _LogProgress()
    for batch in store.active_entries_in_batches(BATCH):
        for entry in batch:
            date = dates.get(entry.document_key)
            if date is None:
                document = store.document(entry.document_key)
                date = dates[entry.document_key] = date_ordinal(document.date)
            index.add(entry, date)
        done += len(batch)
        logged(done, total)
        if progress is not None:
            progress(done, total)
    return BuiltIndex(revision, index)


#: A batch analysed by a worker: (entry id, encoded analysis, date, topics) by id, and its words.
_Analysed = tuple[list[tuple[int, str, int, frozenset[str]]], set[str]]


def _build_in_workers(store: Store, analyzer: Analyzer, total: int, workers: int, progress: Progress | None) -> Index:
    """The serial build's index, the entries read and analysed by worker processes a batch (an id
    range) at a time; at most AHEAD batches per worker in flight, indexed here in id order."""
    index = Index(analyzer)
    logged = _LogProgress()
    done = 0
    # Spawned, not forked: the service runs threads (the bot's event loop), and a forked child
    # would inherit their locks.
    context = multiprocessing.get_context("spawn")
    path = store.path
    if path is None:
        raise ValueError("only a store on disk can be read by other processes")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start, initargs=(path, analyzer)) as pool:
        pending: deque[Future[_Analysed]] = deque()
        ranges = _id_ranges(store.active_entry_ids(), BATCH)
        for first, last in ranges:
            pending.append(pool.submit(_worker_analyse, first, last))
            if len(pending) >= workers * AHEAD:
                done = _index_batch(index, pending.popleft().result(), done, total, logged, progress)
        while pending:
            done = _index_batch(index, pending.popleft().result(), done, total, logged, progress)
    return index


def _index_batch(
    index: Index, analysed: _Analysed, done: int, total: int, logged: _LogProgress, progress: Progress | None
) -> int:
    entries, words = analysed
    index.learn_tokens(words)
    for entry_id, encoded, date, topics in entries:
        index.add_encoded(entry_id, encoded, date, topics)
    done += len(entries)
    logged(done, total)
    if progress is not None:
        progress(done, total)
    return done


def _id_ranges(ids: list[int], size: int) -> Iterator[tuple[int, int]]:
    """Consecutive (first, last) id ranges of `size` ids each."""
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield chunk[0], chunk[-1]


_worker: tuple[Store, Analyzer, dict[str, int]] | None = None


def _worker_start(path: Path, analyzer: Analyzer) -> None:
    """In a worker: its own connection to the store, and the rebuild's analyzer."""
    global _worker
    _worker = (Store.open(path), analyzer, {})


def _worker_analyse(first: int, last: int) -> _Analysed:
    """In a worker: the active entries of an id range, analysed as `Index.add` would."""
    assert _worker is not None, "the worker was not started"
    store, analyzer, dates = _worker
    analysed, words = [], set()
    for entry in store.active_entries_between(first, last):
        date = dates.get(entry.document_key)
        if date is None:
            date = dates[entry.document_key] = date_ordinal(store.document(entry.document_key).date)
        encoded, entry_words = analyse_entry(analyzer, entry)
        words |= entry_words
        analysed.append((entry.id or 0, encoded, date, frozenset(entry.topics)))
    return analysed, words


class _LogProgress:
    """INFO lines at each tenth of a rebuild, with the rate."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.step = 0

    def __call__(self, done: int, total: int) -> None:
        step = done * LOG_STEPS // max(total, 1)
        if step > self.step or done == total:
            self.step = step
            seconds = time.perf_counter() - self.started
            logger.info("Index rebuild: %d of %d entries (%.0f s)", done, total, seconds)


def terminal_progress(description: str = "Re-analysing entries") -> Progress:
    """A progress bar on standard error (tqdm), for the command line and the benchmarks; silent
    when standard error is not a terminal."""
    from tqdm import tqdm

    bars: list[Any] = []  # the one bar, made at the first update

    def update(done: int, total: int) -> None:
        if not bars:
            bar = tqdm(total=total, desc=description, unit=" entries", file=sys.stderr, disable=None, leave=False)
            bars.append(bar)
        bar = bars[0]
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update


class Rebuild:
    """A rebuild in a thread of its own, on a connection of its own; `result` once it is done."""

    def __init__(
        self,
        path: Path,
        analyzer: Analyzer,
        progress: Progress | None = None,
        then: Callable[[int, Index, Store], None] | None = None,
    ) -> None:
        self.result: BuiltIndex | None = None
        self.error: BaseException | None = None
        self._path, self._analyzer, self._progress, self._then = path, analyzer, progress, then
        self._thread = threading.Thread(target=self._run, name="index-rebuild", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            store = Store.open(self._path)
            try:
                built = build_index(store, self._analyzer, self._progress)
                if self._then is not None:
                    self._then(built.revision, built.search_index, store)  # e.g. write the snapshot, before handing over
            finally:
                store.close()
            self.result = built
        except Exception as error:  # noqa: BLE001 - reported by the service, which keeps its index
            logger.warning("Index rebuild failed: %s", type(error).__name__)
            self.error = error

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return self.done
