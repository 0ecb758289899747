"""Whether a document's last text stops in the middle of a sentence (the copy was cut off), judged by
what the end itself shows rather than by a missing full stop: official texts also end in a closing
bracket, a list item, a web address, a figure or a word without punctuation.

Evidence of a cut: a word broken at a hyphen, a comma or semicolon or colon, an opened bracket or quote
that is not closed, a word that only connects to what follows ('de', 'van', 'en', 'dat'), or a last
word that is no word at all (cut mid-word: 'geïnfor'), or a finite verb that needs what follows ('Het
kabinet zal', '… dat de minister heeft'), wherever the line it ends stands: a copy also stops on a
short line."""

from __future__ import annotations

import re

from knowledge.text.analysis import fold
from knowledge.text.dictionary import is_word

#: Words a Dutch sentence does not end with: articles, prepositions, conjunctions, a relative pronoun.
CONNECTING_WORDS = frozenset(
    """de het een der des den en of maar want dus noch dat die dan als om te tot van voor aan op in uit met
    door over bij naar onder tegen tussen zonder sinds vanaf via volgens binnen buiten na per omdat
    doordat zodat terwijl hoewel indien wanneer waarbij waarin waarop waarmee welke wiens wier zowel
    alsmede alsook evenals zoals""".split()
)
#: Finite verbs (auxiliaries, modals) a sentence does not stop on: each needs a verb or an object after
#: it. ('is', 'zijn', 'was' may end a clause: '… waar dat mogelijk is'.)
NEEDING_VERBS = frozenset(
    """zal zullen zou zouden kan kunnen kon konden moet moeten moest moesten wil willen wilde wilden mag mogen
    heeft hebben had hadden wordt worden werd werden""".split()
)
#: Determiners a noun must follow.
NEEDING_DETERMINERS = frozenset("onze uw elke ieder iedere".split())
#: Words that open a subordinate clause, whose finite verb stands last ('Dat is wat het kabinet wil').
SUBORDINATORS = frozenset(
    """dat die wat wie welke waar als of omdat doordat zodat zoals terwijl hoewel indien wanneer nadat voordat
    totdat sinds hoe waarom waarmee waarin waarop waarvoor waardoor waarover waaraan""".split()
)
_LAST_WORD = re.compile(r"(\w+)$")
_OPENED_CLOSED = (("(", ")"), ("[", "]"), ("‘", "’"), ("“", "”"), ("«", "»"))


def looks_cut_off(text: str) -> bool:
    """True when the text's end shows that it stops mid-sentence (see the module's docstring)."""
    end = text.rstrip()
    if not end:
        return False
    if end[-1] in ",;:-–(" or end.endswith(("‘", "“", "«")):
        return True
    if any(end.count(opened) > end.count(closed) for opened, closed in _OPENED_CLOSED):
        return True  # an aside opened and never closed
    m = _LAST_WORD.search(end)
    if m is None or re.search(r"https?://\S+$", end):
        return False  # ends in punctuation that closes, or in a web address
    word = m.group(1)
    if word.lower() in CONNECTING_WORDS or word.lower() in NEEDING_DETERMINERS:
        return True
    if word.lower() in NEEDING_VERBS:
        return _stops_on_auxiliary(end)
    return word.isalpha() and word.islower() and len(word) > 1 and not _is_dutch_word(fold(word))


def _stops_on_auxiliary(end: str) -> bool:
    """Whether the clause the text ends in stops on its auxiliary: a main clause ('… en het kabinet zal'),
    not a subordinate one, whose verb comes last ('…, zoals de Kamer wil')."""
    clause = re.split(r"[.!?,;:]\s", end)[-1]
    return not any(word in SUBORDINATORS for word in fold(clause).split()[:-1])


def _is_dutch_word(word: str) -> bool:
    """A known word, or a compound of two of at least four letters each ("detentieomstandigheden"), perhaps
    joined by an "s"."""
    if is_word(word):
        return True
    return any(
        is_word(word[:i]) and (is_word(word[i:]) or word[i] == "s" and is_word(word[i + 1 :]))
        for i in range(4, len(word) - 3)
    )
