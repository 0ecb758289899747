"""What the end-to-end tests of the public bot share: reading keyboards, watching the error handler,
and fresh stores with extra (fictional, test-only) documents."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractAsyncContextManager
from functools import cache
from typing import Any

from botharness import RunningBot, running_bot

from knowledge.models import Author, Document, DocumentKind, Entry, ParsedDocument, SourceText
from knowledge.service import AnswerService
from knowledge.shipped import SHIPPED_ACTOR, seed_translations, shipped_documents
from knowledge.shipped_files import shipped_source_texts
from knowledge.storage.store import Store

Json = dict[str, Any]

#: Questions the shipped sources answer, suggest for, or do not answer at all.
MELDPUNT = "Is er een speciaal meldpunt voor Belarussen die zich bedreigd voelen?"
SANCTIONS = "Welke sancties gelden tegen Belarus?"
VAGUE = "sancties"
UNRELATED = "Wat is het weer in Amsterdam morgen?"
GREETING = "hallo"

PAGED_KEY = "kamerbrief-2022-05-10-3000"
LONG_KEY = "kamerbrief-2022-06-01-3100"
LONG_QUESTION = "Hoe steunt Nederland de bibliotheken en archieven van de Belarussische ballingschapsgemeenschap?"


def buttons(record: Json) -> list[Json]:
    """Every inline button of a sent message (or a stored Message), row by row."""
    message = record.get("message", record)
    markup = record.get("reply_markup") if "reply_markup" in record else message.get("reply_markup")
    return [button for row in (markup or {}).get("inline_keyboard", []) for button in row]


def callback_data(record: Json) -> list[str]:
    return [b["callback_data"] for b in buttons(record) if "callback_data" in b]


def current(bot: RunningBot, record: Json) -> Json:
    """The message as the user sees it now (after edits by the bot)."""
    message = record.get("message", record)
    stored = bot.api.state.message(message["chat"]["id"], message["message_id"])
    assert stored is not None
    return stored


def watch_errors(bot: RunningBot) -> list[BaseException]:
    """Every exception that reaches the application's error handlers, from now on."""
    seen: list[BaseException] = []

    async def note(update: object, context: Any) -> None:
        if context.error is not None:
            seen.append(context.error)

    bot.app.add_error_handler(note)
    return seen


@cache
def shipped() -> tuple[ParsedDocument, ...]:
    """The shipped sources, parsed once per session: parsing them (YAML) is most of a bot's start."""
    return tuple(shipped_documents())


def store_with(*documents: ParsedDocument) -> Store:
    """A fresh in-memory store with the shipped sources (as seed_store leaves it) and `documents`."""
    store = Store.in_memory()
    sources = shipped_source_texts()
    with store.db.atomic():
        for parsed in shipped():
            store.add_document(parsed, SHIPPED_ACTOR, SourceText(format="text", text=sources[parsed.document.key]))
        seed_translations(store, strict=True)
    for parsed in documents:
        store.add_document(parsed, "system:test")
    return store


def service_with(*documents: ParsedDocument) -> AnswerService:
    return AnswerService(store_with(*documents))


def shipped_bot(*documents: ParsedDocument, **overrides: Any) -> AbstractAsyncContextManager[RunningBot]:
    """running_bot() over a fresh store with the shipped sources and `documents`."""
    return running_bot(service=service_with(*documents), **overrides)


def letter(key: str, entries: list[tuple[str, str]], **fields: Any) -> ParsedDocument:
    """A fictional Kamerbrief with numbered paragraphs (question, text)."""
    document = Document(
        key=key,
        kind=DocumentKind.KAMERBRIEF,
        title=fields.pop("title", "Fictieve Kamerbrief voor tests"),
        date=fields.pop("date", dt.date(2022, 5, 10)),
        authors=[Author(name="W.B. Hoekstra", role="Minister van Buitenlandse Zaken")],
        **fields,
    )
    rows = [
        Entry(key=f"{key}/{n}", document_key=key, number=n, question=question, text=text)
        for n, (question, text) in enumerate(entries, start=1)
    ]
    return ParsedDocument(document=document, entries=rows)


def paged_letter(count: int = 20) -> ParsedDocument:
    """A letter with enough paragraphs for several pages in /topics."""
    entries = [
        (f"Testvraag nummer {n} over onderwerp {n}?", f"Testalinea {n} zonder verdere betekenis.") for n in range(1, count + 1)
    ]
    return letter(PAGED_KEY, entries, subject="Een brief met veel alinea's")


def many_letters(count: int) -> list[ParsedDocument]:
    """`count` one-paragraph letters with full metadata: a store that has grown."""
    return [
        letter(
            f"kamerbrief-2022-01-{n:02d}-{4000 + n}",
            [(f"Vraag bij brief {n}?", f"Tekst van brief {n}.")],
            date=dt.date(2022, 1, n),
            subject="Een onderwerp met een vrij lange omschrijving, zoals echte brieven die hebben " * 2,
            citation=f"Kamerstukken II 2021/22, 21 501-02, nr. {4000 + n}",
            url=f"https://zoek.officielebekendmakingen.nl/kst-21501-02-{4000 + n}.html",
        )
        for n in range(1, count + 1)
    ]


LONG_PARAGRAPH = (
    "Nederland steunt de bibliotheken en archieven van de Belarussische ballingschapsgemeenschap met een "
    "meerjarig programma. Het programma richt zich op het bewaren van boeken, kranten en documenten die in "
    "Belarus niet langer veilig zijn. Daarbij werkt het kabinet samen met universiteiten en erfgoedinstellingen "
    "in verschillende lidstaten van de Europese Unie. "
)


def long_letter(paragraphs: int = 8) -> ParsedDocument:
    """A letter whose one entry is ~9,000 characters in several paragraphs: too long for one message."""
    body = "\n\n".join(
        f"{n}. " + LONG_PARAGRAPH * 3 + f"Dit is alinea {n} van het lange antwoord." for n in range(1, paragraphs + 1)
    )
    return letter(
        LONG_KEY,
        [(LONG_QUESTION, body)],
        date=dt.date(2022, 6, 1),
        url="https://zoek.officielebekendmakingen.nl/kst-00000-00-3100.html",
    )
