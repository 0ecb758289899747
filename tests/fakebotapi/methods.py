"""The Bot API methods the fake implements (except getUpdates, which long-polls in the server)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import validation
from .errors import bad_request
from .records import RecordedCall
from .state import BotState, JsonDict, StoredFile, now

Handler = Callable[[BotState, RecordedCall], Any]
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"


def get_me(state: BotState, call: RecordedCall) -> JsonDict:
    """The bot's own User."""
    return dict(state.bot_user)


def trivially_true(state: BotState, call: RecordedCall) -> bool:
    """close, logOut and friends."""
    return True


def delete_webhook(state: BotState, call: RecordedCall) -> bool:
    """Forget the webhook; drop_pending_updates clears the queue."""
    state.webhook = {}
    if call.params.get("drop_pending_updates"):
        state.updates.clear()
    return True


def set_webhook(state: BotState, call: RecordedCall) -> bool:
    """Remember the webhook; tests then post updates to it themselves, as Telegram would."""
    url = call.params.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = call.params.get("secret_token")
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
        raise bad_request("secret token contains unallowed characters")
    state.webhook = {"url": url, "secret_token": secret}
    return True


def get_webhook_info(state: BotState, call: RecordedCall) -> JsonDict:
    """The webhook, if one is set."""
    return {"url": state.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": len(state.updates)}


def send_message(state: BotState, call: RecordedCall) -> JsonDict:
    """Validate and 'deliver' a text message."""
    params = call.params
    chat = state.chat(params.get("chat_id"))
    text, entities = validation.formatted_text(params.get("text"), params.get("parse_mode"))
    markup = validation.reply_markup(params.get("reply_markup"))
    message = _new_bot_message(state, chat, params, markup)
    message["text"] = text
    if entities:
        message["entities"] = entities
    return state.store_message(message)


def send_document(state: BotState, call: RecordedCall) -> JsonDict:
    """Upload (multipart) or resend (file_id) a document, with optional caption."""
    params = call.params
    chat = state.chat(params.get("chat_id"))
    caption, entities = validation.formatted_text(params.get("caption"), params.get("parse_mode"), caption=True)
    markup = validation.reply_markup(params.get("reply_markup"))
    stored = _document_file(state, call)
    message = _new_bot_message(state, chat, params, markup)
    message["document"] = document_object(stored)
    if caption:
        message["caption"] = caption
    if entities:
        message["caption_entities"] = entities
    return state.store_message(message)


def _document_file(state: BotState, call: RecordedCall) -> StoredFile:
    """The file behind sendDocument's `document`: an upload, an attach:// part or a known file_id."""
    value = call.params.get("document")
    part_name = value[len("attach://") :] if isinstance(value, str) and value.startswith("attach://") else "document"
    upload = call.files.get(part_name)
    if upload is not None:
        return state.add_file(upload.content, upload.mime_type, upload.filename, "document")
    if isinstance(value, str) and value in state.files:
        return state.files[value]
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content")
    raise bad_request("wrong file identifier/HTTP URL specified")


def document_object(stored: StoredFile) -> JsonDict:
    """The Document object for a stored file."""
    document: JsonDict = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "mime_type": stored.mime_type,
        "file_size": len(stored.content),
    }
    if stored.file_name:
        document["file_name"] = stored.file_name
    return document


def _new_bot_message(state: BotState, chat: JsonDict, params: JsonDict, markup: JsonDict | None) -> JsonDict:
    """The common part of a message the bot sends: id, sender, chat, date, reply, keyboard."""
    message: JsonDict = {
        "message_id": state.next_message_id(chat["id"]),
        "from": dict(state.bot_user),
        "chat": dict(chat),
        "date": now(),
    }
    replied = _replied_message(state, chat, params)
    if replied:
        replied.pop("reply_to_message", None)
        message["reply_to_message"] = replied
    if shown := shown_keyboard(markup):
        message["reply_markup"] = shown
    return message


def shown_keyboard(markup: JsonDict | None) -> JsonDict | None:
    """The inline keyboard a Message carries: Telegram drops other markups and empty keyboards."""
    rows = markup.get("inline_keyboard") if markup else None
    return markup if rows and any(rows) else None


def _replied_message(state: BotState, chat: JsonDict, params: JsonDict) -> JsonDict | None:
    """The message replied to via reply_parameters (or the old reply_to_message_id)."""
    reply = params.get("reply_parameters")
    if not isinstance(reply, dict):
        if params.get("reply_to_message_id") is None:
            return None
        reply = {
            "message_id": params["reply_to_message_id"],
            "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
        }
    chat_id = state.chat(reply["chat_id"])["id"] if reply.get("chat_id") is not None else chat["id"]
    found = state.message(chat_id, reply.get("message_id"))
    if found is None and not reply.get("allow_sending_without_reply"):
        raise bad_request("message to be replied not found")
    return found


def edit_message_text(state: BotState, call: RecordedCall) -> JsonDict | bool:
    """Replace a message's text (and keyboard: leaving reply_markup out removes it)."""
    params = call.params
    text, entities = validation.formatted_text(params.get("text"), params.get("parse_mode"))
    markup = validation.reply_markup(params.get("reply_markup"))
    if params.get("inline_message_id"):
        return True
    message = _editable_message(state, params)
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    changes: JsonDict = {"text": text, "entities": entities, "reply_markup": shown_keyboard(markup)}
    return _apply_edit(state, message, changes)


def edit_message_reply_markup(state: BotState, call: RecordedCall) -> JsonDict | bool:
    """Replace (or, without reply_markup, remove) a message's inline keyboard."""
    params = call.params
    markup = validation.reply_markup(params.get("reply_markup"))
    if markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    if params.get("inline_message_id"):
        return True
    message = _editable_message(state, params)
    return _apply_edit(state, message, {"reply_markup": shown_keyboard(markup)})


def _editable_message(state: BotState, params: JsonDict) -> JsonDict:
    """The bot's own message addressed by chat_id + message_id."""
    chat = state.chat(params.get("chat_id"))
    message = state.message(chat["id"], params.get("message_id"))
    if message is None:
        raise bad_request("message to edit not found")
    if message.get("from", {}).get("id") != state.bot_user["id"]:
        raise bad_request("message can't be edited")
    return message


def _apply_edit(state: BotState, message: JsonDict, changes: JsonDict) -> JsonDict:
    """Apply changes (None/empty values remove a field); refuse edits that change nothing."""
    edited = dict(message)
    for key, value in changes.items():
        if value:
            edited[key] = value
        else:
            edited.pop(key, None)
    if edited == message:
        raise bad_request(_NOT_MODIFIED)
    edited["edit_date"] = now()
    return state.store_message(edited)


def delete_message(state: BotState, call: RecordedCall) -> bool:
    """Delete a stored message."""
    chat = state.chat(call.params.get("chat_id"))
    key = (chat["id"], call.params.get("message_id"))
    if key not in state.messages:
        raise bad_request("message to delete not found")
    del state.messages[key]
    return True


def answer_callback_query(state: BotState, call: RecordedCall) -> bool:
    """Answer a pushed callback query, once."""
    _open_query(state.callback_queries, call.params.get("callback_query_id"))
    validation.callback_answer_text(call.params.get("text"))
    state.callback_queries[str(call.params["callback_query_id"])] = True
    return True


def answer_inline_query(state: BotState, call: RecordedCall) -> bool:
    """Answer a pushed inline query, once, with valid results."""
    params = call.params
    _open_query(state.inline_queries, params.get("inline_query_id"))
    validation.inline_results(params.get("results"))
    if len(str(params.get("next_offset", "")).encode("utf-8")) > 64:
        raise bad_request("NEXT_OFFSET_INVALID")
    state.inline_queries[str(params["inline_query_id"])] = True
    return True


def _open_query(queries: dict[str, bool], query_id: Any) -> None:
    """A query id that was pushed and not answered yet."""
    if queries.get(str(query_id)) is not False:
        raise bad_request(_QUERY_INVALID)


def send_chat_action(state: BotState, call: RecordedCall) -> bool:
    """'typing…' and friends."""
    state.chat(call.params.get("chat_id"))
    validation.chat_action(call.params.get("action"))
    return True


def get_file(state: BotState, call: RecordedCall) -> JsonDict:
    """File info for a stored file; the bytes are served under base_file_url."""
    stored = state.files.get(str(call.params.get("file_id", "")))
    if stored is None:
        raise bad_request("invalid file_id")
    if len(stored.content) > 20 * 1024 * 1024:
        raise bad_request("file is too big")
    return stored.as_file()


def set_my_commands(state: BotState, call: RecordedCall) -> bool:
    """Store a command list per scope and language."""
    commands = validation.bot_commands(call.params.get("commands"))
    key = validation.commands_key(call.params.get("scope"), call.params.get("language_code"))
    state.commands[key] = commands
    return True


def get_my_commands(state: BotState, call: RecordedCall) -> list[dict[str, str]]:
    """The command list for exactly this scope and language (no fallback, like Telegram)."""
    key = validation.commands_key(call.params.get("scope"), call.params.get("language_code"))
    return list(state.commands.get(key, []))


def delete_my_commands(state: BotState, call: RecordedCall) -> bool:
    """Forget the command list for this scope and language."""
    key = validation.commands_key(call.params.get("scope"), call.params.get("language_code"))
    state.commands.pop(key, None)
    return True


HANDLERS: dict[str, Handler] = {
    "getMe": get_me,
    "logOut": trivially_true,
    "close": trivially_true,
    "deleteWebhook": delete_webhook,
    "setWebhook": set_webhook,
    "getWebhookInfo": get_webhook_info,
    "sendMessage": send_message,
    "sendDocument": send_document,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "answerInlineQuery": answer_inline_query,
    "sendChatAction": send_chat_action,
    "getFile": get_file,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
}
