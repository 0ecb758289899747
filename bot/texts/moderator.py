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
    import_send_file=(
        "Stuur de Kamerbrief of de antwoorden op Kamervragen als .txt, .pdf of officiële .xml, of stuur het officiële "
        "kenmerk of de link (ah-tk-…, kst-…, zoek.officielebekendmakingen.nl) (of /cancel)."
    ),
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
    command_import="Document importeren (.txt, .pdf, .xml, kenmerk of link)",
    command_review="Onbeantwoorde vragen bekijken",
    command_stats="Statistieken",
    command_export="Alles exporteren als JSON",
    command_cancel="Lopende handeling annuleren",
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
    import_send_file=(
        "Send the Kamerbrief or answers to Kamervragen as .txt, .pdf or official .xml, or send its official id or "
        "link (ah-tk-…, kst-…, zoek.officielebekendmakingen.nl) (or /cancel)."
    ),
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
    command_import="Import a document (.txt, .pdf, .xml, official id or link)",
    command_review="Review unanswered questions",
    command_stats="Statistics",
    command_export="Export everything as JSON",
    command_cancel="Cancel what is in progress",
)


def moderator_texts(language: str | None) -> ModeratorTexts:
    return NL if (language or "").startswith("nl") else EN


class ImportTexts(BaseModel):
    """The import preview and the refusals of an import, in every interface language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    preview: str
    unknown: str
    no_citation: str
    more_entries: str
    no_date: str
    no_authors: str
    replaces_withdrawn: str
    beside: str
    cut_off: str
    questions_only: str
    fetch_bad_reference: str
    fetch_offline: str
    fetch_not_found: str
    fetch_too_large: str
    fetch_off_host: str
    fetch_failed: str


IMPORT_NL = ImportTexts(
    preview=(
        "<b>Import: voorbeeld</b>\nSoort: {kind}\nDatum: {date}\nAuteurs: {authors}\nCitatie: {citation}\n"
        "Sleutel: {key}\n{title}\n\n{count} items:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="geen officiële citatie gevonden",
    more_entries="… en nog {count} items",
    no_date="⚠️ Geen datum gevonden in het document.",
    no_authors="⚠️ Geen auteurs gevonden in het document.",
    replaces_withdrawn="⚠️ Vervangt het ingetrokken document {key} (al zijn items waren ingetrokken).",
    beside=(
        "ℹ️ Er staat al een ander document van dezelfde soort en datum in het bestand ({other}); dit "
        "document komt ernaast als {key}."
    ),
    cut_off=(
        "⚠️ De tekst stopt midden in een zin: {label} lijkt afgebroken en wordt niet geïmporteerd. Stuur de "
        "volledige tekst om het ook te importeren."
    ),
    questions_only=(
        "Niet opgeslagen: dit zijn vragen zonder de antwoorden van de regering; importeer de antwoorden "
        "zodra ze gepubliceerd zijn."
    ),
    fetch_bad_reference=(
        "Niet opgeslagen: {reference} is geen officieel kenmerk of officiële link (ah-tk-…, kst-… of een "
        "adres op zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline=(
        "Niet opgeslagen: officielebekendmakingen is niet bereikbaar; probeer het later opnieuw of stuur het "
        "bestand."
    ),
    fetch_not_found="Niet opgeslagen: {reference} is niet gevonden op officielebekendmakingen.",
    fetch_too_large="Niet opgeslagen: {reference} is groter dan {limit} bytes.",
    fetch_off_host="Niet opgeslagen: het adres stuurt door naar {host}, dat geen officiële publicatiesite is.",
    fetch_failed="Niet opgeslagen: officielebekendmakingen antwoordde met een fout (HTTP {status}).",
)

IMPORT_EN = ImportTexts(
    preview=(
        "<b>Import preview</b>\nKind: {kind}\nDate: {date}\nAuthors: {authors}\nCitation: {citation}\n"
        "Key: {key}\n{title}\n\n{count} entries:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="no official citation found",
    more_entries="… and {count} more entries",
    no_date="⚠️ No date found in the document.",
    no_authors="⚠️ No authors found in the document.",
    replaces_withdrawn="⚠️ Replaces the withdrawn document {key} (all its entries were retired).",
    beside=(
        "ℹ️ Another document of the same kind and date is already in the store ({other}); this one goes "
        "beside it as {key}."
    ),
    cut_off=(
        "⚠️ The text stops mid-sentence: {label} looks cut off and is not imported. Send the complete text "
        "to import it too."
    ),
    questions_only=(
        "Not saved: these are questions without the government's answers; import the answers once they are "
        "published."
    ),
    fetch_bad_reference=(
        "Not saved: {reference} is not an official id or link (ah-tk-…, kst-… or an address on "
        "zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline="Not saved: officielebekendmakingen cannot be reached; try again later or send the file.",
    fetch_not_found="Not saved: {reference} was not found on officielebekendmakingen.",
    fetch_too_large="Not saved: {reference} is larger than {limit} bytes.",
    fetch_off_host="Not saved: the address redirects to {host}, which is not an official publications site.",
    fetch_failed="Not saved: officielebekendmakingen answered with an error (HTTP {status}).",
)

IMPORT_RU = ImportTexts(
    preview=(
        "<b>Импорт: предпросмотр</b>\nВид: {kind}\nДата: {date}\nАвторы: {authors}\nЦитата: {citation}\n"
        "Ключ: {key}\n{title}\n\n{count} записей:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="официальная цитата не найдена",
    more_entries="… и ещё {count} записей",
    no_date="⚠️ В документе не найдена дата.",
    no_authors="⚠️ В документе не найдены авторы.",
    replaces_withdrawn="⚠️ Заменяет отозванный документ {key} (все его записи были отозваны).",
    beside=(
        "ℹ️ В базе уже есть другой документ того же вида и той же даты ({other}); этот документ будет "
        "сохранён рядом с ним как {key}."
    ),
    cut_off=(
        "⚠️ Текст обрывается на середине предложения: {label}, похоже, обрезан и не импортируется. Пришлите "
        "полный текст, чтобы импортировать и его."
    ),
    questions_only=(
        "Не сохранено: это вопросы без ответов правительства; импортируйте ответы, когда они будут "
        "опубликованы."
    ),
    fetch_bad_reference=(
        "Не сохранено: {reference} — не официальный идентификатор и не официальная ссылка (ah-tk-…, kst-… "
        "или адрес на zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline="Не сохранено: officielebekendmakingen недоступен; попробуйте позже или пришлите файл.",
    fetch_not_found="Не сохранено: {reference} не найден на officielebekendmakingen.",
    fetch_too_large="Не сохранено: {reference} больше {limit} байт.",
    fetch_off_host="Не сохранено: адрес перенаправляет на {host}, а это не официальный сайт публикаций.",
    fetch_failed="Не сохранено: officielebekendmakingen ответил ошибкой (HTTP {status}).",
)

IMPORT_BE = ImportTexts(
    preview=(
        "<b>Імпарт: папярэдні прагляд</b>\nВід: {kind}\nДата: {date}\nАўтары: {authors}\nЦытата: {citation}\n"
        "Ключ: {key}\n{title}\n\n{count} запісаў:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="афіцыйная цытата не знойдзена",
    more_entries="… і яшчэ {count} запісаў",
    no_date="⚠️ У дакуменце не знойдзена дата.",
    no_authors="⚠️ У дакуменце не знойдзены аўтары.",
    replaces_withdrawn="⚠️ Замяняе адкліканы дакумент {key} (усе яго запісы былі адкліканы).",
    beside=(
        "ℹ️ У базе ўжо ёсць іншы дакумент таго ж віду і той жа даты ({other}); гэты дакумент будзе захаваны "
        "побач як {key}."
    ),
    cut_off=(
        "⚠️ Тэкст абрываецца пасярэдзіне сказа: {label}, падобна, абрэзаны і не імпартуецца. Дашліце поўны "
        "тэкст, каб імпартаваць і яго."
    ),
    questions_only="Не захавана: гэта пытанні без адказаў урада; імпартуйце адказы, калі яны будуць апублікаваныя.",
    fetch_bad_reference=(
        "Не захавана: {reference} — не афіцыйны ідэнтыфікатар і не афіцыйная спасылка (ah-tk-…, kst-… або "
        "адрас на zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline="Не захавана: officielebekendmakingen недаступны; паспрабуйце пазней або дашліце файл.",
    fetch_not_found="Не захавана: {reference} не знойдзены на officielebekendmakingen.",
    fetch_too_large="Не захавана: {reference} большы за {limit} байтаў.",
    fetch_off_host="Не захавана: адрас перанакіроўвае на {host}, а гэта не афіцыйны сайт публікацый.",
    fetch_failed="Не захавана: officielebekendmakingen адказаў памылкай (HTTP {status}).",
)

_IMPORT_TEXTS = {"nl": IMPORT_NL, "en": IMPORT_EN, "ru": IMPORT_RU, "be": IMPORT_BE}


def import_texts(language: str | None) -> ImportTexts:
    """The import texts in the moderator's language (English when it is none of nl, en, ru, be)."""
    return _IMPORT_TEXTS.get((language or "")[:2].lower(), IMPORT_EN)
