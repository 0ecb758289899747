"""The command line's staff texts (`standpunt --language nl|en|ru|be …`), in the four interface languages.

Telegram's moderator texts (interface/texts/moderator.py) are reused wherever a sentence means the same
thing; this module holds what only the command line says (its one-line results and errors, argparse's
usage errors) and the refusals that tell a moderator what to type next, written as typed on the
command line (`standpunt restore 3`) rather than in Telegram (`/restore 3`).
"""

from __future__ import annotations

import errno
from functools import cache

from pydantic import BaseModel, ConfigDict, model_validator

from interface.texts.markup import Plain
from interface.texts.moderator import ModeratorTexts, moderator_texts, plural
from knowledge.reasons import ENGLISH, Reason

#: The refusals whose wording names a command to type next: the command line words them its own way.
COMMAND_REASONS = (
    Reason.RETIRED, Reason.TEXT_IS_ENTRY, Reason.TEXT_IS_RETIRED_ENTRY, Reason.NUMBER_TAKEN, Reason.NOT_OFFICIAL_DOCUMENT,
    Reason.QUESTION_IS_OFFICIAL,
)
#: Refusals only the command line gives, worded with what to type there (Telegram restores no exports).
CLI_ONLY_REASONS = (Reason.RESTORE_WOULD_RETIRE,)
#: One rule for result lines (what a command did, on stdout): each begins with a capital letter, as
#: Telegram's replies do (moderator.MODERATOR_RESULT_LINES), and one that is a sentence ends with a full
#: stop. An error is 'error: <reason>' (or 'fout: …'), its reason in lower case: it continues the line.
STAFF_RESULT_LINES = (
    "imported", "exported", "restored_export", "added_official", "added_note", "retired", "translation_preview",
    "translation_confirm_preview", "attach_prompt", "translation_gaps", "stats_totals", "stats_days",
    "stats_languages", "stats_missing", "stats_feedback",
)
STAFF_RESULT_SENTENCES = ("imported", "exported", "restored_export", "added_official", "added_note", "retired")
#: Why an added entry became a moderator's note, in the few words of one output line.
NOTE_REASONS = (
    Reason.NO_SOURCE, Reason.HAND_DESCRIBED, Reason.NOT_IN_DOCUMENT, Reason.NOT_AN_ANSWER, Reason.TOO_SHORT_TO_CHECK,
)


#: What can be wrong with a setting (bot/settings.py's SettingProblem.problem); every language words each one.
SETTING_PROBLEMS = (
    "url", "https", "https_local", "token", "ids", "file_url_needed", "secret_needed", "secret_chars", "env_encoding",
    "choice", "integer", "number", "yes_no", "at_least", "more_than", "at_most", "less_than", "text", "other",
)


class StaffTexts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    error: Plain
    #: argparse's usage errors, one line each.
    usage_command: Plain
    usage_missing: Plain
    usage_choice: Plain
    usage_number: Plain
    usage_unknown: Plain
    usage_value: Plain
    usage_together: Plain
    usage_other: Plain
    # --database and files
    #: A --database path that cannot be used (knowledge.storage's StoreError.problem), and an unwritable one.
    store_problems: dict[str, Plain]
    db_unusable: Plain
    db_busy: Plain
    output_closed: Plain
    cannot_read: Plain
    cannot_write: Plain
    cannot_use: Plain
    os_reasons: dict[str, Plain]
    #: Reasons of cannot_write when the system says ENOENT: the folder is missing, or it is there but takes no files.
    no_such_folder: Plain
    folder_refuses: Plain
    too_large: Plain
    not_utf8: Plain
    not_json: Plain
    not_yaml: Plain
    yaml_where: Plain
    no_entries: Plain
    translation_mapping: Plain
    nothing_to_change: Plain
    empty_question: Plain
    #: A setting of the environment or .env that is not valid: "{problems}" is "SETTING: problem; ...".
    settings_invalid: Plain
    setting_problems: dict[str, Plain]
    # results
    import_summary: Plain
    warning: Plain
    imported: Plain
    exported: Plain
    restored_export: Plain
    #: `restore FILE --dry-run`: what restoring the export would do, then one line per kind of change.
    restore_preview: Plain
    restore_lines: tuple[Plain, Plain, Plain]
    added_official: Plain
    added_note: Plain
    retired: Plain
    #: After a document's entry count in `sources`: how many of its entries are retired.
    sources_retired: Plain
    translation_gaps: Plain
    translation_gap_ids: Plain
    review_line: Plain
    stats_totals: Plain
    stats_days: Plain
    stats_languages: Plain
    stats_missing: Plain
    stats_feedback: Plain
    history_undone_by: Plain
    document_forms: tuple[Plain, ...]
    #: The translate command's preview: what is attached (or confirmed) to which official text.
    translation_preview: Plain
    translation_confirm_preview: Plain
    #: Labels of its lines: the citation, the official question, the official Dutch, the translation's question and text.
    translation_labels: tuple[Plain, Plain, Plain, Plain, Plain]
    attach_prompt: Plain
    nothing_saved: Plain
    #: The refusals of COMMAND_REASONS, as typed on the command line.
    reasons: dict[Reason, Plain]
    why_note: dict[Reason, Plain]

    @model_validator(mode="after")
    def _complete(self) -> StaffTexts:
        if missing := (set(COMMAND_REASONS) - set(self.reasons)) | (set(NOTE_REASONS) - set(self.why_note)):
            raise ValueError(f"reasons without a command-line wording: {sorted(missing)}")
        if missing_problems := set(SETTING_PROBLEMS) ^ set(self.setting_problems):
            raise ValueError(f"setting problems without (or with an unknown) wording: {sorted(missing_problems)}")
        return self

    def settings_line(self, problems: list[tuple[str, str, dict[str, str]]]) -> str:
        """Invalid settings as one line: each setting's name (as typed in .env) and its problem in this language."""
        parts = []
        for setting, problem, values in problems:
            template = self.setting_problems.get(problem, self.setting_problems["other"])
            try:
                worded = template.format(**values)
            except (KeyError, IndexError):
                worded = self.setting_problems["other"]
            parts.append(f"{setting}: {worded}")
        return self.settings_invalid.format(problems="; ".join(parts))

    def os_reason(self, error: OSError) -> str:
        """Why the system refused, in this language (the system's own words are English)."""
        name = errno.errorcode.get(error.errno or 0, "other")
        return self.os_reasons.get(name, self.os_reasons["other"])

    def documents(self, count: int) -> str:
        return f"{count} {plural(count, self.document_forms)}"


EN = StaffTexts(
    error="error: {message}",
    usage_command="unknown command '{value}'; standpunt --help lists the commands",
    usage_missing="missing: {names}; standpunt {command}--help shows how to use it",
    usage_choice="'{value}' is not one of {choices} ({argument})",
    usage_number="'{value}' is not a number ({argument})",
    usage_unknown="not understood: {values}; standpunt {command}--help shows how to use it",
    usage_value="{argument} needs a value",
    usage_together="{argument} cannot be given together with {other}",
    usage_other="the command line is not valid; standpunt {command}--help shows how to use it",
    store_problems={
        "folder": "{path} is a folder, not a database file",
        "no_folder": "the folder {folder} does not exist; create it first or choose another path",
        "not_store": "{path} is not a Standpunt store; give the path of a store, or a new file name to create one",
        "not_sqlite": "{path} is not a readable SQLite database",
        "foreign": "{path} is an SQLite database of another program, not a Standpunt store",
        "too_new": "{path} was written by a newer Standpunt (schema {version} > {supported})",
        "unwritable": "the database {path} cannot be opened for writing; check the folder's permissions or choose another path",
    },
    db_unusable="the database {path} could not be used ({detail})",
    db_busy="the database is busy with another writer; try again in a moment",
    output_closed="the output was closed before everything was written",
    cannot_read="cannot read {path}: {reason}",
    cannot_write="cannot write {path}: {reason}",
    cannot_use="cannot use {path}: {reason}",
    os_reasons={
        "EACCES": "permission denied", "EPERM": "permission denied", "ENOENT": "it does not exist",
        "EISDIR": "it is a folder", "ENOTDIR": "a part of the path is not a folder", "ENOSPC": "the disk is full",
        "EROFS": "the file system is read-only", "other": "the system refused it",
    },
    no_such_folder="the folder {folder} does not exist; create it first or choose another path",
    folder_refuses="files cannot be written in that folder; choose another one",
    too_large="{path} is larger than {limit}",
    not_utf8="{path} is not UTF-8 text",
    not_json="{path} is not valid JSON (line {line}, column {column})",
    not_yaml="{path} is not valid YAML{where}",
    yaml_where=" (line {line}, column {column})",
    no_entries="{path} holds no entries",
    translation_mapping="{path} must hold a mapping with 'text' (and optionally 'question')",
    nothing_to_change="nothing to change: give --question, --text, --text-file or --topics",
    empty_question="the question is empty",
    settings_invalid="invalid setting {problems} (in the environment or .env; .env.example explains each one)",
    setting_problems={
        "url": "must be an http:// or https:// address with a host name",
        "https": "must be an https:// address with a host name",
        "https_local": "must use https:// (plain http only for a server on 127.0.0.1)",
        "token": "does not look like a bot token from @BotFather (digits, a colon, then 30 or more characters)",
        "ids": "must be Telegram user ids (numbers) separated by commas",
        "file_url_needed": "is needed when TELEGRAM_BASE_URL has no /bot to derive it from",
        "secret_needed": "is needed when WEBHOOK_URL is set",
        "secret_chars": "may only hold letters, digits, _ and - (at most 256)",
        "env_encoding": "the file is not UTF-8 text",
        "choice": "must be one of {choices}",
        "integer": "must be a whole number",
        "number": "must be a number",
        "yes_no": "must be true or false",
        "at_least": "must be at least {limit}",
        "more_than": "must be more than {limit}",
        "at_most": "must be at most {limit}",
        "less_than": "must be less than {limit}",
        "text": "must be text",
        "other": "is not valid",
    },
    import_summary="{key}: {kind}, {date}, {entries}",
    warning="  warning: {text}",
    imported="Imported: {key} with {entries}. standpunt undo reverts it.",
    exported="Exported {documents} and {entries} to {path}.",
    restored_export="Restored {documents} and {entries}.",
    restore_preview="Dry run, nothing changed: restoring {path} would retire {retired}, change {changed} and add {added}.",
    restore_lines=("  retired: {keys}", "  changed: {keys}", "  added: {keys}"),
    added_official="Added entry {id} ({key}), number {number} of its document.",
    added_note="Added entry {id} ({key}) as a moderator's note, not official text{why}.",
    retired="Entry {id} is retired (not deleted; standpunt restore {id} brings it back).",
    sources_retired=" ({count} retired)",
    translation_gaps="Active entries without a current translation (none, or stale)",
    translation_gap_ids=" (entries {ids})",
    review_line="{count:>4}× {asked}  (items {items}; best entry {suggestion})",
    stats_totals="Documents {documents}, active entries {active}, retired {retired}, open in review {review}",
    stats_days="Day         answered suggested unanswered",
    stats_languages="Questions per language: {languages}",
    stats_missing="Without a current translation: {missing}",
    stats_feedback="Feedback per entry (helpful / not helpful)",
    history_undone_by=" (undone by change {id})",
    document_forms=("document", "documents"),
    translation_preview="Preview: this {language} translation (unofficial) is attached to entry {id} ({key})",
    translation_confirm_preview="Preview: this {language} translation (unofficial) of entry {id} ({key}) is confirmed as current",
    translation_labels=("official text", "question", "Dutch", "translated question", "translation"),
    attach_prompt="Save it? [y/N] ",
    nothing_saved="nothing saved: check the preview above and run the command again with --yes to save it",
    reasons={reason: ENGLISH[reason] for reason in COMMAND_REASONS},
    why_note={
        Reason.NO_SOURCE: "its document has no source text in the store to check it against",
        Reason.HAND_DESCRIBED: "a document described by hand has no source text",
        Reason.NOT_IN_DOCUMENT: "its document does not contain this text",
        Reason.NOT_AN_ANSWER: "the text is in no paragraph or answer of its document",
        Reason.TOO_SHORT_TO_CHECK: "too short to check against its document",
    },
)

NL = StaffTexts(
    error="fout: {message}",
    usage_command="onbekende opdracht '{value}'; standpunt --help noemt de opdrachten",
    usage_missing="ontbreekt: {names}; standpunt {command}--help laat zien hoe het werkt",
    usage_choice="'{value}' is geen van {choices} ({argument})",
    usage_number="'{value}' is geen getal ({argument})",
    usage_unknown="niet begrepen: {values}; standpunt {command}--help laat zien hoe het werkt",
    usage_value="{argument} heeft een waarde nodig",
    usage_together="{argument} kan niet samen met {other} worden gegeven",
    usage_other="de opdrachtregel is niet geldig; standpunt {command}--help laat zien hoe het werkt",
    store_problems={
        "folder": "{path} is een map, geen databasebestand",
        "no_folder": "de map {folder} bestaat niet; maak hem eerst aan of kies een ander pad",
        "not_store": (
            "{path} is geen antwoordbestand van Standpunt; geef het pad van een antwoordbestand, of een nieuwe "
            "bestandsnaam om er een te maken"
        ),
        "not_sqlite": "{path} is geen leesbare SQLite-database",
        "foreign": "{path} is een SQLite-database van een ander programma, geen antwoordbestand van Standpunt",
        "too_new": "{path} is geschreven door een nieuwere Standpunt (schema {version} > {supported})",
        "unwritable": (
            "de database {path} kan niet worden geopend om te schrijven; kijk de rechten van de map na of kies "
            "een ander pad"
        ),
    },
    db_unusable="de database {path} kon niet worden gebruikt ({detail})",
    db_busy="de database is bezig met een andere schrijver; probeer het zo opnieuw",
    output_closed="de uitvoer werd gesloten voordat alles was geschreven",
    cannot_read="{path} kan niet worden gelezen: {reason}",
    cannot_write="{path} kan niet worden geschreven: {reason}",
    cannot_use="{path} kan niet worden gebruikt: {reason}",
    os_reasons={
        "EACCES": "geen toestemming", "EPERM": "geen toestemming", "ENOENT": "het bestaat niet",
        "EISDIR": "het is een map", "ENOTDIR": "een deel van het pad is geen map", "ENOSPC": "de schijf is vol",
        "EROFS": "het bestandssysteem is alleen-lezen", "other": "het systeem weigerde het",
    },
    no_such_folder="de map {folder} bestaat niet; maak hem eerst aan of kies een ander pad",
    folder_refuses="in die map kunnen geen bestanden worden geschreven; kies een andere",
    too_large="{path} is groter dan {limit}",
    not_utf8="{path} is geen UTF-8-tekst",
    not_json="{path} is geen geldige JSON (regel {line}, kolom {column})",
    not_yaml="{path} is geen geldige YAML{where}",
    yaml_where=" (regel {line}, kolom {column})",
    no_entries="{path} bevat geen items",
    translation_mapping="{path} moet velden bevatten met 'text' (en eventueel 'question')",
    nothing_to_change="niets te wijzigen: geef --question, --text, --text-file of --topics",
    empty_question="de vraag is leeg",
    settings_invalid="ongeldige instelling {problems} (in de omgeving of .env; .env.example legt elke instelling uit)",
    setting_problems={
        "url": "moet een http://- of https://-adres met een hostnaam zijn",
        "https": "moet een https://-adres met een hostnaam zijn",
        "https_local": "moet https:// gebruiken (gewoon http alleen voor een server op 127.0.0.1)",
        "token": "lijkt niet op een bottoken van @BotFather (cijfers, een dubbele punt, dan 30 of meer tekens)",
        "ids": "moeten Telegram-gebruikers-id's (getallen) zijn, gescheiden door komma's",
        "file_url_needed": "is nodig als TELEGRAM_BASE_URL geen /bot heeft om het uit af te leiden",
        "secret_needed": "is nodig als WEBHOOK_URL is ingesteld",
        "secret_chars": "mag alleen letters, cijfers, _ en - bevatten (hoogstens 256)",
        "env_encoding": "het bestand is geen UTF-8-tekst",
        "choice": "moet een van {choices} zijn",
        "integer": "moet een geheel getal zijn",
        "number": "moet een getal zijn",
        "yes_no": "moet true of false zijn",
        "at_least": "moet minstens {limit} zijn",
        "more_than": "moet meer dan {limit} zijn",
        "at_most": "moet hoogstens {limit} zijn",
        "less_than": "moet minder dan {limit} zijn",
        "text": "moet tekst zijn",
        "other": "is niet geldig",
    },
    import_summary="{key}: {kind}, {date}, {entries}",
    warning="  waarschuwing: {text}",
    imported="Geïmporteerd: {key} met {entries}. standpunt undo maakt dit ongedaan.",
    exported="Geëxporteerd: {documents} en {entries} naar {path}.",
    restored_export="Teruggezet: {documents} en {entries}.",
    restore_preview=(
        "Proefdraai, er is niets veranderd: {path} terugzetten zou {retired} intrekken, {changed} wijzigen en "
        "{added} toevoegen."
    ),
    restore_lines=("  ingetrokken: {keys}", "  gewijzigd: {keys}", "  toegevoegd: {keys}"),
    added_official="Item {id} ({key}) toegevoegd, nummer {number} van zijn document.",
    added_note="Item {id} ({key}) toegevoegd als notitie van een moderator, geen officiële tekst{why}.",
    retired="Item {id} is ingetrokken (niet verwijderd; standpunt restore {id} zet het terug).",
    sources_retired=" ({count} ingetrokken)",
    translation_gaps="Actieve items zonder actuele vertaling (geen, of verouderd)",
    translation_gap_ids=" (items {ids})",
    review_line="{count:>4}× {asked}  (vragen {items}; beste item {suggestion})",
    stats_totals="Documenten {documents}, actieve items {active}, ingetrokken {retired}, open in review {review}",
    stats_days="Dag         beantwoord suggesties geen-antwoord",
    stats_languages="Vragen per taal: {languages}",
    stats_missing="Zonder actuele vertaling: {missing}",
    stats_feedback="Feedback per item (nuttig / niet nuttig)",
    history_undone_by=" (ongedaan gemaakt door wijziging {id})",
    document_forms=("document", "documenten"),
    translation_preview="Voorbeeld: deze {language} vertaling (niet officieel) wordt gekoppeld aan item {id} ({key})",
    translation_confirm_preview=(
        "Voorbeeld: deze {language} vertaling (niet officieel) van item {id} ({key}) "
        "wordt als actueel bevestigd"
    ),
    translation_labels=("officiële tekst", "vraag", "Nederlands", "vertaalde vraag", "vertaling"),
    attach_prompt="Opslaan? [j/N] ",
    nothing_saved="niets opgeslagen: bekijk het voorbeeld hierboven en geef de opdracht opnieuw met --yes om op te slaan",
    reasons={
        Reason.RETIRED: "item {id} is ingetrokken; zet het eerst terug (standpunt restore {id})",
        Reason.TEXT_IS_ENTRY: (
            "deze tekst is al item {id} (nummer {number} van het document); voeg uw vraag daaraan toe als "
            'alternatieve vraag (standpunt alias {id} "<vraag>")'
        ),
        Reason.TEXT_IS_RETIRED_ENTRY: (
            "deze tekst is het ingetrokken item {id} (nummer {number} van het document); standpunt restore {id} "
            "zet het terug"
        ),
        Reason.RESTORE_WOULD_RETIRE: (
            "deze export terugzetten zou actieve items intrekken die er niet in staan (items: {count}); er is niets "
            "veranderd: standpunt restore BESTAND --dry-run noemt ze, en --yes zet hem toch terug"
        ),
        Reason.QUESTION_IS_OFFICIAL: (
            "de vraag van item {id} is die van het document zelf (de vraag die het beantwoordt) en de nieuwe "
            "staat niet in het document; voeg haar toe als andere formulering (standpunt alias {id} \"<vraag>\")"
        ),
        Reason.NUMBER_TAKEN: (
            "nummer {number} van dit document is al item {id}, met een andere tekst; wijzig dat item "
            "(standpunt edit {id} --text-file <bestand>)"
        ),
        Reason.NOT_OFFICIAL_DOCUMENT: (
            "deze tekst heeft geen van de kenmerken van een officieel document (briefhoofd, 'Aan de Voorzitter', "
            "datumregel, Vergaderjaar, Kamerstuknummer, 'Vragen van het lid', 'Antwoord', ondertekening door een "
            "bewindspersoon), dus er is niets opgeslagen; voeg hem toe als notitie van een moderator "
            "(standpunt add, met note: true)"
        ),
    },
    why_note={
        Reason.NO_SOURCE: "van zijn document staat geen brontekst in het antwoordbestand om hem aan te toetsen",
        Reason.HAND_DESCRIBED: "een met de hand beschreven document heeft geen brontekst",
        Reason.NOT_IN_DOCUMENT: "zijn document bevat deze tekst niet",
        Reason.NOT_AN_ANSWER: "de tekst staat in geen alinea of antwoord van zijn document",
        Reason.TOO_SHORT_TO_CHECK: "te kort om aan zijn document te toetsen",
    },
)

RU = StaffTexts(
    error="ошибка: {message}",
    usage_command="неизвестная команда «{value}»; standpunt --help перечисляет команды",
    usage_missing="не хватает: {names}; standpunt {command}--help показывает, как её вызвать",
    usage_choice="«{value}» — не одно из {choices} ({argument})",
    usage_number="«{value}» — не число ({argument})",
    usage_unknown="непонятно: {values}; standpunt {command}--help показывает, как её вызвать",
    usage_value="{argument}: нужно значение",
    usage_together="{argument} нельзя указывать вместе с {other}",
    usage_other="командная строка неверна; standpunt {command}--help показывает, как её вызвать",
    store_problems={
        "folder": "{path} — папка, а не файл базы данных",
        "no_folder": "папки {folder} нет; сначала создайте её или укажите другой путь",
        "not_store": "{path} — не база Standpunt; укажите путь к базе или имя нового файла, чтобы создать её",
        "not_sqlite": "{path} — не читаемая база данных SQLite",
        "foreign": "{path} — база данных SQLite другой программы, а не база Standpunt",
        "too_new": "{path} записан более новой версией Standpunt (схема {version} > {supported})",
        "unwritable": "базу данных {path} нельзя открыть для записи; проверьте права на папку или укажите другой путь",
    },
    db_unusable="базу данных {path} не удалось использовать ({detail})",
    db_busy="в базу данных сейчас пишет другой процесс; попробуйте ещё раз через минуту",
    output_closed="вывод был закрыт до того, как всё было записано",
    cannot_read="не удалось прочитать {path}: {reason}",
    cannot_write="не удалось записать {path}: {reason}",
    cannot_use="не удалось использовать {path}: {reason}",
    os_reasons={
        "EACCES": "нет доступа", "EPERM": "нет доступа", "ENOENT": "его нет",
        "EISDIR": "это папка", "ENOTDIR": "часть пути — не папка", "ENOSPC": "диск заполнен",
        "EROFS": "файловая система только для чтения", "other": "система отказала",
    },
    no_such_folder="папки {folder} нет; сначала создайте её или укажите другой путь",
    folder_refuses="в эту папку нельзя записывать файлы; выберите другую",
    too_large="{path} больше {limit}",
    not_utf8="{path} — не текст в UTF-8",
    not_json="{path} — неверный JSON (строка {line}, столбец {column})",
    not_yaml="{path} — неверный YAML{where}",
    yaml_where=" (строка {line}, столбец {column})",
    no_entries="в {path} нет записей",
    translation_mapping="{path} должен содержать поля с 'text' (и, если нужно, 'question')",
    nothing_to_change="нечего менять: укажите --question, --text, --text-file или --topics",
    empty_question="вопрос пуст",
    settings_invalid="неверная настройка {problems} (в окружении или .env; .env.example объясняет каждую)",
    setting_problems={
        "url": "должен быть адрес http:// или https:// с именем хоста",
        "https": "должен быть адрес https:// с именем хоста",
        "https_local": "должен использовать https:// (простой http только для сервера на 127.0.0.1)",
        "token": "не похоже на токен бота от @BotFather (цифры, двоеточие, затем 30 или больше символов)",
        "ids": "должны быть id пользователей Telegram (числа) через запятую",
        "file_url_needed": "нужен, если в TELEGRAM_BASE_URL нет /bot, из которого его можно вывести",
        "secret_needed": "нужен, если задан WEBHOOK_URL",
        "secret_chars": "может содержать только буквы, цифры, _ и - (не больше 256)",
        "env_encoding": "файл не является текстом UTF-8",
        "choice": "должно быть одним из: {choices}",
        "integer": "должно быть целым числом",
        "number": "должно быть числом",
        "yes_no": "должно быть true или false",
        "at_least": "должно быть не меньше {limit}",
        "more_than": "должно быть больше {limit}",
        "at_most": "должно быть не больше {limit}",
        "less_than": "должно быть меньше {limit}",
        "text": "должно быть текстом",
        "other": "недопустимое значение",
    },
    import_summary="{key}: {kind}, {date}, {entries}",
    warning="  предупреждение: {text}",
    imported="Импортировано: {key}, {entries}. standpunt undo отменит это.",
    exported="Экспортировано: {documents} и {entries} в {path}.",
    restored_export="Восстановлено: {documents} и {entries}.",
    restore_preview=(
        "Пробный прогон, ничего не изменено: восстановление {path} сняло бы {retired}, изменило бы {changed} "
        "и добавило бы {added}."
    ),
    restore_lines=("  снятые: {keys}", "  изменённые: {keys}", "  добавленные: {keys}"),
    added_official="Добавлена запись {id} ({key}), номер {number} в её документе.",
    added_note="Добавлена запись {id} ({key}) как заметка модератора, не официальный текст{why}.",
    retired="Запись {id} снята (не удалена; standpunt restore {id} вернёт её).",
    sources_retired=" (снято: {count})",
    translation_gaps="Активные записи без актуального перевода (нет или устарел)",
    translation_gap_ids=" (записи {ids})",
    review_line="{count:>4}× {asked}  (вопросы {items}; лучшая запись {suggestion})",
    stats_totals="Документов {documents}, активных записей {active}, снято {retired}, открыто в review {review}",
    stats_days="День        ответ предложено без-ответа",
    stats_languages="Вопросы по языкам: {languages}",
    stats_missing="Без актуального перевода: {missing}",
    stats_feedback="Отзывы по записям (полезно / бесполезно)",
    history_undone_by=" (отменено изменением {id})",
    document_forms=("документ", "документа", "документов"),
    translation_preview="Предпросмотр: этот перевод ({language}, неофициальный) будет привязан к записи {id} ({key})",
    translation_confirm_preview=(
        "Предпросмотр: этот перевод ({language}, неофициальный) записи {id} ({key}) "
        "будет подтверждён как актуальный"
    ),
    translation_labels=("официальный текст", "вопрос", "нидерландский текст", "переведённый вопрос", "перевод"),
    attach_prompt="Сохранить? [y/N] ",
    nothing_saved="ничего не сохранено: проверьте предпросмотр выше и повторите команду с --yes, чтобы сохранить",
    reasons={
        Reason.RETIRED: "запись {id} снята; сначала верните её (standpunt restore {id})",
        Reason.TEXT_IS_ENTRY: (
            "этот текст уже есть как запись {id} (номер {number} в документе); добавьте к ней свой вопрос как "
            'альтернативный (standpunt alias {id} "<вопрос>")'
        ),
        Reason.TEXT_IS_RETIRED_ENTRY: (
            "этот текст — снятая запись {id} (номер {number} в документе); standpunt restore {id} вернёт её"
        ),
        Reason.RESTORE_WOULD_RETIRE: (
            "восстановление этого экспорта сняло бы активные записи, которых в нём нет (записей: {count}); ничего "
            "не изменено: standpunt restore ФАЙЛ --dry-run перечисляет их, а --yes всё равно восстанавливает экспорт"
        ),
        Reason.QUESTION_IS_OFFICIAL: (
            "вопрос записи {id} — вопрос самого документа (тот, на который она отвечает), а нового в документе "
            "нет; добавьте его как другую формулировку (standpunt alias {id} \"<вопрос>\")"
        ),
        Reason.NUMBER_TAKEN: (
            "номер {number} этого документа уже занят записью {id} с другим текстом; измените её "
            "(standpunt edit {id} --text-file <файл>)"
        ),
        Reason.NOT_OFFICIAL_DOCUMENT: (
            "у этого текста нет ни одного признака официального документа (бланк, 'Aan de Voorzitter', строка с "
            "датой, Vergaderjaar, номер Kamerstuk, 'Vragen van het lid', 'Antwoord', подпись министра), поэтому "
            "ничего не сохранено; добавьте его как заметку модератора (standpunt add, с note: true)"
        ),
    },
    why_note={
        Reason.NO_SOURCE: "для её документа в базе нет исходного текста, с которым её можно сверить",
        Reason.HAND_DESCRIBED: "у документа, описанного вручную, нет исходного текста",
        Reason.NOT_IN_DOCUMENT: "в её документе нет этого текста",
        Reason.NOT_AN_ANSWER: "текст не входит ни в один абзац или ответ её документа",
        Reason.TOO_SHORT_TO_CHECK: "слишком короткий, чтобы сверить с документом",
    },
)

BE = StaffTexts(
    error="памылка: {message}",
    usage_command="невядомая каманда «{value}»; standpunt --help пералічвае каманды",
    usage_missing="не хапае: {names}; standpunt {command}--help паказвае, як яе выклікаць",
    usage_choice="«{value}» — не адно з {choices} ({argument})",
    usage_number="«{value}» — не лік ({argument})",
    usage_unknown="незразумела: {values}; standpunt {command}--help паказвае, як яе выклікаць",
    usage_value="{argument}: трэба значэнне",
    usage_together="{argument} нельга задаваць разам з {other}",
    usage_other="каманды радок няправільны; standpunt {command}--help паказвае, як яе выклікаць",
    store_problems={
        "folder": "{path} — папка, а не файл базы даных",
        "no_folder": "папкі {folder} няма; спачатку стварыце яе або выберыце іншы шлях",
        "not_store": "{path} — не база Standpunt; укажыце шлях да базы або імя новага файла, каб стварыць яе",
        "not_sqlite": "{path} — не чытэльная база даных SQLite",
        "foreign": "{path} — база даных SQLite іншай праграмы, а не база Standpunt",
        "too_new": "{path} запісаны навейшай версіяй Standpunt (схема {version} > {supported})",
        "unwritable": "базу даных {path} нельга адкрыць для запісу; праверце правы на папку або выберыце іншы шлях",
    },
    db_unusable="базу даных {path} не ўдалося выкарыстаць ({detail})",
    db_busy="у базу даных зараз піша іншы працэс; паспрабуйце яшчэ раз праз хвіліну",
    output_closed="вывад быў закрыты раней, чым усё было запісана",
    cannot_read="не ўдалося прачытаць {path}: {reason}",
    cannot_write="не ўдалося запісаць {path}: {reason}",
    cannot_use="не ўдалося выкарыстаць {path}: {reason}",
    os_reasons={
        "EACCES": "няма доступу", "EPERM": "няма доступу", "ENOENT": "яго няма",
        "EISDIR": "гэта папка", "ENOTDIR": "частка шляху — не папка", "ENOSPC": "дыск запоўнены",
        "EROFS": "файлавая сістэма толькі для чытання", "other": "сістэма адмовіла",
    },
    no_such_folder="папкі {folder} няма; спачатку стварыце яе або выберыце іншы шлях",
    folder_refuses="у гэтую папку нельга запісваць файлы; выберыце іншую",
    too_large="{path} большы за {limit}",
    not_utf8="{path} — не тэкст у UTF-8",
    not_json="{path} — няправільны JSON (радок {line}, слупок {column})",
    not_yaml="{path} — няправільны YAML{where}",
    yaml_where=" (радок {line}, слупок {column})",
    no_entries="у {path} няма запісаў",
    translation_mapping="{path} павінен утрымліваць палі з 'text' (і, калі трэба, 'question')",
    nothing_to_change="няма чаго змяняць: укажыце --question, --text, --text-file або --topics",
    empty_question="пытанне пустое",
    settings_invalid="няправільная налада {problems} (у асяроддзі або .env; .env.example тлумачыць кожную)",
    setting_problems={
        "url": "павінен быць адрас http:// або https:// з імем хоста",
        "https": "павінен быць адрас https:// з імем хоста",
        "https_local": "павінен выкарыстоўваць https:// (просты http толькі для сервера на 127.0.0.1)",
        "token": "не падобна на токен бота ад @BotFather (лічбы, двукроп'е, потым 30 ці больш сімвалаў)",
        "ids": "павінны быць id карыстальнікаў Telegram (лікі) праз коску",
        "file_url_needed": "патрэбны, калі ў TELEGRAM_BASE_URL няма /bot, з якога яго можна вывесці",
        "secret_needed": "патрэбны, калі зададзены WEBHOOK_URL",
        "secret_chars": "можа змяшчаць толькі літары, лічбы, _ і - (не больш за 256)",
        "env_encoding": "файл не з'яўляецца тэкстам UTF-8",
        "choice": "павінна быць адным з: {choices}",
        "integer": "павінна быць цэлым лікам",
        "number": "павінна быць лікам",
        "yes_no": "павінна быць true або false",
        "at_least": "павінна быць не менш за {limit}",
        "more_than": "павінна быць больш за {limit}",
        "at_most": "павінна быць не больш за {limit}",
        "less_than": "павінна быць менш за {limit}",
        "text": "павінна быць тэкстам",
        "other": "недапушчальнае значэнне",
    },
    import_summary="{key}: {kind}, {date}, {entries}",
    warning="  папярэджанне: {text}",
    imported="Імпартавана: {key}, {entries}. standpunt undo адменіць гэта.",
    exported="Экспартавана: {documents} і {entries} у {path}.",
    restored_export="Адноўлена: {documents} і {entries}.",
    restore_preview=(
        "Пробны прагон, нічога не зменена: аднаўленне {path} зняло б {retired}, змяніла б {changed} "
        "і дадало б {added}."
    ),
    restore_lines=("  знятыя: {keys}", "  змененыя: {keys}", "  дададзеныя: {keys}"),
    added_official="Дададзены запіс {id} ({key}), нумар {number} у яго дакуменце.",
    added_note="Дададзены запіс {id} ({key}) як нататка мадэратара, не афіцыйны тэкст{why}.",
    retired="Запіс {id} зняты (не выдалены; standpunt restore {id} верне яго).",
    sources_retired=" (знята: {count})",
    translation_gaps="Актыўныя запісы без актуальнага перакладу (няма або састарэў)",
    translation_gap_ids=" (запісы {ids})",
    review_line="{count:>4}× {asked}  (пытанні {items}; лепшы запіс {suggestion})",
    stats_totals="Дакументаў {documents}, актыўных запісаў {active}, знята {retired}, адкрыта ў review {review}",
    stats_days="Дзень       адказ прапанавана без-адказу",
    stats_languages="Пытанні па мовах: {languages}",
    stats_missing="Без актуальнага перакладу: {missing}",
    stats_feedback="Водгукі па запісах (карысна / некарысна)",
    history_undone_by=" (адменена зменай {id})",
    document_forms=("дакумент", "дакументы", "дакументаў"),
    translation_preview="Папярэдні прагляд: гэты пераклад ({language}, неафіцыйны) будзе прывязаны да запісу {id} ({key})",
    translation_confirm_preview=(
        "Папярэдні прагляд: гэты пераклад ({language}, неафіцыйны) запісу {id} ({key}) "
        "будзе пацверджаны як актуальны"
    ),
    translation_labels=("афіцыйны тэкст", "пытанне", "нідэрландскі тэкст", "перакладзенае пытанне", "пераклад"),
    attach_prompt="Захаваць? [y/N] ",
    nothing_saved="нічога не захавана: праверце папярэдні прагляд вышэй і паўтарыце каманду з --yes, каб захаваць",
    reasons={
        Reason.RETIRED: "запіс {id} зняты; спачатку вярніце яго (standpunt restore {id})",
        Reason.TEXT_IS_ENTRY: (
            "гэты тэкст ужо ёсць як запіс {id} (нумар {number} у дакуменце); дадайце да яго сваё пытанне як "
            'альтэрнатыўнае (standpunt alias {id} "<пытанне>")'
        ),
        Reason.TEXT_IS_RETIRED_ENTRY: (
            "гэты тэкст — зняты запіс {id} (нумар {number} у дакуменце); standpunt restore {id} верне яго"
        ),
        Reason.RESTORE_WOULD_RETIRE: (
            "аднаўленне гэтага экспарту зняло б актыўныя запісы, якіх у ім няма (запісаў: {count}); нічога не "
            "зменена: standpunt restore ФАЙЛ --dry-run пералічвае іх, а --yes усё роўна аднаўляе экспарт"
        ),
        Reason.QUESTION_IS_OFFICIAL: (
            "пытанне запісу {id} — пытанне самога дакумента (тое, на якое ён адказвае), а новага ў дакуменце "
            "няма; дадайце яго як іншую фармулёўку (standpunt alias {id} \"<пытанне>\")"
        ),
        Reason.NUMBER_TAKEN: (
            "нумар {number} гэтага дакумента ўжо заняты запісам {id} з іншым тэкстам; змяніце яго "
            "(standpunt edit {id} --text-file <файл>)"
        ),
        Reason.NOT_OFFICIAL_DOCUMENT: (
            "у гэтага тэксту няма ніводнай прыметы афіцыйнага дакумента (бланк, 'Aan de Voorzitter', радок з "
            "датай, Vergaderjaar, нумар Kamerstuk, 'Vragen van het lid', 'Antwoord', подпіс міністра), таму "
            "нічога не захавана; дадайце яго як нататку мадэратара (standpunt add, з note: true)"
        ),
    },
    why_note={
        Reason.NO_SOURCE: "для яго дакумента ў базе няма зыходнага тэксту, з якім яго можна звярыць",
        Reason.HAND_DESCRIBED: "у дакумента, апісанага ўручную, няма зыходнага тэксту",
        Reason.NOT_IN_DOCUMENT: "у яго дакуменце няма гэтага тэксту",
        Reason.NOT_AN_ANSWER: "тэкст не ўваходзіць ні ў адзін абзац або адказ яго дакумента",
        Reason.TOO_SHORT_TO_CHECK: "занадта кароткі, каб звярыць з дакументам",
    },
)

_BY_LANGUAGE = {"nl": NL, "en": EN, "ru": RU, "be": BE}
LANGUAGE_FALLBACK = "en"


def staff_texts(language: str | None) -> StaffTexts:
    """The command line's texts in `language` (English, the staff commands' default, for any other)."""
    return _BY_LANGUAGE.get((language or "").split("-")[0].lower(), EN)


@cache
def cli_moderator_texts(language: str | None) -> ModeratorTexts:
    """Telegram's moderator texts, with the refusals that name a command worded for the command line;
    English takes every refusal as knowledge.reasons words it (the command line's and the logs' English)."""
    code = (language or "").split("-")[0].lower()
    code = code if code in _BY_LANGUAGE else LANGUAGE_FALLBACK
    base = moderator_texts(code)
    reasons = {**base.reasons, **(ENGLISH if code == "en" else {}), **staff_texts(code).reasons}
    return base.model_copy(update={"reasons": reasons})
