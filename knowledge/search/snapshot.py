"""The index on disk: one file beside the database, so a start need not rebuild the index.

The file is a marshal header (the format, which analysis made it, the store revision, and the
index's small parts), then the index's arrays as they lie in memory, each after its length: they
are read straight into arrays (`array.fromfile`), so a start holds no second copy of them and
spends no time converting. marshal is fast and, unlike pickle, cannot run code when read. A
snapshot is only used when it was made by the same analysis (fingerprint) and at most at the
store's current revision; the changes after it are then applied incrementally. Anything
unreadable is ignored and the index is rebuilt.
"""

from __future__ import annotations

import logging
import marshal
import os
import struct
import tempfile
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, NamedTuple

from knowledge.search.index import Index
from knowledge.text.analysis import Analyzer

logger = logging.getLogger(__name__)
#: 2: postings carry the fields holding the term (index.IN_TEXT, IN_PHRASING).
#: 3: one postings list per term; the phrasings holding each term, and the phrasings' layout.
#: 4: the arrays raw after a marshal header; entries' fields in one array.
FORMAT = 4
_LENGTH = struct.Struct("<q")


class Snapshot(NamedTuple):
    """An index read back from disk: the store revision it reflects and the analysis that made it."""

    revision: int
    search_index: Index  # not `index`: a tuple's own method has that name
    fingerprint: str


def write_snapshot(path: Path, fingerprint: str, revision: int, stamp: str, index: Index) -> None:
    """Write atomically: a crash mid-write leaves the previous snapshot (or none), never half of one.
    Each writer has a temporary file of its own, so processes starting at once never trip over one."""
    header, arrays = index.snapshot()
    data = {"format": FORMAT, "fingerprint": fingerprint, "revision": revision, "stamp": stamp, "index": header}
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name + ".", suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            raw = marshal.dumps(data)
            handle.write(_LENGTH.pack(len(raw)) + raw)
            for _, values in arrays:
                handle.write(_LENGTH.pack(len(values)))
                values.tofile(handle)
        os.replace(temporary, path)
    except OSError as error:
        logger.warning("Could not save the index snapshot: %s", error.strerror or error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _header(handle: IO[bytes]) -> dict[str, Any] | None:
    (size,) = _LENGTH.unpack(handle.read(_LENGTH.size))
    if not 0 < size <= os.fstat(handle.fileno()).st_size:
        return None
    data = marshal.loads(handle.read(size))
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def _reader(handle: IO[bytes]) -> Callable[[str], array[int]]:
    size = os.fstat(handle.fileno()).st_size

    def read(typecode: str) -> array[int]:
        (count,) = _LENGTH.unpack(handle.read(_LENGTH.size))
        values = array(typecode)
        if not 0 <= count * values.itemsize <= size:
            raise ValueError("an array longer than the snapshot")
        values.fromfile(handle, count)
        return values

    return read


def load_any_snapshot(
    path: Path | None, stamp_of: Callable[[int], str], analyzer: Analyzer, fingerprint: str | None = None
) -> Snapshot | None:
    """The snapshot of this very change log, made by any analysis
    unless `fingerprint` is given: an index of the previous analysis still answers while the new
    one is built."""
    if path is None or not path.is_file():
        return None
    try:
        with open(path, "rb") as handle:
            data = _header(handle)
            if data is None or (fingerprint is not None and data.get("fingerprint") != fingerprint):
                return None
            revision = data.get("revision")
            if not isinstance(revision, int) or stamp_of(revision) != data.get("stamp"):
                return None  # the store was restored or replaced since
            made_by = str(data["fingerprint"])
            return Snapshot(revision, Index.from_snapshot(analyzer, data["index"], _reader(handle)), made_by)
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, struct.error) as error:
        logger.warning("Ignoring an unreadable index snapshot: %s", type(error).__name__)
        return None
