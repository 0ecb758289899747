"""One language per reply for staff (issue 13, section 5): every line the command line prints for a
moderator, refusals and errors included, is in the --language, whole; Telegram's /undo says what it
undid; and the terminal chat answers its commands as Telegram does, in the asker's language."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from pathlib import Path
from string import Formatter

import pytest

from bot.cli import main
from bot.console import run_console
from bot.settings import load_settings
from interface.texts import LANGUAGES, texts_for
from interface.texts.markup import html_to_plain
from interface.texts.moderator import MODERATOR_RESULT_LINES, import_texts, moderator_texts
from interface.texts.staff import (
    CLI_ONLY_REASONS,
    COMMAND_REASONS,
    STAFF_RESULT_LINES,
    STAFF_RESULT_SENTENCES,
    cli_moderator_texts,
    staff_texts,
)
from knowledge.reasons import Reason
from knowledge.service import AnswerService
from tests.moderationkit import LAYOUTS, UNANSWERED, UNANSWERED_VARIANT
from tests.test_cli_staff import EIGHT_QUESTIONS, run

PREFIX = {code: staff_texts(code).error.split("{")[0] for code in LANGUAGES}
#: Words that give English away inside another language's line (an English fragment).
ENGLISH_WORDS = re.compile(r"\b(the|not|entry|error|usage|argument|required|invalid|choose|folder|cannot)\b")


def one_line_in(err: str, language: str) -> str:
    """The refusal: one line, with the --language's own prefix, and (outside English) no English words."""
    assert err.count("\n") == 1 and err.startswith(PREFIX[language]), err
    assert "usage:" not in err and "Traceback" not in err
    if language != "en":
        assert not ENGLISH_WORDS.search(err.removeprefix(PREFIX[language])), err
    return err


# --- 1. refusals that say what to type name the command line's command ----------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_command_line_refusals_name_the_command_line_command(
    capsys: pytest.CaptureFixture[str], database: Path, language: str
) -> None:
    assert run(capsys, database, "retire", "3")[0] == 0
    code, out, err = run(capsys, database, "--language", language, "alias", "3", "Een nieuwe vraag over item drie?")
    assert code == 1 and out == ""
    assert "standpunt restore 3" in one_line_in(err, language) and "/restore" not in err


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_naming_reason_is_worded_for_each_front_end(language: str) -> None:
    values = {"id": 7, "number": 2, "key": "k"}
    for reason in COMMAND_REASONS:
        cli = cli_moderator_texts(language).reasons[reason].format(**values)
        telegram = moderator_texts(language).reasons[reason].format(**values)
        assert "standpunt " in cli and not re.search(r"(^|\s)/[a-z]", cli), (language, reason, cli)
        assert re.search(r"(^|\s)/[a-z]", telegram) and "standpunt " not in telegram, (language, reason, telegram)
    # the reasons that name no command stay Telegram's sentences in nl, ru and be
    if language != "en":
        assert cli_moderator_texts(language).reasons[Reason.NO_ENTRY] == moderator_texts(language).reasons[Reason.NO_ENTRY]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refusal_only_the_command_line_gives_names_what_to_type_there(language: str) -> None:
    for reason in CLI_ONLY_REASONS:
        cli = cli_moderator_texts(language).reasons[reason].format(count=3)
        telegram = moderator_texts(language).reasons[reason].format(count=3)
        assert "standpunt restore" in cli and "--yes" in cli and "3" in cli, (language, cli)
        assert "standpunt " not in telegram and "--" not in telegram, (language, telegram)


# --- 2. the preview's labels: Dutch official label beside its translation --------------------------


@pytest.mark.parametrize(
    ("language", "first", "last"),
    [
        ("nl", "Vraag 1: ", "Vragen 7 en 8: "),
        ("en", "Question 1 (Vraag 1): ", "Question 7, 8 (Vragen 7 en 8): "),
        ("ru", "Вопрос 1 (Vraag 1): ", "Вопрос 7, 8 (Vragen 7 en 8): "),
        ("be", "Пытанне 1 (Vraag 1): ", "Пытанне 7, 8 (Vragen 7 en 8): "),
    ],
)
def test_preview_labels_show_the_dutch_label_with_a_translation(
    capsys: pytest.CaptureFixture[str], database: Path, language: str, first: str, last: str
) -> None:
    code, out, _ = run(capsys, database, "--language", language, "import", "--dry-run", str(EIGHT_QUESTIONS))
    listed = [line for line in out.splitlines() if re.match(r"^[^:]*\b(Vraag|Vragen) \d[^:]*: ", line)]
    assert code == 0 and listed[0].startswith(first) and listed[-1].startswith(last), listed
    assert len(listed) == 7


# --- 3. and 4. usage errors and --database errors: one line in the --language ------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("args", "shows"),
    [(["frobnicate"], "frobnicate"), (["edit"], "edit --help"), (["retire", "drie"], "drie"), (["stats", "extra"], "extra")],
)
def test_usage_errors_are_one_line_in_the_language(
    capsys: pytest.CaptureFixture[str], language: str, args: list[str], shows: str
) -> None:
    code = main(["--language", language, *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert shows in one_line_in(err, language)


def test_the_language_after_the_command_is_the_askers_and_help_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--language", "ru"]) == 2  # the question is missing: `ask --language` is not the interface's
    assert capsys.readouterr().err.startswith(PREFIX["en"])
    with pytest.raises(SystemExit) as done:
        main(["--language", "ru", "--help"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("usage: standpunt")


@pytest.mark.parametrize("language", LANGUAGES)
def test_database_path_errors_are_in_the_language(capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str) -> None:
    missing = tmp_path / "nowhere" / "store.sqlite3"
    assert main(["--language", language, "--database", str(missing), "stats"]) == 1
    assert str(missing.parent) in one_line_in(capsys.readouterr().err, language)
    assert not missing.parent.exists(), "nothing created"
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc to stand for a folder nobody can write (not even root)")
    assert main(["--language", language, "--database", "/proc/standpunt.sqlite3", "stats"]) == 1
    expected = staff_texts(language).store_problems["unwritable"].format(path="/proc/standpunt.sqlite3")
    assert one_line_in(capsys.readouterr().err, language).strip().endswith(expected)


# --- 5. and 8. the command line's English is Telegram's English; undo says what it undid --------------


def test_command_line_results_use_telegrams_sentences_and_undo_names_what_it_undid(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    en = moderator_texts("en")
    service = AnswerService.open(database)
    key = service.store.entry(3).key
    service.close()
    code, out, _ = run(capsys, database, "edit", "3", "--topics", "sancties, eu")
    assert code == 0 and out == en.saved.format(id=3, key=key, version=2) + "\n"
    code, out, _ = run(capsys, database, "undo")
    assert code == 0 and out == f"Undone: entry {key} (update).\n"
    code, out, _ = run(capsys, database, "alias", "3", "Welke strafmaatregelen gelden er voor Belarus?")
    assert code == 0 and out.startswith(en.alias_added.format(id=3, version=4).rstrip(".").split(" (")[0])
    run(capsys, database, "retire", "3")
    code, out, _ = run(capsys, database, "restore", "3")
    assert code == 0 and out == en.restored.format(id=3) + "\n"
    code, out, _ = run(capsys, database, "--language", "ru", "undo")
    assert code == 0 and out == f"Отменено: запись {key} (возврат).\n"
    code, out, _ = run(capsys, database, "review")
    assert out == en.review_empty + "\n"


def test_undo_of_an_import_names_the_document_and_counts_the_changes(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    assert run(capsys, database, "import", str(EIGHT_QUESTIONS))[0] == 0
    code, out, _ = run(capsys, database, "--language", "nl", "undo")
    assert code == 0 and out.count("\n") == 1
    assert out.startswith("Ongedaan gemaakt: document kamervragen-2023-03-22") and "wijzigingen in totaal" in out


# --- 6. stats counts what review shows --------------------------------------------------------------


def test_stats_counts_the_groups_review_lists(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    service = AnswerService.open(database)
    for question in (UNANSWERED, UNANSWERED, UNANSWERED_VARIANT, "/start", "12"):
        service.answer(question, record=True)
    service.close()
    _, review, _ = run(capsys, database, "review")
    groups = [line for line in review.splitlines() if "×" in line]
    _, stats, _ = run(capsys, database, "stats")
    assert stats.splitlines()[0].endswith(f"open in review {len(groups)}"), (stats, review)


# --- 9. the cut-off warning once ----------------------------------------------------------------------


@pytest.mark.parametrize("dry_run", [True, False])
@pytest.mark.parametrize(("language", "words"), [("en", "cut off"), ("ru", "обрез"), ("nl", "afgebroken"), ("be", "абрэза")])
def test_the_cut_off_warning_is_printed_once_in_the_language(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, dry_run: bool, language: str, words: str
) -> None:
    path = tmp_path / "kopie.txt"
    path.write_bytes((LAYOUTS / "afgebroken_tekst.txt").read_bytes())
    code, out, _ = run(capsys, database, "--language", language, "import", *(["--dry-run"] if dry_run else []), str(path))
    assert code == 0 and out.count(words) == 1, out
    assert language == "en" or "mid-sentence" not in out


# --- plural forms --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "one", "few", "many", "twenty_one"),
    [
        ("nl", "1 item", "2 items", "5 items", "21 items"),
        ("en", "1 entry", "2 entries", "5 entries", "21 entries"),
        ("ru", "1 запись", "2 записи", "5 записей", "21 запись"),
        ("be", "1 запіс", "2 запісы", "5 запісаў", "21 запіс"),
    ],
)
def test_counts_are_singular_or_plural_in_every_language(
    language: str, one: str, few: str, many: str, twenty_one: str
) -> None:
    for count in (moderator_texts(language).entries, import_texts(language).entries):
        assert [count(1), count(2), count(5), count(21)] == [one, few, many, twenty_one]
    documents = staff_texts(language).documents
    assert documents(1) != documents(5) and documents(1).startswith("1 ")
    changes = moderator_texts(language).changes
    assert changes(1) != changes(5)


# --- 7. the terminal chat: commands and numbers in the asker's language ------------------------------


def chat(*lines: str) -> str:
    out = StringIO()
    assert run_console(load_settings(), stdin=StringIO("".join(f"{line}\n" for line in lines)), stdout=out) == 0
    return out.getvalue()


def after_greeting(out: str) -> str:
    return out.split("(Ctrl-D / 'quit')\n", 1)[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_console_commands_reply_as_telegram_does_in_the_chosen_language(language: str) -> None:
    t = texts_for(language)
    out = after_greeting(chat(f"/language {language}", "/help", "/privacy", "/start", "/topics", "/sources", "/frob"))
    assert out.startswith(t.language_set)
    assert html_to_plain(t.help.format(bot="x")).splitlines()[0] in out
    assert html_to_plain(t.start).splitlines()[0] in out and html_to_plain(t.privacy).splitlines()[0] in out
    assert t.topics_heading in out and t.unknown_command in out and t.entries_count.format(count=7) in out
    assert texts_for("nl").greeting not in out, "each command its own reply, not the greeting"
    assert t.date(dt.date(2021, 3, 2)) in out, "dates in the asker's language"


def test_console_language_prompt_and_the_askers_written_language() -> None:
    out = after_greeting(chat("What sanctions apply to Belarus?", "/language", "/help"))
    en = texts_for("en")
    assert en.language_prompt in out and "/language ru" in out
    assert "Type your question as a normal message." in out, "the asker wrote English: /help in English"
    assert texts_for("nl").greeting not in out


@pytest.mark.parametrize(
    ("question", "language"), [("What sanctions apply to Belarus?", "en"), ("Какие санкции действуют?", "ru")]
)
def test_console_number_without_a_suggestion_answers_in_the_askers_language(question: str, language: str) -> None:
    out = after_greeting(chat(question, "7"))
    assert texts_for(language).no_such_suggestion.format(number=7) in out
    first = after_greeting(chat("7"))
    assert first.strip() == texts_for("nl").no_such_suggestion.format(number=7), "before anything: the default"


# --- issue 13 (try13 P8/P9): what was still English, or '?', in the staff output -------------------

#: A letter with a ministry letterhead: the 'Betreft' subject is in the 'Datum' block, there is no title line.
LETTERHEAD = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 17 april 2024
Betreft Steun aan het maatschappelijk middenveld in Belarus

Geachte voorzitter,

Nederland stelt in 2024 3 miljoen euro beschikbaar voor organisaties die zich inzetten voor mensenrechten in Belarus.

Nederland blijft de onafhankelijke media van Belarus in ballingschap steunen met trainingen en materieel.

De Minister van Buitenlandse Zaken,

H.G.J. Bruins Slot
"""
#: The same kind of letter with no date anywhere.
UNDATED = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Geachte voorzitter,

Nederland stelt in 2022 2 miljoen euro beschikbaar voor organisaties die zich inzetten voor mensenrechten in Belarus.

De Minister van Buitenlandse Zaken,

W.B. Hoekstra
"""
ENTRY_WORDS = re.compile(r"\b(entry|entries|retired)\b")


@pytest.mark.parametrize("language", [*LANGUAGES, None])
def test_sources_counts_in_the_language_and_speaks_english_by_default(
    capsys: pytest.CaptureFixture[str], database: Path, language: str | None
) -> None:
    """`sources` printed '1 entry' / '(1 retired)' in every language, and Dutch kinds and dates without --language."""
    assert run(capsys, database, "retire", "3")[0] == 0
    chosen = ["--language", language] if language else []
    code, out, _ = run(capsys, database, *chosen, "sources")
    assert code == 0 and out
    retired = staff_texts(language or "en").sources_retired.format(count=1)
    assert f"nr. 2298 · {import_texts(language or 'en').entries(6)}{retired}\n" in out, out
    if language in ("en", None):
        assert "Letter to Parliament (Kamerbrief) · 2 March 2021" in out and "maart" not in out
    else:
        assert not ENTRY_WORDS.search(out), out


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_undated_letter_says_no_date_found_and_a_letterhead_subject_titles_it(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str
) -> None:
    """'Date: ?' and 'Kamerbrief · ?' said nothing; a letterhead letter was listed as 'Brief'."""
    undated, letterhead = tmp_path / "undated.txt", tmp_path / "letterhead.txt"
    undated.write_text(UNDATED, encoding="utf-8")
    letterhead.write_text(LETTERHEAD, encoding="utf-8")
    code, out, _ = run(capsys, database, "--language", language, "import", "--dry-run", str(undated))
    undated_words = import_texts(language).undated
    assert code == 0 and f", {undated_words}, " in out.splitlines()[0], out
    assert "?" not in out.splitlines()[0] and out.splitlines()[3].endswith(f": {undated_words}"), out
    assert run(capsys, database, "import", str(undated))[0] == 0
    assert run(capsys, database, "import", str(letterhead))[0] == 0
    code, out, _ = run(capsys, database, "--language", language, "sources")
    lines = out.splitlines()
    assert code == 0 and f" · {undated_words} · W.B. Hoekstra" in out, out
    block = lines[lines.index("kamerbrief-2024-04-17") : lines.index("kamerbrief-2024-04-17") + 4]
    assert block[1] == "  Steun aan het maatschappelijk middenveld in Belarus", block
    assert "  Brief" not in block and block.count(block[1]) == 1, "the subject once, as the title"


@pytest.mark.parametrize("language", LANGUAGES)
def test_restore_of_a_file_that_is_not_json_says_so_in_the_language(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str
) -> None:
    """It said 'fout: geen export van Standpunt (Invalid JSON: expected ident at line 1 column 2)'."""
    for garbage in ("x{nope", "<html><body>export</body></html>"):
        bad = tmp_path / "bad.json"
        bad.write_text(garbage, encoding="utf-8")
        code, out, err = run(capsys, database, "--language", language, "restore", str(bad))
        assert code == 1 and out == ""
        line = one_line_in(err, language)
        assert "JSON" in line and not re.search(r"Invalid|expected|column|line \d", line), line
        assert line.rstrip().endswith("JSON)"), line


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bare_alternate_question_is_named_in_plain_words(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str
) -> None:
    """It said 'fout: item 1: alternates.0 moet velden met waarden hebben': a field path, not words."""
    entries = tmp_path / "entries.yaml"
    entries.write_text(
        "- document_key: kamerbrief-2021-03-02-2298\n  question: Welke sancties gelden nu?\n  text: een notitie\n"
        "  alternates: [{text: 'Welke sancties gelden?'}, hallo]\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, database, "--language", language, "add", str(entries))
    assert code == 1 and out == ""
    line = one_line_in(err, language)
    label, _ = cli_moderator_texts(language).list_items["alternates"]
    assert label.format(n=2) in line and "alternates" not in line and ".1" not in line, line
    assert "text: <" in line, "it says how to write it"


# --- 9. one capitalisation rule for result lines ----------------------------------------------------


def _filled(template: str) -> str:
    """The template with a number for every placeholder: a line that starts with one starts with a digit."""
    names = {name for _, name, _, _ in Formatter().parse(template) if name}
    return template.format(**dict.fromkeys(names, "7"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_result_line_starts_with_a_capital_and_a_sentence_ends_with_a_full_stop(language: str) -> None:
    """Result lines (what a command or a button did, on the command line and in Telegram) begin like
    a sentence; an error's reason continues 'error: ' in lower case and is no result line."""
    st, mt, it = staff_texts(language), moderator_texts(language), import_texts(language)
    lines = {
        **{f"staff.{name}": getattr(st, name) for name in STAFF_RESULT_LINES},
        **{f"moderator.{name}": getattr(mt, name) for name in MODERATOR_RESULT_LINES},
        "import.questions_only": it.questions_only,
    }
    for name, template in lines.items():
        shown = _filled(template).strip()
        assert shown[0].isupper(), (name, shown)
    for name in STAFF_RESULT_SENTENCES:
        assert _filled(getattr(st, name)).endswith("."), name
    for name in MODERATOR_RESULT_LINES:
        assert _filled(getattr(mt, name)).rstrip().endswith((".", "!")), name
    assert not st.error.format(message="x")[0].isupper(), "the error prefix and its reason stay lower case"


@pytest.mark.parametrize("language", LANGUAGES)
def test_command_line_results_begin_with_a_capital_in_the_language(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str
) -> None:
    export = tmp_path / "export.json"
    for args in (["export", str(export)], ["restore", str(export)], ["stats"], ["retire", "3"]):
        code, out, _ = run(capsys, database, "--language", language, *args)
        assert code == 0 and out, args
        for line in out.splitlines():
            if line.strip() and not line.startswith(" ") and not line[0].isdigit():
                assert line[0].isupper(), (args, line)
