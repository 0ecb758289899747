"""Settings: invalid values stop the start with a message that names the setting, never its value."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings

TOKEN = "123456789:AAH-a-valid-looking-token-0123456789abc"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TELEGRAM_BOT_TOKEN", "geheim-maar-geen-token"),
        ("TELEGRAM_BOT_TOKEN", "12345:kort"),
        ("TELEGRAM_BOT_TOKEN", "123456789:AAH met spaties erin en verder heel lang"),
        ("MODERATOR_IDS", "12, anna"),
        ("LOG_LEVEL", "LUID"),
        ("DEFAULT_LANGUAGE", "de"),
        ("TELEGRAM_BASE_URL", "ftp://127.0.0.1/bot"),
        ("WEBHOOK_PORT", "negentig"),
    ],
)
def test_invalid_setting_is_named_and_its_value_is_not_echoed(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert name in str(raised.value)
    assert value not in str(raised.value)


def test_invalid_token_is_never_echoed_even_next_to_other_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "987654321:short")
    monkeypatch.setenv("MODERATOR_IDS", "x")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert "TELEGRAM_BOT_TOKEN" in message and "MODERATOR_IDS" in message
    assert "987654321" not in message and "short" not in message


def test_webhook_url_without_secret_token_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/standpunt")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "WEBHOOK_SECRET_TOKEN" in str(raised.value)
    assert TOKEN not in str(raised.value)


def test_webhook_url_with_an_empty_secret_token_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/standpunt")
    monkeypatch.setenv("WEBHOOK_SECRET_TOKEN", "")
    with pytest.raises(SettingsError, match="WEBHOOK_SECRET_TOKEN"):
        load_settings()


def test_webhook_secret_with_forbidden_characters_is_refused_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/standpunt")
    monkeypatch.setenv("WEBHOOK_SECRET_TOKEN", "geheim wachtwoord!")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "WEBHOOK_SECRET_TOKEN" in str(raised.value) and "geheim" not in str(raised.value)


def test_valid_settings_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", f"  {TOKEN} ")
    monkeypatch.setenv("MODERATOR_IDS", "12, 34 56")
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/standpunt")
    monkeypatch.setenv("WEBHOOK_SECRET_TOKEN", "s3cret_-token")
    settings = load_settings()
    assert settings.telegram_bot_token is not None and settings.telegram_bot_token.get_secret_value() == TOKEN
    assert TOKEN not in repr(settings), "the token is a secret, also in reprs"
    assert settings.moderator_ids == frozenset({12, 34, 56})
    assert settings.webhook_enabled


def test_log_level_is_accepted_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "warning")
    assert load_settings().log_level == "WARNING"


def test_empty_token_means_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "  ")
    assert load_settings().telegram_bot_token is None


@pytest.mark.parametrize(
    ("base_url", "base", "files"),
    [
        ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        ("http://127.0.0.1:8081/bot/", "http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        ("https://api.example.org/tg/bot", "https://api.example.org/tg/bot", "https://api.example.org/tg/file/bot"),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        ("http://127.0.0.1:8081/bot{token}/test", "http://127.0.0.1:8081/bot{token}/test", "http://127.0.0.1:8081/file/bot{token}/test"),
    ],
)
def test_base_url_gives_the_file_url(monkeypatch: pytest.MonkeyPatch, base_url: str, base: str, files: str) -> None:
    monkeypatch.setenv("TELEGRAM_BASE_URL", base_url)
    settings = load_settings()
    assert (settings.telegram_base_url, settings.telegram_base_file_url) == (base, files)


def test_base_url_with_token_placeholder_and_no_bot_needs_an_explicit_file_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BASE_URL", "http://127.0.0.1:8081/api/{token}")
    with pytest.raises(SettingsError, match="TELEGRAM_BASE_FILE_URL"):
        load_settings()


def test_explicit_file_url_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BASE_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("TELEGRAM_BASE_FILE_URL", "http://files.example.org/file/bot")
    assert load_settings().telegram_base_file_url == "http://files.example.org/file/bot"


def test_dotenv_in_the_working_directory_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        f"TELEGRAM_BOT_TOKEN={TOKEN}\nMODERATOR_IDS=7,8\nDEFAULT_LANGUAGE=ru\nREVIEW_RETENTION_DAYS=30\n", encoding="utf-8"
    )
    settings = load_settings()
    assert settings.telegram_bot_token is not None and settings.telegram_bot_token.get_secret_value() == TOKEN
    assert settings.moderator_ids == frozenset({7, 8})
    assert (settings.default_language, settings.review_retention_days) == ("ru", 30)


def test_environment_overrides_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("DEFAULT_LANGUAGE=ru\n", encoding="utf-8")
    monkeypatch.setenv("DEFAULT_LANGUAGE", "en")
    assert load_settings().default_language == "en"


def test_invalid_token_in_dotenv_is_named_not_echoed(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=mijn-geheime-waarde\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "TELEGRAM_BOT_TOKEN" in str(raised.value) and "mijn-geheime-waarde" not in str(raised.value)


def test_data_dir_places_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "elders"))
    assert load_settings().database_path == tmp_path / "elders" / "standpunt.sqlite3"
