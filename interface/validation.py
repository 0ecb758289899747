"""A moderator's file that does not fit the model, said in one line of plain words in the
moderator's language ('entry 2: the field question is missing'), instead of pydantic's wording."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from interface.texts.moderator import ModeratorTexts

#: pydantic's error types, by the plain problem they are (the texts word each problem once).
_PROBLEMS = {
    "missing": "missing",
    "extra_forbidden": "unknown",
    "string_too_short": "too_short",
    "too_short": "too_few",
    "string_too_long": "too_long",
    "too_long": "too_many",
    "enum": "choice",
    "literal_error": "choice",
    "string_type": "text",
    "bool_type": "yes_no",
    "bool_parsing": "yes_no",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "int_type": "number",
    "int_parsing": "number",
}
#: Every problem a moderator's file can have; the texts of each language word all of them.
PROBLEMS = (*sorted(set(_PROBLEMS.values())), "date", "other")


def validation_problem(errors: Sequence[Mapping[str, Any]], t: ModeratorTexts, *, numbered: bool = True) -> str:
    """The first problem as one line. `numbered`: the location starts with the entry's index in a
    list of entries (shown counted from 1)."""
    if not errors:
        return t.validation["other"].format(field="?")
    error = errors[0]
    location = list(error.get("loc", ()))
    entry = None
    if numbered and location and isinstance(location[0], int):
        entry = location.pop(0) + 1
    field, item = _field_name(location, t)
    kind = str(error.get("type", ""))
    problem = "date" if kind.startswith("date") else _PROBLEMS.get(kind, "other")
    context = error.get("ctx") or {}
    limit = context.get("min_length", context.get("max_length", ""))
    choices = ", ".join(re.findall(r"'([^']*)'", str(context.get("expected", "")))) or "?"
    template = t.validation[problem]
    if item is not None and problem in ("mapping", "text"):  # a bare value where the item's fields belong
        template = item
    line = template.format(field=field, limit=limit, choices=choices)
    return t.validation_at.format(number=entry, problem=line) if entry is not None else line


def _field_name(location: list[Any], t: ModeratorTexts) -> tuple[str, str | None]:
    """The field in plain words: a list's item by its name counted from 1 ('alternate question 1', not
    'alternates.0'), a field inside it after it ('text (alternate question 1)'); and, when the location is
    the item itself, the sentence for a bare value standing in its place."""
    parts = [str(part) for part in location]
    for at in range(len(location) - 1):
        name, index = location[at], location[at + 1]
        if isinstance(name, str) and isinstance(index, int) and name in t.list_items:
            label, bare = t.list_items[name]
            label = label.format(n=index + 1)
            inside = ".".join(parts[at + 2 :])
            outside = ".".join(parts[:at])
            shown = f"{inside} ({label})" if inside else label
            shown = f"{outside}.{shown}" if outside else shown
            return shown, (bare if not inside else None)
    return ".".join(parts) or "?", None
