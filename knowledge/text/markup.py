"""HTML or XML markup pasted into a question is not part of it.

People paste from web pages and chats, and some try markup on purpose ('<script>alert(1)</script>
sancties tegen Belarus?'). Tags would become words the store does not know ('script', 'alert') and
make a clear question doubtful; the contents of script and style elements are code, not words of
the asker. Both go, with the character references a copied page brings ('&amp;', '&nbsp;').
"""

from __future__ import annotations

import html
import re

_CODE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)


def strip_markup(text: str) -> str:
    """The text without tags, comments, script or style elements and character references; text
    without markup comes back unchanged."""
    if "<" not in text and "&" not in text:
        return text
    stripped = _TAG.sub(" ", _CODE.sub(" ", text))
    return html.unescape(stripped)
