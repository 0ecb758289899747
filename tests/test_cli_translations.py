"""The staff command line and translations: ask --json carries the unofficial translation (or null),
ask --language chooses it, translate ID LANGUAGE FILE|- saves one, add's YAML may carry them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from knowledge.models import Language
from knowledge.moderation import Moderation
from knowledge.service import AnswerService
from knowledge.storage import translations
from knowledge.storage.store import Store
from tests.moderationkit import CUT_OFF_SENTENCE, LETTER_KEY, NEW_QUESTION, NEW_TEXT, cut_off_document
from tests.test_cli_staff import run, stored

RUSSIAN = "Какие санкции ввёл ЕС против Беларуси?"
DUTCH = "Welke sancties gelden tegen Belarus?"


def ask_json(capsys: pytest.CaptureFixture[str], database: Path, *args: str) -> dict[str, object]:
    code, out, _ = run(capsys, database, "ask", "--json", *args)
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def translation_of(database: Path, entry_id: int, language: Language) -> translations.Translation | None:
    store = Store.open(database)
    try:
        return translations.translation(store, entry_id, language)
    finally:
        store.close()


def test_ask_json_carries_the_translation_of_the_questions_language(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    answer = ask_json(capsys, database, RUSSIAN)
    [best, *_] = answer["matches"]  # type: ignore[misc]
    expected = translation_of(database, best["id"], Language.RU)
    assert expected is not None
    assert best["translation"] == {
        "language": "ru",
        "question": expected.question,
        "text": expected.text,
        "unofficial": True,
        "stale": False,
    }
    assert best["answer"] == Store.open(database).entry(best["id"]).text, "the official text stays the answer"


def test_ask_language_chooses_the_translation_and_dutch_gets_none(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    dutch = ask_json(capsys, database, DUTCH)
    assert all(m["translation"] is None for m in dutch["matches"])  # type: ignore[union-attr]
    chosen = ask_json(capsys, database, "--language", "be", DUTCH)
    assert chosen["matches"] and all(m["translation"]["language"] == "be" for m in chosen["matches"])  # type: ignore[union-attr, index]
    code, out, _ = run(capsys, database, "ask", "--language", "en", DUTCH)
    assert code == 0 and "Unofficial translation (English)" in out and "Official text (Dutch)" in out


def test_translate_saves_from_a_file_and_from_standard_input(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text_file = tmp_path / "ru.txt"
    text_file.write_text("Новый перевод из файла.\n", encoding="utf-8")
    code, out, _ = run(capsys, database, "translate", "3", "ru", str(text_file), "--yes")
    assert code == 0 and out.endswith("Saved: translation (ru) of entry 3, version 2.\n")  # Telegram's sentence
    saved = translation_of(database, 3, Language.RU)
    assert saved is not None and saved.text == "Новый перевод из файла." and saved.by and saved.by.startswith("cli")
    assert saved.question, "the translated question is kept"
    yaml_file = tmp_path / "en.yaml"
    yaml_file.write_text("question: New question?\ntext: New English text.\n", encoding="utf-8")
    assert run(capsys, database, "translate", "3", "en", str(yaml_file), "--yes")[0] == 0
    english = translation_of(database, 3, Language.EN)
    assert english is not None and (english.question, english.text) == ("New question?", "New English text.")
    monkeypatch.setattr("sys.stdin", io.StringIO("Пераклад са стандартнага ўваходу."))
    assert run(capsys, database, "translate", "3", "be", "-", "--yes")[0] == 0
    belarusian = translation_of(database, 3, Language.BE)
    assert belarusian is not None and belarusian.text == "Пераклад са стандартнага ўваходу."


def test_translate_refuses_bad_input_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = stored(database)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    for args in (("999", "ru", str(empty)), ("3", "ru", str(empty)), ("3", "ru", str(tmp_path / "missing.txt"))):
        code, _, err = run(capsys, database, "translate", *args)
        assert code != 0 and err.startswith("error: ") and err.count("\n") == 1, err
    code, _, err = run(capsys, database, "translate", "3", "ru", "--confirm", "-", "--yes")
    assert code != 0 and "already current" in err
    code, _, err = run(capsys, database, "translate", "3", "nl", str(empty))
    assert code == 2 and err == "error: 'nl' is not one of en, ru, be (LANGUAGE)\n", err
    assert stored(database) == before


def test_add_yaml_may_carry_translations(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    service = AnswerService.open(database)
    key = cut_off_document(Moderation(service))  # official text that is no entry yet (a note is not translated)
    service.close()
    source = tmp_path / "entry.yaml"
    source.write_text(
        f"document_key: {key}\nquestion: {NEW_QUESTION}\ntext: {CUT_OFF_SENTENCE}\n"
        "translations:\n  en:\n    question: Do Belarusian students get a scholarship?\n"
        "    text: The government makes scholarships available through the Nuffic programme.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, database, "add", str(source))
    assert code == 0
    entry_id = int(out.split()[2])
    saved = translation_of(database, entry_id, Language.EN)
    assert saved is not None and saved.question == "Do Belarusian students get a scholarship?"


def test_add_yaml_of_a_note_with_translations_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    source = tmp_path / "note.yaml"
    source.write_text(
        f"document_key: {LETTER_KEY}\nquestion: {NEW_QUESTION}\ntext: {NEW_TEXT}\nnote: true\n"
        "translations:\n  en:\n    text: The government makes scholarships available through the Nuffic programme.\n",
        encoding="utf-8",
    )
    before = stored(database)
    code, _, err = run(capsys, database, "add", str(source))
    assert code != 0 and "moderator's note" in err and "not translated" in err and len(err.strip().splitlines()) == 1
    assert stored(database) == before


def test_stats_count_questions_per_language(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    service = AnswerService.open(database)
    service.answer(RUSSIAN, record=True, language="ru")
    service.answer(DUTCH, record=True)
    service.close()
    code, out, _ = run(capsys, database, "stats")
    assert code == 0 and "Questions per language: nl 1 en 0 ru 1 be 0" in out
    assert "Without a current translation: en 0, ru 0, be 0" in out


def test_translate_takes_a_q_line_as_the_translated_question_from_a_file_and_standard_input(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same 'Q: …' first line as /translate in Telegram: the question, not part of the text."""
    text_file = tmp_path / "ru.txt"
    text_file.write_text("Q: Какие санкции?\nНовый перевод из файла.\n", encoding="utf-8")
    assert run(capsys, database, "translate", "3", "ru", str(text_file), "--yes")[0] == 0
    saved = translation_of(database, 3, Language.RU)
    assert saved is not None and (saved.question, saved.text) == ("Какие санкции?", "Новый перевод из файла.")
    monkeypatch.setattr("sys.stdin", io.StringIO("Q: Якія санкцыі?\nПераклад са стандартнага ўваходу."))
    assert run(capsys, database, "translate", "3", "be", "-", "--yes")[0] == 0
    belarusian = translation_of(database, 3, Language.BE)
    assert belarusian is not None and (belarusian.question, belarusian.text) == (
        "Якія санкцыі?",
        "Пераклад са стандартнага ўваходу.",
    )


def test_add_names_a_misspelt_field_instead_of_reading_it_as_missing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    entries = tmp_path / "entry.yaml"
    entries.write_text(f"document: {LETTER_KEY}\nquestion: {NEW_QUESTION}\ntext: {NEW_TEXT}\n", encoding="utf-8")
    code, _, err = run(capsys, database, "add", str(entries))
    assert code != 0 and "document is not a field" in err and len(err.strip().splitlines()) == 1


def test_translate_with_an_unknown_id_is_refused_in_one_line_before_reading_anything(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    before = stored(database)
    text_file = tmp_path / "ru.txt"
    text_file.write_text("Новый перевод.\n", encoding="utf-8")
    for args in (("9999", "ru", str(text_file), "--yes"), ("9999", "ru", str(tmp_path / "missing.txt"))):
        code, out, err = run(capsys, database, "translate", *args)
        assert code != 0 and out == "" and err.startswith("error: ") and err.count("\n") == 1, err
        assert "9999" in err and "missing.txt" not in err, "the id is what is wrong"
    assert stored(database) == before


def test_translate_previews_which_official_text_it_attaches_to_and_saves_only_when_confirmed(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    from bot import staff

    text_file = tmp_path / "ru.txt"
    text_file.write_text("Q: Какие санкции?\nНовый перевод из файла.\n", encoding="utf-8")
    before = stored(database)
    entry = Store.open(database).entry(3)
    # A script (no terminal) without --yes: the preview, and nothing saved.
    code, out, err = run(capsys, database, "translate", "3", "ru", str(text_file))
    assert code != 0 and "--yes" in err and err.count("\n") == 1
    assert f"entry 3 ({entry.key})" in out and entry.text[:80] in out and "Новый перевод из файла." in out
    assert "alinea 3" in out, "cited as answers cite it"
    assert stored(database) == before
    # At a terminal: the same preview, then the answer typed decides.
    for typed, saves in (("n\n", False), ("", False), ("y\n", True)):
        service = AnswerService.open(database)
        output = io.StringIO()
        try:
            staff.translate_entry(service, 3, "ru", str(text_file), output, answer=io.StringIO(typed))
            result = "saved"
        except staff.StaffError:
            result = "refused"
        finally:
            service.close()
        assert "Save it? [y/N]" in output.getvalue() and entry.text[:80] in output.getvalue()
        assert (result == "saved") is saves
        saved = translation_of(database, 3, Language.RU)
        assert saved is not None and (saved.text == "Новый перевод из файла.") is saves, typed


@pytest.mark.parametrize(
    ("language", "heading", "refusal"),
    [("ru", "Предпросмотр", "ничего не сохранено"), ("nl", "Voorbeeld", "niets opgeslagen")],
)
def test_the_translate_preview_and_its_refusal_are_in_the_staff_language(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str, heading: str, refusal: str
) -> None:
    text_file = tmp_path / "ru.txt"
    text_file.write_text("Новый перевод из файла.\n", encoding="utf-8")
    before = stored(database)
    code, out, err = run(capsys, database, "--language", language, "translate", "3", "ru", str(text_file))
    assert code != 0 and refusal in err and err.count("\n") == 1, err
    assert out.startswith(heading) and "preview" not in out.lower() and "translation:" not in out, out
    assert stored(database) == before
