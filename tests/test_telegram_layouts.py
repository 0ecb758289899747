"""The layouts of issue 13 through Telegram: what a moderator sees when sending each kind of copy."""

from __future__ import annotations

from pathlib import Path

from interface.texts.moderator import IMPORT_EN, IMPORT_NL
from tests.moderationkit import ANSWERS_KEY, content
from tests.test_identity import same_day_as_the_seed_answers
from tests.test_telegram_moderation import OTHER_MODERATOR, buttons, moderated_bot, moderator, press, upload

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"


def layout_bytes(name: str) -> bytes:
    return (LAYOUTS / f"{name}.txt").read_bytes()


async def test_questions_without_answers_are_refused_in_one_line_in_the_moderators_language() -> None:
    async with moderated_bot() as bot:
        before = content(bot.service.store)
        reply = await upload(bot, moderator(bot), "vragen.txt", layout_bytes("vragen_zonder_antwoorden"))
        assert reply["visible_text"] == IMPORT_EN.questions_only and buttons(reply) == []
        dutch = bot.api.user(OTHER_MODERATOR, "Mod", language_code="nl")
        reply = await upload(bot, dutch, "vragen.txt", layout_bytes("vragen_zonder_antwoorden_genummerd"))
        assert reply["visible_text"] == IMPORT_NL.questions_only
        assert content(bot.service.store) == before


async def test_a_cut_off_copy_previews_what_is_complete_and_says_the_last_entry_looks_cut_off() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        preview = await upload(bot, mod, "afgebroken.txt", layout_bytes("afgebroken_tekst"))
        shown = preview["visible_text"]
        assert "2 entries:" in shown and "Question 2 (Vraag 2): " in shown
        assert IMPORT_EN.cut_off.format(label="Question 3 (Vraag 3)") in shown
        [done] = await press(bot, mod, preview, "m:ok")
        assert "with 2 entries" in done["visible_text"]


async def test_a_second_answer_set_of_the_same_day_is_imported_beside_the_first() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        raw = (
            layout_bytes("gegroepeerde_nummering")
            .decode()
            .replace("2022Z99310\n", "")
            .replace("14 oktober 2022", "16 juli 2021")
        )
        assert same_day_as_the_seed_answers().document.key == ANSWERS_KEY
        preview = await upload(bot, mod, "antwoorden.txt", raw.encode())
        shown = preview["visible_text"]
        assert IMPORT_EN.beside.format(other=ANSWERS_KEY, key=f"{ANSWERS_KEY}-verhoef") in shown
        assert "Question 1, 2 (Vragen 1 en 2): " in shown
        [done] = await press(bot, mod, preview, "m:ok")
        assert done["visible_text"].startswith(f"Imported: {ANSWERS_KEY}-verhoef with 2 entries")
        assert len(bot.service.store.entries(document_key=ANSWERS_KEY)) == 6


async def test_every_layout_gets_a_preview_with_save_and_cancel() -> None:
    async with moderated_bot() as bot:
        mod = moderator(bot)
        for name in (
            "webpagina_aanhangsel",
            "vraagnummer_eerst",
            "gegroepeerde_nummering",
            "openkamer_herpublicatie",
            "commissievragen_brief",
        ):
            preview = await upload(bot, mod, f"{name}.txt", layout_bytes(name))
            assert buttons(preview) == ["m:ok", "m:no"], (name, preview["visible_text"])
            assert "Date: ?" not in preview["visible_text"] and "Authors: ?" not in preview["visible_text"], name
            await press(bot, mod, preview, "m:no")


async def test_a_text_without_any_mark_of_an_official_document_is_refused_in_one_line_in_the_moderators_language() -> None:
    from interface.texts.moderator import NL
    from knowledge.reasons import Reason

    async with moderated_bot() as bot:
        before = content(bot.service.store)
        dutch = bot.api.user(OTHER_MODERATOR, "Mod", language_code="nl")
        reply = await upload(bot, dutch, "notitie.txt", "Een tekst van één regel zonder kop.\n".encode())
        shown = reply["visible_text"]
        assert NL.reasons[Reason.NOT_OFFICIAL_DOCUMENT] in shown and "\n" not in shown and "/add" in shown
        assert buttons(reply) == [] and content(bot.service.store) == before
