"""/start promises a link to the official text only where it is known (user tester F1): the 16 July
2021 answers have no known official id or link (knowledge/sources/documents.yaml), and none is made
up. An answer without a link says so, and where the text is to be found as far as its citation knows:
its reference, else its kind and date with no official number known."""

from __future__ import annotations

import pytest
from telegramkit import MELDPUNT, shipped_bot
from test_console import chat

from handlers.render import render_match_messages
from interface.plain import render_match_plain
from interface.texts import LANGUAGES, texts_for
from interface.texts.markup import html_to_plain
from knowledge.service import AnswerService

#: What each /start says of the link now: under an answer, where it is known.
WHERE_KNOWN = {
    "nl": "link naar de officiële tekst, waar die bekend is",
    "en": "links to the official text where the link is known",
    "ru": "ссылка на официальный текст, если она известна",
    "be": "спасылка на афіцыйны тэкст, калі яна вядомая",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_start_promises_the_link_only_where_it_is_known(code: str) -> None:
    out = chat(f"/language {code}", "/start")
    start = html_to_plain(texts_for(code).start)
    assert start in out and WHERE_KNOWN[code] in start


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_answer_links_to_the_official_text_or_says_no_link_is_known(service: AnswerService, code: str) -> None:
    texts = texts_for(code)
    unlinked = 0
    for entry in service.store.entries():
        match = service.entry_match(entry.id or 0, language=code)
        telegram = "\n\n".join(render_match_messages(match, texts))
        shown = [render_match_plain(match, texts), html_to_plain(telegram)]
        document = service.document(entry.document_key)
        if document.url:
            assert document.url in shown[0] and f'href="{document.url}"' in telegram
            assert all(texts.no_link.split("{")[0] not in text for text in shown)
            continue
        unlinked += 1
        assert document.official_id is None and document.citation is None, "the shipped store as the test expects"
        where = f"{texts.date(document.date)} ({texts.no_number})" if document.date else texts.no_number
        for text in shown:
            assert texts.no_link.split("{")[0] in text and where in text, entry.key
            assert "officielebekendmakingen" not in text and "kst-" not in text, "no link or id is made up"
    assert unlinked == 6, "the six answers of 16 July 2021"


async def test_telegram_answer_without_a_link_says_where_the_text_is_to_be_found() -> None:
    async with shipped_bot() as bot:
        [reply] = await bot.ask(bot.api.user(1001, "Anna"), MELDPUNT)
        nl = texts_for("nl")
        expected = nl.no_link.format(where=f"Antwoord op Kamervragen, 16 juli 2021 ({nl.no_number})")
        assert expected in reply["visible_text"]
        assert not any(e["type"] == "text_link" for e in reply["message"].get("entities", []))
