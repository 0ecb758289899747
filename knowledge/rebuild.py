"""Building the index from the store: streamed in batches, with progress, in the background if asked.

After an analyser, lexicon or schema change every entry is analysed again. That reads the store a
batch at a time (memory stays that of the index being built plus one batch), reports progress to a
callback (a terminal bar via tqdm, and INFO lines in the log: counts only, never text), and can run
in a thread of its own with its own connection, while the service keeps answering from the index
it has; the new one is handed over whole (`Rebuild.result`), never half built.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from knowledge.search.index import Index, date_ordinal
from knowledge.storage.store import Store
from knowledge.text.analysis import Analyzer

logger = logging.getLogger(__name__)

#: Entries read and analysed at a time.
BATCH = 500
#: The log says how far a rebuild is at every tenth of it.
LOG_STEPS = 10

#: progress(done, total): called after every batch.
Progress = Callable[[int, int], None]


class BuiltIndex(NamedTuple):
    """An index of the store's active entries as they were at `revision` (later changes are not in it)."""

    revision: int
    search_index: Index  # not `index`: a tuple's own method has that name


def build_index(store: Store, analyzer: Analyzer, progress: Progress | None = None) -> BuiltIndex:
    """The index of the store's active entries, streamed in batches, with the revision it reflects."""
    revision = store.revision()
    total = store.count_active_entries()
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
