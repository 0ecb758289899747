"""English."""

from bot.texts import Texts

TEXTS = Texts(
    language_name="English",
    answer_heading="Official answer",
    suggest_heading="I am not sure what you mean. Did you mean one of these questions?",
    no_answer=(
        "I have no official answer on that. I only quote what the Dutch government itself has written "
        "about Belarus: letters to Parliament and answers to parliamentary questions (in Dutch)."
    ),
    greeting="Hello! Ask your question about Dutch policy on Belarus; I answer with the official text (in Dutch).",
    invalid_empty="Your question is empty. Type a question, for example: What sanctions apply to Belarus?",
    invalid_too_long="Your question is too long (over {limit} characters). Please ask a shorter question.",
    confidence="confidence {value:.0%}",
    as_of="Position as of {date}",
    earlier_position="Earlier position",
    link="Official text",
    references="References",
    footnotes="Footnotes",
    see_also="See also",
    kind_kamerbrief="Letter to Parliament (Kamerbrief)",
    kind_kamervragen="Answers to parliamentary questions",
    question_label="Question {number}",
    paragraph_label="paragraph {number}",
    months="January February March April May June July August September October November December".split(),
    official_question="Question",
)
