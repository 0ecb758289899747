"""The import preview names the kind of document 'Тип'/'Тып' and its bibliographic reference 'Ссылка'/'Спасылка',
not 'Вид'/'Від' and 'Цитата'/'Цытата' (a quotation) (user report F22)."""

from __future__ import annotations

from interface.texts.moderator import IMPORT_BE, IMPORT_RU


def test_the_import_preview_uses_the_words_for_type_and_reference() -> None:
    for texts, kind, reference, wrong in ((IMPORT_RU, "Тип:", "Ссылка:", "Цитата"), (IMPORT_BE, "Тып:", "Спасылка:", "Цытата")):
        shown = texts.preview + texts.no_citation
        assert f"\n{kind} {{kind}}" in shown and f"\n{reference} {{citation}}" in shown
        assert wrong.lower() not in shown.lower()
