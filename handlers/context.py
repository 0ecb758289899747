"""What every handler gets besides the update: typed access to the services and the user's texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from handlers.guard import FloodGuard, InlineDebouncer
from interface.texts import Texts, asker_language, texts_for
from knowledge.service import AnswerService

SERVICES = "services"
LANGUAGE = "language"


@dataclass(frozen=True)
class HandlerSettings:
    """What the handlers need of the settings; bot/ (the composition root) fills it in from its own
    settings, so that handlers never load or import them."""

    moderator_ids: frozenset[int]
    default_language: str
    review_retention_days: int
    max_upload_bytes: int
    publications_base_url: str
    publications_timeout_seconds: float


@dataclass
class BotServices:
    """Created once per application (in post_init) and closed in post_shutdown."""

    settings: HandlerSettings
    answers: AnswerService
    flood: FloodGuard
    #: Inline queries come as the user types, several a second: they count against a budget of their own.
    inline_flood: FloodGuard = field(default_factory=FloodGuard)
    inline: InlineDebouncer = field(default_factory=InlineDebouncer)
    username: str = ""

    def is_moderator(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.moderator_ids


class BotContext(CallbackContext[ExtBot[None], dict[str, Any], dict[str, Any], dict[str, Any]]):
    """Typed shortcuts instead of loose bot_data keys."""

    @property
    def services(self) -> BotServices:
        return self.bot_data[SERVICES]  # type: ignore[no-any-return]

    @property
    def answers(self) -> AnswerService:
        return self.services.answers

    def language(self, update: Update | None, question: str | None = None) -> str:
        """The asker's language (interface.texts.asker_language): the /language choice (kept in memory only),
        else the question's language, else Telegram's language_code, else the default."""
        chosen = self.user_data.get(LANGUAGE) if self.user_data is not None else None
        user = update.effective_user if update else None
        detected = self.answers.question_language(question) if question else None
        client = user.language_code if user else None
        default = self.services.settings.default_language
        return asker_language(chosen, detected.value if detected else None, client, default)

    def texts(self, update: Update | None, question: str | None = None) -> Texts:
        """The interface texts in the asker's language (see `language`)."""
        return texts_for(self.language(update, question))


def services_of(application: Application[Any, Any, Any, Any, Any, Any]) -> BotServices:
    return application.bot_data[SERVICES]  # type: ignore[no-any-return]
