"""A message that only asks for help ('help', 'help me please', 'hulp', 'помогите пожалуйста',
'дапамажыце', 'dapamažycie'): the asker does not know what to type. It gets a pointer to /help and an
example question in its language, never "did you mean" passages that a lone 'help' happens to match.

A message that asks for help WITH something ('can the government help me?', 'помогите, мне угрожают
в телеграме') has words of its own besides these and is a question for the matcher, as before.
"""

from __future__ import annotations

from knowledge.models import Language
from knowledge.text.analysis import tokens

#: Longest help request: more words than this is a message that also says or asks something.
MAX_WORDS = 6


def _words(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


#: The words that ask for help, by language (as typed, also in Latin letters; folded, so 'dapamažycie'
#: is 'dapamazycie'). 'help' is Dutch as well as English: it tells no language by itself.
HELP_WORDS: dict[Language, frozenset[str]] = {
    Language.NL: _words("help hulp helpen helpt hulpje"),
    Language.EN: _words("help helpme"),
    Language.RU: _words("помогите помоги помощь помочь pomogite pomogi pomosch pomoshch pomosh"),
    Language.BE: _words(
        "дапамажыце дапамажы дапамога дапамогі дапамагчы dapamazycie dapamazy dapamazhytse dapamazhy dapamoha"
    ),
}
#: Words that go with a bare request for help, by the language they belong to ('please', 'alstublieft',
#: 'пожалуйста', 'калі ласка'); None: several languages use them alike ('hi', 'ok', 'me').
_AROUND: dict[Language | None, frozenset[str]] = {
    Language.NL: _words("mij alstublieft alsjeblieft aub ajb graag ik heb nodig even hallo hoi nou wil"),
    Language.EN: _words("please pls plz i need want someone anybody somebody urgent hello hi"),
    Language.RU: _words("пожалуйста пжл мне нам срочно нужна нужно здравствуйте привет pozhalujsta pozhaluysta mne srochno"),
    Language.BE: _words("калі ласка мне нам тэрмінова патрэбна трэба вітаю прывітанне kali laska"),
    None: _words("me help sos ok hey bot"),
}
_ASKING = frozenset().union(*HELP_WORDS.values())
_ALLOWED = _ASKING.union(*_AROUND.values())


def only_asks_help(text: str) -> bool:
    """Whether a message only asks for help: a help word, and nothing but the words that go with one."""
    words = tokens(text)
    if not words or len(words) > MAX_WORDS or not any(w in _ASKING for w in words):
        return False
    return all(w in _ALLOWED for w in words)


def help_language(text: str) -> Language | None:
    """The language a help request is written in, when its words tell one ('hulp' Dutch, 'дапамажыце'
    Belarusian though it has neither 'і' nor 'ў', 'help me please' English); None for a bare 'help' and
    for anything that is no help request."""
    if not only_asks_help(text):
        return None
    words = tokens(text)
    votes = {
        language: sum(w in HELP_WORDS[language] or w in _AROUND[language] for w in words) for language in HELP_WORDS
    }
    best = max(votes.values())
    winners = [language for language, count in votes.items() if count == best]
    return winners[0] if best and len(winners) == 1 else None
