"""The fake Telegram's world: chats, messages, files, pending updates and command lists."""

from __future__ import annotations

import copy
import itertools
import time
from dataclasses import dataclass
from typing import Any

from .errors import bad_request

JsonDict = dict[str, Any]
UPDATE_TYPES = (
    "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
    "business_message", "edited_business_message", "deleted_business_messages",
    "message_reaction", "message_reaction_count", "inline_query", "chosen_inline_result",
    "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll",
    "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "chat_boost",
    "removed_chat_boost",
)
DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_FOLDERS = {"document": "documents", "photo": "photos", "voice": "voice", "sticker": "stickers"}


def now() -> int:
    """Unix time as Telegram dates are."""
    return int(time.time())


@dataclass(frozen=True)
class StoredFile:
    """A file Telegram 'has': what getFile describes and /file/bot<token>/<path> serves."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    mime_type: str
    file_name: str | None

    def as_file(self) -> JsonDict:
        """The File object getFile returns."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
            "file_path": self.file_path,
        }


class BotState:
    """Everything the fake server remembers between calls."""

    def __init__(self, bot_user: JsonDict) -> None:
        self.bot_user = bot_user
        self.chats: dict[int, JsonDict] = {}
        self.messages: dict[tuple[int, int], JsonDict] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.updates: list[JsonDict] = []
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.callback_queries: dict[str, bool] = {}
        self.inline_queries: dict[str, bool] = {}
        self.allowed_updates: frozenset[str] | None = None
        self.webhook: JsonDict = {}
        self._message_ids: dict[int, int] = {}
        self._update_ids = itertools.count(1)
        self._serials = itertools.count(1)

    def serial(self) -> int:
        """A fresh number for ids of files, queries and so on."""
        return next(self._serials)

    def add_update(self, update: JsonDict) -> int:
        """Queue an update, assigning the next update_id."""
        update_id = next(self._update_ids)
        update["update_id"] = update_id
        self.updates.append(update)
        return update_id

    def confirm(self, offset: int) -> None:
        """getUpdates' offset: forget updates below a positive offset, keep the last -N for negative."""
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]

    def deliverable(self, limit: int) -> list[JsonDict]:
        """Up to `limit` pending updates of the allowed types (others are dropped, like Telegram)."""
        allowed = self.allowed_updates
        if allowed is None:
            allowed = frozenset(UPDATE_TYPES) - DEFAULT_EXCLUDED_UPDATES
        self.updates = [u for u in self.updates if any(kind in u for kind in allowed)]
        return self.updates[:limit]

    def remember_chat(self, chat: JsonDict) -> JsonDict:
        """Register (or refresh) a chat by id."""
        self.chats[chat["id"]] = chat
        return chat

    def chat(self, chat_id: Any) -> JsonDict:
        """The chat a method addresses; unknown numeric ids get a plausible chat."""
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            return self._chat_by_username(chat_id[1:])
        if not isinstance(chat_id, int):
            raise bad_request("chat not found")
        if chat_id not in self.chats:
            self.remember_chat(_synthetic_chat(chat_id))
        return self.chats[chat_id]

    def _chat_by_username(self, username: str) -> JsonDict:
        """A known chat with this @username."""
        for chat in self.chats.values():
            if str(chat.get("username", "")).lower() == username.lower():
                return chat
        raise bad_request("chat not found")

    def next_message_id(self, chat_id: int) -> int:
        """Message ids increase per chat, shared by the bot's and users' messages."""
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def store_message(self, message: JsonDict) -> JsonDict:
        """Remember a message (a copy), so it can be edited, deleted or replied to."""
        self.messages[(message["chat"]["id"], message["message_id"])] = copy.deepcopy(message)
        return message

    def message(self, chat_id: Any, message_id: Any) -> JsonDict | None:
        """A stored message (a copy), or None."""
        found = self.messages.get((chat_id, message_id)) if isinstance(chat_id, int) else None
        return copy.deepcopy(found) if found else None

    def add_file(self, content: bytes, mime_type: str, file_name: str | None, kind: str) -> StoredFile:
        """Store bytes as a Telegram file of `kind` (document, photo, voice, sticker)."""
        serial = self.serial()
        extension = file_name.rsplit(".", 1)[-1] if file_name and "." in file_name else _extension(mime_type)
        stored = StoredFile(
            file_id=f"{kind[:2].upper()}AACAgQAAxkBAAI{serial:06d}",
            file_unique_id=f"AgAD{serial:06d}",
            file_path=f"{_FOLDERS.get(kind, kind)}/file_{serial}.{extension}",
            content=content,
            mime_type=mime_type,
            file_name=file_name,
        )
        self.files[stored.file_id] = stored
        self.files_by_path[stored.file_path] = stored
        return stored


def _extension(mime_type: str) -> str:
    """A file extension for a MIME type."""
    known = {"image/jpeg": "jpg", "image/webp": "webp", "audio/ogg": "oga", "application/pdf": "pdf"}
    return known.get(mime_type, "bin")


def _synthetic_chat(chat_id: int) -> JsonDict:
    """A plausible chat for an id nobody introduced: users are positive, groups negative."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User {chat_id}"}
    kind = "supergroup" if chat_id < -1_000_000_000_000 else "group"
    return {"id": chat_id, "type": kind, "title": f"Group {chat_id}"}
