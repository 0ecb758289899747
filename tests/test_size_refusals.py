"""The upload limit in a moderator's refusal is written as megabytes with the language's decimal
sign, as import by id writes it (ImportTexts.size), never '5000000 bytes' (issue 13 §5: one
language per reply, read as a moderator reads it)."""

from __future__ import annotations

import re

import httpx
import pytest

from interface.previews import fetch_refusal
from interface.texts.moderator import import_texts, moderator_texts
from interface.texts.staff import staff_texts
from knowledge.ingest.importers import DocumentRejected, read_document
from knowledge.ingest.publications import FetchError, PublicationSource
from knowledge.moderation import ModerationError
from knowledge.reasons import SIZE_REASONS, Reason, english

LETTER = ("Geachte voorzitter,\n\n" + "Het kabinet steunt het maatschappelijk middenveld in Belarus. " * 40).encode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "het bestand is te groot (1,6 MB; de grens is 1,5 MB)"),
        ("en", "the file is too large (1.6 MB; the limit is 1.5 MB)"),
        ("ru", "файл слишком большой (1,6 МБ; предел — 1,5 МБ)"),
        ("be", "файл занадта вялікі (1,6 МБ; мяжа — 1,5 МБ)"),
    ],
)
def test_an_upload_over_the_limit_names_both_sizes_in_megabytes(language: str, expected: str) -> None:
    error = DocumentRejected(Reason.UPLOAD_TOO_LARGE, size=1_500_001, limit=1_500_000)
    assert moderator_texts(language).reason(error) == expected


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_a_file_over_the_limit_before_download_says_the_limit_as_import_by_id_does(language: str) -> None:
    reason = moderator_texts(language).reason(ModerationError(Reason.FILE_TOO_LARGE, limit=5_000_000))
    assert reason.endswith(import_texts(language).size(5_000_000)) and "5000000" not in reason
    assert "bytes" not in reason and "байт" not in reason


def test_the_importers_refusal_reads_the_same_in_english_and_in_the_log() -> None:
    assert len(LETTER) == 2501  # rounded up to a tenth of a MB: never shown as within the limit
    with pytest.raises(DocumentRejected) as raised:
        read_document(LETTER, "brief.txt", max_bytes=1000)
    assert str(raised.value) == "the file is too large (0.1 MB; the limit is 0.001 MB)"
    assert moderator_texts("nl").reason(raised.value) == "het bestand is te groot (0,1 MB; de grens is 0,001 MB)"


def _too_large_by_id(limit: int, declared: bool) -> FetchError:
    """Import by id of a publication over the limit, stated in its Content-Length or found while reading."""
    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Length": str(limit + 1)} if declared else {}
        return httpx.Response(200, content=b"<x/>" * (limit // 2), headers=headers)

    source = PublicationSource(base_url="http://127.0.0.1:9", max_bytes=limit, transport=httpx.MockTransport(answer))
    with pytest.raises(FetchError) as raised:
        source.fetch("ah-tk-20202021-3341")
    return raised.value


@pytest.mark.parametrize("declared", [True, False])
def test_import_by_ids_english_reason_and_log_line_say_megabytes(declared: bool) -> None:
    """The English reason of import by id (str() of the error, as a log line shows it) said '5000 bytes'."""
    error = _too_large_by_id(5000, declared)
    assert error.problem == "too_large"
    assert str(error) == "ah-tk-20202021-3341 is larger than 0.005 MB"


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_every_size_message_says_megabytes_in_every_language(language: str) -> None:
    """Each size refusal there is (SIZE_REASONS, import by id, a file read by the command line), in
    each language and in English: the limit as megabytes, never as a count of bytes."""
    it = import_texts(language)
    texts = moderator_texts(language)
    shown = [texts.reason(ModerationError(reason, size=5_000_001, limit=5_000_000)) for reason in SIZE_REASONS]
    shown += [english(reason, {"size": 5_000_001, "limit": 5_000_000}) for reason in SIZE_REASONS]
    shown.append(fetch_refusal(_too_large_by_id(5_000_000, True), it, "ah-tk-20202021-3341"))
    shown.append(str(_too_large_by_id(5_000_000, False)))
    shown.append(staff_texts(language).too_large.format(path="brief.pdf", limit=it.size(5_000_000)))
    for line in shown:
        assert ("5 MB" in line or "5 МБ" in line or "5,1 MB" in line or "5,1 МБ" in line), line
        assert not re.search(r"\d{4}", line.replace("ah-tk-20202021-3341", "")), line
        assert "byte" not in line and "байт" not in line, line
