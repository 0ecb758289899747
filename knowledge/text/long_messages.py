"""Read a message longer than the question limit as its question sentences and a little of its story.

Diaspora members write several paragraphs (a relative in prison, a city, fear, a demonstration)
and then ask. Refusing that as 'too long' leaves them without the answer a short message gets. The
message is split into paragraphs and sentences (focus.sentences); its question sentences (a question
mark, or a request such as 'ik wil graag weten ...'; else a question word first, focus.interrogative)
are kept whole and in order, with the story sentences nearest to them (the one before a question
first: a question that points back leans on it) up to STORY_SENTENCES, all within the normal length.
What comes out is what the asker would have sent as a short message, so it is answered as one.

A message with no question sentence, or whose question sentences alone exceed the normal length,
is not read this way: there is nothing to pick out, and the caller refuses it as too long.
"""

from __future__ import annotations

import re

from knowledge.text import focus

#: Story sentences kept with the question(s): the shape of a short message with a story ('two or
#: three sentences about a brother, a city, fear; then the question'), which matching is calibrated on.
STORY_SENTENCES = 3
#: A kept sentence that ends in none of these gets a full stop, so that it stays a sentence of its
#: own once the paragraphs are joined (phones often leave the last full stop of a paragraph out).
_ENDS = ".!?…:;"
_QUOTES = "\"'”’»)"
_PARAGRAPHS = re.compile(r"\s*\n\s*")


def split(message: str) -> list[str]:
    """The message's sentences in order: a paragraph always ends one (see focus.sentences)."""
    return [s for paragraph in paragraphs(message) for s in paragraph]


def paragraphs(message: str) -> list[list[str]]:
    """The message's paragraphs, each as its sentences (whitespace made single spaces)."""
    found = [[" ".join(s.split()) for s in focus.sentences(p)] for p in _PARAGRAPHS.split(message)]
    return [[s for s in paragraph if s] for paragraph in found if any(paragraph)]


def condensed(message: str, limit: int) -> str | None:
    """The message as its question sentences with the nearest story sentences, at most `limit`
    characters; None when it has no question sentence or they alone are longer than `limit`."""
    split_up = paragraphs(message)
    sentences = [s for paragraph in split_up for s in paragraph]
    starts = [sum(len(p) for p in split_up[:n]) for n in range(len(split_up))]
    asked = [i for i, s in enumerate(sentences) if s.rstrip(_QUOTES).endswith("?") or focus.asks(s)]
    if not asked:
        # A question word first is a question only as a paragraph of its own ('welke sancties gelden er
        # nu'): in a story it mostly begins a clause ('Когда я ему позвонил, ...', 'When I came here, ...').
        alone = [start for start, p in zip(starts, split_up, strict=True) if len(p) == 1]
        asked = [i for i in alone if focus.interrogative(sentences[i])]
    if not asked:
        return None
    shown = [_ended(s) for s in sentences]
    kept = set(asked)
    length = sum(len(shown[i]) + 1 for i in asked) - 1
    if length > limit:
        return None
    # Not those the matcher would take for questions (a question word first): they would be asked.
    story = [i for i, s in enumerate(sentences) if i not in kept and not focus.interrogative(s)]
    # Nearest to a question first; at the same distance, the sentence before it (what it points back to).
    story.sort(key=lambda i: min((abs(i - q), i > q) for q in asked))
    for i in story[:STORY_SENTENCES]:
        if length + 1 + len(shown[i]) <= limit:
            kept.add(i)
            length += 1 + len(shown[i])
    return " ".join(shown[i] for i in sorted(kept))


def _ended(sentence: str) -> str:
    return sentence if sentence[-1] in _ENDS else sentence + "."
