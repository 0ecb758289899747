"""One-shot moderator commands: /alias, /retire, /restore, /history, /undo, /stats, /export, /review."""

from __future__ import annotations

import io
import re

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import CallbackQueryLimit
from telegram.error import BadRequest

from handlers.context import BotContext
from handlers.moderation.access import actor, moderation, texts
from handlers.render import escape
from interface.history import change_details
from interface.plain import suggestion_title
from knowledge.models import EntryStatus
from knowledge.moderation import ModerationError
from knowledge.reasons import Reason


async def _reply(update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
    if update.effective_message:
        await update.effective_message.reply_text(text, reply_markup=keyboard)


def _entry_id(context: BotContext) -> int | None:
    args = context.args or []
    return int(args[0]) if args and re.fullmatch(r"\d{1,9}", args[0]) else None


async def alias(update: Update, context: BotContext) -> None:
    """/alias <id> <alternate question>"""
    t = texts(update, context)
    entry_id = _entry_id(context)
    question = " ".join((context.args or [])[1:])
    if entry_id is None or not question.strip():
        await _reply(update, escape(t.alias_usage))
        return
    try:
        entry = moderation(context).add_alternate(entry_id, question, actor(update))
    except ModerationError as error:
        await _reply(update, escape(t.not_saved.format(reason=t.reason(error))))
        return
    await _reply(update, escape(t.alias_added.format(id=entry.id, version=entry.version)))


async def retire(update: Update, context: BotContext) -> None:
    await _set_status(update, context, EntryStatus.RETIRED, "/retire <id>")


async def restore(update: Update, context: BotContext) -> None:
    await _set_status(update, context, EntryStatus.ACTIVE, "/restore <id>")


async def _set_status(update: Update, context: BotContext, status: EntryStatus, usage: str) -> None:
    t = texts(update, context)
    entry_id = _entry_id(context)
    if entry_id is None:
        await _reply(update, escape(t.usage_id.format(usage=usage)))
        return
    try:
        moderation(context).set_status(entry_id, status, actor(update))
    except ModerationError as error:
        await _reply(update, escape(t.not_saved.format(reason=t.reason(error))))
        return
    done = t.retired if status is EntryStatus.RETIRED else t.restored
    await _reply(update, escape(done.format(id=entry_id)))


async def history(update: Update, context: BotContext) -> None:
    t = texts(update, context)
    entry_id = _entry_id(context)
    if entry_id is None:
        await _reply(update, escape(t.usage_id.format(usage="/history <id>")))
        return
    try:
        changes = moderation(context).history_with_translations(entry_id)
    except ModerationError as error:
        await _reply(update, escape(t.refusal(error)))
        return
    lines = [
        "\n".join(
            [
                t.history_line.format(
                    version=c.version or "-",
                    at=c.at.strftime("%Y-%m-%d %H:%M"),
                    actor=c.actor,
                    action=t.history_action(c.action, c.object_type, c.object_key),
                ),
                *("   " + line for line in change_details(c.before, c.after, t, c.action)),
            ]
        )
        for c in changes
    ]
    await _reply(update, escape("\n".join(lines[-25:]) or t.history_empty))


async def undo(update: Update, context: BotContext) -> None:
    t = texts(update, context)
    try:
        undone = moderation(context).undo(actor(update))
    except ModerationError as error:
        await _reply(update, escape(t.not_saved.format(reason=t.reason(error))))
        return
    await _reply(update, escape(t.undone_line(undone)))


async def stats(update: Update, context: BotContext) -> None:
    t = texts(update, context)
    figures = moderation(context).stats()
    days = "\n".join(f"{d.day}: {d.answered} / {d.suggested} / {d.unanswered}" for d in figures.days) or "-"
    feedback = "\n".join(f"#{f.entry_id}: {f.helpful} / {f.unhelpful}" for f in figures.feedback[:20]) or "-"
    missing = "\n".join(
        f"{language}: {len(ids)}" + (f" ({', '.join(map(str, ids[:30]))})" if ids else "")
        for language, ids in figures.missing_translations.items()
    ) or "-"
    per_language = figures.questions_per_language
    languages = " · ".join(f"{code}: {per_language.get(code, 0)}" for code in ("nl", "en", "ru", "be"))
    await _reply(
        update,
        t.stats.format(
            documents=figures.documents,
            active=figures.active_entries,
            retired=figures.retired_entries,
            review=figures.open_review_items,
            days=escape(days),
            feedback=escape(feedback),
        )
        + t.stats_translations.format(missing=escape(missing), languages=escape(languages)),
    )


async def export(update: Update, context: BotContext) -> None:
    t = texts(update, context)
    data = moderation(context).export()
    payload = data.model_dump_json(indent=1).encode("utf-8")
    message = update.effective_message
    if message:
        await message.reply_document(
            document=io.BytesIO(payload),
            filename=f"standpunt-export-{data.exported_at:%Y%m%d-%H%M%S}.json",
            caption=escape(t.export_caption.format(entries=t.entries(len(data.entries)))),
        )


async def review(update: Update, context: BotContext) -> None:
    """The queue of unanswered questions, grouped, each with attach / new entry / dismiss buttons."""
    t = texts(update, context)
    groups = moderation(context).review_groups(limit=10)
    if not groups:
        await _reply(update, escape(t.review_empty))
        return
    for group in groups:
        lead = group.item_ids[0]
        variants = "".join(f"\n  · {escape(v)}" for v in group.variants)
        suggestion = group.suggestion
        rows = []
        if suggestion:
            attach = t.button_attach.format(id=suggestion.entry_id)
            rows.append([InlineKeyboardButton(attach, callback_data=f"m:ra:{lead}:{suggestion.entry_id}")])
        rows.append(
            [
                InlineKeyboardButton(t.button_add_from, callback_data=f"m:rn:{lead}"),
                InlineKeyboardButton(t.button_dismiss, callback_data=f"m:rd:{lead}"),
            ]
        )
        text = t.review_item.format(
            count=group.count,
            text=escape(group.asked),
            variants=variants,
            suggestion=escape(f"#{suggestion.entry_id} {suggestion_title(suggestion, 80)}") if suggestion else "-",
        )
        await _reply(update, text, InlineKeyboardMarkup(rows))


async def review_button(update: Update, context: BotContext) -> None:
    """m:ra:<item>:<entry> attaches, m:rd:<item> dismisses the item's group; checked like commands.

    Every press gets exactly one answer, and pressing twice (or on a stale card) is harmless: an
    item already decided on keeps its decision and the moderator is told so; the card's buttons go
    away once, and a second removal ("message is not modified") is not an error."""
    query = update.callback_query
    if query is None:
        return
    t = texts(update, context)
    data = query.data or ""
    attach = re.fullmatch(r"m:ra:(\d{1,9}):(\d{1,9})", data)
    dismiss = re.fullmatch(r"m:rd:(\d{1,9})", data)
    service = moderation(context)
    try:
        if attach:
            entry = service.attach_review(int(attach.group(1)), int(attach.group(2)), actor(update))
            reply = t.review_attached.format(id=entry.id)
        elif dismiss:
            service.dismiss_review(service.review_group_of(int(dismiss.group(1))))
            reply = t.review_dismissed
        else:
            await query.answer(t.button_stale)
            return
    except ModerationError as error:
        decided = error.reason in (Reason.REVIEW_ALREADY_ATTACHED, Reason.REVIEW_ALREADY_HANDLED)
        await query.answer(
            t.not_saved.format(reason=t.reason(error))[: CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH],
            show_alert=not decided,
        )
        if decided:
            await _drop_buttons(query)
        return
    await query.answer(reply)
    await _drop_buttons(query)


async def _drop_buttons(query: CallbackQuery) -> None:
    """Remove a card's buttons; already removed (a second press) is fine, not an error."""
    if query.message is not None and not getattr(query.message, "reply_markup", None):
        return
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


async def stray_button(update: Update, context: BotContext) -> None:
    """Any other moderator button (m:...) outside its open flow: forged, or left from an ended flow."""
    query = update.callback_query
    if query is None:
        return
    await query.answer(texts(update, context).button_stale)
