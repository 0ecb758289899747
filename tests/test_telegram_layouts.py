"""The layouts of issue 13 through Telegram: what a moderator sees when sending each kind of copy."""

from __future__ import annotations

import re
from collections.abc import Callable
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


# --- what the preview shows of each layout (issue 13 §2) ---------------------------------------------

_WEB_ROW = "9 juli 2021Tweede Kamer der Staten-Generaal2020-20219341"
_WEB_HEAD = [
    "Kind: Answers to parliamentary questions",
    "Date: 28 June 2021",
    "Authors: minister Verhoef (Buitenlandse Zaken) [Minister of Foreign Affairs]",
    "Citation: Aanhangsel Handelingen II 2020/21, nr. 9341",
    "3 entries:",
]
_WEB_ENTRIES = [
    "Question 1 (Vraag 1): Bent u bekend met het bericht dat … → Ja.",
    "Question 2 (Vraag 2): Welke stappen heeft Nederland sinds de verkiezingen … → Nederland steunt onafhankelijke "
    "Belarussische media via …",
    "Question 3 (Vraag 3): Bent u bereid in EU-verband te pleiten … → Ja. Nederland zet zich in EU-verband …",
]
_COMMITTEE = [
    "Kind: Letter to Parliament (Kamerbrief)",
    "Date: 17 April 2024",
    "Authors: H.M. Kuipers-Dekker, Minister van Buitenlandse Zaken [Minister of Foreign Affairs]",
    "Citation: no official citation found",
    "3 entries:",
    "Question 1 (Vraag 1): Hoeveel politieke gevangenen zitten er volgens het … → Volgens de "
    "mensenrechtenorganisatie Viasna zitten er …",
    "Question 2 (Vraag 2): Wat doet het kabinet om de vrijlating … → Het kabinet roept in bilaterale contacten …",
    "Question 3 (Vraag 3): Is het kabinet bereid de Belarussische diaspora … → Ja. Het ministerie spreekt "
    "regelmatig met …",
]
_CUT = IMPORT_EN.cut_off.format(label="Question {n} (Vraag {n})")


def _wrapped_head(raw: str) -> str:
    """The question-number-first head as a PDF copy wraps it: 'Vragen van …' and 'Antwoord van …'
    broken mid-line."""
    return raw.replace(" en de Staatssecretaris van Justitie", "\nen de Staatssecretaris van Justitie").replace(
        "(Justitie en Veiligheid) (ontvangen", "(Justitie en\nVeiligheid) (ontvangen"
    )


LAYOUT_PREVIEWS: dict[str, tuple[str, Callable[[str], str], list[str]]] = {
    "web page": ("webpagina_aanhangsel", str, _WEB_HEAD + _WEB_ENTRIES),
    # as the issue quotes the flattened row: no publication date before it
    "web page, row without publication date": (
        "webpagina_aanhangsel", lambda raw: raw.replace(_WEB_ROW, _WEB_ROW.removeprefix("9 juli 2021")), _WEB_HEAD + _WEB_ENTRIES
    ),
    # and with the date received glued to the number ('…9341' + '28 juni 2021')
    "web page, row with date received": (
        "webpagina_aanhangsel", lambda raw: raw.replace(_WEB_ROW, _WEB_ROW + "28 juni 2021"), _WEB_HEAD + _WEB_ENTRIES
    ),
    "question number first": (
        "vraagnummer_eerst",
        str,
        [
            "Kind: Answers to parliamentary questions",
            "Date: 16 July 2021",
            "Authors: minister Verhoef (Buitenlandse Zaken) [Minister of Foreign Affairs], staatssecretaris Van Leeuwen "
            "(Justitie en Veiligheid) [State Secretary for Justice and Security]",
            "Citation: no official citation found",
            "Key: kamervragen-2021-07-16-2021z99923",
            "2 entries:",
            "Question 1 (Vraag 1): Hoeveel Belarussische studenten hebben sinds augustus 2020 … → Sinds augustus 2020 "
            "zijn ongeveer 140 …",
            "Question 2 (Vraag 2): Bent u bereid de procedure voor deze … → De IND behandelt aanvragen van "
            "Belarussische …",
        ],
    ),
    "question number first, head wrapped": (
        "vraagnummer_eerst",
        _wrapped_head,
        [
            "Date: 16 July 2021",
            "Authors: minister Verhoef (Buitenlandse Zaken) [Minister of Foreign Affairs], staatssecretaris Van Leeuwen "
            "(Justitie en Veiligheid) [State Secretary for Justice and Security]",
            "Key: kamervragen-2021-07-16-2021z99923",
            "2 entries:",
        ],
    ),
    "grouped numbering": (
        "gegroepeerde_nummering",
        str,
        [
            "Kind: Answers to parliamentary questions",
            "Date: 14 October 2022",
            "Authors: minister Verhoef (Buitenlandse Zaken) [Minister of Foreign Affairs]",
            "Citation: no official citation found",
            "2 entries:",
            "Question 1, 2 (Vragen 1 en 2): Bent u bekend met berichten dat Oekraïense … → Ja. Het kabinet heeft "
            "kennisgenomen van …",
            "Question 3 (Vraag 3): Bent u bereid deze kwestie in EU-verband … → Ja. Nederland heeft de kwestie in …",
        ],
    ),
    "republished page": (
        "openkamer_herpublicatie",
        str,
        [
            "Kind: Answers to parliamentary questions",
            "Date: 16 July 2021",
            "Authors: staatssecretaris Pieter van Leeuwen (Justitie en Veiligheid) [State Secretary for Justice and "
            "Security]",
            "Citation: Aanhangsel Handelingen II 2020/21, nr. 9512",
            "Key: kamervragen-2021-07-16-2021z99926",
            "3 entries:",
            "Question 1 (Vraag 1): Bent u bekend met berichten dat Belarussische … → Ja, ik ben bekend met deze …",
            "Question 2 (Vraag 2): Waar kunnen Belarussen die zich in Nederland … → Wie zich bedreigd voelt, kan altijd …",
            "Question 3 (Vraag 3): Deelt u de mening dat de veiligheid … → De veiligheid van iedereen in Nederland …",
        ],
    ),
    "committee letter": ("commissievragen_brief", str, _COMMITTEE),
    "committee letter, no blank lines": (
        "commissievragen_brief", lambda raw: re.sub(r"\n\n+", "\n", raw), _COMMITTEE
    ),
    "cut off mid-sentence": (
        "afgebroken_tekst",
        str,
        [
            "Kind: Answers to parliamentary questions",
            "Date: 6 June 2023",
            "Authors: minister Verhoef (Buitenlandse Zaken) [Minister of Foreign Affairs]",
            "Citation: no official citation found",
            "2 entries:",
            "Question 1 (Vraag 1): Bent u bekend met berichten over gezamenlijke … → Ja.",
            "Question 2 (Vraag 2): Hoe beoordeelt u de plaatsing van Russische … → Het kabinet veroordeelt de plaatsing "
            "van …",
            _CUT.format(n=3),
        ],
    ),
    "cut off on a full line": (
        "afgebroken_volle_regel",
        str,
        ["Date: 26 March 2024", "Authors: minister Bruins Slot (Buitenlandse Zaken) [Minister of Foreign Affairs]",
         "1 entry:", _CUT.format(n=2)],
    ),
    "cut off on a short line": (
        "afgebroken_korte_regel",
        str,
        [
            "Date: 2 May 2024",
            "Authors: minister Verhoef (Buitenlandse Zaken) [Minister of Foreign Affairs]",
            "1 entry:",
            "Question 1 (Vraag 1): Bent u bekend met het bericht dat … → Ja. Het kabinet is bekend met …",
            _CUT.format(n=2),
        ],
    ),
}


async def test_each_layouts_preview_shows_kind_date_authors_citation_and_every_entry() -> None:
    """Sent as a file by a moderator: the preview's lines, read right, for each layout of issue 13 §2
    (and the variants a copy comes in); Cancel leaves the store as it was."""
    async with moderated_bot() as bot:
        mod = moderator(bot)
        before = content(bot.service.store)
        for case, (name, variant, expected) in LAYOUT_PREVIEWS.items():
            raw = variant(layout_bytes(name).decode("utf-8"))
            preview = await upload(bot, mod, f"{name}.txt", raw.encode("utf-8"))
            lines = preview["visible_text"].splitlines()
            assert lines[0] == "Import preview" and buttons(preview) == ["m:ok", "m:no"], case
            missing = [line for line in expected if line not in lines]
            assert not missing, (case, missing, preview["visible_text"])
            entries = [line for line in lines if line.startswith("Question ")]
            count = int(next(line for line in lines if line.endswith(("entries:", "entry:"))).split()[0])
            assert len(entries) == count, (case, "each entry listed with its number and first words")
            [cancelled] = await press(bot, mod, preview, "m:no")
        assert content(bot.service.store) == before
