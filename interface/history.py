"""What one audited change did, field by field, for `history` and /history: old → new, shortened
around the first difference so that a one-word edit in a long paragraph shows that word."""

from __future__ import annotations

from typing import Any

from interface.texts.moderator import ModeratorTexts

#: Characters of each side shown; a longer value is cut around where old and new first differ.
WIDTH = 60
BEFORE_DIFFERENCE = 20


#: Actions whose name already says how the status changed: no status line under them.
_STATUS_IN_NAME = ("retire", "restore")


def change_details(
    before: dict[str, Any] | None, after: dict[str, Any] | None, t: ModeratorTexts, action: str | None = None
) -> list[str]:
    """'vraag: Oud … → Nieuw …', one line per changed field, nothing for a creation; a changed status
    ('status: ingetrokken → actief') under an action whose name does not say it (a revert, an undo)."""
    if not before or not after:
        return []
    lines = []
    old_status, new_status = before.get("status"), after.get("status")
    if old_status != new_status and old_status and new_status and action not in _STATUS_IN_NAME:
        word = t.statuses.get
        lines.append(t.history_status.format(old=word(old_status, old_status), new=word(new_status, new_status)))
    labels = {
        "question": t.edit_field_question,
        "text": t.edit_field_text,
        "topics": t.edit_field_topics,
        "alternates": t.edit_field_alternates,
    }
    for field, label in labels.items():
        old, new = before.get(field), after.get(field)
        if old == new or field not in before or field not in after:
            continue
        name = label.split(" (")[0]
        if field == "alternates":
            olds, news = _texts(old), _texts(new)
            lines += [f"{name}: + {shorten(text)}" for text in news if text not in olds]
            lines += [f"{name}: − {shorten(text)}" for text in olds if text not in news]
            continue
        old_text, new_text = _shown(old), _shown(new)
        start = _first_difference(old_text, new_text)
        lines.append(f"{name}: {shorten(old_text, start)} → {shorten(new_text, start)}")
    return lines


def shorten(text: str, difference: int = 0) -> str:
    """At most WIDTH characters of `text`, starting a little before `difference`, with '…' where cut."""
    text = " ".join(text.split())
    if len(text) <= WIDTH:
        return text or "∅"
    start = max(0, min(difference - BEFORE_DIFFERENCE, len(text) - WIDTH))
    clip = text[start : start + WIDTH]
    return ("…" if start else "") + clip + ("…" if start + WIDTH < len(text) else "")


def _first_difference(old: str, new: str) -> int:
    old, new = " ".join(old.split()), " ".join(new.split())
    return next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))


def _texts(value: Any) -> list[str]:
    return [item["text"] if isinstance(item, dict) else str(item) for item in value or []]


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)
