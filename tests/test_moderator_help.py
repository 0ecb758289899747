"""/help lists the moderator commands for moderators, in their language, and for nobody else (user report F23)."""

from __future__ import annotations

from test_telegram_moderation import moderated_bot, moderator, send, user

from handlers.moderation.access import MODERATOR_COMMANDS
from interface.texts.moderator import EN


async def test_a_moderators_help_lists_the_moderator_commands_and_a_users_does_not() -> None:
    async with moderated_bot() as bot:
        [shown] = await send(bot, moderator(bot), "/help")
        assert EN.help_moderator_heading in shown["visible_text"]
        for name in MODERATOR_COMMANDS:
            assert f"/{name} — {getattr(EN, f'command_{name}')}" in shown["visible_text"]
        [other] = await bot.ask(user(bot), "/help")
        assert "/import" not in other["visible_text"] and "/edit" not in other["visible_text"]
        assert EN.help_moderator_heading not in other["visible_text"]
