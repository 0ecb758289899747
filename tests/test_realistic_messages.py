"""Messages as people send them: Belarusian, Russian in Latin letters, a story before the question,
two questions at once, a later time, another country (issue 11). Mechanisms, not answers to known
questions: each test builds its own case from general rules."""

from __future__ import annotations

import pytest

from knowledge.models import Outcome
from knowledge.service import AnswerService
from knowledge.text import belarusian, focus, timing
from knowledge.text.analysis import Analyzer, fold, tokens
from knowledge.text.translit import to_cyrillic, transliterate_message
from knowledge.tools.evaluation import EvalQuestion, evaluate, fresh_service


@pytest.fixture(scope="module")
def service() -> AnswerService:
    return fresh_service()


# --- Belarusian -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ці ёсць санкцыі супраць Беларусі?",
        "Што робіць урад Нідэрландаў?",
        "Колькі чалавек пад санкцыямі?",
        "пра вязняў",
    ],
)
def test_belarusian_is_told_from_russian_by_its_letters_and_words(text: str) -> None:
    analyzer = Analyzer()
    assert analyzer.detect_language(tokens(text), text) == "be"


@pytest.mark.parametrize(
    "text", ["Какие санкции против Беларуси?", "Что делает правительство Нидерландов?", "сколько человек"]
)
def test_russian_stays_russian(text: str) -> None:
    assert Analyzer().detect_language(tokens(text), text) == "ru"


def test_the_belarusian_stemmer_brings_inflected_forms_together_and_keeps_short_stems() -> None:
    forms = ["санкцыі", "санкцый", "санкцыямі", "санкцыях"]
    assert len({belarusian.stem(fold(w)) for w in forms}) == 1
    assert len({belarusian.stem(fold(w)) for w in ["палітвязні", "палітвязняў", "палітвязнямі"]}) == 1
    assert belarusian.stem("дом") == "дом"  # never below three letters
    assert belarusian.stem(fold("дыпламаты")) != belarusian.stem(fold("дэпутаты"))


def test_belarusian_text_uses_belarusian_stems_and_the_synonym_table() -> None:
    analyzer = Analyzer()
    # 'Мінск' is a variant in the synonym table: Belarusian text reaches its canonical term.
    assert analyzer.terms("у Мінску", "be") == analyzer.terms("в Минске", "ru")
    assert analyzer.analyse("Ці ёсць санкцыі?").language == "be"


def test_a_belarusian_question_finds_the_passage_its_russian_twin_finds(service: AnswerService) -> None:
    russian = service.answer("Какие санкции ЕС ввёл против Беларуси?")
    belarusian_answer = service.answer("Якія санкцыі ЕС увёў супраць Беларусі?")
    assert russian.matches() and belarusian_answer.matches()
    assert belarusian_answer.matches()[0].entry_key == russian.matches()[0].entry_key


# --- Russian in Latin letters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("sankcii", "санкции"),
        ("sanktsii", "санкции"),
        ("chelovek", "человек"),
        ("niderlandah", "нидерландах"),
        ("zhurnalisty", "журналисты"),
        ("politzaklyuchennye", "политзаключенные"),
        ("sankciyami", "санкциями"),
        ("moy", "мой"),
    ],
)
def test_informal_transliteration_is_reversed(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


def test_only_messages_mostly_in_transliterated_russian_are_converted(service: AnswerService) -> None:
    matcher = service.matcher
    args = (matcher._is_russian, lambda w: 0, matcher._known_latin)
    assert transliterate_message(tokens("kakie sankcii vveli protiv Belarusi"), *args) is not None
    from knowledge.text.dictionary import frequency

    real = (matcher._is_russian, frequency, matcher._known_latin)
    assert transliterate_message(tokens("Welke sancties gelden in de EU?"), *real) is None
    assert transliterate_message(tokens("What sanctions did the EU impose?"), *real) is None


def test_a_word_of_one_letter_is_no_sign_of_russian() -> None:
    """'u', 'v', 'i' are words of Russian, Belarusian, Dutch and English alike: with Russian counts on
    the same scale as English ones, 'у' outweighs 'u' and alone made a Latin-letter message Russian."""
    russian = {"у", "мама", "тата"}.__contains__
    counts = {"у": 5_000_000, "u": 1_800_000}
    args = (russian, lambda w: counts.get(w, 0), lambda w: False)
    assert transliterate_message(tokens("ci viedaje mama u horadzie"), *args) is None
    assert transliterate_message(tokens("ci viedaje mama u tata"), *args) is not None  # two longer words do


def test_a_question_in_latin_letters_finds_the_passage_its_cyrillic_twin_finds(service: AnswerService) -> None:
    cyrillic = service.answer("Какие санкции ввели против Лукашенко?")
    latin = service.answer("kakie sankcii vveli protiv Lukashenko?")
    assert latin.matches() and latin.matches()[0].entry_key == cyrillic.matches()[0].entry_key
    assert (
        service.matcher.analyse("kakie sankcii vveli protiv Lukashenko?").terms
        == service.matcher.analyse("Какие санкции ввели против Лукашенко?").terms
    )


# --- long messages --------------------------------------------------------------------------------


def test_the_question_is_found_among_story_sentences() -> None:
    message = "Mijn broer woont in Gent. Hij is erg bang! Welke sancties zijn er?"
    marked = focus.parts(message)
    assert [p.is_question for p in marked] == [False, False, True]
    assert focus.questions(message) == ["Welke sancties zijn er?"]


def test_keyword_queries_and_abbreviations_are_one_question() -> None:
    assert focus.questions("Kamerstuk 21 501-02 nr. 2248 gevangenisbezoek") == [
        "Kamerstuk 21 501-02 nr. 2248 gevangenisbezoek"
    ]
    assert focus.parts("motie Omtzigt uitvoering") == [focus.Part("motie Omtzigt uitvoering", True)]


def test_two_questions_in_one_sentence_are_split_at_and_plus_a_question_word() -> None:
    assert focus.questions("How many people are under sanctions and is the president on the list?") == [
        "How many people are under sanctions",
        "is the president on the list?",
    ]
    assert focus.questions("Welke sancties en maatregelen zijn er?") == ["Welke sancties en maatregelen zijn er?"]


def test_a_story_before_the_question_no_longer_hides_the_match(service: AnswerService) -> None:
    question = "Welke sancties heeft de EU tegen Belarus ingesteld?"
    story = "Mijn tante woont al jaren in Rotterdam en werkt in een bakkerij. Haar zoon studeert daar ook. "
    plain, long = service.answer(question), service.answer(story + question)
    assert plain.answered and long.matches() and long.matches()[0].entry_key == plain.best.entry_key
    analysis = service.matcher.analyse(story + question)
    assert "bakkerij" not in {t for t in analysis.terms if t not in analysis.context_terms}
    assert analysis.context_terms and set(service.matcher.analyse(question).terms) - analysis.context_terms


def test_a_message_asking_an_answered_and_an_unanswered_thing_says_which_is_which(service: AnswerService) -> None:
    answered = "Welke sancties heeft de EU tegen Belarus ingesteld?"
    assert service.answer(answered).answered
    other = "En hoe vraag ik een parkeervergunning aan in Amsterdam?"
    both = service.answer(f"{answered} {other}")
    assert both.answered and both.best.entry_key == service.answer(answered).best.entry_key
    assert both.unanswered_parts == [other]


def test_two_answered_questions_give_both_answers(service: AnswerService) -> None:
    first, second = (
        "Welke sancties heeft de EU tegen Belarus ingesteld?",
        "Is er een meldpunt voor Belarussen die worden bedreigd?",
    )
    a, b = service.answer(first), service.answer(second)
    assert a.answered and b.answered and a.best.entry_key != b.best.entry_key
    both = service.answer(f"{first} {second}")
    keys = {both.best.entry_key, *(m.entry_key for m in both.also)}
    assert keys == {a.best.entry_key, b.best.entry_key} and not both.unanswered_parts


# --- later time, other subjects -------------------------------------------------------------------


def test_later_time_words() -> None:
    assert timing.later_than(["hoeveel", "in", "2024"], "count", 2021)
    assert timing.later_than(["wat", "doet", "nederland", "in", "2023"], None, 2021)
    assert not timing.later_than(["sancties", "in", "2020"], None, 2021)
    assert timing.later_than(["hoeveel", "mensen", "nu"], "count", 2021)
    assert not timing.later_than(["wat", "doet", "nederland", "nu"], None, 2021)
    assert timing.later_than(["сколько", "сейчас"], "count", 2021)


def test_an_old_figure_is_not_given_as_current(service: AnswerService) -> None:
    figure = service.answer("Hoeveel personen en entiteiten staan op de EU-sanctielijst voor Belarus?")
    assert figure.answered
    for later in (
        "Hoeveel personen en entiteiten staan inmiddels op de EU-sanctielijst voor Belarus?",
        "Hoeveel personen en entiteiten stonden in 2024 op de EU-sanctielijst voor Belarus?",
    ):
        answer = service.answer(later)
        assert not answer.answered and answer.later_time


@pytest.mark.parametrize(
    "question",
    [
        "how many political prisoners are there in belarus now",
        "колькі палітвязняў цяпер у Беларусі?",
        "сколько сейчас политзаключённых в Беларуси?",
        "hoeveel politieke gevangenen zijn er nu in Belarus?",
    ],
)
def test_a_later_count_no_passage_gives_is_told_there_is_no_figure(service: AnswerService, question: str) -> None:
    """'The documents answer the questions below at their date' would promise a figure: none of the
    passages has one, so the reply says there is no official figure and shows them as related."""
    answer = service.answer(question)
    assert not answer.answered and answer.suggestions
    assert answer.untold == "count" and not answer.later_time


def test_a_later_count_a_passage_gives_keeps_the_later_time_notice(service: AnswerService) -> None:
    answer = service.answer("how many people are sanctioned now")
    assert answer.later_time and any("88" in m.text for m in answer.suggestions)


@pytest.mark.parametrize("country", ["Venezuela", "Iran", "Myanmar"])
def test_another_country_gets_no_belarus_suggestions(service: AnswerService, country: str) -> None:
    answer = service.answer(f"Wat is het beleid van Nederland ten aanzien van {country}?")
    assert answer.outcome is Outcome.NO_ANSWER and not answer.suggestions


def test_the_evaluation_reports_nothing_at_all_and_near_domain_counts(service: AnswerService) -> None:
    report = evaluate(
        [
            EvalQuestion(
                q="Wat is het beleid van Nederland ten aanzien van Venezuela?", group="out_of_scope", near=True
            ),
            EvalQuestion(q="xyzzy qwerty", group="out_of_scope"),
        ],
        service,
    )
    group = report.group("out_of_scope")
    assert group.near == 1 and group.near_answered == 0 and group.nothing == 2


def test_soft_sign_apostrophes_and_hacek_letters_are_read_as_transliteration(service: AnswerService) -> None:
    from knowledge.text.translit import prepare

    assert prepare("v tjur'mah") == "v tjurmah"
    assert prepare("Gajdukevič užasnye") == "Gajdukevich uzhasnye"
    analysis = service.matcher.analyse("uslovija v tjur'mah, čto delaet pravitel'stvo?")
    assert analysis.language == "ru" and all(
        not t.isascii() or t.isascii() and t in service.index.terms.ids for t in analysis.terms
    )


def test_dutch_with_short_words_that_are_russian_in_latin_letters_stays_dutch(service: AnswerService) -> None:
    for question in ("Kan ik nu te weten komen wat de sancties zijn?", "no to war, what does the EU say"):
        assert service.matcher.analyse(question).language in ("nl", "en")


def test_everyday_words_the_store_lacks_weigh_less_than_unknown_names(service: AnswerService) -> None:
    matcher = service.matcher
    everyday = matcher._query_weights(matcher.analyse("sancties weekend"))
    name = matcher._query_weights(matcher.analyse("sancties xqzvtl"))
    unknown_everyday = [w for t, w in everyday.items() if t < 0]
    unknown_name = [w for t, w in name.items() if t < 0]
    assert unknown_everyday and unknown_name and unknown_everyday[0] < unknown_name[0]


# --- issue 11, second round -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("bjaspechna", "бяспечна"), ("halandyi", "галандыі"), ("biełarusau", "беларусау"), ("miensku", "менску")],
)
def test_belarusian_in_latin_letters_is_read_with_belarusian_letters(latin: str, cyrillic: str) -> None:
    from knowledge.text.dictionary import frequency
    from knowledge.text.lacinka import has_diacritics, to_cyrillic

    listed = (lambda word: frequency(word) > 0,)
    assert to_cyrillic(latin, listed, not has_diacritics(latin), "ł" not in latin) == fold(cyrillic)


def test_a_belarusian_question_in_latin_letters_finds_its_cyrillic_twins_passage(service: AnswerService) -> None:
    cyrillic = service.answer("Ці бяспечна беларусам у Галандыі?")
    for latin in ("Ci bjaspečna biełarusam u Halandyi?", "ci bjaspechna belarusam u halandyi"):
        analysis = service.matcher.analyse(latin)
        assert analysis.language == "be"
        answer = service.answer(latin)
        assert answer.matches() and answer.matches()[0].entry_key == cyrillic.matches()[0].entry_key


def test_dutch_and_english_are_not_read_as_belarusian_in_latin_letters(service: AnswerService) -> None:
    for question in ("is het veilig voor belarussen in nederland", "Hoeveel mensen staan op de lijst?", "is it safe"):
        assert service.matcher.analyse(question).language in ("nl", "en")


@pytest.mark.parametrize("greeting", ["Привет, как дела?", "Прывітанне! Як справы?", "privet, kak dela"])
def test_how_are_you_is_a_greeting_in_russian_and_belarusian(service: AnswerService, greeting: str) -> None:
    assert service.answer(greeting).outcome is Outcome.GREETING


def test_a_greeting_with_a_question_is_a_question(service: AnswerService) -> None:
    assert service.answer("Привет, какие санкции ввёл ЕС?").outcome is not Outcome.GREETING


def test_phone_typing_for_calibration_is_deterministic_and_keeps_cyrillic_letters() -> None:
    from knowledge.tools.calibration import phone_typed

    typed = phone_typed("Welke sancties heeft de EU opgelegd aan Belarus?", 3)
    assert typed == phone_typed("Welke sancties heeft de EU opgelegd aan Belarus?", 3)
    assert typed.islower() and not typed.endswith("?") and typed != "welke sancties heeft de eu opgelegd aan belarus"
    assert "ў" in phone_typed("Ці ўвёў ЕС санкцыі супраць Беларусі?", 1)


def test_now_words_match_folded_questions(service: AnswerService) -> None:
    """Questions are folded ('сейчас' → 'сеичас') before the later-time words are looked up."""
    assert timing.asks_about_now(tokens(fold("Сколько человек сейчас под санкциями?")))
    assert timing.asks_about_now(tokens(fold("Колькі людзей цяпер пад санкцыямі?")))
    answer = service.answer("Сколько человек сейчас под санкциями ЕС против Беларуси?")
    assert not answer.answered and answer.later_time


@pytest.mark.parametrize("question", ["скока человек под санкциями ЕС щас?", "skoka chelovek pod sankciyami ES shchas"])
def test_chat_spellings_of_how_many_and_now_ask_for_a_later_figure(service: AnswerService, question: str) -> None:
    """User tester G14: 'скока … щас?' got a plain suggestion where 'сколько … сейчас?' gets the later-time notice."""
    answer = service.answer(question)
    assert not answer.answered and answer.later_time and service.matcher.analyse(question).asks_for == "count"


def test_latin_letter_russian_with_a_synonym_variant_stays_russian(service: AnswerService) -> None:
    """A synonym's Latin-letter Russian variant ('tyurme') counts for Russian, not for Dutch."""
    variants = [w for w in service.matcher.analyzer.lexicon.synonyms if w.isascii() and w.isalpha()]
    assert variants
    assert service.matcher.analyse("pytalis li posly ES posetit politzaklyuchennyh v tyurme").language == "ru"


def test_transliterated_eto_and_est_are_function_words(service: AnswerService) -> None:
    assert to_cyrillic("eto") == "это" and to_cyrillic("etim") == "этим" and to_cyrillic("esli") == "если"
    analysis = service.matcher.analyse("eto pravda, est li sankcii protiv Lukashenko?")
    assert analysis.language == "ru" and not {"ет", "ест", "эт"} & set(analysis.terms)


@pytest.mark.parametrize("ending", ["??", "?!", "? ?", "?!?"])
def test_doubled_punctuation_is_no_question_of_its_own(service: AnswerService, ending: str) -> None:
    """'…belarus??' ends one question; the second mark was reported as a part without an answer: '?'."""
    assert focus.questions("zet nederland zich in voor meer sancties tegen belarus" + ending) == [
        "zet nederland zich in voor meer sancties tegen belarus" + ending
    ]
    two = focus.questions(f"Welke sancties zijn er{ending} En gaan diplomaten naar rechtszaken{ending}")
    assert len(two) == 2 and all(any(c.isalpha() for c in part) for part in two)
    answer = service.answer("Welke sancties heeft de EU tegen Belarus ingesteld" + ending)
    assert all(any(c.isalpha() for c in part) for part in answer.unanswered_parts)


@pytest.mark.parametrize(
    "question",
    [
        "standpunt sancties",
        "what is the government's position on sanctions",
        "какова позиция по санкциям",
        "якая пазіцыя па санкцыях",
    ],
)
def test_a_position_asked_on_a_subject_is_answered_by_that_subject(service: AnswerService, question: str) -> None:
    """Staff ask 'standpunt X': the passage on X answers, not the one whose curated question begins
    'Wat is het standpunt van het kabinet over ...' about another subject."""
    answer = service.answer(question)
    assert answer.best is not None and "sancties" in answer.best.topics, answer.best


def test_the_digit_4_for_che_reads_as_the_letters(service: AnswerService) -> None:
    """Chat transliteration writes 'ч' as '4' ('4to', 'ho4u'): the message reads as with 'ch'; a
    number stays a number, and a Dutch '4e' is no Russian."""
    analyse = service.matcher.analyse
    with_digit = analyse("est dannye 4to rezhim gotovit zahvat aktivistov v evrope?")
    assert with_digit.language == "ru" and "что" in with_digit.tokens
    assert with_digit.tokens == analyse("est dannye chto rezhim gotovit zahvat aktivistov v evrope?").tokens
    assert "хочу" in analyse("ho4u znat kakie sankcii protiv belarusi").tokens
    assert "4e" in analyse("wat gebeurde er op de 4e dag?").tokens
    assert "88" in analyse("skolko iz 88 chelovek pod sankciyami").tokens
