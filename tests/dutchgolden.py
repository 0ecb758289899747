"""Dutch askers' replies as they were before translations existed: what test_telegram_dutch_unchanged
compares with, byte for byte. Regenerate (only on purpose) with: python tests/dutchgolden.py"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from botharness import RunningBot  # noqa: E402
from telegramkit import MELDPUNT, SANCTIONS, UNRELATED, VAGUE, callback_data, shipped_bot  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "data" / "dutch_replies.json"
QUESTIONS = [
    MELDPUNT,
    SANCTIONS,
    VAGUE,
    UNRELATED,
    "Wat doet Nederland voor de Belarussische oppositie en het maatschappelijk middenveld?",
    "Hoe omschrijft u in het algemeen de veiligheid van Belarussen in Nederland?",
]
GROUP = -1001234567890


def _shown(message: dict[str, Any]) -> dict[str, Any]:
    return {"text": message["text"], "reply_markup": message.get("reply_markup")}


async def dutch_replies(bot: RunningBot) -> dict[str, Any]:
    user = bot.api.user(1001, "Anna", language_code="nl")
    private: list[Any] = []
    for question in QUESTIONS:
        replies = await bot.ask(user, question)
        private.append([_shown(r) for r in replies])
        pressed = [d for d in callback_data(replies[-1]) if d.startswith("e:")]
        if pressed:  # the first suggestion, related question or earlier position, as a Dutch asker sees it
            bot.api.press_button(user, replies[-1], pressed[0])
            [shown] = await bot.api.wait_for_messages(user["id"], 1)
            private.append([_shown(shown)])
    group = bot.api.group_chat(GROUP, "Belarus NL")
    bot.api.send_text(user, f"/ask {SANCTIONS}", chat=group)
    [in_group] = await bot.api.wait_for_messages(GROUP, 1)
    inline: list[Any] = []
    for query in (MELDPUNT, VAGUE):
        bot.api.inline_query(user, query)
        call = await bot.api.wait_for(lambda c, q=query: c.method == "answerInlineQuery" and c not in seen)
        seen.append(call)
        inline.append(call.params["results"])
    return {"private": private, "group": _shown(in_group), "inline": inline}


seen: list[Any] = []


def golden_bot() -> Any:
    """The shipped bot, with room in the flood limit for the dozen updates of one recording."""
    return shipped_bot(flood_max_messages=50)


async def _main() -> None:
    async with golden_bot() as bot:
        data = await dutch_replies(bot)
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    asyncio.run(_main())
