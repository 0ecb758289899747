"""Citations that cannot lie (issue 13, section 4): an entry under an official document is text of
that document, checked against its source text in the store, and takes the number it has there;
anything else is a moderator's note, stored and shown with its own label, never with a number,
citation or link of the document, nor as the government's words."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from handlers.render import render_match_messages
from interface.plain import render_answer_plain, render_match_plain
from interface.texts import texts_for
from knowledge.ingest.importers import read_document
from knowledge.ingest.sourcetext import comparable, source_of_upload
from knowledge.models import EntryStatus, ParsedDocument
from knowledge.moderation import EntryDraft, Moderation, ModerationError
from knowledge.reasons import Reason
from knowledge.service import AnswerService
from knowledge.storage.migrations import SCHEMA_VERSION
from knowledge.storage.store import Store
from tests.moderationkit import LETTER_KEY, NEW_QUESTION, NEW_TEXT, content, fresh_service

FICTIONAL = Path(__file__).resolve().parent / "data" / "documents"
EIGHT_QUESTIONS = FICTIONAL / "kamervragen_eight_questions.txt"
EIGHT_KEY = "kamervragen-2023-03-22"
#: Answer 3 of EIGHT_QUESTIONS as a moderator pastes it from a PDF: lines broken, "EU-verband" split at its hyphen.
ANSWER_3_PASTED = (
    "Ja. In EU-\nverband zijn herhaaldelijk verzoeken   ingediend om gedetineerde\n"
    "oppositieleden te bezoeken. Deze verzoeken zijn door de Belarussische autori-\nteiten "
    "steeds afgewezen of onbeantwoord gebleven."
)
ANNA = "telegram:77"


@pytest.fixture
def moderation() -> Moderation:
    return Moderation(fresh_service())


def import_without(moderation: Moderation, missing: int) -> ParsedDocument:
    """Import EIGHT_QUESTIONS with its source text, as if the importer had missed answer `missing`."""
    data = EIGHT_QUESTIONS.read_bytes()
    parsed = read_document(data, EIGHT_QUESTIONS.name)
    partial = ParsedDocument(document=parsed.document, entries=[e for e in parsed.entries if e.number != missing])
    moderation.commit_import(partial, ANNA, source_of_upload(data, EIGHT_QUESTIONS.name))
    return parsed


def letter_paragraph(moderation: Moderation, number: int) -> str:
    return moderation.store.entry_by_key(f"{LETTER_KEY}/{number}").text


# --- official entries: text of the document, with its own number ------------------------------------


def test_text_of_the_document_becomes_an_official_entry_with_the_number_it_has_there(moderation: Moderation) -> None:
    import_without(moderation, missing=3)
    before = moderation.store.next_entry_number(EIGHT_KEY)
    entry = moderation.add_entry(
        EntryDraft(document_key=EIGHT_KEY, question="Vroeg Nederland toegang?", text=ANSWER_3_PASTED), ANNA
    )
    assert before > 3, "'next number' would have been after the last answer"
    assert entry.key == f"{EIGHT_KEY}/3" and entry.number == 3 and not entry.note
    match = moderation.answers.match_for_entry(entry)
    assert match.citation.number_label == "Vraag 3" and not match.citation.is_note
    assert entry.text == ANSWER_3_PASTED.strip(), "the moderator's text is kept as sent"


def test_whitespace_hyphenation_and_quotes_do_not_count_but_words_do() -> None:
    assert comparable("EU-\nverband  “zo”") == comparable('EUverband "zo"')
    assert comparable("maatregelen") != comparable("maatregel")


def test_text_that_is_already_an_entry_is_refused_with_a_pointer_to_it(moderation: Moderation) -> None:
    paragraph = letter_paragraph(moderation, 3)
    before = content(moderation.store)
    with pytest.raises(ModerationError) as refused:
        moderation.add_entry(
            EntryDraft(document_key=LETTER_KEY, question="Welke EU-sancties?", text=paragraph[:200]), ANNA
        )
    assert refused.value.reason is Reason.TEXT_IS_ENTRY and refused.value.values["number"] == 3
    entry_id = moderation.store.entry_by_key(f"{LETTER_KEY}/3").id
    moderation.set_status(entry_id or 0, EntryStatus.RETIRED, ANNA)
    with pytest.raises(ModerationError) as retired:
        moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question="Welke EU-sancties?", text=paragraph), ANNA)
    assert retired.value.reason is Reason.TEXT_IS_RETIRED_ENTRY and f"restore {entry_id}" in str(retired.value)
    assert len(content(moderation.store)["entries"]) == len(before["entries"]), "nothing added"


# --- moderators' notes -------------------------------------------------------------------------------


def test_text_the_document_does_not_contain_is_a_moderators_note_never_its_next_paragraph(
    moderation: Moderation,
) -> None:
    entry = moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), ANNA)
    assert entry.note and entry.number != 8, "the letter has 7 paragraphs: no 'alinea 8'"
    plan = moderation.plan_entry(EntryDraft(document_key=LETTER_KEY, question="Andere vraag?", text=NEW_TEXT))
    assert plan.note and plan.why_note is Reason.NOT_IN_DOCUMENT
    answer = moderation.answers.answer(NEW_QUESTION)
    assert answer.best is not None and answer.best.entry_id == entry.id
    citation = answer.best.citation
    assert citation.is_note and citation.url is None and citation.reference is None and citation.authors == []
    assert "alinea" not in citation.line() and "notitie van een moderator" in citation.line()


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_a_note_is_shown_with_its_own_label_in_every_language(moderation: Moderation, language: str) -> None:
    entry = moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), ANNA)
    texts = texts_for(language)
    match = moderation.answers.match_for_entry(entry)
    plain = render_match_plain(match, texts)
    html = "\n".join(render_match_messages(match, texts))
    for shown in (plain, html):
        assert texts.moderator_note in shown
        assert texts.paragraph_label.format(number=entry.number) not in shown and "📄" not in shown
        assert "zoek.officielebekendmakingen.nl" not in shown and "2298" not in shown.replace(LETTER_KEY, "")


def test_an_official_entry_is_refused_when_asked_for_and_the_text_is_not_the_documents(moderation: Moderation) -> None:
    before = content(moderation.store)
    with pytest.raises(ModerationError) as refused:
        moderation.add_entry(
            EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT, note=False), ANNA
        )
    assert refused.value.reason is Reason.NOT_IN_DOCUMENT
    assert content(moderation.store) == before


def test_editing_an_official_entrys_text_to_other_words_is_refused(moderation: Moderation) -> None:
    entry = moderation.store.entry_by_key(f"{LETTER_KEY}/3")
    with pytest.raises(ModerationError) as refused:
        moderation.edit_entry(entry.id or 0, entry.version, ANNA, text=NEW_TEXT)
    assert refused.value.reason is Reason.NOT_IN_DOCUMENT
    with pytest.raises(ModerationError) as moved:
        moderation.edit_entry(entry.id or 0, entry.version, ANNA, text=letter_paragraph(moderation, 4))
    assert moved.value.reason is Reason.NUMBER_MISMATCH
    shorter = entry.text[: len(entry.text) // 2]
    assert moderation.edit_entry(entry.id or 0, entry.version, ANNA, text=shorter).text == shorter.strip()


# --- stores from before source texts were kept ---------------------------------------------------


def _before_source_texts(path: Path) -> None:
    """Turn a current database back into what version 5 left: no source texts, no notes, no asked form
    (and none of the later versions' translations or stored references)."""
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE translations; DROP TABLE question_languages; DROP TABLE document_sources; "
        "ALTER TABLE entries DROP COLUMN note; ALTER TABLE entries DROP COLUMN refs; "
        "ALTER TABLE review_queue DROP COLUMN asked; PRAGMA user_version = 5;"
    )
    conn.commit()
    conn.close()


def test_migration_backfills_shipped_documents_and_leaves_others_unverifiable(tmp_path: Path) -> None:
    path = tmp_path / "standpunt.sqlite3"
    service = AnswerService.open(path)
    moderation = Moderation(service)
    data = EIGHT_QUESTIONS.read_bytes()
    moderation.commit_import(read_document(data, EIGHT_QUESTIONS.name), ANNA, source_of_upload(data, EIGHT_QUESTIONS.name))
    service.close()
    _before_source_texts(path)

    store = Store.open(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.document_source(LETTER_KEY) is not None, "shipped: back from the shipped file"
    assert store.document_source(EIGHT_KEY) is None, "imported before: no source to be had"
    moderation = Moderation(AnswerService(store))
    answer_2 = store.entry_by_key(f"{EIGHT_KEY}/2").text
    with pytest.raises(ModerationError) as refused:
        moderation.add_entry(EntryDraft(document_key=EIGHT_KEY, question="Wat is bekend?", text=answer_2, note=False), ANNA)
    assert refused.value.reason is Reason.NO_SOURCE and "no source text" in str(refused.value)
    note = "Een moderator merkt op dat deze antwoorden voor de bron werden bewaard."
    plan = moderation.plan_entry(EntryDraft(document_key=EIGHT_KEY, question="Wat is bekend?", text=note))
    assert plan.note and plan.why_note is Reason.NO_SOURCE, "allowed, as a note"
    with pytest.raises(ModerationError) as repeated:  # but not the text of its own entry 2 again, as a note
        moderation.plan_entry(EntryDraft(document_key=EIGHT_KEY, question="Wat is bekend?", text=answer_2))
    assert repeated.value.reason is Reason.TEXT_IS_ENTRY
    store.close()


def test_export_and_restore_keep_the_source_texts(moderation: Moderation) -> None:
    export = moderation.export()
    assert LETTER_KEY in export.sources
    other = Moderation(fresh_service())
    other.restore(export.model_dump_json(), ANNA)
    assert other.store.document_source(LETTER_KEY) == moderation.store.document_source(LETTER_KEY)


def test_a_restore_of_an_export_without_a_documents_source_text_keeps_the_stores(moderation: Moderation) -> None:
    """An export from before source texts were kept (or edited) has none for the letter: the store's
    stays, so that its entries can still be checked and edited (it was deleted, with no way back)."""
    kept = moderation.store.document_source(LETTER_KEY)
    export = moderation.export()
    del export.sources[LETTER_KEY]
    moderation.restore(export.model_dump_json(), ANNA)
    assert kept is not None and moderation.store.document_source(LETTER_KEY) == kept
    assert LETTER_KEY in moderation.export().sources


# --- the command line -----------------------------------------------------------------------------


def test_ask_json_marks_a_note_and_gives_it_no_citation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "standpunt.sqlite3"
    AnswerService.open(path).close()
    entries = tmp_path / "note.json"
    entries.write_text(json.dumps({"document_key": LETTER_KEY, "question": NEW_QUESTION, "text": NEW_TEXT}), encoding="utf-8")
    assert main(["--database", str(path), "add", str(entries)]) == 0
    assert "as a moderator's note, not official text (its document does not contain this text)" in capsys.readouterr().out
    for language in ("nl", "ru"):
        assert main(["--database", str(path), "--language", language, "ask", "--json", NEW_QUESTION]) == 0
        best = json.loads(capsys.readouterr().out)["matches"][0]
        assert best["answer"] == NEW_TEXT and best["official"] is False and best["citation"] is None
        assert best["note"]["label"] == texts_for(language).moderator_note
    assert main(["--database", str(path), "ask", "--json", "Welke sancties heeft de EU ingesteld tegen Belarus?"]) == 0
    official = json.loads(capsys.readouterr().out)["matches"][0]
    assert official["official"] is True and official["citation"]["number_label"].startswith("alinea")


def test_cli_import_keeps_the_source_so_later_entries_can_be_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "standpunt.sqlite3"
    AnswerService.open(path).close()
    copy = tmp_path / EIGHT_QUESTIONS.name
    shutil.copyfile(EIGHT_QUESTIONS, copy)
    assert main(["--database", str(path), "import", str(copy)]) == 0
    capsys.readouterr()
    store = Store.open(path)
    try:
        source = store.document_source(EIGHT_KEY)
        assert source is not None and source.format == "text" and "Vraag 3" in source.text
    finally:
        store.close()


def test_an_official_xml_import_keeps_its_xml_as_the_source_and_checks_against_it(moderation: Moderation) -> None:
    from tests.moderationkit import AANHANGSEL_XML

    data = AANHANGSEL_XML.read_bytes()
    source = source_of_upload(data, AANHANGSEL_XML.name)
    assert source is not None and source.format == "xml"
    document, entries = moderation.commit_import(read_document(data, AANHANGSEL_XML.name), ANNA, source)
    assert moderation.store.document_source(document.key) == source
    first = max(entries, key=lambda e: len(e.text))
    with pytest.raises(ModerationError) as already:
        moderation.plan_entry(EntryDraft(document_key=document.key, question="Een vraag?", text=first.text))
    assert already.value.reason is Reason.TEXT_IS_ENTRY and already.value.values["number"] == first.number
    plan = moderation.plan_entry(EntryDraft(document_key=document.key, question="Een vraag?", text=NEW_TEXT))
    assert plan.note and plan.why_note is Reason.NOT_IN_DOCUMENT


def test_text_spanning_two_paragraphs_is_in_the_document_but_not_one_entry(moderation: Moderation) -> None:
    spanning = letter_paragraph(moderation, 3)[-80:] + "\n\n" + letter_paragraph(moderation, 4)[:80]
    plan = moderation.plan_entry(EntryDraft(document_key=LETTER_KEY, question="Een vraag?", text=spanning))
    assert plan.note and plan.why_note is Reason.NOT_AN_ANSWER


# --- a note: one label, a citation line that says what it is, a key that is no number ---------------


def test_a_notes_key_cannot_be_read_as_a_number_of_its_document(moderation: Moderation) -> None:
    first = moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), ANNA)
    second = moderation.add_entry(
        EntryDraft(document_key=LETTER_KEY, question="Een tweede vraag over beurzen?", text="Een tweede notitie."), ANNA
    )
    assert (first.key, second.key) == (f"{LETTER_KEY}/note-1", f"{LETTER_KEY}/note-2")
    citation = moderation.answers.match_for_entry(first).citation
    assert citation.number == 0 and citation.numbers == [], "never a number of the document"


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_a_note_carries_its_label_once_and_a_citation_line_that_says_it_is_a_note(
    moderation: Moderation, language: str
) -> None:
    entry = moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), ANNA)
    texts = texts_for(language)
    match = moderation.answers.localise(moderation.answers.match_for_entry(entry), language)
    answer = moderation.answers.answer(NEW_QUESTION)
    assert answer.best is not None and answer.best.entry_id == entry.id
    shown_plain = [
        render_match_plain(match, texts),
        render_answer_plain(answer.model_copy(update={"best": match}), texts),
    ]
    shown_html = [
        "\n".join(render_match_messages(match, texts)),
        "\n".join(render_match_messages(match, texts, heading=texts.moderator_note)),
    ]
    assert match.citation.date is not None
    about = f"Brief van de Minister van Buitenlandse Zaken, {texts.date(match.citation.date)}"
    for shown in shown_plain + shown_html:
        assert shown.count(texts.moderator_note) == 1, shown
        assert texts.note_citation.format(about=about) in shown
        assert texts.kind_kamerbrief not in shown, "the document's kind is not cited as if the note were official"
    told = texts.note_in_dutch
    assert all((told in shown) is (language != "nl") for shown in shown_plain + shown_html), (
        "an asker of another language is told the note is in Dutch"
    )


def test_ask_json_gives_a_notes_key_and_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "standpunt.sqlite3"
    service = AnswerService.open(database)
    Moderation(service).add_entry(EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), ANNA)
    service.close()
    assert main(["--database", str(database), "ask", "--json", "--language", "en", NEW_QUESTION]) == 0
    best = json.loads(capsys.readouterr().out)["matches"][0]
    assert best["key"] == f"{LETTER_KEY}/note-1" and best["official"] is False and best["citation"] is None
    assert best["note"]["language"] == "nl" and best["note"]["label"] == texts_for("en").moderator_note
    assert main(["--database", str(database), "ask", NEW_QUESTION]) == 0
    plain = capsys.readouterr().out
    assert plain.count(texts_for("nl").moderator_note) == 1 and "Geschreven door een moderator van Standpunt" in plain


def test_migration_gives_old_notes_a_note_key_and_keeps_their_ids(tmp_path: Path) -> None:
    path = tmp_path / "standpunt.sqlite3"
    service = AnswerService.open(path)
    moderation = Moderation(service)
    first = moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question=NEW_QUESTION, text=NEW_TEXT), ANNA)
    second = moderation.add_entry(EntryDraft(document_key=LETTER_KEY, question="Tweede vraag?", text="Tweede."), ANNA)
    service.close()
    conn = sqlite3.connect(path)  # as versions before 9 keyed them
    conn.execute("UPDATE entries SET key = ? WHERE id = ?", [f"{LETTER_KEY}/9001", first.id])
    conn.execute("UPDATE entries SET key = ? WHERE id = ?", [f"{LETTER_KEY}/9002", second.id])
    conn.execute("UPDATE entries SET key = ? WHERE id = 3", [f"{LETTER_KEY}/3"])
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.entry(first.id or 0).key == f"{LETTER_KEY}/note-1"
    assert store.entry(second.id or 0).key == f"{LETTER_KEY}/note-2"
    assert store.entry(3).key == f"{LETTER_KEY}/3", "official entries keep their keys"
    assert store.history(first.id or 0)[0].action == "create", "the same entry, its history kept"
    store.close()
