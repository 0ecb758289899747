"""Questions without answers are refused in one sentence, the same for a text and for the official
XML, in each language (issue 13 §2): before, the XML refusal added a bracket of its own and the
Belarusian reason differed from the Telegram sentence."""

from __future__ import annotations

import pytest

from interface.texts.moderator import import_texts, moderator_texts
from knowledge.ingest.rejections import QuestionsOnly
from knowledge.reasons import Reason


@pytest.mark.parametrize("language", ["nl", "en", "ru", "be"])
def test_text_and_xml_questions_only_read_the_same(language: str) -> None:
    texts = moderator_texts(language)
    text = texts.reason(QuestionsOnly(Reason.QUESTIONS_ONLY))
    xml = texts.reason(QuestionsOnly(Reason.XML_QUESTIONS_ONLY))
    assert xml == text
    shown = import_texts(language).questions_only
    assert shown.endswith(".") and shown.count(".") == 1
    assert text in shown  # the Telegram sentence is the same refusal, with 'Not saved:' and its full stop


def test_the_english_line_of_the_logs_is_the_same_for_both() -> None:
    assert str(QuestionsOnly(Reason.XML_QUESTIONS_ONLY)) == str(QuestionsOnly(Reason.QUESTIONS_ONLY))
