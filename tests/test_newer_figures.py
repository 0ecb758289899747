"""A newer letter with a newer figure (user tester 12, F1 and F10). A fresh import has no curated
phrasings nor translations, so a how-many question is still matched to the old, curated passage by
far; when a later document states that passage's figure in the same words with its own number, the
newer figure leads (in any language) and the old one stays one button away. A later figure of the
same things in other words (perhaps only those added) is told of under the old answer, with a button.
A figure of another thing in the same words ('... tegen Rusland ...', '... 14 vliegtuigen') is
neither. And "there is no official number" is not said while a passage offered has a figure of what
was asked. The letters are
fictional, written for these tests."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from handlers.render import answer_keyboard
from handlers.replies import answer_heading
from interface.plain import render_answer_plain
from interface.texts import texts_for
from knowledge.ingest.parsing import parse_document
from knowledge.models import Language, SourceText
from knowledge.moderation import Moderation
from knowledge.service import AnswerService
from tests.moderationkit import LETTER_KEY, fresh_service

OLD_SANCTIONS = f"{LETTER_KEY}/3"
OLD_FIGURE = "88 personen en 7 entiteiten"
NEWER_DATE = dt.date(2024, 10, 8)

#: The sanctions figure restated in the old letter's words with new numbers, among other figures.
SANCTIONS = (
    "Op 24 juni 2024 heeft de Raad de sancties tegen Belarus verlengd en uitgebreid. Inmiddels zijn onder het "
    "sanctieregime voor Belarus maatregelen genomen tegen 244 personen en 33 entiteiten. Het kabinet steunt "
    "een verdere uitbreiding van de lijst."
)
PRISONERS = (
    "Het kabinet blijft aandringen op de vrijlating van alle politieke gevangenen. Volgens de "
    "mensenrechtenorganisatie Viasna zitten er in Belarus op dit moment ruim 1.300 politieke gevangenen vast."
)
FUNDING = (
    "Nederland heeft dit jaar 3 miljoen euro bijgedragen aan onafhankelijke media en het maatschappelijk "
    "middenveld in ballingschap."
)
#: Counts in the same words as the old figure, of something else: another country, another thing.
RUSSIA = (
    "Ook tegen Rusland heeft de Raad het beleid aangescherpt. Inmiddels zijn onder het sanctieregime voor "
    "Rusland maatregelen genomen tegen 1.700 personen en 400 entiteiten."
)
AIRCRAFT = (
    "De luchtvaart van Belarus blijft onder druk. Inmiddels zijn onder dit sanctieregime maatregelen genomen "
    "tegen 14 vliegtuigen van Belavia."
)

#: The same things counted in other words: a total, or only what a package added.
OTHER_WORDS = [
    "Er staan inmiddels 244 personen en 33 entiteiten uit Belarus op de sanctielijst van de Europese Unie.",
    "Met het zevende sanctiepakket zijn 25 personen en 3 entiteiten aan de lijst toegevoegd.",
]

HOW_MANY_SANCTIONED = [
    ("Hoeveel personen staan onder EU-sancties?", Language.NL),
    ("how many people are under EU sanctions against Belarus?", Language.EN),
    ("сколько человек под санкциями ЕС?", Language.RU),
]
HOW_MANY_PRISONERS = [
    ("Hoeveel politieke gevangenen zijn er in Belarus?", Language.NL),
    ("сколько политзаключённых в Беларуси?", Language.RU),
    ("how many political prisoners are there in Belarus?", Language.EN),
]


def letter(paragraphs: list[str], date: str = "8 oktober 2024") -> str:
    body = "\n\n".join("\n".join(textwrap.wrap(p, 78)) for p in paragraphs)
    return (
        "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2024–2025\n\n21 501-02\n\n"
        "Raad Algemene Zaken en Raad Buitenlandse Zaken\n\nNr. 2950\n\nBRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n"
        f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {date}\n\n"
        "Hierbij informeer ik uw Kamer over de stand van zaken van het beleid ten aanzien van Belarus.\n\n"
        f"{body}\n\nDe Minister van Buitenlandse Zaken,\n\nC.C.J. Veldkamp\n"
    )


def imported(paragraphs: list[str], date: str = "8 oktober 2024") -> tuple[AnswerService, dict[str, str]]:
    """A store of the shipped documents and the letter, imported as a moderator does; the keys of
    its entries by their text."""
    service = fresh_service()
    moderation = Moderation(service)
    raw = letter(paragraphs, date)
    preview = moderation.preview_import(parse_document(raw))
    stored, _ = moderation.commit_import(preview.parsed, "cli:test", SourceText(format="text", text=raw))
    service.refresh()
    return service, {e.text: e.key for e in service.entries_of(stored.key)}


@pytest.fixture(scope="module")
def newer() -> tuple[AnswerService, dict[str, str]]:
    return imported([SANCTIONS, PRISONERS, FUNDING])


@pytest.mark.parametrize(("question", "language"), HOW_MANY_SANCTIONED)
def test_the_newer_figure_leads_and_the_old_one_is_the_earlier_position(
    newer: tuple[AnswerService, dict[str, str]], question: str, language: Language
) -> None:
    service, keys = newer
    ranking = service.matcher.rank(service.validate_question(question), limit=10)
    assert service.entry_for(ranking.scored[0].entry_id).key == OLD_SANCTIONS, "the setup: the old passage ranks first"
    fresh = [s for s in ranking.scored if service.entry_for(s.entry_id).key == keys[SANCTIONS]]
    assert not fresh or fresh[0].relevance < 0.25, "the setup: the fresh paragraph is weak, or not ranked at all"
    answer = service.answer(question, language=language)
    assert answer.answered and answer.best and answer.best.entry_key == keys[SANCTIONS], question
    assert "244 personen en 33 entiteiten" in answer.best.text
    assert [m.entry_key for m in answer.earlier] == [OLD_SANCTIONS]
    assert all(m.entry_key != keys[SANCTIONS] for m in answer.suggestions), "offered once, as the answer"
    texts = texts_for(language)
    shown = render_answer_plain(answer, texts)
    assert texts.as_of.format(date=texts.date(NEWER_DATE)) in answer_heading(answer, texts)
    assert OLD_FIGURE not in shown.split(texts.as_of.format(date=texts.date(dt.date(2021, 3, 2))))[0]
    keyboard = answer_keyboard(answer.best, texts, [], answer.earlier, answer.newer)
    [button] = [b for row in keyboard.inline_keyboard for b in row if b.text.startswith(texts.button_earlier)]
    assert texts.date(dt.date(2021, 3, 2)) in button.text


def test_without_the_newer_letter_the_old_figure_answers_as_before() -> None:
    service = fresh_service()
    for question, language in HOW_MANY_SANCTIONED:
        answer = service.answer(question, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS
        assert answer.earlier == [] and answer.newer == []


@pytest.mark.parametrize("paragraph", OTHER_WORDS, ids=["total", "added"])
def test_a_newer_figure_of_the_same_things_in_other_words_is_told_of_under_the_answer(paragraph: str) -> None:
    service, keys = imported([paragraph, FUNDING])
    [newer_key] = [key for text, key in keys.items() if paragraph in text]
    for question, language in HOW_MANY_SANCTIONED:
        answer = service.answer(question, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS, (question, paragraph)
        assert [m.entry_key for m in answer.newer] == [newer_key], question
        texts = texts_for(language)
        notice = texts.newer_document.format(date=texts.date(NEWER_DATE))
        assert notice in answer_heading(answer, texts) and notice in render_answer_plain(answer, texts)
        keyboard = answer_keyboard(answer.best, texts, [], answer.earlier, answer.newer)
        [button] = [b for row in keyboard.inline_keyboard for b in row if b.text.startswith(texts.button_newer)]
        assert str(answer.newer[0].entry_id) in str(button.callback_data)


@pytest.mark.parametrize("other", [RUSSIA, AIRCRAFT], ids=["another-country", "another-thing"])
def test_a_newer_count_of_something_else_in_the_same_words_does_not_lead(other: str) -> None:
    service, keys = imported([other, FUNDING])
    for question, language in HOW_MANY_SANCTIONED:
        answer = service.answer(question, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS, (question, other)
        assert all(m.entry_key != keys[other] for m in [*answer.earlier, *answer.newer]), question


def test_an_older_letter_with_the_figure_never_leads() -> None:
    service, keys = imported([SANCTIONS], date="8 oktober 2019")
    answer = service.answer("Hoeveel personen staan onder EU-sancties?")
    assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS
    assert answer.newer == []


def test_a_question_that_asks_no_count_is_not_led_by_the_newer_figure(newer: tuple[AnswerService, dict[str, str]]) -> None:
    """'Why' asks for the reason, which the old passage gives and the new one does not."""
    service, keys = newer
    answer = service.answer("Waarom heeft de EU sancties tegen Belarus ingesteld?")
    assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS


@pytest.mark.parametrize(("question", "language"), HOW_MANY_PRISONERS)
def test_no_official_number_is_not_said_while_a_passage_offered_has_the_figure(
    newer: tuple[AnswerService, dict[str, str]], question: str, language: Language
) -> None:
    service, keys = newer
    answer = service.answer(question, language=language)
    assert answer.untold is None, question
    assert answer.suggestions and answer.suggestions[0].entry_key == keys[PRISONERS], "the figure is offered first"
    texts = texts_for(language)
    assert texts.untold_count not in render_answer_plain(answer, texts)


def test_without_a_figure_among_the_passages_there_is_still_no_official_number() -> None:
    """The shipped documents call for the prisoners' release and give no number of them; a newer letter
    with only a figure of something else ('3 miljoen euro') changes nothing."""
    for service in (fresh_service(), imported([FUNDING])[0]):
        for question, language in HOW_MANY_PRISONERS[:2]:
            answer = service.answer(question, language=language)
            assert answer.untold == "count" and not answer.answered, question
            texts = texts_for(language)
            assert render_answer_plain(answer, texts).startswith(texts.untold_count)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Mijn oom werkt bij een bedrijf in Minsk dat met Europa handelt. Hoeveel personen staan onder EU-sancties?",
         Language.NL),
        ("My uncle works for a company in Minsk. How many people are under EU sanctions against Belarus?", Language.EN),
        ("Мой дядя работает в Минске на заводе. Сколько человек под санкциями ЕС?", Language.RU),
    ],
)
def test_a_story_before_the_question_still_gets_the_newer_figure(
    newer: tuple[AnswerService, dict[str, str]], question: str, language: Language
) -> None:
    """The story's words are no reason to doubt the answer: the old passage matched the question
    sentence, and the newer figure restating it stands in for it (it has no English or Russian words)."""
    service, keys = newer
    answer = service.answer(question, language=language)
    assert answer.answered and answer.best and answer.best.entry_key == keys[SANCTIONS], question
    assert [m.entry_key for m in answer.earlier] == [OLD_SANCTIONS]


def test_a_question_about_a_later_time_is_offered_the_newest_figure(newer: tuple[AnswerService, dict[str, str]]) -> None:
    """'How many now, in 2025?': later than every document, so no answer; the newest figure is offered
    (before it led, the old one was), under the line that the documents answer at their date."""
    service, keys = newer
    answer = service.answer("Hoeveel personen staan er nu in 2025 op de sanctielijst?")
    assert not answer.answered and answer.later_time
    assert [m.entry_key for m in answer.suggestions][:1] == [keys[SANCTIONS]]
