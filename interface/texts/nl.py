"""Nederlands."""

from interface.texts import Texts

TEXTS = Texts(
    code="nl",
    language_name="Nederlands",
    answer_heading="Officieel antwoord",
    suggest_heading="Ik weet niet zeker wat u bedoelt. Bedoelt u een van deze vragen?",
    suggest_heading_one="Ik weet niet zeker wat u bedoelt. Bedoelt u deze vraag?",
    no_answer=(
        "Daarover heb ik geen officieel antwoord. Ik citeer alleen wat de Nederlandse regering zelf heeft "
        "geschreven over Belarus: Kamerbrieven en antwoorden op Kamervragen."
    ),
    no_answer_scope=(
        "Ik citeer alleen wat de Nederlandse regering zelf heeft geschreven over Belarus: "
        "Kamerbrieven en antwoorden op Kamervragen."
    ),
    part_unanswered="Op dit deel van uw bericht heb ik geen officieel antwoord: {part}",
    later_time_suggestions=(
        "U vraagt naar een later moment dan de documenten. Een nieuwer officieel cijfer heb ik niet; "
        "de vragen hieronder beantwoorden de documenten op hun eigen datum."
    ),
    later_time_no_answer="U vraagt naar een later moment dan de documenten. Een nieuwer officieel cijfer heb ik niet.",
    untold_fate=(
        "Ik heb geen officiële tekst over wat er na de datum van het document met iemand is gebeurd "
        "(vrijlating, veroordeling, gratie)."
    ),
    untold_practical="Adressen, reisadviezen of bezoekregelingen staan niet in de officiële teksten: die beschrijven het beleid.",
    untold_count="Een officieel aantal daarvoor heb ik niet.",
    related_heading="De officiële passages die er het dichtst bij komen:",
    notes_offered="Een moderator schreef hierover ook een notitie (geen officiële tekst):",
    greeting="Hallo! Stel uw vraag over het Nederlandse beleid ten aanzien van Belarus; ik antwoord met de officiële tekst.",
    welcome="Graag gedaan! Stel gerust nog een vraag.",
    help_pointer="Hoe u een vraag stelt, leest u met /help. Bijvoorbeeld: Welke sancties gelden er tegen Belarus?",
    invalid_empty="Uw vraag is leeg. Typ een vraag, bijvoorbeeld: Welke sancties gelden er tegen Belarus?",
    invalid_markup=(
        "Uw vraag bestaat alleen uit opmaak (HTML-tags), zonder woorden. "
        "Typ een vraag, bijvoorbeeld: Welke sancties gelden er tegen Belarus?"
    ),
    invalid_too_long="Uw vraag is te lang (meer dan {limit} tekens). Stel een kortere vraag.",
    invalid_not_text=(
        "Dat is geen tekst die ik kan lezen (een bestand?). "
        "Typ een vraag, bijvoorbeeld: Welke sancties gelden er tegen Belarus?"
    ),
    confidence="zekerheid {value:.0%}",
    as_of="Stand van {date}",
    earlier_position="Eerder standpunt",
    newer_document="Er is een nieuwer document hierover, van {date}",
    link="Officiële tekst",
    no_link="Geen link naar de officiële tekst bekend; vindplaats: {where}.",
    no_number="officieel nummer nog niet vastgesteld",
    references="Verwijzingen",
    footnotes="Voetnoten",
    kind_kamerbrief="Kamerbrief",
    kind_kamervragen="Antwoord op Kamervragen",
    kind_short_kamerbrief="Kamerbrief",
    kind_short_kamervragen="Kamervragen",
    question_label="Vraag {number}",
    paragraph_label="alinea {number}",
    months="januari februari maart april mei juni juli augustus september oktober november december".split(),
    official_question="Vraag",
    moderator_note="📝 Notitie van een moderator, geen officiële tekst: niet de woorden van de regering",
    note_citation="Geschreven door een moderator van Standpunt, geen citaat uit het document; over: {about}",
    note_in_dutch="Deze notitie van een moderator is in het Nederlands geschreven en niet vertaald.",
    translation_label="Onofficiële vertaling (Nederlands)",
    translation_stale=(
        "Deze vertaling hoort bij een eerdere versie van de officiële tekst en kan ervan afwijken; de "
        "officiële Nederlandse tekst hieronder geldt."
    ),
    no_translation="Van dit antwoord is nog geen vertaling. Hieronder staat de officiële tekst in het Nederlands.",
    official_text_label="Officiële tekst (Nederlands), die geldt:",
    translated_question="Vraag (vertaald)",
    start=(
        "<b>Standpunt</b> beantwoordt vragen over het Nederlandse beleid ten aanzien van Belarus met de woorden "
        "van de regering zelf: ik citeer letterlijk uit Kamerbrieven en antwoorden op Kamervragen, met de bron "
        "erbij.\n\nStel gewoon uw vraag, in het Nederlands, Engels, Russisch of Belarussisch. Bijvoorbeeld:\n"
        "• Welke sancties heeft de EU tegen Belarus ingesteld?\n• Is er een meldpunt als ik me bedreigd voel?\n\n"
        "Als ik geen officieel antwoord heb, zeg ik dat. Standpunt is geen kanaal van de overheid; onder elk "
        "antwoord staat een link naar de officiële tekst, waar die bekend is. /topics en /sources tonen wat ik "
        "weet, /privacy wat ik bewaar."
    ),
    help=(
        "Typ uw vraag als gewoon bericht. Ik antwoord met de officiële tekst en de bron (document, datum, "
        "ministers, vraag- of alineanummer).\n\n/topics – onderwerpen en documenten doorbladeren\n"
        "/sources – de documenten met datum en link (waar bekend)\n/ask &lt;vraag&gt; – een vraag stellen in een groep\n"
        "/language – taal van de knoppen en meldingen\n/privacy – wat ik bewaar en wat niet\n\n"
        "In elke chat kunt u ook <code>@{bot} uw vraag</code> typen om een officieel antwoord te delen."
    ),
    privacy=(
        "<b>Wat Standpunt bewaart</b>\n"
        "• Per dag het aantal vragen dat beantwoord, met suggesties of niet beantwoord werd, "
        "en hoeveel er in elke taal binnenkwamen.\n"
        "• Vragen zonder goed antwoord: de tekst, zodat moderatoren het antwoordbestand kunnen aanvullen, met "
        "telefoonnummers en andere lange nummers, e-mailadressen, @namen, postcodes, straat en huisnummer, en uw "
        "naam na 'mijn naam is' of 'ik ben'"
        " en de naam van een familielid ('mijn broer …') eruit gehaald. Zonder wie het vroeg of in welke chat; na {days} "
        "dagen gewist. Andere "
        "namen en plaatsen die u in een vraag schrijft, blijven erin staan: laat ze weg als dat kan.\n"
        "• 👍/👎: alleen het aantal per antwoord per dag.\n\n"
        "<b>Wat Standpunt niet bewaart</b>\n"
        "• Geen Telegram-id, naam, gebruikersnaam of chat-id bij vragen, feedback of statistieken.\n"
        "• Geen berichtteksten of gebruikers-id's in de logbestanden.\n"
        "• Uw taalkeuze en de teller tegen overspoelen staan alleen in het werkgeheugen en verdwijnen bij een herstart.\n\n"
        "Telegram zelf ziet uw berichten; daarvoor geldt het privacybeleid van Telegram."
    ),
    command_start="Wat is Standpunt?",
    command_help="Hoe stel ik een vraag?",
    command_topics="Onderwerpen doorbladeren",
    command_sources="De officiële documenten",
    command_ask="Een vraag stellen (in groepen)",
    command_language="Taal kiezen",
    command_privacy="Wat wordt er bewaard?",
    topics_heading="Kies een document om de onderwerpen te zien:",
    topics_document="<b>{title}</b>\n{date}\nKies een vraag of alinea:",
    sources_heading="<b>De documenten waaruit ik citeer</b>",
    entries_count="Antwoorden: {count}",
    document_not_held="{reference} staat niet in het antwoordbestand; ik citeer alleen uit de documenten die /sources toont.",
    no_documents="Er staan nog geen documenten in het antwoordbestand.",
    button_helpful="👍 Nuttig",
    button_not_helpful="👎 Niet nuttig",
    button_source="📄 Bron",
    button_link="🔗 Officiële tekst",
    button_earlier="🕓 Eerder standpunt",
    button_newer="🆕 Nieuwer document",
    button_back="⬅️ Terug",
    button_previous="◀️",
    button_next="▶️",
    feedback_thanks="Dank voor uw feedback.",
    button_stale="Deze knop werkt niet meer. Stel uw vraag opnieuw.",
    no_such_suggestion="Er is geen suggestie {number} om te kiezen. Stel uw vraag opnieuw.",
    language_prompt="Kies de taal van knoppen en meldingen (de officiële teksten blijven Nederlands):",
    language_set="De taal is nu Nederlands.",
    not_text="Ik begrijp alleen tekst. Typ uw vraag als gewoon bericht.",
    unknown_command="Dat commando ken ik niet. /help laat zien wat ik kan; een vraag kunt u gewoon typen.",
    ask_usage="Gebruik: /ask &lt;uw vraag&gt;, bijvoorbeeld /ask welke sancties gelden er tegen Belarus?",
    error="Er ging iets mis. Probeer het straks opnieuw.",
    flood="U stuurt veel berichten kort na elkaar. Wacht even; daarna antwoord ik weer.",
    inline_no_results="Geen officieel antwoord gevonden",
    inline_help="Typ een vraag over het beleid ten aanzien van Belarus",
    part_unsure="Bij dit deel van uw bericht weet ik niet zeker welke passage u bedoelt: {part}. Bedoelt u een van deze?",
    document_not_found=(
        "Geen document in het antwoordbestand past bij „{description}”; ik citeer alleen uit de documenten die /sources toont."
    ),
    documents_fitting="Meer dan één document past hierbij ({count}); noem ook de datum of het nummer:",
    documents_choose="Meer dan één document past hierbij ({count}); kies er een:",
    documents_choose_entry="{label} van welk document? Er passen er meer dan één ({count}); kies er een:",
    no_such_entry="{label} bestaat niet in {kind} van {date}; de nummers lopen van {first} tot en met {last}.",
)
