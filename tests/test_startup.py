"""The bot's answer service is opened, then its long-lived objects are moved out of the garbage
collector's way (bot.startup). Each check runs in a process of its own: freezing is for the life
of a process, and the test process must keep its collector as it is."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import DATABASE_FILE

_ROOT = Path(__file__).resolve().parent.parent

_CHECK = """
import gc, json, sys, weakref
from pathlib import Path
from bot.startup import open_answers

question = "Is er een meldpunt voor Belarussen die zich bedreigd voelen?"
service = open_answers(Path(sys.argv[1]))
frozen = gc.get_freeze_count()
young = sum(gc.get_count())
answer = service.answer(question).model_dump(mode="json")
gc.unfreeze()  # the same question answered with every object in the collector's way
unfrozen = service.answer(question).model_dump(mode="json")
gc.freeze()
old = weakref.ref(service.index)
service.reload()  # as a moderator's restore or a rebuild swaps in a new index
freed_without_collection = old() is None
print(json.dumps({"frozen": frozen, "young": young, "same": answer == unfrozen,
                  "freed": freed_without_collection, "answered": answer["outcome"]}))
"""


def _check(database: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _CHECK, str(database)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(_ROOT)},
        cwd=_ROOT,
        timeout=300,
    )
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


@pytest.fixture(scope="module")
def started(_started_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What one bot process found, on a copy of a first start's data."""
    data = tmp_path_factory.mktemp("startup") / "data"
    shutil.copytree(_started_data_dir, data)
    return _check(data / DATABASE_FILE)


def test_the_loaded_index_is_out_of_the_collectors_way_and_answers_are_unchanged(started: dict[str, object]) -> None:
    found = started
    assert isinstance(found["frozen"], int) and found["frozen"] > 10_000  # the index, not a handful
    assert isinstance(found["young"], int) and found["young"] < 100  # nothing left for a collection
    assert found["same"] is True
    assert found["answered"] == "answer"


def test_an_index_replaced_after_freezing_is_freed_by_reference_counting(started: dict[str, object]) -> None:
    """Frozen objects are never collected as cycles: an index swapped out must need no collection."""
    assert started["freed"] is True
