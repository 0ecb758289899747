"""The fake Bot API, exercised through PTB's own Bot and Application, plus its HTML checker."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from fakebotapi import FakeBotApi, RecordedCall, strip_telegram_html, utf16_len, validate_telegram_html
from fakebotapi.builders import text_entities
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.app import REQUEST_CLASSES


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


@pytest_asyncio.fixture(params=sorted(REQUEST_CLASSES))
async def bot(api: FakeBotApi, request: pytest.FixtureRequest) -> AsyncIterator[Bot]:
    """PTB's own HTTPXRequest and the bot's AiohttpRequest, through the same checks (bot.app)."""
    http = REQUEST_CLASSES[request.param](read_timeout=3.0, connect_timeout=3.0)
    async with Bot(api.token, base_url=api.base_url, base_file_url=api.base_file_url, request=http) as client:
        yield client


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(f"b{i}", callback_data=d)] for i, d in enumerate(data)])


# ------------------------------------------------------------------- basic methods


@pytest.mark.asyncio
async def test_get_me_returns_the_test_bot(api: FakeBotApi, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.username == "standpunt_test_bot" == api.bot_username
    assert me.id == api.bot_id == int(api.token.split(":")[0])
    assert me.is_bot and me.first_name == api.bot_user["first_name"]
    assert api.base_url == f"http://127.0.0.1:{api.port}/bot"
    assert api.calls("getme")[0].ok


@pytest.mark.asyncio
async def test_send_message_returns_a_real_message(api: FakeBotApi, bot: Bot) -> None:
    user = api.user(1001, "Anna", username="anna")
    api.private_chat(user)
    first = await bot.send_message(1001, "<b>Hallo</b> &amp; welkom", parse_mode=ParseMode.HTML,
                                   reply_markup=keyboard("a:1"))
    second = await bot.send_message(1001, "Nog een")
    other = await bot.send_message(-100200, "Groep")
    assert isinstance(first, Message)
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.chat.id == 1001 and first.chat.type == "private" and first.chat.username == "anna"
    assert first.from_user is not None and first.from_user.id == api.bot_id
    assert abs(first.date.timestamp() - time.time()) < 5
    assert first.text == "Hallo & welkom"
    assert first.text_html == "<b>Hallo</b> &amp; welkom"
    assert first.reply_markup == keyboard("a:1")
    [record, record2] = api.sent_messages(1001)
    assert record["text"] == "<b>Hallo</b> &amp; welkom" and record["parse_mode"] == "HTML"
    assert record["visible_text"] == "Hallo & welkom"
    assert record["reply_markup"] == {"inline_keyboard": [[{"text": "b0", "callback_data": "a:1"}]]}
    assert record2["reply_markup"] is None and len(api.sent_messages()) == 3


@pytest.mark.asyncio
async def test_replies_need_an_existing_message_unless_allowed(api: FakeBotApi, bot: Bot) -> None:
    user = api.user(1002, "Bram")
    api.send_text(user, "vraag")
    reply = await bot.send_message(1002, "antwoord", reply_parameters=ReplyParameters(1))
    assert reply.reply_to_message is not None and reply.reply_to_message.text == "vraag"
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(1002, "x", reply_parameters=ReplyParameters(99))
    await bot.send_message(1002, "x", reply_parameters=ReplyParameters(99, allow_sending_without_reply=True))


@pytest.mark.asyncio
async def test_json_and_form_bodies_case_insensitive_methods_and_errors(api: FakeBotApi) -> None:
    url = f"{api.base_url}{api.token}"
    async with httpx.AsyncClient() as client:
        by_json = (await client.post(f"{url}/SENDMESSAGE", json={"chat_id": 7, "text": "json"})).json()
        by_form = (await client.post(f"{url}/sendmessage", data={"chat_id": "7", "text": "form",
                                     "reply_markup": '{"inline_keyboard": [[{"text": "x", "url": "https://x.nl"}]]}'})).json()
        unknown = await client.post(f"{url}/sendTelepathy", json={})
        wrong_token = await client.post(f"{api.base_url}1:wrong/getMe")
    assert by_json["ok"] and by_json["result"]["text"] == "json"
    assert by_form["ok"] and by_form["result"]["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://x.nl"
    assert [c.method for c in api.calls("sendMessage")] == ["sendMessage", "sendMessage"]
    assert unknown.status_code == 404
    assert unknown.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert wrong_token.status_code == 401 and wrong_token.json()["description"] == "Unauthorized"


@pytest.mark.asyncio
async def test_wrong_token_is_invalid_token_for_ptb(api: FakeBotApi) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("42:wrong", base_url=api.base_url):
            pass


@pytest.mark.asyncio
async def test_register_method_and_internal_errors_are_loud() -> None:
    def get_chat(state: object, call: RecordedCall) -> dict[str, object]:
        return {"id": call.params["chat_id"], "type": "private", "accent_color_id": 0, "max_reaction_count": 11}

    def broken(state: object, call: RecordedCall) -> None:
        raise KeyError("oops")

    with pytest.raises(AssertionError, match="KeyError"):
        async with FakeBotApi() as fake:
            fake.register_method("getChat", get_chat)
            fake.register_method("getChatMember", broken)
            async with Bot(fake.token, base_url=fake.base_url) as client:
                assert (await client.get_chat(77)).id == 77
                with pytest.raises(NetworkError, match="fake Bot API failed"):
                    await client.get_chat_member(77, 1)


# ------------------------------------------------------------------- validation


@pytest.mark.asyncio
async def test_text_length_is_counted_in_utf16_after_parsing(api: FakeBotApi, bot: Bot) -> None:
    await bot.send_message(5, "a" * 4096)
    await bot.send_message(5, "😀" * 2048)
    await bot.send_message(5, "<b>" + "a" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(5, "a" * 4097)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(5, "😀" * 2049)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(5, "  <b> </b> ", parse_mode=ParseMode.HTML)
    assert api.calls("sendMessage")[-1].description == "Bad Request: message text is empty"
    assert len(api.sent_messages(5)) == 3


@pytest.mark.asyncio
async def test_bad_html_is_rejected_like_telegram(api: FakeBotApi, bot: Bot) -> None:
    for text in ("a < b", "<br>", "<b>open", "<b><i>x</b></i>", "Q&A", "&nbsp;"):
        with pytest.raises(BadRequest, match="Can't parse entities"):
            await bot.send_message(5, text, parse_mode=ParseMode.HTML)
    await bot.send_message(5, "a < b & Q&A")  # without parse_mode anything goes
    assert len(api.sent_messages()) == 1


@pytest.mark.asyncio
async def test_inline_keyboard_rules(api: FakeBotApi, bot: Bot) -> None:
    await bot.send_message(5, "ok", reply_markup=keyboard("x" * 64, "é" * 32))
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(5, "too long", reply_markup=keyboard("x" * 65))
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(5, "too many bytes", reply_markup=keyboard("é" * 33))
    bare = InlineKeyboardButton("no action")
    both = InlineKeyboardButton("two", url="https://x.nl", callback_data="x")
    for button in (bare, both):
        with pytest.raises(BadRequest, match="inline keyboard button"):
            await bot.send_message(5, "t", reply_markup=InlineKeyboardMarkup([[button]]))
    switch = InlineKeyboardButton("s", switch_inline_query_current_chat="")
    await bot.send_message(5, "t", reply_markup=InlineKeyboardMarkup([[switch]]))


@pytest.mark.asyncio
async def test_edit_delete_and_not_modified(api: FakeBotApi, bot: Bot) -> None:
    sent = await bot.send_message(5, "een", reply_markup=keyboard("a"))
    edited = await bot.edit_message_text("twee", chat_id=5, message_id=sent.message_id, reply_markup=keyboard("b"))
    assert isinstance(edited, Message) and edited.text == "twee" and edited.edit_date is not None
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("twee", chat_id=5, message_id=sent.message_id, reply_markup=keyboard("b"))
    bare = await bot.edit_message_reply_markup(chat_id=5, message_id=sent.message_id)
    assert isinstance(bare, Message) and bare.reply_markup is None
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", chat_id=5, message_id=77)
    assert await bot.delete_message(5, sent.message_id)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(5, sent.message_id)
    assert [r["visible_text"] for r in api.sent_messages(5)] == ["een", "twee"]


@pytest.mark.asyncio
async def test_callback_and_inline_answers_are_checked(api: FakeBotApi, bot: Bot) -> None:
    user = api.user(1003, "Cor")
    sent = await bot.send_message(1003, "kies", reply_markup=keyboard("ja", "nee"))
    with pytest.raises(ValueError, match="no button"):
        api.press_button(user, sent.to_dict(), "misschien")
    api.press_button(user, api.sent_messages(1003)[0], "ja")
    api.inline_query(user, "sancties")
    [pressed, inline] = await bot.get_updates()
    assert pressed.callback_query is not None and pressed.callback_query.data == "ja"
    assert pressed.callback_query.message is not None and pressed.callback_query.message.message_id == sent.message_id
    with pytest.raises(BadRequest, match="Message_too_long"):
        await pressed.callback_query.answer("x" * 201)
    assert await pressed.callback_query.answer("Dank")
    with pytest.raises(BadRequest, match="Query is too old"):
        await pressed.callback_query.answer("twice")
    assert inline.inline_query is not None
    article = InlineQueryResultArticle("1", "Titel", InputTextMessageContent("<b>x</b>", parse_mode="HTML"))
    with pytest.raises(BadRequest, match="Result_id_duplicate"):
        await inline.inline_query.answer([article, article])
    with pytest.raises(BadRequest, match="Results_too_much"):
        await bot.answer_inline_query(inline.inline_query.id, [
            InlineQueryResultArticle(str(i), "t", InputTextMessageContent("x")) for i in range(51)])
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await inline.inline_query.answer([InlineQueryResultArticle("2", "t", InputTextMessageContent("<b>", parse_mode="HTML"))])
    assert await inline.inline_query.answer([article])


@pytest.mark.asyncio
async def test_commands_are_stored_per_scope_and_language(api: FakeBotApi, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("help", "Hulp")])
    await bot.set_my_commands([BotCommand("start", "Start")], language_code="en")
    await bot.set_my_commands([BotCommand("vraag", "Stel een vraag")], scope=BotCommandScopeAllGroupChats())
    await bot.set_my_commands([BotCommand("mod", "Moderatie")], scope=BotCommandScopeChat(42), language_code="nl")
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert [c.description for c in await bot.get_my_commands(language_code="en")] == ["Start"]
    assert [c.command for c in await bot.get_my_commands(scope=BotCommandScopeAllGroupChats())] == ["vraag"]
    assert await bot.get_my_commands(scope=BotCommandScopeChat(42)) == ()
    assert api.commands({"type": "chat", "chat_id": 42}, "nl") == [{"command": "mod", "description": "Moderatie"}]
    for bad in (BotCommand("Start", "x"), BotCommand("a" * 33, "x"), BotCommand("ok-no", "x")):
        with pytest.raises(BadRequest, match="Bot_command_invalid"):
            await bot.set_my_commands([bad])
    with pytest.raises(BadRequest, match="Bot_command_description_invalid"):
        await bot.set_my_commands([BotCommand("ok", "d" * 257)])
    assert await bot.delete_my_commands(language_code="en")
    assert await bot.get_my_commands(language_code="en") == ()


@pytest.mark.asyncio
async def test_chat_actions_webhook_and_empty_keyboards(api: FakeBotApi, bot: Bot) -> None:
    assert await bot.send_chat_action(5, "typing")
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(5, "dancing")
    api.send_text(api.user(1008, "Henk"), "oud")
    assert (await bot.get_webhook_info()).pending_update_count == 1
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates() == ()
    for empty in (InlineKeyboardMarkup([]), InlineKeyboardMarkup([[]])):
        sent = await bot.send_message(5, "x", reply_markup=empty)
        assert sent.reply_markup is None
    with_keys = await bot.send_message(5, "y", reply_markup=keyboard("k"))
    cleared = await bot.edit_message_reply_markup(5, with_keys.message_id, reply_markup=InlineKeyboardMarkup([]))
    assert isinstance(cleared, Message) and cleared.reply_markup is None


# ------------------------------------------------------------------- updates and files


@pytest.mark.asyncio
async def test_get_updates_long_polls_until_an_update_is_pushed(api: FakeBotApi, bot: Bot) -> None:
    user = api.user(1004, "Dirk")
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=2))
    await asyncio.sleep(0.2)
    assert not poll.done()
    update_id = api.send_text(user, "/start@standpunt_test_bot hoi @standpunt_test_bot")
    [update] = await poll
    assert time.monotonic() - started < 1.5
    assert update.update_id == update_id and update.message is not None
    assert [(e.type, e.offset, e.length) for e in update.message.entities] == [
        ("bot_command", 0, 25), ("mention", 30, 19)]
    assert await bot.get_updates(timeout=0) == (update,)  # not confirmed yet
    assert await bot.get_updates(offset=update_id + 1, timeout=0) == ()
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert time.monotonic() - started >= 0.9


@pytest.mark.asyncio
async def test_user_media_edits_and_entities(api: FakeBotApi, bot: Bot) -> None:
    user = api.user(1005, "Eva", username="eva")
    group = api.group_chat(-1001234567890, "Beleid")
    api.send_text(user, "eerste", chat=group)
    api.send_text(user, "eerste, verbeterd", chat=group, edit=True)
    api.send_sticker(user)
    api.send_photo(user)
    api.send_voice(user)
    updates = await bot.get_updates()
    assert updates[0].message is not None and updates[0].message.chat.type == "supergroup"
    assert updates[1].edited_message is not None and updates[1].edited_message.message_id == 1
    assert updates[1].edited_message.text == "eerste, verbeterd"
    assert updates[2].message is not None and updates[2].message.sticker is not None
    assert updates[3].message is not None and len(updates[3].message.photo) == 2
    assert updates[4].message is not None and updates[4].message.voice is not None
    assert text_entities("zie /help of 1/2") == [{"type": "bot_command", "offset": 4, "length": 5}]
    bot_said = await bot.send_message(group["id"], "antwoord")
    api.send_text(user, "en verder?", chat=group, reply_to_message=api.sent_messages(group["id"])[0])
    [reply] = await bot.get_updates(offset=updates[-1].update_id + 1)
    assert reply.message is not None and reply.message.reply_to_message is not None
    assert reply.message.reply_to_message.message_id == bot_said.message_id
    assert reply.message.reply_to_message.from_user is not None
    assert reply.message.reply_to_message.from_user.id == api.bot_id


@pytest.mark.asyncio
async def test_get_file_and_download(api: FakeBotApi, bot: Bot) -> None:
    user = api.user(1006, "Fem")
    api.send_document(user, "brief.pdf", b"%PDF-1.4 fake", "application/pdf", caption="lees dit")
    [update] = await bot.get_updates()
    assert update.message is not None and update.message.document is not None
    assert update.message.document.file_name == "brief.pdf" and update.message.caption == "lees dit"
    file = await bot.get_file(update.message.document.file_id)
    assert file.file_path is not None and file.file_path.startswith(api.base_file_url)
    assert bytes(await file.download_as_bytearray()) == b"%PDF-1.4 fake"
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("nope")


@pytest.mark.asyncio
async def test_send_document_upload_is_recorded(api: FakeBotApi, bot: Bot) -> None:
    sent = await bot.send_document(1007, b"col1;col2\n", filename="export.csv", caption="<i>exporté 😀</i>",
                                   parse_mode=ParseMode.HTML)
    assert sent.document is not None and sent.document.file_name == "export.csv"
    assert sent.caption == "exporté 😀"
    [record] = api.sent_documents(1007)
    assert record["filename"] == "export.csv" and record["content"] == b"col1;col2\n"
    assert record["caption"] == "<i>exporté 😀</i>"
    again = await bot.send_document(1007, sent.document.file_id)
    assert again.document is not None and again.document.file_id == sent.document.file_id
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"col1;col2\n"


# ------------------------------------------------------------------- faults


@pytest.mark.asyncio
async def test_flood_fault_raises_retry_after(api: FakeBotApi, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    api.inject_fault("sendMessage", "flood", retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(5, "x")
    assert caught.value.retry_after == dtm.timedelta(seconds=3)
    await bot.send_message(5, "x")
    assert [c.fault for c in api.calls("sendMessage")] == ["flood", None]
    assert [(f.method, f.kind, f.params) for f in api.faults_injected] == [("sendMessage", "flood", {"retry_after": 3})]
    assert api.calls("sendMessage")[0].status == 429


@pytest.mark.asyncio
async def test_faults_fire_in_order_with_the_expected_ptb_errors(api: FakeBotApi, bot: Bot) -> None:
    api.inject_fault("sendmessage", "server_error")
    api.inject_fault("sendMessage", "server_error", status=502)
    api.inject_fault("sendMessage", "forbidden")
    api.inject_fault("sendMessage", "drop")
    api.inject_fault("getMe", "forbidden", count=2, description="Forbidden: user is deactivated")
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(5, "1")
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(5, "2")
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(5, "3")
    with pytest.raises(NetworkError) as dropped:
        await bot.send_message(5, "4")
    assert not isinstance(dropped.value, TimedOut)
    for _ in range(2):
        with pytest.raises(Forbidden, match="deactivated"):
            await bot.get_me()
    assert (await bot.send_message(5, "5")).text == "5"
    assert [r["visible_text"] for r in api.sent_messages()] == ["5"]
    assert [f.kind for f in api.faults_injected] == ["server_error"] * 2 + ["forbidden", "drop"] + ["forbidden"] * 2
    assert api.pending_faults == []
    with pytest.raises(ValueError, match="unknown fault kind"):
        api.inject_fault("sendMessage", "meteor")


@pytest.mark.asyncio
async def test_delay_fault_times_out_but_the_message_is_delivered(api: FakeBotApi, bot: Bot) -> None:
    api.inject_fault("sendMessage", "delay", seconds=1.0)
    with pytest.raises(TimedOut):
        await bot.send_message(5, "traag", read_timeout=0.3)
    await api.wait_for(lambda c: c.fault == "delay", timeout=3)
    assert [r["visible_text"] for r in api.sent_messages(5)] == ["traag"]
    api.inject_fault("sendMessage", "drop", process=True)
    with pytest.raises(NetworkError):
        await bot.send_message(5, "weg")
    assert [r["visible_text"] for r in api.sent_messages(5)] == ["traag", "weg"]


# ------------------------------------------------------------------- a real Application


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    await update.effective_message.reply_text(f"echo: {update.effective_message.text}")


@pytest.mark.asyncio
async def test_application_polls_and_echoes_end_to_end(api: FakeBotApi) -> None:
    app = ApplicationBuilder().token(api.token).base_url(api.base_url).base_file_url(api.base_file_url).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    user = api.user(1010, "Gijs")
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0)
        api.send_text(user, "hallo <wereld>")
        [reply] = await api.wait_for_messages(1010, 1)
        assert reply["visible_text"] == "echo: hallo <wereld>"
        api.send_text(user, "tweede")
        [reply2] = await api.wait_for_messages(1010, 1)
        assert reply2["visible_text"] == "echo: tweede" and reply2["message_id"] == 4
        api.send_sticker(user)
        assert await api.wait_idle(quiet=0.3, timeout=3) == []
        started = time.monotonic()
        await app.updater.stop()
        await app.stop()
    assert time.monotonic() - started < 3
    assert not api.pending_updates
    assert any(c.method == "deleteWebhook" for c in api.recorded)
    assert all(c.status in (200, 409, None) for c in api.calls("getUpdates"))


@pytest.mark.asyncio
async def test_wait_for_times_out_with_a_summary(api: FakeBotApi, bot: Bot) -> None:
    await bot.send_message(5, "iets")
    call = await api.wait_for(lambda c: c.params["text"] == "iets")
    assert call.method == "sendMessage" and call.ok
    with pytest.raises(TimeoutError, match="sendMessage"):
        await api.wait_for(lambda c: c.params["text"] == "iets", timeout=0.2)


# ------------------------------------------------------------------- HTML checker


@pytest.mark.parametrize(
    "text",
    [
        "<b>vet <i>schuin <u>onder</u></i></b> <s>weg</s> <tg-spoiler>geheim</tg-spoiler>",
        '<span class="tg-spoiler">x</span> <strong>s</strong> <em>e</em> <ins>i</ins> <strike>k</strike> <del>d</del>',
        '<a href="https://example.org/?a=1&amp;b=2">link</a> <a href=\'tg://user?id=1\'>u</a>',
        '<pre><code class="language-python">print("&lt;hi&gt;")</code></pre> <code>x</code>',
        "<blockquote>citaat</blockquote><blockquote expandable>lang</blockquote>",
        "<blockquote expandable><i>Vraag</i>\n\n<b>zin</b> rest</blockquote>",
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
        "&lt; &gt; &amp; &quot; &#39; &#x27; &#128512; a > b",
        "<B>hoofdletters</B> <b>kort</>",
        "",
    ],
)
def test_valid_html(text: str) -> None:
    validate_telegram_html(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<b>open", "Can't find end tag"),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("x</b>", "Unexpected end tag"),
        ("a < b", 'Unsupported start tag ""'),
        ("1<2 en 3", 'Unsupported start tag "2"'),
        ("1<2", "Unclosed start tag"),
        ("<br>", 'Unsupported start tag "br"'),
        ("<b", "Unclosed start tag"),
        ("Q&A", 'Unescaped "&"'),
        ("&nbsp;", 'Unescaped "&"'),
        ("&lt", 'Unescaped "&"'),
        ("&#0;", 'Unescaped "&"'),
        ("&#xD800;", 'Unescaped "&"'),
        ("<span>x</span>", 'must have class "tg-spoiler"'),
        ("<blockquote>a <blockquote expandable>b</blockquote></blockquote>", "can't be nested"),
        ('<a href="x>t</a>', "Unclosed start tag"),
        ('<a href="a&b">t</a>', 'Unescaped "&"'),
        ("<a href=x/y>t</a>", "Unexpected end of name token"),
        ("<tg-emoji>x</tg-emoji>", "emoji-id"),
    ],
)
def test_invalid_html(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        validate_telegram_html(text)


def test_strip_shows_what_the_user_sees() -> None:
    assert strip_telegram_html('<b>A</b> &amp; <a href="https://x.nl">B</a> &lt;3 &#x27;q&#x27;') == "A & B <3 'q'"
    assert strip_telegram_html("regel 1\n<i>regel 2</i>") == "regel 1\nregel 2"


def test_utf16_length_rule() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("é") == 1
    assert utf16_len("😀") == 2
    assert utf16_len("👍🏽") == 4
    assert utf16_len("€" * 4096) == 4096
