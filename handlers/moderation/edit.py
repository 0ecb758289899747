"""/edit <id>: choose a field, send the new value, see before and after, save with a version check."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.context import BotContext
from handlers.moderation.access import actor, moderation, texts
from handlers.moderation.flow import (
    END,
    Flow,
    clear,
    clipped,
    confirm_keyboard,
    confirmation,
    draft,
    say,
)
from handlers.render import escape
from knowledge.models import AlternateQuestion, Entry
from knowledge.moderation import ModerationError

CHOOSE, VALUE, CONFIRM = range(10, 13)
FIELDS = {"q": "question", "t": "text", "p": "topics", "a": "alternates"}
#: Unofficial translations are edited here too (saved as translations, not as fields of the entry).
TRANSLATIONS = ("en", "ru", "be")


def _shown(entry: Entry, field: str) -> str:
    value = getattr(entry, field)
    if field == "alternates":
        return "\n".join(a.text for a in value) or "-"
    if field == "topics":
        return ", ".join(value) or "-"
    return str(value or "-")


async def start(update: Update, context: BotContext) -> int:
    t = texts(update, context)
    args = context.args or []
    if not args or not re.fullmatch(r"\d{1,9}", args[0]):
        await say(update, escape(t.usage_id.format(usage="/edit <id>")))
        return END
    try:
        entry = moderation(context).entry(int(args[0]))
    except ModerationError as error:
        await say(update, escape(t.refusal(error)))
        return END
    clear(context)
    draft(context).update(id=entry.id, version=entry.version)
    labels = {"q": t.edit_field_question, "t": t.edit_field_text, "p": t.edit_field_topics, "a": t.edit_field_alternates}
    if not entry.note:  # a moderator's note is not translated (knowledge.moderation)
        labels.update({code: t.edit_field_translation.format(language=code) for code in TRANSLATIONS})
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=f"m:ef:{code}")] for code, label in labels.items()]
    )
    await say(update, escape(t.edit_choose.format(id=entry.id, version=entry.version)), keyboard)
    return CHOOSE


async def choose(update: Update, context: BotContext) -> int:
    query = update.callback_query
    assert query is not None
    await query.answer()
    code = (query.data or "m:ef:q").rsplit(":", 1)[1]
    current = draft(context)
    t = texts(update, context)
    if code in TRANSLATIONS:
        state = moderation(context).translation_state(current["id"], code)
        found = state.translation
        current.update(field=f"translation:{code}", translation_version=found.version if found else 0)
        shown = found.text if found else "-"
        label = t.edit_field_translation.format(language=code)
        await say(update, escape(t.edit_value).format(field=escape(label), current=clipped(shown, 3500)))
        return VALUE
    field = FIELDS[code]
    current["field"] = field
    entry = moderation(context).entry(current["id"])
    t = texts(update, context)
    shown = clipped(_shown(entry, field), 3500)
    await say(update, escape(t.edit_value).format(field=escape(t.field_label(field)), current=shown))
    return VALUE


async def value(update: Update, context: BotContext) -> int:
    current = draft(context)
    raw = (update.effective_message.text or "") if update.effective_message else ""
    field = current["field"]
    t = texts(update, context)
    if field.startswith("translation:"):
        language = field.split(":", 1)[1]
        found = moderation(context).translation_state(current["id"], language).translation
        current["value"] = raw.strip()
        preview = t.edit_preview.format(
            id=current["id"],
            field=escape(t.edit_field_translation.format(language=language)),
            before=clipped(found.text if found else "-", 1800),
            after=clipped(raw.strip(), 1800),
        )
        await say(update, preview, confirm_keyboard(update, context))
        return CONFIRM
    if field == "topics":
        new: object = [p.strip() for p in raw.split(",") if p.strip()]
    elif field == "alternates":
        new = [
            AlternateQuestion(text=line.strip(), language=context.answers.phrasing_language(line))
            for line in raw.splitlines()
            if len(line.strip()) >= 3
        ]
    else:
        new = raw.strip()
    t = texts(update, context)
    try:
        moderation(context).check_edit(current["id"], **{field: new})
    except ModerationError as error:  # e.g. words that are not the document's: say so now, ask again
        await say(
            update,
            escape(t.not_saved.format(reason=t.reason(error)))
            + "\n\n"
            + t.edit_value.format(
                field=escape(t.field_label(field)),
                current=clipped(_shown(moderation(context).entry(current["id"]), field), 2000),
            ),
        )
        return VALUE
    current["value"] = new
    entry = moderation(context).entry(current["id"])
    shown = entry.model_copy(update={field: new})
    t = texts(update, context)
    preview = t.edit_preview.format(
        id=entry.id,
        field=escape(t.field_label(field)),
        before=clipped(_shown(entry, field), 1800),
        after=clipped(_shown(shown, field), 1800),
    )
    await say(update, preview, confirm_keyboard(update, context))
    return CONFIRM


async def confirm(update: Update, context: BotContext) -> int:
    if (ended := await confirmation(update, context)) is not None:
        return ended
    t = texts(update, context)
    current = draft(context)
    clear(context)
    if current["field"].startswith("translation:"):
        return await _save_translation(update, context, current)
    try:
        entry = moderation(context).edit_entry(
            current["id"], current["version"], actor(update), **{current["field"]: current["value"]}
        )
    except ModerationError as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    await say(update, escape(t.saved.format(id=entry.id, key=entry.key, version=entry.version)))
    return END


async def _save_translation(update: Update, context: BotContext, current: dict[str, object]) -> int:
    t = texts(update, context)
    language = str(current["field"]).split(":", 1)[1]
    entry_id = int(str(current["id"]))
    try:
        saved = moderation(context).save_translation(
            entry_id,
            language,
            str(current["value"]),
            None,
            actor(update),
            expected_version=int(str(current["translation_version"])),
        )
    except ModerationError as error:
        await say(update, escape(t.not_saved.format(reason=t.reason(error))))
        return END
    await say(update, escape(t.translation_saved.format(language=language, id=entry_id, version=saved.version)))
    return END


def edit_flow() -> Flow:
    return Flow(
        entry_points=[CommandHandler("edit", start, filters=filters.ChatType.PRIVATE)],
        states={
            CHOOSE: [CallbackQueryHandler(choose, pattern=r"^m:ef:([qtpa]|en|ru|be)$")],
            VALUE: [MessageHandler(filters.TEXT & ~filters.COMMAND, value)],
            CONFIRM: [CallbackQueryHandler(confirm, pattern=r"^m:(ok|no)$")],
        },
    )
