"""The smallest end-to-end proof: a question in a private chat gets the official answer and citation."""

from __future__ import annotations

from botharness import running_bot


async def test_private_question_gets_official_answer_with_citation() -> None:
    async with running_bot() as bot:
        user = bot.api.user(1001, "Anna", language_code="nl")
        replies = await bot.ask(user, "Is er een speciaal meldpunt voor Belarussen die zich bedreigd voelen?")
        text = replies[-1]["visible_text"]
        assert "Het kabinet heeft geen speciale meldpunten" in text
        assert "Antwoord op Kamervragen · 16 juli 2021" in text and "Vraag 6" in text
        assert "<b>" in replies[-1]["text"], "the best sentence is in bold"
        buttons = [
            b["callback_data"] for row in replies[-1]["reply_markup"]["inline_keyboard"] for b in row if "callback_data" in b
        ]
        assert any(data.startswith("f:") for data in buttons)
