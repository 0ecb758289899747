"""FakeBotApi: a local aiohttp server that speaks enough of the Telegram Bot API for PTB tests.

Use it as ``async with FakeBotApi() as api:`` and point PTB at ``api.base_url`` and
``api.base_file_url``. Push updates with the builders (``api.send_text(...)``), then await the
bot's reaction with ``api.wait_for(...)``, ``api.wait_for_messages(...)`` or ``api.wait_idle()``.
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
import traceback
from collections import deque
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from aiohttp import web

from .builders import UpdateBuilders
from .errors import ApiError, bad_request, not_found, unauthorized
from .methods import HANDLERS, Handler
from .params import read_params
from .records import InjectedFault, RecordedCall
from .state import BotState, JsonDict
from .validation import commands_key

DEFAULT_TOKEN = "123456789:AAH-fake-token-for-standpunt-tests-0123"
BOT_USERNAME = "standpunt_test_bot"
FAULT_KINDS = ("flood", "server_error", "delay", "drop", "forbidden")
MESSAGE_METHODS = ("sendMessage", "editMessageText")
_CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
_STATUS_TEXT = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
T = TypeVar("T")


class FakeBotApi(UpdateBuilders):
    """A fake Telegram Bot API server on 127.0.0.1 (a free port), recording every call."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = BOT_USERNAME,
        bot_first_name: str = "Standpunt",
    ) -> None:
        self.token = token
        prefix = token.split(":", 1)[0]
        self.bot_user: JsonDict = {
            "id": int(prefix) if prefix.isdigit() else 123456,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.state = BotState(self.bot_user)
        self.recorded: list[RecordedCall] = []
        self.faults_injected: list[InjectedFault] = []
        self.downloads: list[str] = []
        self.internal_errors: list[str] = []
        self._handlers: dict[str, tuple[str, Handler | None]] = {}
        for name, handler in HANDLERS.items():
            self.register_method(name, handler)
        self._handlers["getupdates"] = ("getUpdates", None)
        self._faults: dict[str, deque[InjectedFault]] = {}
        self._changed = asyncio.Event()
        self._closing = asyncio.Event()
        self._poll_generation = 0
        self._delivered_up_to = 0
        self._busy = 0
        self._last_activity = time.monotonic()
        self._consumed: set[int] = set()
        self._message_cursors: dict[int, int] = {}
        self._runner: web.AppRunner | None = None
        self._port = 0

    # ----------------------------------------------------------------- lifecycle

    @property
    def port(self) -> int:
        """The TCP port the server listens on (after start)."""
        return self._port

    @property
    def base_url(self) -> str:
        """PTB's base_url: the token is appended by PTB."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        """PTB's base_file_url: the token is appended by PTB."""
        return f"http://127.0.0.1:{self._port}/file/bot"

    @property
    def bot_id(self) -> int:
        """The bot's user id (the token's numeric prefix)."""
        return int(self.bot_user["id"])

    @property
    def bot_username(self) -> str:
        """The bot's username, without '@'."""
        return str(self.bot_user["username"])

    async def start(self) -> None:
        """Listen on 127.0.0.1 with a free port."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/{tail:.*}", self._handle_unknown_path)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Wake pending long polls and delays, then stop the server."""
        self._closing.set()
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
        if exc is None and self.internal_errors:
            raise AssertionError(f"the fake Bot API failed internally:\n{self.internal_errors[0]}")

    def register_method(self, name: str, handler: Handler) -> None:
        """Add or replace a Bot API method: handler(state, call) returns the result or raises ApiError."""
        self._handlers[name.lower()] = (name, handler)

    # ----------------------------------------------------------------- HTTP

    async def _handle_unknown_path(self, request: web.Request) -> web.Response:
        """Anything outside /bot<token>/<method> and /file/bot<token>/<path>."""
        return _json_response(not_found().payload())

    async def _handle_file(self, request: web.Request) -> web.Response:
        """Serve a stored file's bytes, as api.telegram.org/file/bot<token>/<file_path> does."""
        if request.match_info["token"] != self.token:
            return _json_response(unauthorized().payload())
        stored = self.state.files_by_path.get(request.match_info["path"])
        if stored is None:
            return _json_response(not_found().payload())
        self.downloads.append(stored.file_path)
        return web.Response(body=stored.content, content_type=stored.mime_type)

    async def _handle_method(self, request: web.Request) -> web.StreamResponse:
        """Record the call, apply a pending fault if any, run the method, answer Telegram-style."""
        raw_method = request.match_info["method"]
        method = self._handlers.get(raw_method.lower(), (raw_method, None))[0]
        call = RecordedCall(method, {}, time.monotonic())
        polling = method == "getUpdates"
        self._busy += 0 if polling else 1
        self._record(call)
        try:
            return await self._respond(request, call)
        finally:
            call.done = True
            self._busy -= 0 if polling else 1
            self._touch(polling)

    async def _respond(self, request: web.Request, call: RecordedCall) -> web.StreamResponse:
        """Parse parameters, then answer (or misbehave, if a fault is queued)."""
        if request.match_info["token"] != self.token:
            return self._finish(call, unauthorized().payload())
        try:
            call.params, call.files = await read_params(request)
        except ApiError as error:
            return self._finish(call, error.payload())
        fault = self._take_fault(call.method)
        if fault is not None:
            call.fault = fault.kind
            return await self._apply_fault(request, call, fault)
        return self._finish(call, await self._execute(call))

    async def _execute(self, call: RecordedCall) -> JsonDict:
        """Run the method: {"ok": true, "result": ...} or the error payload."""
        try:
            return {"ok": True, "result": await self._result(call)}
        except ApiError as error:
            return error.payload()
        except Exception as error:  # a case the fake did not foresee: make it loud, not a hang
            self.internal_errors.append(f"{call.method}: {traceback.format_exc()}")
            return ApiError(500, f"Internal Server Error: fake Bot API failed: {error!r}").payload()

    async def _result(self, call: RecordedCall) -> Any:
        """The method's result, or ApiError."""
        if call.method == "getUpdates":
            return await self._get_updates(call.params)
        entry = self._handlers.get(call.method.lower())
        if entry is None or entry[1] is None:
            raise not_found()
        return entry[1](self.state, call)

    def _finish(self, call: RecordedCall, body: JsonDict) -> web.Response:
        """Store the outcome on the call and send it."""
        call.response = body
        call.status = 200 if body.get("ok") else int(body["error_code"])
        return _json_response(body)

    # ----------------------------------------------------------------- getUpdates

    async def _get_updates(self, params: JsonDict) -> list[JsonDict]:
        """Long poll: confirm below offset, return pending updates or wait up to `timeout` for one."""
        if isinstance(params.get("offset"), int):
            self.state.confirm(params["offset"])
        if isinstance(params.get("allowed_updates"), list):
            self.state.allowed_updates = frozenset(params["allowed_updates"]) or None
        limit = min(max(_int_param(params, "limit", 100), 1), 100)
        deadline = time.monotonic() + max(_float_param(params, "timeout", 0.0), 0.0)
        self._poll_generation += 1
        generation = self._poll_generation
        while not (updates := self.state.deliverable(limit)) and not self._closing.is_set():
            if generation != self._poll_generation:
                raise ApiError(409, _CONFLICT)
            if (remaining := deadline - time.monotonic()) <= 0:
                break
            await self._wait_change(remaining)
        if updates:
            self._delivered_up_to = max(self._delivered_up_to, updates[-1]["update_id"])
            self._touch(False)
        return copy.deepcopy(updates)

    def push_update(self, update: JsonDict) -> int:
        """Queue an update (a copy) for getUpdates; returns its new update_id."""
        update_id = self.state.add_update(copy.deepcopy(update))
        self._notify()
        return update_id

    @property
    def pending_updates(self) -> list[JsonDict]:
        """Updates not yet handed out by getUpdates."""
        return [u for u in self.state.updates if u["update_id"] > self._delivered_up_to]

    # ----------------------------------------------------------------- faults

    def inject_fault(self, method: str, kind: str, count: int = 1, **params: Any) -> None:
        """Make the next `count` calls of `method` fail.

        Kinds and their params: "flood" (retry_after=1: 429 with parameters.retry_after),
        "server_error" (status=500, or 502 ...), "delay" (seconds=1.0: the call is carried out,
        the answer comes late), "drop" (process=False: connection closed without an answer;
        process=True carries the call out first), "forbidden" (description= "Forbidden: bot was
        blocked by the user"). Faults are used up in the order injected, per method.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; use one of {FAULT_KINDS}")
        name = self._handlers.get(method.lower(), (method, None))[0]
        queue = self._faults.setdefault(name.lower(), deque())
        queue.extend(InjectedFault(name, kind, dict(params)) for _ in range(count))

    @property
    def pending_faults(self) -> list[InjectedFault]:
        """Injected faults that have not fired yet."""
        return [fault for queue in self._faults.values() for fault in queue]

    def _take_fault(self, method: str) -> InjectedFault | None:
        """The next fault for `method`, recorded in faults_injected as it fires."""
        queue = self._faults.get(method.lower())
        if not queue:
            return None
        fault = queue.popleft()
        fired = InjectedFault(fault.method, fault.kind, fault.params, time.monotonic())
        self.faults_injected.append(fired)
        return fired

    async def _apply_fault(self, request: web.Request, call: RecordedCall, fault: InjectedFault) -> web.StreamResponse:
        """Answer the way the fault says."""
        params = fault.params
        if fault.kind == "flood":
            retry_after = int(params.get("retry_after", 1))
            error = ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
            return self._finish(call, error.payload())
        if fault.kind == "server_error":
            status = int(params.get("status", 500))
            description = str(params.get("description", _STATUS_TEXT.get(status, "Internal Server Error")))
            return self._finish(call, ApiError(status, description).payload())
        if fault.kind == "forbidden":
            description = str(params.get("description", "Forbidden: bot was blocked by the user"))
            return self._finish(call, ApiError(403, description).payload())
        if fault.kind == "delay":
            response = self._finish(call, await self._execute(call))
            await self._sleep(float(params.get("seconds", 1.0)))
            return response
        return await self._drop(request, call, bool(params.get("process", False)))

    async def _drop(self, request: web.Request, call: RecordedCall, process: bool) -> web.StreamResponse:
        """Close the connection without answering (optionally after carrying the call out)."""
        if process:
            self._finish(call, await self._execute(call))
            call.status = None
        if request.transport is not None:
            request.transport.close()
        await asyncio.sleep(0)
        raise ConnectionResetError("fault injected: connection dropped")

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but wake up when the server closes."""
        try:
            await asyncio.wait_for(self._closing.wait(), seconds)
        except TimeoutError:
            pass

    # ----------------------------------------------------------------- recording & queries

    def _record(self, call: RecordedCall) -> None:
        """Append a call and wake waiters."""
        self.recorded.append(call)
        self._touch(call.method == "getUpdates")

    def _touch(self, polling: bool) -> None:
        """Note activity (polls do not count) and wake waiters."""
        if not polling:
            self._last_activity = time.monotonic()
        self._notify()

    def _notify(self) -> None:
        """Wake everyone waiting for a change."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_change(self, timeout: float) -> None:
        """Wait until something changes or `timeout` seconds pass."""
        try:
            await asyncio.wait_for(self._changed.wait(), max(timeout, 0.0))
        except TimeoutError:
            pass

    def calls(self, method: str | None = None) -> list[RecordedCall]:
        """All recorded calls, or those of one method (case-insensitive)."""
        if method is None:
            return list(self.recorded)
        return [call for call in self.recorded if call.method.lower() == method.lower()]

    def sent_messages(self, chat_id: int | None = None) -> list[JsonDict]:
        """Successful sendMessage/editMessageText calls (to `chat_id`), oldest first.

        Each is a dict: method, chat_id, message_id, text (as sent), parse_mode,
        reply_markup (dict or None), visible_text (what the user sees) and message
        (the Message returned to the bot; press_button accepts the whole dict).
        """
        found = [_sent_record(call) for call in self.recorded if _is_sent_message(call)]
        return [record for record in found if chat_id is None or record["chat_id"] == chat_id]

    def sent_documents(self, chat_id: int | None = None) -> list[JsonDict]:
        """Successful sendDocument calls: chat_id, filename, content, mime_type, caption, parse_mode, message."""
        found = [_document_record(call) for call in self.calls("sendDocument") if call.ok]
        return [record for record in found if chat_id is None or record["chat_id"] == chat_id]

    def commands(self, scope: JsonDict | None = None, language_code: str = "") -> list[dict[str, str]]:
        """The command list stored by setMyCommands for exactly this scope and language."""
        return list(self.state.commands.get(commands_key(scope, language_code), []))

    # ----------------------------------------------------------------- waiting

    async def _wait_until(self, check: Callable[[], T | None], timeout: float, explain: Callable[[], str]) -> T:
        """Re-run `check` on every change until it returns a value; TimeoutError after `timeout`."""
        deadline = time.monotonic() + timeout
        while (value := check()) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(explain())
            await self._wait_change(remaining)
        return value

    async def wait_for(self, predicate: Callable[[RecordedCall], bool], timeout: float = 5.0) -> RecordedCall:
        """The first answered call matching `predicate` not returned by an earlier wait_for.

        Predicates that raise (e.g. KeyError on another method's params) count as no match.
        """

        def check() -> RecordedCall | None:
            for index, call in enumerate(self.recorded):
                if call.done and index not in self._consumed and _matches(predicate, call):
                    self._consumed.add(index)
                    return call
            return None

        return await self._wait_until(check, timeout, lambda: f"no matching call within {timeout}s; {self._summary()}")

    async def wait_for_messages(self, chat_id: int, count: int, timeout: float = 5.0) -> list[JsonDict]:
        """The next `count` sent_messages(chat_id) not returned by an earlier wait_for_messages."""
        start = self._message_cursors.get(chat_id, 0)

        def check() -> list[JsonDict] | None:
            records = self.sent_messages(chat_id)
            if len(records) < start + count:
                return None
            self._message_cursors[chat_id] = start + count
            return records[start : start + count]

        def explain() -> str:
            got = [r["visible_text"][:80] for r in self.sent_messages(chat_id)[start:]]
            return f"wanted {count} new message(s) in chat {chat_id} within {timeout}s, got {got}; {self._summary()}"

        return await self._wait_until(check, timeout, explain)

    async def wait_idle(self, quiet: float = 0.3, timeout: float = 5.0) -> list[RecordedCall]:
        """Wait until all pushed updates were fetched and no call came or ran for `quiet` seconds.

        Returns the calls (other than getUpdates) recorded while waiting, so a "bot stays
        silent" test can assert the list is empty.
        """
        first = len(self.recorded)
        deadline = time.monotonic() + timeout
        while not self._idle_for(quiet):
            if time.monotonic() >= deadline:
                raise TimeoutError(f"not idle within {timeout}s; {self._summary()}")
            pause = max(quiet - (time.monotonic() - self._last_activity), 0.01)
            await self._wait_change(min(pause, deadline - time.monotonic()))
        return [call for call in self.recorded[first:] if call.method != "getUpdates"]

    def _idle_for(self, quiet: float) -> bool:
        """All updates fetched, no call running, and none for `quiet` seconds."""
        if self.pending_updates or self._busy:
            return False
        return time.monotonic() - self._last_activity >= quiet

    def _summary(self) -> str:
        """The last few non-polling calls, for timeout messages."""
        calls = [c for c in self.recorded if c.method != "getUpdates"][-8:]
        shown = [f"{c.method}({_short(c.params)}) -> {c.status}" for c in calls]
        return f"pending updates: {len(self.pending_updates)}; last calls: {shown}"


def _json_response(body: JsonDict) -> web.Response:
    """A Telegram-style JSON answer; the HTTP status equals error_code."""
    status = 200 if body.get("ok") else int(body["error_code"])
    return web.json_response(body, status=status)


def _matches(predicate: Callable[[RecordedCall], bool], call: RecordedCall) -> bool:
    """Apply a test's predicate; exceptions mean no match."""
    try:
        return bool(predicate(call))
    except Exception:
        return False


def _is_sent_message(call: RecordedCall) -> bool:
    """A successful sendMessage/editMessageText that produced a Message."""
    return call.method in MESSAGE_METHODS and call.ok and isinstance(call.result, dict)


def _sent_record(call: RecordedCall) -> JsonDict:
    """The sent_messages() view of a call."""
    message: JsonDict = call.result
    return {
        "method": call.method,
        "chat_id": message["chat"]["id"],
        "message_id": message["message_id"],
        "text": call.params.get("text"),
        "parse_mode": call.params.get("parse_mode"),
        "reply_markup": call.params.get("reply_markup"),
        "visible_text": message.get("text", ""),
        "message": message,
    }


def _document_record(call: RecordedCall) -> JsonDict:
    """The sent_documents() view of a call."""
    message: JsonDict = call.result
    upload = call.files.get("document") or next(iter(call.files.values()), None)
    return {
        "chat_id": message["chat"]["id"],
        "filename": upload.filename if upload else message["document"].get("file_name"),
        "content": upload.content if upload else None,
        "mime_type": upload.mime_type if upload else message["document"].get("mime_type"),
        "caption": call.params.get("caption"),
        "parse_mode": call.params.get("parse_mode"),
        "message": message,
    }


def _int_param(params: JsonDict, name: str, default: int) -> int:
    """An integer parameter, 400 if it is not one."""
    value = params.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_request(f"wrong parameter {name} in request")
    return int(value)


def _float_param(params: JsonDict, name: str, default: float) -> float:
    """A number parameter, 400 if it is not one."""
    value = params.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_request(f"wrong parameter {name} in request")
    return float(value)


def _short(params: JsonDict) -> str:
    """Parameters, shortened for messages."""
    text = json.dumps(params, ensure_ascii=False, default=str)
    return text if len(text) <= 120 else text[:117] + "..."


__all__ = ["BOT_USERNAME", "DEFAULT_TOKEN", "FAULT_KINDS", "FakeBotApi"]
