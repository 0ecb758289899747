"""The upload limit in a moderator's refusal is written as megabytes with the language's decimal
sign, as import by id writes it (ImportTexts.size), never '5000000 bytes' (issue 13 §5: one
language per reply, read as a moderator reads it)."""

from __future__ import annotations

import pytest

from interface.texts.moderator import import_texts, moderator_texts
from knowledge.ingest.importers import DocumentRejected, read_document
from knowledge.moderation import ModerationError
from knowledge.reasons import Reason

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
