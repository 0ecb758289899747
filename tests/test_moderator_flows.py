"""Moderators' flows (issue 13, section 5): undo after undo, the review queue's question as asked,
review buttons pressed twice or on a stale card, one language per reply, and the command line
doing what Telegram does, with every error in one line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from botharness import RunningBot
from telegramkit import watch_errors

from bot.cli import main
from interface.texts import texts_for
from interface.texts.moderator import BE, EN, NL, RU, ModeratorTexts, moderator_texts
from interface.texts.staff import staff_texts
from knowledge.ingest.importers import read_document
from knowledge.moderation import EntryDraft, Moderation, ModerationError
from knowledge.reasons import ENGLISH, Reason
from knowledge.service import mask_for_review
from knowledge.storage.store import Store
from tests.conftest import ANSWERS
from tests.moderationkit import (
    ANSWERS_KEY,
    LETTER_KEY,
    NEW_QUESTION,
    NEW_TEXT,
    UNANSWERED,
    content,
    fresh_service,
    stored,
)
from tests.test_telegram_moderation import (
    MODERATOR,
    USER,
    buttons,
    moderated_bot,
    moderator,
    press,
    review_messages,
    send,
    user,
)

ROOT = Path(__file__).resolve().parent.parent
ANNA, BORIS = "telegram:1", "telegram:2"


@pytest.fixture
def moderation() -> Moderation:
    return Moderation(fresh_service())


# --- undo, change after change ------------------------------------------------------------------


def test_undo_steps_back_change_after_change(moderation: Moderation) -> None:
    original = moderation.entry(3)
    moderation.edit_entry(3, original.version, ANNA, question="Eerste nieuwe vraag over sancties?")
    moderation.add_alternate(3, "Tweede formulering over sancties", ANNA)
    moderation.edit_entry(3, moderation.entry(3).version, ANNA, topics=["sancties"])
    added = moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), ANNA)
    for _ in range(4):
        assert len(moderation.undo(ANNA)) == 1, (
            "each undo steps back one change; the undo itself does not block the next"
        )
    now = moderation.entry(3)
    assert (now.question, now.alternates, now.topics) == (original.question, original.alternates, original.topics)
    assert not moderation.entry(added.id or 0).is_active
    with pytest.raises(ModerationError) as nothing:
        moderation.undo(ANNA)
    assert nothing.value.reason is Reason.NOTHING_TO_UNDO


def test_undo_still_stops_at_someone_elses_later_change(moderation: Moderation) -> None:
    moderation.edit_entry(3, moderation.entry(3).version, ANNA, topics=["a"])
    moderation.edit_entry(3, moderation.entry(3).version, ANNA, topics=["b"])
    moderation.undo(ANNA)  # back to ["a"]
    moderation.edit_entry(3, moderation.entry(3).version, BORIS, topics=["boris"])
    before = content(moderation.store)
    with pytest.raises(ModerationError) as refused:
        moderation.undo(ANNA)
    assert refused.value.reason is Reason.CHANGED_AFTER_YOURS and refused.value.values["id"] == 3
    assert content(moderation.store) == before


def test_undoing_a_reimport_then_the_import_before_it() -> None:
    moderation = Moderation(fresh_service(without=ANSWERS_KEY))
    parsed = read_document(ANSWERS.read_bytes(), ANSWERS.name)
    moderation.commit_import(parsed, ANNA)
    moderation.undo(ANNA)
    moderation.commit_import(parsed, ANNA)  # the withdrawn document again: updates in one batch
    assert moderation.store.entry_counts()[ANSWERS_KEY][0] == len(parsed.entries)
    assert len(moderation.undo(ANNA)) > 1, "the re-import, undone at once"
    assert moderation.store.entry_counts()[ANSWERS_KEY][0] == 0, "withdrawn again"
    with pytest.raises(ModerationError):
        moderation.undo(ANNA)  # the first import was undone already: nothing is undone twice


# --- the review queue ---------------------------------------------------------------------------


def test_review_keeps_the_question_as_asked_with_numbers_masked_and_groups_by_the_folded_form(
    moderation: Moderation,
) -> None:
    asked = "Krijgt mijn broer (tel. 06-12345678) een Schengenvisum in Minsk? Ééns per jaar?"
    moderation.answers.answer(asked, record=True)
    moderation.answers.answer(asked.lower(), record=True)
    [item] = moderation.store.review_items("open")
    assert item.count == 2, "one item: grouped by the folded text"
    assert item.asked == mask_for_review(asked.lower()) and "12345678" not in (item.asked or "")
    assert item.text == item.text.lower() and "#" in item.text
    moderation.answers.answer(asked, record=True)
    [item] = moderation.store.review_items("open")
    assert item.asked == "Krijgt mijn broer (tel. #) een Schengenvisum in Minsk? Ééns per jaar?"
    [group] = moderation.review_groups()
    assert group.asked == item.asked and group.text == item.text


def test_a_dismiss_on_a_stale_card_leaves_an_attached_question_attached(moderation: Moderation) -> None:
    moderation.answers.answer(UNANSWERED, record=True)
    [item] = moderation.store.review_items("open")
    moderation.attach_review(item.id, 3, ANNA)
    with pytest.raises(ModerationError) as stale:
        moderation.dismiss_review([item.id])
    assert stale.value.reason is Reason.REVIEW_ALREADY_ATTACHED
    assert moderation.store.review_item(item.id).status == "attached"
    with pytest.raises(ModerationError) as twice:
        moderation.attach_review(item.id, 3, ANNA)
    assert twice.value.reason is Reason.REVIEW_ALREADY_ATTACHED
    assert [a.text for a in moderation.entry(3).alternates].count(item.asked) == 1, "attached once"


def test_an_attached_question_is_kept_as_the_asker_wrote_it(moderation: Moderation) -> None:
    """The card shows the question as asked; attaching it keeps that form (Belarusian 'ў' and 'ё',
    case and punctuation), not the folded form the queue groups by ('уцяклі', 'есць')."""
    asked = "Ці ёсць у Нідэрландах дапамога беларусам, якія ўцяклі? Мой нумар 8 029 123 45 67"
    moderation.answers.answer(asked, record=True)
    [item] = moderation.store.review_items("open")
    entry = moderation.attach_review(item.id, 3, ANNA)
    added = entry.alternates[-1]
    assert added.text == "Ці ёсць у Нідэрландах дапамога беларусам, якія ўцяклі? Мой нумар #"
    assert added.language == "be" and "123" not in added.text
    assert moderation.store.review_item(item.id).status == "attached"


def _answers_per_query(bot: RunningBot) -> Counter[str]:
    return Counter(str(c.params["callback_query_id"]) for c in bot.api.calls("answerCallbackQuery"))


async def test_pressing_attach_twice_is_harmless() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        errors = watch_errors(bot)
        [card] = await review_messages(bot, mod, anna, ["Welke strafmaatregelen zijn er tegen Belarus?"])
        attach = next(data for data in buttons(card) if data.startswith("m:ra:"))
        bot.api.press_button(mod, card, attach)
        bot.api.press_button(mod, card, attach, check=False)  # a double tap: both on the card with buttons
        await bot.api.wait_idle()
        answers = _answers_per_query(bot)
        assert len(answers) == 2 and set(answers.values()) == {1}, "each press answered exactly once"
        texts = [c.params.get("text") for c in bot.api.calls("answerCallbackQuery")]
        assert texts[0] == EN.review_attached.format(id=3)
        assert texts[1] == EN.not_saved.format(reason=ENGLISH[Reason.REVIEW_ALREADY_ATTACHED])
        assert errors == [], "no 'message is not modified', nothing for the error handler"
        alternates = [a.text for a in bot.service.store.entry(3).alternates]
        assert alternates.count("Welke strafmaatregelen zijn er tegen Belarus?") == 1


async def test_dismiss_pressed_on_a_stale_card_after_attach_changes_nothing() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        errors = watch_errors(bot)
        [card] = await review_messages(bot, mod, anna, ["Welke strafmaatregelen zijn er tegen Belarus?"])
        attach = next(data for data in buttons(card) if data.startswith("m:ra:"))
        dismiss = next(data for data in buttons(card) if data.startswith("m:rd:"))
        bot.api.press_button(mod, card, attach)
        await bot.api.wait_idle()
        bot.api.press_button(mod, card, dismiss, check=False)  # the old card, as another device still shows it
        await bot.api.wait_idle()
        [item] = bot.service.store.review_items("attached")
        assert bot.service.store.review_items("dismissed") == [] and item.text.startswith("welke strafmaatregelen")
        last = bot.api.calls("answerCallbackQuery")[-1].params.get("text")
        assert last == EN.not_saved.format(reason=ENGLISH[Reason.REVIEW_ALREADY_ATTACHED])
        assert errors == []


async def test_new_entry_from_review_starts_from_the_question_as_asked_and_a_second_press_is_quiet() -> None:
    async with moderated_bot() as bot:
        mod, anna = moderator(bot), user(bot)
        [card] = await review_messages(bot, mod, anna, ["Krijgen Belarussische studenten een beurs in Nederland?"])
        item = bot.service.store.review_items("open")[0].id
        [prompt] = await press(bot, mod, card, f"m:rn:{item}")
        bot.api.press_button(mod, card, f"m:rn:{item}")
        assert await bot.api.wait_idle() and len(bot.api.sent_messages(MODERATOR)) == 2, "no second prompt"
        assert prompt["visible_text"].startswith("Now send the official text")
        [sources] = await send(bot, mod, NEW_TEXT)
        await press(bot, mod, sources, f"m:src:{bot.service.store.document(LETTER_KEY).id}")
        [preview] = await send(bot, mod, "/skip")
        assert "Question: Krijgen Belarussische studenten een beurs in Nederland?" in preview["visible_text"]


# --- one language per reply ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Niet opgeslagen: er is geen item 99999"),
        ("en", "Not saved: there is no entry 99999"),
        ("ru", "Не сохранено: записи 99999 нет"),
        ("be", "Не захавана: запісу 99999 няма"),
    ],
)
async def test_a_moderators_refusal_is_in_the_moderators_language(language: str, expected: str) -> None:
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        [reply] = await send(bot, mod, "/retire 99999")
        assert reply["visible_text"] == expected


async def test_a_moderator_who_chose_a_language_gets_every_reply_in_it() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)  # Telegram says English
        [prompt] = await send(bot, mod, "/language")
        await press(bot, mod, prompt, "l:ru")
        [start] = await send(bot, mod, "/add")
        assert start["visible_text"] == RU.add_question
        await send(bot, mod, NEW_QUESTION)
        [sources] = await send(bot, mod, NEW_TEXT)
        [alternates] = await press(bot, mod, sources, f"m:src:{bot.service.store.document(LETTER_KEY).id}")
        [preview] = await send(bot, mod, "/skip")
        shown = preview["visible_text"]
        assert "Не официальная запись: в документе kamerbrief-2021-03-02-2298 этого текста нет" in shown
        assert "Not " not in shown and "does not contain" not in shown, "no English inside the Russian"
        [saved] = await press(bot, mod, preview, "m:ok")
        assert saved["visible_text"].startswith("Сохранено как заметка модератора")


@pytest.mark.parametrize(
    ("language", "retired", "translated"),
    [
        ("nl", "ingetrokken", "gewijzigd"),
        ("en", "retire", "update"),
        ("ru", "снятие", "изменение"),
        ("be", "зняцце", "змена"),
    ],
)
async def test_history_names_every_action_in_the_moderators_language(
    language: str, retired: str, translated: str
) -> None:
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        await send(bot, mod, "/retire 4")
        await send(bot, mod, "/restore 4")
        Moderation(bot.service).save_translation(4, "ru", "Новый перевод текста о санкциях.", None, f"telegram:{MODERATOR}")
        [history] = await send(bot, mod, "/history 4")
        lines = [line for line in history["visible_text"].splitlines() if not line.startswith(" ")]
        texts = moderator_texts(language)
        actions = [line.split(" · ", 3)[3] for line in lines]
        assert actions[0] == texts.actions["create"]
        assert retired in actions and texts.actions["restore"] in actions
        assert actions[-1] == texts.history_translation.format(action=translated, language="ru")
        if language != "en":
            english = {"create", "update", "retire", "restore", "undo", "reimport", "confirm"}
            assert not english & {word for action in actions for word in action.split()}, actions


def test_every_audit_action_is_worded_in_every_language() -> None:
    from interface.texts.moderator import ACTIONS

    recorded = set()
    for path in (ROOT / "knowledge" / "storage").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        recorded |= set(re.findall(r'record_change\(\s*"(\w+)"', text))
        recorded |= set(re.findall(r'action="(\w+)"', text))
        recorded |= set(re.findall(r'action = "(\w+)"', text))
    assert recorded and recorded <= set(ACTIONS), recorded - set(ACTIONS)
    for texts in (NL, EN, RU, BE):
        assert set(texts.actions) == set(ACTIONS)
    assert len({NL.actions[a] for a in ACTIONS}) == len(ACTIONS), "no two actions read the same"


def test_cli_history_lists_the_translations_changes(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text("Новый перевод текста о санкциях.", encoding="utf-8")
    assert run(capsys, database, "translate", "3", "ru", str(path), "--yes")[0] == 0
    code, out, _ = run(capsys, database, "history", "3")
    last = [line for line in out.splitlines() if not line.startswith(" ")][-1]
    assert code == 0 and last.startswith("v2  ") and last.endswith("  update · translation ru"), last


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
async def test_a_non_moderator_is_refused_in_their_own_language(language: str) -> None:
    async with moderated_bot() as bot:
        someone = bot.api.user(USER, "Anna", language_code=language)
        [reply] = await send(bot, someone, "/undo")
        assert reply["visible_text"] == moderator_texts(language).refused


@pytest.mark.parametrize("language", ["nl", "ru", "be"])
async def test_edit_names_the_field_in_the_moderators_language(language: str) -> None:
    """'Stuur de nieuwe waarde voor text', 'для поля «text»': the field's English name inside another
    language's sentence (found trying /edit as a Dutch and a Belarusian moderator)."""
    texts = moderator_texts(language)
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        entry = bot.service.store.entry(4)
        [choose] = await send(bot, mod, "/edit 4")
        [prompt] = await press(bot, mod, choose, "m:ef:t")
        assert prompt["visible_text"] == texts.edit_value.format(field=texts.edit_field_text, current=entry.text)
        [refused] = await send(bot, mod, NEW_TEXT)  # not the letter's words: refused, asked again
        asked_again = refused["visible_text"].split("\n\n", 1)[1]
        assert asked_again.startswith(texts.edit_value.format(field=texts.edit_field_text, current="")), asked_again
        await send(bot, mod, "/cancel")
        [choose] = await send(bot, mod, "/edit 4")
        [prompt] = await press(bot, mod, choose, "m:ef:q")
        assert texts.edit_field_question in prompt["visible_text"]
        [preview] = await send(bot, mod, "Welke extra EU-sancties komen er tegen Belarus?")
        assert f"({texts.edit_field_question})" in preview["visible_text"], preview["visible_text"]
        for english in ("text", "question", "topics", "alternates"):
            assert not re.search(rf"\b{english}\b", prompt["visible_text"] + preview["visible_text"]), english


@pytest.mark.parametrize(
    ("language", "usage", "missing"),
    [
        ("nl", "Gebruik: /alias <id> <vraag>", "Er is geen item 99999"),
        ("en", "Usage: /alias <id> <question>", "There is no entry 99999"),
        ("ru", "Использование: /alias <id> <вопрос>", "Записи 99999 нет"),
        ("be", "Выкарыстанне: /alias <id> <пытанне>", "Запісу 99999 няма"),
    ],
)
async def test_usage_and_a_missing_entry_are_whole_sentences_in_the_moderators_language(
    language: str, usage: str, missing: str
) -> None:
    """'/alias <id> <question>' in a Dutch usage line, and 'er is geen item 99999' as a whole message
    (a reason meant to follow 'Niet opgeslagen:'), are what /alias, /edit, /history and /translate said."""
    async with moderated_bot(flood_max_messages=50) as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        [reply] = await send(bot, mod, "/alias 5")
        assert reply["visible_text"] == usage
        for command in ("/edit 99999", "/history 99999", "/translate 99999 ru"):
            [reply] = await send(bot, mod, command)
            assert reply["visible_text"] == missing, command


def test_every_reason_is_worded_in_every_language_with_the_same_values() -> None:
    import string

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for texts in (NL, EN, RU, BE):
        assert set(texts.reasons) == set(Reason)
        for reason in Reason:
            assert fields(texts.reasons[reason]) == fields(ENGLISH[reason]), (reason, texts.entry_forms)
    assert [RU.entries(n) for n in (1, 2, 5, 11, 21, 22)] == [
        "1 запись",
        "2 записи",
        "5 записей",
        "11 записей",
        "21 запись",
        "22 записи",
    ]
    assert EN.entries(1) == "1 entry" and NL.changes(1) == "1 wijziging" and BE.changes(3) == "3 змены"


# --- commands to type, as typed where the moderator is ----------------------------------------------

_COMMANDS = "add|edit|alias|retire|restore|history|undo|import|review|stats|export|translate"
#: A command with its argument written without Telegram's slash ('alias 3', 'restore {id}').
_BARE_COMMAND = re.compile(rf"(?<![/\w-])(?<!standpunt )({_COMMANDS})\s+(?:\{{id\}}|\d|<)")


def _strings(texts: ModeratorTexts) -> list[str]:
    values = [v for v in vars(texts).values() if isinstance(v, str)]
    return values + list(texts.reasons.values())


def test_telegram_texts_write_commands_as_typed_in_telegram_and_the_command_lines_as_typed_there() -> None:
    for texts in (NL, EN, RU, BE):
        for text in _strings(texts):
            assert not _BARE_COMMAND.search(text), (texts.entry_forms, text)
            assert "standpunt " not in text, "no command-line commands in Telegram"
    for reason, text in ENGLISH.items():
        assert not re.search(rf"/({_COMMANDS})\b", text), (reason, text)
        assert not _BARE_COMMAND.search(text), (reason, text)
    assert 'standpunt alias {id} "<question>"' in ENGLISH[Reason.TEXT_IS_ENTRY]
    assert "standpunt restore {id}" in ENGLISH[Reason.RETIRED]


def _entry_text(bot: RunningBot, entry_id: int) -> str:
    return bot.service.store.entry(entry_id).text


@pytest.mark.parametrize("language", ["en", "nl", "ru"])
async def test_telegram_tells_a_moderator_the_command_with_its_slash(language: str) -> None:
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        await send(bot, mod, "/add")
        await send(bot, mod, NEW_QUESTION)
        [refused] = await send(bot, mod, _entry_text(bot, 3))  # refused as soon as the text is sent (F24)
        shown = refused["visible_text"]
        assert "/alias 3 <" in shown, shown
        assert not re.search(r"(?<!/)alias 3\)", shown) and "standpunt" not in shown


def test_the_command_line_tells_a_moderator_the_command_as_typed_there(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "entry.json"
    path.write_text(
        json.dumps({"document_key": LETTER_KEY, "question": NEW_QUESTION, "text": entry_of(database, 3).text}),
        encoding="utf-8",
    )
    code, _, err = run(capsys, database, "add", str(path))
    assert code == 1 and err.rstrip().endswith('(standpunt alias 3 "<question>")'), err
    assert run(capsys, database, "retire", "3")[0] == 0
    code, _, err = run(capsys, database, "alias", "3", "Nog een manier om het te vragen?")
    assert code == 1 and err == "error: entry 3 is retired; restore it first (standpunt restore 3)\n"


# --- the command line -------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], database: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--database", str(database), *args])
    out, err = capsys.readouterr()
    return code, out, err


def entry_of(database: Path, entry_id: int) -> Any:
    store = Store.open(database)
    try:
        return store.entry(entry_id)
    finally:
        store.close()


def test_cli_edit_alias_retire_restore_history_and_undo(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    original = entry_of(database, 3)
    code, out, _ = run(
        capsys, database, "edit", "3", "--question", "Welke EU-sancties gelden er?", "--topics", "sancties, eu"
    )
    assert code == 0 and out == "Saved: entry 3 (kamerbrief-2021-03-02-2298/3), version 2.\n"  # Telegram's sentence
    code, out, _ = run(capsys, database, "alias", "3", "Welke", "strafmaatregelen", "nam", "de", "EU?")
    assert code == 0 and out == "Alternate question added to entry 3 (version 3).\n"
    assert run(capsys, database, "retire", "3")[0] == 0
    code, out, _ = run(capsys, database, "restore", "3")
    assert code == 0 and out == "Entry 3 is active again.\n"
    code, out, _ = run(capsys, database, "history", "3")
    changes = [line for line in out.splitlines() if not line.startswith(" ")]  # indented: what a change did
    versions = [line for line in changes if " · translation " not in line]
    assert code == 0 and [line.split()[-1] for line in versions] == [
        "create",
        "update",
        "update",
        "retire",
        "restore",
    ]
    assert [line.split()[-4:] for line in changes if " · translation " in line] == [
        ["create", "·", "translation", code] for code in ("en", "ru", "be")
    ], "the shipped translations' changes are listed with the entry's"
    for action in ("restore", "retire", "update", "update"):  # each undo says what it undid, latest first
        code, out, _ = run(capsys, database, "undo")
        assert code == 0 and out == f"Undone: entry kamerbrief-2021-03-02-2298/3 ({action}).\n"
    back = entry_of(database, 3)
    assert (back.question, back.topics, back.alternates, back.is_active) == (
        original.question,
        original.topics,
        original.alternates,
        True,
    )
    code, _, err = run(capsys, database, "undo")
    assert code == 1 and err == "error: you have no change to undo\n"


def test_cli_history_says_under_a_restore_what_it_changed_back(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    """After `restore FILE`, `history` shows the translation askers see: the English translation saved
    since the export is changed back with a line of its own (text old → new, a new version), and the
    entry retired since is active again, with a line saying so ('status: retired → active')."""
    export = tmp_path / "export.json"
    assert run(capsys, database, "export", str(export))[0] == 0
    translation = tmp_path / "en.txt"
    translation.write_text("Q: Which sanctions (test)?\nThe EU sanctions, rendered anew (test).\n", encoding="utf-8")
    assert run(capsys, database, "translate", "3", "en", str(translation), "--yes")[0] == 0
    assert run(capsys, database, "retire", "3")[0] == 0
    assert run(capsys, database, "restore", str(export))[0] == 0
    code, out, _ = run(capsys, database, "history", "3")
    lines = out.splitlines()
    reverts = [i for i, line in enumerate(lines) if "restored from an export" in line]
    assert code == 0 and len(reverts) == 2, out
    entry, english = sorted(reverts, key=lambda i: " · translation " in lines[i])
    assert lines[entry].startswith("v3 ") and lines[entry + 1].strip() == "status: retired → active", out
    assert lines[english].startswith("v3 ") and lines[english].endswith("restored from an export · translation en")
    assert "text: The EU sanctions, rendered anew (test). → In response to" in lines[english + 2], out
    code, out, _ = run(capsys, database, "--language", "nl", "history", "3")
    assert "status: ingetrokken → actief" in out


def test_cli_edit_refuses_other_words_as_official_text_in_one_line(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    code, out, err = run(capsys, database, "edit", "3", "--text", NEW_TEXT)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("error: document kamerbrief-2021-03-02-2298 does not contain this text")


@pytest.mark.parametrize("empty", ["", "   "])
def test_cli_edit_refuses_an_empty_question_in_one_line(capsys: pytest.CaptureFixture[str], database: Path, empty: str) -> None:
    before = entry_of(database, 3)
    code, out, err = run(capsys, database, "edit", "3", "--question", empty)
    assert code == 1 and out == "" and err == "error: the question is empty: an entry keeps a question\n"
    assert entry_of(database, 3) == before


def test_cli_restore_of_an_entry_and_of_an_export_are_told_apart(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    export = tmp_path / "12"
    assert run(capsys, database, "export", str(export))[0] == 0
    code, _, err = run(capsys, database, "restore", "12")
    assert code == 1 and err == "error: entry 12 is already active\n", "a number is an entry id"
    code, out, _ = run(capsys, database, "restore", f"./{export.relative_to(tmp_path)}")
    assert code == 0 and out.startswith("Restored 2 documents and 13 entries.")


def test_cli_counts_one_entry_in_the_singular(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    store = Store.open(database)
    for entry in store.entries(document_key=LETTER_KEY)[1:]:
        store.set_status(entry.id or 0, entry.status.__class__("retired"), "test")
    store.close()
    code, out, _ = run(capsys, database, "sources")
    assert code == 0 and "· 1 entry (6 retired)" in out and "1 entries" not in out


@pytest.mark.parametrize(
    "target",
    ["missing/folder/export.json", "."],
    ids=["missing folder", "a directory, not a file"],
)
def test_cli_export_to_a_place_it_cannot_write_is_one_line(
    capsys: pytest.CaptureFixture[str], database: Path, target: str
) -> None:
    code, out, err = run(capsys, database, "export", target)
    assert code == 1 and out == "" and err.startswith("error: cannot write") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("language", ["en", "nl", "ru", "be"])
def test_cli_export_into_a_folder_that_takes_no_files_says_so_and_a_missing_folder_says_it_is_missing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str
) -> None:
    """/proc exists but takes no new files: the system says ENOENT, which read as 'it does not exist'."""
    st = staff_texts(language)
    code, out, err = run(capsys, database, "--language", language, "export", "/proc/standpunt-export.json")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(st.error.format(message=st.cannot_write.format(path="/proc/standpunt-export.json", reason="")))
    assert st.os_reasons["ENOENT"] not in err and "/proc" in err and "Traceback" not in err
    missing = tmp_path / "missing" / "folder"
    code, out, err = run(capsys, database, "--language", language, "export", str(missing / "export.json"))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert st.no_such_folder.format(folder=missing) in err, err


def test_cli_database_in_a_folder_that_cannot_be_made_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, out, err = run(capsys, blocker / "sub" / "standpunt.sqlite3", "sources")
    assert code == 1 and out == "" and err.startswith("error: ") and err.count("\n") == 1


def test_cli_output_into_a_closed_pipe_is_one_line_and_no_traceback(database: Path, tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(ROOT), "DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, str(ROOT / "run_bot.py"), "--database", str(database), "export", "-"]
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # the reader goes away, like `| head -c 10`
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) != 0
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("error: the output was closed"), err


def test_cli_add_prints_whether_each_entry_is_official_or_a_note(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "entries.json"
    path.write_text(
        json.dumps([{"document_key": LETTER_KEY, "question": NEW_QUESTION, "text": NEW_TEXT}]), encoding="utf-8"
    )
    code, out, _ = run(capsys, database, "add", str(path))
    assert code == 0 and "moderator's note" in out
    assert texts_for("nl").moderator_note in run(capsys, database, "ask", NEW_QUESTION)[1]


@pytest.mark.parametrize("language", ["en", "nl", "ru", "be"])
def test_cli_add_of_a_question_declared_official_that_the_document_lacks_is_one_line_and_adds_nothing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "entries.json"
    entry = {"document_key": LETTER_KEY, "question": NEW_QUESTION, "text": NEW_TEXT, "question_is_official": True}
    path.write_text(json.dumps([entry]), encoding="utf-8")
    before = stored(database)
    code, out, err = run(capsys, database, "--language", language, "add", str(path))
    assert code == 1 and out == "" and err.count("\n") == 1, err
    t = moderator_texts(language)
    expected = t.validation_at.format(
        number=1, problem=t.reason(ModerationError(Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT, key=LETTER_KEY))
    )
    assert expected in err and "Traceback" not in err
    assert stored(database) == before, "nothing added, not even as a moderator's question"


def test_the_importers_fixed_refusals_are_recognised_and_worded_per_language() -> None:
    from knowledge.ingest import rejections
    from knowledge.reasons import rejection

    fixed = (rejections.NOT_TEXT, rejections.NOT_PDF, rejections.ENCRYPTED_PDF, rejections.NO_TEXT_LAYER)
    for sentence in (*fixed, rejections.DOCTYPE_REFUSED, rejections.NOT_OFFICIAL_XML, "the file is empty"):
        reason, values = rejection(sentence)
        assert reason is not Reason.DOCUMENT_REJECTED and values == {}, sentence
        assert "file" not in NL.reason(ModerationError(reason)).replace("bestand", ""), "Dutch, not English"
    assert rejection("something new")[0] is Reason.DOCUMENT_REJECTED


_LETTER = (ROOT / "knowledge" / "sources" / "kamerbrief-2021-03-02-2298.txt").read_bytes()
_WORDS = b"woord " * 5000
#: One upload per way the importers refuse a file: (data, file name, the reason expected).
REFUSED_UPLOADS: dict[str, tuple[bytes, str, Reason]] = {
    "empty": (b"  \n", "leeg.txt", Reason.FILE_EMPTY),
    "too large": (_LETTER, "brief.txt", Reason.UPLOAD_TOO_LARGE),
    "a .docx": (_LETTER, "brief.docx", Reason.FILE_TYPE_REFUSED),
    "no extension": (_LETTER, "brief", Reason.FILE_WITHOUT_EXTENSION),
    "binary": (bytes(range(256)) * 4, "brief.txt", Reason.NOT_A_TEXT_FILE),
    "broken pdf": (b"%PDF-1.7 garbage", "brief.pdf", Reason.NOT_A_PDF),
    "no entries": (b"Den Haag, 2 maart 2021\n\nDe Minister van Buitenlandse Zaken,\nS.A. Blok\n", "b.txt", Reason.NO_ENTRIES),
    "one huge paragraph": (
        b"Den Haag, 2 maart 2021\n\n" + _WORDS + b"\n\nDe Minister van Buitenlandse Zaken,\nS.A. Blok\n",
        "b.txt",
        Reason.PART_TOO_LONG,
    ),
    "questions only": (
        b"Vragen van het lid Jansen (ingezonden 1 maart 2023).\n\nVraag 1\n\nKlopt het dat er geen visa zijn?\n",
        "vragen.txt",
        Reason.QUESTIONS_ONLY,
    ),
    "malformed xml": (b"<kamerstuk><al>open", "stuk.xml", Reason.XML_NOT_WELL_FORMED),
    "deep xml": (b"<kamerstuk>" + b"<x>" * 300 + b"</x>" * 300 + b"</kamerstuk>", "stuk.xml", Reason.XML_TOO_DEEP),
    "no paragraphs": (b"<kamerstuk><stuk><titel>Leeg</titel></stuk></kamerstuk>", "stuk.xml", Reason.XML_NO_PARAGRAPHS),
    "long paragraph": (b"<kamerstuk><stuk><algemeen><al>" + _WORDS + b"</al></algemeen></stuk></kamerstuk>", "s.xml",
                       Reason.XML_PARAGRAPH_TOO_LONG),
    "long answer": (
        b"<kamervragen><vraag><nr>Vraag 1</nr><al>Klopt dit?</al></vraag><antwoord><nr>Antwoord 1</nr><al>"
        + _WORDS
        + b"</al></antwoord></kamervragen>",
        "kv.xml",
        Reason.XML_ANSWER_TOO_LONG,
    ),
    "no pairs": (b"<kamervragen><titel>x</titel></kamervragen>", "kv.xml", Reason.XML_NO_PAIRS),
    "empty answers": (
        b"<kamervragen><vraag><nr>Vraag 1</nr><al>Klopt dit?</al></vraag><antwoord><nr>Antwoord 1</nr><al></al>"
        b"</antwoord></kamervragen>",
        "kv.xml",
        Reason.XML_EMPTY_ANSWERS,
    ),
    "xml questions only": (
        b"<kamervragen><vraag><nr>Vraag 1</nr><al>Klopt dit?</al></vraag></kamervragen>", "kv.xml",
        Reason.XML_QUESTIONS_ONLY,
    ),
    "doctype": (b'<!DOCTYPE a [<!ENTITY x "y">]><kamerstuk>&x;</kamerstuk>', "stuk.xml", Reason.XML_WITH_DOCTYPE),
    "another xml": (b"<html><body><p>Hallo</p></body></html>", "stuk.xml", Reason.NOT_OFFICIAL_XML),
}
#: Words that give English away inside a Dutch, Russian or Belarusian reply.
_ENGLISH_WORDS = re.compile(r"\b(the|file|files|could|not|read|entries|answers?|paragraph|longer|than|no)\b")


@pytest.mark.parametrize("case", list(REFUSED_UPLOADS))
def test_every_importer_refusal_is_a_reason_worded_in_every_language(case: str) -> None:
    from knowledge.ingest.importers import DocumentRejected

    data, name, expected = REFUSED_UPLOADS[case]
    with pytest.raises(DocumentRejected) as refused:
        read_document(data, name, max_bytes=len(_LETTER) - 1 if case == "too large" else 5_000_000)
    assert refused.value.reason is expected, str(refused.value)
    assert str(refused.value) == EN.reason(refused.value), "the command line's English is the same sentence"
    for texts in (NL, RU, BE):
        worded = texts.reason(refused.value)
        assert worded != EN.reason(refused.value) and "{" not in worded
        assert not _ENGLISH_WORDS.search(worded.replace("Kamerstuk", "")), (texts.entry_forms, worded)


@pytest.mark.parametrize(
    ("language", "name", "data", "expected"),
    [
        (
            "nl",
            "brief.docx",
            b"tekst",
            "Niet opgeslagen: bestanden met .docx worden niet aanvaard; stuur een .txt-, .pdf- of .xml-bestand",
        ),
        ("ru", "stuk.xml", b"<kamerstuk><al>open", "Не сохранено: файл не является корректным XML (строка 1, позиция 19)"),
        ("be", "stuk.xml", b"<kamerstuk><stuk><titel>Leeg</titel></stuk></kamerstuk>",
         "Не захавана: не ўдалося прачытаць ніводнага запісу: у XML Kamerstuk няма абзацаў (al)"),
    ],
)
async def test_a_refused_upload_with_details_is_explained_in_the_moderators_language(
    language: str, name: str, data: bytes, expected: str
) -> None:
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code=language)
        bot.api.send_document(mod, name, data, "application/octet-stream")
        [reply] = await bot.api.wait_for_messages(MODERATOR, 1)
        assert reply["visible_text"] == expected


async def test_a_refused_upload_is_explained_in_the_moderators_language() -> None:
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code="nl")
        bot.api.send_document(mod, "brief.txt", bytes(range(256)) * 8, "text/plain")
        [reply] = await bot.api.wait_for_messages(MODERATOR, 1)
        assert reply["visible_text"] == "Niet opgeslagen: het bestand is geen tekstbestand (het bevat binaire gegevens)"


async def test_telegram_edit_refuses_other_words_for_an_official_entry_before_the_preview() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        [choose] = await send(bot, mod, "/edit 3")
        await press(bot, mod, choose, "m:ef:t")
        [refused] = await send(bot, mod, NEW_TEXT)
        assert refused["visible_text"].startswith(
            "Not saved: document kamerbrief-2021-03-02-2298 does not contain this text"
        )
        assert buttons(refused) == [], "no Save button for it"
        assert content(bot.service.store) == before


async def test_an_import_preview_warns_in_the_moderators_language() -> None:
    async with moderated_bot() as bot:
        mod = bot.api.user(MODERATOR, "Mod", language_code="ru")
        text = (
            "Vragen van het lid Jansen (ingezonden 1 maart 2023).\n\nVraag 1\n\nHoe staat het met de visa?\n\n"
            "Antwoord 1\n\nDe visa worden volgens de geldende regels beoordeeld door de ambassade.\n"
        )
        bot.api.send_document(mod, "vragen.txt", text.encode(), "text/plain")
        [preview] = await bot.api.wait_for_messages(MODERATOR, 1)
        assert "в документе не найдены авторы" in preview["visible_text"].lower(), preview["visible_text"]
        assert "no authors" not in preview["visible_text"]


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_one_answer_is_not_counted_in_the_plural(language: str) -> None:
    shown = texts_for(language).entries_count.format(count=1)
    assert shown.endswith("1") or "1 answer " in f"{shown} ", shown
    assert "1 answers" not in shown and "1 antwoorden" not in shown


def test_cli_history_shows_what_each_edit_changed_old_to_new(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    original = entry_of(database, 3)
    assert run(capsys, database, "edit", "3", "--question", "Welke EU-sancties gelden er?", "--topics", "sancties, eu")[0] == 0
    assert run(capsys, database, "alias", "3", "Welke strafmaatregelen nam de EU?")[0] == 0
    code, out, _ = run(capsys, database, "history", "3")
    details = [line.strip() for line in out.splitlines() if line.startswith(" ")]
    assert code == 0
    assert f"question: {original.question} → Welke EU-sancties gelden er?" in details
    assert f"topics: {', '.join(original.topics)} → sancties, eu" in details
    assert "alternate questions: + Welke strafmaatregelen nam de EU?" in details
    assert all(len(line) < 200 for line in details), "long values are shortened"
    code, out, _ = run(capsys, database, "--language", "nl", "history", "3")
    assert code == 0 and "      vraag: " in out and "      onderwerpen: " in out, "in the moderator's language"


def test_history_shortens_a_long_text_around_the_edit() -> None:
    from interface.history import change_details
    from interface.texts.moderator import EN

    text = "De Europese Unie heeft op 2 oktober 2020 sancties ingesteld tegen veertig personen " * 3
    edited = text.replace("veertig", "vijftig", 1)
    [line] = change_details({"text": text}, {"text": edited}, EN)
    old, new = line.removeprefix("text: ").split(" → ")
    assert "veertig" in old and "vijftig" in new and old.startswith("…") and len(old) < 70
