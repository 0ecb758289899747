"""What the moderation tests share: the store's content for before/after comparisons, fresh stores
built from the shipped sources (optionally without one document, so that it can be imported), and a
fictional new entry."""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from typing import Any

from knowledge.models import SourceText
from knowledge.service import AnswerService
from knowledge.shipped import SHIPPED_ACTOR, seed_translations, shipped_documents
from knowledge.shipped_files import shipped_source_texts
from knowledge.storage.store import Store

#: A question the shipped sources do not answer, and a (fictional, test-only) text that answers it.
NEW_QUESTION = "Krijgen Belarussische studenten een beurs in Nederland?"
NEW_TEXT = (
    "Het kabinet stelt via het Nuffic-programma beurzen beschikbaar voor Belarussische studenten "
    "die na de verkiezingen van hun universiteit zijn verwijderd."
)
#: Questions the shipped sources cannot answer: they end up in the review queue.
UNANSWERED = "Komt er een visumfacilitatieakkoord met Belarus?"
UNANSWERED_VARIANT = "Komt er visumfacilitatieakkoord met Belarus"
XML_DIR = Path(__file__).resolve().parent / "data" / "xml"
#: Official XML fixtures (by the importers' helper): new answers to Kamervragen, and the shipped letter again.
AANHANGSEL_XML = XML_DIR / "aanhangsel-antwoorden.xml"
KAMERSTUK_XML = XML_DIR / "kamerstuk-brief.xml"
LETTER_KEY = "kamerbrief-2021-03-02-2298"
ANSWERS_KEY = "kamervragen-2021-07-16"


def content(store: Store) -> dict[str, Any]:
    """Everything an export holds except the moment it was taken: equal means nothing changed."""
    return store.export().model_dump(exclude={"exported_at"})


def stored(database: Path) -> dict[str, Any]:
    """The content of the store in a database file (see content)."""
    store = Store.open(database)
    try:
        return content(store)
    finally:
        store.close()


def fresh_store(without: str | None = None) -> Store:
    """An in-memory store with the shipped documents (except `without`): a copy of one built once."""
    conn = sqlite3.connect(":memory:")
    _built(without).db.conn.backup(conn)
    return Store._from_connection(conn)


def fresh_service(without: str | None = None) -> AnswerService:
    return AnswerService(fresh_store(without))


@functools.cache
def _built(without: str | None) -> Store:
    """Parsing and analysing the sources takes a while; copying the result takes a millisecond."""
    store = Store.in_memory()
    sources = shipped_source_texts()
    for parsed in shipped_documents():
        if parsed.document.key != without:
            store.add_document(parsed, SHIPPED_ACTOR, SourceText(format="text", text=sources[parsed.document.key]))
    seed_translations(store)
    AnswerService(store)  # saves each entry's analysis in the store, so copies start at once
    return store


def best_key(service: AnswerService, question: str) -> str | None:
    """The key of the entry that confidently answers, or None."""
    answer = service.answer(question)
    return answer.best.entry_key if answer.answered and answer.best else None


def found_key(service: AnswerService, question: str) -> str | None:
    """The key of the first entry offered at all (the answer or the first suggestion), or None."""
    matches = service.answer(question).matches()
    return matches[0].entry_key if matches else None


def corrected(text: str) -> str:
    """An edit of an official text that its document still contains (the last sentence dropped, as a
    moderator would correct a misread paragraph end): accepted as official, and a new version."""
    head, _, _ = text.rstrip(".").rpartition(". ")
    assert head, "a text of one sentence cannot be shortened this way"
    return head + "."


LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
#: The complete first sentence of the answer the cut-off copy stops in (see cut_off_document).
CUT_OFF_SENTENCE = "De NAVO neemt deze ontwikkeling serieus."


def cut_off_document(moderation: Any) -> str:
    """Import a copy that stops mid-sentence in answer 3 (with its source text) and return its key:
    CUT_OFF_SENTENCE is then official text of it that is no entry yet, as a new official entry needs."""
    from knowledge.ingest.parsing import parse_document

    raw = (LAYOUTS / "afgebroken_tekst.txt").read_text(encoding="utf-8")
    raw = raw.replace("serieus en heeft de bondgenoten", "serieus. De bondgenoten zijn")
    preview = moderation.preview_import(parse_document(raw))
    stored, _ = moderation.commit_import(preview.parsed, "cli:setup", SourceText(format="text", text=raw))
    return str(stored.key)


def assert_preview_says_cut_off(document: Any, number: int) -> None:
    """The import preview of `document` warns, in English and Dutch and with the interface's own
    labels, that its question `number` looks cut off and is not imported."""
    from interface.previews import render_preview
    from interface.texts import texts_for
    from interface.texts.moderator import IMPORT_EN, IMPORT_NL
    from knowledge.moderation import Moderation
    from knowledge.reasons import Reason

    preview = Moderation(fresh_service()).preview_import(document)
    assert any(n.reason is Reason.WARN_CUT_OFF for n in preview.notices)
    assert f"Vraag {number} looks cut off and is not imported" in render_preview(preview, IMPORT_EN)
    assert f"Vraag {number} lijkt afgebroken" in render_preview(preview, IMPORT_NL)
    english = render_preview(preview, IMPORT_EN, texts=texts_for("en"))
    assert f"Question {number} (Vraag {number}) looks cut off and is not imported" in english
