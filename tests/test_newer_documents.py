"""A newer official document on the same question (issue 13): when both documents' passages are
strong, the newer one leads and the older one is its earlier position; so does a fresh import (no
curated phrasings, so weak) whose text says all the older passage's text says of the question. When
a newer curated one is too weak to lead, the older one answers and says that there is a newer
document on this, with a button to it. The letters are fictional, written for these tests."""

from __future__ import annotations

import datetime as dt
import textwrap

from handlers.render import answer_keyboard
from handlers.replies import answer_heading
from interface.plain import render_answer_plain
from interface.texts import texts_for
from knowledge.ingest.parsing import parse_document
from knowledge.models import Language, SourceText
from knowledge.moderation import Moderation
from knowledge.search.decision import NEWER_STRONG, POSITION_TIE
from knowledge.service import AnswerService
from tests.moderationkit import LETTER_KEY, fresh_service

NEWER_DATE = dt.date(2025, 3, 12)
OLD_SANCTIONS = f"{LETTER_KEY}/3"


def letter(paragraph: str) -> str:
    return (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 12 maart 2025\n\n"
        "Geachte voorzitter,\n\nMet deze brief informeer ik uw Kamer over de stand van zaken.\n\n"
        + "\n".join(textwrap.wrap(paragraph, 78))
        + "\n\nDe Minister van Buitenlandse Zaken,\n\nC.C.J. Veldkamp\n"
    )


def with_newer_letter(paragraph: str) -> tuple[AnswerService, str]:
    service = fresh_service()
    moderation = Moderation(service)
    raw = letter(paragraph)
    preview = moderation.preview_import(parse_document(raw))
    stored, _ = moderation.commit_import(preview.parsed, "cli:test", SourceText(format="text", text=raw))
    [entry] = [e for e in service.entries_of(stored.key) if e.text == paragraph]
    return service, entry.key


NEWER_ANSWERS = """2025Z99002

Vragen van het lid Voorbeeld (XX) aan de Minister van Buitenlandse Zaken over sancties tegen Belarus (ingezonden 3 februari 2025).

Antwoord van Minister Veldkamp (Buitenlandse Zaken) (ontvangen 12 maart 2025).

Vraag 1

Welke maatregelen heeft de Europese Unie genomen tegen personen in Belarus die betrokken zijn bij de repressie?

Antwoord 1

Sinds 2020 heeft de Europese Unie veertien pakketten met strafmaatregelen ingesteld tegen het \
Belarussische regime, waaronder inreisverboden en het bevriezen van tegoeden van ruim driehonderd personen.
"""


def test_two_strong_answers_of_different_dates_the_newer_leads_with_the_older_as_earlier_position() -> None:
    """Different words (no newer version of the old text), both strong, not tied: the newer leads."""
    service = fresh_service()
    moderation = Moderation(service)
    preview = moderation.preview_import(parse_document(NEWER_ANSWERS))
    stored, _ = moderation.commit_import(preview.parsed, "cli:test", SourceText(format="text", text=NEWER_ANSWERS))
    [newer] = service.entries_of(stored.key)
    question = "Heeft de EU inreisverboden ingesteld tegen personen in Belarus?"
    service.refresh()
    ranking = service.matcher.rank(service.validate_question(question), limit=10)
    [old, second] = ranking.scored[:2]
    assert service.entry_for(old.entry_id).key == OLD_SANCTIONS and second.entry_id == newer.id
    assert old.relevance - second.relevance > POSITION_TIE, "the setup: not tied, the old one ranks first"
    assert not service.decider._revises(second, old), "the setup: other words, not a newer version"
    answer = service.answer(question)
    assert answer.answered and answer.best and answer.best.entry_id == newer.id
    assert [m.entry_key for m in answer.earlier] == [OLD_SANCTIONS] and answer.newer == []
    texts = texts_for("nl")
    assert texts.as_of.format(date=texts.date(NEWER_DATE)) in answer_heading(answer, texts)


RESTATED = (
    "De EU heeft sinds 2020 in veertien pakketten sancties ingesteld tegen het regime in Belarus. Inmiddels "
    "staan meer dan 300 personen en 40 entiteiten op de sanctielijst; hun tegoeden in de EU zijn bevroren en "
    "zij mogen de EU niet inreizen."
)


def test_a_fresh_letter_restating_the_position_leads_though_it_has_no_phrasings_of_its_own() -> None:
    """Judged text against text: the fresh paragraph says all the old passage's text says of the question
    (and more), on the same subject; the old one ranks far higher only for its curated phrasings."""
    service, newer = with_newer_letter(RESTATED)
    for question, language in [
        ("Welke sancties gelden er tegen Belarus?", Language.NL),
        ("What sanctions has the EU imposed on Belarus?", Language.EN),
        ("Welke sancties gelden er tegen Belarus?", Language.RU),
    ]:
        service.refresh()
        ranking = service.matcher.rank(service.validate_question(question), limit=10)
        [fresh] = [s for s in ranking.scored if service.entry_for(s.entry_id).key == newer]
        assert fresh.relevance < NEWER_STRONG <= ranking.scored[0].relevance, "the setup: too weak for the absolute bar"
        answer = service.answer(question, language=language)
        assert answer.answered and answer.best and answer.best.entry_key == newer, question
        assert [m.entry_key for m in answer.earlier] == [OLD_SANCTIONS] and answer.newer == []
        texts = texts_for(language)
        assert texts.as_of.format(date=texts.date(NEWER_DATE)) in answer_heading(answer, texts)


def test_a_fresh_letter_on_another_point_of_the_subject_does_not_lead() -> None:
    service, _ = with_newer_letter(
        "Het kabinet zet zich in Brussel in voor een vijftiende sanctiepakket dat ook de omzeiling van sancties "
        "via derde landen aanpakt."
    )
    answer = service.answer("Welke sancties heeft de EU tegen Belarus ingesteld?")
    assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS
    assert answer.earlier == [] and answer.newer == []


def test_an_older_letter_saying_the_same_never_leads_over_the_curated_answer() -> None:
    service = fresh_service()
    moderation = Moderation(service)
    raw = letter(RESTATED).replace("12 maart 2025", "12 maart 2019")
    stored, _ = moderation.commit_import(
        moderation.preview_import(parse_document(raw)).parsed, "cli:test", SourceText(format="text", text=raw)
    )
    answer = service.answer("Welke sancties gelden er tegen Belarus?")
    assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS
    assert answer.newer == [] and all(m.entry_key.startswith(stored.key) for m in answer.earlier)


def test_a_weaker_newer_curated_answer_is_told_under_the_older_answer_in_the_askers_language() -> None:
    """Both curated (the shipped documents): relevance compares like with like, and the later answer,
    below NEWER_STRONG, is the 'newer document' under the earlier one, with a button to it."""
    service = fresh_service()
    older, newer = "kamerbrief-2021-03-02-2298/2", "kamervragen-2021-07-16/2"
    for language in (Language.NL, Language.RU):
        answer = service.answer("Wat is het standpunt van het kabinet over de politieke repressie in Belarus?", language=language)
        assert answer.answered and answer.best and answer.best.entry_key == older
        assert [m.entry_key for m in answer.newer] == [newer]
        assert all(m.entry_key != newer for m in answer.suggestions), "offered once, as the newer document"
        texts = texts_for(language)
        notice = texts.newer_document.format(date=texts.date(dt.date(2021, 7, 16)))
        assert notice in answer_heading(answer, texts) and notice in render_answer_plain(answer, texts)
        keyboard = answer_keyboard(answer.best, texts, [], [], answer.newer)
        [button] = [b for row in keyboard.inline_keyboard for b in row if b.text.startswith(texts.button_newer)]
        assert str(answer.newer[0].entry_id) in str(button.callback_data)


def test_a_moderators_note_is_never_the_newer_document() -> None:
    from knowledge.models import DocumentKind
    from knowledge.moderation import DocumentDraft, EntryDraft

    service = fresh_service()
    moderation = Moderation(service)
    document = DocumentDraft(kind=DocumentKind.KAMERBRIEF, title="Notitie", date=NEWER_DATE, number="5")
    text = "Een moderator merkt op dat de EU sinds 2020 sancties heeft ingesteld tegen Belarus."
    moderation.add_entry(EntryDraft(new_document=document, question="Wat merkt een moderator op?", text=text), "cli:t")
    answer = service.answer("Welke sancties gelden er tegen Belarus?")
    assert answer.answered and answer.best and answer.best.entry_key == OLD_SANCTIONS
    assert answer.newer == [] and answer.earlier == []


#: Answered from the letter of 2 March 2021; the answers of 16 July 2021 share a topic ('diplomatie') or a
#: few words with the answer, but are about something else (the diaspora's safety; 'Ja', they read an article).
ANOTHER_TOPIC = {
    "praat Nederland bij de VN over de mensenrechten in Belarus?": ("kamerbrief-2021-03-02-2298/7", "kamervragen-2021-07-16/5"),
    "письмо министра иностранных дел Нидерландов в Tweede Kamer 2 марта 2021 Беларусь": (
        "kamerbrief-2021-03-02-2298/1", "kamervragen-2021-07-16/1"),
}


def test_a_newer_document_on_another_topic_is_not_told_of_under_the_answer() -> None:
    """User tester F2: the notice needs a newer passage on what the answer is about, not a shared topic."""
    from test_console import chat

    service = fresh_service()
    for question, (answered, other) in ANOTHER_TOPIC.items():
        answer = service.answer(question)
        assert answer.answered and answer.best and answer.best.entry_key == answered, question
        assert answer.newer == [], (question, other)
        out = chat(question)
        texts = texts_for(service.question_language(question) or "nl")
        assert texts.newer_document.split("{")[0] not in out and "Nieuwer" not in out, question


def test_the_newer_document_on_the_same_question_is_still_told_of_in_the_terminal_chat() -> None:
    from test_console import chat

    question = "Wat is het standpunt van het kabinet over de politieke repressie in Belarus?"
    out = chat(question)
    nl = texts_for("nl")
    assert nl.newer_document.format(date=nl.date(dt.date(2021, 7, 16))) in out
