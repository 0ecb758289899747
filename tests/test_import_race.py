"""Two moderators importing documents of one day at once (audit of issue 13, gap A): between one
moderator's preview and Save another stores a different document under the key that preview chose.
"Already in the store" is decided by content at the commit, never by that key: the second document is
stored under the next free key, and the result says the key changed; the same document twice is
still refused once. Through the moderation layer, Telegram (fake Bot API) and parallel command lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interface.texts.moderator import EN, IMPORT_EN, IMPORT_NL, NL
from knowledge.ingest.parsing import parse_document
from knowledge.moderation import Moderation, ModerationError
from knowledge.storage.store import Store
from tests.moderationkit import ANSWERS_KEY, fresh_service
from tests.test_parallel_writers import wait_all
from tests.test_telegram_moderation import OTHER_MODERATOR, moderated_bot, moderator, press, upload

ROOT = Path(__file__).resolve().parent.parent
#: The candidate key both documents get in their preview: the seed answers hold the day's generic key.
SHARED_KEY = f"{ANSWERS_KEY}-dijkgraaf-tromp"

_HEAD = (
    "Vragen van het lid Van Amerongen (D66) aan de Minister van Buitenlandse Zaken over {subject} "
    "(ingezonden {sent} juni 2021).\n\n"
    "Antwoord van Minister Dijkgraaf-Tromp (Buitenlandse Zaken) (ontvangen 16 juli 2021).\n\n"
)
#: Two different answer sets received on 16 July 2021 from the same (fictional) minister.
FIRST = _HEAD.format(subject="Belarussische journalisten in Polen", sent="3") + (
    "Vraag 1\nHoeveel Belarussische journalisten werken sinds 2020 vanuit Polen?\n\n"
    "Antwoord 1\nHet kabinet beschikt niet over precieze aantallen; volgens Poolse organisaties gaat het om "
    "enkele honderden journalisten.\n\n"
    "Vraag 2\nSteunt Nederland hun werk?\n\n"
    "Antwoord 2\nNederland steunt onafhankelijke Belarussische media via het Mensenrechtenfonds.\n"
)
SECOND = _HEAD.format(subject="Belarussische studenten in Litouwen", sent="4") + (
    "Vraag 1\nIs het kabinet bekend met de sluiting van de Europese Humanistische Universiteit voor nieuwe "
    "studenten?\n\n"
    "Antwoord 1\nJa, het kabinet is daarvan op de hoogte en volgt de situatie.\n"
)


def test_the_parsed_documents_share_a_candidate_key() -> None:
    moderation = Moderation(fresh_service())
    keys = {moderation.preview_import(parse_document(raw)).parsed.document.key for raw in (FIRST, SECOND)}
    assert keys == {SHARED_KEY}, "the race needs both previews to choose the same key"


def test_a_key_taken_between_preview_and_save_is_re_chosen_at_the_save() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    first = moderation.preview_import(parse_document(FIRST))
    second = moderation.preview_import(parse_document(SECOND))
    stored_second = moderation.commit_import(second.parsed, "telegram:2")
    assert stored_second.document.key == SHARED_KEY
    stored_first = moderation.commit_import(first.parsed, "telegram:1")  # was: 'already in the store as …'
    key = stored_first.document.key
    assert key not in {SHARED_KEY, ANSWERS_KEY} and key.startswith(f"{ANSWERS_KEY}-"), "the digest key"
    assert {e.key for e in stored_first.entries} == {f"{key}/1", f"{key}/2"}
    assert [e.text for e in service.store.entries(document_key=SHARED_KEY)][0].startswith("Ja, het kabinet")
    with pytest.raises(ModerationError, match=f"already in the store as {key}"):
        moderation.commit_import(first.parsed, "telegram:1")  # the same document again still is refused
    with pytest.raises(ModerationError, match=f"already in the store as {SHARED_KEY}"):
        moderation.commit_import(parse_document(SECOND), "telegram:2")


async def test_telegram_two_moderators_interleaved_both_documents_are_saved() -> None:
    async with moderated_bot() as bot:
        english, dutch = moderator(bot), bot.api.user(OTHER_MODERATOR, "Mod2", language_code="nl")
        preview_a = await upload(bot, english, "a.txt", FIRST.encode())
        preview_b = await upload(bot, dutch, "b.txt", SECOND.encode())
        assert f"Key: {SHARED_KEY}" in preview_a["visible_text"]
        assert f"Sleutel: {SHARED_KEY}" in preview_b["visible_text"]
        [done_b] = await press(bot, dutch, preview_b, "m:ok")
        assert done_b["visible_text"] == NL.import_done.format(key=SHARED_KEY, entries=NL.entries(1))
        [done_a] = await press(bot, english, preview_a, "m:ok")
        [document] = [d for d in bot.service.store.documents() if d.key not in {SHARED_KEY, ANSWERS_KEY}][-1:]
        assert document.key.startswith(f"{ANSWERS_KEY}-")
        done = EN.import_done.format(key=document.key, entries=EN.entries(2))
        rekeyed = IMPORT_EN.rekeyed.format(previewed=SHARED_KEY, key=document.key)
        assert done_a["visible_text"] == f"{done}\n{rekeyed}"
        assert len(bot.service.store.entries(document_key=document.key)) == 2
        assert len(bot.service.store.entries(document_key=SHARED_KEY)) == 1
        # the Dutch moderator saving the first document again is refused once, by content
        again = await upload(bot, dutch, "a.txt", FIRST.encode())
        assert again["visible_text"] == NL.not_saved.format(reason=NL.reason(_exists(document.key)))
        assert IMPORT_NL.rekeyed.format(previewed=SHARED_KEY, key=document.key) not in again["visible_text"]


def _exists(key: str) -> ModerationError:
    from knowledge.reasons import Reason

    return ModerationError(Reason.ALREADY_IN_STORE, key=key)


def test_parallel_command_line_imports_store_both_and_refuse_the_same_document_once(
    database: Path, tmp_path: Path
) -> None:
    """`import a & import b & import a & wait`: both documents stored, one refusal (the second copy of
    a), never a refusal of b; each run ends in one line or two, never a traceback."""
    files = {}
    for name, raw in (("a", FIRST), ("b", SECOND)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(raw, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "MODERATOR_IDS")}
    env.update(PYTHONPATH=str(ROOT), DATA_DIR=str(tmp_path / "data"))
    order = ["a", "b", "a"]
    processes = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "run_bot.py"), "--database", str(database), "import", str(files[name])],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for name in order
    ]
    results = wait_all(processes)
    assert all("Traceback" not in err and "locked" not in err for _, _, err in results), results
    refused = [(name, err) for name, (code, _, err) in zip(order, results, strict=True) if code != 0]
    assert len(refused) == 1 and refused[0][0] == "a" and "already in the store" in refused[0][1], results
    store = Store.open(database)
    try:
        texts = {d.key: [e.text for e in store.entries(document_key=d.key)] for d in store.documents()}
    finally:
        store.close()
    stored = [key for key in texts if key.startswith(f"{ANSWERS_KEY}-")]
    assert len(stored) == 2, texts
    assert sorted(len(texts[key]) for key in stored) == [1, 2], "each document once, with all its entries"
    for code, out, _ in results:
        if code:
            continue
        lines = out.splitlines()
        previewed = lines[0].split(":")[0]
        [key] = [line.split()[1] for line in lines if line.startswith("Imported: ")]
        told = IMPORT_EN.rekeyed.format(previewed=previewed, key=key)
        assert (told in lines) == (key != previewed), out
