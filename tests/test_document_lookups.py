"""Staff look documents and passages up by what they know of them (user tester F8): a bare Kamerstuk
number, a kind with its printed number, a date, a minister, and a passage by its number. They get the
document (its entries), or the passage as an official answer with its citation; several documents
fitting are listed, none fitting is said so (never another document in its place), and a passage
number the document does not have is told in one line in the asker's language. Everything comes from
the documents' metadata in the store: a document added later is found the same way. A question that
mentions a date or a minister ('wat zei grapperhaus over de veiligheid van belarussen') is still a
question for the matcher. A passage picked by its number is headed as any official answer (F18)."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from pathlib import Path

import pytest
from botharness import running_bot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegramkit import buttons, callback_data, shipped_bot
from test_console import chat

from bot.cli import main
from bot.console import run_console
from bot.settings import load_settings
from interface.plain import render_answer_plain
from interface.texts import texts_for
from knowledge.ingest.parsing import parse_document
from knowledge.models import Document, DocumentKind, Entry, Outcome, ParsedDocument
from knowledge.moderation import Moderation
from knowledge.service import AnswerService
from knowledge.storage.store import Store
from knowledge.text.lookups import read_lookup
from tests.moderationkit import ANSWERS_KEY, LETTER_KEY, fresh_service

LETTER = [
    "21501-02-2298",
    "21 501-02 nr 2298",
    "kst 21501 02 2298",
    "21 501-02-2298",
    "kamerbrief 2298",
    "brief 2298",
    "Kamerbrief nr. 2298",
    "letter 2298",
    "brief blok 2 maart 2021",
    "kamerbrief van 2 maart 2021",
    "the letter of 2 March 2021",
    "письмо 2298",
    "письмо Блока от 2 марта 2021",
    "ліст 2298",
    "wat staat er in de brief van 2 maart 2021?",
]
ANSWERS = [
    "kamervragen 16 juli 2021",
    "antwoorden kamervragen 16 juli 2021",
    "Antwoorden op Kamervragen van 16-07-2021",
    "kamervragen kaag grapperhaus",
    "wat zei grapperhaus",
    "the answers of 16 July 2021",
    "ответы на вопросы 16 июля 2021",
    "ответы Грапперхауса",
    "адказы 16 ліпеня 2021",
]
PASSAGES = [
    ("kamerbrief 2298 alinea 3", f"{LETTER_KEY}/3"),
    ("brief 2298 paragraaf 3", f"{LETTER_KEY}/3"),
    ("letter 2298 paragraph 3", f"{LETTER_KEY}/3"),
    ("kst-21501-02-2298 alinea 5", f"{LETTER_KEY}/5"),
    ("21501-02-2298 § 2", f"{LETTER_KEY}/2"),
    ("brief blok 2 maart 2021, de 4e alinea", f"{LETTER_KEY}/4"),
    ("письмо 2298 абзац 3", f"{LETTER_KEY}/3"),
    ("ліст 2298 абзац 3", f"{LETTER_KEY}/3"),
    ("vraag 6 kamervragen 16 juli 2021", f"{ANSWERS_KEY}/6"),
    ("antwoord 4 kamervragen 16 juli 2021", f"{ANSWERS_KEY}/4"),
    ("antwoord 4 kamervragen kaag grapperhaus", f"{ANSWERS_KEY}/4"),
    ("question 6 of the answers of 16 July 2021", f"{ANSWERS_KEY}/6"),
    ("вопрос 6 от 16 июля 2021", f"{ANSWERS_KEY}/6"),
    ("пытанне 2 адказаў 16 ліпеня 2021", f"{ANSWERS_KEY}/2"),
]
#: Questions that mention a date, a minister, a kind of document or a number: still questions.
QUESTIONS = [
    "wat zei grapperhaus over de veiligheid van belarussen",
    "welke sancties heeft de EU volgens de brief van 2 maart 2021 ingesteld?",
    "what did the letter of 2 March 2021 say about sanctions?",
    "Hoeveel personen stonden in maart 2021 op de sanctielijst?",
    "wat zegt vraag 6 over een meldpunt?",
    "heeft minister Blok iets gezegd over politieke gevangenen?",
    "что сказал Грапперхаус о безопасности белорусов?",
    "sancties belarus 2021",
    "3",
    "88",
    "2021",
]


@pytest.mark.parametrize("typed", LETTER)
def test_the_letter_looked_up_by_its_description_gives_the_letter(service: AnswerService, typed: str) -> None:
    answer = service.answer(typed, record=True)
    assert answer.outcome is Outcome.DOCUMENT and answer.asked_document is not None
    assert answer.asked_document.document is not None and answer.asked_document.document.key == LETTER_KEY
    assert [m.entry_key for m in answer.suggestions] == [e.key for e in service.entries_of(LETTER_KEY)]
    assert service.store.review_items() == [], "a document looked up is no unanswered question"


@pytest.mark.parametrize("typed", ANSWERS)
def test_the_answers_looked_up_by_date_kind_or_minister_give_the_answers(service: AnswerService, typed: str) -> None:
    answer = service.answer(typed)
    assert answer.outcome is Outcome.DOCUMENT and answer.asked_document is not None
    assert answer.asked_document.document is not None and answer.asked_document.document.key == ANSWERS_KEY
    assert len(answer.suggestions) == 6


@pytest.mark.parametrize(("typed", "key"), PASSAGES)
def test_a_passage_by_its_number_is_that_official_answer_with_its_citation(
    service: AnswerService, typed: str, key: str
) -> None:
    answer = service.answer(typed)
    assert answer.answered and answer.best is not None and answer.best.entry_key == key
    assert answer.confidence == 1.0 and not answer.best.citation.is_note
    entry = service.store.entry_by_key(key)
    assert answer.best.text == entry.text, "the document's own text, verbatim"
    assert answer.best.citation.number == entry.number


def test_the_terminal_chat_heads_a_passage_looked_up_as_an_official_answer() -> None:
    out = chat("kamerbrief 2298 alinea 3")
    assert "Officieel antwoord" in out and "Stand van 2 maart 2021" in out
    assert "alinea 3 · Kamerstukken II 2020/21, 21 501-02, nr. 2298" in out


@pytest.mark.parametrize(
    ("typed", "language", "label"),
    [
        ("kamerbrief 2298 alinea 99", "nl", "Alinea 99"),
        ("letter 2298 paragraph 99", "en", "Paragraph 99"),
        ("vraag 12 kamervragen 16 juli 2021", "nl", "Vraag 12"),
        ("question 40 of the answers of 16 July 2021", "en", "Question 40"),
        ("письмо 2298 абзац 99", "ru", "абзац 99"),
        ("ліст 2298 абзац 99", "be", "абзац 99"),
    ],
)
def test_a_passage_number_the_document_lacks_is_told_in_one_line_in_the_askers_language(
    service: AnswerService, typed: str, language: str, label: str
) -> None:
    answer = service.answer(typed, record=True)
    assert answer.outcome is Outcome.NO_ANSWER and answer.matches() == []
    assert answer.asked_document is not None and answer.asked_document.entry_missing
    assert service.question_language(typed) is not None and service.question_language(typed).value == language
    shown = render_answer_plain(answer, texts_for(language))
    assert "\n" not in shown and label in shown
    last = 7 if answer.asked_document.document and answer.asked_document.document.key == LETTER_KEY else 6
    assert f"{last}" in shown.rsplit(label, 1)[1], "it says which numbers there are"
    assert service.store.review_items() == [], "a number the document lacks is no question for moderators"
    out = chat(typed)
    assert shown in out, "the terminal chat says it in the asker's language too"


@pytest.mark.parametrize(
    "typed", ["kamervragen 16 juli 2020", "brief 2299", "brief blok 3 maart 2021", "ответы 1 мая 2021", "letter of 2 March 2022"]
)
def test_a_description_no_stored_document_fits_says_so_and_shows_no_other(service: AnswerService, typed: str) -> None:
    answer = service.answer(typed)
    assert answer.outcome is Outcome.NO_ANSWER and answer.matches() == []
    assert answer.asked_document is not None and answer.asked_document.described and not answer.asked_document.held
    language = service.question_language(typed)
    out = chat(typed)
    assert texts_for(language.value if language else "nl").document_not_found.format(description=typed) in out
    assert "Kamerstukken II" not in out and "Stand van" not in out, "no document in its place"


@pytest.mark.parametrize("typed", QUESTIONS)
def test_a_question_mentioning_a_date_or_minister_is_still_a_question(service: AnswerService, typed: str) -> None:
    answer = service.answer(typed)
    assert answer.asked_document is None, "the matcher answers it, not a document listing"
    assert answer.outcome is not Outcome.DOCUMENT
    assert answer.outcome is answer_of_the_matcher(service, typed).outcome


def answer_of_the_matcher(service: AnswerService, question: str) -> object:
    """What the decision makes of the matcher's ranking alone (no lookup)."""
    return service._decide(question, service.matcher.rank(question, limit=10))


def _second_letter(store: Store, day: dt.date, number: str) -> None:
    """Another letter of the same minister, described in the store as an import would describe it."""
    letter = store.document(LETTER_KEY)
    key = f"kamerbrief-{day.isoformat()}-{number}"
    document = Document(
        key=key, kind=DocumentKind.KAMERBRIEF, title=letter.title, date=day, authors=letter.authors, number=number
    )
    entries = [
        Entry(key=f"{key}/{n}", document_key=key, number=n, text=f"Alinea {n} van een latere brief over Belarus.")
        for n in (1, 2)
    ]
    store.add_document(ParsedDocument(document=document, entries=entries), "test")


def test_several_documents_fitting_are_listed_and_a_date_or_number_picks_one(store: Store) -> None:
    _second_letter(store, dt.date(2021, 11, 5), "2350")
    service = AnswerService(store)
    listed = service.answer("brief blok")
    assert listed.outcome is Outcome.DOCUMENT and listed.asked_document is not None
    assert [d.key for d in listed.asked_document.candidates] == [LETTER_KEY, "kamerbrief-2021-11-05-2350"]
    shown = render_answer_plain(listed, texts_for("nl"))
    assert shown.startswith(texts_for("nl").documents_fitting.format(count=2))
    assert "2 maart 2021" in shown and "5 november 2021" in shown
    both = service.answer("kamerbrieven 2021")
    assert both.asked_document is not None and len(both.asked_document.candidates) == 2
    later = "kamerbrief-2021-11-05-2350"
    for typed, key in [("brief blok 5 november 2021", later), ("brief 2350", later), ("brief blok maart 2021", LETTER_KEY)]:
        one = service.answer(typed)
        assert one.asked_document is not None and one.asked_document.document is not None
        assert one.asked_document.document.key == key, typed
    passage = service.answer("brief 2350 alinea 2")
    assert passage.best is not None and passage.best.entry_key == "kamerbrief-2021-11-05-2350/2"
    missing = service.answer("brief 2350 alinea 3")
    assert missing.asked_document is not None and missing.asked_document.entry_numbers == [1, 2]


async def test_telegram_answers_a_passage_lists_fitting_documents_and_says_a_number_is_missing() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(1001, "Anna")
        third = bot.service.store.entry_by_key(f"{LETTER_KEY}/3")
        [passage] = await bot.ask(user, "kamerbrief 2298 alinea 3")
        assert passage["visible_text"].startswith("Officieel antwoord · Stand van 2 maart 2021")
        assert third.text in passage["visible_text"]
        [missing] = await bot.ask(user, "kamerbrief 2298 alinea 99")
        told = "Alinea 99 bestaat niet in Kamerbrief van 2 maart 2021; de nummers lopen van 1 tot en met 7."
        assert missing["visible_text"] == told, "one line, nothing else"
        [fitting] = await bot.ask(user, "brieven en kamervragen 2021")
        assert fitting["visible_text"].startswith(texts_for("nl").documents_fitting.format(count=2))
        opened = [data for data in callback_data(fitting) if data.startswith("t:")]
        assert len(opened) == 2 and len(buttons(fitting)) == 2
        [none] = await bot.ask(user, "kamervragen 16 juli 2020")
        assert "kamervragen 16 juli 2020" in none["visible_text"] and "Kaag" not in none["visible_text"]


# --- same-day answer sets: the date asked does not tell them apart (issue 13) -------------------------

#: Two more (fictional) answer sets received on 16 July 2021, the day of the shipped answers: the store
#: then holds three of that day, told apart by their keys (knowledge/identity.py), each with a Vraag 2.
SAME_DAY = Path(__file__).resolve().parent / "data" / "documents" / "same_day"
SETS = [SAME_DAY / "antwoorden_de_wit.txt", SAME_DAY / "antwoorden_2021Z13579.txt"]
SAME_DAY_KEYS = [ANSWERS_KEY, f"{ANSWERS_KEY}-de-wit", f"{ANSWERS_KEY}-2021z13579"]


def with_same_day_sets(service: AnswerService) -> AnswerService:
    moderation = Moderation(service)
    for path in SETS:
        parsed = parse_document(path.read_text(encoding="utf-8"))
        moderation.commit_import(moderation.preview_import(parsed).parsed, "cli:setup")
    assert [d.key for d in service.store.documents() if d.date == dt.date(2021, 7, 16)] == SAME_DAY_KEYS
    return service


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_a_passage_of_one_of_three_same_day_sets_offers_the_choice_between_them(language: str) -> None:
    service = with_same_day_sets(fresh_service())
    typed = {
        "nl": "vraag 2 kamervragen 16 juli 2021",
        "en": "question 2 of the answers of 16 July 2021",
        "ru": "вопрос 2 от 16 июля 2021",
        "be": "пытанне 2 адказаў 16 ліпеня 2021",
    }[language]
    answer = service.answer(typed, language=language)
    assert answer.outcome is Outcome.DOCUMENT and not answer.answered and answer.asked_document is not None
    assert [d.key for d in answer.asked_document.candidates] == SAME_DAY_KEYS
    assert [m.entry_key for m in answer.suggestions] == [f"{key}/2" for key in SAME_DAY_KEYS], "vraag 2 of each"
    texts = texts_for(language)
    shown = render_answer_plain(answer, texts)
    assert shown.startswith(texts.documents_choose_entry.format(label=texts.question_label.format(number=2), count=3))
    assert texts.documents_fitting.format(count=3) not in shown, "it has the date: it does not ask for it"
    numbered = [line for line in shown.splitlines() if re.match(r"  \d\. ", line)]
    assert [line[:5] for line in numbered] == ["  1. ", "  2. ", "  3. "] and len(set(numbered)) == 3
    assert "Kaag, Grapperhaus" in numbered[0] and "De Wit" in numbered[1] and "Van Dalen · 2021Z13579" in numbered[2]


def test_a_passage_only_one_same_day_set_has_is_answered_from_it_directly() -> None:
    service = with_same_day_sets(fresh_service())
    answer = service.answer("vraag 6 kamervragen 16 juli 2021")
    assert answer.answered and answer.best is not None and answer.best.entry_key == f"{ANSWERS_KEY}/6"
    listed = service.answer("kamervragen 16 juli 2021")
    assert listed.asked_document is not None and [d.key for d in listed.asked_document.candidates] == SAME_DAY_KEYS
    assert render_answer_plain(listed, texts_for("nl")).startswith(texts_for("nl").documents_choose.format(count=3))


def test_the_terminal_chat_gives_the_chosen_sets_passage_by_its_number(database: Path) -> None:
    service = with_same_day_sets(AnswerService.open(database))
    service.close()
    out = StringIO()
    lines = "vraag 2 kamervragen 16 juli 2021\n3\n"
    assert run_console(load_settings(), database=database, stdin=StringIO(lines), stdout=out) == 0
    listed, picked = out.getvalue().split("  3. ", 1)
    assert "Vraag 2 van welk document?" in listed
    assert "Officieel antwoord · Stand van 16 juli 2021" in picked
    assert "De politie neemt meldingen van intimidatie van Belarussische activisten serieus" in picked


def test_the_command_line_numbers_the_same_day_sets(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = with_same_day_sets(AnswerService.open(database))
    service.close()
    assert main(["--database", str(database), "ask", "vraag 2 kamervragen 16 juli 2021"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Vraag 2 van welk document?") and "  2. De Wit · " in out and "  3. Van Dalen · " in out


async def test_telegram_offers_the_same_day_sets_as_buttons_that_give_their_passage() -> None:
    service = with_same_day_sets(fresh_service())
    async with running_bot(service=service) as bot:
        user = bot.api.user(1001, "Anna")
        [choice] = await bot.ask(user, "vraag 2 kamervragen 16 juli 2021")
        assert choice["visible_text"].startswith("Vraag 2 van welk document?")
        wanted = {service.store.entry_by_key(f"{key}/2").id for key in SAME_DAY_KEYS}
        offered = buttons(choice)
        assert {int(b["callback_data"].split(":")[1]) for b in offered} == wanted and len(offered) == 3
        labels = [b["text"] for b in offered]
        assert len(set(labels)) == 3 and "De Wit" in labels[1] and "Van Dalen" in labels[2]
        bot.api.press_button(user, choice, offered[1]["callback_data"])
        [shown] = await bot.api.wait_for_messages(1001, 1)
        assert shown["visible_text"].startswith("Officieel antwoord · Stand van 16 juli 2021")
        assert "Nederland steunt via het Mensenrechtenfonds onafhankelijke Belarussische media" in shown["visible_text"]


# --- F18: a passage picked by number is headed as any official answer -----------------------------


def test_a_suggestion_picked_by_number_in_the_terminal_is_headed_with_its_date() -> None:
    listed, picked = chat("kamervragen 16 juli 2021", "3").split("  6. ", 1)
    assert "Officieel antwoord · Stand van 16 juli 2021" not in listed
    assert "Officieel antwoord · Stand van 16 juli 2021" in picked
    english = chat("/language en", "the answers of 16 July 2021", "2").split("  6. ", 1)[1]
    assert "Official answer · Position as of 16 July 2021" in english


async def test_a_passage_picked_by_button_in_telegram_is_headed_with_its_date() -> None:
    async with shipped_bot() as bot:
        user = bot.api.user(1001, "Anna")
        [reply] = await bot.ask(user, "Kamerstuk 21501-02 nr. 2298")
        entries = [data for data in callback_data(reply) if data.startswith("e:")]
        bot.api.press_button(user, reply, entries[2])
        [shown] = await bot.api.wait_for_messages(1001, 1)
        assert shown["visible_text"].startswith("Officieel antwoord · Stand van 2 maart 2021")


# --- properties -----------------------------------------------------------------------------------

_WORDS = {
    "nl": {"kamerbrief": "kamerbrief", "kamervragen": "kamervragen", "paragraph": "alinea", "question": "vraag"},
    "en": {"kamerbrief": "letter", "kamervragen": "answers", "paragraph": "paragraph", "question": "question"},
    "ru": {"kamerbrief": "письмо", "kamervragen": "ответы", "paragraph": "абзац", "question": "вопрос"},
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_entry_of_any_document_is_found_from_its_metadata(service: AnswerService, data: st.DataObject) -> None:
    """Whatever stored document, description parts and language: the entry of that number, or a one-line
    'no such number' past the last one."""
    document = data.draw(st.sampled_from(service.store.documents()))
    numbers = [n for e in service.entries_of(document.key) for n in (e.numbers or [e.number])]
    language = data.draw(st.sampled_from(sorted(_WORDS)))
    words = _WORDS[language]
    texts = texts_for(language)
    parts = [words[document.kind.value]]
    assert document.date is not None
    if document.number and data.draw(st.booleans()):
        parts.append(document.number)
    else:
        parts.append(texts.date(document.date))
    if data.draw(st.booleans()):
        parts.append(document.authors[-1].surname)
    number = data.draw(st.sampled_from(numbers) | st.integers(max(numbers) + 1, 999))
    entry_word = words["question" if document.kind is DocumentKind.KAMERVRAGEN else "paragraph"]
    entry_part = f"{entry_word} {number}"
    order = data.draw(st.permutations([*parts, entry_part]))
    typed = " ".join(order)
    answer = service.answer(typed)
    if number in numbers:
        assert answer.answered and answer.best is not None, typed
        assert answer.best.citation.document_key == document.key and number in answer.best.citation.numbers, typed
    else:
        assert answer.asked_document is not None and answer.asked_document.entry_missing, typed
        assert "\n" not in render_answer_plain(answer, texts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_stored_question_with_a_date_or_minister_is_never_a_lookup(service: AnswerService, data: st.DataObject) -> None:
    """A curated question of the store (words of its own) with a document's date, kind or minister
    added stays a question: no listing, no passage by number."""
    entries = service.store.entries()
    entry = data.draw(st.sampled_from([e for e in entries if e.question]))
    document = service.document_for(entry.document_key)
    assert document.date is not None
    extra = data.draw(
        st.sampled_from(
            [texts_for("nl").date(document.date), document.authors[0].surname, "kamerbrief 2298", f"vraag {entry.number}"]
        )
    )
    question = data.draw(st.sampled_from([f"{entry.question} {extra}", f"{extra}: {entry.question}"]))
    assert service.asked_document(question) is None, question


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_reading_a_lookup_never_fails(text: str) -> None:
    found = read_lookup(text)
    assert found is None or found.typed == " ".join(text.split())
