"""Read Bot API parameters from a request the way Telegram does: query string, JSON or form body.

PTB 22 (HTTPXRequest) posts ``application/x-www-form-urlencoded`` with every non-string value
JSON-encoded (``reply_markup='{"inline_keyboard": ...}'``, ``chat_id='42'``), and switches to
``multipart/form-data`` with the same text fields plus file parts when it uploads something.
Here both shapes, and plain JSON bodies, come out as one dict of Python values.
"""

from __future__ import annotations

import json
import re
from typing import Any

from aiohttp import web

from .errors import bad_request
from .records import UploadedFile

JSON_FIELDS = frozenset(
    {
        "reply_markup", "entities", "caption_entities", "results", "commands", "scope",
        "allowed_updates", "reply_parameters", "link_preview_options", "button", "media",
        "options", "explanation_entities", "rights", "menu_button", "message_ids", "reaction",
        "input_message_content", "prices", "text_entities",
    }
)
INT_FIELDS = frozenset(
    {
        "chat_id", "from_chat_id", "message_id", "offset", "limit", "timeout", "cache_time",
        "user_id", "message_thread_id", "reply_to_message_id", "until_date", "duration",
        "width", "height", "max_connections",
    }
)
BOOL_FIELDS = frozenset(
    {
        "disable_notification", "protect_content", "show_alert", "is_personal",
        "drop_pending_updates", "disable_web_page_preview", "allow_sending_without_reply",
        "disable_content_type_detection", "has_spoiler", "revoke", "allow_paid_broadcast",
        "for_channels", "show_caption_above_media",
    }
)
_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


async def read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Merge query string and body into normalised parameters, and collect uploaded files."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.content_type == "application/json":
        raw.update(await _json_body(request))
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[name] = _uploaded(name, value)
            else:
                raw[name] = value
    return {name: normalise(name, value) for name, value in raw.items()}, files


async def _json_body(request: web.Request) -> dict[str, Any]:
    """A JSON object body ({} when empty)."""
    text = await request.text()
    if not text.strip():
        return {}
    try:
        body = json.loads(text)
    except ValueError:
        raise bad_request("can't parse JSON body") from None
    if not isinstance(body, dict):
        raise bad_request("JSON body must be an object")
    return body


def _uploaded(name: str, part: web.FileField) -> UploadedFile:
    """An UploadedFile from a multipart file part."""
    return UploadedFile(name, part.filename, part.file.read(), part.content_type)


def normalise(name: str, value: Any) -> Any:
    """Give a parameter its Bot API type (form fields arrive as strings)."""
    if not isinstance(value, str):
        return value
    if name in JSON_FIELDS:
        return _json_field(name, value)
    if name in INT_FIELDS:
        return _number_field(name, value)
    if name in BOOL_FIELDS:
        return _bool_field(name, value)
    return value


def _json_field(name: str, value: str) -> Any:
    """Decode a JSON-serialised field."""
    try:
        return json.loads(value)
    except ValueError:
        what = "reply keyboard markup" if name == "reply_markup" else name
        raise bad_request(f"can't parse {what} JSON object") from None


def _number_field(name: str, value: str) -> int | float | str:
    """Integer (or float) fields; chat_id may also be an @username."""
    if _INTEGER.fullmatch(value.strip()):
        return int(value)
    if _NUMBER.fullmatch(value.strip()):
        return float(value)
    if name == "chat_id":
        return value
    raise bad_request(f"wrong parameter {name} in request")


def _bool_field(name: str, value: str) -> bool:
    """Booleans as Telegram accepts them in forms."""
    lowered = value.strip().lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0", ""):
        return False
    raise bad_request(f"wrong parameter {name} in request")
