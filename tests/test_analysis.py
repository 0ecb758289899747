"""Normalisation, stemming, synonyms and typo correction: the words behind the matcher."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.models import AlternateQuestion, Entry, Language
from knowledge.search.index import Index
from knowledge.text.analysis import Analyzer, fold, tokens


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_fold_removes_case_and_diacritics_but_keeps_cyrillic() -> None:
    assert fold("Coördineren ÉÉN") == "coordineren een"
    assert fold("Лукашенко Ёлка") == "лукашенко елка"


def test_tokens_split_hyphens_and_punctuation() -> None:
    assert tokens("Wit-Rusland's EU-verband, 88 personen!") == ["wit", "rusland", "s", "eu", "verband", "88", "personen"]


@pytest.mark.parametrize(
    "variant",
    ["Belarus", "Wit-Rusland", "wit rusland", "Belarussische", "Wit-Russische", "Belarussen", "Wit-Russen",
     "Belarusian", "Беларусь", "Белоруссии", "белорусы"],
)
def test_every_name_of_the_country_and_its_people_is_one_term(analyzer: Analyzer, variant: str) -> None:
    assert analyzer.terms(variant) == analyzer.terms("Belarus")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Loekasjenko", "Lukashenko"), ("Лукашенко", "Loekasjenko"), ("Protasevitsj", "Protasevich"),
     ("Протасевич", "Protasevitsj"), ("sancties", "sanctions"), ("санкции", "sancties"), ("politie", "полиция"),
     ("meldpunt", "hotline"), ("aangifte doen", "report to the police"), ("gevangenen", "prisoners")],
)
def test_synonyms_cross_languages_and_transliterations(analyzer: Analyzer, a: str, b: str) -> None:
    assert set(analyzer.terms(a)) == set(analyzer.terms(b))


def test_stemming_joins_inflections(analyzer: Analyzer) -> None:
    assert analyzer.terms("bedreigingen") == analyzer.terms("bedreiging")
    assert analyzer.terms("zittingen") == analyzer.terms("zitting")


def test_stopwords_and_question_words_are_dropped(analyzer: Analyzer) -> None:
    assert analyzer.terms("Wat is de positie van het kabinet?") == analyzer.terms("positie kabinet")
    assert analyzer.terms("What is the position of the government?") == analyzer.terms("position government")


def test_pronouns_in_the_instrumental_are_stopwords_too(analyzer: Analyzer) -> None:
    """'с нами' stems to 'нам', a stopword only as a word of its own: the case itself must be listed."""
    assert analyzer.terms("правительство общается с нами") == analyzer.terms("правительство общается")
    assert analyzer.terms("урад размаўляе з намі") == analyzer.terms("урад размаўляе")


def test_language_is_detected(analyzer: Analyzer) -> None:
    assert analyzer.analyse("Is there a hotline for the people").language == "en"
    assert analyzer.analyse("Is er een meldpunt voor de mensen").language == "nl"
    assert analyzer.analyse("Есть ли горячая линия").language == "ru"


@pytest.mark.parametrize("text", ["hallo", "Goedemorgen!", "hi there", "Привет", "thanks", "bedankt!"])
def test_greetings_are_recognised(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyse(text).is_greeting


@pytest.mark.parametrize("text", ["hallo, welke sancties zijn er?", "asdfgh", "sancties", ""])
def test_questions_and_noise_are_not_greetings(analyzer: Analyzer, text: str) -> None:
    assert not analyzer.analyse(text).is_greeting


def _index(analyzer: Analyzer) -> Index:
    index = Index(analyzer)
    index.add(
        Entry(
            id=1,
            key="d/1",
            document_key="d",
            number=1,
            text="Personen die bedreigingen ontvangen kunnen aangifte doen bij de politie.",
        )
    )
    index.add(
        Entry(
            id=2,
            key="d/2",
            document_key="d",
            number=2,
            text="De EU heeft sancties ingesteld tegen personen en entiteiten.",
            alternates=[AlternateQuestion(text="Which sanctions?", language=Language.EN)],
        )
    )
    return index


def test_typos_are_corrected_to_known_words(analyzer: Analyzer) -> None:
    index = _index(analyzer)
    assert index.correct_tokens(["bedriegingen", "aangfite", "poltie"]) == ["bedreigingen", "aangifte", "politie"]


def test_unknown_words_that_are_not_typos_stay_unknown(analyzer: Analyzer) -> None:
    index = _index(analyzer)
    assert index.correct_tokens(["iran", "paspoort", "weer"]) == ["iran", "paspoort", "weer"]


def test_index_updates_entry_by_entry(analyzer: Analyzer) -> None:
    index = _index(analyzer)
    sanction = index.terms.get(analyzer.terms("sancties")[0])
    assert index.candidates([sanction]) == [2]
    index.remove(2)
    assert index.candidates([sanction]) == [] and len(index) == 1
    index.add(Entry(id=3, key="d/3", document_key="d", number=3, text="Nieuwe sancties."))
    assert index.candidates([sanction]) == [3]


def test_saved_analysis_indexes_the_same_as_analysing(analyzer: Analyzer) -> None:
    index = _index(analyzer)
    copy = Index(analyzer)
    for entry_id in index.entry_ids():
        copy.add_encoded(entry_id, index.encoded(entry_id))
    term = analyzer.terms("bedreigingen")[0]
    assert copy.candidates([copy.terms.get(term)]) == index.candidates([index.terms.get(term)]) == [1]
    original, restored = index.fields(2), copy.fields(2)
    assert index.terms.text(original[0][1]) == copy.terms.text(restored[0][1])
    assert [index.terms.text(ids) for _, ids in original[1:]] == [copy.terms.text(ids) for _, ids in restored[1:]]


@given(st.text(max_size=40))
def test_fold_drops_exactly_the_combining_marks_of_the_decomposed_lower_case(text: str) -> None:
    """fold's translate table (looked up once per character) does what filtering each character did."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    assert fold(text) == "".join(ch for ch in decomposed if not unicodedata.combining(ch))
