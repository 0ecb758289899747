"""Belarusian verbs in -аваць/-яваць: present (-уюць, -уе), past (-авалі), infinitive, participle and
verbal noun share one stem, and nouns in -ава/-ова keep theirs."""

from __future__ import annotations

import pytest

from knowledge.text import belarusian
from knowledge.text.analysis import Analyzer, fold


def _stems(words: str) -> set[str]:
    return {belarusian.stem(fold(w)) for w in words.split()}


@pytest.mark.parametrize(
    "forms",
    [
        "пераследаваць пераследуюць пераследавалі пераследуе пераследую пераследуем пераследуеце пераследаваў "
        "пераследавала пераследаваны пераследаванне пераследаванні пераследуючы",
        "фатаграфаваць фатаграфуюць фатаграфавалі фатаграфуе фатаграфаваны",
        "арганізаваць арганізуюць арганізавалі арганізуе арганізаванне",
        "кантраляваць кантралююць кантралявалі кантралюе кантраляванне",  # -яваць: present in -юю/-юе
        "будаваць будуюць будавалі будуе",  # a stem of three letters
        "рэагаваць рэагуюць рэагавалі рэагуе",
        "гарантаваць гарантуе гарантуюць гарантавалі гарантаваны",
    ],
)
def test_the_forms_of_a_verb_in_avac_share_one_stem(forms: str) -> None:
    assert len(_stems(forms)) == 1


@pytest.mark.parametrize(
    ("word", "verb"),
    [("слова", "слухаць"), ("галава", "галасаваць"), ("Варшава", "варожаць"), ("дзяржава", "дзяржаць"), ("Гавана", "гаварыць")],
)
def test_nouns_in_ava_and_ova_keep_their_stems(word: str, verb: str) -> None:
    stem = belarusian.stem(fold(word))
    assert stem == fold(word)[:-1]  # only the case ending goes
    assert stem != belarusian.stem(fold(verb))


def test_unrelated_words_are_not_merged() -> None:
    assert _stems("слова словы") != _stems("слухаюць")
    assert len(_stems("пераследаваць фатаграфаваць арганізаваць будаваць галава права")) == 6
    assert belarusian.stem(fold("Гавана")) == "гаван"  # '-авана' of a participle needs three letters before it


def test_a_form_the_synonym_table_does_not_list_gets_its_listed_forms_term() -> None:
    """The table lists 'пераследуюць' (repression); 'пераследуе' and 'пераследавалі' are not listed."""
    analyzer = Analyzer()
    listed = analyzer.analyse("пераследуюць", "be").terms
    assert listed and analyzer.analyse("пераследуе", "be").terms == listed
    assert analyzer.analyse("пераследавалі", "be").terms == listed
