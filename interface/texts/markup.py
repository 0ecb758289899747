"""Interface texts come in two kinds, told apart by their type: `Html`, Telegram HTML that a Telegram
renderer sends as it is (its values escaped), and `Plain`, words that every renderer escapes for
Telegram and a terminal prints as they are.

Both are checked when the texts are built (at import): an `Html` text uses only the tags Telegram
allows, balanced and nested, and writes `<`, `>` and `&` only as entities; a `Plain` text holds no
Telegram tag and no entity, so that a console or the command line can never print markup. A `<id>`
in a plain text is a placeholder shown literally (a command's usage), not a tag.
"""

from __future__ import annotations

import html
import re
from typing import Annotated

from pydantic import AfterValidator

#: The tags of Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style).
TELEGRAM_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre",
     "blockquote"}
)
#: Tags that may carry attributes (a link's href, a spoiler's class, a code block's language, ...).
_WITH_ATTRIBUTES = frozenset({"a", "span", "tg-emoji", "code", "blockquote"})

_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9A-Fa-f]+);")
_MARKUP = re.compile(r"<(/?)([A-Za-z][\w-]*)(\s[^<>]*)?>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")

def telegram_html(value: str) -> str:
    """`value` itself when it is Telegram HTML: allowed tags, balanced and nested, entities only."""
    open_tags: list[str] = []
    position = 0
    while position < len(value):
        character = value[position]
        if character == "<":
            tag = _TAG.match(value, position)
            if tag is None:
                raise ValueError(f"a bare '<' at {position} (write &lt;): {value[position:position + 20]!r}")
            closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
            if name not in TELEGRAM_TAGS:
                raise ValueError(f"<{name}> is not a tag Telegram allows")
            if closing:
                if not open_tags or open_tags[-1] != name:
                    expected = f"</{open_tags[-1]}>" if open_tags else "no closing tag"
                    raise ValueError(f"</{name}> where {expected} was due: the tags are not balanced")
                open_tags.pop()
            else:
                if attributes and name not in _WITH_ATTRIBUTES:
                    raise ValueError(f"<{name}> takes no attributes in Telegram HTML")
                open_tags.append(name)
            position = tag.end()
        elif character == "&":
            entity = _ENTITY.match(value, position)
            if entity is None:
                raise ValueError(f"a bare '&' at {position} (write &amp;)")
            position = entity.end()
        elif character == ">":
            raise ValueError(f"a bare '>' at {position} (write &gt;)")
        else:
            position += 1
    if open_tags:
        raise ValueError(f"<{open_tags[-1]}> is never closed: the tags are not balanced")
    return value


def plain_text(value: str) -> str:
    """`value` itself when it holds no Telegram tag and no HTML entity (a '<id>' placeholder is words)."""
    for found in _MARKUP.finditer(value):
        if found.group(0).startswith("&") or found.group(2).lower() in TELEGRAM_TAGS:
            raise ValueError(f"a plain text holds markup {found.group(0)!r}: type the text Html, or write it plainly")
    return value


#: Telegram HTML, already markup: a Telegram renderer sends it as it is (escaping only what it inserts).
Html = Annotated[str, AfterValidator(telegram_html)]
#: Words without markup: a Telegram renderer escapes them, a terminal prints them.
Plain = Annotated[str, AfterValidator(plain_text)]


def html_to_plain(text: str) -> str:
    """Telegram HTML as a terminal shows it: the tags dropped, the entities read."""
    return html.unescape(_TAG.sub(lambda tag: "" if tag.group(2).lower() in TELEGRAM_TAGS else tag.group(0), text))
