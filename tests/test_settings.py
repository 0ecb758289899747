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


# --- what the command line prints for a setting that is not valid (issue 13) ---------------------------


def _start(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from bot.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "value", "language", "expected"),
    [
        ("TELEGRAM_BASE_URL", "ftp://127.0.0.1/bot", "nl", "fout: ongeldige instelling TELEGRAM_BASE_URL: moet een http://"),
        ("TELEGRAM_BASE_URL", "http://[::1/bot", "ru", "ошибка: неверная настройка TELEGRAM_BASE_URL: должен быть адрес"),
        ("TELEGRAM_BASE_URL", "http://127.0.0.1:99999/bot", "be", "памылка: няправільная налада TELEGRAM_BASE_URL:"),
        ("TELEGRAM_BASE_URL", "https://", "en", "error: invalid setting TELEGRAM_BASE_URL: must be an http://"),
        ("PUBLICATIONS_BASE_URL", "http://zoek.example.org", "nl", "PUBLICATIONS_BASE_URL: moet https:// gebruiken"),
        ("PUBLICATIONS_BASE_URL", "zoek.officielebekendmakingen.nl", "ru", "PUBLICATIONS_BASE_URL: должен быть адрес https://"),
        ("DEFAULT_LANGUAGE", "de", "be", "DEFAULT_LANGUAGE: павінна быць адным з: nl, en, ru, be"),
        ("MODERATOR_IDS", "12, anna", "nl", "MODERATOR_IDS: moeten Telegram-gebruikers-id's (getallen) zijn"),
        ("WEBHOOK_PORT", "negentig", "ru", "WEBHOOK_PORT: должно быть целым числом"),
        ("MAX_QUESTION_LENGTH", "5", "nl", "MAX_QUESTION_LENGTH: moet minstens 20 zijn"),
        ("RATE_LIMITER", "misschien", "en", "RATE_LIMITER: must be true or false"),
    ],
)
def test_an_invalid_setting_is_one_line_in_the_language_without_its_value(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, value: str, language: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    code, out, err = _start(capsys, "--language", language, "stats")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and expected in err, err
    assert "Input should" not in err and "Value error" not in err and "pydantic" not in err, "pydantic's own English"
    assert len(value) <= 8 or value not in err, "the value given is never echoed"


def test_every_setting_problem_is_worded_in_every_language() -> None:
    import ast
    import inspect

    import bot.settings
    from interface.texts.staff import SETTING_PROBLEMS, staff_texts

    source = inspect.getsource(bot.settings)
    raised = {node.args[0].value for node in ast.walk(ast.parse(source))
              if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_problem"
              and isinstance(node.args[0], ast.Constant)}
    mapped = set(bot.settings._PYDANTIC_PROBLEMS.values()) | {"env_encoding", "other"}
    assert raised and raised | mapped <= set(SETTING_PROBLEMS)
    for language in ("nl", "en", "ru", "be"):
        assert set(staff_texts(language).setting_problems) == set(SETTING_PROBLEMS)


def test_the_token_is_never_shown_in_any_language(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "987654321:geheim")
    monkeypatch.setenv("MODERATOR_IDS", "x")
    for language in ("nl", "en", "ru", "be"):
        code, _, err = _start(capsys, "--language", language)
        assert code == 1 and err.count("\n") == 1
        assert "TELEGRAM_BOT_TOKEN" in err and "MODERATOR_IDS" in err and "; " in err
        assert "987654321" not in err and "geheim" not in err


def test_without_language_the_bot_words_settings_in_default_language_and_staff_commands_in_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEFAULT_LANGUAGE", "ru")
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/standpunt")
    _, _, err = _start(capsys, "--console")
    assert err.startswith("ошибка: неверная настройка WEBHOOK_SECRET_TOKEN: нужен, если задан WEBHOOK_URL")
    _, _, err = _start(capsys, "ask", "sancties")
    assert err.startswith("ошибка:")
    _, _, err = _start(capsys, "stats")
    assert err.startswith("error: invalid setting WEBHOOK_SECRET_TOKEN: is needed when WEBHOOK_URL is set")
    monkeypatch.setenv("DEFAULT_LANGUAGE", "fr")  # itself invalid: English, and it is named
    _, _, err = _start(capsys, "--console")
    assert err.startswith("error: invalid setting DEFAULT_LANGUAGE: must be one of nl, en, ru, be")


def test_a_dotenv_that_is_not_utf8_is_one_line_not_a_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"TELEGRAM_BASE_URL=\xff\xfe\n")
    code, out, err = _start(capsys, "--language", "nl", "stats")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("fout: ongeldige instelling .env: het bestand is geen UTF-8-tekst")


@pytest.mark.parametrize("value", ["http://127.0.0.1:8081/bot", "https://api.example.org:8443/tg/bot", "http://localhost:8081"])
def test_valid_base_urls_still_pass_the_stricter_check(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("TELEGRAM_BASE_URL", value)
    assert load_settings().telegram_base_url is not None
