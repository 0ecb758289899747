"""Every interface text, one module per language; official answers are never translated.

`Texts` lists each text once, so a language that misses one fails at import, not in a chat.
Placeholders use str.format names; renderers escape everything they insert.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from pydantic import BaseModel, ConfigDict


class Texts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    language_name: str
    # answers
    answer_heading: str
    suggest_heading: str
    no_answer: str
    part_unanswered: str
    later_time: str
    greeting: str
    invalid_empty: str
    invalid_too_long: str
    confidence: str
    as_of: str
    earlier_position: str
    link: str
    references: str
    footnotes: str
    see_also: str
    kind_kamerbrief: str
    kind_kamervragen: str
    question_label: str
    paragraph_label: str
    official_question: str
    moderator_note: str
    #: A note's citation line: who wrote it, that it quotes nothing, and which document it is about.
    note_citation: str
    #: Told to an asker of another language: the note is in Dutch, untranslated.
    note_in_dutch: str
    # unofficial translations beside the official text
    translation_label: str
    translation_stale: str
    no_translation: str
    official_text_label: str
    translated_question: str
    months: list[str]
    # telegram: commands and their menu descriptions
    start: str
    help: str
    privacy: str
    command_start: str
    command_help: str
    command_topics: str
    command_sources: str
    command_ask: str
    command_language: str
    command_privacy: str
    # telegram: browsing
    topics_heading: str
    topics_document: str
    sources_heading: str
    entries_count: str
    no_documents: str
    # telegram: buttons and their answers
    button_helpful: str
    button_not_helpful: str
    button_source: str
    button_link: str
    button_related: str
    button_earlier: str
    button_back: str
    button_previous: str
    button_next: str
    feedback_thanks: str
    button_stale: str
    related_heading: str
    no_related: str
    # telegram: language
    language_prompt: str
    language_set: str
    # telegram: other input
    not_text: str
    unknown_command: str
    ask_usage: str
    error: str
    flood: str
    inline_no_results: str
    inline_help: str

    def date(self, value: dt.date) -> str:
        """'2 maart 2021', '2 March 2021', '2 марта 2021'."""
        return f"{value.day} {self.months[value.month - 1]} {value.year}"


def texts_for(language: str | None, default: str = "nl") -> Texts:
    """The texts of a Telegram language_code such as 'ru' or 'en-GB'; unknown codes get the default."""
    table = _table()
    code = (language or "").split("-")[0].lower()
    return table.get(code) or table.get(default) or table["nl"]


LANGUAGES = ("nl", "en", "ru", "be")


def asker_language(
    chosen: str | None, question_language: str | None, client_language: str | None, default: str = "nl"
) -> str:
    """The one rule for the language a reply is in: the user's /language choice, else the language
    the question is written in, else the client's (Telegram's language_code), else the default."""
    for candidate in (chosen, question_language, client_language):
        code = (candidate or "").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return default if default in LANGUAGES else "nl"


@cache
def _table() -> dict[str, Texts]:
    """Imported on first use: the language modules import this one for `Texts`."""
    from interface.texts import be, en, nl, ru

    return {"nl": nl.TEXTS, "en": en.TEXTS, "ru": ru.TEXTS, "be": be.TEXTS}
