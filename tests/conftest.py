"""Shared fixtures: an in-memory store with the shipped sources, and the service over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import DATABASE_FILE
from knowledge.service import AnswerService
from knowledge.shipped import seed_store
from knowledge.storage.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "knowledge" / "sources"
LETTER = SEEDS / "kamerbrief-2021-03-02-2298.txt"
ANSWERS = SEEDS / "kamervragen-2021-07-16.txt"


@pytest.fixture
def store() -> Iterator[Store]:
    store = Store.in_memory()
    seed_store(store)
    yield store
    store.close()


@pytest.fixture
def service(store: Store) -> AnswerService:
    return AnswerService(store)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's .env or writes to ./data."""
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "MODERATOR_IDS", "LOG_LEVEL", "DEFAULT_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def first_start(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database as the first start builds it from the shipped sources (built once, copied per test)."""
    path = tmp_path_factory.mktemp("first-start") / "standpunt.sqlite3"
    AnswerService.open(path).close()
    return path


@pytest.fixture(scope="session")
def _started_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("started") / "data"
    data.mkdir()
    AnswerService.open(data / DATABASE_FILE).close()
    return data


@pytest.fixture
def started_data_dir(_started_data_dir: Path, tmp_path: Path) -> Path:
    """tmp_path/data as a first start leaves it (store, index snapshot, word table), for tests of a
    later start in a process of its own: they need not build the store and the word table again."""
    data = tmp_path / "data"
    shutil.copytree(_started_data_dir, data)
    return data


@pytest.fixture
def database(first_start: Path, tmp_path: Path) -> Path:
    """A copy of the first start's database (and the index snapshot next to it) for one test."""
    for built in first_start.parent.iterdir():
        shutil.copyfile(built, tmp_path / built.name)
    return tmp_path / first_start.name
