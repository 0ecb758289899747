"""The parser on fictional documents of the same shapes as the seeds (tests/data/documents/).

Each document has a sidecar `.expected.yaml` with what a correct parser must produce; the parser
was written for the document types, so these pass without anything specific to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.ingest.parsing import parse_document

FIXTURES = Path(__file__).resolve().parent / "data" / "documents"
DOCUMENTS = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _load(name: str) -> tuple[Any, dict[str, Any]]:
    raw = (FIXTURES / f"{name}.txt").read_bytes().decode("utf-8")
    expected = yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    return parse_document(raw), expected


def test_there_are_fixtures_of_both_kinds() -> None:
    kinds = {yaml.safe_load((FIXTURES / f"{n}.expected.yaml").read_text())["kind"] for n in DOCUMENTS}
    assert len(DOCUMENTS) >= 6 and kinds == {"kamerbrief", "kamervragen"}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_metadata(name: str) -> None:
    parsed, expected = _load(name)
    document = parsed.document
    assert document.kind.value == expected["kind"]
    assert str(document.date) == expected["date"]
    assert document.number == expected["number"]
    assert document.official_id == expected["official_id"]
    assert document.question_number == expected["question_number"]
    authors = [a.model_dump(exclude_none=True) for a in document.authors]
    assert authors == [{k: v for k, v in a.items() if v is not None} for a in expected["authors"]]
    assert document.references == expected["references"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_entries_texts_and_footnotes(name: str) -> None:
    parsed, expected = _load(name)
    got = [
        {
            "number": e.number,
            "question": e.question,
            "text": e.text,
            "footnotes": [f.model_dump() for f in e.footnotes],
        }
        for e in parsed.entries
    ]
    want = [
        {
            "number": e["number"],
            "question": e["question"],
            "text": e["text"],
            "footnotes": [{"number": f["number"], "text": f["text"], "url": f.get("url")} for f in e["footnotes"]],
        }
        for e in expected["entries"]
    ]
    assert got == want
    combined = [e for e in expected["entries"] if e.get("numbers")]
    for entry in combined:
        assert next(e for e in parsed.entries if e.number == entry["number"]).numbers == entry["numbers"]
