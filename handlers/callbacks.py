"""Callback data of inline buttons: short, versioned by shape, and never trusted.

Telegram returns whatever a client sends, so every press is parsed against these shapes; anything
else (forged, stale, from an older version) is refused politely by the handler.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel
from telegram.constants import InlineKeyboardButtonLimit

Action = Literal["entry", "feedback", "source_of", "topics", "language", "sources"]

_SHAPES: dict[str, tuple[Action, re.Pattern[str]]] = {
    "e": ("entry", re.compile(r"^e:(\d{1,9})(?::(en|ru|be))?$")),
    "f": ("feedback", re.compile(r"^f:(\d{1,9}):([01])$")),
    "r": ("source_of", re.compile(r"^r:(\d{1,9})$")),
    "t": ("topics", re.compile(r"^t:(\d{1,9}):(\d{1,4})$")),
    "l": ("language", re.compile(r"^l:(nl|en|ru|be)$")),
    "S": ("sources", re.compile(r"^S:$")),
}


class Callback(BaseModel):
    action: Action
    number: int = 0
    page: int = 0
    flag: bool = False
    language: str = ""


def decode(data: str | None) -> Callback | None:
    """The button's meaning, or None for anything that is not exactly one of our shapes."""
    if not data or len(data) > InlineKeyboardButtonLimit.MAX_CALLBACK_DATA:
        return None
    shape = _SHAPES.get(data[0])
    if shape is None:
        return None
    action, pattern = shape
    m = pattern.match(data)
    if not m:
        return None
    groups = m.groups()
    if action == "language":
        return Callback(action=action, language=groups[0])
    if action == "sources":
        return Callback(action=action)
    number = int(groups[0])
    if action == "entry":
        return Callback(action=action, number=number, language=groups[1] or "")
    if action == "feedback":
        return Callback(action=action, number=number, flag=groups[1] == "1")
    if action == "topics":
        return Callback(action=action, number=number, page=int(groups[1]))
    return Callback(action=action, number=number)


def entry(entry_id: int, language: str = "nl") -> str:
    """Show an entry; for an asker of another language than Dutch, in that language (Dutch: no suffix)."""
    return f"e:{entry_id}" if language == "nl" else f"e:{entry_id}:{language}"


def feedback(entry_id: int, helpful: bool) -> str:
    return f"f:{entry_id}:{int(helpful)}"


def source_of(entry_id: int) -> str:
    """The '📄 Source' button: the document an entry comes from, with its other entries."""
    return f"r:{entry_id}"


def topics(document_id: int = 0, page: int = 0) -> str:
    return f"t:{document_id}:{page}"


def language(code: str) -> str:
    return f"l:{code}"


def sources() -> str:
    return "S:"
