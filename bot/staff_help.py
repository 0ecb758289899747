"""The help of `add`: the fields of an entry file and an example (kept apart from bot/staff.py so that
building the parser loads no moderation code)."""

from __future__ import annotations

#: What each field of an entry file means, for `add --help` (a test keeps it in step with EntryDraft).
ENTRY_FIELDS = {
    "question": "required: the question the entry answers (3-1000 characters)",
    "text": "required: the official text, verbatim from its document (or a moderator's note)",
    "document_key": "the document it belongs to, as `sources` lists it (e.g. kamerbrief-2021-03-02-2298)",
    "new_document": "or: a document described by hand (fields below); then the entry is a moderator's note",
    "question_is_official": (
        "true when the question is the document's own, word for word (a Kamervraag), and so is the text; "
        "otherwise the entry is refused; default false"
    ),
    "alternates": "other ways to ask: a list of {text, language}",
    "topics": "a list of topic words",
    "language": "language of the question: nl (default), en, ru or be",
    "note": "true: a moderator's note; false: must be official text of the document; default: decided by the text",
    "translations": "unofficial translations: {en|ru|be: {question, text}}",
}
DOCUMENT_FIELDS = {
    "kind": "required: kamerbrief or kamervragen",
    "title": "required: the document's title",
    "date": "the date printed on it, e.g. 2024-05-01",
    "authors": "a list of {name, role, ministry}",
    "number": "printed number", "official_id": "e.g. kst-21501-02-2298", "citation": "e.g. Kamerstukken II ...",
    "url": "link to the official text", "subject": "what the document is about",
}
ADD_EXAMPLE = """\
- document_key: kamerbrief-2021-03-02-2298
  question: Welke sancties gelden tegen Belarus?
  text: <a paragraph of that letter, verbatim>
  alternates:
    - text: What sanctions apply to Belarus?
      language: en
  topics: [sancties]"""


def add_help() -> str:
    """The fields of an entry file and an example, for `add --help`."""
    width = max(map(len, [*ENTRY_FIELDS, *DOCUMENT_FIELDS])) + 2
    lines = ["fields of each entry (a YAML or JSON file: one entry, or a list of them):"]
    lines += [f"  {name:<{width}}{meaning}" for name, meaning in ENTRY_FIELDS.items()]
    lines += ["fields of new_document:"]
    lines += [f"  {name:<{width}}{meaning}" for name, meaning in DOCUMENT_FIELDS.items()]
    return "\n".join([*lines, "", "example (entries.yaml):", ADD_EXAMPLE])
