"""A newer answer to the same Kamervraag (user tester, harm 3 of 3): answers of 12 November 2024 reverse
the position of 16 July 2021 on a reporting point ('Het kabinet heeft geen speciale meldpunten' becomes
'Ja. Het kabinet zal in 2025 een landelijk meldpunt ... openen'). Freshly imported, the new answer has
only its official question and text, no phrasings nor translations, so an asker's words (above all in
English, Russian, Belarusian) reach it only through the analyser and it ranked far below the old one.
Its official question is the old entry's question asked again (the matcher answers it confidently
with the old entry), so it leads and the old answer is its earlier position (knowledge/search/
succession.py). A newer answer on another subject, or an older one, never does. The documents are
fictional, written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from handlers.render import answer_keyboard
from handlers.replies import answer_heading
from interface.plain import render_answer_plain
from interface.texts import texts_for
from knowledge.ingest.parsing import parse_document
from knowledge.models import Language, SourceText
from knowledge.moderation import Moderation
from knowledge.search.decision import NEWER_STRONG
from knowledge.search.index import QUESTION, TEXT
from knowledge.service import AnswerService
from tests.moderationkit import ANSWERS_KEY, fresh_service

OLD_MELDPUNT = f"{ANSWERS_KEY}/6"
NEWER_DATE = dt.date(2024, 11, 12)
REVERSAL = (
    "Ja. Het kabinet zal in 2025 een landelijk meldpunt voor transnationale repressie openen. Het meldpunt "
    "wordt ondergebracht bij de Nationaal Coördinator Terrorismebestrijding en Veiligheid."
)


def answers(questions: list[tuple[str, str]], date: str = "12 november 2024") -> str:
    """Answers to Kamervragen in the official layout, by fictional ministers and a fictional member."""
    year = date.split()[-1]
    body = "".join(f"Vraag {n}\n\n{q}\n\nAntwoord {n}\n\n{a}\n\n" for n, (q, a) in enumerate(questions, 1))
    return (
        f"{year}Z17001\n\nVragen van het lid Veenhoven (XX) aan de Minister van Buitenlandse Zaken en de Minister van "
        "Justitie en Veiligheid over transnationale repressie tegen Belarussen in Nederland (ingezonden 10 oktober "
        f"{year}).\n\nAntwoord van Minister Roodhart (Buitenlandse Zaken) en Minister Kwast (Justitie en Veiligheid) "
        f"(ontvangen {date}).\n\n{body}"
    )


#: The tester's document: Question 3 asks again for the reporting point, in other words than in 2021.
REVERSING = [
    ("Bent u bekend met het bericht 'Belarussische activisten in Nederland voelen zich bespied'?", "Ja."),
    (
        "Hoeveel meldingen van intimidatie van Belarussen in Nederland heeft het kabinet sinds 2021 ontvangen?",
        "Sinds 2021 zijn bij het kabinet enkele tientallen meldingen binnengekomen van Belarussen die zich door "
        "het regime geïntimideerd voelen.",
    ),
    (
        "Bent u, in het licht van uw eerdere antwoorden, inmiddels bereid een meldpunt open te stellen voor "
        "Belarussen in Nederland die door het regime worden geïntimideerd?",
        REVERSAL,
    ),
]

#: Question 3 in nearly the old words: it ranks among the positions by itself in Dutch, not in the others.
CLOSE = [
    *REVERSING[:2],
    (
        "Bent u bereid een speciaal meldpunt in te richten voor Belarussen en andere diasporagemeenschappen in "
        "Nederland die zich bedreigd voelen?",
        REVERSAL,
    ),
]

#: The old entry's question as askers ask it, in four languages (its curated phrasings reach it).
REPORTING_POINT = [
    ("Is er een meldpunt voor Belarussen die zich bedreigd voelen?", Language.NL),
    ("Is there a hotline for Belarusians who feel threatened?", Language.EN),
    ("Есть ли горячая линия для белорусов, которым угрожают?", Language.RU),
    ("Ці ёсць пункт для беларусаў, якім пагражаюць?", Language.BE),
]


def imported(questions: list[tuple[str, str]], date: str = "12 november 2024") -> tuple[AnswerService, list[str]]:
    service = fresh_service()
    moderation = Moderation(service)
    raw = answers(questions, date)
    stored, _ = moderation.commit_import(
        moderation.preview_import(parse_document(raw)).parsed, "cli:test", SourceText(format="text", text=raw)
    )
    service.refresh()
    return service, [e.key for e in service.entries_of(stored.key)]


@pytest.mark.parametrize("document", [REVERSING, CLOSE], ids=["other words", "nearly the old words"])
def test_a_newer_answer_reversing_the_position_leads_in_every_language(document: list[tuple[str, str]]) -> None:
    service, keys = imported(document)
    newer = keys[2]
    for question, language in REPORTING_POINT:
        ranking = service.matcher.rank(service.validate_question(question), limit=10)
        assert service.entry_for(ranking.scored[0].entry_id).key == OLD_MELDPUNT, "the setup: the old one ranks first"
        fresh = [s for s in ranking.scored if service.entry_for(s.entry_id).key == newer]
        if document is REVERSING:
            assert all(s.relevance < NEWER_STRONG for s in fresh), "the setup: too weak to lead by its own relevance"
        answer = service.answer(question, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == newer, question
        assert answer.best.text == REVERSAL, "the official text, verbatim"
        assert [m.entry_key for m in answer.earlier] == [OLD_MELDPUNT] and answer.newer == [], question
        texts = texts_for(language)
        assert texts.as_of.format(date=texts.date(NEWER_DATE)) in answer_heading(answer, texts)
        assert texts.earlier_position in render_answer_plain(answer, texts)
        keyboard = answer_keyboard(answer.best, texts, [], answer.earlier, answer.newer)
        [button] = [b for row in keyboard.inline_keyboard for b in row if b.text.startswith(texts.button_earlier)]
        assert str(answer.earlier[0].entry_id) in str(button.callback_data)


def test_the_newer_entry_gets_none_of_the_old_phrasings() -> None:
    """Reach is inherited in the decision only: the store and the index keep each entry's own phrasings."""
    service, keys = imported(REVERSING)
    [entry] = [e for e in service.entries_of(keys[2].split("/")[0]) if e.key == keys[2]]
    assert entry.alternates == [] and entry.id is not None
    assert {kind for kind, _ in service.index.fields(entry.id)} == {TEXT, QUESTION}
    [old] = [e for e in service.entries_of(ANSWERS_KEY) if e.key == OLD_MELDPUNT]
    assert len(old.alternates) > 30, "the old entry keeps its own"


def test_the_other_answers_of_the_newer_document_do_not_take_over_other_questions() -> None:
    """Only the question the old entry answers is succeeded: 'Ja.' to 'kent u het bericht' leads nothing."""
    service, keys = imported(REVERSING)
    answer = service.answer("Heeft het kabinet signalen ontvangen over onveiligheid van Belarussen in Nederland?")
    assert answer.answered and answer.best and answer.best.entry_key == f"{ANSWERS_KEY}/3"
    assert all(m.entry_key not in keys[:1] for m in [*answer.earlier, *answer.newer])


def test_a_detail_only_the_older_text_tells_keeps_the_older_answer_with_the_newer_one_told() -> None:
    """'... moet ik naar de politie?' is answered by the old text's line on the police; the newer answer,
    on the reporting point alone, is told of under it ('a newer document on this') with its button."""
    service, keys = imported(REVERSING)
    for question, language in [
        ("Ik voel me bedreigd, moet ik naar de politie of is er een meldpunt?", Language.NL),
        ("I feel threatened, should I go to the police or is there a hotline?", Language.EN),
    ]:
        answer = service.answer(question, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == OLD_MELDPUNT, question
        assert [m.entry_key for m in answer.newer] == [keys[2]] and answer.earlier == [], question
        texts = texts_for(language)
        assert texts.newer_document.format(date=texts.date(NEWER_DATE)) in answer_heading(answer, texts)


@pytest.mark.parametrize(
    "question, text",
    [
        # One word ('meldpunt') of the old question, about something else.
        (
            "Is er een meldpunt voor Belarussische vrachtwagenchauffeurs die aan de Litouwse grens vastzitten?",
            "Ja. Chauffeurs kunnen zich melden bij de ambassade in Vilnius, die hen bijstaat.",
        ),
        # The same question of another country's people.
        (
            "Bent u bereid een meldpunt open te stellen voor Oekraïners in Nederland die door het Russische regime "
            "worden bedreigd?",
            REVERSAL,
        ),
        # Another subject in the frame of a Kamervraag.
        (
            "Bent u bereid Belarussische studenten die hun studiebeurs verliezen te steunen?",
            "Ja. Het kabinet stelt via het Nuffic-programma beurzen beschikbaar.",
        ),
    ],
)
def test_a_newer_answer_on_another_subject_does_not_lead(question: str, text: str) -> None:
    service, keys = imported([(question, text)])
    for asked, language in REPORTING_POINT[:3]:
        answer = service.answer(asked, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == OLD_MELDPUNT, (question, asked)
        assert answer.earlier == [] and answer.newer == [], (question, asked)


def test_an_older_answer_to_the_same_question_never_leads() -> None:
    service, keys = imported(REVERSING, date="12 november 2019")
    for question, language in REPORTING_POINT[:3]:
        answer = service.answer(question, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == OLD_MELDPUNT, question
        assert answer.newer == [] and keys[2] not in [m.entry_key for m in answer.earlier], question


def test_a_moderators_note_asking_the_question_again_is_no_newer_position() -> None:
    from knowledge.models import DocumentKind
    from knowledge.moderation import DocumentDraft, EntryDraft

    service = fresh_service()
    document = DocumentDraft(kind=DocumentKind.KAMERBRIEF, title="Notitie", date=NEWER_DATE, number="7")
    Moderation(service).add_entry(
        EntryDraft(
            new_document=document,
            question="Bent u inmiddels bereid een meldpunt open te stellen voor Belarussen die door het regime "
            "worden geïntimideerd?",
            text="Een moderator merkt op dat er in 2025 een landelijk meldpunt komt.",
        ),
        "cli:t",
    )
    answer = service.answer(REPORTING_POINT[0][0])
    assert answer.answered and answer.best and answer.best.entry_key == OLD_MELDPUNT
    assert answer.earlier == [] and answer.newer == []


def test_the_shipped_store_has_no_entry_that_could_succeed_another() -> None:
    """Every shipped entry has curated phrasings: none is looked at as a newer answer, so nothing the
    shipped store answers changes (the evaluation sets run on it)."""
    service = fresh_service()
    succession = service.decider._succession
    for entry_id in service.index.entry_ids():
        assert succession.answered_by(entry_id, service.decider.bars()) is None
        ranking = service.matcher.rank(service.entry_for(entry_id).question or "", limit=3)
        assert all(succession.newest(s, service.decider.bars()) is None for s in ranking.scored)


def test_the_command_line_import_then_ask(capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path) -> None:
    """The tester's path: `import` on a copy of the store, then `ask --json`."""
    from bot.cli import main

    source = tmp_path / "antwoorden.txt"
    source.write_text(answers(REVERSING), encoding="utf-8")
    assert main(["--database", str(database), "import", str(source)]) == 0
    capsys.readouterr()
    assert main(["--database", str(database), "ask", "--json", REPORTING_POINT[0][0]]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["answered"] and reply["matches"][0]["answer"] == REVERSAL
    assert reply["matches"][0]["citation"]["date"] == NEWER_DATE.isoformat()
