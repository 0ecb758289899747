"""Realistic users, chats and updates for tests to push into the fake (a mixin of FakeBotApi)."""

from __future__ import annotations

import re
from typing import Any

from .methods import document_object
from .state import BotState, JsonDict, now
from .telegram_html import utf16_len

_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_MENTION = re.compile(r"(?<![\w@/])@[A-Za-z][A-Za-z0-9_]{4,31}\b")
_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64) + b"\xff\xd9"
_OGG = b"OggS\x00\x02" + bytes(64)
_WEBP = b"RIFF\x40\x00\x00\x00WEBPVP8 " + bytes(64)


def text_entities(text: str) -> list[JsonDict]:
    """The entities Telegram adds to a user's text: bot_command (/cmd[@bot]) and mention (@name)."""
    spans: list[tuple[int, int, str]] = [(m.start(), m.end(), "bot_command") for m in _COMMAND.finditer(text)]
    for match in _MENTION.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end, _ in spans):
            spans.append((match.start(), match.end(), "mention"))
    return [
        {"type": kind, "offset": utf16_len(text[:start]), "length": utf16_len(text[start:end])}
        for start, end, kind in sorted(spans)
    ]


def _as_message(message: JsonDict) -> JsonDict:
    """Accept a Message dict or a record from sent_messages() (whose Message is under "message")."""
    inner = message.get("message")
    return inner if isinstance(inner, dict) and "chat" not in message else message


def _buttons_data(message: JsonDict) -> list[str]:
    """All callback_data values on a message's inline keyboard."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row if "callback_data" in button]


class UpdateBuilders:
    """Builders that create users, chats and incoming updates; mixed into FakeBotApi."""

    state: BotState

    def push_update(self, update: JsonDict) -> int:
        """Queue an update for getUpdates; implemented by the server."""
        raise NotImplementedError

    def user(
        self, id: int, first_name: str, username: str | None = None, language_code: str | None = "nl"
    ) -> JsonDict:
        """A (human) Telegram User."""
        user: JsonDict = {"id": id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        return user

    def private_chat(self, user: JsonDict) -> JsonDict:
        """The private chat between `user` and the bot."""
        chat: JsonDict = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if "username" in user:
            chat["username"] = user["username"]
        return self.state.remember_chat(chat)

    def group_chat(self, id: int, title: str) -> JsonDict:
        """A group (supergroup when the id looks like -100…) the bot is in."""
        kind = "supergroup" if id < -1_000_000_000_000 else "group"
        return self.state.remember_chat({"id": id, "type": kind, "title": title})

    def _user_message(self, user: JsonDict, chat: JsonDict | None, content: JsonDict) -> JsonDict:
        """A new message from `user`, stored so the bot can reply to it."""
        chat = chat or self.private_chat(user)
        self.state.remember_chat(chat)
        message: JsonDict = {
            "message_id": self.state.next_message_id(chat["id"]),
            "from": user,
            "chat": chat,
            "date": now(),
            **content,
        }
        return self.state.store_message(message)

    def send_text(
        self,
        user: JsonDict,
        text: str,
        chat: JsonDict | None = None,
        entities: list[JsonDict] | None = None,
        reply_to_message: JsonDict | None = None,
        edit: bool = False,
        *,
        message_id: int | None = None,
    ) -> int:
        """Push a text message (or, with edit=True, an edit of `message_id` or the user's last one)."""
        content: JsonDict = {"text": text}
        found = text_entities(text) if entities is None else entities
        if found:
            content["entities"] = found
        if reply_to_message is not None:
            content["reply_to_message"] = self._current(reply_to_message)
        if edit:
            return self.push_update({"edited_message": self._edited(user, chat, content, message_id)})
        return self.push_update({"message": self._user_message(user, chat, content)})

    def _edited(self, user: JsonDict, chat: JsonDict | None, content: JsonDict, message_id: int | None) -> JsonDict:
        """The user's stored message with new content and an edit_date."""
        chat_id = (chat or self.private_chat(user))["id"]
        mine = [m for (c, _), m in self.state.messages.items() if c == chat_id and m["from"]["id"] == user["id"]]
        target = message_id if message_id is not None else max((m["message_id"] for m in mine), default=None)
        original = self.state.message(chat_id, target)
        if original is None or original["from"]["id"] != user["id"]:
            raise ValueError(f"no message {target} from user {user['id']} in chat {chat_id} to edit")
        original.pop("entities", None)
        edited = {**original, **content, "edit_date": now()}
        return self.state.store_message(edited)

    def _current(self, message: JsonDict) -> JsonDict:
        """The stored (latest) version of a message, without its own reply_to_message."""
        given = _as_message(message)
        current = self.state.message(given["chat"]["id"], given["message_id"]) or dict(given)
        current.pop("reply_to_message", None)
        return current

    def press_button(self, user: JsonDict, message: JsonDict, data: str, *, check: bool = True) -> int:
        """Push a callback_query for a button on a bot message (check: the button must be there now)."""
        given = _as_message(message)
        current = self.state.message(given["chat"]["id"], given["message_id"])
        if current is None:
            raise ValueError(f"message {given['message_id']} is gone (deleted or never sent)")
        if check and data not in _buttons_data(current):
            raise ValueError(f"no button with callback_data {data!r}; the message has {_buttons_data(current)}")
        query_id = str(4_000_000_000_000_000 + self.state.serial())
        self.state.callback_queries[query_id] = False
        query: JsonDict = {
            "id": query_id,
            "from": user,
            "message": current,
            "chat_instance": str(-(abs(current["chat"]["id"]) * 1_000_003 % 10**18) - 1),
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def inline_query(self, user: JsonDict, query: str, offset: str = "", *, chat_type: str = "sender") -> int:
        """Push an inline query (@bot query typed in any chat)."""
        query_id = str(5_000_000_000_000_000 + self.state.serial())
        self.state.inline_queries[query_id] = False
        inline: JsonDict = {"id": query_id, "from": user, "query": query, "offset": offset, "chat_type": chat_type}
        return self.push_update({"inline_query": inline})

    def send_document(
        self,
        user: JsonDict,
        filename: str,
        content: bytes,
        mime_type: str,
        caption: str | None = None,
        *,
        chat: JsonDict | None = None,
    ) -> int:
        """Push a document message; its bytes are downloadable via getFile."""
        stored = self.state.add_file(content, mime_type, filename, "document")
        return self._push_media(user, chat, {"document": document_object(stored)}, caption)

    def send_photo(self, user: JsonDict, *, chat: JsonDict | None = None, caption: str | None = None) -> int:
        """Push a photo message (two sizes, like Telegram)."""
        sizes = []
        for width in (90, 800):
            stored = self.state.add_file(_JPEG, "image/jpeg", None, "photo")
            sizes.append({**_file_ids(stored.file_id, stored.file_unique_id), "width": width,
                          "height": width * 3 // 4, "file_size": len(stored.content)})
        return self._push_media(user, chat, {"photo": sizes}, caption)

    def send_voice(self, user: JsonDict, *, chat: JsonDict | None = None, duration: int = 2) -> int:
        """Push a voice message."""
        stored = self.state.add_file(_OGG, "audio/ogg", None, "voice")
        voice = {**_file_ids(stored.file_id, stored.file_unique_id), "duration": duration,
                 "mime_type": "audio/ogg", "file_size": len(stored.content)}
        return self._push_media(user, chat, {"voice": voice}, None)

    def send_sticker(self, user: JsonDict, *, chat: JsonDict | None = None, emoji: str = "👍") -> int:
        """Push a (static) sticker message."""
        stored = self.state.add_file(_WEBP, "image/webp", None, "sticker")
        sticker = {**_file_ids(stored.file_id, stored.file_unique_id), "type": "regular", "width": 512,
                   "height": 512, "is_animated": False, "is_video": False, "emoji": emoji,
                   "file_size": len(stored.content)}
        return self._push_media(user, chat, {"sticker": sticker}, None)

    def _push_media(self, user: JsonDict, chat: JsonDict | None, content: JsonDict, caption: str | None) -> int:
        """Push a media message with an optional caption (commands/mentions in it get entities)."""
        if caption:
            content["caption"] = caption
            if entities := text_entities(caption):
                content["caption_entities"] = entities
        return self.push_update({"message": self._user_message(user, chat, content)})


def _file_ids(file_id: str, file_unique_id: str) -> dict[str, Any]:
    """The id pair every file object carries."""
    return {"file_id": file_id, "file_unique_id": file_unique_id}
