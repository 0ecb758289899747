"""A message that only thanks ('thank you', 'dank je wel', 'большое спасибо', 'вялікі дзякуй', 'thanks a
lot!', 'dank u wel voor het antwoord'): answered with a short "you're welcome" in its language, never
read as a question (nor queued for moderators as one the bot could not answer)."""

from __future__ import annotations

from knowledge.models import Language
from knowledge.text.analysis import tokens

#: Longest thank-you message: more words than this is a message that also says or asks something.
MAX_WORDS = 8


def _words(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


#: The words that thank, by language (as typed, also in Latin letters).
THANK_WORDS: dict[Language, frozenset[str]] = {
    Language.NL: _words("dank bedankt dankjewel dankjwel dankuwel merci"),
    Language.EN: _words("thanks thank thx ty thankyou tnx"),
    Language.RU: _words("спасибо спс благодарю благодарна благодарен spasibo spasibki blagodaryu blagodarju"),
    Language.BE: _words("дзякуй дзякую dziakuj dzjakuj dziakuju dzjakuju dzyakuj dziakuy"),
}
#: Words that go with thanks ('a lot', 'heel erg', 'большое', 'вялікі', 'for the answer', 'за ответ').
_AROUND = _words(
    "a lot so very much many you u je jullie wel hartelijk heel erg zeer veel voor het de dit antwoord antwoorden "
    "info informatie hulp uitleg for the this answer answers help info information again anyway ok okay oké great "
    "that helps helped hoor top super prima fijn nice cool oh ah hi hey hallo dear all bot "
    "большое огромное вам тебе за ответ ответы помощь информацию очень всё все ок хорошо понятно ясно "
    "вялікі вялікае вам табе за адказ адказы дапамогу інфармацыю вельмі ўсё добра зразумела "
    # ...and as they are typed in Latin letters ('bolshoe spasibo', 'dziakuj vialiki', 'vialiki dziakuj za adkaz')
    "za bolshoe bolshoye ogromnoe ochen vse vsjo vsyo otvet otvety pomosch pomoshch pomosh informaciju tebe "
    "vialiki vjaliki vialikaje vialikae vjalikaje adkaz adkazy dapamohu vielmi velmi usio dobra"
)
_THANKING = frozenset().union(*THANK_WORDS.values())


def only_thanks(text: str) -> bool:
    """Whether a message only thanks: a thanking word, and nothing but the words that go with thanks."""
    words = tokens(text)
    if not words or len(words) > MAX_WORDS or not any(w in _THANKING for w in words):
        return False
    return all(w in _THANKING or w in _AROUND for w in words)


def thanks_language(text: str) -> Language | None:
    """The language a thank-you message is written in, when its thanking words tell one ('дзякуй вам'
    is Belarusian, though 'вам' is Russian too); None for anything else."""
    if not only_thanks(text):
        return None
    words = tokens(text)
    votes = {language: sum(w in known for w in words) for language, known in THANK_WORDS.items()}
    best = max(votes.values())
    winners = [language for language, count in votes.items() if count == best]
    return winners[0] if len(winners) == 1 else None
