"""Interface texts are Telegram HTML or plain words, told apart by their type and checked when they
are built: an HTML text is balanced and uses only Telegram's tags; a plain text holds no tag, so a
terminal never prints one (interface/texts/markup.py)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from interface.texts import LANGUAGES, Texts, texts_for
from interface.texts import moderator as moderator_texts
from interface.texts.markup import html_to_plain, plain_text, telegram_html
from interface.texts.moderator import ImportTexts, ModeratorTexts

ROOT = Path(__file__).resolve().parent.parent
MODELS: list[type[BaseModel]] = [Texts, ModeratorTexts, ImportTexts]
INSTANCES: dict[type[BaseModel], list[BaseModel]] = {
    Texts: [texts_for(code) for code in LANGUAGES],
    ModeratorTexts: [moderator_texts.moderator_texts(code) for code in LANGUAGES],
    ImportTexts: [moderator_texts.import_texts(code) for code in LANGUAGES],
}


def _validators(model: type[BaseModel], name: str) -> set[Any]:
    """The markup checks a field runs: on the field itself, or on the items of its list/tuple/dict
    (also nested: a dict of pairs of texts)."""
    field = model.model_fields[name]
    found = {getattr(m, "func", None) for m in field.metadata}
    pending = list(getattr(field.annotation, "__args__", ()))
    while pending:
        argument = pending.pop()
        found |= {getattr(m, "func", None) for m in getattr(argument, "__metadata__", ())}
        if not hasattr(argument, "__metadata__"):
            pending.extend(getattr(argument, "__args__", ()))
    return found & {telegram_html, plain_text}


def html_fields(model: type[BaseModel]) -> set[str]:
    return {name for name in model.model_fields if _validators(model, name) == {telegram_html}}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_text_is_typed_html_or_plain(model: type[BaseModel]) -> None:
    untyped = [name for name in model.model_fields if len(_validators(model, name)) != 1]
    assert not untyped, f"{model.__name__}: type these Html or Plain: {untyped}"


def test_the_html_texts_are_the_ones_with_markup_and_the_rest_is_plain() -> None:
    assert html_fields(Texts) == {"start", "help", "privacy", "sources_heading", "topics_document", "ask_usage"}
    assert {"stats", "add_preview", "translate_show"} <= html_fields(ModeratorTexts)
    assert "add_exists" not in html_fields(ModeratorTexts), "its '<id>' is a placeholder, shown literally"
    assert html_fields(ImportTexts) == {"preview"}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_tag_in_a_plain_text_is_refused(model: type[BaseModel]) -> None:
    base = INSTANCES[model][0].model_dump()
    plain = next(name for name in model.model_fields if name not in html_fields(model) and isinstance(base[name], str))
    for markup in ("<b>Let op</b>", "<i>x</i>", '<a href="https://example.org">x</a>', "A &amp; B", "&lt;id&gt;"):
        with pytest.raises(ValidationError, match="markup"):
            model.model_validate({**base, plain: f"Tekst {markup}"})
    assert model.model_validate({**base, plain: "Gebruik: /edit <id>"}), "a placeholder in angle brackets is words"


def test_a_tag_in_a_plain_reason_or_month_is_refused() -> None:
    base = moderator_texts.NL.model_dump()
    reasons = {**base["reasons"], next(iter(base["reasons"])): "<b>nee</b>"}
    with pytest.raises(ValidationError, match="markup"):
        ModeratorTexts.model_validate({**base, "reasons": reasons})
    dutch = texts_for("nl").model_dump()
    with pytest.raises(ValidationError, match="markup"):
        Texts.model_validate({**dutch, "months": ["<i>januari</i>", *dutch["months"][1:]]})


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ("<b>Standpunt", "never closed"),
        ("Standpunt</b>", "not balanced"),
        ("<b><i>Standpunt</b></i>", "not balanced"),
        ("<div>Standpunt</div>", "not a tag Telegram allows"),
        ("<h1>Standpunt</h1>", "not a tag Telegram allows"),
        ('<b class="x">Standpunt</b>', "no attributes"),
        ("/ask <vraag>", "not a tag Telegram allows"),
        ("1 < 2", "bare '<'"),
        ("2 > 1", "bare '>'"),
        ("A & B", "bare '&'"),
    ],
)
def test_an_html_text_that_is_unbalanced_or_not_telegrams_is_refused(html: str, why: str) -> None:
    base = texts_for("en").model_dump()
    with pytest.raises(ValidationError, match=why):
        Texts.model_validate({**base, "start": html})
    with pytest.raises(ValidationError, match=why):
        ImportTexts.model_validate({**moderator_texts.IMPORT_EN.model_dump(), "preview": html})


def test_telegram_html_accepts_what_telegram_does() -> None:
    for html in (
        "<b>a</b> <i>b</i> <code>c</code> <pre><code class=\"language-python\">d</code></pre>",
        '<a href="https://example.org/?a=1&amp;b=2">link</a> &lt;vraag&gt; &quot;x&quot; &#128221;',
        "<b>{count}×</b> {text}{variants}",
    ):
        assert telegram_html(html) == html


@pytest.mark.parametrize("code", LANGUAGES)
def test_html_texts_read_as_plain_lose_their_tags_and_keep_their_words(code: str) -> None:
    texts = texts_for(code)
    for name in sorted(html_fields(Texts)):
        plain = html_to_plain(getattr(texts, name))
        assert plain_text(plain) == plain, name
    assert "/ask <uw vraag>," in html_to_plain(texts_for("nl").ask_usage), "entities read back as the characters"


def _texts_read_in(path: Path) -> set[str]:
    """The interface texts a module reads as `texts.<name>`, `default.<name>` or `texts_for(...).<name>`."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Attribute):
            continue
        base = node.value
        if isinstance(base, ast.Name) and base.id in {"texts", "default"}:
            names.add(node.attr)
        elif isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id == "texts_for":
            names.add(node.attr)
    return names


@pytest.mark.parametrize("module", ["interface/plain.py", "bot/console.py", "bot/cli.py"])
def test_plain_renderers_read_only_plain_texts(module: str) -> None:
    read = _texts_read_in(ROOT / module) & set(Texts.model_fields)
    assert read, f"{module} reads interface texts"
    assert not read & html_fields(Texts), f"{module} would print Telegram HTML: {read & html_fields(Texts)}"
