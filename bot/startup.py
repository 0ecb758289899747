"""Opening the answer service for the long-running bot, and the benchmark that measures it.

A 100,000-entry index is a few hundred thousand long-lived objects (dicts, lists, strings); every
full collection of the cyclic garbage collector walks them all (~80 ms at 100,000 entries) and
finds nothing to free. Once the index is loaded they are moved out of its way (`gc.freeze`): the
collector then walks only what answering creates. Frozen objects are still freed by reference
counting when nothing refers to them (an index replaced by a reload or rebuild is; see
tests/test_startup.py); only cyclic garbage among them would stay, and a collection just before
freezing leaves none.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from knowledge.service import MAX_QUESTION_LENGTH, AnswerService

logger = logging.getLogger(__name__)


def open_answers(path: Path, *, max_question_length: int = MAX_QUESTION_LENGTH) -> AnswerService:
    """The bot's answer service: opened (store and index loaded), then settled (`settle_memory`)."""
    service = AnswerService.open(path, max_question_length=max_question_length)
    settle_memory()
    return service


def settle_memory() -> None:
    """Collect what loading left behind, then move every object alive now out of the collector's
    way for the life of the process."""
    gc.collect()
    gc.freeze()
    logger.debug("Moved %d objects out of the garbage collector's way", gc.get_freeze_count())
