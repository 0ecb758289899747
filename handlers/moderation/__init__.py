"""The moderators' side of the bot: every handler here checks MODERATOR_IDS itself."""
