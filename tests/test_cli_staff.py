"""Moderation from the server's command line (bot/staff.py through bot/cli.py): the same checks as in
Telegram; a refusal is one line `error: ...`, a non-zero exit, and nothing written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.staff import cli_actor
from knowledge.models import EntryStatus
from knowledge.service import AnswerService
from knowledge.storage.clock import today
from knowledge.storage.store import Store
from tests.conftest import ANSWERS
from tests.moderationkit import LETTER_KEY, NEW_QUESTION, NEW_TEXT, UNANSWERED, UNANSWERED_VARIANT, stored
from tests.pdfgen import make_pdf

FICTIONAL = Path(__file__).resolve().parent / "data" / "documents"
EIGHT_QUESTIONS = FICTIONAL / "kamervragen_eight_questions.txt"  # parses as kamervragen-2023-03-22, 7 entries
TWO_MINISTERS = FICTIONAL / "kamerbrief_signature_two_ministers.txt"  # kamerbrief-2024-02-12-14, 5 entries


#: The one line of a refusal starts with "error:" in the --language (English by default).
ERROR_PREFIXES = ("error: ", "fout: ", "ошибка: ", "памылка: ")

def run(capsys: pytest.CaptureFixture[str], database: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--database", str(database), *args])
    out, err = capsys.readouterr()
    return code, out, err


def ask(capsys: pytest.CaptureFixture[str], database: Path, question: str) -> dict[str, Any]:
    code, out, _ = run(capsys, database, "ask", "--json", question)
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def refused(capsys: pytest.CaptureFixture[str], database: Path, *args: str) -> str:
    """Run a command that must be refused: one line on stderr, exit 1, and the store unchanged."""
    before = stored(database)
    code, out, err = run(capsys, database, *args)
    assert code == 1 and out == "", (code, out)
    assert err.startswith(ERROR_PREFIXES) and err.count("\n") == 1, err
    assert stored(database) == before
    return err


@pytest.fixture
def service_on(database: Path) -> Iterator[AnswerService]:
    service = AnswerService.open(database)
    yield service
    service.close()


# --- import ---------------------------------------------------------------------------------------


def test_import_of_a_text_file_adds_the_document_and_answers_from_it(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    question = "Hoeveel politieke gevangenen zijn er volgens de meest recente gegevens in Belarus?"
    assert all(not m["key"].startswith("kamervragen-2023") for m in ask(capsys, database, question)["matches"])
    code, out, _ = run(capsys, database, "import", str(EIGHT_QUESTIONS))
    assert code == 0
    summary = "kamervragen-2023-03-22: Answers to parliamentary questions, 22 March 2023, 7 entries"
    assert out.splitlines() == [summary, "Imported: kamervragen-2023-03-22 with 7 entries. standpunt undo reverts it."]
    assert ask(capsys, database, question)["matches"][0]["key"] == "kamervragen-2023-03-22/4"
    actors = {c["actor"] for c in stored(database)["changes"] if (c["object_key"] or "").startswith("kamervragen-2023")}
    assert actors == {cli_actor()}


def test_import_of_a_pdf(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf(TWO_MINISTERS.read_text(encoding="utf-8")))
    code, out, _ = run(capsys, database, "import", str(pdf))
    summary = "kamerbrief-2024-02-12-14: Letter to Parliament (Kamerbrief), 12 February 2024, 5 entries"
    assert code == 0 and out.startswith(summary)


def test_import_dry_run_shows_the_preview_and_writes_nothing(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    before = stored(database)
    code, out, _ = run(capsys, database, "import", "--dry-run", str(EIGHT_QUESTIONS))
    lines = out.splitlines()
    assert code == 0 and lines[0] == "kamervragen-2023-03-22: Answers to parliamentary questions, 22 March 2023, 7 entries"
    # the preview (since issue 13): kind, date, authors, citation and every entry's number and first words
    assert "Kind: Answers to parliamentary questions" in lines and "Date: 22 March 2023" in lines
    assert any(line.startswith("Authors: minister Verhoef (Buitenlandse Zaken) [Minister of Foreign Affairs]") for line in lines)
    assert any(line.startswith("Citation: ") for line in lines)
    # in English, each official Dutch label beside its translation (issue 13, one language per reply)
    listed = [line for line in lines if line.startswith("Question ")]
    assert len(listed) == 7 and listed[-1].startswith("Question 7, 8 (Vragen 7 en 8): "), listed
    assert listed[0].startswith("Question 1 (Vraag 1): "), listed
    assert stored(database) == before


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("leeg.txt", b"", "the file is empty"),
        ("brief.txt", bytes(range(256)) * 8, "not a text file"),
        ("scan.pdf", make_pdf(""), "no text layer"),
        ("brief.docx", b"PK\x03\x04", "send a .txt, .pdf or .xml file"),
        (ANSWERS.name, ANSWERS.read_bytes(), "already in the store as kamervragen-2021-07-16"),
        ("notitie.txt", "Een tekst van één regel zonder kop.\n".encode(), "none of the marks of an official document"),
    ],
)
def test_import_refuses_bad_files_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in refused(capsys, database, "import", str(path))


def test_import_of_a_missing_file_is_refused(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    assert "cannot read" in refused(capsys, database, "import", str(tmp_path / "nowhere.txt"))


def test_import_over_the_upload_limit_is_refused(
    capsys: pytest.CaptureFixture[str], database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAX_UPLOAD_BYTES", "1000")
    assert "too large" in refused(capsys, database, "import", str(EIGHT_QUESTIONS))


# --- export and restore ---------------------------------------------------------------------------


def test_export_then_restore_round_trip_is_exact(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    run(capsys, database, "retire", "3")
    code, out, _ = run(capsys, database, "export", str(export))
    assert code == 0 and out == f"Exported 2 documents and 13 entries to {export}.\n"
    exported = stored(database)
    run(capsys, database, "import", str(EIGHT_QUESTIONS))
    run(capsys, database, "retire", "5")
    assert stored(database) != exported
    code, out, _ = run(capsys, database, "restore", str(export), "--yes")  # it retires the newer import
    assert code == 0 and out == "Restored 2 documents and 13 entries.\n"
    again = stored(database)
    assert again["documents"][: len(exported["documents"])] == exported["documents"]
    restored = {e["key"]: e for e in again["entries"]}
    for entry in exported["entries"]:  # the content as exported; a version on for an entry changed back
        assert {**restored.pop(entry["key"]), "version": 0, "updated_at": 0} == {**entry, "version": 0, "updated_at": 0}
    assert restored and {e["status"] for e in restored.values()} == {"retired"}, "the newer import is kept, retired"
    assert again["changes"][: len(exported["changes"])] == exported["changes"], "the history comes along"
    assert [c["action"] for c in again["changes"]].count("retire") == 2, "and the history since the export stays"
    assert ask(capsys, database, "Kunnen EU-diplomaten politieke gevangenen in Belarus bezoeken?")["answered"]


def test_restore_dry_run_says_what_it_would_retire_change_and_add_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    run(capsys, database, "export", str(export))
    run(capsys, database, "import", str(EIGHT_QUESTIONS))
    run(capsys, database, "retire", "3")
    before = stored(database)
    code, out, _ = run(capsys, database, "restore", str(export), "--dry-run")
    new_keys = [e["key"] for e in before["entries"] if e["document_key"] == "kamervragen-2023-03-22"]
    assert code == 0 and len(new_keys) == 7
    retired_line, changed_line = out.splitlines()[1:]
    assert out.splitlines()[0] == (
        f"Dry run, nothing changed: restoring {export} would retire 7 entries, change 1 entry and add 0 entries."
    )
    assert retired_line == "  retired: " + ", ".join(new_keys), "every entry the restore would retire, by key"
    assert changed_line == "  changed: " + next(e["key"] for e in before["entries"] if e["id"] == 3)
    assert stored(database) == before, "a dry run writes nothing"
    fresh = tmp_path / "new.sqlite3"
    code, out, _ = run(capsys, fresh, "restore", str(export), "--dry-run")
    assert code == 0 and "would retire 0 entries, change 0 entries and add 0 entries" in out, "the same content"


@pytest.mark.parametrize("empty", [True, False], ids=["empty export", "export from before an import"])
def test_a_restore_that_would_retire_entries_not_in_the_export_needs_yes(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, empty: bool
) -> None:
    """Restoring an empty or much smaller export retired every entry not in it, without a word: now it
    is refused in one line, nothing changed, until --yes confirms it; then it is audited as before."""
    export = tmp_path / "export.json"
    run(capsys, database, "export", str(export))
    if empty:
        data = json.loads(export.read_text(encoding="utf-8"))
        data.update(documents=[], entries=[], changes=[], sources={}, translations=[])
        export.write_text(json.dumps(data), encoding="utf-8")
    run(capsys, database, "import", str(EIGHT_QUESTIONS))
    retiring = 20 if empty else 7
    message = refused(capsys, database, "restore", str(export))
    assert f"would retire active entries that are not in it (entries: {retiring}); nothing was changed" in message
    assert "--dry-run" in message and "--yes" in message
    assert f"fout: deze export terugzetten zou actieve items intrekken die er niet in staan (items: {retiring})" in (
        refused(capsys, database, "--language", "nl", "restore", str(export))
    )
    code, out, _ = run(capsys, database, "restore", str(export), "--dry-run")
    assert code == 0 and f"would retire {retiring} entries" in out
    code, out, _ = run(capsys, database, "restore", str(export), "--yes")
    assert code == 0 and out.startswith("Restored")
    after = stored(database)
    assert len(after["entries"]) == 20, "nothing is lost: the entries are kept, retired"
    assert sum(e["status"] == "active" for e in after["entries"]) == 20 - retiring
    assert [c["action"] for c in after["changes"]].count("revert") >= retiring, "each retirement audited"


def test_undo_after_a_restore_says_in_one_line_that_a_restore_is_final(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    run(capsys, database, "export", str(export))
    run(capsys, database, "restore", str(export))
    before = stored(database)
    message = refused(capsys, database, "undo")
    assert "restored an export, which cannot be undone" in message and "\n" not in message.strip()
    assert stored(database)["entries"] == before["entries"]
    run(capsys, database, "retire", "3")
    code, out, _ = run(capsys, database, "undo")
    assert code == 0, "a change after the restore is undone as any other"
    assert "restored an export" in refused(capsys, database, "undo"), "and the restore is still final, not a traceback"


def test_restore_of_another_stores_export_is_refused_in_one_line_and_loses_nothing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    """A rebuilt store: its new document takes ids 3 and 14-18, which the old store's export gives to
    another document and other entries. Restoring it would drop the store's own document, entries and
    source text and join two entries' histories under one id: refused, saying how to go on."""
    there = tmp_path / "there" / "old.sqlite3"
    there.parent.mkdir()
    for built in database.parent.iterdir():
        if built.is_file() and built.name.startswith(database.name):
            (there.parent / built.name.replace(database.name, there.name)).write_bytes(built.read_bytes())
    run(capsys, there, "import", str(EIGHT_QUESTIONS))
    export = tmp_path / "old.json"
    assert run(capsys, there, "export", str(export))[0] == 0
    run(capsys, database, "import", str(TWO_MINISTERS))  # here: document 3, entries 14-18
    message = refused(capsys, database, "restore", str(export))
    assert "from another store" in message and "documents: 1, entries: 5" in message, message
    assert "restore it into a new store: a new file, given with --database" in message.lower()
    assert "kamerbrief-2024-02-12-14" in {d["key"] for d in stored(database)["documents"]}
    fresh = tmp_path / "new.sqlite3"
    code, out, _ = run(capsys, fresh, "restore", str(export))
    assert code == 0 and out == "Restored 3 documents and 20 entries.\n", "into a new store, as the line says"


def _forged(entries: list[dict[str, Any]]) -> None:
    entries[3]["text"] = "Het kabinet is tegen alle sancties tegen Belarus en wil de banden met Minsk versterken."


def _renumbered(entries: list[dict[str, Any]]) -> None:
    entries[3]["number"] = entries[0]["number"]


def _orphaned(entries: list[dict[str, Any]]) -> None:
    entries[2]["document_key"] = "kamerbrief-2099-01-01-1"


def _doubled(entries: list[dict[str, Any]]) -> None:
    entries[3]["id"] = entries[2]["id"]


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (_forged, f"the export's entry 4 is official text of {LETTER_KEY}, but the document's source text does not contain it"),
        (_renumbered, f"the export's entries 1 and 4 are both number 1 of {LETTER_KEY}, with different texts"),
        (_orphaned, "its entry 3 belongs to kamerbrief-2099-01-01-1, which is not in it"),
        (_doubled, "two of its objects have the id or key 3"),
    ],
    ids=["text not the document's", "number twice", "entry without its document", "id twice"],
)
def test_restore_of_an_edited_or_damaged_export_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, damage: Any, said: str
) -> None:
    """An export edited by hand or damaged: words the minister never wrote under 'alinea 4', two
    'alinea 1', an entry of no document (a traceback before), two entries under one id (the database
    blamed before). Refused in one line naming the entry, nothing changed."""
    export = tmp_path / "export.json"
    assert run(capsys, database, "export", str(export))[0] == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    damage(data["entries"])
    export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    message = refused(capsys, database, "restore", str(export))
    assert said in message and message.rstrip().endswith("nothing was changed"), message
    assert "Traceback" not in message and "database" not in message


def test_restore_checks_an_official_entry_against_the_kept_source_when_the_export_lacks_it(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    """An export edited to drop a document's source text (and forge one of its entries) is checked
    against the source text the store keeps for that same document: the forgery is refused."""
    export = tmp_path / "export.json"
    assert run(capsys, database, "export", str(export))[0] == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    _forged(data["entries"])
    del data["sources"][LETTER_KEY]
    export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = stored(database)
    said = f"the export's entry 4 is official text of {LETTER_KEY}, but the document's source text does not contain it"
    for dry_run in (["--dry-run"], []):
        message = refused(capsys, database, "restore", str(export), *dry_run)
        assert said in message, message
    assert stored(database) == before


@pytest.mark.parametrize("target", [["-"], []], ids=["dash", "no file"])
def test_export_to_standard_output(capsys: pytest.CaptureFixture[str], database: Path, target: list[str]) -> None:
    code, out, _ = run(capsys, database, "export", *target)
    payload = json.loads(out)
    assert code == 0 and payload["format"] == "standpunt-export" and len(payload["entries"]) == 13


@pytest.mark.parametrize("data", [b"", b"not json", b"{}", b'{"format": "standpunt-export"}', b"\xff\xfe"])
def test_restore_refuses_a_file_that_is_not_an_export(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(data)
    assert "not a Standpunt export" in refused(capsys, database, "restore", str(path))


# --- add ------------------------------------------------------------------------------------------

JSON_ENTRIES = [
    {
        "document_key": LETTER_KEY,
        "question": NEW_QUESTION,
        "text": NEW_TEXT,
        "alternates": [{"text": "scholarships for Belarusian students", "language": "en"}],
        "topics": ["onderwijs"],
    }
]

YAML_ENTRY = f"""
new_document:
  kind: kamerbrief
  title: Brief van de Minister van Onderwijs
  date: 2024-05-01
  number: "77"
  authors:
    - name: R.H. Dijkgraaf
      role: Minister van Onderwijs, Cultuur en Wetenschap
question: "{NEW_QUESTION}"
text: >-
  {NEW_TEXT}
"""


def test_add_from_json_answers_at_once(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    path = tmp_path / "entries.json"
    path.write_text(json.dumps(JSON_ENTRIES), encoding="utf-8")
    code, out, _ = run(capsys, database, "add", str(path))
    assert code == 0 and out == (
        f"Added entry 14 ({LETTER_KEY}/note-1) as a moderator's note, not official text "
        "(its document does not contain this text).\n"
    )
    answer = ask(capsys, database, NEW_QUESTION)
    assert answer["answered"] and answer["matches"][0]["key"] == f"{LETTER_KEY}/note-1"


def test_add_from_yaml_with_a_new_document(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    path = tmp_path / "entry.yaml"
    path.write_text(YAML_ENTRY, encoding="utf-8")
    code, out, _ = run(capsys, database, "add", str(path))
    assert code == 0 and out == (
        "Added entry 14 (kamerbrief-2024-05-01-77/note-1) as a moderator's note, not official text "
        "(a document described by hand has no source text).\n"
    )
    best = ask(capsys, database, NEW_QUESTION)["matches"][0]
    assert best["answer"] == NEW_TEXT
    # A hand-described document has no source text: the entry is a moderator's note, with its own
    # label and no citation (changed by design, issue 13).
    assert best["official"] is False and best["citation"] is None
    assert best["note"]["date"] == "2024-05-01" and best["note"]["label"].startswith("📝")


SAME_DAY_YAML = """
- new_document: {kind: kamervragen, date: 2024-05-01, title: Antwoord op vragen over visa,
                 authors: [{name: J.P. Verhoef, role: minister}]}
  question: "QUESTION"
  text: "TEXT"
- new_document: {kind: kamervragen, date: 2024-05-01, title: Antwoord op vragen over studenten,
                 authors: [{name: A.M. Kuipers-Dekker, role: minister}]}
  question: Mogen Belarussische studenten in Nederland blijven na hun studie?
  text: Na afronding van de studie kunnen zij een zoekjaar hoogopgeleiden aanvragen.
""".replace("QUESTION", NEW_QUESTION).replace("TEXT", NEW_TEXT)


def test_add_puts_two_hand_described_documents_of_one_day_side_by_side_and_refuses_them_again(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "entries.yaml"
    path.write_text(SAME_DAY_YAML, encoding="utf-8")
    code, out, _ = run(capsys, database, "add", str(path))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "(kamervragen-2024-05-01/" in lines[0] and "(kamervragen-2024-05-01-kuipers-dekker/" in lines[1]
    again = tmp_path / "again.yaml"
    again.write_text(SAME_DAY_YAML.replace(NEW_QUESTION, "Een heel andere vraag over visa?"), encoding="utf-8")
    err = refused(capsys, database, "add", str(again))
    assert err == "error: entry 1: a document kamervragen-2024-05-01 already exists; add the entry to it instead\n"


#: Where a text that is already entry 3's (the letter's paragraph 3) would go: another document, a new
#: one, or a note of the letter; none of them may hold the government's words of entry 3 a second time.
ELSEWHERE = {
    "another document": {"document_key": "kamervragen-2021-07-16"},
    "a new document": {"new_document": {"kind": "kamerbrief", "title": "Brief over sancties", "date": "2024-05-01"}},
    "a note": {"document_key": LETTER_KEY, "note": True},
}


@pytest.mark.parametrize("where", list(ELSEWHERE))
def test_add_of_a_text_that_is_already_an_entry_is_refused_wherever_it_would_go(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, where: str
) -> None:
    """F24: not saved as a note (or under a hand-described document) beside the entry it repeats."""
    store = Store.open(database)
    text = store.entry(3).text.replace(". ", ".\n")  # copied with its lines broken
    store.close()
    path = tmp_path / "entries.json"
    path.write_text(json.dumps([{"question": "Welke maatregelen nam de EU?", "text": text, **ELSEWHERE[where]}]))
    err = refused(capsys, database, "add", str(path))
    assert err.startswith("error: entry 1: this text is already entry 3 (number 3 of the document)"), err
    assert 'standpunt alias 3 "<question>"' in err


BAD_ADD_FILES = {
    "broken json": ("entries.json", b'[{"question": ', "is not valid JSON (line 1, column 15)"),
    "broken yaml": ("entries.yaml", b"question: [unclosed", "is not valid YAML (line 1, column 20)"),
    "empty yaml": ("entries.yaml", b"", "holds no entries"),
    "empty list": ("entries.json", b"[]", "holds no entries"),
    "missing text": (
        "entries.yaml", f"document_key: {LETTER_KEY}\nquestion: Een vraag?\n".encode(), "entry 1: the field text is missing"
    ),
    "unknown document": (
        "entries.json",
        json.dumps([{**JSON_ENTRIES[0], "document_key": "kamerbrief-1999-01-01"}]).encode(),
        "entry 1: there is no document kamerbrief-1999-01-01",
    ),
    "existing question": (
        "entries.json",
        json.dumps([{**JSON_ENTRIES[0], "question": "Welke sancties heeft de EU tegen Belarus ingesteld?"}]).encode(),
        "entry 1: this question already exists: entry 3",
    ),
    "second of two repeats the first": (
        "entries.json", json.dumps(JSON_ENTRIES * 2).encode(), "entry 2: this question already exists"
    ),
    "not utf-8": ("entries.yaml", "question: Één vraag\n".encode("utf-16"), "is not UTF-8 text"),
}


@pytest.mark.parametrize("case", list(BAD_ADD_FILES))
def test_add_refuses_an_invalid_file_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, case: str
) -> None:
    name, data, reason = BAD_ADD_FILES[case]
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in refused(capsys, database, "add", str(path))


# --- retire, review, stats ------------------------------------------------------------------------


def test_retire_hides_an_entry_but_keeps_it(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    question = "Welke sancties heeft de EU tegen Belarus ingesteld?"
    assert ask(capsys, database, question)["matches"][0]["id"] == 3
    code, out, _ = run(capsys, database, "retire", "3")
    assert code == 0 and out == "Entry 3 is retired (not deleted; standpunt restore 3 brings it back).\n"
    assert all(m["id"] != 3 for m in ask(capsys, database, question)["matches"])
    store = Store.open(database)
    assert store.entry(3).status is EntryStatus.RETIRED and store.history(3)[-1].action == "retire"
    store.close()
    assert "already retired" in refused(capsys, database, "retire", "3")
    assert "no entry 999" in refused(capsys, database, "retire", "999")


def test_review_lists_unanswered_questions_grouped(
    capsys: pytest.CaptureFixture[str], database: Path, service_on: AnswerService
) -> None:
    code, out, _ = run(capsys, database, "review")
    assert code == 0 and out == "The queue is empty.\n"  # the sentence of Telegram's English
    for question in (UNANSWERED, UNANSWERED, UNANSWERED_VARIANT):
        service_on.answer(question, record=True)
    code, out, _ = run(capsys, database, "review")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("   3× Komt er een visumfacilitatieakkoord met Belarus?  (items 1, 2;")
    assert lines[1].strip() == "· Komt er visumfacilitatieakkoord met Belarus"  # as asked; grouped by the folded form


def test_stats_count_documents_entries_questions_and_feedback(
    capsys: pytest.CaptureFixture[str], database: Path, service_on: AnswerService
) -> None:
    service_on.answer("Heeft het kabinet een speciaal meldpunt voor bedreigde Belarussen?", record=True)
    service_on.answer(UNANSWERED, record=True)
    service_on.record_feedback(13, helpful=False)
    code, out, _ = run(capsys, database, "stats")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Documents 2, active entries 13, retired 0, open in review 1"
    assert lines[2].split() == [today(), "1", "0", "1"]
    assert lines[-1] == "  #13: 0 / 1"


def test_import_preview_keeps_the_particles_of_ministers_names(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    from tests.test_layouts import ANSWERS_BY_PARTICLE_NAMES

    path = tmp_path / "antwoorden.txt"
    path.write_text(ANSWERS_BY_PARTICLE_NAMES, encoding="utf-8")
    code, out, _ = run(capsys, database, "--language", "nl", "import", "--dry-run", str(path))
    authors = next(line for line in out.splitlines() if line.startswith("Auteurs: "))
    assert code == 0 and authors == (
        "Auteurs: minister van der Berg (Buitenlandse Zaken), staatssecretaris ter Horst (Justitie en Veiligheid), "
        "minister F.B.J. Dijkstra (Justitie en Veiligheid)"
    )


def test_sources_prints_no_placeholder_for_a_document_without_reference(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    assert run(capsys, database, "import", str(EIGHT_QUESTIONS))[0] == 0
    code, out, _ = run(capsys, database, "sources")
    lines = out.splitlines()
    at = lines.index("kamervragen-2023-03-22")
    block = lines[at : at + 5]
    assert code == 0 and "  7 entries" in block, block
    assert not any(line.strip().startswith("-") for line in lines), "no '-' for a reference that is not known"
    assert "  Kamerstukken II 2020/21, 21 501-02, nr. 2298 · 7 entries" in lines, "a known reference stays"


def test_import_and_sources_speak_the_chosen_language(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    """--language was ignored: the English CLI said 'Kamerbrief, 2024-02-12' and '2 maart 2021'."""
    code, out, _ = run(capsys, database, "--language", "ru", "import", "--dry-run", str(TWO_MINISTERS))
    assert code == 0 and "12 февраля 2024" in out.splitlines()[0] and "Kamerbrief," not in out.splitlines()[0]
    code, out, _ = run(capsys, database, "--language", "en", "sources")
    assert code == 0 and "2 March 2021" in out and "maart" not in out
    assert "S.A. Blok, Minister van Buitenlandse Zaken [Minister of Foreign Affairs]" in out, "official role kept, glossed"
    assert "Letter to Parliament (Kamerbrief) · 2 March 2021" in out
    code, out, _ = run(capsys, database, "--language", "nl", "sources")
    assert "Kamerbrief · 2 maart 2021 · S.A. Blok, Minister van Buitenlandse Zaken\n" in out, "Dutch unchanged"


def test_add_help_lists_every_field_and_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    from knowledge.moderation import DocumentDraft, EntryDraft

    with pytest.raises(SystemExit):
        main(["add", "--help"])
    shown = capsys.readouterr().out
    listed = {line.split()[0] for line in shown.splitlines() if line.startswith("  ") and line.split()}
    assert set(EntryDraft.model_fields) <= listed and set(DocumentDraft.model_fields) <= listed
    assert "example" in shown and "document_key: kamerbrief-2021-03-02-2298" in shown


@pytest.mark.parametrize(
    "language, entry, expected",
    [
        ("en", {"question": "ab", "text": "x"}, "error: entry 2: question is too short (at least 3 characters)\n"),
        ("en", {"question": "Een vraag?", "text": "x", "documentkey": "k"},
         "error: entry 2: documentkey is not a field (standpunt add --help lists the fields)\n"),
        ("nl", {"question": "Een vraag?", "text": "x", "language": "de"},
         "fout: item 2: language moet een van deze zijn: nl, en, ru, be\n"),
        ("ru", {"question": "Een vraag?", "text": "x", "new_document": {"kind": "kamerbrief", "title": "Brief",
                                                                         "date": "2 maart"}},
         "ошибка: запись 2: new_document.date — не дата; напишите её как 2024-05-01\n"),
        ("be", {"question": "Een vraag?", "text": "x", "note": "perhaps"},
         "памылка: запіс 2: note павінна быць true або false\n"),
    ],
)
def test_add_says_what_is_wrong_in_plain_words_in_the_moderators_language(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, language: str, entry: dict[str, Any],
    expected: str,
) -> None:
    path = tmp_path / "entries.json"
    path.write_text(json.dumps([JSON_ENTRIES[0], entry]), encoding="utf-8")  # the second entry is wrong
    err = refused(capsys, database, "--language", language, "add", str(path))
    assert err == expected
    assert "Field required" not in err and "Input should" not in err
