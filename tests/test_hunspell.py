"""The Hunspell reader (knowledge/text/hunspell.py) and the Belarusian dictionary read with it."""

from __future__ import annotations

import pytest

from knowledge.text import hunspell

AFFIXES = """SET UTF-8
FLAG num
SFX 1 Y 2
SFX 1 0 ы [^а]
SFX 1 а ы а
SFX 2 Y 1
SFX 2 ць ў ць
"""


def test_each_stem_takes_the_suffix_rules_of_its_flags_where_their_condition_holds() -> None:
    stems = "4\nкніга/1\nстол/1\nмаляваць/2\nІран\n"
    assert sorted(hunspell.forms(AFFIXES, stems)) == sorted(["кніга", "кнігы", "стол", "столы", "маляваць", "маляваў", "іран"])
    assert "іран" not in set(hunspell.forms(AFFIXES, stems, names=False))


@pytest.mark.parametrize("feature", ["PFX 3 Y 1\nPFX 3 0 не .", "FLAG long", "SFX 4 0 а/1 ."])
def test_a_dictionary_using_what_the_reader_does_not_know_is_refused(feature: str) -> None:
    with pytest.raises(hunspell.UnsupportedDictionary):
        list(hunspell.forms(AFFIXES + feature + "\n", "1\nслова/1\n"))


def test_the_shipped_belarusian_dictionary_has_the_inflected_forms_of_everyday_words() -> None:
    forms = set(hunspell.shipped_forms("be_BY"))
    assert {"санкцыі", "санкцыямі", "пагражаюць", "палітвязні", "дапамажыце", "трэба", "бяспечна"} <= forms
    assert len(forms) > 1_000_000
    assert not {"санкцыіі", "пагражаюцьь", "sanctions"} & forms
