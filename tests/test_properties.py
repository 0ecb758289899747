"""Property-based tests (hypothesis): whatever text comes in, from a document or from a user,
nothing unexpected is raised and what goes out to Telegram is valid HTML that fits a message.

Inputs mix arbitrary unicode with what tends to break text handling: emoji (two UTF-16 units each,
the unit Telegram counts in), RTL and zero-width marks, control characters, HTML fragments and
texts longer than one message. Example counts stay modest so that the suite stays fast.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import itertools
from pathlib import Path
from typing import Any

import yaml
from botharness import RunningBot, running_bot
from fakebotapi import strip_telegram_html, utf16_len, validate_telegram_html
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from handlers import callbacks
from handlers.inline import inline_message
from handlers.render import MAX_MESSAGE, render_match_messages, suggestions_message
from interface.texts import LANGUAGES, texts_for
from knowledge.ingest.cleaning import clean_document
from knowledge.ingest.parsing import ParseError, parse_document
from knowledge.models import (
    MAX_QUESTION_TEXT,
    Answer,
    Author,
    Citation,
    DocumentKind,
    Footnote,
    Highlight,
    Match,
    Outcome,
)
from knowledge.service import AnswerService, InvalidQuestion
from knowledge.shipped import seed_store
from knowledge.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- inputs -----------------------------------------------------------------------------------

EMOJI = "😀🇧🇾👍🏽🧑‍🤝‍🧑📄❓"
MARKS = "\u200e\u200f\u202a\u202b\u202e\u2066\u2069\u200b\u200d\ufeff\u00ad"
CONTROLS = "".join(map(chr, range(32))) + "\x7f\x85"
HTML = ["<b>", "</b>", "<i>", "&", "&amp;", "&lt;", "<a href='javascript:x'>", "</a>", "<script>", "<", ">", '"', "<pre>",
        "&#0;"]
DUTCH = ["Het", "kabinet", "sancties", "Belarus", "Loekasjenko", "meldpunt", ".", ",", "?", " ", "\n", "\n\n"]

pieces = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=EMOJI + MARKS + CONTROLS + "абв ", max_size=40),
    st.sampled_from(HTML + DUTCH),
)
#: Mixed text of any length up to a few messages' worth.
texts = st.lists(pieces, max_size=60).map("".join)
#: One long run, over a whole message (in UTF-16 units), in one paragraph or in many.
long_texts = st.builds(
    lambda unit, n: (unit * n)[:6000], st.text(EMOJI + "ab <&\n. ", min_size=1, max_size=12), st.integers(500, 6000)
)
any_text = st.one_of(texts, long_texts)
#: Metadata (titles, names, footnotes) comes from official documents: short, but any characters.
short_texts = st.lists(pieces, max_size=6).map("".join)


# --- the parser -------------------------------------------------------------------------------


@FAST
@given(any_text)
def test_cleaning_never_raises_and_yields_tidy_paragraphs(raw: str) -> None:
    clean = clean_document(raw)
    for paragraph in clean.paragraphs:
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert "\ue000" not in paragraph.text and "\ue001" not in paragraph.text, "no internal markers leak"


@st.composite
def kamervragen(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A Kamervragen-shaped text with arbitrary content; returns it and the answers' words."""
    count = draw(st.integers(1, 5))
    words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzëé", min_size=2, max_size=10)
    lines = ["Antwoord van minister Test (Buitenlandse Zaken) (ontvangen 16 juli 2021)", ""]
    answers = []
    for number in range(1, count + 1):
        question = " ".join(draw(st.lists(words, min_size=3, max_size=12))) + "?"
        answer = " ".join(draw(st.lists(words, min_size=3, max_size=40))) + "."
        answers.append(answer)
        noise = draw(st.sampled_from(["", "\u200b", "\t"]))
        lines += [f"Vraag {number}", "", question, "", "Antwoord", "", noise + answer, ""]
    return "\n".join(lines), answers


def spliced(base: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Texts from `base` with a few arbitrary pieces spliced in at arbitrary places."""

    def splice(text: str, insertions: list[tuple[float, str]]) -> str:
        for where, piece in insertions:
            at = int(where * len(text))
            text = text[:at] + piece + text[at:]
        return text

    return st.builds(splice, base, st.lists(st.tuples(st.floats(0, 1), pieces), max_size=8))


SEEDS = sorted((ROOT / "knowledge" / "sources").glob("*.txt"))
documents = st.one_of(
    any_text, spliced(kamervragen().map(lambda d: d[0])), spliced(st.sampled_from([p.read_text() for p in SEEDS]))
)


@FAST
@given(documents)
def test_the_parser_refuses_nonsense_with_a_reason_and_never_crashes(raw: str) -> None:
    try:
        parse_document(raw)
    except (ParseError, ValidationError):
        pass  # a refusal the importers turn into a message for the moderator


@FAST
@given(kamervragen())
def test_every_answer_of_a_kamervragen_text_becomes_an_entry_with_its_words(document: tuple[str, list[str]]) -> None:
    raw, answers = document
    parsed = parse_document(raw)
    assert parsed.document.kind is DocumentKind.KAMERVRAGEN
    assert [entry.number for entry in parsed.entries] == list(range(1, len(answers) + 1))
    for entry, answer in zip(parsed.entries, answers, strict=True):
        assert entry.text.split() == answer.split(), "verbatim, up to spacing"


# --- the matcher and the answer service ------------------------------------------------------


@functools.cache
def shipped_service() -> AnswerService:
    store = Store.in_memory()
    seed_store(store)
    return AnswerService(store)


EVALUATION = [item["q"] for item in yaml.safe_load((ROOT / "knowledge" / "evaluation" / "questions.yaml").read_text())]


@FAST
@given(st.one_of(any_text, spliced(st.sampled_from(EVALUATION))))
def test_the_service_answers_anything_or_refuses_it_as_an_invalid_question(question: str) -> None:
    service = shipped_service()
    try:
        answer = service.answer(question, record=True)
    except InvalidQuestion:
        return
    assert 0.0 <= answer.confidence <= 1.0
    assert answer.answered == (answer.outcome is Outcome.ANSWER)
    assert len(answer.suggestions) <= 3
    assert all(0.0 <= m.score <= 1.0 for m in answer.matches())


# --- rendering ----------------------------------------------------------------------------------


@st.composite
def matches(draw: st.DrawFn) -> Match:
    """A match with arbitrary official text, question, highlight and citation."""
    text = draw(any_text.filter(str.strip))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    kind = draw(st.sampled_from(list(DocumentKind)))
    number = draw(st.integers(1, 9999))
    url = draw(st.one_of(st.none(), st.just("https://example.org/a?b=1&c=<2>"), st.just('https://x.nl/"quoted"')))
    citation = Citation(
        document_key="kamerbrief-2021-03-02-2298",
        document_title=draw(short_texts.filter(str.strip)),
        kind=kind,
        kind_label=kind.label,
        date=draw(st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))),
        authors=[
            Author(name=name.strip(), role=draw(st.one_of(st.none(), short_texts)))
            for name in draw(st.lists(short_texts.filter(str.strip), max_size=3))
        ],
        number=number,
        numbers=[number],
        number_label=f"Vraag {number}",
        reference=draw(st.one_of(st.none(), short_texts)),
        official_id=None,
        references=[],
        footnotes=[
            Footnote(number=n, text=draw(short_texts), url=draw(st.one_of(st.none(), st.just("https://a.nl/x&y"))))
            for n in range(draw(st.integers(0, 3)))
        ],
        url=url,
    )
    return Match(
        entry_id=draw(st.integers(1, 999_999_999)),
        entry_key="kamerbrief-2021-03-02-2298/1",
        question=draw(st.one_of(st.none(), texts.map(lambda q: q[:MAX_QUESTION_TEXT]))),
        text=text,
        score=draw(st.floats(0, 1)),
        citation=citation,
        highlight=Highlight(start=start, end=end, sentence=text[start:end]) if draw(st.booleans()) else None,
    )


def assert_fits_telegram(html: str) -> str:
    """Valid Telegram HTML whose visible text fits one message (in UTF-16 units); returns that text."""
    validate_telegram_html(html)
    visible = strip_telegram_html(html)
    assert visible.strip(), "never an empty message"
    assert utf16_len(visible) <= MAX_MESSAGE, f"{utf16_len(visible)} UTF-16 units"
    return visible


def squeeze(text: str) -> str:
    return "".join(text.split())


@FAST
@given(matches(), st.sampled_from(LANGUAGES), st.one_of(st.none(), short_texts))
def test_an_answer_renders_as_valid_messages_that_fit_and_quote_the_text_verbatim(
    match: Match, language: str, heading: str | None
) -> None:
    messages = render_match_messages(match, texts_for(language), heading=heading)
    visible = [assert_fits_telegram(message) for message in messages]
    assert squeeze(match.text) in squeeze("".join(visible)), "the official text, whole and in order"


@FAST
@given(matches(), st.sampled_from(LANGUAGES))
def test_an_inline_result_is_one_valid_message_that_fits(match: Match, language: str) -> None:
    assert_fits_telegram(inline_message(match, texts_for(language)))


@FAST
@given(st.lists(matches(), min_size=1, max_size=3), st.sampled_from(LANGUAGES))
def test_suggestions_render_as_one_valid_message_with_decodable_buttons(suggested: list[Match], language: str) -> None:
    answer = Answer(query="q", outcome=Outcome.SUGGEST, confidence=0.3, suggestions=suggested)
    text, keyboard = suggestions_message(answer, texts_for(language))
    assert_fits_telegram(text)
    for row in keyboard.inline_keyboard:
        for button in row:
            assert button.text.strip() and len(button.callback_data.encode()) <= 64  # type: ignore[union-attr]
            assert callbacks.decode(button.callback_data) is not None  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=70), st.from_regex(r"[efrstlS]:[0-9:a-z]{0,20}", fullmatch=True)))
def test_callback_data_from_a_client_is_decoded_or_refused_never_trusted(data: str) -> None:
    decoded = callbacks.decode(data)
    assert decoded is None or decoded.action in callbacks.Action.__args__  # type: ignore[attr-defined]


# --- the handlers, through the fake Bot API -----------------------------------------------------


async def test_whatever_a_user_sends_gets_valid_replies_and_no_error() -> None:
    """Hypothesis draws in a worker thread; each example is sent by a new user (so the flood limit
    does not interfere) to the running bot, whose replies the fake validates as Telegram would."""
    async with running_bot() as bot:
        loop = asyncio.get_running_loop()
        users = itertools.count(880_000_000)
        errors: list[BaseException] = []

        async def note(update: object, context: Any) -> None:
            errors.append(context.error)

        bot.app.add_error_handler(note)

        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.one_of(texts, long_texts.map(lambda t: t[:4096])))
        def exchange(text: str) -> None:
            assume(text.strip())
            user = next(users)
            asyncio.run_coroutine_threadsafe(ask_anything(bot, user, text), loop).result(timeout=30)
            assert not errors, errors

        await asyncio.to_thread(exchange)


async def ask_anything(bot: RunningBot, user_id: int, text: str) -> None:
    """Send `text`; wait for the reply (every private message gets one) and for quiet; check them all."""
    bot.api.send_text(bot.api.user(user_id, "P"), text)
    await bot.api.wait_for(lambda call: call.method == "sendMessage" and call.params.get("chat_id") == user_id, timeout=10)
    await bot.api.wait_idle(quiet=0.05, timeout=10)
    calls = [c for c in bot.api.calls("sendMessage") if c.params.get("chat_id") == user_id]
    assert all(c.ok for c in calls), [c.description for c in calls]
    for call in calls:
        assert_fits_telegram(call.params["text"])
