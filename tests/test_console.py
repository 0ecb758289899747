"""The terminal chat: without a token `run_bot.py` answers in plain text over the embedded store."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from bot.console import run_console
from bot.settings import load_settings
from interface.texts import texts_for
from interface.texts.markup import html_to_plain

ROOT = Path(__file__).resolve().parent.parent
SANCTIONS = "Welke sancties gelden tegen Belarus?"
SANCTIONS_TEXT = "88 personen en 7 entiteiten"
CITATION = "Kamerbrief · 2 maart 2021 · S.A. Blok, Minister van Buitenlandse Zaken · alinea 3"
TOKEN = "123456789:AAH-a-valid-looking-token-0123456789abc"


def chat(*lines: str) -> str:
    out = StringIO()
    assert run_console(load_settings(), stdin=StringIO("".join(f"{line}\n" for line in lines)), stdout=out) == 0
    return out.getvalue()


def test_console_answers_in_plain_text_with_the_citation_and_link() -> None:
    out = chat(SANCTIONS)
    assert SANCTIONS_TEXT in out and CITATION in out
    assert "https://zoek.officielebekendmakingen.nl/kst-21501-02-2298.html" in out
    assert "<b>" not in out, "plain text, no Telegram HTML"


def test_console_says_how_to_go_live() -> None:
    out = chat()
    assert "@BotFather" in out and "TELEGRAM_BOT_TOKEN" in out


def test_console_handles_greetings_suggestions_and_unknowns_then_quits() -> None:
    out = chat("hallo", "sancties", "Wat is het weer in Amsterdam morgen?", "quit", SANCTIONS)
    assert "Hallo!" in out and "Bedoelt u een van deze vragen?" in out and "geen officieel antwoord" in out
    assert SANCTIONS_TEXT not in out, "nothing is answered after quit"


def test_console_explains_ask_without_a_question_as_telegram_does() -> None:
    out = chat("/ask", "/ask   ")
    assert out.count(html_to_plain(texts_for("nl").ask_usage)) == 2
    assert texts_for("nl").unknown_command not in out


def test_console_explains_an_empty_or_too_long_question() -> None:
    out = chat("<b></b>", "x" * 1600, "\x00\x01")
    assert "Uw vraag bestaat alleen uit opmaak" in out
    assert "Uw vraag is te lang" in out
    assert "Dat is geen tekst die ik kan lezen" in out


def test_console_keeps_the_store_in_data_dir(tmp_path: Path) -> None:
    chat(SANCTIONS)
    assert (tmp_path / "data" / "standpunt.sqlite3").is_file()


def run_bot(tmp_path: Path, *args: str, token: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_", "MODERATOR_"))}
    env["DATA_DIR"] = str(tmp_path / "data")
    if token:
        env["TELEGRAM_BOT_TOKEN"] = token
    return subprocess.run(
        [sys.executable, str(ROOT / "run_bot.py"), *args],
        input=f"{SANCTIONS}\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )


def test_run_bot_without_a_token_runs_the_console(tmp_path: Path, started_data_dir: Path) -> None:
    result = run_bot(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "TELEGRAM_BOT_TOKEN" in result.stdout and SANCTIONS_TEXT in result.stdout and CITATION in result.stdout


def test_console_flag_runs_the_console_even_with_a_token(tmp_path: Path, started_data_dir: Path) -> None:
    result = run_bot(tmp_path, "--console", token=TOKEN)
    assert result.returncode == 0, result.stderr
    assert SANCTIONS_TEXT in result.stdout
    assert "No TELEGRAM_BOT_TOKEN is set" not in result.stdout, "a token is set: the console says so correctly"
    assert TOKEN not in result.stdout + result.stderr


def test_typing_a_suggestions_number_picks_it_as_a_button_does_in_telegram() -> None:
    from knowledge.service import AnswerService

    service = AnswerService.open(load_settings().database_path)
    try:
        suggestions = service.answer("sancties").suggestions
        assert len(suggestions) >= 2
        second, first = suggestions[1], suggestions[0]
    finally:
        service.close()
    out = chat("sancties", "2")
    picked = out.split("Bedoelt u een van deze vragen?", 1)[1]
    assert second.text[:80] in picked and "alinea" in picked, "the second suggestion's text and citation"
    assert picked.count("Bedoelt u een van deze vragen?") == 0, "not read as a new question"
    assert first.text[:80] in chat("sancties", " 1. "), "'1.' with spaces picks the first"


def test_a_number_without_a_suggestion_of_it_says_so_in_the_askers_language() -> None:
    """A bare number picks a suggestion, as a button does in Telegram; one that picks none was read as a
    question (in Dutch whatever the asker wrote, and '7' could be answered with a paragraph that has a 7 in
    it): now the chat says that there is no such suggestion, as Telegram answers a stale button."""
    out = chat("2")
    assert texts_for("nl").no_such_suggestion.format(number=2) in out and "Officieel antwoord" not in out
    out = chat("sancties", "9")
    assert out.count("Bedoelt u een van deze vragen?") == 1 and texts_for("nl").no_such_suggestion.format(number=9) in out


def test_a_long_story_before_the_question_is_read_not_refused() -> None:
    """People write a few sentences of their situation first; the default limit leaves room for them."""
    story = (
        "Mijn man is in september opgepakt in Grodno, na een demonstratie waar hij alleen maar stond te kijken. "
        "Sindsdien hebben we hem twee keer kort gezien, via een advocaat die zelf ook bang is. Ik woon nu met onze "
        "twee kinderen in Amersfoort en probeer van hieruit iets te doen, maar ik weet niet waar ik moet beginnen. "
        "Mijn schoonmoeder brengt elke week een pakket naar de gevangenis, maar ze weet nooit of hij het krijgt. "
        "Gaan Europese diplomaten ook naar gevangenen zoals mijn man toe om ze te bezoeken?"
    )
    assert len(story) > 500
    out = chat(story)
    assert "te lang" not in out and "diplomat" in out.lower()


def test_a_telegram_command_typed_in_the_terminal_is_no_question() -> None:
    """'/help' was answered with the sanctions paragraph, then with the greeting; now each command gets
    Telegram's own reply (tests/test_staff_language.py checks them in every language)."""
    out = chat("/help", "/start")
    nl = texts_for("nl")
    assert html_to_plain(nl.help.format(bot="x")).splitlines()[0] in out and html_to_plain(nl.start).splitlines()[0] in out
    assert out.count(nl.greeting) == 1 and nl.answer_heading not in out, "the greeting only opens the chat"


def test_a_single_word_greeting_is_answered_in_the_greetings_language() -> None:
    """'hi' and 'добры дзень' have no stopword to tell their language by; they got the Dutch greeting."""
    for greeting, language in (
        ("hi", "en"), ("hello", "en"), ("Hello!", "en"), ("прывітанне", "be"), ("добры дзень", "be"),
        ("добрый день", "ru"), ("привет", "ru"), ("goedemorgen", "nl"),
    ):
        out = chat(greeting)
        reply = out.split("(Ctrl-D / 'quit')\n", 1)[1]
        assert reply.strip() == texts_for(language).greeting, (greeting, reply)
