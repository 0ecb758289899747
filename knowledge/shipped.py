"""The sources the project ships as data, and building a fresh store from them on first start."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from knowledge.ingest.parsing import parse_document
from knowledge.models import AlternateQuestion, Language, ParsedDocument, SourceText
from knowledge.shipped_files import shipped_source_texts, sources_folder
from knowledge.storage import translations
from knowledge.storage.store import Store
from knowledge.yamlfast import load_yaml

SHIPPED_ACTOR = "system:shipped-sources"


class DocumentOverlay(BaseModel):
    """What is known about a shipped document beyond its text (documents.yaml)."""

    file: str
    subject: str | None = None
    citation: str | None = None
    official_id: str | None = None
    url: str | None = None
    notes: str | None = None


class Curation(BaseModel):
    """A moderator's questions, topics and alternate phrasings for one entry (curation.yaml)."""

    question: str | None = None
    topics: list[str] = Field(default_factory=list)
    alternates: dict[Language, list[str]] = Field(default_factory=dict)


class ShippedTranslation(BaseModel):
    """One entry's curated, unofficial translation into one language (translations.yaml)."""

    question: str | None = None
    text: str = Field(min_length=1)


def shipped_translations() -> dict[str, dict[Language, ShippedTranslation]]:
    """translations.yaml: entry key -> language -> {question, text}; empty when not shipped."""
    raw = _load_yaml("translations.yaml") or {}
    return {
        key: {Language(language): ShippedTranslation.model_validate(value) for language, value in languages.items()}
        for key, languages in raw.items()
    }


def _load_yaml(name: str) -> Any:
    path = sources_folder() / name
    return load_yaml(path.read_text(encoding="utf-8")) if path.is_file() else {}


def shipped_documents() -> list[ParsedDocument]:
    """Parse every shipped document, with its overlay and curated questions applied."""
    overlays = {key: DocumentOverlay.model_validate(value) for key, value in _load_yaml("documents.yaml").items()}
    curation = {key: Curation.model_validate(value) for key, value in (_load_yaml("curation.yaml") or {}).items()}
    parsed_documents = []
    for key, overlay in overlays.items():
        raw = (sources_folder() / overlay.file).read_text(encoding="utf-8")
        parsed = parse_document(raw)
        if parsed.document.key != key:
            raise ValueError(f"{overlay.file} parses as {parsed.document.key!r}, documents.yaml calls it {key!r}")
        parsed_documents.append(apply_curation(apply_overlay(parsed, overlay), curation))
    return parsed_documents


def apply_overlay(parsed: ParsedDocument, overlay: DocumentOverlay) -> ParsedDocument:
    known = overlay.model_dump(exclude={"file"}, exclude_none=True)
    document = parsed.document.model_copy(update={k: v for k, v in known.items() if not getattr(parsed.document, k)})
    return ParsedDocument(document=document, entries=parsed.entries)


def apply_curation(parsed: ParsedDocument, curation: dict[str, Curation]) -> ParsedDocument:
    entries = []
    for entry in parsed.entries:
        curated = curation.get(entry.key)
        if curated is None:
            entries.append(entry)
            continue
        alternates = [
            AlternateQuestion(text=text, language=language)
            for language, texts in curated.alternates.items()
            for text in texts
        ]
        question = entry.question if entry.question_is_official else (curated.question or entry.question)
        entries.append(
            entry.model_copy(update={"question": question, "topics": curated.topics, "alternates": alternates})
        )
    return ParsedDocument(document=parsed.document, entries=entries)


def seed_store(store: Store) -> int:
    """Fill an empty store with the shipped documents (and their source texts); returns how many
    were added. Several processes starting on a new file at once fill it once."""
    if store.has_documents():
        return 0
    documents = shipped_documents()
    sources = shipped_source_texts()
    with store.db.atomic():  # takes the write lock: a second process waits, then finds it filled
        if store.has_documents():
            return 0
        for parsed in documents:
            text = sources.get(parsed.document.key)
            store.add_document(parsed, SHIPPED_ACTOR, SourceText(format="text", text=text) if text else None)
        seed_translations(store, strict=True)
    return len(documents)


def seed_translations(store: Store, *, strict: bool = False) -> int:
    """Add the shipped translations to a store that has none yet (a new store, or one built before
    translations existed). Each belongs to version 1 of its entry, the shipped official text, so one
    whose entry was edited since is stale at once. `strict`: an unknown entry key is an error."""
    if store.db.execute("SELECT 1 FROM translations LIMIT 1").fetchone():
        return 0
    added = 0
    with store.db.atomic():
        for key, languages in shipped_translations().items():
            try:
                entry = store.entry_by_key(key)
            except KeyError:
                if strict:
                    raise ValueError(f"translations.yaml names {key!r}, which is not a shipped entry") from None
                continue
            made_for = entry.model_copy(update={"version": 1})
            for language, item in languages.items():
                translations.save(store, made_for, language, item.text, item.question, SHIPPED_ACTOR)
                added += 1
    return added
