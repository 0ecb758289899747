"""The one factory that builds the Telegram Application from settings (tests build it the same way)."""

from __future__ import annotations

import logging
import urllib.request
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions
from telegram.constants import BotCommandLimit, ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ContextTypes, Defaults
from telegram.request import BaseRequest, HTTPXRequest

from bot.settings import Settings, SettingsError
from handlers.context import SERVICES, BotContext, BotServices, HandlerSettings, services_of
from handlers.guard import FloodGuard, InlineDebouncer
from handlers.moderation.access import MODERATOR_COMMANDS
from handlers.setup import register_handlers
from handlers.telegram_request import AiohttpRequest
from interface.texts import LANGUAGES, Texts, texts_for
from interface.texts.moderator import ModeratorTexts, moderator_texts
from knowledge.service import AnswerService

logger = logging.getLogger(__name__)
#: Updates handled at once, and HTTP connections to the Bot API. Measured (benchmarks/RESULTS.md):
#: httpcore checks every idle connection on every request, so a large pool costs more than it gives.
CONCURRENT_UPDATES = 16
CONNECTION_POOL = 16
#: Seconds a call waits for a free connection of the pool before it fails (TimedOut, not sent).
POOL_TIMEOUT = 10.0
#: The HTTP client under python-telegram-bot, by name (benchmarks/RESULTS.md, "HTTP client": aiohttp
#: costs less CPU per update than PTB's default httpx; both honour the same timeouts and errors).
REQUEST_CLASSES: dict[str, type[AiohttpRequest] | type[HTTPXRequest]] = {
    "aiohttp": AiohttpRequest,
    "httpx": HTTPXRequest,
}
DEFAULT_REQUEST = "aiohttp"
PUBLIC_COMMANDS = ("start", "help", "topics", "sources", "ask", "language", "privacy")
#: The review queue's retention is enforced this often: an item lives at most its days plus this.
REVIEW_PURGE_INTERVAL = 6 * 3600
#: Inline queries a user may make for each message of the flood limit (one per pause in typing).
INLINE_QUERIES_PER_MESSAGE = 5
REVIEW_PURGE_JOB = "purge-review-queue"

BotApplication = Application[Any, BotContext, Any, Any, Any, Any]


def default_http_client() -> str:
    """aiohttp, unless the environment names a proxy: PTB's httpx client honours HTTP(S)_PROXY and
    ALL_PROXY (and NO_PROXY), ours does not, so a deployment that egresses through one keeps working."""
    if urllib.request.getproxies_environment():
        logger.info("A proxy is set in the environment: the bot talks to Telegram through httpx")
        return "httpx"
    return DEFAULT_REQUEST


def build_application(
    settings: Settings, service: AnswerService | None = None, *, http_client: str | None = None
) -> BotApplication:
    """An Application wired to our handlers and services; not started. `http_client` names one of
    REQUEST_CLASSES (the benchmark compares them); by default, default_http_client()."""
    if settings.telegram_bot_token is None:
        raise SettingsError("TELEGRAM_BOT_TOKEN: required to run the Telegram bot")
    request_class = REQUEST_CLASSES[http_client or default_http_client()]
    # As ApplicationBuilder would build them: a pool for calls, one connection for the long poll.
    request: BaseRequest = request_class(connection_pool_size=CONNECTION_POOL, pool_timeout=POOL_TIMEOUT)
    get_updates_request: BaseRequest = request_class(connection_pool_size=1)
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(CONCURRENT_UPDATES)
        .request(request)
        .get_updates_request(get_updates_request)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url).base_file_url(settings.telegram_base_file_url or "")
    if settings.rate_limiter:
        # Pacing only: handlers.sending owns the retries. (PTB types the builder's limiter slot as
        # BaseRateLimiter[None], the limiter as BaseRateLimiter[int].)
        builder = builder.rate_limiter(AIORateLimiter(max_retries=0))  # type: ignore[arg-type]
    application: BotApplication = builder.build()
    answers = service or AnswerService.open(settings.database_path, max_question_length=settings.max_question_length)
    application.bot_data[SERVICES] = BotServices(
        settings=handler_settings(settings),
        answers=answers,
        flood=FloodGuard(limit=settings.flood_max_messages, window=settings.flood_window_seconds),
        inline_flood=FloodGuard(
            limit=settings.flood_max_messages * INLINE_QUERIES_PER_MESSAGE, window=settings.flood_window_seconds
        ),
        inline=InlineDebouncer(delay=settings.inline_debounce_seconds),
    )
    register_handlers(application, settings.moderator_ids)
    return application


def handler_settings(settings: Settings) -> HandlerSettings:
    """The part of the settings the handlers act on."""
    return HandlerSettings(
        moderator_ids=settings.moderator_ids,
        default_language=settings.default_language,
        review_retention_days=settings.review_retention_days,
        max_upload_bytes=settings.max_upload_bytes,
        publications_base_url=settings.publications_base_url,
        publications_timeout_seconds=settings.publications_timeout_seconds,
    )


async def _post_init(application: BotApplication) -> None:
    services = services_of(application)
    services.username = application.bot.username
    await publish_commands(application, services.settings)
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            _purge_review_queue, interval=REVIEW_PURGE_INTERVAL, first=5, name=REVIEW_PURGE_JOB
        )


async def _post_shutdown(application: BotApplication) -> None:
    services_of(application).answers.close()


async def _purge_review_queue(context: BotContext) -> None:
    """Enforce the retention period of the review queue (the store overwrites what it deletes)."""
    days = context.services.settings.review_retention_days
    removed = context.answers.purge_review_queue(days)
    if removed:
        logger.info("Removed %d review items older than %d days", removed, days)


def command_list(texts: Texts, names: tuple[str, ...] = PUBLIC_COMMANDS) -> list[BotCommand]:
    return [BotCommand(name, getattr(texts, f"command_{name}")) for name in names]


def moderator_command_list(texts: ModeratorTexts) -> list[BotCommand]:
    """Moderator commands appear only in moderators' own chats (scoped menus)."""
    return [BotCommand(name, getattr(texts, f"command_{name}")[: BotCommandLimit.MAX_DESCRIPTION]) for name in MODERATOR_COMMANDS]


async def publish_commands(application: BotApplication, settings: HandlerSettings) -> None:
    """setMyCommands for every interface language, and the default for all others."""
    bot = application.bot
    try:
        for code in LANGUAGES:
            await bot.set_my_commands(command_list(texts_for(code)), language_code=code)
        await bot.set_my_commands(command_list(texts_for(settings.default_language)))
        for moderator_id in sorted(settings.moderator_ids):
            scope = BotCommandScopeChat(moderator_id)
            for code in LANGUAGES:
                commands = command_list(texts_for(code)) + moderator_command_list(moderator_texts(code))
                await bot.set_my_commands(commands, scope=scope, language_code=code)
            commands = command_list(texts_for(settings.default_language)) + moderator_command_list(
                moderator_texts(settings.default_language)
            )
            await bot.set_my_commands(commands, scope=scope)
    except TelegramError as error:
        logger.warning("Could not publish the command menus: %s", type(error).__name__)
