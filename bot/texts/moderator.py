"""Texts of the moderators' flows, in Dutch and English (moderators are staff; users never see these)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ModeratorTexts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    refused: str
    usage_id: str
    cancelled: str
    nothing_to_cancel: str
    button_stale: str
    saved: str
    not_saved: str
    button_save: str
    button_cancel: str
    button_new_document: str
    add_question: str
    add_exists: str
    add_text: str
    add_source: str
    add_new_document: str
    add_alternates: str
    add_preview: str
    similar_heading: str
    no_similar: str
    edit_choose: str
    edit_value: str
    edit_field_question: str
    edit_field_text: str
    edit_field_topics: str
    edit_field_alternates: str
    edit_preview: str
    alias_added: str
    retired: str
    restored: str
    history_line: str
    undone: str
    import_send_file: str
    import_preview: str
    import_done: str
    review_empty: str
    review_item: str
    button_attach: str
    button_add_from: str
    button_dismiss: str
    review_attached: str
    review_dismissed: str
    stats: str
    export_caption: str
    command_add: str
    command_edit: str
    command_alias: str
    command_retire: str
    command_restore: str
    command_history: str
    command_undo: str
    command_import: str
    command_review: str
    command_stats: str
    command_export: str
    command_cancel: str
    translate_usage: str
    translate_show: str
    translate_none: str
    translate_current: str
    translate_stale: str
    button_confirm_translation: str
    translate_preview: str
    translation_saved: str
    translation_confirmed: str
    edit_field_translation: str
    stats_translations: str
    history_translation: str
    command_translate: str


NL = ModeratorTexts(
    refused="Deze opdracht is alleen voor moderatoren.",
    usage_id="Gebruik: {usage}",
    cancelled="Geannuleerd; er is niets veranderd.",
    nothing_to_cancel="Er loopt niets om te annuleren.",
    button_stale="Deze knop hoort bij een handeling die al is afgerond of geannuleerd; begin opnieuw.",
    saved="Opgeslagen: item {id} ({key}), versie {version}.",
    not_saved="Niet opgeslagen: {reason}",
    button_save="✅ Opslaan",
    button_cancel="✖️ Annuleren",
    button_new_document="➕ Nieuw document",
    add_question="Nieuw item. Stuur de vraag (of /cancel).",
    add_exists="Bestaat al: {reason}. Stuur een andere vraag, voeg deze toe als formulering met /alias <id> <vraag>, of /cancel.",
    add_text="Stuur nu de officiële tekst, letterlijk (max. {limit} tekens).",
    add_source="Uit welk document komt de tekst?",
    add_new_document=(
        "Beschrijf het nieuwe document, één gegeven per regel:\n"
        "<code>soort: kamerbrief</code> (of kamervragen)\n<code>datum: 2024-05-01</code>\n"
        "<code>titel: ...</code>\n<code>auteurs: S.A. Blok (Minister van Buitenlandse Zaken); ...</code>\n"
        "<code>nummer: ...</code>, <code>referentie: ...</code>, <code>link: https://...</code> (optioneel)"
    ),
    add_alternates="Stuur andere formuleringen van de vraag, één per regel (elke taal), of /skip.",
    add_preview="<b>Voorbeeld</b>\nVraag: {question}\nDocument: {document}\nAlternatieven: {alternates}\n\n{text}",
    similar_heading="Lijkt op bestaande items:",
    no_similar="Geen vergelijkbare items gevonden.",
    edit_choose="Item {id} (versie {version}). Wat wilt u wijzigen?",
    edit_value="Stuur de nieuwe waarde voor {field}. Huidige waarde:\n{current}",
    edit_field_question="vraag",
    edit_field_text="tekst",
    edit_field_topics="onderwerpen (komma's)",
    edit_field_alternates="alternatieve vragen (één per regel)",
    edit_preview="<b>Wijziging van item {id}</b> ({field})\nVoor: {before}\nNa: {after}",
    alias_added="Alternatieve vraag toegevoegd aan item {id} (versie {version}).",
    retired="Item {id} is ingetrokken (niet verwijderd; /restore {id} zet het terug).",
    restored="Item {id} is weer actief.",
    history_line="v{version} · {at} · {actor} · {action}",
    undone="Ongedaan gemaakt: {count} wijziging(en).",
    import_send_file="Stuur de Kamerbrief of de antwoorden op Kamervragen als .txt, .pdf of officiële .xml (of /cancel).",
    import_preview=(
        "<b>Import: voorbeeld</b>\n{kind} · {date} · {authors}\n{title}\n{count} items. Eerste items:\n{first}"
        "\n{warnings}"
    ),
    import_done="Geïmporteerd: {key} met {count} items. /undo maakt dit ongedaan.",
    review_empty="De wachtrij is leeg.",
    review_item="<b>{count}×</b> {text}{variants}\nBeste bestaande item: {suggestion}",
    button_attach="➕ Koppel aan item {id}",
    button_add_from="📝 Nieuw item",
    button_dismiss="🗑 Negeren",
    review_attached="Gekoppeld aan item {id} als alternatieve vraag.",
    review_dismissed="Genegeerd.",
    stats=(
        "<b>Statistieken</b>\nDocumenten: {documents}\nActieve items: {active} (ingetrokken: {retired})\n"
        "Open in /review: {review}\n\n<b>Vragen per dag</b> (beantwoord / suggesties / geen antwoord)\n{days}\n\n"
        "<b>Feedback per item</b> (👍 / 👎)\n{feedback}"
    ),
    export_caption="Export van het hele antwoordbestand ({entries} items). `run_bot.py restore` zet het terug.",
    command_add="Nieuw item toevoegen",
    command_edit="Item wijzigen: /edit <id>",
    command_alias="Alternatieve vraag: /alias <id> <vraag>",
    command_retire="Item intrekken: /retire <id>",
    command_restore="Item terugzetten: /restore <id>",
    command_history="Versies van een item: /history <id>",
    command_undo="Mijn laatste wijziging ongedaan maken",
    command_import="Document importeren (.txt, .pdf, .xml)",
    command_review="Onbeantwoorde vragen bekijken",
    command_stats="Statistieken",
    command_export="Alles exporteren als JSON",
    command_cancel="Lopende handeling annuleren",
    translate_usage='Gebruik: /translate <id> <en|ru|be>',
    translate_show=(
        '<b>Item {id}: vertaling ({language})</b>\n<b>Officiële tekst:</b>\n{dutch}\n\n<b>Huidige '
        'vertaling</b> ({state}):\n{current}\n\nStuur de vertaling van de tekst (of /cancel). Wilt u ook '
        'de vraag vertalen, zet die dan op de eerste regel na <code>Q:</code>.'
    ),
    translate_none='nog geen',
    translate_current='actueel',
    translate_stale='verouderd: de officiële tekst is sindsdien gewijzigd',
    button_confirm_translation='✅ Klopt nog: bevestig als actueel',
    translate_preview=(
        '<b>Voorbeeld: vertaling ({language}) van item {id}</b> (onofficieel)\nVraag: {question}\n\n{text}'
    ),
    translation_saved='Opgeslagen: vertaling ({language}) van item {id}, versie {version}.',
    translation_confirmed='Bevestigd: de vertaling ({language}) van item {id} is weer actueel.',
    edit_field_translation='vertaling ({language})',
    stats_translations=(
        '\n\n<b>Zonder actuele vertaling</b> (actieve items)\n{missing}\n\n<b>Vragen per '
        'taal</b>\n{languages}'
    ),
    history_translation='{action} · vertaling {language}',
    command_translate='Vertaling: /translate <id> <en|ru|be>',
)

EN = ModeratorTexts(
    refused="This command is for moderators only.",
    usage_id="Usage: {usage}",
    cancelled="Cancelled; nothing was changed.",
    nothing_to_cancel="Nothing is in progress.",
    button_stale="This button belongs to a flow that has ended or was cancelled; start again.",
    saved="Saved: entry {id} ({key}), version {version}.",
    not_saved="Not saved: {reason}",
    button_save="✅ Save",
    button_cancel="✖️ Cancel",
    button_new_document="➕ New document",
    add_question="New entry. Send the question (or /cancel).",
    add_exists="Already there: {reason}. Send another question, add this one as a phrasing with /alias <id> <question>, or /cancel.",
    add_text="Now send the official text, verbatim (at most {limit} characters).",
    add_source="Which document is the text from?",
    add_new_document=(
        "Describe the new document, one field per line:\n"
        "<code>kind: kamerbrief</code> (or kamervragen)\n<code>date: 2024-05-01</code>\n"
        "<code>title: ...</code>\n<code>authors: S.A. Blok (Minister van Buitenlandse Zaken); ...</code>\n"
        "<code>number: ...</code>, <code>reference: ...</code>, <code>link: https://...</code> (optional)"
    ),
    add_alternates="Send other phrasings of the question, one per line (any language), or /skip.",
    add_preview="<b>Preview</b>\nQuestion: {question}\nDocument: {document}\nAlternates: {alternates}\n\n{text}",
    similar_heading="Similar existing entries:",
    no_similar="No similar entries found.",
    edit_choose="Entry {id} (version {version}). What do you want to change?",
    edit_value="Send the new value for {field}. Current value:\n{current}",
    edit_field_question="question",
    edit_field_text="text",
    edit_field_topics="topics (comma-separated)",
    edit_field_alternates="alternate questions (one per line)",
    edit_preview="<b>Change to entry {id}</b> ({field})\nBefore: {before}\nAfter: {after}",
    alias_added="Alternate question added to entry {id} (version {version}).",
    retired="Entry {id} is retired (not deleted; /restore {id} brings it back).",
    restored="Entry {id} is active again.",
    history_line="v{version} · {at} · {actor} · {action}",
    undone="Undone: {count} change(s).",
    import_send_file="Send the Kamerbrief or answers to Kamervragen as .txt, .pdf or official .xml (or /cancel).",
    import_preview=(
        "<b>Import preview</b>\n{kind} · {date} · {authors}\n{title}\n{count} entries. First entries:\n{first}"
        "\n{warnings}"
    ),
    import_done="Imported: {key} with {count} entries. /undo reverts it.",
    review_empty="The queue is empty.",
    review_item="<b>{count}×</b> {text}{variants}\nBest existing entry: {suggestion}",
    button_attach="➕ Attach to entry {id}",
    button_add_from="📝 New entry",
    button_dismiss="🗑 Dismiss",
    review_attached="Attached to entry {id} as an alternate question.",
    review_dismissed="Dismissed.",
    stats=(
        "<b>Statistics</b>\nDocuments: {documents}\nActive entries: {active} (retired: {retired})\n"
        "Open in /review: {review}\n\n<b>Questions per day</b> (answered / suggested / unanswered)\n{days}\n\n"
        "<b>Feedback per entry</b> (👍 / 👎)\n{feedback}"
    ),
    export_caption="Export of the whole store ({entries} entries). `run_bot.py restore` brings it back.",
    command_add="Add a new entry",
    command_edit="Edit an entry: /edit <id>",
    command_alias="Alternate question: /alias <id> <question>",
    command_retire="Retire an entry: /retire <id>",
    command_restore="Restore an entry: /restore <id>",
    command_history="Versions of an entry: /history <id>",
    command_undo="Undo my last change",
    command_import="Import a document (.txt, .pdf, .xml)",
    command_review="Review unanswered questions",
    command_stats="Statistics",
    command_export="Export everything as JSON",
    command_cancel="Cancel what is in progress",
    translate_usage='Usage: /translate <id> <en|ru|be>',
    translate_show=(
        '<b>Entry {id}: translation ({language})</b>\n<b>Official text:</b>\n{dutch}\n\n<b>Current '
        'translation</b> ({state}):\n{current}\n\nSend the translation of the text (or /cancel). To '
        'translate the question too, put it on the first line after <code>Q:</code>.'
    ),
    translate_none='none yet',
    translate_current='current',
    translate_stale='stale: the official text has changed since',
    button_confirm_translation='✅ Still right: confirm as current',
    translate_preview=(
        '<b>Preview: translation ({language}) of entry {id}</b> (unofficial)\nQuestion: '
        '{question}\n\n{text}'
    ),
    translation_saved='Saved: translation ({language}) of entry {id}, version {version}.',
    translation_confirmed='Confirmed: the translation ({language}) of entry {id} is current again.',
    edit_field_translation='translation ({language})',
    stats_translations=(
        '\n\n<b>Without a current translation</b> (active entries)\n{missing}\n\n<b>Questions per '
        'language</b>\n{languages}'
    ),
    history_translation='{action} · translation {language}',
    command_translate='Translation: /translate <id> <en|ru|be>',
)


def moderator_texts(language: str | None) -> ModeratorTexts:
    return NL if (language or "").startswith("nl") else EN
