"""Settings from the environment and `.env`, validated once at start and passed in (no globals)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

InterfaceLanguage = Literal["nl", "en", "ru", "be"]
_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
DATABASE_FILE = "standpunt.sqlite3"


class SettingsError(Exception):
    """Invalid settings, described by setting name only: values (the token!) are never echoed."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str | None = Field(default=None, description="e.g. http://127.0.0.1:8081/bot")
    telegram_base_file_url: str | None = None
    moderator_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    data_dir: Path = Path("data")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    default_language: InterfaceLanguage = "nl"

    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret_token: SecretStr | None = None

    rate_limiter: bool = True
    max_question_length: int = Field(default=1500, ge=20, le=4000)
    max_upload_bytes: int = Field(default=5_000_000, ge=1_000, le=20_000_000)
    review_retention_days: int = Field(default=90, ge=1, le=3650)
    flood_max_messages: int = Field(default=8, ge=1, le=1000)
    flood_window_seconds: float = Field(default=30.0, gt=0, le=3600)
    inline_debounce_seconds: float = Field(default=0.35, ge=0, le=5)
    publications_base_url: str = Field(
        default="https://zoek.officielebekendmakingen.nl",
        description="Where `/import <id or link>` fetches official XML; HTTPS, except a test server on 127.0.0.1.",
    )
    publications_timeout_seconds: float = Field(default=15.0, gt=0, le=120)

    @field_validator("publications_base_url", mode="before")
    @classmethod
    def _publications_over_https(cls, value: object) -> object:
        """Official texts come over HTTPS; plain HTTP only to this machine (the tests' fake server)."""
        if isinstance(value, str):
            value = value.strip().rstrip("/")
            host = re.sub(r"^https?://", "", value).split("/")[0].split(":")[0].lower()
            if not re.match(r"^https?://[^\s/]+", value):
                raise ValueError("must be an https:// address")
            if value.startswith("http://") and host not in {"127.0.0.1", "localhost"}:
                raise ValueError("must use https:// (plain http only for a server on 127.0.0.1)")
        return value

    @field_validator("telegram_bot_token", "webhook_secret_token", mode="before")
    @classmethod
    def _empty_secret_is_none(cls, value: object) -> object:
        """`TOKEN=` left empty in .env means not set (an empty webhook secret would protect nothing)."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _TOKEN.match(value.get_secret_value().strip()):
            raise ValueError("does not look like a bot token from @BotFather (digits, a colon, then 30+ characters)")
        return SecretStr(value.get_secret_value().strip()) if value else None

    @field_validator("moderator_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in re.split(r"[,\s]+", value.strip()) if p]
            if not all(re.fullmatch(r"\d{1,20}", p) for p in parts):
                raise ValueError("must be Telegram user ids (numbers) separated by commas")
            return frozenset(int(p) for p in parts)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("telegram_base_url", "telegram_base_file_url", "webhook_url", mode="before")
    @classmethod
    def _url_or_none(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if not re.match(r"^https?://[^\s]+$", value):
                raise ValueError("must be an http:// or https:// address")
        return value

    @field_validator("telegram_base_url")
    @classmethod
    def _base_url_ends_in_bot(cls, value: str | None) -> str | None:
        """PTB appends the token to this address, so it must end in /bot (unless it places {token} itself)."""
        if value is None or "{token}" in value:
            return value
        value = value.rstrip("/")
        return value if value.endswith("/bot") else value + "/bot"

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level_in_capitals(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _file_url_follows_base_url(self) -> Settings:
        """Files live next to the methods: .../bot<token> serves .../file/bot<token>."""
        if self.telegram_base_url and not self.telegram_base_file_url:
            head, found, tail = self.telegram_base_url.rpartition("/bot")
            if not found:
                raise ValueError("TELEGRAM_BASE_FILE_URL is required when TELEGRAM_BASE_URL has no /bot to derive it from")
            self.telegram_base_file_url = f"{head}/file/bot{tail}"
        return self

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret_token is None:
            raise ValueError("WEBHOOK_SECRET_TOKEN is required when WEBHOOK_URL is set")
        secret = self.webhook_secret_token.get_secret_value() if self.webhook_secret_token else ""
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise ValueError("WEBHOOK_SECRET_TOKEN may only hold letters, digits, _ and - (at most 256)")
        return self

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def webhook_enabled(self) -> bool:
        return self.webhook_url is not None


def load_settings(**overrides: object) -> Settings:
    """Read and validate the settings; errors name the setting, never its value."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        problems = []
        for item in error.errors():
            name = ".".join(str(part) for part in item["loc"]).upper() or "settings"
            message = str(item["msg"]).removeprefix("Value error, ")
            problems.append(f"{name}: {message}")
        raise SettingsError("invalid setting " + "; ".join(problems)) from None
