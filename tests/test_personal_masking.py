"""What identifies an asker leaves a question before it is kept for review: postcodes, street
addresses, the name after 'my name is' (user tester F3) or 'ik ben', 'я', and a relative's name (user tester 12,
F3), in both kept forms."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.service import mask_for_review, normalise_for_review
from knowledge.shipped import shipped_documents
from knowledge.text.personal import mask_personal
from knowledge.tools.evaluation import fresh_service


@pytest.mark.parametrize(
    ("asked", "kept", "gone"),
    [
        (
            "меня зовут Ирина Петрова, мой адрес Kerkstraat 12, 1017 GM Amsterdam. меня преследуют, где визы?",
            "меня зовут #, мой адрес #, # Amsterdam. меня преследуют, где визы?",
            ["Ирина", "Петрова", "Kerkstraat", "1017"],
        ),
        ("mijn naam is Olga de Vries, ik woon op de Dorpsweg 4a", "mijn naam is #, ik woon op de #", ["Olga", "Vries", "4a"]),
        ("my name is ivan and I live at 221B Baker Street", "my name is # and I live at #", ["ivan", "221B"]),
        ("Мяне завуць Алесь, жыву на вуліцы Свабоды 4", "Мяне завуць #, жыву на #", ["Алесь", "Свабоды"]),
        ("живу ул. Ленина, д. 5 в Гааге", "живу # в Гааге", ["Ленина"]),
        ("postcode 3511ab, wat nu?", "postcode #, wat nu?", ["3511"]),
        # user tester 12, F3: introductions without a word for 'name', and relatives' names
        ("Ik ben Olga Smirnova uit Gomel, ik woon in Zwolle", "Ik ben # uit Gomel, ik woon in Zwolle", ["Olga", "Smirnova"]),
        ("Я Ирина Ковалёва из Гродно, мне угрожают", "Я # из Гродно, мне угрожают", ["Ирина", "Ковалёва"]),
        ("mijn man Sergej Smirnov zit vast, mijn zoon Pavel ook", "mijn man # zit vast, mijn zoon # ook", ["Sergej", "Pavel"]),
        ("моего брата Сергея задержали в Минске", "моего брата # задержали в Минске", ["Сергея"]),
        ("my sister, Anna, is in Okrestina", "my sister, #, is in Okrestina", ["Anna"]),
        ("mijn broer Aliaksandr Ivanou zit in Zhodino", "mijn broer # zit in Zhodino", ["Aliaksandr", "Ivanou"]),
        # user tester G9: an address without a street word, a Latin-letter 'я', a greeting's 'this is', a flat, a passport
        ("I live at Damrak 1 Amsterdam, can I stay?", "I live at # Amsterdam, can I stay?", ["Damrak"]),
        ("мы живём на Ленина 5, кв 12, нам угрожают", "мы живём на #, #, нам угрожают", ["Ленина", "12"]),
        ("ja Dzmitry Sidorau z Hrodna, moj nomer pasporta MP1234567", "ja # z Hrodna, moj nomer pasporta #", ["Dzmitry", "MP"]),
        ("hi this is katsiaryna from minsk, is it safe?", "hi this is # from minsk, is it safe?", ["katsiaryna"]),
        ("mijn paspoort NXC3R2B41 is afgepakt op de ambassade", "mijn paspoort # is afgepakt op de ambassade", ["NXC3R2B41"]),
    ],
)
def test_the_asker_s_address_and_name_are_masked(asked: str, kept: str, gone: list[str]) -> None:
    assert mask_for_review(asked) == kept
    folded = normalise_for_review(asked)
    assert not any(word.lower() in folded for word in gone), folded


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel personen stonden in maart 2021 op de sanctielijst?",
        "Is Maria Kolesnikova nog in de gevangenis in Gomel?",
        "Kamerstuk 21 501-02, nr. 2298",
        "wat doet de regering in Den Haag voor Belarussen in Utrecht?",
        "Is de straat nog veilig voor demonstranten op het plein?",
        "I live in Amsterdam, is it safe for Belarusians?",
        "this is important: are there sanctions against Belarus?",
        "Ja, maar steunt Nederland de sancties?",
    ],
)
def test_what_is_asked_about_stays(question: str) -> None:
    assert mask_personal(question, "#") == question


def test_no_official_or_curated_text_of_the_store_is_masked() -> None:
    """The store's own words (documents, curated phrasings) are what people ask in: none is taken
    for an address or a name."""
    for parsed in shipped_documents():
        for entry in parsed.entries:
            for text in [entry.text, *(a.text for a in entry.alternates)]:
                assert mask_personal(text, "#") == text, text


@given(st.text(max_size=200))
def test_masking_is_idempotent_and_leaves_no_postcode(text: str) -> None:
    once = mask_personal(text, "#")
    assert mask_personal(once, "#") == once
    assert not re.search(r"\b[1-9]\d{3} ?[A-Z]{2}\b", once)


def test_the_review_queue_keeps_neither() -> None:
    service = fresh_service()
    asked = "mijn naam is Olga de Vries, ik woon op de Dorpsweg 4a, 1234 AB Ede. Wanneer krijg ik mijn visum?"
    service.answer(asked, record=True)
    kept = " ".join(f"{item.text} {item.asked}" for item in service.store.review_items())
    assert kept and not any(word in kept.lower() for word in ("olga", "vries", "dorpsweg", "1234"))
