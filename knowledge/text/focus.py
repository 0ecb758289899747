"""Find the question(s) in a message, so that the story around them does not dilute the match.

People write two or three sentences about a brother, a city or their fear, and then ask. Every
word of that story counts against the passage that answers the question itself. A message is split
into sentences; the interrogative ones (a question mark, or a question word or verb first) are the
questions, the others context. A question sentence that asks two things joined by 'and' + a question
word ('How many ... and is Lukashenko on the list?') is split into its two questions.

A question sentence that points back ('Doet Nederland hier iets mee?', 'Gaan diplomaten naar zulke
processen?', 'Is that true?') leans on its story: what it asks about is in the sentence before it
(`leans`), which the matcher then reads as part of the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text.analysis import fold, tokens

#: Words that open a question (folded), in the four languages of the users.
QUESTION_OPENERS = frozenset(
    (
        "wat welke welk hoe waarom wanneer waar wie hoeveel waarover kan kun kunt kunnen mag mogen is zijn "
        "heeft hebben doet doen gaat gaan komt komen wordt worden zal zullen zou moet moeten klopt weet "
        "what which how why when where who whom can could is are was were does do did will would should "
        "has have any "
        "что как почему зачем когда где кто сколько какие какой какая каких можно ли есть будет будут "
        "правда разве существует пускают помогает помогают делает делают "
        "што як чаму навошта калі дзе хто колькі які якая якія ці можна ёсць есць будзе праўда"
    ).split()
)
#: Words that point back to what was said before (folded): a question with one of them asks about
#: the story's content ('daar', 'zulke', 'such', 'это', 'гэта'). Pronouns that mostly name a
#: person ('hij', 'he') point at the asker's people, not at what is asked, and are left out, as are
#: the words that mostly point at nothing ('het', 'er', 'it', 'there': 'is there a ...').
ANAPHORS = frozenset(
    fold(word)
    for word in (
        "daar daarover daarvan daarmee daarop daartegen daaraan daarbij daarin daarnaar daarvoor daarachter "
        "hier hierover hiervan hiermee hierop hiertegen hieraan hierbij hierin hiervoor ervan erover ermee "
        "erop ertegen eraan erbij naartoe dit dat deze die zulke zulk zoiets "
        "this that these those such "
        "это этого этому этим этом эти этих такие такое такой таких такая там тут туда "
        "гэта гэтага гэтым гэтыя гэтых такія такое такі такая там тут туды"
    ).split()
)
_CONJUNCTIONS = ("and", "en", "и", "і", "or", "of", "или", "ці", "а")
#: Sentence ends: after '?' always; after '.', '!' or '…' before a capital ('nr. 2248' goes on), or
#: before a question word typed in lower case on a phone ('... erbarmelijk. zijn er sancties?').
_BOUNDARY = re.compile(
    r"(?<=\?)\s*|(?<=[.!…])\s+(?=[\"'“‘«(]?[A-ZÀ-Ý\u0400-\u042f])|(?<=[a-zà-ÿ\u0430-\u045f]{2}[.!…])\s+(?=(?:"
    + "|".join(sorted(QUESTION_OPENERS, key=len, reverse=True))
    + r")\s)"
)
#: A second question inside a sentence: ', and is ...', ' и как ...', ' en hoeveel ...'.
_SECOND = re.compile(
    r"(?:,\s*|\s+)(?:"
    + "|".join(_CONJUNCTIONS)
    + r")\s+(?=(?:"
    + "|".join(sorted(QUESTION_OPENERS, key=len, reverse=True))
    + r")\b)",
    re.IGNORECASE,
)
#: Parts shorter than this many letters are no question of their own ('and why?').
MIN_PART = 12


@dataclass(frozen=True)
class Part:
    text: str
    is_question: bool


def parts(message: str) -> list[Part]:
    """The message's sentences in order, each marked as a question or context.

    With no interrogative sentence at all (a keyword query, a statement), every sentence counts as
    the question: there is nothing to tell apart.
    """
    found = sentences(message)
    if len(found) <= 1:
        return [Part(message, True)]
    marked = [Part(s, interrogative(s)) for s in found]
    if not any(p.is_question for p in marked):
        return [Part(s, True) for s in found]
    return marked


def sentences(message: str) -> list[str]:
    """The message's sentences in order (see _BOUNDARY)."""
    # A sentence needs a word: '??' or '?!' ends the sentence before it, it is not one of its own.
    return [s.strip() for s in _BOUNDARY.split(message) if s and any(c.isalnum() for c in s)]


def questions(message: str) -> list[str]:
    """The separate questions a message asks: its interrogative sentences, each split where it asks
    a second thing; a single question when there is only one."""
    found: list[str] = []
    marked = parts(message)
    if all(p.is_question for p in marked) and not any(interrogative(p.text) for p in marked):
        return [message]
    for part in marked:
        if not part.is_question:
            continue
        pieces = [p.strip(" ,;") for p in _SECOND.split(part.text)]
        if len(pieces) > 1 and all(len(p) >= MIN_PART for p in pieces):
            found += pieces
        else:
            found.append(part.text)
    return found


#: Anaphors that also go before a noun ('die omstandigheden', 'zulke processen', 'such trials',
#: 'такие сигналы'), or join a clause ('signalen dat Minsk ...'): then the sentence names what it
#: asks about itself, so only standing alone (before a function word or at the end) do they point back.
DETERMINERS = frozenset(
    fold(word)
    for word in (
        "dit dat deze die zulke zulk this that these those such "
        "эти этих такие такое такой таких такая такія такое такі такая гэтыя гэтых"
    ).split()
)


def leans(sentence: str, function_words: frozenset[str] = frozenset()) -> bool:
    """The sentence points back to what was said before it (ANAPHORS): 'Kan Nederland daar iets
    tegen doen?', 'Is dat waar?'; a determiner only when no content word follows it (`function_words`
    are the words that carry none)."""
    words = tokens(sentence)
    for i, word in enumerate(words):
        if word not in ANAPHORS:
            continue
        following = words[i + 1] if i + 1 < len(words) else None
        if word not in DETERMINERS or following is None or following in function_words:
            return True
    return False


#: Requests that ask without a question mark ('Ik wil graag weten wat ...', 'Подскажите, ...'), as
#: folded words: a long message is read as its question sentences (long_messages.py), and a story
#: often ends in one of these instead.
REQUESTS = tuple(
    " ".join(tokens(phrase))
    for phrase in (
        "wil graag weten", "wil ik graag weten", "ik wil weten", "wil ik weten", "graag willen weten",
        "vraag me af", "vraag ik me af", "vraag mij af", "vraag ik mij af",
        "want to know", "like to know", "i wonder", "please tell me", "please explain",
        "хочу узнать", "бы узнать", "хочу спросить", "хотим узнать", "подскажите", "скажите", "объясните",
        "хачу ведаць", "хачу даведацца", "б даведацца", "хацелася б ведаць", "падкажыце", "скажыце", "растлумачце",
    )
)


def asks(sentence: str) -> bool:
    """The sentence asks by a request (REQUESTS), with or without a question mark."""
    words = f" {' '.join(tokens(sentence))} "
    return any(f" {phrase} " in words for phrase in REQUESTS)


def interrogative(sentence: str) -> bool:
    """A question mark at its end, a question word or verb first, or a request (asks)."""
    if sentence.rstrip().endswith("?"):
        return True
    words = fold(sentence).split()
    return bool(words) and words[0].strip(",:;\"'") in QUESTION_OPENERS or asks(sentence)
