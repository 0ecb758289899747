"""Telegram's HTML subset (parse_mode="HTML"): a strict checker modelled on tdlib's parser.

Differences from tdlib, on purpose: a bare ``&`` that does not start ``&lt;``, ``&gt;``,
``&amp;``, ``&quot;`` or a numeric reference ending in ``;`` is an error here (Telegram
silently keeps it), because the Bot API documentation requires escaping it and an unescaped
``&`` usually means an unescaped ``<`` is around the corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_SPACES = " \t\r\n\v\f\0"
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
}
SUPPORTED_TAGS = frozenset(_SIMPLE_TAGS)


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, the unit Telegram counts limits and offsets in."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _OpenTag:
    """A start tag waiting for its end tag."""

    name: str
    offset: int
    attributes: dict[str, str]
    char_start: int
    language: str | None = None


@dataclass
class _Parser:
    """State of one parse: input, position, visible output, open tags and finished entities."""

    text: str
    pos: int = 0
    out: list[str] = field(default_factory=list)
    offset: int = 0
    chars: int = 0
    stack: list[_OpenTag] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def peek(self, ahead: int = 0) -> str:
        """The character `ahead` places after the cursor, or '' at the end."""
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else ""

    def byte_offset(self, index: int) -> int:
        """UTF-8 byte offset of character `index`, as tdlib reports positions."""
        return len(self.text[:index].encode("utf-8"))

    def emit(self, chunk: str) -> None:
        """Append visible text."""
        self.out.append(chunk)
        self.offset += utf16_len(chunk)
        self.chars += len(chunk)

    def error(self, message: str) -> ValueError:
        """A parse error (not raised here, so callers can `raise parser.error(...)`)."""
        return ValueError(message)


def _decode_entity(parser: _Parser) -> str:
    """Decode the character reference at the cursor (which is on '&') and move past it."""
    text, start = parser.text, parser.pos
    end = text.find(";", start + 1, start + 12)
    body = text[start + 1 : end] if end != -1 else ""
    char = _entity_char(body) if end != -1 else None
    if char is None:
        raise parser.error(
            f'Unescaped "&" at byte offset {parser.byte_offset(start)}: '
            "use &amp;, &lt;, &gt;, &quot; or a numeric reference"
        )
    parser.pos = end + 1
    return char


def _entity_char(body: str) -> str | None:
    """The character named by an entity body (between '&' and ';'), or None if not supported."""
    if body in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[body]
    if not body.startswith("#") or len(body) < 2:
        return None
    digits, base = (body[2:], 16) if body[1] in "xX" else (body[1:], 10)
    allowed = "0123456789abcdefABCDEF" if base == 16 else "0123456789"
    if not digits or any(ch not in allowed for ch in digits):
        return None
    code = int(digits, base)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def _read_until(parser: _Parser, stop: str) -> str:
    """Read characters up to (not including) whitespace, end of text or a character in `stop`."""
    start = parser.pos
    while parser.peek() and parser.peek() not in _SPACES and parser.peek() not in stop:
        parser.pos += 1
    return parser.text[start : parser.pos]


def _skip_spaces(parser: _Parser) -> None:
    """Move the cursor past whitespace."""
    while parser.peek() and parser.peek() in _SPACES:
        parser.pos += 1


def _attribute_value(parser: _Parser, tag_start: int) -> str:
    """Read a quoted string literal or an unquoted name token; entities in literals are decoded."""
    quote = parser.peek()
    if quote not in ("'", '"'):
        start = parser.pos
        while parser.peek() and (parser.peek().isalnum() or parser.peek() in ".-"):
            parser.pos += 1
        if not parser.peek():
            raise parser.error(f"Unclosed start tag at byte offset {parser.byte_offset(tag_start)}")
        if parser.peek() not in _SPACES + ">":
            raise parser.error(f"Unexpected end of name token at byte offset {parser.byte_offset(parser.pos)}")
        return parser.text[start : parser.pos].lower()
    parser.pos += 1
    value: list[str] = []
    while parser.peek() and parser.peek() != quote:
        if parser.peek() == "&":
            value.append(_decode_entity(parser))
        else:
            value.append(parser.peek())
            parser.pos += 1
    if not parser.peek():
        raise parser.error(f"Unclosed start tag at byte offset {parser.byte_offset(tag_start)}")
    parser.pos += 1
    return "".join(value)


def _attributes(parser: _Parser, tag: str, tag_start: int) -> dict[str, str]:
    """Read the attributes of a start tag and the closing '>'."""
    attributes: dict[str, str] = {}
    unclosed = f"Unclosed start tag at byte offset {parser.byte_offset(tag_start)}"
    while True:
        _skip_spaces(parser)
        if not parser.peek():
            raise parser.error(unclosed)
        if parser.peek() == ">":
            parser.pos += 1
            return attributes
        name = _read_until(parser, "=>").lower()
        if not name:
            raise parser.error(f'Empty attribute name in the tag "{tag}" at byte offset {parser.byte_offset(tag_start)}')
        _skip_spaces(parser)
        if parser.peek() != "=":
            if not parser.peek():
                raise parser.error(unclosed)
            attributes[name] = ""
            continue
        parser.pos += 1
        _skip_spaces(parser)
        if not parser.peek():
            raise parser.error(unclosed)
        attributes[name] = _attribute_value(parser, tag_start)


def _check_attributes(parser: _Parser, tag: str, attributes: dict[str, str], tag_start: int) -> None:
    """Tag-specific attribute rules (unknown attributes are ignored, as Telegram does)."""
    where = f"at byte offset {parser.byte_offset(tag_start)}"
    if tag == "span" and attributes.get("class") != "tg-spoiler":
        raise parser.error(f'Tag "span" must have class "tg-spoiler" {where}')
    if tag == "tg-emoji" and not attributes.get("emoji-id", "").isdigit():
        raise parser.error(f'Tag "tg-emoji" must have a numeric attribute "emoji-id" {where}')


def _start_tag(parser: _Parser) -> None:
    """Parse a start tag at the cursor (on '<') and push it."""
    tag_start = parser.pos
    parser.pos += 1
    tag = _read_until(parser, ">").lower()
    if not parser.peek():
        raise parser.error(f"Unclosed start tag at byte offset {parser.byte_offset(tag_start)}")
    if tag not in SUPPORTED_TAGS:
        raise parser.error(f'Unsupported start tag "{tag}" at byte offset {parser.byte_offset(tag_start)}')
    attributes = _attributes(parser, tag, tag_start)
    _check_attributes(parser, tag, attributes, tag_start)
    if tag == "blockquote" and any(open_tag.name == "blockquote" for open_tag in parser.stack):
        # Bot API, MessageEntity: "Blockquote entities can't be nested" (expandable ones included).
        raise parser.error(f"Blockquote can't be nested, at byte offset {parser.byte_offset(tag_start)}")
    parser.stack.append(_OpenTag(tag, parser.offset, attributes, parser.chars))


def _end_tag(parser: _Parser) -> None:
    """Parse an end tag at the cursor (on '</'), check it matches and emit the entity."""
    tag_start = parser.pos
    where = f"at byte offset {parser.byte_offset(tag_start)}"
    if not parser.stack:
        raise parser.error(f"Unexpected end tag {where}")
    parser.pos += 2
    name = _read_until(parser, ">").lower()
    _skip_spaces(parser)
    if parser.peek() != ">":
        raise parser.error(f"Unclosed end tag {where}")
    parser.pos += 1
    open_tag = parser.stack.pop()
    if name and name != open_tag.name:
        raise parser.error(f'Unmatched end tag {where}, expected "</{open_tag.name}>", found "</{name}>"')
    _finish_entity(parser, open_tag)


def _finish_entity(parser: _Parser, tag: _OpenTag) -> None:
    """Turn a closed tag into a MessageEntity dict (empty ranges are dropped, like Telegram)."""
    length = parser.offset - tag.offset
    parent = parser.stack[-1] if parser.stack else None
    language = tag.attributes.get("class", "")
    if tag.name == "code" and parent and parent.name == "pre" and language.startswith("language-"):
        if parent.offset == tag.offset:
            parent.language = language.removeprefix("language-")
            return
    if length <= 0:
        return
    entity: dict[str, Any] = {"type": _SIMPLE_TAGS[tag.name], "offset": tag.offset, "length": length}
    if tag.name == "a":
        entity["url"] = tag.attributes.get("href") or "".join(parser.out)[tag.char_start :]
    elif tag.name == "pre" and tag.language:
        entity["language"] = tag.language
    elif tag.name == "blockquote" and "expandable" in tag.attributes:
        entity["type"] = "expandable_blockquote"
    elif tag.name == "tg-emoji":
        entity["custom_emoji_id"] = tag.attributes["emoji-id"]
    parser.entities.append(entity)


def parse_telegram_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse `text` like Telegram: return (visible text, message entities) or raise ValueError."""
    parser = _Parser(text)
    while parser.pos < len(text):
        char = parser.peek()
        if char == "&":
            parser.emit(_decode_entity(parser))
        elif char == "<" and parser.peek(1) == "/":
            _end_tag(parser)
        elif char == "<":
            _start_tag(parser)
        else:
            parser.emit(char)
            parser.pos += 1
    if parser.stack:
        raise parser.error(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1].name}"')
    entities = sorted(parser.entities, key=lambda e: (e["offset"], -e["length"]))
    return "".join(parser.out), entities


def validate_telegram_html(text: str) -> None:
    """Raise ValueError with tdlib-style reason if Telegram would reject `text` with parse_mode HTML."""
    parse_telegram_html(text)


def strip_telegram_html(text: str) -> str:
    """The text a user sees: tags removed, entities decoded (raises ValueError on invalid HTML)."""
    return parse_telegram_html(text)[0]
