"""English."""

from interface.texts import Texts

TEXTS = Texts(
    code="en",
    language_name="English",
    answer_heading="Official answer",
    suggest_heading="I am not sure what you mean. Did you mean one of these questions?",
    suggest_heading_one="I am not sure what you mean. Did you mean this question?",
    no_answer=(
        "I have no official answer on that. I only quote what the Dutch government itself has written "
        "about Belarus: letters to Parliament and answers to parliamentary questions (in Dutch)."
    ),
    no_answer_scope=(
        "I only quote what the Dutch government itself has written about Belarus: "
        "letters to Parliament and answers to parliamentary questions (in Dutch)."
    ),
    part_unanswered="I have no official answer to this part of your message: {part}",
    later_time_suggestions=(
        "You ask about a later time than the documents. I have no newer official figure; "
        "the documents answer the questions below as of their own date."
    ),
    later_time_no_answer="You ask about a later time than the documents. I have no newer official figure.",
    untold_fate=(
        "I have no official text on what has become of anyone since the date of the documents "
        "(release, sentence, pardon)."
    ),
    untold_practical="Addresses, travel advice and visiting arrangements are not in the official texts: they describe policy.",
    untold_count="I have no official figure for that.",
    related_heading="The official passages that come closest:",
    notes_offered="A moderator also wrote a note on this (not official text):",
    greeting=(
        "Hello! Ask your question about Dutch policy on Belarus; I answer with the official text (in Dutch) "
        "and an unofficial translation of it."
    ),
    welcome="You're welcome! Feel free to ask another question.",
    help_pointer="To see how to ask, send /help. For example: Which sanctions has the EU imposed on Belarus?",
    invalid_empty="Your question is empty. Type a question, for example: What sanctions apply to Belarus?",
    invalid_markup=(
        "Your question is only markup (HTML tags), with no words. "
        "Type a question, for example: What sanctions apply to Belarus?"
    ),
    invalid_too_long="Your question is too long (over {limit} characters). Please ask a shorter question.",
    invalid_not_text=(
        "That is not text I can read (a file?). "
        "Type a question, for example: What sanctions apply to Belarus?"
    ),
    confidence="confidence {value:.0%}",
    as_of="Position as of {date}",
    earlier_position="Earlier position",
    newer_document="There is a newer document on this, of {date}",
    link="Official text",
    no_link="No link to the official text is known; where to find it: {where}.",
    no_number="official number not yet established",
    references="References",
    footnotes="Footnotes",
    kind_kamerbrief="Letter to Parliament (Kamerbrief)",
    kind_kamervragen="Answers to parliamentary questions",
    kind_short_kamerbrief="Letter",
    kind_short_kamervragen="Answers to questions",
    question_label="Question {number}",
    paragraph_label="paragraph {number}",
    months="January February March April May June July August September October November December".split(),
    official_question="Question",
    moderator_note="📝 A moderator's note, not official text: not the government's words",
    note_citation="Written by a Standpunt moderator, not a quotation from the document; about: {about}",
    note_in_dutch="This moderator's note is written in Dutch and has not been translated.",
    translation_label="Unofficial translation (English)",
    translation_stale=(
        "This translation was made for an earlier version of the official text and may differ from it; the "
        "official Dutch text below is what counts."
    ),
    no_translation="There is no translation of this answer yet. Below is the official text in Dutch.",
    official_text_label="Official text (Dutch), which is authoritative:",
    translated_question="Question (translated)",
    start=(
        "<b>Standpunt</b> answers questions about Dutch government policy on Belarus in the government's own "
        "words: I quote letters to Parliament (Kamerbrieven) and answers to parliamentary questions verbatim, "
        "with their source. The official texts are in Dutch.\n\nJust ask your question, in English, Dutch, Russian or "
        "Belarusian. For example:\n• What sanctions has the EU imposed on Belarus?\n"
        "• Is there a hotline if I feel threatened?\n\nIf there is no official answer, I say so. Standpunt is "
        "not a government channel; each answer links to the official text where the link is known. /topics and /sources "
        "show what I know, /privacy what I keep."
    ),
    help=(
        "Type your question as a normal message. I reply with the official text and its source (document, date, "
        "ministers, question or paragraph number).\n\n/topics – browse topics and documents\n"
        "/sources – the documents with dates and links (where known)\n/ask &lt;question&gt; – ask in a group\n"
        "/language – language of buttons and messages\n/privacy – what I keep and what not\n\n"
        "In any chat you can also type <code>@{bot} your question</code> to share an official answer."
    ),
    privacy=(
        "<b>What Standpunt keeps</b>\n"
        "• Per day, how many questions were answered, got suggestions, or got no answer, "
        "and how many came in each language.\n"
        "• Questions without a good answer: their text, so that moderators can fill the gap, with phone numbers "
        "and other long numbers, e-mail addresses, @names, postcodes, street addresses and your name after 'my name "
        "is' or 'I am'"
        " and a relative's name ('my brother …') taken out. Not who asked or in which chat; deleted after {days} days. "
        "Other names and places you write "
        "in a question stay in it: leave them out if you can.\n"
        "• 👍/👎: only the count per answer per day.\n\n"
        "<b>What Standpunt does not keep</b>\n"
        "• No Telegram id, name, username or chat id with questions, feedback or statistics.\n"
        "• No message texts or user ids in the logs.\n"
        "• Your language choice and the flood counter live in memory only and are gone after a restart.\n\n"
        "Telegram itself sees your messages; Telegram's privacy policy applies to that."
    ),
    command_start="What is Standpunt?",
    command_help="How to ask",
    command_topics="Browse topics",
    command_sources="The official documents",
    command_ask="Ask a question (in groups)",
    command_language="Choose language",
    command_privacy="What is kept?",
    topics_heading="Choose a document to see its topics:",
    topics_document="<b>{title}</b>\n{date}\nChoose a question or paragraph:",
    sources_heading="<b>The documents I quote from</b>",
    entries_count="Answers: {count}",
    document_not_held="{reference} is not in the store; I quote only from the documents /sources lists.",
    no_documents="There are no documents in the store yet.",
    button_helpful="👍 Helpful",
    button_not_helpful="👎 Not helpful",
    button_source="📄 Source",
    button_link="🔗 Official text",
    button_earlier="🕓 Earlier position",
    button_newer="🆕 Newer document",
    button_back="⬅️ Back",
    button_previous="◀️",
    button_next="▶️",
    feedback_thanks="Thank you for your feedback.",
    button_stale="This button no longer works. Please ask your question again.",
    no_such_suggestion="There is no suggestion {number} to choose. Please ask your question again.",
    language_prompt="Choose the language of buttons and messages (official texts stay in Dutch):",
    language_set="The language is now English.",
    not_text="I only understand text. Type your question as a normal message.",
    unknown_command="I do not know that command. /help shows what I can do; you can simply type a question.",
    ask_usage="Usage: /ask &lt;your question&gt;, for example /ask what sanctions apply to Belarus?",
    error="Something went wrong. Please try again later.",
    flood="You are sending many messages in a short time. Please wait a moment; then I will answer again.",
    inline_no_results="No official answer found",
    inline_help="Type a question about Dutch policy on Belarus",
    part_unsure="For this part of your message I am not sure which passage you mean: {part}. Is it one of these?",
    document_not_found="No document in the store fits “{description}”; I quote only from the documents /sources lists.",
    documents_fitting="More than one document fits ({count}); add its date or number:",
    documents_choose="More than one document fits ({count}); choose one:",
    documents_choose_entry="{label} of which document? More than one fits ({count}); choose one:",
    no_such_entry="{label} is not in the {kind} of {date}; its entries are numbered {first} to {last}.",
)
