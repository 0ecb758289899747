"""The staff command line: readable and JSON answers, batch mode, sources, errors and exit codes."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli import main
from interface.texts import texts_for

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "Heeft het kabinet een speciaal meldpunt voor bedreigde Belarussen?")
    assert code == 0
    payload = json.loads(out)
    assert set(payload) >= {"query", "answered", "matches"}
    assert payload["answered"] is True
    best = payload["matches"][0]
    assert set(best) >= {"id", "question", "answer", "score", "citation"}
    assert best["key"] == "kamervragen-2021-07-16/6"
    assert best["answer"].startswith("Het kabinet heeft geen speciale meldpunten")
    citation = best["citation"]
    assert citation["date"] == "2021-07-16" and citation["number"] == 6
    assert [a["name"] for a in citation["authors"]] == ["Kaag", "Grapperhaus"]
    assert citation["kind"] == "kamervragen"
    scores = [m["score"] for m in payload["matches"]]
    assert scores == sorted(scores, reverse=True)


def test_ask_json_out_of_scope_is_not_answered(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "Wat wordt het weer morgen in Rotterdam?")
    payload = json.loads(out)
    assert code == 0 and payload["answered"] is False


def test_ask_prints_text_and_citation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "Welke sancties heeft de EU ingesteld tegen Belarus na de verkiezingsfraude?")
    assert code == 0
    assert "88 personen en 7 entiteiten" in out
    assert "Kamerbrief · 2 maart 2021 · S.A. Blok, Minister van Buitenlandse Zaken · alinea 3" in out
    assert "https://zoek.officielebekendmakingen.nl/kst-21501-02-2298.html" in out


def test_ask_batch_reads_one_question_per_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("meldpunt voor belarussen\n\nhallo\nx" + "y" * 1600 + "\n"))
    code, out, _ = run(capsys, "ask", "--json", "-")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines][:2] == ["meldpunt voor belarussen", "hallo"]
    assert "error" in lines[2] and lines[2]["answered"] is False
    assert code == 1, "a refused line makes the batch exit non-zero"


def test_sources_lists_documents_with_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources")
    assert code == 0
    assert "kamerbrief-2021-03-02-2298" in out and "7 entries" in out
    assert "kamervragen-2021-07-16" in out and "6 entries" in out
    assert "S.A. Blok" in out and "Grapperhaus" in out


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_an_error_and_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, question: str) -> None:
    database = tmp_path / "none.sqlite3"
    code, out, err = run(capsys, "--database", str(database), "ask", question)
    assert code == 2 and out == ""
    assert err.startswith("error: Your question is empty."), "no --language: staff output's English (README), F17"
    assert err.count("\n") == 1
    assert not database.exists()


LONG = "Welke sancties gelden er tegen Belarus " * 60
REFUSALS = {  # the Telegram side's words for each refusal, per language
    "empty": {"nl": "fout: Uw vraag is leeg.", "en": "error: Your question is empty.",
              "ru": "ошибка: Вопрос пустой.", "be": "памылка: Пытанне пустое."},
    "too_long": {"nl": "fout: Uw vraag is te lang (meer dan 1500 tekens).", "en": "error: Your question is too long",
                 "ru": "ошибка: Вопрос слишком длинный (больше 1500", "be": "памылка: Пытанне занадта доўгае"},
    "markup": {"nl": "fout: Uw vraag bestaat alleen uit opmaak", "en": "error: Your question is only markup",
               "ru": "ошибка: В вопросе только разметка", "be": "памылка: У пытанні толькі разметка"},
    "not_text": {"nl": "fout: Dat is geen tekst", "en": "error: That is not text I can read",
                 "ru": "ошибка: Это не текст", "be": "памылка: Гэта не тэкст"},
}


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
@pytest.mark.parametrize(
    ("question", "refusal"),
    [("", "empty"), ("  \t ", "empty"), ("<b></b> <br/>", "markup"), ("&nbsp;", "markup"),
     (LONG, "too_long"), ("\x00\x01\x02\x7fELF\x03", "not_text"), ("\udcff\udcfe\ufffd", "not_text")],
)
@pytest.mark.parametrize("where", ["interface", "asker"])
def test_a_refused_question_is_one_line_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], database: Path, language: str, question: str, refusal: str, where: str
) -> None:
    """`--language` (the interface) and `ask --language` (the asker) both word the refusal, as Telegram does."""
    before = database.read_bytes()
    argv = ["--language", language, "ask", question] if where == "interface" else ["ask", "--language", language, question]
    code, out, err = run(capsys, "--database", str(database), *argv)
    assert code == 2 and out == ""
    assert err.startswith(REFUSALS[refusal][language]) and err.count("\n") == 1, err
    assert "the question" not in err or language == "en"
    assert database.read_bytes() == before


def test_refused_lines_of_a_batch_are_in_the_language_and_shortened(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("<i></i>\n" + LONG + "\n\x00\x01\x02\nsancties tegen Belarus\n"))
    code, out, _ = run(capsys, "--language", "ru", "ask", "-")
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[0] == "<i></i>: " + texts_for("ru").invalid_markup
    assert lines[1].startswith("Welke sancties") and "…: Вопрос слишком длинный" in lines[1] and len(lines[1]) < 200
    assert lines[2].startswith("\ufffd\ufffd\ufffd: Это не текст")
    assert code == 1 and len(lines) > 3, "the question after them is still answered"
    monkeypatch.setattr(sys, "stdin", io.StringIO("<i></i>\n"))
    code, out, _ = run(capsys, "ask", "--language", "be", "--json", "-")
    payload = json.loads(out)
    assert payload["refused"] == "markup" and payload["error"] == texts_for("be").invalid_markup and code == 1


@pytest.mark.parametrize(
    ("question", "expected"),
    [("", "error: Your question is empty."), ("<script>alert(1)</script>", "error: Your question is only markup")],
)
def test_a_question_with_no_words_is_refused_in_english_without_language(
    capsys: pytest.CaptureFixture[str], database: Path, question: str, expected: str
) -> None:
    """User tester F17: `ask ""` and `ask "<script>…"` said 'fout: Uw vraag is leeg' although staff output is
    English by default; markup that was typed is not called empty."""
    before = database.read_bytes()
    code, out, err = run(capsys, "--database", str(database), "ask", question)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(expected), err
    assert database.read_bytes() == before


def test_foreign_database_is_refused_unchanged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    database = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    before = database.read_bytes()
    code, _, err = run(capsys, "--database", str(database), "ask", "sancties")
    assert code == 1 and "another program" in err and err.count("\n") == 1
    assert database.read_bytes() == before


@pytest.mark.parametrize("command", [["ask", "sancties"], ["sources"], ["review"]])
def test_a_database_in_a_missing_folder_is_refused_and_no_folder_is_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    database = tmp_path / "missing" / "store.sqlite3"
    code, out, err = run(capsys, "--database", str(database), *command)
    assert code == 1 and out == ""
    assert err.startswith("error:") and err.count("\n") == 1 and "does not exist" in err
    assert not database.parent.exists()


@pytest.mark.parametrize("content", [b"", b"notes of a moderator\n"])
def test_a_file_that_is_not_a_store_is_refused_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    database = tmp_path / "notes.txt"
    database.write_bytes(content)
    os.utime(database, (time.time() - 3600, time.time() - 3600))  # not a store another process is making now
    code, out, err = run(capsys, "--database", str(database), "sources")
    assert code == 1 and out == ""
    assert err.startswith("error:") and err.count("\n") == 1
    assert database.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"], "no journal or index next to it"


def test_an_empty_sqlite_database_of_no_program_is_not_taken_over(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    database = tmp_path / "empty.sqlite3"
    sqlite3.connect(database).execute("VACUUM").connection.close()
    os.utime(database, (time.time() - 3600, time.time() - 3600))
    before = database.read_bytes()
    code, _, err = run(capsys, "--database", str(database), "sources")
    assert code == 1 and "not a Standpunt store" in err
    assert database.read_bytes() == before


def test_a_new_store_is_made_where_the_folder_exists_and_no_file_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    database = tmp_path / "new.sqlite3"
    code, out, _ = run(capsys, "--database", str(database), "sources")
    assert code == 0 and "kamerbrief-2021-03-02-2298" in out
    code, out, _ = run(capsys, "--database", str(database), "sources")  # and it is then a store like any other
    assert code == 0 and "kamerbrief-2021-03-02-2298" in out


def test_unreadable_database_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    database = tmp_path / "garbage.sqlite3"
    database.write_bytes(b"\x00\x01garbage" * 500)
    code, _, err = run(capsys, "--database", str(database), "ask", "sancties")
    assert code == 1 and err.startswith("error:") and "not a readable SQLite" in err


def test_invalid_setting_is_named_without_its_value(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "not-a-token-SECRETVALUE")
    code, _, err = run(capsys, "sources")
    assert code == 1 and "TELEGRAM_BOT_TOKEN" in err and "SECRETVALUE" not in err


def test_run_bot_script_answers_from_a_fresh_data_dir(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "run_bot.py"), "ask", "--json", "meldpunt bedreigde belarussen"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["matches"][0]["key"] == "kamervragen-2021-07-16/6"
    assert (tmp_path / "data" / "standpunt.sqlite3").exists()


def test_a_file_just_made_and_left_empty_is_refused_after_a_short_wait(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A young file may be a store another process is creating: waited for, then refused all the same."""
    database = tmp_path / "touched.sqlite3"
    database.touch()
    started = time.monotonic()
    code, _, err = run(capsys, "--database", str(database), "sources")
    assert code == 1 and "not a Standpunt store" in err and time.monotonic() - started < 10
    assert database.read_bytes() == b""


def test_ask_json_carries_every_part_of_a_two_question_message(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON holds what plain `ask` shows of each question (user report F12), as added fields."""
    question = "помогает ли нидерланды политзаключенным? и можно ли их посетить в тюрьме?"
    code, out, _ = run(capsys, "ask", "--json", question)
    assert code == 0
    payload = json.loads(out)
    assert set(payload) >= {"query", "answered", "matches", "also", "unanswered_parts", "unsure_parts"}
    _, plain, _ = run(capsys, "ask", question)
    parts = [m["answer"] for m in payload["matches"][:1] + payload["also"]]
    parts += payload["unanswered_parts"] + [u["part"] for u in payload["unsure_parts"]]
    assert len(parts) >= 2, "both questions are there"
    for match in payload["also"]:
        assert match["answer"][:60] in plain and match["citation"]["date"]
    for part in payload["unanswered_parts"] + [u["part"] for u in payload["unsure_parts"]]:
        assert part in plain
    [single] = [json.loads(run(capsys, "ask", "--json", "Wie is de minister van Sport?")[1])]
    assert (single["also"], single["unanswered_parts"], single["unsure_parts"]) == ([], [], [])
