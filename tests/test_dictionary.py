"""The word lists for typo correction (knowledge/text/dictionary.py): read from pyspellchecker's files
a pair at a time, they hold what its API gives; the table is kept in a file and read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spellchecker import SpellChecker

from knowledge.text import dictionary


@pytest.mark.parametrize("language", sorted(dictionary.MIN_COUNT))
def test_the_lists_read_pair_by_pair_are_those_of_the_api(language: str) -> None:
    ours = dict(dictionary.language_counts(language))
    assert ours == dict(SpellChecker(language=language, distance=1).word_frequency.items())
    assert len(ours) > 10_000


@pytest.fixture
def fresh_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """No table in memory, whatever other tests loaded (and only the short Russian list, unscaled and
    without Belarusian, so that making it takes no time); the module's state restored after."""
    monkeypatch.setattr(dictionary, "_loaded", None)
    monkeypatch.setattr(dictionary, "_cache", None)
    monkeypatch.setattr(dictionary, "MIN_COUNT", {"ru": 1})
    monkeypatch.setattr(dictionary, "RANK_SCALE", {})
    monkeypatch.setattr(dictionary, "BELARUSIAN_DICTIONARY", "")


def test_the_table_is_saved_and_a_later_start_reads_it_instead(
    tmp_path: Path, fresh_table: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "s.sqlite3.words"
    dictionary.use_cache(cache)
    assert dictionary.frequency("погода") > 100 and dictionary.frequency("xqzv") == 0
    assert cache.is_file() and cache.stat().st_size < 2_000_000
    made = dictionary._loaded

    monkeypatch.setattr(dictionary, "_loaded", None)
    monkeypatch.setattr(dictionary, "language_counts", lambda language: pytest.fail("the lists were read again"))
    assert dictionary.frequency("погода") > 100 and dictionary.frequency("xqzv") == 0
    assert dictionary._loaded == made


@pytest.mark.parametrize("damage", [b"", b"another key\n" + b"\0" * 16, b"garbage without a newline"])
def test_a_damaged_or_outdated_table_file_is_made_again(tmp_path: Path, fresh_table: None, damage: bytes) -> None:
    cache = tmp_path / "s.sqlite3.words"
    cache.write_bytes(damage)
    dictionary.use_cache(cache)
    assert dictionary.frequency("погода") > 100
    assert cache.read_bytes() != damage


def test_counts_of_equal_rank_are_equal_and_ties_share_the_best_rank() -> None:
    pairs = [("a", 50), ("b", 9), ("c", 9), ("d", 1)]
    assert list(dictionary.rank_scaled(pairs, [1000, 800, 600, 400])) == [("a", 1000), ("b", 800), ("c", 800), ("d", 400)]
    # A list longer than the reference takes the reference's last count.
    assert list(dictionary.rank_scaled(pairs, [70, 60])) == [("a", 70), ("b", 60), ("c", 60), ("d", 60)]


def test_russian_counts_are_on_the_dutch_scale() -> None:
    """The Russian list's counts are ~12x lower than the Dutch at the same rank: everyday Russian words
    ('погода', 'сосед', 'страшно', under 1,000 in its own list) weighed as rare names."""
    from knowledge.search.matcher import COMMON_WORD

    raw = dict(dictionary.language_counts("ru"))
    everyday = ["погода", "сосед", "страшно", "бояться", "соседи"]
    assert all(raw[word] < COMMON_WORD <= dictionary.frequency(word) for word in everyday)
    # A word at rank 17,000 of the Russian list stays rare, but still a word.
    assert raw["загвоздка"] < 100 and 0 < dictionary.frequency("загвоздка") < COMMON_WORD
    # The same rank, the same count: the Russian words ranked 1,000th have the Dutch count of rank 1,000.
    dutch = dictionary.reference_curve("nl")
    word, count = sorted(raw.items(), key=lambda pair: -pair[1])[1000]
    rank = sum(1 for n in raw.values() if n > count)
    assert 900 < rank <= 1000 and dictionary.frequency(dictionary._fold(word)) == dutch[rank]


def test_belarusian_words_are_everyday_words_and_its_names_are_not() -> None:
    """Belarusian has no counts (the Grammar Database's spelling dictionary): its words that are no
    names weigh as everyday words, its names ('Іран', 'Гродна') and misspellings as rare words."""
    from knowledge.search.matcher import COMMON_WORD
    from knowledge.text.analysis import fold

    everyday = ["пагражаюць", "трэба", "баюся", "дапамажыце", "вельмі", "суседзі"]
    assert all(dictionary.frequency(fold(word)) == dictionary.BELARUSIAN_COUNT >= COMMON_WORD for word in everyday)
    assert all(dictionary.frequency(fold(word)) < COMMON_WORD for word in ["Іран", "Гродна", "пагражаюцьь", "санкцыіі"])
    # No word of the Russian, Dutch or English lists: Russian is told from Belarusian in Latin letters by those.
    assert not any(dictionary.is_word(fold(word)) for word in everyday)
    assert dictionary.is_word("погода") and dictionary.frequency("погода") > dictionary.BELARUSIAN_COUNT // 10


def test_a_process_holding_the_table_writes_it_for_a_new_store_at_once(
    tmp_path: Path, fresh_table: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary.use_cache(tmp_path / "first.sqlite3.words")
    assert dictionary.frequency("погода") > 100
    second = tmp_path / "second.sqlite3.words"
    dictionary.use_cache(second)
    assert second.is_file(), "written when the store is opened, not only when the table is built"
    monkeypatch.setattr(dictionary, "_loaded", None)
    monkeypatch.setattr(dictionary, "language_counts", lambda language: pytest.fail("the lists were read again"))
    assert dictionary.frequency("погода") > 100
