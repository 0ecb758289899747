"""Every interface text, one module per language; official answers are never translated.

`Texts` lists each text once, so a language that misses one fails at import, not in a chat.
Placeholders use str.format names; renderers escape everything they insert. A text is either
`Html` (Telegram HTML, sent as it is) or `Plain` (escaped for Telegram, printed as it is on a
terminal): interface/texts/markup.py checks both kinds.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from pydantic import BaseModel, ConfigDict

from interface.texts.markup import Html, Plain


class Texts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The language code (nl, en, ru, be): what the interface adds beside a document's Dutch words.
    code: Plain
    language_name: Plain
    # answers
    answer_heading: Plain
    #: Above several suggestions, and above one: the question is singular or plural in every language.
    suggest_heading: Plain
    suggest_heading_one: Plain
    no_answer: Plain
    #: The end of no_answer, what the bot quotes: after a notice that already says what is not there
    #: (later time, untold), in place of no_answer, so that the reply does not refuse twice.
    no_answer_scope: Plain
    part_unanswered: Plain
    #: A question of the message that passages are close to, none surely ({part}): its suggestions follow.
    part_unsure: Plain
    #: Asked about a later time than the documents: before suggestions, or before "no answer".
    later_time_suggestions: Plain
    later_time_no_answer: Plain
    #: Asked for what the passages do not tell (Answer.untold): before suggestions, or before "no answer".
    untold_fate: Plain
    untold_practical: Plain
    untold_count: Plain
    #: Above the suggestions after such a notice: the asker was understood, these are what is there.
    related_heading: Plain
    #: Under an official answer (plain text): a moderator's note that is close to the question too, to pick by number.
    notes_offered: Plain
    greeting: Plain
    #: The reply to a message that only thanks.
    welcome: Plain
    #: The reply to a message that only asks for help: where to read how to ask, and one example question.
    help_pointer: Plain
    invalid_empty: Plain
    #: Something was typed, but only tags or entities ('<b></b>', '&nbsp;'): no words to answer.
    invalid_markup: Plain
    invalid_too_long: Plain
    invalid_not_text: Plain
    confidence: Plain
    as_of: Plain
    earlier_position: Plain
    #: Under an answer: a later document on the same subject exists that did not lead ({date}).
    newer_document: Plain
    link: Plain
    #: Under a citation without a link: where the text is to be found, as far as the citation knows ({where}).
    no_link: Plain
    #: ...when it knows no official number either (after the kind and date).
    no_number: Plain
    references: Plain
    footnotes: Plain
    kind_kamerbrief: Plain
    kind_kamervragen: Plain
    #: The kind as short as a button needs it (the document picker: an undated document's label).
    kind_short_kamerbrief: Plain
    kind_short_kamervragen: Plain
    question_label: Plain
    paragraph_label: Plain
    official_question: Plain
    moderator_note: Plain
    #: A note's citation line: who wrote it, that it quotes nothing, and which document it is about.
    note_citation: Plain
    #: Told to an asker of another language: the note is in Dutch, untranslated.
    note_in_dutch: Plain
    # unofficial translations beside the official text
    translation_label: Plain
    translation_stale: Plain
    no_translation: Plain
    official_text_label: Plain
    translated_question: Plain
    months: list[Plain]
    # telegram: commands and their menu descriptions
    start: Html
    help: Html
    privacy: Html
    command_start: Plain
    command_help: Plain
    command_topics: Plain
    command_sources: Plain
    command_ask: Plain
    command_language: Plain
    command_privacy: Plain
    # telegram: browsing
    topics_heading: Plain
    topics_document: Html
    sources_heading: Html
    entries_count: Plain
    no_documents: Plain
    #: A message naming a document ({reference}) the store does not hold.
    document_not_held: Plain
    # telegram: buttons and their answers
    button_helpful: Plain
    button_not_helpful: Plain
    button_source: Plain
    button_link: Plain
    button_earlier: Plain
    button_newer: Plain
    button_back: Plain
    button_previous: Plain
    button_next: Plain
    feedback_thanks: Plain
    button_stale: Plain
    #: The terminal chat's stand-in for a stale button: a number that picks no suggestion shown.
    no_such_suggestion: Plain
    # telegram: language
    language_prompt: Plain
    language_set: Plain
    # telegram: other input
    not_text: Plain
    unknown_command: Plain
    ask_usage: Html
    error: Plain
    flood: Plain
    inline_no_results: Plain
    inline_help: Plain
    # documents looked up by description ('brief blok 2 maart 2021', 'kamerbrief 2298 alinea 99')
    #: No stored document fits the description ({description}, as typed).
    document_not_found: Plain
    #: Above the documents that fit a description when several do ({count}).
    documents_fitting: Plain
    #: Several documents fit and all have the date asked (or none has one): the date would not tell them
    #: apart, so the reply asks to choose; with a passage's number ({label}: 'Vraag 2'), to choose whose.
    documents_choose: Plain
    documents_choose_entry: Plain
    #: The document has no passage of that number: {label} (in the interface's words), {kind}, {date},
    #: the numbers it has from {first} to {last}. Its first letter is capitalised when shown.
    no_such_entry: Plain

    def suggestions_heading(self, count: int) -> str:
        """'Did you mean this question?' for one suggestion, 'one of these questions?' for more."""
        return self.suggest_heading_one if count == 1 else self.suggest_heading

    def no_answer_paragraphs(self, later_time: bool = False, untold: str | None = None) -> list[str]:
        """The reply when nothing is answered or suggested: any notices, each a paragraph of its own, then
        no_answer, or only what the bot quotes when a notice has already said that nothing is there."""
        notices = ([self.later_time_no_answer] if later_time else []) + [n for n in [self.untold_notice(untold)] if n]
        return [*notices, self.no_answer_scope] if notices else [self.no_answer]

    def untold_notice(self, kind: str | None) -> str | None:
        """What the official texts do not tell, for an answer's `untold` kind (None: nothing to say)."""
        return {"fate": self.untold_fate, "practical": self.untold_practical, "count": self.untold_count}.get(kind or "")

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
