"""The synonym table's everyday words (issue 11, item 4): Belarusian and Russian words askers use meet
the Dutch word of the passage, and the words left out on purpose stay apart."""

from __future__ import annotations

import pytest

from knowledge.text.analysis import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("asked", "language", "passage"),
    [
        ("вяршэнства права", "be", "rechtsstaat"),
        ("шматбаковых", "be", "multilaterale"),
        ("міжнародных арганізацыях", "be", "multilaterale"),
        ("international organisations", "en", "multilaterale"),
        ("запалохваюць", "be", "intimidatie"),
        ("запугивают", "ru", "intimidatie"),
        ("кантакты", "be", "contacten"),
        ("прысутнічаюць", "be", "aanwezig"),
        ("attend", "en", "aanwezig"),
        ("увагу", "be", "aandacht"),
        ("незалежных", "be", "onafhankelijke"),
        ("спакойна", "be", "ongestoord"),
        ("freely", "en", "ongestoord"),
        ("actual", "en", "concrete"),
        ("diversion", "en", "kaping"),
        ("govt", "en", "regering"),
        ("adopted", "en", "aangenomen"),
        ("правяраюць", "be", "onderzocht"),
        ("спецыяльная", "be", "speciale"),
        ("падыход", "be", "aanpak"),
        ("падрыхтоўцы", "be", "voorbereiding"),
        ("датычных", "be", "betrokken"),
        ("дзяржпрадпрыемстваў", "be", "entiteiten"),
        ("фальсіфікавалі", "be", "stembusfraude"),
        ("tougher", "en", "aanscherpen"),
        ("visumverbod", "nl", "inreisverbod"),
        ("de laatste tijd", "nl", "recentelijk"),
        ("lately", "en", "recent"),
        ("в последнее время", "ru", "recentelijk"),
        ("апошнім часам", "be", "recentelijk"),
        # Being followed, photographed, pressured (kamervragen/3, 5, 6), as diaspora members tell it.
        ("мяне пераследуюць", "be", "ik word gevolgd"),
        ("за намі сочаць", "be", "bespioneerd"),
        ("за мной следят", "ru", "stalking"),
        ("фатаграфуюць", "be", "gefotografeerd"),
        ("снимают на видео", "ru", "gefilmd"),
        ("bezoek van de KGB", "nl", "intimidatie"),
        ("ціснуць на сваякоў", "be", "intimidatie"),
        ("zonder problemen", "nl", "ongestoord"),
        ("без праблем", "be", "ongestoord"),
        ("without being harassed", "en", "ongestoord"),
        ("нечестные выборы", "ru", "stembusfraude"),
    ],
)
def test_an_everyday_word_meets_the_passages_word(analyzer: Analyzer, asked: str, language: str, passage: str) -> None:
    assert analyzer.terms(asked, language) == analyzer.terms(passage, "nl")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("asked", "language", "other"),
    [
        ("готовы", "ru", "voorbereiding"),  # 'willing' (a Kamervraag asks whether the cabinet is willing), not 'preparing'
        ("prepared", "en", "voorbereiding"),
        ("жорсткія", "be", "aanscherpen"),  # harsh repression is not harsher sanctions
        ("zwaardere", "nl", "aanscherpen"),  # heavier prison sentences
        ("жёстче", "ru", "aanscherpen"),  # 'репрессии всё жёстче': the repression, not the sanctions
        ("harsher", "en", "aanscherpen"),
        ("Kaag", "nl", "Karatsj"),  # the minister who answered every Kamervraag points at none of them
        ("protest", "en", "diplomatiek bezwaar"),  # a street protest, unless 'protest to' someone
        ("follow the trials", "en", "ik word gevolgd"),  # following a trial (entry 6) is not being followed
        ("volgen de rechtszaken", "nl", "ik word gevolgd"),
        ("сочаць за судамі", "be", "за мной сочаць"),
        ("пераследуюць", "be", "мяне пераследуюць"),  # bare: the persecution at home, not 'they are after me'
        ("снимут санкции", "ru", "снимают на видео"),  # lifting sanctions is not filming
        ("здымуць санкцыі", "be", "здымаюць на відэа"),
        ("bezoek aan gevangenen", "nl", "bezoek van de KGB"),  # a prison visit is no KGB visit
        ("pressure on the regime", "en", "pressure on my family"),  # pressure on Minsk stays the sanctions
    ],
)
def test_a_word_left_out_stays_apart(analyzer: Analyzer, asked: str, language: str, other: str) -> None:
    assert not set(analyzer.terms(asked, language)) & set(analyzer.terms(other, "nl"))  # type: ignore[arg-type]


def test_a_protest_to_minsk_is_a_diplomatic_objection(analyzer: Analyzer) -> None:
    assert set(analyzer.terms("diplomatiek bezwaar", "nl")) <= set(analyzer.terms("lodge a protest with Minsk", "en"))


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("is it safe fr belarusians", "is it safe for belarusians"),
        ("cn diplomats visit prisoners", "can diplomats visit prisoners"),
        ("wich sanctions r there", "which sanctions are there"),
        ("dont they visit prisoners or nah", "do they not visit prisoners"),
    ],
)
def test_english_function_words_typed_in_a_hurry_carry_no_topic(analyzer: Analyzer, typed: str, written: str) -> None:
    assert analyzer.terms(typed, "en") == analyzer.terms(written, "en")


@pytest.mark.parametrize(
    ("asked", "language", "plain"),
    [
        # 'To do' carries no topic in Russian and Belarusian, as in Dutch and English.
        ("Может ли Голландия что-то сделать против угроз?", "ru", "Голландия угроз"),
        ("Что Нидерланды делают для политзаключённых?", "ru", "Нидерланды политзаключённых"),
        ("Што робяць Нідэрланды для палітвязняў?", "be", "Нідэрланды палітвязняў"),
        ("Ці можа ўрад штосьці зрабіць?", "be", "урад штосьці"),
        # F8: 'aantal gesanctioneerde personen' got nothing: the participle met no sanctions term, and 'aantal'
        # (which asks 'how many', as the stopword 'hoeveel' does) weighed as a topic the passage lacks.
        ("gesanctioneerde entiteiten", "nl", "sancties entiteiten"),
        ("aantal sancties", "nl", "sancties"),
        ("подсанкционные компании", "ru", "санкции компании"),
        ("падсанкцыйныя прадпрыемствы", "be", "санкцыі прадпрыемствы"),
    ],
)
def test_a_wording_reads_as_its_plain_words(analyzer: Analyzer, asked: str, language: str, plain: str) -> None:
    assert analyzer.terms(asked, language) == analyzer.terms(plain, language)  # type: ignore[arg-type]


def test_a_staff_count_query_with_the_participle_is_answered_with_the_figure() -> None:
    from knowledge.tools.evaluation import fresh_service

    answer = fresh_service().answer("aantal gesanctioneerde entiteiten belarus")
    assert answer.answered and answer.matches()[0].entry_key == "kamerbrief-2021-03-02-2298/3"
