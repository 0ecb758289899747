"""Preview and reply cite an entry's number the same way (issue 13, 4): a letter answering a
committee's numbered questions is previewed as 'Vraag 1', 'Vraag 2' and every reply cites those
numbers as questions too (never 'alinea'); a grouped answer 'Vragen 1 en 2' reads the same in both."""

from __future__ import annotations

import pytest

from handlers.render import render_match_messages
from interface.plain import render_match_plain
from interface.previews import render_preview
from interface.texts import texts_for
from interface.texts.moderator import import_texts
from knowledge.ingest.parsing import parse_document
from knowledge.models import SourceText
from knowledge.moderation import Moderation
from tests.moderationkit import LAYOUTS, fresh_service


@pytest.mark.parametrize("layout", ["commissievragen_brief.txt", "gegroepeerde_nummering.txt"])
def test_the_reply_cites_each_entry_as_the_import_preview_numbered_it(layout: str) -> None:
    service = fresh_service()
    moderation = Moderation(service)
    raw = (LAYOUTS / layout).read_text(encoding="utf-8")
    preview = moderation.preview_import(parse_document(raw))
    shown = render_preview(preview, import_texts("nl"))
    stored, _ = moderation.commit_import(preview.parsed, "cli:test", SourceText(format="text", text=raw))
    entries = service.entries_of(stored.key)
    assert entries
    for entry in entries:
        label = Moderation.entry_label(entry, stored.kind)
        assert f"{label}:" in shown, "the preview lists it under this label"
        match = service.entry_match(entry.id or 0)
        for reply in (render_match_plain(match, texts_for("nl")), render_match_messages(match, texts_for("nl"))[-1]):
            citation = reply.rsplit("📄", 1)[-1] if "—" not in reply else reply.split("— ", 1)[1]
            assert label in citation and "alinea" not in citation, (label, citation)
        if label.startswith("Vra"):
            for code in ("en", "ru", "be"):
                texts = texts_for(code)
                english = render_match_plain(service.entry_match(entry.id or 0, language=code), texts)
                word = texts.question_label.split("{")[0].strip()
                assert word in english.rsplit("— ", 1)[1] and texts.paragraph_label.split("{")[0].strip() not in (
                    english.rsplit("— ", 1)[1]
                )
