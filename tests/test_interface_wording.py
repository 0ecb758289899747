"""Interface wording that must fit what follows it: the later-time notice before suggestions or before
"no answer", and the suggestion heading in the singular for one question, in every language."""

from __future__ import annotations

import re

import pytest
from telegramkit import shipped_bot

from handlers.render import escape, no_answer_message, suggestions_message
from interface.plain import render_answer_plain
from interface.texts import LANGUAGES, texts_for
from knowledge.models import Answer, Outcome
from knowledge.service import AnswerService

#: 'below' in each language: the word that promised text under the notice.
BELOW = {"nl": "hieronder", "en": "below", "ru": "ниже", "be": "ніжэй"}


def _later_time(service: AnswerService) -> Answer:
    answer = service.answer("Hoeveel personen en entiteiten staan inmiddels op de EU-sanctielijst voor Belarus?")
    assert answer.later_time
    return answer


def _with_suggestions(answer: Answer, count: int) -> Answer:
    assert len(answer.suggestions) >= count
    return answer.model_copy(update={"outcome": Outcome.SUGGEST, "suggestions": answer.suggestions[:count]})


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_later_time_notice_before_no_answer_promises_nothing_below(service: AnswerService, language: str) -> None:
    texts = texts_for(language)
    answer = _later_time(service).model_copy(update={"outcome": Outcome.NO_ANSWER, "best": None, "suggestions": []})
    shown = render_answer_plain(answer, texts)
    notice = shown.split("\n\n")[0]
    assert BELOW[language] not in notice.lower()
    assert shown == f"{texts.later_time_no_answer}\n\n{texts.no_answer_scope}", "the notice says nothing is there: once"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_later_time_notice_before_suggestions_speaks_of_questions(service: AnswerService, language: str) -> None:
    texts = texts_for(language)
    shown = render_answer_plain(_with_suggestions(_later_time(service), 1), texts)
    assert shown.startswith(texts.later_time_suggestions)
    assert texts.later_time_suggestions != texts.later_time_no_answer


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_suggestion_is_asked_about_in_the_singular(service: AnswerService, language: str) -> None:
    texts = texts_for(language)
    answer = service.answer("sancties")
    one, two = _with_suggestions(answer, 1), _with_suggestions(answer, 2)
    assert texts.suggest_heading_one in render_answer_plain(one, texts)
    assert texts.suggest_heading not in render_answer_plain(one, texts)
    assert texts.suggest_heading in render_answer_plain(two, texts)
    assert suggestions_message(one, texts)[0].startswith(texts.suggest_heading_one)
    assert suggestions_message(two, texts)[0].startswith(texts.suggest_heading)


def test_the_singular_heading_differs_from_the_plural_in_every_language() -> None:
    for language in LANGUAGES:
        texts = texts_for(language)
        assert texts.suggest_heading_one != texts.suggest_heading


@pytest.mark.parametrize(
    "language, gloss",
    [("en", "[Minister of Foreign Affairs]"), ("ru", "[министр иностранных дел]"), ("be", "[міністр замежных спраў]")],
)
def test_an_authors_dutch_role_is_kept_and_explained_in_the_askers_language(
    service: AnswerService, language: str, gloss: str
) -> None:
    answer = service.answer("Welke sancties gelden tegen Belarus?", language=language)
    shown = render_answer_plain(answer, texts_for(language))
    assert f"Minister van Buitenlandse Zaken {gloss}" in shown
    assert "[" not in render_answer_plain(service.answer("Welke sancties gelden tegen Belarus?"), texts_for("nl"))


def test_an_unknown_role_is_left_as_printed() -> None:
    from interface.roles import role_in

    assert role_in("Minister van Iets Onbekends", None, "en") is None
    assert role_in("minister", "Justitie en Veiligheid", "en") == "Minister of Justice and Security"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_validation_error_reads_as_one_plain_line_in_the_moderators_language(language: str) -> None:
    from pydantic import ValidationError

    from interface.texts.moderator import moderator_texts
    from knowledge.moderation import EntryDraft

    with pytest.raises(ValidationError) as raised:
        EntryDraft.model_validate({"question": "Een vraag?"})
    t = moderator_texts(language)
    line = t.reason(raised.value)
    assert line == t.validation["missing"].format(field="text")
    assert "\n" not in line and "Field required" not in line and "validation error" not in line


#: Belarusian, in the language of each welcome: the diaspora is told it may ask in its own language.
BELARUSIAN_NAMED = {"nl": "Russisch of Belarussisch", "en": "Russian or Belarusian", "ru": "белорусском", "be": "па-беларуску"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_welcome_names_belarusian_among_the_languages_to_ask_in(language: str) -> None:
    assert BELARUSIAN_NAMED[language] in texts_for(language).start


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_official_answer_is_headed_with_the_date_it_stands_at(service: AnswerService, language: str) -> None:
    # A figure or 'no incidents so far' read years later: the date comes first, also without earlier positions.
    answer = service.answer("Hoeveel personen en entiteiten staan op de EU-sanctielijst voor Belarus?")
    assert answer.answered and answer.best and not answer.earlier
    texts = texts_for(language)
    heading = render_answer_plain(answer, texts).splitlines()[0]
    assert texts.as_of.format(date=texts.date(answer.best.citation.date)) in heading


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is Protasevich released?", "fate"),
        ("Mag ik mijn broer in de gevangenis in Zjodino bezoeken?", "practical"),
        ("Hoeveel Belarussen wonen er in Nederland?", "count"),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_for_what_no_passage_tells_is_told_so_not_asked_what_it_means(
    service: AnswerService, question: str, kind: str, language: str
) -> None:
    texts = texts_for(language)
    answer = service.answer(question)
    assert answer.untold == kind and not answer.answered
    shown = render_answer_plain(answer, texts)
    notice = texts.untold_notice(kind)
    assert notice and shown.startswith(notice)
    assert texts.suggest_heading not in shown and texts.suggest_heading_one not in shown
    if answer.suggestions:
        assert texts.related_heading in shown
    silent = render_answer_plain(answer.model_copy(update={"outcome": Outcome.NO_ANSWER, "suggestions": []}), texts)
    assert silent == f"{notice}\n\n{texts.no_answer_scope}"


def test_a_question_the_passage_answers_carries_no_untold_kind(service: AnswerService) -> None:
    assert service.answer("Welke sancties heeft de EU tegen Belarus ingesteld?").untold is None
    assert service.answer("sancties").untold is None


#: The polite form in lower case, as a word: 'вашего', 'вы пишете', 'вашага' (ru and be write Вы, Вам, Ваш).
LOWER_POLITE = {
    "ru": re.compile(r"(?<![А-Яа-яЁё])(?:вы|вам|вас|вами|ваш\w*)(?![А-Яа-яЁё])"),
    "be": re.compile(r"(?<![А-Яа-яЁёІіЎў])(?:вы|вам|вас|вамі|ваш\w*)(?![А-Яа-яЁёІіЎў])"),
    "nl": re.compile(r"\b(?:je|jij|jou|jouw)\b", re.IGNORECASE),
}


@pytest.mark.parametrize("language", ["nl", "ru", "be"])
def test_every_interface_text_keeps_one_polite_register(language: str) -> None:
    """Dutch says 'u' throughout (never 'je'); Russian and Belarusian capitalise Вы, Вам, Ваш."""
    texts = texts_for(language)
    found = {
        name: match.group(0)
        for name, value in texts.model_dump().items()
        for item in (value if isinstance(value, list) else [value])
        if isinstance(item, str) and (match := LOWER_POLITE[language].search(item))
    }
    assert not found, found


@pytest.mark.parametrize(
    "language, name, says",
    [
        ("ru", "untold_fate", "что стало с этим человеком после даты документа"),
        ("be", "untold_fate", "што сталася з чалавекам пасля даты дакумента"),
        ("nl", "untold_fate", "na de datum van het document"),
        ("en", "untold_fate", "since the date of the documents"),
        ("ru", "as_of", "Позиция на {date} г."),
        ("be", "as_of", "Пазіцыя на {date} г."),
        ("ru", "part_unanswered", "Вашего сообщения"),
        ("be", "part_unanswered", "Вашага паведамлення"),
        ("nl", "part_unanswered", "uw bericht"),
        ("ru", "related_heading", "к Вашему вопросу"),
        ("be", "related_heading", "да Вашага пытання"),
    ],
)
def test_the_second_readers_corrections_are_in_place(language: str, name: str, says: str) -> None:
    assert says in getattr(texts_for(language), name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_answer_without_a_notice_is_the_whole_no_answer_text(language: str) -> None:
    texts = texts_for(language)
    assert texts.no_answer_paragraphs() == [texts.no_answer]
    assert texts.no_answer.endswith(" " + texts.no_answer_scope), "the scope is no_answer's own last words"
    assert len(texts.no_answer) > len(texts.no_answer_scope) + 10, "no_answer says 'no official answer' first"


@pytest.mark.parametrize("untold", ["fate", "practical", "count"])
@pytest.mark.parametrize("later_time", [False, True])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_notice_and_no_suggestions_make_one_reply_that_refuses_once(
    language: str, later_time: bool, untold: str
) -> None:
    """User tester F19: 'I have no official text on what has become of anyone… I have no official answer on
    that. I only quote…' ran two refusals into one line. Each notice is a paragraph; the generic refusal goes."""
    texts = texts_for(language)
    notice = texts.untold_notice(untold)
    refusal = texts.no_answer.removesuffix(texts.no_answer_scope).strip()
    expected = [texts.later_time_no_answer] * later_time + [notice, texts.no_answer_scope]
    answer = Answer(query="?", outcome=Outcome.NO_ANSWER, confidence=0.0, untold=untold, later_time=later_time)
    shown = render_answer_plain(answer, texts)
    assert shown.split("\n\n") == expected
    assert refusal not in shown
    sent = no_answer_message(texts, untold, later_time)
    assert sent.split("\n\n") == [*map(escape, expected), "/topics · /sources"]
    assert escape(refusal) not in sent


async def test_telegram_fate_question_without_suggestions_gets_one_coherent_reply() -> None:
    async with shipped_bot(default_language="en") as bot:
        [reply] = await bot.ask(bot.api.user(4101, "Sam", language_code="en"), "Is Ales Bialiatski free?")
    en = texts_for("en")
    paragraphs = reply["visible_text"].split("\n\n")
    assert paragraphs[:2] == [en.untold_fate, en.no_answer_scope], reply["visible_text"]
    assert en.no_answer.removesuffix(en.no_answer_scope).strip() not in reply["visible_text"]


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_translation_refusals_name_languages_not_codes(language: str) -> None:
    """F21: 'de vertaling lijkt ru, niet en' told a moderator codes; each language names them in its own words."""
    from interface.texts.moderator import moderator_texts
    from knowledge.moderation import ModerationError
    from knowledge.reasons import Reason

    texts = moderator_texts(language)
    wrong = texts.reason(ModerationError(Reason.TRANSLATION_WRONG_LANGUAGE, found="ru", language="en"))
    unknown = texts.reason(ModerationError(Reason.TRANSLATION_LANGUAGE, language="fr"))
    for refusal in (wrong, unknown):
        assert not re.search(r"(?<!\w)(?:en|ru|be)(?!\w)", refusal), refusal
    assert texts.language_names["ru"] in wrong and texts.language_names["en"] in wrong
    assert "'fr'" in unknown
