"""The index snapshot (knowledge/search/snapshot.py): what is read back is the index written, tombstones
and all, and answers the same; a truncated or foreign file is ignored, never half read."""

from __future__ import annotations

from pathlib import Path

from knowledge.models import AlternateQuestion, Entry, Language
from knowledge.search.index import Index
from knowledge.search.matcher import Matcher
from knowledge.search.snapshot import load_any_snapshot, write_snapshot
from knowledge.text.analysis import Analyzer

ANALYZER = Analyzer()
QUESTIONS = ["meldpunt bedreiging belarussen", "sancties tegen het regime", "politieke gevangenen bezoeken"]


def index_with_tombstones() -> Index:
    index = Index(ANALYZER)
    texts = [
        ("Is er een meldpunt?", "Er komt geen apart meldpunt voor bedreigde Belarussen.", ["topic-a"]),
        ("Komen er sancties?", "De EU stelt sancties in tegen het regime. Meer volgen.", []),
        (None, "Diplomaten willen politieke gevangenen bezoeken. Dat wordt geweigerd.", ["topic-b"]),
        ("Wat doet de politie?", "Aangifte kan bij de politie.", []),
    ]
    for number, (question, text, topics) in enumerate(texts, start=1):
        entry = Entry(
            id=number, key=f"d/{number}", document_key="d", number=number, question=question, text=text, topics=topics,
            alternates=[AlternateQuestion(text=f"{question or text} echt", language=Language.NL)],
        )
        index.add(entry, date=737000 + number)
    index.remove(2)
    index.add(Entry(id=2, key="d/2", document_key="d", number=2, question="Komen er meer sancties?", text="Ja, sancties."))
    return index


def test_the_index_read_back_is_the_index_written(tmp_path: Path) -> None:
    index = index_with_tombstones()
    path = tmp_path / "s.index"
    write_snapshot(path, "fp", 7, "stamp", index)
    found = load_any_snapshot(path, lambda revision: "stamp" if revision == 7 else "", ANALYZER, "fp")
    assert found is not None and found.revision == 7
    copy = found.search_index
    assert copy.snapshot() == index.snapshot()
    assert sorted(copy.entry_ids()) == sorted(index.entry_ids())
    assert copy.topics_of(3) == frozenset({"topic-b"}) and copy.date_of(1) == 737001
    for question in QUESTIONS:
        ours, theirs = Matcher(index).rank(question).scored, Matcher(copy).rank(question).scored
        assert [(s.entry_id, s.relevance) for s in ours] == [(s.entry_id, s.relevance) for s in theirs]


def test_a_truncated_or_foreign_snapshot_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "s.index"
    write_snapshot(path, "fp", 7, "stamp", index_with_tombstones())
    whole = path.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:-3], b"\x05" + whole[1:], b"not a snapshot"):
        path.write_bytes(damaged)
        assert load_any_snapshot(path, lambda revision: "stamp", ANALYZER, "fp") is None
    path.write_bytes(whole)
    assert load_any_snapshot(path, lambda revision: "stamp", ANALYZER, "another analysis") is None
