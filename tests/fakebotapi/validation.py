"""Checks the fake applies to parameters, with the error texts Telegram uses for them."""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import bad_request
from .telegram_html import parse_telegram_html, utf16_len

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_ANSWER_LIMIT = 200
CALLBACK_DATA_BYTES = 64
INLINE_RESULTS_LIMIT = 50
BUTTONS_LIMIT = 100
BUTTON_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)
SCOPES = {
    "default": (), "all_private_chats": (), "all_group_chats": (), "all_chat_administrators": (),
    "chat": ("chat_id",), "chat_administrators": ("chat_id",), "chat_member": ("chat_id", "user_id"),
}
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    }
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE = re.compile(r"[a-z]{2}")
_URL = re.compile(r"(https?|tg)://\S+", re.IGNORECASE)


def formatted_text(text: Any, parse_mode: Any, *, caption: bool = False) -> tuple[str, list[dict[str, Any]]]:
    """Parse a message text or caption: (visible text, entities), or raise Telegram's 400."""
    if text is None and caption:
        return "", []
    if not isinstance(text, str):
        raise bad_request("message text is empty")
    visible, entities = _apply_parse_mode(text, parse_mode)
    if not caption and not visible.strip():
        raise bad_request("message text is empty")
    if caption and utf16_len(visible) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    if not caption and utf16_len(visible) > MESSAGE_LIMIT:
        raise bad_request("message is too long")
    return visible, entities


def _apply_parse_mode(text: str, parse_mode: Any) -> tuple[str, list[dict[str, Any]]]:
    """HTML is parsed and checked; Markdown modes pass through unchecked."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        try:
            return parse_telegram_html(text)
        except ValueError as error:
            raise bad_request(f"can't parse entities: {error}") from None
    if mode in ("", "markdown", "markdownv2"):
        return text, []
    raise bad_request(f"unsupported parse_mode {parse_mode!r}")


def reply_markup(markup: Any) -> dict[str, Any] | None:
    """Validate any reply_markup; return it (as a dict) or None."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        inline_keyboard(markup)
    elif "keyboard" in markup:
        _reply_keyboard(markup["keyboard"])
    elif not (markup.get("remove_keyboard") or markup.get("force_reply")):
        return None  # e.g. {} from an empty InlineKeyboardMarkup: Telegram treats it as no markup
    return markup


def inline_keyboard(markup: Any) -> None:
    """Rows of buttons, each with text and exactly one action; callback_data 1-64 bytes."""
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard markup: field \"inline_keyboard\" must be an Array of Arrays")
    if sum(len(row) for row in rows) > BUTTONS_LIMIT:
        raise bad_request("BUTTONS_TOO_MUCH")
    for row in rows:
        for button in row:
            inline_button(button)


def inline_button(button: Any) -> None:
    """One InlineKeyboardButton."""
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
    if not button["text"].strip():
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    actions = [name for name in BUTTON_ACTIONS if button.get(name) is not None]
    if not actions:
        raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise bad_request(f"can't parse inline keyboard button: exactly one of the optional fields must be used, got {actions}")
    if "callback_data" in actions:
        _callback_data(button["callback_data"])
    if "url" in actions and not _URL.fullmatch(str(button["url"])):
        raise bad_request(f"inline keyboard button URL '{button['url']}' is invalid: Wrong HTTP URL")


def _callback_data(data: Any) -> None:
    """callback_data is a string of 1-64 bytes in UTF-8."""
    if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= CALLBACK_DATA_BYTES:
        raise bad_request("BUTTON_DATA_INVALID")


def _reply_keyboard(rows: Any) -> None:
    """A custom reply keyboard: rows of strings or KeyboardButton objects with text."""
    ok = isinstance(rows, list) and all(isinstance(row, list) for row in rows)
    buttons = [button for row in rows for button in row] if ok else []
    texts = [b if isinstance(b, str) else b.get("text") if isinstance(b, dict) else None for b in buttons]
    if not ok or not all(isinstance(text, str) and text for text in texts):
        raise bad_request("can't parse reply keyboard markup JSON object")


def callback_answer_text(text: Any) -> None:
    """answerCallbackQuery text: at most 200 characters."""
    if text is not None and utf16_len(str(text)) > CALLBACK_ANSWER_LIMIT:
        raise bad_request("MESSAGE_TOO_LONG")


def inline_results(results: Any) -> None:
    """answerInlineQuery results: at most 50, unique ids of 1-64 bytes, valid contents."""
    if not isinstance(results, list):
        raise bad_request("can't parse inline query results JSON object")
    if len(results) > INLINE_RESULTS_LIMIT:
        raise bad_request("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    for result in results:
        result_id = _inline_result_id(result)
        if result_id in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        _inline_result_content(result)


def _inline_result_id(result: Any) -> str:
    """The id of one result, checked."""
    if not isinstance(result, dict) or not isinstance(result.get("type"), str):
        raise bad_request("can't parse inline query result: Field \"type\" must be of type String")
    result_id = result.get("id")
    if not isinstance(result_id, str) or not 1 <= len(result_id.encode("utf-8")) <= 64:
        raise bad_request("RESULT_ID_INVALID")
    return result_id


def _inline_result_content(result: dict[str, Any]) -> None:
    """Article title, input_message_content text and the result's keyboard."""
    if result["type"] == "article":
        if not isinstance(result.get("title"), str) or not result["title"]:
            raise bad_request('can\'t parse inline query result: Field "title" must be of type String')
        if not isinstance(result.get("input_message_content"), dict):
            raise bad_request("can't parse inline query result: input_message_content is required")
    content = result.get("input_message_content")
    if isinstance(content, dict) and "message_text" in content:
        formatted_text(content.get("message_text"), content.get("parse_mode"))
    if "reply_markup" in result:
        inline_keyboard(result["reply_markup"])
    if "caption" in result:
        formatted_text(result.get("caption"), result.get("parse_mode"), caption=True)


def bot_commands(commands: Any) -> list[dict[str, str]]:
    """setMyCommands: at most 100, command 1-32 of [a-z0-9_], description 1-256 characters."""
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND.fullmatch(str(command.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        description = command.get("description")
        if not isinstance(description, str) or not 1 <= utf16_len(description.strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return [{"command": c["command"], "description": c["description"]} for c in commands]


def commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
    """Storage key for a command list: canonical scope JSON and language code."""
    scope = scope or {"type": "default"}
    if not isinstance(scope, dict) or scope.get("type") not in SCOPES:
        raise bad_request("can't parse BotCommandScope JSON object")
    for name in SCOPES[scope["type"]]:
        if not isinstance(scope.get(name), int | str) or scope[name] == "":
            raise bad_request(f"can't parse BotCommandScope JSON object: {name} is required")
    language = language_code or ""
    if language and not _LANGUAGE.fullmatch(str(language)):
        raise bad_request("invalid language code specified")
    canonical = {key: _chat_id(value) for key, value in scope.items()}
    return json.dumps(canonical, sort_keys=True), str(language)


def _chat_id(value: Any) -> Any:
    """Numeric strings become ints, so '42' and 42 name the same chat."""
    return int(value) if isinstance(value, str) and re.fullmatch(r"-?\d+", value) else value


def chat_action(action: Any) -> None:
    """sendChatAction's action must be one of Telegram's."""
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
