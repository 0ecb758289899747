"""Settings from the environment and `.env`, validated once at start and passed in (no globals)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

InterfaceLanguage = Literal["nl", "en", "ru", "be"]
_TOKEN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
DATABASE_FILE = "standpunt.sqlite3"


class SettingProblem(BaseModel):
    """One invalid setting: its name and what is wrong, as a code the staff texts word in each language
    (interface/texts/staff.py, SETTING_PROBLEMS) and the few values the wording needs (never the value given)."""

    model_config = ConfigDict(frozen=True)

    setting: str
    problem: str
    values: dict[str, str] = {}


class SettingsError(Exception):
    """Invalid settings, described by setting name only: values (the token!) are never echoed.
    `language` is DEFAULT_LANGUAGE when that setting itself is valid, to word the problems in."""

    def __init__(self, message: str, problems: tuple[SettingProblem, ...] = (), language: str | None = None) -> None:
        super().__init__(message)
        self.problems = problems
        self.language = language


def _problem(code: str, english: str, **values: object) -> PydanticCustomError:
    """A validation error with a code of ours (the type) and the English words (the message)."""
    return PydanticCustomError(f"setting_{code}", english, values or None)


def _check_address(value: str, *, code: str = "url") -> None:
    """An http(s) address with a host and a valid port: PTB and aiohttp would fail on anything else
    only later, at the first request, with a traceback instead of a line naming the setting."""
    if not re.match(r"^https?://[^\s]+$", value):
        raise _problem(code, "must be an http:// or https:// address")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        raise _problem(code, "must be an http:// or https:// address") from None
    if not parts.hostname or any(ch in parts.netloc for ch in "<>\"{}|^`"):
        raise _problem(code, "must be an http:// or https:// address")


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
            if not re.match(r"^https?://[^\s/]+", value):
                raise _problem("https", "must be an https:// address")
            _check_address(value, code="https")
            host = (urlsplit(value).hostname or "").lower()
            if value.startswith("http://") and host not in {"127.0.0.1", "localhost"}:
                raise _problem("https_local", "must use https:// (plain http only for a server on 127.0.0.1)")
        elif value is not None:
            raise _problem("https", "must be an https:// address")
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
            raise _problem("token", "does not look like a bot token from @BotFather (digits, a colon, then 30+ characters)")
        return SecretStr(value.get_secret_value().strip()) if value else None

    @field_validator("moderator_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in re.split(r"[,\s]+", value.strip()) if p]
            if not all(re.fullmatch(r"\d{1,20}", p) for p in parts):
                raise _problem("ids", "must be Telegram user ids (numbers) separated by commas")
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
            _check_address(value)
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
                raise _problem(
                    "file_url_needed",
                    "TELEGRAM_BASE_FILE_URL is required when TELEGRAM_BASE_URL has no /bot to derive it from",
                    setting="TELEGRAM_BASE_FILE_URL",
                )
            self.telegram_base_file_url = f"{head}/file/bot{tail}"
        return self

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret_token is None:
            raise _problem(
                "secret_needed", "WEBHOOK_SECRET_TOKEN is required when WEBHOOK_URL is set", setting="WEBHOOK_SECRET_TOKEN"
            )
        secret = self.webhook_secret_token.get_secret_value() if self.webhook_secret_token else ""
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise _problem(
                "secret_chars",
                "WEBHOOK_SECRET_TOKEN may only hold letters, digits, _ and - (at most 256)",
                setting="WEBHOOK_SECRET_TOKEN",
            )
        return self

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def webhook_enabled(self) -> bool:
        return self.webhook_url is not None


class _LanguageOnly(BaseSettings):
    """DEFAULT_LANGUAGE alone, read the way Settings reads it: the language to word the other settings' problems in."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    default_language: InterfaceLanguage = "nl"


#: pydantic's own error types, by the problem code the staff texts word.
_PYDANTIC_PROBLEMS = {
    "literal_error": "choice", "enum": "choice",
    "int_parsing": "integer", "int_type": "integer", "int_from_float": "integer",
    "float_parsing": "number", "float_type": "number",
    "bool_parsing": "yes_no", "bool_type": "yes_no",
    "greater_than_equal": "at_least", "greater_than": "more_than", "less_than_equal": "at_most", "less_than": "less_than",
    "string_type": "text", "path_type": "text",
}


def _setting_problem(item: Mapping[str, Any]) -> SettingProblem:
    """One pydantic error as a SettingProblem: the setting's name, a code, and the limits or choices (not the input)."""
    context = dict(item.get("ctx") or {})
    kind = str(item["type"])
    name = str(context.pop("setting", "")) or ".".join(str(part) for part in item["loc"]).upper() or "SETTINGS"
    if kind.startswith("setting_"):
        return SettingProblem(setting=name, problem=kind.removeprefix("setting_"))
    problem = _PYDANTIC_PROBLEMS.get(kind, "other")
    limit = next((str(context[key]) for key in ("ge", "gt", "le", "lt") if key in context), None)
    values = {"limit": limit} if limit is not None else {}
    if problem == "choice":
        values["choices"] = ", ".join(re.findall(r"'([^']*)'", str(context.get("expected", "")))) or "?"
    return SettingProblem(setting=name, problem=problem, values=values)


def _configured_language() -> str | None:
    """DEFAULT_LANGUAGE, if it is itself valid (and .env readable), else None."""
    try:
        return _LanguageOnly().default_language
    except (ValidationError, UnicodeDecodeError, OSError):
        return None


def load_settings(**overrides: object) -> Settings:
    """Read and validate the settings; errors name the setting, never its value."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except UnicodeDecodeError:
        problem = SettingProblem(setting=".env", problem="env_encoding")
        raise SettingsError("invalid setting .env: is not UTF-8 text", (problem,)) from None
    except ValidationError as error:
        items = error.errors()
        problems = tuple(_setting_problem(item) for item in items)
        english = "; ".join(f"{p.setting}: {item['msg']}" for p, item in zip(problems, items, strict=True))
        raise SettingsError("invalid setting " + english, problems, _configured_language()) from None
