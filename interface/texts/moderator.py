"""Texts of the moderators' flows in the four interface languages (moderators are staff; users
never see these, except `refused`). Every refusal reason is a code (knowledge.reasons.Reason)
worded here per language, so that a reply is in one language from start to end."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from interface.texts.markup import Html, Plain
from knowledge.models import Language
from knowledge.reasons import ENGLISH, SIZE_REASONS, Reason, megabytes

#: Telegram's result lines (and the command line's, which reuses them): each begins with a capital
#: letter and ends with a full stop (the rule of interface.texts.staff.STAFF_RESULT_LINES).
MODERATOR_RESULT_LINES = (
    "saved", "saved_note", "alias_added", "retired", "restored", "undone", "import_done", "review_attached",
    "review_dismissed", "translation_saved", "translation_confirmed", "history_empty", "review_empty", "cancelled",
    "nothing_to_cancel", "button_stale", "refused",
)


class ModeratorTexts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The language code ('nl'): sizes in a refusal are written with its import texts' MB and decimal sign.
    language: Plain
    reasons: dict[Reason, Plain]
    #: Plural forms: (one, many) or, for Russian and Belarusian, (one, few, many).
    entry_forms: tuple[Plain, ...]
    change_forms: tuple[Plain, ...]
    add_will_be_official: Plain
    add_will_be_note: Html
    saved_note: Plain
    button_save_note: Plain
    history_empty: Plain
    refused: Plain
    usage_id: Plain
    cancelled: Plain
    nothing_to_cancel: Plain
    button_stale: Plain
    saved: Plain
    not_saved: Plain
    button_save: Plain
    button_cancel: Plain
    button_new_document: Plain
    add_question: Plain
    add_exists: Plain
    #: /add: the text sent is already an entry's (the reason names it and the /alias to use).
    add_text_exists: Plain
    add_text: Plain
    add_source: Plain
    add_new_document: Html
    add_alternates: Plain
    add_preview: Html
    similar_heading: Plain
    no_similar: Plain
    edit_choose: Plain
    edit_value: Plain
    edit_field_question: Plain
    edit_field_text: Plain
    edit_field_topics: Plain
    edit_field_alternates: Plain
    edit_preview: Html
    alias_added: Plain
    retired: Plain
    restored: Plain
    history_line: Plain
    #: What an undo undid, in one line: the object's kind and key, the kind of change, and how many in all.
    undone: Plain
    undone_more: Plain
    object_kinds: dict[str, Plain]
    import_send_file: Plain
    import_done: Plain
    review_empty: Plain
    review_item: Html
    button_attach: Plain
    button_add_from: Plain
    button_dismiss: Plain
    review_attached: Plain
    review_dismissed: Plain
    stats: Html
    export_caption: Plain
    command_add: Plain
    command_edit: Plain
    command_alias: Plain
    command_retire: Plain
    command_restore: Plain
    command_history: Plain
    command_undo: Plain
    command_import: Plain
    command_review: Plain
    command_stats: Plain
    command_export: Plain
    command_cancel: Plain
    #: Above the moderator commands that /help adds for moderators only.
    help_moderator_heading: Plain
    translate_usage: Plain
    alias_usage: Plain
    translate_show: Html
    translate_none: Plain
    translate_current: Plain
    translate_stale: Plain
    button_confirm_translation: Plain
    translate_preview: Html
    translation_saved: Plain
    translation_confirmed: Plain
    edit_field_translation: Plain
    stats_translations: Html
    history_translation: Plain
    command_translate: Plain
    #: The audit trail's action names (knowledge.storage) as a moderator reads them in this language.
    actions: dict[str, Plain]
    #: An entry's or a translation's status (knowledge.models) as /history's detail line names it.
    statuses: dict[str, Plain]
    history_status: Plain
    #: The languages by name, as a refusal names them ('de vertaling lijkt Russisch'), never by code.
    language_names: dict[str, Plain]
    #: A file of entries that does not fit (interface/validation.py): each problem, and which entry.
    validation: dict[str, Plain]
    validation_at: Plain
    #: A list's item in a file of entries ('alternates.0'), by the list's field: its name counted from 1
    #: ('{n}'), and what is wrong when a bare value stands where its fields belong.
    list_items: dict[str, tuple[Plain, Plain]]

    @model_validator(mode="after")
    def _every_reason_worded(self) -> ModeratorTexts:
        missing = set(Reason) - set(self.reasons)
        if missing:
            raise ValueError(f"reasons without a wording: {sorted(missing)}")
        if unworded := set(ACTIONS) - set(self.actions):
            raise ValueError(f"actions without a wording: {sorted(unworded)}")
        if unworded := set(STATUSES) - set(self.statuses):
            raise ValueError(f"statuses without a wording: {sorted(unworded)}")
        if unworded := set(VALIDATION_PROBLEMS) - set(self.validation):
            raise ValueError(f"validation problems without a wording: {sorted(unworded)}")
        if unnamed := {language.value for language in Language} - set(self.language_names):
            raise ValueError(f"languages without a name: {sorted(unnamed)}")
        return self

    def history_action(self, action: str, object_type: str, object_key: str | None) -> str:
        """What one change in /history did, in this language; a translation's change says which one."""
        worded = self.actions.get(action, action)
        if object_type != "translation":
            return worded
        language = (object_key or "").rpartition("#")[2] or "?"
        return self.history_translation.format(action=worded, language=language)

    def reason(self, error: object) -> str:
        """A refusal in this language: a ModerationError's reason with its values, else a generic line."""
        reason = getattr(error, "reason", None)
        values = getattr(error, "values", {})
        if isinstance(reason, Reason):
            if reason in SIZE_REASONS:
                values = {**values, **self._sizes(values)}
            names = self.language_names
            values = {k: names.get(v, v) if k in ("found", "language") and isinstance(v, str) else v for k, v in values.items()}
            try:
                return self.reasons[reason].format(**values)
            except (KeyError, IndexError):
                return self.reasons[reason]
        errors = getattr(error, "errors", None)
        if callable(errors):  # pydantic's ValidationError: its first problem in plain words
            from interface.validation import validation_problem  # that module words it with these texts

            return validation_problem(errors(), self, numbered=False)
        return self.reasons[Reason.INVALID].format(detail=str(error).splitlines()[0] if str(error) else "?")

    def _sizes(self, values: dict[str, Any]) -> dict[str, str]:
        """A file's size and the limit as a moderator reads them ('5 MB', '5,1 MB'), not in bytes."""
        it = import_texts(self.language)
        return {
            key: it.megabytes.format(count=megabytes(value, it.decimal_separator, round_up=key == "size"))
            for key, value in values.items()
            if key in ("limit", "size") and isinstance(value, int)
        }

    def refusal(self, error: object) -> str:
        """A refusal that is a whole message (no 'Not saved:' before it): its reason as a sentence."""
        reason = self.reason(error)
        return reason[:1].upper() + reason[1:]

    def field_label(self, field: str) -> str:
        """An entry's field as /edit names it in this language ('text' is 'tekst', 'текст')."""
        labels = {
            "question": self.edit_field_question,
            "text": self.edit_field_text,
            "topics": self.edit_field_topics,
            "alternates": self.edit_field_alternates,
        }
        return labels.get(field, field)

    def entries(self, count: int) -> str:
        return f"{count} {plural(count, self.entry_forms)}"

    def changes(self, count: int) -> str:
        return f"{count} {plural(count, self.change_forms)}"

    def undone_line(self, undone: list[Any]) -> str:
        """'Undone: entry kamerbrief-…/3 (update).'; a whole import names its document and counts the rest.
        `undone`: the audited changes an undo reverted (knowledge.storage.audit.Change)."""
        if not undone:
            return self.undone.format(kind="", key="-", action="-", more="")
        first = next((c for c in undone if c.object_type == "document"), undone[0])
        more = self.undone_more.format(changes=self.changes(len(undone))) if len(undone) > 1 else ""
        return self.undone.format(
            kind=self.object_kinds.get(first.object_type, first.object_type),
            key=first.object_key or first.object_id,
            action=self.actions.get(first.action, first.action),
            more=more,
        )




#: Every problem of a moderator's file (interface/validation.py keeps this list in step with pydantic).
VALIDATION_PROBLEMS = (
    "choice", "date", "list", "mapping", "missing", "number", "other", "text", "too_few", "too_long", "too_many",
    "too_short", "unknown", "yes_no",
)

#: Every action the audit trail records (knowledge/storage: store.py, translations.py, exchange.py).
ACTIONS = ("create", "update", "reimport", "retire", "restore", "revert", "undo", "confirm")

#: Every status an entry or a translation has (knowledge.models EntryStatus, TranslationStatus).
STATUSES = ("active", "retired", "current", "withdrawn")


def plural(count: int, forms: tuple[str, ...]) -> str:
    """The right form for `count`: one/many, or the Slavic one/few/many (1, 2-4, 5-20, 21, 22...)."""
    if len(forms) == 2:
        return forms[0] if count == 1 else forms[1]
    if count % 10 == 1 and count % 100 != 11:
        return forms[0]
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return forms[1]
    return forms[2]


NL = ModeratorTexts(
    language="nl",
    reasons={
        Reason.CHOOSE_DOCUMENT: "kies een bestaand document of beschrijf een nieuw",
        Reason.DOCUMENT_EXISTS: "er bestaat al een document {key}; voeg het item daaraan toe",
        Reason.NO_DOCUMENT: "er is geen document {key}",
        Reason.QUESTION_EXISTS: "deze vraag bestaat al: item {id} ({key})",
        Reason.ALREADY_IN_STORE: "dit document staat al in het antwoordbestand als {key}",
        Reason.NO_ENTRY: "er is geen item {id}",
        Reason.CANNOT_EDIT: "{fields} kan niet worden gewijzigd",
        Reason.TEXT_TOO_LONG: "de tekst is langer dan {limit} tekens; verdeel hem over meer items",
        Reason.RETIRED: "item {id} is ingetrokken; zet het eerst terug met /restore {id}",
        Reason.ALTERNATE_TOO_SHORT: "de alternatieve vraag is te kort",
        Reason.ALREADY_ACTIVE: "item {id} is al actief",
        Reason.ALREADY_RETIRED: "item {id} is al ingetrokken",
        Reason.NOTHING_TO_UNDO: "u hebt geen wijziging om ongedaan te maken",
        Reason.RESTORE_IS_FINAL: (
            "uw laatste wijziging zette een export terug; dat kan niet ongedaan worden gemaakt: zet een eerdere export terug"
        ),
        Reason.UNDO_PAST_RESTORE: (
            "na uw laatste wijziging is een export teruggezet; ongedaan maken gaat niet terug tot vóór een teruggezette "
            "export: wijzig het item zelf"
        ),
        Reason.CHANGED_BY_OTHER: "item {id} is intussen door iemand anders gewijzigd; open het opnieuw",
        Reason.CHANGED_AFTER_YOURS: (
            "item {id} is na uw wijziging opnieuw gewijzigd; ongedaan maken wordt geweigerd zodat die latere "
            "wijziging niet verloren gaat"
        ),
        Reason.NO_REVIEW_ITEM: "er is geen vraag {id} in de wachtrij",
        Reason.REVIEW_ALREADY_ATTACHED: "deze vraag is al als alternatieve vraag aan een item gekoppeld",
        Reason.REVIEW_ALREADY_HANDLED: (
            "deze vraag is al afgehandeld (genegeerd, of er is een nieuw item voor geschreven)"
        ),
        Reason.NOT_AN_EXPORT: "geen export van Standpunt ({detail})",
        Reason.EXPORT_NOT_JSON: "geen export van Standpunt (geen JSON)",
        Reason.EXPORT_TOO_NEW: "de export komt van een nieuwere Standpunt (schema {version} > {supported})",
        Reason.EXPORT_TWICE: (
            "de export klopt niet: twee van zijn objecten hebben het nummer of de sleutel {value}; er is niets veranderd"
        ),
        Reason.EXPORT_ENTRY_WITHOUT_DOCUMENT: (
            "de export klopt niet: zijn item {id} hoort bij {key}, dat er niet in staat; er is niets veranderd"
        ),
        Reason.EXPORT_TEXT_NOT_IN_SOURCE: (
            "item {id} van de export is officiële tekst van {key}, maar de brontekst van het document bevat hem "
            "niet (een met de hand bewerkte of beschadigde export); er is niets veranderd"
        ),
        Reason.EXPORT_NUMBER_TWICE: (
            "de items {first} en {second} van de export zijn allebei nummer {number} van {key}, met verschillende "
            "teksten (een met de hand bewerkte of beschadigde export); er is niets veranderd"
        ),
        Reason.RESTORE_WOULD_RETIRE: (
            "deze export terugzetten zou actieve items intrekken die er niet in staan (items: {count}); er is "
            "niets veranderd: bekijk eerst wat het terugzetten verandert en bevestig het dan"
        ),
        Reason.EXPORT_FROM_OTHER_STORE: (
            "deze export komt uit een andere database: zijn documenten en items nemen de nummers van die van deze "
            "database, dus terugzetten zou verliezen wat hier staat en niet in de export (documenten: {documents}, "
            "items: {entries}); er is niets veranderd. Zet hem terug in een nieuwe database: "
            "een nieuw bestand, opgegeven met --database"
        ),
        Reason.INVALID: "een waarde is niet geldig ({detail})",
        Reason.NO_SOURCE: (
            "van document {key} staat geen brontekst in het antwoordbestand (het is opgeslagen voordat bronteksten "
            "werden bewaard), dus de tekst kan er niet aan worden getoetst; importeer het document opnieuw, of "
            "sla de tekst op als notitie van een moderator"
        ),
        Reason.KIND_AND_TITLE_REQUIRED: "soort en titel zijn verplicht",
        Reason.UNKNOWN_KIND: "'{value}' is geen soort document; schrijf kamerbrief of kamervragen",
        Reason.INVALID_DATE: "'{value}' is geen datum; schrijf hem als 2024-05-01",
        Reason.INVALID_FIELD: "de waarde van '{field}' is niet geldig",
        Reason.HAND_DESCRIBED: (
            "een met de hand beschreven document heeft geen brontekst om de tekst aan te toetsen; importeer het "
            "document zelf om er officiële tekst uit toe te voegen"
        ),
        Reason.NOT_IN_DOCUMENT: (
            "document {key} bevat deze tekst niet, dus hij kan er geen officieel item van zijn; sla hem op als "
            "notitie van een moderator"
        ),
        Reason.NOT_AN_ANSWER: (
            "deze tekst staat in document {key}, maar niet binnen één alinea of antwoord ervan (hij beslaat er "
            "meer, of is een vraag, een kop of de ondertekening); sla hem op als notitie van een moderator"
        ),
        Reason.TOO_SHORT_TO_CHECK: "de tekst is te kort om aan het document te toetsen; stuur de hele passage",
        Reason.TEXT_IS_ENTRY: (
            "deze tekst is al item {id} (nummer {number} van het document); voeg uw vraag daaraan toe met "
            "/alias {id} <vraag>"
        ),
        Reason.TEXT_IS_RETIRED_ENTRY: (
            "deze tekst is het ingetrokken item {id} (nummer {number} van het document); /restore {id} zet het terug"
        ),
        Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT: (
            "question_is_official staat op true, maar het document {key} bevat deze vraag niet letterlijk; neem de "
            "vraag over uit het document, of laat question_is_official weg om haar toe te voegen als vraag van een "
            "moderator"
        ),
        Reason.OFFICIAL_QUESTION_NO_SOURCE: (
            "question_is_official staat op true, maar het document {key} heeft geen brontekst in de database om de "
            "vraag aan te toetsen; importeer het document zelf, of laat question_is_official weg om haar toe te "
            "voegen als vraag van een moderator"
        ),
        Reason.OFFICIAL_QUESTION_ON_NOTE: (
            "question_is_official staat op true, maar de tekst is niet die van het document, dus het item zou een "
            "notitie van een moderator worden, en een notitie draagt nooit de vraag van het document; geef de tekst "
            "van het antwoord uit het document {key}, of laat question_is_official weg"
        ),
        Reason.QUESTION_IS_OFFICIAL: (
            "de vraag van item {id} is die van het document zelf (de vraag die het beantwoordt) en de nieuwe "
            "staat niet in het document; voeg haar toe als andere formulering met /alias {id} <vraag>"
        ),
        Reason.NUMBER_TAKEN: (
            "nummer {number} van dit document is al item {id}, met een andere tekst; wijzig dat item met /edit {id}"
        ),
        Reason.NUMBER_MISMATCH: (
            "de nieuwe tekst is nummer {found} van het document, niet nummer {number}; een item houdt zijn plaats "
            "in het document"
        ),
        Reason.FILE_TOO_LARGE: "het bestand is groter dan {limit}",
        Reason.DOWNLOAD_FAILED: "het bestand kon niet worden gedownload; stuur het opnieuw",
        Reason.FILE_EMPTY: "het bestand is leeg",
        Reason.NOT_A_TEXT_FILE: "het bestand is geen tekstbestand (het bevat binaire gegevens)",
        Reason.NOT_A_PDF: "het bestand is geen leesbare PDF",
        Reason.PDF_ENCRYPTED: "de PDF is versleuteld (met een wachtwoord); stuur een onbeveiligde kopie",
        Reason.PDF_WITHOUT_TEXT: "de PDF heeft geen tekstlaag (een scan?)",
        Reason.XML_WITH_DOCTYPE: "XML met een DOCTYPE wordt niet aanvaard (geen DTD's of entiteiten)",
        Reason.NOT_OFFICIAL_XML: (
            "geen officiële XML van een Kamerstuk of Aanhangsel (van zoek.officielebekendmakingen.nl)"
        ),
        Reason.WARN_REPLACES_WITHDRAWN: "vervangt het ingetrokken document {key} (al zijn items waren ingetrokken)",
        Reason.WARN_NO_DATE: "geen datum gevonden in het document",
        Reason.WARN_NO_AUTHORS: "geen auteurs gevonden in het document",
        Reason.WARN_CUT_OFF: "de tekst stopt midden in een zin: item {number} lijkt afgebroken en wordt niet geïmporteerd",
        Reason.WARN_COMPLETES: (
            "vult {key} aan, dat uit een afgebroken kopie is opgeslagen: "
            "voegt item {numbers} toe; de items die er al zijn blijven zoals ze zijn"
        ),
        Reason.NOT_OFFICIAL_DOCUMENT: (
            "deze tekst heeft geen van de kenmerken van een officieel document (briefhoofd, 'Aan de Voorzitter', "
            "datumregel, Vergaderjaar, Kamerstuknummer, 'Vragen van het lid', 'Antwoord', ondertekening door een "
            "bewindspersoon); voeg hem in plaats daarvan toe als notitie van een moderator met /add"
        ),
        Reason.WARN_ANSWER_WITHOUT_QUESTION: (
            "de nummering klopt niet: {label} heeft geen vraag met nummer {numbers} en wordt niet geïmporteerd "
            "(nooit aan een andere vraag gekoppeld); verbeter de nummering en importeer opnieuw"
        ),
        Reason.WARN_QUESTION_WITHOUT_ANSWER: "{label} heeft geen antwoord in het document (er staat geen Antwoord {numbers} in)",
        Reason.NOTE_NOT_TRANSLATED: (
            "dit item is een notitie van een moderator, geen officiële tekst: notities worden niet vertaald (een "
            "vertaling staat naast de officiële Nederlandse tekst die ze weergeeft, en een notitie heeft die niet); "
            "schrijf de notitie in plaats daarvan in die taal"
        ),
        Reason.TRANSLATION_WRONG_LANGUAGE: "de vertaling lijkt {found}, niet {language}; stuur een vertaling in het {language}",
        Reason.TRANSLATION_EMPTY: "de vertaling is leeg",
        Reason.QUESTION_EMPTY: "de vraag is leeg: elk antwoord heeft een vraag nodig",
        Reason.TRANSLATION_TOO_LONG: "de vertaling is veel langer dan de officiële tekst; kijk na wat er is geplakt",
        Reason.TRANSLATION_FIGURES: (
            "de getallen van de vertaling zijn niet die van de officiële tekst (officieel: {official}; vertaling: "
            "{translated}); schrijf elk getal van de officiële tekst in cijfers"
        ),
        Reason.NO_TRANSLATION: "item {id} heeft geen vertaling ({language})",
        Reason.TRANSLATION_CURRENT: "de vertaling ({language}) van item {id} is al actueel",
        Reason.TRANSLATION_LANGUAGE: "vertalingen zijn in het Engels, Russisch of Belarussisch, niet '{language}'",
        Reason.DOCUMENT_REJECTED: "het bestand kon niet als document worden gelezen ({detail})",
        Reason.QUESTIONS_ONLY: (
            "dit zijn vragen zonder de antwoorden van de regering; importeer de antwoorden zodra ze gepubliceerd zijn"
        ),
        Reason.XML_QUESTIONS_ONLY: (
            "dit zijn vragen zonder de antwoorden van de regering; importeer de antwoorden zodra ze gepubliceerd zijn"
        ),
        Reason.UPLOAD_TOO_LARGE: "het bestand is te groot ({size}; de grens is {limit})",
        Reason.FILE_TYPE_REFUSED: "bestanden met {suffix} worden niet aanvaard; stuur een .txt-, .pdf- of .xml-bestand",
        Reason.FILE_WITHOUT_EXTENSION: (
            "bestanden zonder extensie worden niet aanvaard; stuur een .txt-, .pdf- of .xml-bestand"
        ),
        Reason.FILE_UNREADABLE: "het bestand kon niet worden gelezen ({error})",
        Reason.PART_TOO_LONG: "een alinea of antwoord is langer dan {limit} tekens; is dit echt één document?",
        Reason.PART_INVALID: "een deel van het document is niet geldig ({where})",
        Reason.NO_ENTRIES: "er konden geen items worden gelezen: het document bevat geen leesbare alinea's of vragen",
        Reason.XML_NOT_WELL_FORMED: "het bestand is geen geldige XML (regel {line}, kolom {column})",
        Reason.XML_TOO_DEEP: "de XML is meer dan {limit} niveaus diep genest",
        Reason.XML_PARAGRAPH_TOO_LONG: "alinea {number} is langer dan {limit} tekens; is dit echt één alinea?",
        Reason.XML_ANSWER_TOO_LONG: (
            "het antwoord op vraag {number} is langer dan {limit} tekens; is dit echt één antwoord?"
        ),
        Reason.XML_NO_PARAGRAPHS: "er konden geen items worden gelezen: de XML van het Kamerstuk heeft geen alinea's (al)",
        Reason.XML_NO_PAIRS: (
            "er konden geen items worden gelezen: de XML van het Aanhangsel heeft geen paren van vraag en antwoord "
            "(er staan geen antwoorden in)"
        ),
        Reason.XML_EMPTY_ANSWERS: "er konden geen items worden gelezen: elk antwoord in de XML is leeg",
        Reason.XML_NO_PLAIN_TEXT: (
            "een XML-bestand heeft geen platte tekst om uit te halen; het wordt gelezen naar zijn structuur"
        ),
    },
    entry_forms=("item", "items"),
    change_forms=("wijziging", "wijzigingen"),
    add_will_be_official="✅ Tekst van het document: wordt nummer {number} ervan, met de officiële bronvermelding.",
    add_will_be_note=(
        "⚠️ Geen officieel item: {reason}.\nHet wordt opgeslagen als <b>notitie van een moderator</b>: met dat label "
        "getoond, nooit met een nummer of bronvermelding van het document en nooit als woorden van de regering."
    ),
    saved_note="Opgeslagen als notitie van een moderator: item {id} ({key}), versie {version}.",
    button_save_note="📝 Opslaan als notitie",
    history_empty="Geen wijzigingen.",
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
    add_text_exists="Bestaat al: {reason}. Stuur een andere tekst, of /cancel.",
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
    undone="Ongedaan gemaakt: {kind} {key} ({action}){more}.",
    undone_more="; {changes} in totaal",
    object_kinds={"entry": "item", "document": "document", "translation": "vertaling"},
    import_send_file=(
        "Stuur de Kamerbrief of de antwoorden op Kamervragen als .txt, .pdf of officiële .xml, of stuur het officiële "
        "kenmerk of de link (ah-tk-…, kst-…, zoek.officielebekendmakingen.nl) (of /cancel)."
    ),
    import_done="Geïmporteerd: {key} met {entries}. /undo maakt dit ongedaan.",
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
    export_caption="Export van het hele antwoordbestand ({entries}). `run_bot.py restore` zet het terug.",
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
    help_moderator_heading="Voor moderatoren:",
    translate_usage='Gebruik: /translate <id> <en|ru|be>',
    alias_usage='Gebruik: /alias <id> <vraag>',
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
    validation_at='item {number}: {problem}',
    list_items={
        "alternates": ("alternatieve vraag {n}", "{field} heeft geen tekst: schrijf hem als 'text: <vraag>'"),
        "authors": ("auteur {n}", "{field} heeft geen naam: schrijf hem als 'name: <naam>'"),
        "topics": ("onderwerp {n}", "{field} moet tekst zijn"),
    },
    validation={
        'missing': 'het veld {field} ontbreekt',
        'unknown': '{field} is geen veld (standpunt add --help noemt de velden)',
        'too_short': '{field} is te kort (minstens {limit} tekens)',
        'too_long': '{field} is te lang (hoogstens {limit} tekens)',
        'too_few': '{field} heeft te weinig waarden',
        'too_many': '{field} heeft te veel waarden',
        'choice': '{field} moet een van deze zijn: {choices}',
        'text': '{field} moet tekst zijn',
        'yes_no': '{field} moet true of false zijn',
        'list': '{field} moet een lijst zijn',
        'mapping': '{field} moet velden met waarden hebben',
        'number': '{field} moet een getal zijn',
        'date': '{field} is geen datum; schrijf hem als 2024-05-01',
        'other': 'de waarde van {field} is niet geldig',
    },
    actions={
        "create": "aangemaakt",
        "update": "gewijzigd",
        "reimport": "opnieuw geïmporteerd",
        "retire": "ingetrokken",
        "restore": "teruggezet",
        "revert": "teruggezet uit een export",
        "undo": "ongedaan gemaakt",
        "confirm": "bevestigd",
    },
    language_names={"nl": "Nederlands", "en": "Engels", "ru": "Russisch", "be": "Belarussisch"},
    statuses={"active": "actief", "retired": "ingetrokken", "current": "in gebruik", "withdrawn": "teruggetrokken"},
    history_status="status: {old} → {new}",
)

#: Where the English wording names a command to type: as typed in Telegram, not on the command line.
_TELEGRAM_ENGLISH = {
    Reason.RESTORE_WOULD_RETIRE: (
        "restoring this export would retire active entries that are not in it (entries: {count}); nothing was "
        "changed: look first at what the restore changes, then confirm it"
    ),
    Reason.RETIRED: "entry {id} is retired; restore it first with /restore {id}",
    Reason.TEXT_IS_ENTRY: (
        "this text is already entry {id} (number {number} of the document); add your question to it as an "
        "alternate question with /alias {id} <question>"
    ),
    Reason.TEXT_IS_RETIRED_ENTRY: (
        "this text is the retired entry {id} (number {number} of the document); /restore {id} brings it back"
    ),
    Reason.QUESTION_IS_OFFICIAL: (
        "the question of entry {id} is the document's own (the question it answers), and the new one is not "
        "in the document; add it as another phrasing with /alias {id} <question>"
    ),
    Reason.NUMBER_TAKEN: (
        "number {number} of this document is already entry {id}, with another text; edit that entry with /edit {id}"
    ),
    Reason.NOT_OFFICIAL_DOCUMENT: (
        "this text has none of the marks of an official document (a letterhead, 'Aan de Voorzitter', a date line, "
        "Vergaderjaar, a Kamerstuk number, 'Vragen van het lid', 'Antwoord', a minister's signature); add it as a "
        "moderator's note instead with /add"
    ),
}

EN = ModeratorTexts(
    language="en",
    reasons={**ENGLISH, **_TELEGRAM_ENGLISH},
    entry_forms=("entry", "entries"),
    change_forms=("change", "changes"),
    add_will_be_official="✅ Text of the document: it becomes its number {number}, with the official citation.",
    add_will_be_note=(
        "⚠️ Not an official entry: {reason}.\nIt will be saved as a <b>moderator's note</b>: shown with that label, "
        "never with a number or citation of the document and never as the government's words."
    ),
    saved_note="Saved as a moderator's note: entry {id} ({key}), version {version}.",
    button_save_note="📝 Save as note",
    history_empty="No changes.",
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
    add_exists=(
        "Already there: {reason}. Send another question, add this one "
        "as a phrasing with /alias <id> <question>, or /cancel."
    ),
    add_text_exists="Already there: {reason}. Send another text, or /cancel.",
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
    undone="Undone: {kind} {key} ({action}){more}.",
    undone_more="; {changes} in all",
    object_kinds={"entry": "entry", "document": "document", "translation": "translation"},
    import_send_file=(
        "Send the Kamerbrief or answers to Kamervragen as .txt, .pdf or official .xml, or send its official id or "
        "link (ah-tk-…, kst-…, zoek.officielebekendmakingen.nl) (or /cancel)."
    ),
    import_done="Imported: {key} with {entries}. /undo reverts it.",
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
    export_caption="Export of the whole store ({entries}). `run_bot.py restore` brings it back.",
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
    help_moderator_heading="For moderators:",
    translate_usage="Usage: /translate <id> <en|ru|be>",
    alias_usage="Usage: /alias <id> <question>",
    translate_show=(
        "<b>Entry {id}: translation ({language})</b>\n<b>Official text:</b>\n{dutch}\n\n<b>Current "
        "translation</b> ({state}):\n{current}\n\nSend the translation of the text (or /cancel). To "
        "translate the question too, put it on the first line after <code>Q:</code>."
    ),
    translate_none="none yet",
    translate_current="current",
    translate_stale="stale: the official text has changed since",
    button_confirm_translation="✅ Still right: confirm as current",
    translate_preview=("<b>Preview: translation ({language}) of entry {id}</b> (unofficial)\nQuestion: {question}\n\n{text}"),
    translation_saved="Saved: translation ({language}) of entry {id}, version {version}.",
    translation_confirmed="Confirmed: the translation ({language}) of entry {id} is current again.",
    edit_field_translation="translation ({language})",
    stats_translations=(
        "\n\n<b>Without a current translation</b> (active entries)\n{missing}\n\n<b>Questions per language</b>\n{languages}"
    ),
    history_translation="{action} · translation {language}",
    command_translate="Translation: /translate <id> <en|ru|be>",
    validation_at='entry {number}: {problem}',
    list_items={
        "alternates": ("alternate question {n}", "{field} has no text: write it as 'text: <question>'"),
        "authors": ("author {n}", "{field} has no name: write it as 'name: <name>'"),
        "topics": ("topic {n}", "{field} must be text"),
    },
    validation={
        'missing': 'the field {field} is missing',
        'unknown': '{field} is not a field (standpunt add --help lists the fields)',
        'too_short': '{field} is too short (at least {limit} characters)',
        'too_long': '{field} is too long (at most {limit} characters)',
        'too_few': '{field} has too few values',
        'too_many': '{field} has too many values',
        'choice': '{field} must be one of: {choices}',
        'text': '{field} must be text',
        'yes_no': '{field} must be true or false',
        'list': '{field} must be a list',
        'mapping': '{field} must hold fields with values',
        'number': '{field} must be a number',
        'date': '{field} is not a date; write it as 2024-05-01',
        'other': 'the value of {field} is not valid',
    },
    actions={
        "create": "create",
        "update": "update",
        "reimport": "re-import",
        "retire": "retire",
        "restore": "restore",
        "revert": "restored from an export",
        "undo": "undo",
        "confirm": "confirm",
    },
    language_names={"nl": "Dutch", "en": "English", "ru": "Russian", "be": "Belarusian"},
    statuses={"active": "active", "retired": "retired", "current": "in use", "withdrawn": "withdrawn"},
    history_status="status: {old} → {new}",
)


class ImportTexts(BaseModel):
    """The import preview and the refusals of an import, in every interface language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    preview: Html
    unknown: Plain
    no_citation: Plain
    more_entries: Plain
    no_date: Plain
    #: In place of the date where the document prints none (preview, import line, sources).
    undated: Plain
    no_authors: Plain
    replaces_withdrawn: Plain
    beside: Plain
    #: After a save: the key the preview showed went to another document meanwhile (two moderators at once).
    rekeyed: Plain
    cut_off: Plain
    completes: Plain
    answer_without_question: Plain
    question_without_answer: Plain
    questions_only: Plain
    fetch_bad_reference: Plain
    fetch_offline: Plain
    #: The whole fetch (every request, headers and body) took longer than the setting allows.
    fetch_slow: Plain
    fetch_not_found: Plain
    fetch_too_large: Plain
    fetch_off_host: Plain
    fetch_failed: Plain
    fetch_redirect_loop: Plain
    #: The official source answered with a web page or other text instead of the document's XML.
    fetch_not_xml: Plain
    #: A size limit in megabytes ("5 MB").
    megabytes: Plain
    #: Between a number's whole part and its fraction: "1,5 MB" in Dutch, Russian and Belarusian.
    decimal_separator: Plain
    entry_forms: tuple[Plain, ...]

    def size(self, limit_bytes: int) -> str:
        """A size limit as a moderator reads it: '5 MB', '1,5 MB', '0.005 MB' in English."""
        return self.megabytes.format(count=megabytes(limit_bytes, self.decimal_separator))

    def entries(self, count: int) -> str:
        """'1 entry', '3 записи': the count in the language's own plural form."""
        return f"{count} {plural(count, self.entry_forms)}"


IMPORT_NL = ImportTexts(
    entry_forms=("item", "items"),
    preview=(
        "<b>Import: voorbeeld</b>\nSoort: {kind}\nDatum: {date}\nAuteurs: {authors}\nCitatie: {citation}\n"
        "Sleutel: {key}\n{title}\n\n{count}:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="geen officiële citatie gevonden",
    more_entries="… en nog {count}",
    no_date="⚠️ Geen datum gevonden in het document.",
    undated="geen datum gevonden",
    no_authors="⚠️ Geen auteurs gevonden in het document.",
    replaces_withdrawn="⚠️ Vervangt het ingetrokken document {key} (al zijn items waren ingetrokken).",
    beside=(
        "ℹ️ Er staat al een ander document van dezelfde soort en datum in het bestand ({other}); dit "
        "document komt ernaast als {key}."
    ),
    rekeyed=(
        "ℹ️ De sleutel {previewed} uit het voorbeeld is intussen gegeven aan een ander document van die dag; "
        "dit document staat onder {key}."
    ),
    cut_off=(
        "⚠️ De tekst stopt midden in een zin: {label} lijkt afgebroken en wordt niet geïmporteerd. Importeer "
        "daarna de volledige tekst: die vult het document aan."
    ),
    completes=(
        "ℹ️ Vult {key} aan, dat uit een afgebroken kopie is opgeslagen: voegt {labels} toe; de items die er al "
        "zijn blijven zoals ze zijn."
    ),
    answer_without_question=(
        "⚠️ De nummering klopt niet: {label} heeft geen vraag met nummer {numbers} in het document en wordt "
        "niet geïmporteerd (het wordt niet aan een andere vraag gekoppeld). Verbeter de nummering en importeer opnieuw."
    ),
    question_without_answer="⚠️ {label} heeft geen antwoord in het document (er staat geen Antwoord {numbers} in).",
    questions_only=(
        "Niet opgeslagen: dit zijn vragen zonder de antwoorden van de regering; importeer de antwoorden "
        "zodra ze gepubliceerd zijn."
    ),
    fetch_bad_reference=(
        "{reference} is geen officieel kenmerk of officiële link (ah-tk-…, kst-… of een "
        "adres op zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline=(
        "officielebekendmakingen is niet bereikbaar; probeer het later opnieuw of stuur het bestand."
    ),
    fetch_slow=(
        "officielebekendmakingen deed er te lang over (meer dan {seconds} s); probeer het later opnieuw of "
        "stuur het bestand."
    ),
    fetch_not_found="{reference} is niet gevonden op officielebekendmakingen.",
    fetch_too_large="{reference} is groter dan {limit}.",
    fetch_off_host="het adres stuurt door naar {host}, dat geen officiële publicatiesite is.",
    fetch_failed="officielebekendmakingen antwoordde met een fout (HTTP {status}).",
    fetch_redirect_loop=(
        "officielebekendmakingen stuurt {reference} in een kringetje door; probeer het later opnieuw of stuur het bestand."
    ),
    fetch_not_xml=(
        "officielebekendmakingen gaf voor {reference} niet de XML van het document terug (maar een webpagina of "
        "andere tekst); probeer het later opnieuw of stuur het bestand."
    ),
    megabytes="{count} MB",
    decimal_separator=",",
)

IMPORT_EN = ImportTexts(
    entry_forms=("entry", "entries"),
    preview=(
        "<b>Import preview</b>\nKind: {kind}\nDate: {date}\nAuthors: {authors}\nCitation: {citation}\n"
        "Key: {key}\n{title}\n\n{count}:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="no official citation found",
    more_entries="… and {count} more",
    no_date="⚠️ No date found in the document.",
    undated="no date found",
    no_authors="⚠️ No authors found in the document.",
    replaces_withdrawn="⚠️ Replaces the withdrawn document {key} (all its entries were retired).",
    beside=("ℹ️ Another document of the same kind and date is already in the store ({other}); this one goes beside it as {key}."),
    rekeyed=(
        "ℹ️ The key {previewed} shown in the preview was meanwhile given to another document of that day; "
        "this one is stored as {key}."
    ),
    cut_off=(
        "⚠️ The text stops mid-sentence: {label} looks cut off and is not imported. Import the complete text "
        "afterwards: it completes the document."
    ),
    completes=(
        "ℹ️ Completes {key}, stored from a cut-off copy: adds {labels}; the entries already there stay as they are."
    ),
    answer_without_question=(
        "⚠️ The numbering does not match: answer {numbers} ({label}) has no question of that number in the document and is "
        "not imported (it is not paired with another question). Correct the numbering and import again."
    ),
    question_without_answer="⚠️ Question {numbers} ({label}) has no answer in the document.",
    questions_only=(
        "Not saved: these are questions without the government's answers; import the answers once they are published."
    ),
    fetch_bad_reference=(
        "{reference} is not an official id or link (ah-tk-…, kst-… or an address on zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline="officielebekendmakingen cannot be reached; try again later or send the file.",
    fetch_slow="officielebekendmakingen took too long (over {seconds} s); try again later or send the file.",
    fetch_not_found="{reference} was not found on officielebekendmakingen.",
    fetch_too_large="{reference} is larger than {limit}.",
    fetch_off_host="the address redirects to {host}, which is not an official publications site.",
    fetch_failed="officielebekendmakingen answered with an error (HTTP {status}).",
    fetch_redirect_loop="officielebekendmakingen redirects {reference} in a loop; try again later or send the file.",
    fetch_not_xml=(
        "officielebekendmakingen did not return the document's XML for {reference} (it sent a web page or other "
        "text); try again later or send the file."
    ),
    megabytes="{count} MB",
    decimal_separator=".",
)

IMPORT_RU = ImportTexts(
    entry_forms=("запись", "записи", "записей"),
    preview=(
        "<b>Импорт: предпросмотр</b>\nТип: {kind}\nДата: {date}\nАвторы: {authors}\nСсылка: {citation}\n"
        "Ключ: {key}\n{title}\n\n{count}:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="официальная ссылка на документ не найдена",
    more_entries="… и ещё {count}",
    no_date="⚠️ В документе не найдена дата.",
    undated="дата не найдена",
    no_authors="⚠️ В документе не найдены авторы.",
    replaces_withdrawn="⚠️ Заменяет отозванный документ {key} (все его записи были отозваны).",
    beside=(
        "ℹ️ В базе уже есть другой документ того же вида и той же даты ({other}); этот документ будет "
        "сохранён рядом с ним как {key}."
    ),
    rekeyed=(
        "ℹ️ Ключ {previewed} из предпросмотра тем временем получил другой документ того же дня; "
        "этот документ сохранён как {key}."
    ),
    cut_off=(
        "⚠️ Текст обрывается на середине предложения: {label}, похоже, обрезан и не импортируется. "
        "Импортируйте затем полный текст: он дополнит документ."
    ),
    completes=(
        "ℹ️ Дополняет {key}, сохранённый из обрезанной копии: добавляет {labels}; имеющиеся записи остаются как есть."
    ),
    answer_without_question=(
        "⚠️ Нумерация не совпадает: у ответа {numbers} ({label}) нет вопроса с таким номером в документе, и он не "
        "импортируется (он не связывается с другим вопросом). Исправьте нумерацию и импортируйте снова."
    ),
    question_without_answer="⚠️ На вопрос {numbers} ({label}) в документе нет ответа.",
    questions_only=("Не сохранено: это вопросы без ответов правительства; импортируйте ответы, когда они будут опубликованы."),
    fetch_bad_reference=(
        "{reference} — не официальный идентификатор и не официальная ссылка (ah-tk-…, kst-… "
        "или адрес на zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline="officielebekendmakingen недоступен; попробуйте позже или пришлите файл.",
    fetch_slow="officielebekendmakingen отвечает слишком долго (больше {seconds} с); попробуйте позже или пришлите файл.",
    fetch_not_found="{reference} не найден на officielebekendmakingen.",
    fetch_too_large="{reference} больше {limit}.",
    fetch_off_host="адрес перенаправляет на {host}, а это не официальный сайт публикаций.",
    fetch_failed="officielebekendmakingen ответил ошибкой (HTTP {status}).",
    fetch_redirect_loop="officielebekendmakingen перенаправляет {reference} по кругу; попробуйте позже или пришлите файл.",
    fetch_not_xml=(
        "officielebekendmakingen не вернул XML документа {reference} (пришла веб-страница или другой текст); "
        "попробуйте позже или пришлите файл."
    ),
    megabytes="{count} МБ",
    decimal_separator=",",
)

IMPORT_BE = ImportTexts(
    entry_forms=("запіс", "запісы", "запісаў"),
    preview=(
        "<b>Імпарт: папярэдні прагляд</b>\nТып: {kind}\nДата: {date}\nАўтары: {authors}\nСпасылка: {citation}\n"
        "Ключ: {key}\n{title}\n\n{count}:\n{entries}{notes}"
    ),
    unknown="?",
    no_citation="афіцыйная спасылка на дакумент не знойдзена",
    more_entries="… і яшчэ {count}",
    no_date="⚠️ У дакуменце не знойдзена дата.",
    undated="дата не знойдзена",
    no_authors="⚠️ У дакуменце не знойдзены аўтары.",
    replaces_withdrawn="⚠️ Замяняе адкліканы дакумент {key} (усе яго запісы былі адкліканы).",
    beside=("ℹ️ У базе ўжо ёсць іншы дакумент таго ж віду і той жа даты ({other}); гэты дакумент будзе захаваны побач як {key}."),
    rekeyed=(
        "ℹ️ Ключ {previewed} з папярэдняга прагляду тым часам атрымаў іншы дакумент таго ж дня; "
        "гэты дакумент захаваны як {key}."
    ),
    cut_off=(
        "⚠️ Тэкст абрываецца пасярэдзіне сказа: {label}, падобна, абрэзаны і не імпартуецца. Імпартуйце "
        "потым поўны тэкст: ён дапоўніць дакумент."
    ),
    completes=(
        "ℹ️ Дапаўняе {key}, захаваны з абрэзанай копіі: дадае {labels}; наяўныя запісы застаюцца як ёсць."
    ),
    answer_without_question=(
        "⚠️ Нумарацыя не супадае: у адказу {numbers} ({label}) няма пытання з такім нумарам у дакуменце, і ён не "
        "імпартуецца (ён не звязваецца з іншым пытаннем). Выпраўце нумарацыю і імпартуйце зноў."
    ),
    question_without_answer="⚠️ На пытанне {numbers} ({label}) у дакуменце няма адказу.",
    questions_only="Не захавана: гэта пытанні без адказаў урада; імпартуйце адказы, калі яны будуць апублікаваныя.",
    fetch_bad_reference=(
        "{reference} — не афіцыйны ідэнтыфікатар і не афіцыйная спасылка (ah-tk-…, kst-… або "
        "адрас на zoek.officielebekendmakingen.nl)."
    ),
    fetch_offline="officielebekendmakingen недаступны; паспрабуйце пазней або дашліце файл.",
    fetch_slow=(
        "officielebekendmakingen адказвае занадта доўга (больш за {seconds} с); паспрабуйце пазней або "
        "дашліце файл."
    ),
    fetch_not_found="{reference} не знойдзены на officielebekendmakingen.",
    fetch_too_large="{reference} большы за {limit}.",
    fetch_off_host="адрас перанакіроўвае на {host}, а гэта не афіцыйны сайт публікацый.",
    fetch_failed="officielebekendmakingen адказаў памылкай (HTTP {status}).",
    fetch_redirect_loop="officielebekendmakingen перанакіроўвае {reference} па крузе; паспрабуйце пазней або дашліце файл.",
    fetch_not_xml=(
        "officielebekendmakingen не вярнуў XML дакумента {reference} (прыйшла вэб-старонка або іншы тэкст); "
        "паспрабуйце пазней або дашліце файл."
    ),
    megabytes="{count} МБ",
    decimal_separator=",",
)

_IMPORT_TEXTS = {"nl": IMPORT_NL, "en": IMPORT_EN, "ru": IMPORT_RU, "be": IMPORT_BE}


def import_texts(language: str | None) -> ImportTexts:
    """The import texts in the moderator's language (English when it is none of nl, en, ru, be)."""
    return _IMPORT_TEXTS.get((language or "")[:2].lower(), IMPORT_EN)


RU = ModeratorTexts(
    language="ru",
    reasons={
        Reason.CHOOSE_DOCUMENT: "выберите существующий документ или опишите новый",
        Reason.DOCUMENT_EXISTS: "документ {key} уже есть; добавьте запись к нему",
        Reason.NO_DOCUMENT: "документа {key} нет",
        Reason.QUESTION_EXISTS: "такой вопрос уже есть: запись {id} ({key})",
        Reason.ALREADY_IN_STORE: "этот документ уже есть в базе как {key}",
        Reason.NO_ENTRY: "записи {id} нет",
        Reason.CANNOT_EDIT: "нельзя изменить: {fields}",
        Reason.TEXT_TOO_LONG: "текст длиннее {limit} знаков; разделите его на несколько записей",
        Reason.RETIRED: "запись {id} снята; сначала верните её командой /restore {id}",
        Reason.ALTERNATE_TOO_SHORT: "альтернативный вопрос слишком короткий",
        Reason.ALREADY_ACTIVE: "запись {id} уже активна",
        Reason.ALREADY_RETIRED: "запись {id} уже снята",
        Reason.NOTHING_TO_UNDO: "у Вас нет изменений, которые можно отменить",
        Reason.RESTORE_IS_FINAL: (
            "Ваше последнее изменение восстановило экспорт, его нельзя отменить: восстановите более ранний экспорт"
        ),
        Reason.UNDO_PAST_RESTORE: (
            "после Вашего последнего изменения был восстановлен экспорт; отмена не заходит дальше восстановления: "
            "измените запись сами"
        ),
        Reason.CHANGED_BY_OTHER: "запись {id} тем временем изменил кто-то другой; откройте её заново",
        Reason.CHANGED_AFTER_YOURS: (
            "запись {id} изменили ещё раз после Вашего изменения; отмена отклонена, чтобы не потерять более позднее изменение"
        ),
        Reason.NO_REVIEW_ITEM: "вопроса {id} в очереди нет",
        Reason.REVIEW_ALREADY_ATTACHED: "этот вопрос уже привязан к записи как альтернативный",
        Reason.REVIEW_ALREADY_HANDLED: "этот вопрос уже обработан (отклонён или для него написана новая запись)",
        Reason.NOT_AN_EXPORT: "это не экспорт Standpunt ({detail})",
        Reason.EXPORT_NOT_JSON: "это не экспорт Standpunt (не JSON)",
        Reason.EXPORT_TOO_NEW: "экспорт сделан более новой версией Standpunt (схема {version} > {supported})",
        Reason.EXPORT_TWICE: (
            "экспорт несогласован: у двух его объектов одинаковый номер или ключ {value}; ничего не изменено"
        ),
        Reason.EXPORT_ENTRY_WITHOUT_DOCUMENT: (
            "экспорт несогласован: его запись {id} относится к {key}, которого в нём нет; ничего не изменено"
        ),
        Reason.EXPORT_TEXT_NOT_IN_SOURCE: (
            "запись {id} экспорта — официальный текст {key}, но исходного текста документа в ней нет "
            "(экспорт правили вручную или он повреждён); ничего не изменено"
        ),
        Reason.EXPORT_NUMBER_TWICE: (
            "записи {first} и {second} экспорта обе — номер {number} документа {key}, с разными текстами "
            "(экспорт правили вручную или он повреждён); ничего не изменено"
        ),
        Reason.RESTORE_WOULD_RETIRE: (
            "восстановление этого экспорта сняло бы активные записи, которых в нём нет (записей: {count}); "
            "ничего не изменено: сначала посмотрите, что изменит восстановление, и подтвердите его"
        ),
        Reason.EXPORT_FROM_OTHER_STORE: (
            "этот экспорт из другой базы: его документы и записи занимают номера документов и записей этой базы, "
            "поэтому восстановление потеряло бы то, что есть здесь и нет в экспорте (документов: {documents}, "
            "записей: {entries}); ничего не изменено. Восстановите его в новую базу: "
            "новый файл, указанный через --database"
        ),
        Reason.INVALID: "недопустимое значение ({detail})",
        Reason.NO_SOURCE: (
            "для документа {key} в базе нет исходного текста (он сохранён до того, как исходные тексты стали "
            "храниться), поэтому текст нельзя с ним сверить; импортируйте документ заново или сохраните текст "
            "как заметку модератора"
        ),
        Reason.KIND_AND_TITLE_REQUIRED: "нужны kind и title (вид и название)",
        Reason.UNKNOWN_KIND: "«{value}» — не вид документа; напишите kamerbrief или kamervragen",
        Reason.INVALID_DATE: "«{value}» — не дата; напишите её как 2024-05-01",
        Reason.INVALID_FIELD: "значение поля «{field}» недопустимо",
        Reason.HAND_DESCRIBED: (
            "у документа, описанного вручную, нет исходного текста для сверки; импортируйте сам документ, "
            "чтобы добавить его официальный текст"
        ),
        Reason.NOT_IN_DOCUMENT: (
            "в документе {key} этого текста нет, поэтому он не может быть его официальной записью; сохраните его "
            "как заметку модератора"
        ),
        Reason.NOT_AN_ANSWER: (
            "этот текст есть в документе {key}, но не в пределах одного абзаца или ответа (он охватывает "
            "несколько или это вопрос, заголовок или подпись); сохраните его как заметку модератора"
        ),
        Reason.TOO_SHORT_TO_CHECK: "текст слишком короткий, чтобы сверить его с документом; пришлите весь отрывок",
        Reason.TEXT_IS_ENTRY: (
            "этот текст уже есть как запись {id} (номер {number} в документе); добавьте к ней свой вопрос: /alias {id} <вопрос>"
        ),
        Reason.TEXT_IS_RETIRED_ENTRY: ("этот текст — снятая запись {id} (номер {number} в документе); /restore {id} вернёт её"),
        Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT: (
            "question_is_official равно true, но в документе {key} нет этого вопроса дословно; скопируйте вопрос "
            "из документа или уберите question_is_official, чтобы добавить его как вопрос модератора"
        ),
        Reason.OFFICIAL_QUESTION_NO_SOURCE: (
            "question_is_official равно true, но у документа {key} нет исходного текста в базе, чтобы проверить "
            "вопрос; импортируйте сам документ или уберите question_is_official, чтобы добавить его как вопрос "
            "модератора"
        ),
        Reason.OFFICIAL_QUESTION_ON_NOTE: (
            "question_is_official равно true, но текст не из документа, поэтому запись стала бы заметкой "
            "модератора, а заметка никогда не несёт вопрос документа; дайте текст ответа из документа {key} или "
            "уберите question_is_official"
        ),
        Reason.QUESTION_IS_OFFICIAL: (
            "вопрос записи {id} — вопрос самого документа (тот, на который она отвечает), а нового в документе "
            "нет; добавьте его как другую формулировку: /alias {id} <вопрос>"
        ),
        Reason.NUMBER_TAKEN: (
            "номер {number} этого документа уже занят записью {id} с другим текстом; измените её командой /edit {id}"
        ),
        Reason.NUMBER_MISMATCH: (
            "новый текст — это номер {found} документа, а не номер {number}; запись сохраняет своё место в документе"
        ),
        Reason.FILE_TOO_LARGE: "файл больше {limit}",
        Reason.DOWNLOAD_FAILED: "файл не удалось скачать; пришлите его ещё раз",
        Reason.FILE_EMPTY: "файл пуст",
        Reason.NOT_A_TEXT_FILE: "это не текстовый файл (в нём двоичные данные)",
        Reason.NOT_A_PDF: "файл не является читаемым PDF",
        Reason.PDF_ENCRYPTED: "PDF зашифрован (защищён паролем); пришлите незащищённую копию",
        Reason.PDF_WITHOUT_TEXT: "в PDF нет текстового слоя (скан?)",
        Reason.XML_WITH_DOCTYPE: "XML с DOCTYPE не принимается (без DTD и объявлений сущностей)",
        Reason.NOT_OFFICIAL_XML: "это не официальный XML Kamerstuk или Aanhangsel (с zoek.officielebekendmakingen.nl)",
        Reason.WARN_REPLACES_WITHDRAWN: "заменяет отозванный документ {key} (все его записи были сняты)",
        Reason.WARN_NO_DATE: "в документе не найдена дата",
        Reason.WARN_NO_AUTHORS: "в документе не найдены авторы",
        Reason.WARN_CUT_OFF: "текст обрывается на середине предложения: запись {number}, похоже, обрезана и не импортируется",
        Reason.WARN_COMPLETES: (
            "дополняет {key}, сохранённый из обрезанной копии: "
            "добавляет запись {numbers}; имеющиеся записи остаются как есть"
        ),
        Reason.NOT_OFFICIAL_DOCUMENT: (
            "в этом тексте нет ни одного признака официального документа (бланк, 'Aan de Voorzitter', строка с "
            "датой, Vergaderjaar, номер Kamerstuk, 'Vragen van het lid', 'Antwoord', подпись министра); добавьте "
            "его как заметку модератора через /add"
        ),
        Reason.WARN_ANSWER_WITHOUT_QUESTION: (
            "нумерация не совпадает: у ответа {numbers} ({label}) нет вопроса с таким номером, и он не импортируется (он "
            "никогда не связывается с другим вопросом); исправьте нумерацию и импортируйте снова"
        ),
        Reason.WARN_QUESTION_WITHOUT_ANSWER: "на вопрос {numbers} ({label}) в документе нет ответа",
        Reason.NOTE_NOT_TRANSLATED: (
            "эта запись — заметка модератора, а не официальный текст: заметки не переводятся (перевод показывается "
            "рядом с официальным нидерландским текстом, который он передаёт, а у заметки его нет); напишите "
            "заметку сразу на этом языке"
        ),
        Reason.TRANSLATION_WRONG_LANGUAGE: (
            "перевод, похоже, не на том языке (язык: {found}, нужен: {language}); пришлите перевод на нужном языке"
        ),
        Reason.TRANSLATION_EMPTY: "перевод пуст",
        Reason.QUESTION_EMPTY: "вопрос пуст: у записи должен быть вопрос",
        Reason.TRANSLATION_TOO_LONG: "перевод намного длиннее официального текста; проверьте, что было вставлено",
        Reason.TRANSLATION_FIGURES: (
            "числа перевода не совпадают с числами официального текста (официальный: {official}; перевод: "
            "{translated}); напишите каждое число официального текста цифрами"
        ),
        Reason.NO_TRANSLATION: "у записи {id} нет перевода ({language})",
        Reason.TRANSLATION_CURRENT: "перевод ({language}) записи {id} уже актуален",
        Reason.TRANSLATION_LANGUAGE: "переводы делаются на английский, русский или белорусский язык, а не на '{language}'",
        Reason.DOCUMENT_REJECTED: "файл не удалось прочитать как документ ({detail})",
        Reason.QUESTIONS_ONLY: (
            "это вопросы без ответов правительства; импортируйте ответы, когда они будут опубликованы"
        ),
        Reason.XML_QUESTIONS_ONLY: (
            "это вопросы без ответов правительства; импортируйте ответы, когда они будут опубликованы"
        ),
        Reason.UPLOAD_TOO_LARGE: "файл слишком большой ({size}; предел — {limit})",
        Reason.FILE_TYPE_REFUSED: "файлы {suffix} не принимаются; пришлите файл .txt, .pdf или .xml",
        Reason.FILE_WITHOUT_EXTENSION: "файлы без расширения не принимаются; пришлите файл .txt, .pdf или .xml",
        Reason.FILE_UNREADABLE: "файл не удалось прочитать ({error})",
        Reason.PART_TOO_LONG: "абзац или ответ длиннее {limit} знаков; это действительно один документ?",
        Reason.PART_INVALID: "часть документа недопустима ({where})",
        Reason.NO_ENTRIES: "не удалось прочитать ни одной записи: в документе нет читаемых абзацев или вопросов",
        Reason.XML_NOT_WELL_FORMED: "файл не является корректным XML (строка {line}, позиция {column})",
        Reason.XML_TOO_DEEP: "вложенность XML больше {limit} уровней",
        Reason.XML_PARAGRAPH_TOO_LONG: "абзац {number} длиннее {limit} знаков; это действительно один абзац?",
        Reason.XML_ANSWER_TOO_LONG: "ответ на вопрос {number} длиннее {limit} знаков; это действительно один ответ?",
        Reason.XML_NO_PARAGRAPHS: "не удалось прочитать ни одной записи: в XML Kamerstuk нет абзацев (al)",
        Reason.XML_NO_PAIRS: (
            "не удалось прочитать ни одной записи: в XML Aanhangsel нет пар вопрос–ответ (в нём нет ответов)"
        ),
        Reason.XML_EMPTY_ANSWERS: "не удалось прочитать ни одной записи: все ответы в XML пусты",
        Reason.XML_NO_PLAIN_TEXT: "у XML-файла нет простого текста для извлечения; он читается по своей структуре",
    },
    entry_forms=("запись", "записи", "записей"),
    change_forms=("изменение", "изменения", "изменений"),
    add_will_be_official="✅ Текст документа: станет его номером {number}, с официальной ссылкой на источник.",
    add_will_be_note=(
        "⚠️ Не официальная запись: {reason}.\nОна будет сохранена как <b>заметка модератора</b>: с этой пометкой, "
        "никогда с номером или ссылкой на документ и никогда как слова правительства."
    ),
    saved_note="Сохранено как заметка модератора: запись {id} ({key}), версия {version}.",
    button_save_note="📝 Сохранить как заметку",
    history_empty="Изменений нет.",
    refused="Эта команда только для модераторов.",
    usage_id="Использование: {usage}",
    cancelled="Отменено; ничего не изменилось.",
    nothing_to_cancel="Сейчас нечего отменять.",
    button_stale="Эта кнопка относится к уже завершённому или отменённому действию; начните заново.",
    saved="Сохранено: запись {id} ({key}), версия {version}.",
    not_saved="Не сохранено: {reason}",
    button_save="✅ Сохранить",
    button_cancel="✖️ Отмена",
    button_new_document="➕ Новый документ",
    add_question="Новая запись. Пришлите вопрос (или /cancel).",
    add_exists=(
        "Уже есть: {reason}. Пришлите другой вопрос, добавьте этот как формулировку командой /alias <id> <вопрос> или /cancel."
    ),
    add_text_exists="Уже есть: {reason}. Пришлите другой текст или /cancel.",
    add_text="Теперь пришлите официальный текст дословно (не более {limit} знаков).",
    add_source="Из какого документа этот текст?",
    add_new_document=(
        "Опишите новый документ, по одному полю в строке:\n"
        "<code>kind: kamerbrief</code> (или kamervragen)\n<code>date: 2024-05-01</code>\n"
        "<code>title: ...</code>\n<code>authors: S.A. Blok (Minister van Buitenlandse Zaken); ...</code>\n"
        "<code>number: ...</code>, <code>reference: ...</code>, <code>link: https://...</code> (по желанию)"
    ),
    add_alternates="Пришлите другие формулировки вопроса, по одной в строке (на любом языке), или /skip.",
    add_preview="<b>Предпросмотр</b>\nВопрос: {question}\nДокумент: {document}\nФормулировки: {alternates}\n\n{text}",
    similar_heading="Похожие записи:",
    no_similar="Похожих записей не найдено.",
    edit_choose="Запись {id} (версия {version}). Что изменить?",
    edit_value="Пришлите новое значение для поля «{field}». Сейчас:\n{current}",
    edit_field_question="вопрос",
    edit_field_text="текст",
    edit_field_topics="темы (через запятую)",
    edit_field_alternates="альтернативные вопросы (по одному в строке)",
    edit_preview="<b>Изменение записи {id}</b> ({field})\nБыло: {before}\nСтало: {after}",
    alias_added="Альтернативный вопрос добавлен к записи {id} (версия {version}).",
    retired="Запись {id} снята (не удалена; /restore {id} вернёт её).",
    restored="Запись {id} снова активна.",
    history_line="v{version} · {at} · {actor} · {action}",
    undone="Отменено: {kind} {key} ({action}){more}.",
    undone_more="; всего {changes}",
    object_kinds={"entry": "запись", "document": "документ", "translation": "перевод"},
    import_send_file=(
        "Пришлите Kamerbrief или ответы на Kamervragen в виде .txt, .pdf или официального .xml, или официальный "
        "идентификатор или ссылку (ah-tk-…, kst-…, zoek.officielebekendmakingen.nl) (или /cancel)."
    ),
    import_done="Импортировано: {key}, {entries}. /undo отменит импорт.",
    review_empty="Очередь пуста.",
    review_item="<b>{count}×</b> {text}{variants}\nБлижайшая запись: {suggestion}",
    button_attach="➕ Привязать к записи {id}",
    button_add_from="📝 Новая запись",
    button_dismiss="🗑 Отклонить",
    review_attached="Привязано к записи {id} как альтернативный вопрос.",
    review_dismissed="Отклонено.",
    stats=(
        "<b>Статистика</b>\nДокументов: {documents}\nАктивных записей: {active} (снято: {retired})\n"
        "В /review: {review}\n\n<b>Вопросы по дням</b> (отвечено / предложено / без ответа)\n{days}\n\n"
        "<b>Отзывы по записям</b> (👍 / 👎)\n{feedback}"
    ),
    export_caption="Экспорт всей базы ({entries}). `run_bot.py restore` восстановит её.",
    command_add="Добавить запись",
    command_edit="Изменить запись: /edit <id>",
    command_alias="Альтернативный вопрос: /alias <id> <вопрос>",
    command_retire="Снять запись: /retire <id>",
    command_restore="Вернуть запись: /restore <id>",
    command_history="Версии записи: /history <id>",
    command_undo="Отменить моё последнее изменение",
    command_import="Импортировать документ (.txt, .pdf, .xml)",
    command_review="Вопросы без ответа",
    command_stats="Статистика",
    command_export="Экспортировать всё в JSON",
    command_cancel="Отменить текущее действие",
    help_moderator_heading="Для модераторов:",
    translate_usage="Использование: /translate <id> <en|ru|be>",
    alias_usage="Использование: /alias <id> <вопрос>",
    translate_show=(
        "<b>Запись {id}: перевод ({language})</b>\n<b>Официальный текст:</b>\n{dutch}\n\n<b>Текущий "
        "перевод</b> ({state}):\n{current}\n\nПришлите перевод текста (или /cancel). Чтобы перевести и "
        "вопрос, поставьте его в первую строку после <code>Q:</code>."
    ),
    translate_none="пока нет",
    translate_current="актуален",
    translate_stale="устарел: официальный текст с тех пор изменился",
    button_confirm_translation="✅ Всё ещё верно: подтвердить как актуальный",
    translate_preview=("<b>Предпросмотр: перевод ({language}) записи {id}</b> (неофициальный)\nВопрос: {question}\n\n{text}"),
    translation_saved="Сохранено: перевод ({language}) записи {id}, версия {version}.",
    translation_confirmed="Подтверждено: перевод ({language}) записи {id} снова актуален.",
    edit_field_translation="перевод ({language})",
    stats_translations=(
        "\n\n<b>Без актуального перевода</b> (активные записи)\n{missing}\n\n<b>Вопросы по языкам</b>\n{languages}"
    ),
    history_translation="{action} · перевод {language}",
    command_translate="Перевод: /translate <id> <en|ru|be>",
    validation_at='запись {number}: {problem}',
    list_items={
        "alternates": ("альтернативный вопрос {n}", "{field}: нет текста; напишите его как 'text: <вопрос>'"),
        "authors": ("автор {n}", "{field}: нет имени; напишите его как 'name: <имя>'"),
        "topics": ("тема {n}", "{field} должно быть текстом"),
    },
    validation={
        'missing': 'нет поля {field}',
        'unknown': '{field} — не поле (standpunt add --help перечисляет поля)',
        'too_short': '{field} слишком короткое (не меньше {limit} знаков)',
        'too_long': '{field} слишком длинное (не больше {limit} знаков)',
        'too_few': 'в {field} слишком мало значений',
        'too_many': 'в {field} слишком много значений',
        'choice': '{field} должно быть одним из: {choices}',
        'text': '{field} должно быть текстом',
        'yes_no': '{field} должно быть true или false',
        'list': '{field} должно быть списком',
        'mapping': '{field} должно содержать поля со значениями',
        'number': '{field} должно быть числом',
        'date': '{field} — не дата; напишите её как 2024-05-01',
        'other': 'значение поля {field} недопустимо',
    },
    actions={
        "create": "создание",
        "update": "изменение",
        "reimport": "повторный импорт",
        "retire": "снятие",
        "restore": "возврат",
        "revert": "восстановление из экспорта",
        "undo": "отмена",
        "confirm": "подтверждение",
    },
    language_names={"nl": "нидерландский", "en": "английский", "ru": "русский", "be": "белорусский"},
    statuses={"active": "активна", "retired": "снята", "current": "действует", "withdrawn": "отозван"},
    history_status="статус: {old} → {new}",
)

BE = ModeratorTexts(
    language="be",
    reasons={
        Reason.CHOOSE_DOCUMENT: "выберыце існы дакумент або апішыце новы",
        Reason.DOCUMENT_EXISTS: "дакумент {key} ужо ёсць; дадайце запіс да яго",
        Reason.NO_DOCUMENT: "дакумента {key} няма",
        Reason.QUESTION_EXISTS: "такое пытанне ўжо ёсць: запіс {id} ({key})",
        Reason.ALREADY_IN_STORE: "гэты дакумент ужо ёсць у базе як {key}",
        Reason.NO_ENTRY: "запісу {id} няма",
        Reason.CANNOT_EDIT: "нельга змяніць: {fields}",
        Reason.TEXT_TOO_LONG: "тэкст даўжэйшы за {limit} знакаў; падзяліце яго на некалькі запісаў",
        Reason.RETIRED: "запіс {id} зняты; спачатку вярніце яго камандай /restore {id}",
        Reason.ALTERNATE_TOO_SHORT: "альтэрнатыўнае пытанне занадта кароткае",
        Reason.ALREADY_ACTIVE: "запіс {id} ужо актыўны",
        Reason.ALREADY_RETIRED: "запіс {id} ужо зняты",
        Reason.NOTHING_TO_UNDO: "у Вас няма змен, якія можна адмяніць",
        Reason.RESTORE_IS_FINAL: (
            "Ваша апошняя змена аднавіла экспарт, яе нельга адмяніць: аднавіце больш ранні экспарт"
        ),
        Reason.UNDO_PAST_RESTORE: (
            "пасля Вашай апошняй змены быў адноўлены экспарт; адмена не сягае далей за аднаўленне: "
            "змяніце запіс самі"
        ),
        Reason.CHANGED_BY_OTHER: "запіс {id} тым часам змяніў нехта іншы; адкрыйце яго зноў",
        Reason.CHANGED_AFTER_YOURS: (
            "запіс {id} змянілі яшчэ раз пасля Вашай змены; адмена адхілена, каб не страціць пазнейшую змену"
        ),
        Reason.NO_REVIEW_ITEM: "пытання {id} у чарзе няма",
        Reason.REVIEW_ALREADY_ATTACHED: "гэтае пытанне ўжо прывязана да запісу як альтэрнатыўнае",
        Reason.REVIEW_ALREADY_HANDLED: "гэтае пытанне ўжо апрацавана (адхілена або для яго напісаны новы запіс)",
        Reason.NOT_AN_EXPORT: "гэта не экспарт Standpunt ({detail})",
        Reason.EXPORT_NOT_JSON: "гэта не экспарт Standpunt (не JSON)",
        Reason.EXPORT_TOO_NEW: "экспарт зроблены навейшай версіяй Standpunt (схема {version} > {supported})",
        Reason.EXPORT_TWICE: (
            "экспарт неўзгоднены: у двух яго аб'ектаў аднолькавы нумар або ключ {value}; нічога не зменена"
        ),
        Reason.EXPORT_ENTRY_WITHOUT_DOCUMENT: (
            "экспарт неўзгоднены: яго запіс {id} належыць да {key}, якога ў ім няма; нічога не зменена"
        ),
        Reason.EXPORT_TEXT_NOT_IN_SOURCE: (
            "запіс {id} экспарту — афіцыйны тэкст {key}, але зыходны тэкст дакумента яго не мае "
            "(экспарт правілі ўручную або ён пашкоджаны); нічога не зменена"
        ),
        Reason.EXPORT_NUMBER_TWICE: (
            "запісы {first} і {second} экспарту абодва — нумар {number} дакумента {key}, з рознымі тэкстамі "
            "(экспарт правілі ўручную або ён пашкоджаны); нічога не зменена"
        ),
        Reason.RESTORE_WOULD_RETIRE: (
            "аднаўленне гэтага экспарту зняло б актыўныя запісы, якіх у ім няма (запісаў: {count}); "
            "нічога не зменена: спачатку паглядзіце, што зменіць аднаўленне, і пацвердзіце яго"
        ),
        Reason.EXPORT_FROM_OTHER_STORE: (
            "гэты экспарт з іншай базы: яго дакументы і запісы займаюць нумары дакументаў і запісаў гэтай базы, "
            "таму аднаўленне страціла б тое, што ёсць тут і няма ў экспарце (дакументаў: {documents}, "
            "запісаў: {entries}); нічога не зменена. Аднавіце яго ў новую базу: "
            "новы файл, указаны праз --database"
        ),
        Reason.INVALID: "недапушчальнае значэнне ({detail})",
        Reason.NO_SOURCE: (
            "для дакумента {key} у базе няма зыходнага тэксту (ён захаваны да таго, як зыходныя тэксты пачалі "
            "захоўвацца), таму тэкст нельга з ім зверыць; імпартуйце дакумент зноў або захавайце тэкст як "
            "нататку мадэратара"
        ),
        Reason.KIND_AND_TITLE_REQUIRED: "патрэбныя kind і title (від і назва)",
        Reason.UNKNOWN_KIND: "«{value}» — не від дакумента; напішыце kamerbrief або kamervragen",
        Reason.INVALID_DATE: "«{value}» — не дата; напішыце яе як 2024-05-01",
        Reason.INVALID_FIELD: "значэнне поля «{field}» недапушчальнае",
        Reason.HAND_DESCRIBED: (
            "у дакумента, апісанага ўручную, няма зыходнага тэксту для зверкі; імпартуйце сам дакумент, "
            "каб дадаць яго афіцыйны тэкст"
        ),
        Reason.NOT_IN_DOCUMENT: (
            "у дакуменце {key} гэтага тэксту няма, таму ён не можа быць яго афіцыйным запісам; захавайце яго як "
            "нататку мадэратара"
        ),
        Reason.NOT_AN_ANSWER: (
            "гэты тэкст ёсць у дакуменце {key}, але не ў межах аднаго абзаца або адказу (ён ахоплівае "
            "некалькі або гэта пытанне, загаловак або подпіс); захавайце яго як нататку мадэратара"
        ),
        Reason.TOO_SHORT_TO_CHECK: "тэкст занадта кароткі, каб зверыць яго з дакументам; дашліце ўвесь урывак",
        Reason.TEXT_IS_ENTRY: (
            "гэты тэкст ужо ёсць як запіс {id} (нумар {number} у дакуменце); дадайце да яго сваё пытанне: /alias {id} <пытанне>"
        ),
        Reason.TEXT_IS_RETIRED_ENTRY: ("гэты тэкст — зняты запіс {id} (нумар {number} у дакуменце); /restore {id} верне яго"),
        Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT: (
            "question_is_official роўна true, але ў дакуменце {key} няма гэтага пытання слова ў слова; скапіруйце "
            "пытанне з дакумента або прыберыце question_is_official, каб дадаць яго як пытанне мадэратара"
        ),
        Reason.OFFICIAL_QUESTION_NO_SOURCE: (
            "question_is_official роўна true, але ў дакумента {key} няма зыходнага тэксту ў базе, каб праверыць "
            "пытанне; імпартуйце сам дакумент або прыберыце question_is_official, каб дадаць яго як пытанне "
            "мадэратара"
        ),
        Reason.OFFICIAL_QUESTION_ON_NOTE: (
            "question_is_official роўна true, але тэкст не з дакумента, таму запіс стаў бы нататкай мадэратара, а "
            "нататка ніколі не мае пытання дакумента; дайце тэкст адказу з дакумента {key} або прыберыце "
            "question_is_official"
        ),
        Reason.QUESTION_IS_OFFICIAL: (
            "пытанне запісу {id} — пытанне самога дакумента (тое, на якое ён адказвае), а новага ў дакуменце "
            "няма; дадайце яго як іншую фармулёўку: /alias {id} <пытанне>"
        ),
        Reason.NUMBER_TAKEN: (
            "нумар {number} гэтага дакумента ўжо заняты запісам {id} з іншым тэкстам; змяніце яго камандай /edit {id}"
        ),
        Reason.NUMBER_MISMATCH: (
            "новы тэкст — гэта нумар {found} дакумента, а не нумар {number}; запіс захоўвае сваё месца ў дакуменце"
        ),
        Reason.FILE_TOO_LARGE: "файл большы за {limit}",
        Reason.DOWNLOAD_FAILED: "файл не ўдалося спампаваць; дашліце яго яшчэ раз",
        Reason.FILE_EMPTY: "файл пусты",
        Reason.NOT_A_TEXT_FILE: "гэта не тэкставы файл (у ім двайковыя даныя)",
        Reason.NOT_A_PDF: "файл не з'яўляецца чытэльным PDF",
        Reason.PDF_ENCRYPTED: "PDF зашыфраваны (абаронены паролем); дашліце неабароненую копію",
        Reason.PDF_WITHOUT_TEXT: "у PDF няма тэкставага слоя (скан?)",
        Reason.XML_WITH_DOCTYPE: "XML з DOCTYPE не прымаецца (без DTD і абвестак сутнасцей)",
        Reason.NOT_OFFICIAL_XML: "гэта не афіцыйны XML Kamerstuk або Aanhangsel (з zoek.officielebekendmakingen.nl)",
        Reason.WARN_REPLACES_WITHDRAWN: "замяняе адкліканы дакумент {key} (усе яго запісы былі зняты)",
        Reason.WARN_NO_DATE: "у дакуменце не знойдзена дата",
        Reason.WARN_NO_AUTHORS: "у дакуменце не знойдзены аўтары",
        Reason.WARN_CUT_OFF: "тэкст абрываецца на сярэдзіне сказа: запіс {number}, падобна, абрэзаны і не імпартуецца",
        Reason.WARN_COMPLETES: (
            "дапаўняе {key}, захаваны з абрэзанай копіі: "
            "дадае запіс {numbers}; наяўныя запісы застаюцца як ёсць"
        ),
        Reason.NOT_OFFICIAL_DOCUMENT: (
            "у гэтым тэксце няма ніводнай прыкметы афіцыйнага дакумента (бланк, 'Aan de Voorzitter', радок з "
            "датай, Vergaderjaar, нумар Kamerstuk, 'Vragen van het lid', 'Antwoord', подпіс міністра); дадайце яго "
            "як нататку мадэратара праз /add"
        ),
        Reason.WARN_ANSWER_WITHOUT_QUESTION: (
            "нумарацыя не супадае: у адказу {numbers} ({label}) няма пытання з такім нумарам, і ён не імпартуецца (ён "
            "ніколі не звязваецца з іншым пытаннем); выпраўце нумарацыю і імпартуйце зноў"
        ),
        Reason.WARN_QUESTION_WITHOUT_ANSWER: "на пытанне {numbers} ({label}) у дакуменце няма адказу",
        Reason.NOTE_NOT_TRANSLATED: (
            "гэты запіс — нататка мадэратара, а не афіцыйны тэкст: нататкі не перакладаюцца (пераклад паказваецца "
            "побач з афіцыйным нідэрландскім тэкстам, які ён перадае, а ў нататкі яго няма); напішыце нататку "
            "адразу на гэтай мове"
        ),
        Reason.TRANSLATION_WRONG_LANGUAGE: (
            "пераклад, падобна, не на той мове (мова: {found}, патрэбная: {language}); дашліце пераклад на патрэбнай мове"
        ),
        Reason.TRANSLATION_EMPTY: "пераклад пусты",
        Reason.QUESTION_EMPTY: "пытанне пустое: у запісу павінна быць пытанне",
        Reason.TRANSLATION_TOO_LONG: "пераклад значна даўжэйшы за афіцыйны тэкст; праверце, што было ўстаўлена",
        Reason.TRANSLATION_FIGURES: (
            "лічбы перакладу не супадаюць з лічбамі афіцыйнага тэксту (афіцыйны: {official}; пераклад: "
            "{translated}); напішыце кожны лік афіцыйнага тэксту лічбамі"
        ),
        Reason.NO_TRANSLATION: "у запісу {id} няма перакладу ({language})",
        Reason.TRANSLATION_CURRENT: "пераклад ({language}) запісу {id} ужо актуальны",
        Reason.TRANSLATION_LANGUAGE: "пераклады робяцца на англійскую, рускую або беларускую мову, а не на '{language}'",
        Reason.DOCUMENT_REJECTED: "файл не ўдалося прачытаць як дакумент ({detail})",
        Reason.QUESTIONS_ONLY: (
            "гэта пытанні без адказаў урада; імпартуйце адказы, калі яны будуць апублікаваныя"
        ),
        Reason.XML_QUESTIONS_ONLY: (
            "гэта пытанні без адказаў урада; імпартуйце адказы, калі яны будуць апублікаваныя"
        ),
        Reason.UPLOAD_TOO_LARGE: "файл занадта вялікі ({size}; мяжа — {limit})",
        Reason.FILE_TYPE_REFUSED: "файлы {suffix} не прымаюцца; дашліце файл .txt, .pdf або .xml",
        Reason.FILE_WITHOUT_EXTENSION: "файлы без пашырэння не прымаюцца; дашліце файл .txt, .pdf або .xml",
        Reason.FILE_UNREADABLE: "файл не ўдалося прачытаць ({error})",
        Reason.PART_TOO_LONG: "абзац або адказ даўжэйшы за {limit} знакаў; гэта сапраўды адзін дакумент?",
        Reason.PART_INVALID: "частка дакумента недапушчальная ({where})",
        Reason.NO_ENTRIES: "не ўдалося прачытаць ніводнага запісу: у дакуменце няма чытэльных абзацаў або пытанняў",
        Reason.XML_NOT_WELL_FORMED: "файл не з'яўляецца карэктным XML (радок {line}, пазіцыя {column})",
        Reason.XML_TOO_DEEP: "укладзенасць XML большая за {limit} узроўняў",
        Reason.XML_PARAGRAPH_TOO_LONG: "абзац {number} даўжэйшы за {limit} знакаў; гэта сапраўды адзін абзац?",
        Reason.XML_ANSWER_TOO_LONG: "адказ на пытанне {number} даўжэйшы за {limit} знакаў; гэта сапраўды адзін адказ?",
        Reason.XML_NO_PARAGRAPHS: "не ўдалося прачытаць ніводнага запісу: у XML Kamerstuk няма абзацаў (al)",
        Reason.XML_NO_PAIRS: (
            "не ўдалося прачытаць ніводнага запісу: у XML Aanhangsel няма пар пытанне–адказ (у ім няма адказаў)"
        ),
        Reason.XML_EMPTY_ANSWERS: "не ўдалося прачытаць ніводнага запісу: усе адказы ў XML пустыя",
        Reason.XML_NO_PLAIN_TEXT: "у XML-файла няма простага тэксту для вылучэння; ён чытаецца па сваёй структуры",
    },
    entry_forms=("запіс", "запісы", "запісаў"),
    change_forms=("змена", "змены", "змен"),
    add_will_be_official="✅ Тэкст дакумента: стане яго нумарам {number}, з афіцыйнай спасылкай на крыніцу.",
    add_will_be_note=(
        "⚠️ Не афіцыйны запіс: {reason}.\nЁн будзе захаваны як <b>нататка мадэратара</b>: з гэтай паметкай, "
        "ніколі з нумарам або спасылкай на дакумент і ніколі як словы ўрада."
    ),
    saved_note="Захавана як нататка мадэратара: запіс {id} ({key}), версія {version}.",
    button_save_note="📝 Захаваць як нататку",
    history_empty="Змен няма.",
    refused="Гэтая каманда толькі для мадэратараў.",
    usage_id="Выкарыстанне: {usage}",
    cancelled="Адменена; нічога не змянілася.",
    nothing_to_cancel="Цяпер няма чаго адмяняць.",
    button_stale="Гэтая кнопка адносіцца да ўжо завершанага або адмененага дзеяння; пачніце зноў.",
    saved="Захавана: запіс {id} ({key}), версія {version}.",
    not_saved="Не захавана: {reason}",
    button_save="✅ Захаваць",
    button_cancel="✖️ Адмена",
    button_new_document="➕ Новы дакумент",
    add_question="Новы запіс. Дашліце пытанне (або /cancel).",
    add_exists=(
        "Ужо ёсць: {reason}. Дашліце іншае пытанне, дадайце гэтае як фармулёўку камандай /alias <id> <пытанне> або /cancel."
    ),
    add_text_exists="Ужо ёсць: {reason}. Дашліце іншы тэкст або /cancel.",
    add_text="Цяпер дашліце афіцыйны тэкст даслоўна (не больш за {limit} знакаў).",
    add_source="З якога дакумента гэты тэкст?",
    add_new_document=(
        "Апішыце новы дакумент, па адным полі ў радку:\n"
        "<code>kind: kamerbrief</code> (або kamervragen)\n<code>date: 2024-05-01</code>\n"
        "<code>title: ...</code>\n<code>authors: S.A. Blok (Minister van Buitenlandse Zaken); ...</code>\n"
        "<code>number: ...</code>, <code>reference: ...</code>, <code>link: https://...</code> (па жаданні)"
    ),
    add_alternates="Дашліце іншыя фармулёўкі пытання, па адной у радку (на любой мове), або /skip.",
    add_preview=("<b>Папярэдні прагляд</b>\nПытанне: {question}\nДакумент: {document}\nФармулёўкі: {alternates}\n\n{text}"),
    similar_heading="Падобныя запісы:",
    no_similar="Падобных запісаў не знойдзена.",
    edit_choose="Запіс {id} (версія {version}). Што змяніць?",
    edit_value="Дашліце новае значэнне для поля «{field}». Цяпер:\n{current}",
    edit_field_question="пытанне",
    edit_field_text="тэкст",
    edit_field_topics="тэмы (праз коску)",
    edit_field_alternates="альтэрнатыўныя пытанні (па адным у радку)",
    edit_preview="<b>Змена запісу {id}</b> ({field})\nБыло: {before}\nСтала: {after}",
    alias_added="Альтэрнатыўнае пытанне дададзена да запісу {id} (версія {version}).",
    retired="Запіс {id} зняты (не выдалены; /restore {id} верне яго).",
    restored="Запіс {id} зноў актыўны.",
    history_line="v{version} · {at} · {actor} · {action}",
    undone="Адменена: {kind} {key} ({action}){more}.",
    undone_more="; усяго {changes}",
    object_kinds={"entry": "запіс", "document": "дакумент", "translation": "пераклад"},
    import_send_file=(
        "Дашліце Kamerbrief або адказы на Kamervragen у выглядзе .txt, .pdf або афіцыйнага .xml, або афіцыйны "
        "ідэнтыфікатар ці спасылку (ah-tk-…, kst-…, zoek.officielebekendmakingen.nl) (або /cancel)."
    ),
    import_done="Імпартавана: {key}, {entries}. /undo адменіць імпарт.",
    review_empty="Чарга пустая.",
    review_item="<b>{count}×</b> {text}{variants}\nБліжэйшы запіс: {suggestion}",
    button_attach="➕ Прывязаць да запісу {id}",
    button_add_from="📝 Новы запіс",
    button_dismiss="🗑 Адхіліць",
    review_attached="Прывязана да запісу {id} як альтэрнатыўнае пытанне.",
    review_dismissed="Адхілена.",
    stats=(
        "<b>Статыстыка</b>\nДакументаў: {documents}\nАктыўных запісаў: {active} (знята: {retired})\n"
        "У /review: {review}\n\n<b>Пытанні па днях</b> (адказана / прапанавана / без адказу)\n{days}\n\n"
        "<b>Водгукі па запісах</b> (👍 / 👎)\n{feedback}"
    ),
    export_caption="Экспарт усёй базы ({entries}). `run_bot.py restore` аднавіць яе.",
    command_add="Дадаць запіс",
    command_edit="Змяніць запіс: /edit <id>",
    command_alias="Альтэрнатыўнае пытанне: /alias <id> <пытанне>",
    command_retire="Зняць запіс: /retire <id>",
    command_restore="Вярнуць запіс: /restore <id>",
    command_history="Версіі запісу: /history <id>",
    command_undo="Адмяніць маю апошнюю змену",
    command_import="Імпартаваць дакумент (.txt, .pdf, .xml)",
    command_review="Пытанні без адказу",
    command_stats="Статыстыка",
    command_export="Экспартаваць усё ў JSON",
    command_cancel="Адмяніць бягучае дзеянне",
    help_moderator_heading="Для мадэратараў:",
    translate_usage="Выкарыстанне: /translate <id> <en|ru|be>",
    alias_usage="Выкарыстанне: /alias <id> <пытанне>",
    translate_show=(
        "<b>Запіс {id}: пераклад ({language})</b>\n<b>Афіцыйны тэкст:</b>\n{dutch}\n\n<b>Цяперашні "
        "пераклад</b> ({state}):\n{current}\n\nДашліце пераклад тэксту (або /cancel). Каб перакласці і "
        "пытанне, пастаўце яго ў першы радок пасля <code>Q:</code>."
    ),
    translate_none="пакуль няма",
    translate_current="актуальны",
    translate_stale="састарэў: афіцыйны тэкст з таго часу змяніўся",
    button_confirm_translation="✅ Усё яшчэ дакладна: пацвердзіць як актуальны",
    translate_preview=("<b>Папярэдні прагляд: пераклад ({language}) запісу {id}</b> (неафіцыйны)\nПытанне: {question}\n\n{text}"),
    translation_saved="Захавана: пераклад ({language}) запісу {id}, версія {version}.",
    translation_confirmed="Пацверджана: пераклад ({language}) запісу {id} зноў актуальны.",
    edit_field_translation="пераклад ({language})",
    stats_translations=(
        "\n\n<b>Без актуальнага перакладу</b> (актыўныя запісы)\n{missing}\n\n<b>Пытанні па мовах</b>\n{languages}"
    ),
    history_translation="{action} · пераклад {language}",
    command_translate="Пераклад: /translate <id> <en|ru|be>",
    validation_at='запіс {number}: {problem}',
    list_items={
        "alternates": ("альтэрнатыўнае пытанне {n}", "{field}: няма тэксту; напішыце яго як 'text: <пытанне>'"),
        "authors": ("аўтар {n}", "{field}: няма імя; напішыце яго як 'name: <імя>'"),
        "topics": ("тэма {n}", "{field} павінна быць тэкстам"),
    },
    validation={
        'missing': 'няма поля {field}',
        'unknown': '{field} — не поле (standpunt add --help пералічвае палі)',
        'too_short': '{field} занадта кароткае (не менш за {limit} знакаў)',
        'too_long': '{field} занадта доўгае (не больш за {limit} знакаў)',
        'too_few': 'у {field} занадта мала значэнняў',
        'too_many': 'у {field} занадта шмат значэнняў',
        'choice': '{field} павінна быць адным з: {choices}',
        'text': '{field} павінна быць тэкстам',
        'yes_no': '{field} павінна быць true або false',
        'list': '{field} павінна быць спісам',
        'mapping': '{field} павінна мець палі са значэннямі',
        'number': '{field} павінна быць лікам',
        'date': '{field} — не дата; напішыце яе як 2024-05-01',
        'other': 'значэнне поля {field} недапушчальнае',
    },
    actions={
        "create": "стварэнне",
        "update": "змена",
        "reimport": "паўторны імпарт",
        "retire": "зняцце",
        "restore": "вяртанне",
        "revert": "аднаўленне з экспарту",
        "undo": "адмена",
        "confirm": "пацвярджэнне",
    },
    language_names={"nl": "нідэрландская", "en": "англійская", "ru": "руская", "be": "беларуская"},
    statuses={"active": "актыўны", "retired": "зняты", "current": "дзейнічае", "withdrawn": "адкліканы"},
    history_status="статус: {old} → {new}",
)

_BY_LANGUAGE = {"nl": NL, "en": EN, "ru": RU, "be": BE}


def moderator_texts(language: str | None, default: str = "nl") -> ModeratorTexts:
    """The moderator texts of a language code such as 'ru' or 'en-GB'; unknown codes get the default."""
    code = (language or "").split("-")[0].lower()
    return _BY_LANGUAGE.get(code) or _BY_LANGUAGE.get(default) or NL
