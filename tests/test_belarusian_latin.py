"""Belarusian written in Latin letters (Łacinka, the same without diacritics, English-style spellings)
is read back into Cyrillic and matched through the Belarusian analyser, like Russian in Latin letters."""

from __future__ import annotations

import pytest

from knowledge.models import Language
from knowledge.service import AnswerService
from knowledge.text import lacinka
from knowledge.text.analysis import tokens
from knowledge.text.dictionary import frequency
from knowledge.text.translit import prepare

_LISTED = (lambda word: frequency(word) > 0,)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("pieraśledujuć", "пераследуюць"),  # Łacinka: soft sign of Taraškievica before a consonant dropped
        ("mohuć", "могуць"),
        ("palitviaźni", "палітвязні"),
        ("mohuc", "могуць"),  # 'c' typed for 'ć', told by the word list
        ("camu", "чаму"),  # 'c' typed for 'č'
        ("moza", "можа"),
        ("tolki", "толькі"),  # soft 'l' without its mark
        ("shto", "што"),  # English-style digraphs
        ("bjaspechna", "бяспечна"),
        ("yana", "яна"),
    ],
)
def test_latin_words_are_read_as_belarusian_words(latin: str, cyrillic: str) -> None:
    plain = not lacinka.has_diacritics(latin)
    assert lacinka.to_cyrillic(latin, _LISTED, plain, "ł" not in latin) == cyrillic


def test_without_any_known_word_the_spelling_as_written_is_read() -> None:
    assert lacinka.to_cyrillic("biełarusy") == "беларусы"
    assert lacinka.to_cyrillic("ščaście") == "шчасце"
    assert lacinka.to_cyrillic("ludzi") == "людзі"  # in Łacinka 'l' is soft, 'ł' hard
    assert lacinka.to_cyrillic("ludzi", hard_l=True) == "лудзі"  # a message without 'ł' writes 'l' for both


def test_belarusian_is_told_by_its_letters_and_its_own_words() -> None:
    def told(text: str) -> bool:
        return lacinka.looks_belarusian(text, tokens(prepare(text)))

    assert told("mianie pieraśledujuć") and told("ci mohuc bielarusy") and told("heta praŭda")
    assert not told("kakie sankcii vveli protiv Belarusi")
    assert not told("Welke sancties gelden? Ja, de EU") and not told("What sanctions did the EU impose?")


@pytest.mark.parametrize(
    "twins",
    [
        ("Мяне пераследуюць людзі з амбасады", "mianie pieraśledujuć ludzi z ambasady", "mianie pierasledujuc ludzi z ambasady"),
        (
            "Ці могуць беларусы ў Нідэрландах свабодна дэманстраваць?",
            "ci mohuć biełarusy ŭ Niderlandach svabodna demanstravać",
            "ci mohuc bielarusy u niderlandach svabodna demanstravac",
        ),
        (
            "Якія санкцыі ЕС увёў супраць Беларусі?",
            "Jakija sankcyi ES uvioŭ suprać Biełarusi?",
            "yakiya sanktsyi ES uviou suprats Belarusi",
        ),
    ],
)
def test_belarusian_in_latin_letters_has_the_terms_of_its_cyrillic_twin(service: AnswerService, twins: tuple[str, ...]) -> None:
    cyrillic, *latin = twins
    expected = service.matcher.analyse(cyrillic)
    assert expected.language == "be"
    for message in latin:
        analysis = service.matcher.analyse(message)
        assert analysis.language == "be" and analysis.terms == expected.terms, message
        assert service.question_language(message) is Language.BE  # and the reply is in Belarusian


def test_a_latin_letter_belarusian_question_finds_the_passage_of_its_cyrillic_twin(service: AnswerService) -> None:
    cyrillic = service.answer("Ці ходзяць дыпламаты на суды над палітвязнямі?")
    for latin in ("Ci chodziać dyplamaty na sudy nad palitviaźniami?", "ci chodziac dyplamaty na sudy nad palitviazniami"):
        answer = service.answer(latin)
        assert answer.matches() and answer.matches()[0].entry_key == cyrillic.matches()[0].entry_key


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("kakie sankcii vvel ES protiv Belarusi", "ru"),
        ("mogut li diplomaty poseshchat politzaklyuchennyh", "ru"),
        ("est li v Niderlandah specialnyj punkt dlya belorusov", "ru"),
        ("is er een meldpunt voor belarussen die bedreigd worden", "nl"),
        ("Ja, welke sancties zijn er tegen Belarus?", "nl"),
        ("Do diplomats attend trials of political prisoners in Belarus?", "en"),
    ],
)
def test_russian_dutch_and_english_are_not_read_as_belarusian(service: AnswerService, message: str, language: str) -> None:
    assert service.matcher.analyse(message).language == language


def test_one_letter_words_tell_neither_way_in_latin_letters() -> None:
    """User tester G7: 'Ci biełarusy ŭ Niderlandach u biaspiecy?' was read as Dutch and told, in Dutch,
    that there is no answer: its two 'u' counted against it as words of no Belarusian reading, which a
    one-letter word is as much of as of any language. Now neither for nor against."""
    from knowledge.tools.evaluation import fresh_service

    service = fresh_service()
    analysis = service.matcher.analyse("Ci biełarusy ŭ Niderlandach u biaspiecy?")
    assert analysis.language == "be" and "бяспец" in analysis.terms
    assert service.answer("Ci biełarusy ŭ Niderlandach u biaspiecy?").matches()[0].entry_key == "kamervragen-2021-07-16/4"
    assert service.matcher.analyse("Kunt u mij helpen met de sancties?").language == "nl"
