"""Document identity (issue 13): documents of the same kind and day, and undated ones, side by side;
"already in the store" decided by content whatever the file format; stores migrate with keys unchanged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from interface.previews import render_preview
from interface.texts.moderator import IMPORT_EN
from knowledge.identity import content_digest, entries_digest, is_generic_key
from knowledge.ingest.importers import read_document
from knowledge.ingest.parsing import parse_document
from knowledge.models import ParsedDocument
from knowledge.moderation import Moderation, ModerationError
from knowledge.service import AnswerService
from knowledge.shipped import SHIPPED_ACTOR, shipped_documents
from knowledge.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from knowledge.storage.store import Store
from tests.conftest import ANSWERS
from tests.moderationkit import ANSWERS_KEY, LETTER_KEY, content, fresh_service
from tests.pdfgen import make_pdf

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
ANNA = "telegram:1"


def layout(name: str) -> str:
    return (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")


def same_day_as_the_seed_answers() -> ParsedDocument:
    """Another answer set received on 16 July 2021, without a question number: the seed's generic key."""
    raw = layout("gegroepeerde_nummering").replace("2022Z99310\n", "").replace("14 oktober 2022", "16 juli 2021")
    parsed = parse_document(raw)
    assert parsed.document.key == ANSWERS_KEY, "the parser alone would give it the seed's key"
    return parsed


def undated_letter(body: str, signer: str | None = None) -> ParsedDocument:
    signature = f"\n\nDe Minister van Buitenlandse Zaken,\n\n{signer}\n" if signer else "\n"
    address = "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n\n"
    raw = f"{address}Geachte voorzitter,\n\n{body}{signature}"
    parsed = parse_document(raw)
    assert parsed.document.key == "kamerbrief-undated" and parsed.document.date is None
    return parsed


def test_two_answer_sets_of_the_same_day_sit_side_by_side() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    preview = moderation.preview_import(same_day_as_the_seed_answers())
    assert preview.duplicate_of is None
    assert preview.parsed.document.key == f"{ANSWERS_KEY}-verhoef", "told apart by its authors"
    assert preview.beside == ANSWERS_KEY
    assert "this one goes beside it as kamervragen-2021-07-16-verhoef" in render_preview(preview, IMPORT_EN)
    document, entries = moderation.commit_import(preview.parsed, ANNA)
    assert document.key == f"{ANSWERS_KEY}-verhoef" and [e.key for e in entries] == [
        f"{ANSWERS_KEY}-verhoef/1",
        f"{ANSWERS_KEY}-verhoef/3",
    ]
    assert len(service.store.entries(document_key=ANSWERS_KEY)) == 6, "the first answer set is untouched"
    with pytest.raises(ModerationError, match=f"already in the store as {ANSWERS_KEY}-verhoef"):
        moderation.commit_import(same_day_as_the_seed_answers(), ANNA)


def test_a_third_set_of_that_day_by_the_same_minister_gets_a_digest_key() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    moderation.commit_import(same_day_as_the_seed_answers(), ANNA)
    raw = layout("vraagnummer_eerst").replace("2021Z99923\n", "")
    third = parse_document(raw)
    assert third.document.key == ANSWERS_KEY
    with_one_author = third.document.model_copy(update={"authors": third.document.authors[:1]})
    preview = moderation.preview_import(ParsedDocument(document=with_one_author, entries=third.entries))
    key = preview.parsed.document.key
    assert key == f"{ANSWERS_KEY}-{entries_digest(third.entries)[:8]}"
    moderation.commit_import(preview.parsed, ANNA)
    assert {d.key for d in service.store.documents()} >= {ANSWERS_KEY, f"{ANSWERS_KEY}-verhoef", key}


def test_undated_letters_sit_side_by_side_and_the_same_one_twice_is_refused() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    first = undated_letter("Het kabinet blijft de mensenrechtensituatie in Belarus nauwlettend volgen.")
    second = undated_letter("Nederland steunt het maatschappelijk middenveld in Belarus.", signer="H.M. Kuipers-Dekker")
    third = undated_letter("Het kabinet steunt de democratische oppositie van Belarus in ballingschap.")
    keys = [moderation.commit_import(parsed, ANNA)[0].key for parsed in (first, second, third)]
    assert keys[0] == "kamerbrief-undated"
    assert keys[1] == "kamerbrief-undated-kuipers-dekker"
    assert keys[2] == f"kamerbrief-undated-{entries_digest(third.entries)[:8]}"
    before = content(service.store)
    with pytest.raises(ModerationError, match="already in the store as kamerbrief-undated-kuipers-dekker"):
        moderation.commit_import(second, ANNA)
    assert content(service.store) == before


def test_the_same_text_as_pdf_is_already_in_the_store() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    text = layout("commissievragen_brief")
    moderation.commit_import(read_document(text.encode(), "brief.txt"), ANNA)
    pdf = read_document(make_pdf(text), "brief.pdf")
    assert pdf.document.content_digest == entries_digest(read_document(text.encode(), "b.txt").entries)
    assert moderation.preview_import(pdf).duplicate_of == "kamerbrief-2024-04-17"


def test_the_same_answers_as_official_xml_are_already_in_the_store_under_another_key() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    text_version = parse_document(layout("vraagnummer_eerst"))
    moderation.commit_import(text_version, ANNA)
    pairs = "".join(
        f"<vraag><nr>Vraag {e.number}</nr><al>{e.question}</al></vraag><antwoord><nr>Antwoord {e.number}</nr>"
        + "".join(f"<al>{p}</al>" for p in e.text.split("\n\n"))
        + "</antwoord>"
        for e in text_version.entries
    )
    xml = read_document(f"<kamervragen>{pairs}</kamervragen>".encode(), "antwoord.xml")
    assert xml.document.key == "kamervragen-undated", "the XML states neither date nor number here"
    assert moderation.preview_import(xml).duplicate_of == text_version.document.key


def test_the_digest_ignores_layout_but_not_words() -> None:
    assert content_digest(["Het kabinet ver-", "oordeelt dit.  "]) == content_digest(["Het kabinet veroordeelt dit."])
    assert content_digest(["Het kabinet veroordeelt dit."]) != content_digest(["Het kabinet veroordeelt dat."])
    assert is_generic_key("kamervragen-2021-07-16") and is_generic_key("kamerbrief-undated")
    assert not is_generic_key(LETTER_KEY)


def test_a_withdrawn_same_day_document_is_imported_again_under_its_own_key() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    moderation.commit_import(same_day_as_the_seed_answers(), ANNA)
    moderation.undo(ANNA)
    preview = moderation.preview_import(same_day_as_the_seed_answers())
    assert preview.duplicate_of is None and preview.parsed.document.key == f"{ANSWERS_KEY}-verhoef"
    assert any("withdrawn" in w for w in preview.warnings)
    moderation.commit_import(preview.parsed, ANNA)
    assert len(service.store.entries(document_key=ANSWERS_KEY)) == 6


def test_an_existing_store_migrates_with_its_keys_unchanged_and_digests_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    conn = sqlite3.connect(path)
    db = Database(conn)
    migrate(db, target=3)
    documents = shipped_documents()
    for parsed in documents:  # written as a version-3 program wrote them: no digest column
        row = parsed.document.model_dump(mode="json", exclude={"id", "content_digest", "references"})
        row.update(refs="[]", authors="[]", version=1)
        document_id = db["documents"].insert(row).last_pk
        for entry in parsed.entries:
            db["entries"].insert(
                {
                    "key": entry.key,
                    "document_id": document_id,
                    "number": entry.number,
                    "numbers": "[]",
                    "question": entry.question,
                    "question_is_official": int(entry.question_is_official),
                    "text": entry.text,
                    "footnotes": "[]",
                    "alternates": "[]",
                    "topics": "[]",
                    "language": "nl",
                    "status": "active",
                    "version": 1,
                }
            )
    conn.commit()
    conn.close()

    store = Store.open(path)
    assert schema_version(store.db) == SCHEMA_VERSION
    assert sorted(d.key for d in store.documents()) == sorted([LETTER_KEY, ANSWERS_KEY])
    for parsed in documents:
        assert store.document(parsed.document.key).content_digest == entries_digest(parsed.entries)
    moderation = Moderation(AnswerService(store))
    answers = parse_document(ANSWERS.read_text(encoding="utf-8"))
    assert moderation.preview_import(answers).duplicate_of == ANSWERS_KEY, "the same text, found by its digest"
    store.close()


def test_restoring_an_old_export_backfills_the_digests() -> None:
    service = fresh_service()
    export = service.store.export().model_dump(mode="json")
    for document in export["documents"]:
        document.pop("content_digest")
    Moderation(service).restore(json.dumps(export), SHIPPED_ACTOR)
    assert all(d.content_digest for d in service.store.documents())


def _short_answers(number: str, date: str, question: str) -> str:
    return (
        f"{number}\n\nVragen van het lid Voorbeeld (XX) aan de minister van Buitenlandse Zaken over Minsk "
        f"(ingezonden 1 september 2021).\n\nAntwoord van minister Kaag (Buitenlandse Zaken) (ontvangen {date}).\n\n"
        f"Vraag 1\n{question}\n\nAntwoord 1\nNee.\n"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("2021Z20001", "20 september 2021", "Klopt het dat de ambassadeur Minsk moet verlaten?"),
         ("2021Z20002", "21 september 2021", "Is de ambassade in Minsk gesloten?")),
        (("2021Z20001", "20 september 2021", "Klopt het dat de ambassadeur Minsk moet verlaten?"),
         ("2021Z20002", "20 september 2021", "Klopt het dat de ambassadeur Minsk moet verlaten?")),
        (("", "20 september 2021", "Klopt het dat de ambassadeur Minsk moet verlaten?"),
         ("", "20 september 2021", "Is de ambassade in Minsk gesloten?")),
    ],
    ids=["other-number-and-question", "other-number-only", "other-question-only"],
)
def test_the_same_short_answers_to_another_document_are_not_already_in_the_store(
    first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    """'Nee.' answers many questions: a different question number, or different questions, is another
    document whatever its answers' digest (found trying the merged moderator flows)."""
    service = fresh_service()
    moderation = Moderation(service)
    one = moderation.commit_import(parse_document(_short_answers(*first)), "cli:test")
    preview = moderation.preview_import(parse_document(_short_answers(*second)))
    assert preview.duplicate_of is None
    two = moderation.commit_import(preview.parsed, "cli:test")
    assert one.document.key != two.document.key and {e.text for e in two.entries} == {"Nee."}
    with pytest.raises(ModerationError, match="already in the store"):  # the same one again still is
        moderation.commit_import(parse_document(_short_answers(*second)), "cli:test")


def test_a_same_day_letter_stored_by_another_writer_meanwhile_does_not_refuse_this_one(database: Path) -> None:
    """Two writers import different undated letters at once: the second stores its letter between the
    first's preview and its write. The first still gets a key of its own (it used to be refused as
    'already in the store as kamerbrief-undated', and lost), because the key is chosen under the lock."""
    import threading

    first = AnswerService.open(database)
    letters = [
        undated_letter(f"Het kabinet {what} de mensenrechtensituatie in Belarus nauwgezet.", "A.B. Minister")
        for what in ("volgt", "bespreekt met partners")
    ]
    previewed, stored = threading.Event(), threading.Event()
    slow = Moderation(first)
    preview_import = slow.preview_import

    def preview_then_wait(parsed: ParsedDocument) -> object:
        found = preview_import(parsed)
        previewed.set()
        stored.wait(1.0)  # the other writer stores meanwhile, unless it must wait for this one's lock
        return found

    slow.preview_import = preview_then_wait  # type: ignore[method-assign]
    results: list[object] = []

    def other_writer() -> None:  # a writer of its own: its own connection, in its own thread
        second = AnswerService.open(database)
        try:
            previewed.wait(5)
            results.append(Moderation(second).commit_import(letters[1], "cli:b").document.key)
        finally:
            stored.set()
            second.close()

    thread = threading.Thread(target=other_writer)
    thread.start()
    try:
        mine = slow.commit_import(letters[0], "cli:a").document.key
    finally:
        thread.join(10)
        first.close()
    keys = {mine, *results}  # type: ignore[arg-type]
    assert len(keys) == 2 and all(str(k).startswith("kamerbrief-undated") for k in keys), keys
    store = Store.open(database)
    try:
        assert {d.key for d in store.documents()} >= keys, "both letters stored"
    finally:
        store.close()
