"""Nederlands."""

from bot.texts import Texts

TEXTS = Texts(
    language_name="Nederlands",
    answer_heading="Officieel antwoord",
    suggest_heading="Ik weet niet zeker wat u bedoelt. Bedoelt u een van deze vragen?",
    no_answer=(
        "Daarover heb ik geen officieel antwoord. Ik citeer alleen wat de Nederlandse regering zelf heeft "
        "geschreven over Belarus: Kamerbrieven en antwoorden op Kamervragen."
    ),
    greeting="Hallo! Stel uw vraag over het Nederlandse beleid ten aanzien van Belarus; ik antwoord met de officiële tekst.",
    invalid_empty="Uw vraag is leeg. Typ een vraag, bijvoorbeeld: Welke sancties gelden er tegen Belarus?",
    invalid_too_long="Uw vraag is te lang (meer dan {limit} tekens). Stel een kortere vraag.",
    confidence="zekerheid {value:.0%}",
    as_of="Stand van {date}",
    earlier_position="Eerder standpunt",
    link="Officiële tekst",
    references="Verwijzingen",
    footnotes="Voetnoten",
    see_also="Zie ook",
    kind_kamerbrief="Kamerbrief",
    kind_kamervragen="Antwoord op Kamervragen",
    question_label="Vraag {number}",
    paragraph_label="alinea {number}",
    months="januari februari maart april mei juni juli augustus september oktober november december".split(),
    official_question="Vraag",
)
