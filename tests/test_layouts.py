"""Every layout moderators copy documents in (issue 13), on our own Dutch test documents in
tests/data/documents/layouts/: what the parser reads, and what the moderator's preview shows."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from interface.previews import render_preview
from interface.texts import texts_for
from interface.texts.moderator import IMPORT_EN, IMPORT_NL, import_texts, moderator_texts
from knowledge.citations import citation_for, number_label
from knowledge.ingest.importers import DocumentRejected, QuestionsOnly, read_document
from knowledge.ingest.parsing import QUESTIONS_ONLY, QuestionsWithoutAnswers, parse_document
from knowledge.models import Author, DocumentKind, ParsedDocument, SourceText
from knowledge.moderation import EntryDraft, Moderation, ModerationError
from knowledge.reasons import Reason
from knowledge.service import AnswerService
from tests.moderationkit import ANSWERS_KEY, assert_preview_says_cut_off, content, fresh_service

LAYOUTS = Path(__file__).resolve().parent / "data" / "documents" / "layouts"
XML = Path(__file__).resolve().parent / "data" / "xml"


def parsed(name: str) -> ParsedDocument:
    return parse_document((LAYOUTS / f"{name}.txt").read_text(encoding="utf-8"))


def preview_text(name: str) -> str:
    moderation = Moderation(fresh_service())
    return render_preview(moderation.preview_import(parsed(name)), IMPORT_EN)


# --- the official web page's text -----------------------------------------------------------------


def test_web_page_reads_header_table_date_ministers_and_numbered_headings() -> None:
    document = parsed("webpagina_aanhangsel")
    d = document.document
    assert d.kind is DocumentKind.KAMERVRAGEN
    assert d.citation == "Aanhangsel Handelingen II 2020/21, nr. 9341", "from the flattened header table"
    assert d.official_id == "ah-tk-20202021-9341"
    assert d.question_number == "2021Z99841"
    assert d.date == dt.date(2021, 6, 28), "the date received, not the date sent"
    assert d.authors == [Author(name="Verhoef", role="minister", ministry="Buitenlandse Zaken")]
    assert d.title.startswith("Vragen van het lid Verbeek-Aydın (GL) aan de Minister van Buitenlandse Zaken")
    assert [e.number for e in document.entries] == [1, 2, 3]
    first, second, third = document.entries
    assert first.question == (
        "Bent u bekend met het bericht dat in Minsk opnieuw journalisten van onafhankelijke media zijn gearresteerd?"
    ), "the footnote marker glued to the question mark is gone"
    assert first.text == "Ja."
    assert [f.url for f in first.footnotes] == ["https://example.org/journalisten-minsk"]
    assert second.text.count("\n\n") == 1 and second.text.startswith("Nederland steunt onafhankelijke")
    assert (
        third.question.endswith("verantwoordelijken?")
        and third.footnotes[0].text == "Zie ook Kamerstuk 99 997, nr. 12."
    )


def test_a_marker_glued_to_a_question_mark_goes_even_without_the_footnote() -> None:
    raw = (LAYOUTS / "webpagina_aanhangsel.txt").read_text(encoding="utf-8").split("\n1 Voorbeeldkrant")[0]
    entries = parse_document(raw).entries
    assert entries[0].question.endswith("gearresteerd?") and entries[2].question.endswith("verantwoordelijken?")


# --- the usual header, question number first ------------------------------------------------------


def test_question_number_first_keeps_the_date_and_both_ministers() -> None:
    document = parsed("vraagnummer_eerst")
    d = document.document
    assert d.question_number == "2021Z99923"
    assert d.date == dt.date(2021, 7, 16)
    assert d.authors == [
        Author(name="Verhoef", role="minister", ministry="Buitenlandse Zaken"),
        Author(name="Van Leeuwen", role="staatssecretaris", ministry="Justitie en Veiligheid"),
    ]
    assert d.title.startswith("Vragen van het lid Koekkoek (Volt)") and "ingezonden" not in d.title
    assert d.key == "kamervragen-2021-07-16-2021z99923"
    assert [e.number for e in document.entries] == [1, 2]


# --- grouped numbering ------------------------------------------------------------------------------


def test_grouped_numbering_is_one_entry_covering_both_questions_and_cited_so() -> None:
    document = parsed("gegroepeerde_nummering")
    first, third = document.entries
    assert (first.number, first.numbers) == (1, [1, 2])
    assert first.question == (
        "Bent u bekend met berichten dat Oekraïense kinderen via Belarus naar Rusland worden overgebracht?\n\n"
        "Welke informatie heeft het kabinet over de rol van het Belarussische regime hierbij?"
    )
    assert first.text.startswith("Ja. Het kabinet heeft kennisgenomen")
    assert (third.number, third.numbers) == (3, [])
    assert citation_for(first, document.document).number_label == "Vragen 1 en 2"
    assert "Vragen 1 en 2: Bent u bekend met berichten dat Oekraïense" in preview_text("gegroepeerde_nummering")


@pytest.mark.parametrize("heading", ["Vraag 2, 3 en 4", "Vraag 2, 3, 4", "Vragen 2 t/m 4"])
def test_a_heading_of_three_questions_is_one_entry_and_never_part_of_the_answer_before(heading: str) -> None:
    raw = (LAYOUTS / "drie_vragen_gegroepeerd.txt").read_text(encoding="utf-8")
    answer_heading = heading.replace("Vragen", "Vraag").replace("Vraag", "Antwoord")
    document = parse_document(raw.replace("Vraag 2, 3 en 4", heading).replace("Antwoord 2, 3 en 4", answer_heading))
    first, grouped, last = document.entries
    assert first.text == "Ja."
    assert (grouped.number, grouped.numbers) == (2, [2, 3, 4])
    assert grouped.question is not None and grouped.question.startswith("Hoeveel meldingen")
    assert grouped.text.startswith("Bij het kabinet zijn enkele meldingen bekend.")
    assert last.number == 5
    assert not document.unmatched and not document.unanswered
    assert citation_for(grouped, document.document).number_label == "Vragen 2, 3 en 4"


# --- republished pages (OpenKamer) ----------------------------------------------------------------


def test_republished_page_reads_header_lines_and_items_without_answer_headings() -> None:
    document = parsed("openkamer_herpublicatie")
    d = document.document
    assert d.kind is DocumentKind.KAMERVRAGEN
    assert d.date == dt.date(2021, 7, 16), "the answer date, not the date submitted"
    assert d.question_number == "2021Z99926"
    assert d.official_id == "ah-tk-20202021-9512", "from the answer's URL"
    assert d.citation == "Aanhangsel Handelingen II 2020/21, nr. 9512"
    assert d.url == "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-9512.html"
    assert d.authors == [Author(name="Pieter van Leeuwen", role="staatssecretaris", ministry="Justitie en Veiligheid")]
    assert d.title == "Belarussische dissidenten die in Nederland worden bedreigd"
    assert [e.number for e in document.entries] == [1, 2, 3]
    first, second, third = document.entries
    assert (
        first.question.startswith("Bent u bekend met berichten")
        and first.text == "Ja, ik ben bekend met deze berichten."
    )
    assert second.question == "Waar kunnen Belarussen die zich in Nederland bedreigd voelen terecht?"
    assert second.text.endswith("Daarnaast kan men anoniem melding doen bij Meld Misdaad Anoniem.")
    assert third.question.endswith("Zo ja, welke maatregelen neemt u?"), "a question of two sentences stays whole"
    assert all(e.question_is_official for e in document.entries)


def test_republished_page_takes_ids_only_from_an_official_address() -> None:
    raw = (
        (LAYOUTS / "openkamer_herpublicatie.txt")
        .read_text(encoding="utf-8")
        .replace("https://zoek.officielebekendmakingen.nl/ah-tk", "https://elders.example.org/ah-tk")
    )
    d = parse_document(raw).document
    assert (d.official_id, d.citation, d.url) == (None, None, None)


# --- a letter answering a committee's numbered questions -----------------------------------------


@pytest.mark.parametrize("number_on_the_questions_line", [False, True])
def test_committee_letter_entries_are_the_numbered_question_answer_pairs(number_on_the_questions_line: bool) -> None:
    raw = (LAYOUTS / "commissievragen_brief.txt").read_text(encoding="utf-8")
    if number_on_the_questions_line:  # '1. Hoeveel …?', as most lists of questions and answers print it
        raw = re.sub(r"(?m)^(\d)\.\n", r"\1. ", raw)
        assert "1. Hoeveel" in raw
    document = parse_document(raw)
    d = document.document
    assert d.kind is DocumentKind.KAMERBRIEF
    assert d.date == dt.date(2024, 4, 17)
    assert d.authors == [Author(name="H.M. Kuipers-Dekker", role="Minister van Buitenlandse Zaken")]
    assert d.subject and d.subject.startswith("Beantwoording vragen van de vaste commissie")
    assert d.preamble and d.preamble.startswith("Hierbij bied ik u de antwoorden aan"), (
        "the introduction is kept, not an entry"
    )
    assert [e.number for e in document.entries] == [1, 2, 3]
    first, second, _ = document.entries
    assert (
        first.question
        == "Hoeveel politieke gevangenen zitten er volgens het kabinet op dit moment in Belarus gevangen?"
    )
    assert first.question_is_official, "the committee's question is the document's own text"
    assert first.text == (
        "Volgens de mensenrechtenorganisatie Viasna zitten er op dit moment meer dan 1.400 politieke gevangenen "
        "vast in Belarus. Het kabinet heeft geen reden om aan deze cijfers te twijfelen."
    ), "lines broken mid-sentence are joined"
    assert second.text.count("\n\n") == 1
    assert not any("Kuipers-Dekker" in e.text or "De Minister van" in e.text for e in document.entries)
    assert citation_for(first, d).number_label == "Vraag 1"


def test_committee_letter_with_each_number_on_its_questions_first_line_is_read_the_same() -> None:
    """'1. Hoeveel …?' (number and question on one line, as most lists of questions and answers print
    it) was read as plain paragraphs: the committee's questions became the minister's 'alinea 2, 4, 6'.
    The same letter must give the same pairs as with '1.' on a line of its own."""
    raw = (LAYOUTS / "commissievragen_brief.txt").read_text(encoding="utf-8")
    inline = re.sub(r"^(\d)\.\n", r"\1. ", raw, flags=re.MULTILINE)
    assert inline != raw and "\n1. Hoeveel politieke gevangenen" in inline
    alone, together = parsed("commissievragen_brief"), parse_document(inline)
    assert [(e.number, e.question, e.question_is_official, e.text) for e in together.entries] == [
        (e.number, e.question, e.question_is_official, e.text) for e in alone.entries
    ]
    assert together.document.preamble == alone.document.preamble
    assert citation_for(together.entries[0], together.document).number_label == "Vraag 1"


@pytest.mark.parametrize("fixture", ["kamerstuk-commissievragen.xml", "kamerstuk-commissievragen-vraag-antwoord.xml"])
def test_official_xml_of_a_committee_letter_gives_the_entries_the_text_importer_gives(fixture: str) -> None:
    """The same letter as commissievragen_brief.txt in the official XML, its questions as numbered list
    items (lijst/li.nr) or as vraag/antwoord: the committee's question is each entry's official question,
    the answer its text, numbered as printed (it was one 'alinea' per paragraph, questions included)."""
    xml = (XML / fixture).read_bytes()
    from_xml, from_text = read_document(xml, fixture), parsed("commissievragen_brief")
    assert [(e.number, e.question, e.question_is_official, e.text) for e in from_xml.entries] == [
        (e.number, e.question, e.question_is_official, e.text) for e in from_text.entries
    ]
    d = from_xml.document
    assert d.kind is DocumentKind.KAMERBRIEF and d.date == dt.date(2024, 4, 17)
    assert d.citation == "Kamerstukken II 2023/24, 99 995, nr. 31"
    assert d.preamble == from_text.document.preamble, "the introduction is kept, not an entry"
    assert citation_for(from_xml.entries[0], d).number_label == "Vraag 1"
    moderation = Moderation(fresh_service())
    shown = render_preview(moderation.preview_import(from_xml), IMPORT_EN)
    assert all(f"Vraag {n}" in shown for n in (1, 2, 3)) and "alinea" not in shown.lower()


def test_official_xml_of_an_ordinary_letter_with_a_numbered_list_stays_paragraphs() -> None:
    """Numbered list items that are not questions with answers are the letter's paragraphs, as in text."""
    xml = (XML / "kamerstuk-commissievragen.xml").read_text(encoding="utf-8").replace("gevangen?", "gevangen.")
    document = read_document(xml.encode("utf-8"), "brief.xml")
    assert all(not e.question_is_official and e.question is None for e in document.entries)
    assert any(e.text.startswith("1. Hoeveel politieke gevangenen") for e in document.entries)


def test_numbered_paragraphs_of_an_ordinary_letter_stay_paragraphs() -> None:
    """Numbered points that are not questions ('1. Het kabinet …') are the letter's own paragraphs."""
    raw = (LAYOUTS / "commissievragen_brief.txt").read_text(encoding="utf-8")
    inline = re.sub(r"^(\d)\.\n", r"\1. ", raw, flags=re.MULTILINE).replace("gevangen?", "gevangen.")
    document = parse_document(inline)
    assert all(not e.question_is_official for e in document.entries)
    assert any(e.text.startswith("1. Hoeveel politieke gevangenen") for e in document.entries)


# --- questions without answers -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["vragen_zonder_antwoorden", "vragen_zonder_antwoorden_genummerd"])
def test_questions_without_answers_are_refused_in_one_line(name: str) -> None:
    with pytest.raises(QuestionsWithoutAnswers) as raised:
        parsed(name)
    assert str(raised.value) == QUESTIONS_ONLY and "\n" not in str(raised.value)
    with pytest.raises(QuestionsOnly):
        read_document((LAYOUTS / f"{name}.txt").read_bytes(), f"{name}.txt")


def test_a_republished_page_without_an_answer_is_refused_too() -> None:
    raw = "\n".join(
        line
        for line in (LAYOUTS / "openkamer_herpublicatie.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith(("Beantwoord", "Bron antwoord"))
    )
    with pytest.raises(QuestionsWithoutAnswers):
        parse_document(raw)


# --- text cut off ---------------------------------------------------------------------------------------


def test_cut_off_text_imports_what_is_complete_and_the_preview_says_so() -> None:
    document = parsed("afgebroken_tekst")
    assert [e.number for e in document.entries] == [1, 2]
    assert document.truncated is not None and document.truncated.number == 3
    assert document.truncated.text.endswith("geïnformeerd over de")
    service = fresh_service()
    moderation = Moderation(service)
    preview = moderation.preview_import(document)
    shown = render_preview(preview, IMPORT_EN)
    assert "Vraag 3 looks cut off and is not imported" in shown
    assert "Vraag 3: " not in shown, "the cut-off entry is not listed as an entry"
    stored, entries = moderation.commit_import(preview.parsed, "telegram:1")
    assert [e.number for e in entries] == [1, 2]
    assert all("geïnformeerd over de" not in e.text for e in service.store.entries(document_key=stored.key))


def _stopped_at_the_last_question(name: str, where: str, keep: bool) -> str:
    raw = (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")
    assert raw.count(where) == 1
    return raw[: raw.index(where) + (len(where) if keep else 0)] + "\n"


@pytest.mark.parametrize(
    ("name", "where", "keep"),
    [
        ("openkamer_herpublicatie", "• Vraag 3", True),  # right after the heading
        ("openkamer_herpublicatie", "    De veiligheid van iedereen", False),  # after the question
        ("afgebroken_tekst", "Vraag 3", True),
        ("afgebroken_tekst", "Antwoord 3", False),
        ("afgebroken_tekst", "Antwoord 3", True),  # the answer's heading, and nothing under it
        ("commissievragen_brief", "3.\n", True),
        ("commissievragen_brief", "Ja. Het ministerie", False),
    ],
    ids=["openkamer heading", "openkamer question", "heading", "question", "answer heading", "committee number",
         "committee question"],
)
def test_a_copy_that_stops_at_the_last_question_before_its_answer_is_called_cut_off(
    name: str, where: str, keep: bool
) -> None:
    """Cut off right after 'Vraag 3' (or its question), before any answer: it imported without a word."""
    document = parse_document(_stopped_at_the_last_question(name, where, keep))
    assert [e.number for e in document.entries] == [1, 2], "what is complete is imported"
    assert document.cut_off_questions == [3] and document.unanswered == []
    assert_preview_says_cut_off(document, 3)


def test_a_question_without_an_answer_before_the_last_is_unanswered_not_cut_off() -> None:
    raw = (LAYOUTS / "openkamer_herpublicatie.txt").read_text(encoding="utf-8")
    raw = raw.replace("    Ja, ik ben bekend met deze berichten.\n", "")
    document = parse_document(raw)
    assert [e.number for e in document.entries] == [2, 3]
    assert document.unanswered == [1] and document.cut_off_questions == [], "the republished page says it now too"
    assert "cut off" not in render_preview(Moderation(fresh_service()).preview_import(document), IMPORT_EN)


_LAST_ANSWER = "De NAVO neemt deze ontwikkeling serieus en heeft de bondgenoten eerder geïnformeerd over de"


@pytest.mark.parametrize(
    "ending",
    [
        "De NAVO neemt deze ontwikkeling serieus (zie ook de verklaring van de Noord-Atlantische Raad)",
        "De NAVO neemt deze ontwikkeling serieus. Zie https://www.nato.int/cps/en/natohq/news",
        "De NAVO heeft onder meer het volgende besloten:\n\n– versterking van de oostflank",
        "De NAVO neemt deze ontwikkeling serieus en blijft de situatie nauwlettend volgen",
        "De NAVO neemt deze ontwikkeling serieus, zie Kamerstuk 28 676, nr. 437",
        "De NAVO bespreekt de erbarmelijke detentieomstandigheden",
    ],
    ids=["closing bracket", "web address", "list item", "no punctuation", "a number", "a compound"],
)
def test_a_last_answer_without_a_full_stop_is_not_called_cut_off(ending: str) -> None:
    """Official answers also end in a bracket, a link, a list item or no punctuation: they were flagged
    as cut off and their last answer left out of the import."""
    raw = (LAYOUTS / "afgebroken_tekst.txt").read_text(encoding="utf-8").replace(_LAST_ANSWER, ending)
    document = parse_document(raw)
    assert document.truncated is None and [e.number for e in document.entries] == [1, 2, 3]
    assert "cut off" not in render_preview(Moderation(fresh_service()).preview_import(document), IMPORT_EN)


@pytest.mark.parametrize(
    "ending",
    [
        _LAST_ANSWER,  # a connecting word
        "De NAVO neemt deze ontwikkeling serieus en heeft de bondgenoten eerder geïnfor",  # mid-word
        "De NAVO neemt deze ontwikkeling serieus en heeft de bondgenoten eerder geïn-",  # at a hyphen
        "De NAVO neemt deze ontwikkeling serieus, en",
        "De NAVO neemt deze ontwikkeling serieus,",  # a comma
        "De NAVO neemt deze ontwikkeling serieus (zie ook de verklaring van",  # a bracket left open
    ],
    ids=["connecting word", "mid-word", "hyphen", "conjunction", "comma", "open bracket"],
)
def test_a_last_answer_that_stops_mid_sentence_is_called_cut_off(ending: str) -> None:
    raw = (LAYOUTS / "afgebroken_tekst.txt").read_text(encoding="utf-8").replace(_LAST_ANSWER, ending)
    document = parse_document(raw)
    assert document.truncated is not None and document.truncated.number == 3
    assert [e.number for e in document.entries] == [1, 2]


def test_the_cut_off_warning_stays_when_a_document_of_the_same_date_is_in_the_store() -> None:
    """Same kind and date as a stored document: the import goes beside it under another key, and the
    preview still says that the last entry looks cut off (it lost that when the key changed)."""
    raw = (LAYOUTS / "afgebroken_tekst.txt").read_text(encoding="utf-8")
    raw = raw.replace("2023Z99514\n", "").replace("(ontvangen 6 juni 2023)", "(ontvangen 16 juli 2021)")
    document = parse_document(raw)
    assert document.document.key == ANSWERS_KEY, "the shipped answers' key: this one must go beside them"
    moderation = Moderation(fresh_service())
    preview = moderation.preview_import(document)
    assert preview.parsed.document.key != ANSWERS_KEY and preview.beside == ANSWERS_KEY
    assert preview.parsed.truncated is not None and preview.parsed.truncated.number == 3
    assert preview.parsed.truncated.document_key == preview.parsed.document.key
    assert any(n.reason is Reason.WARN_CUT_OFF for n in preview.notices)
    assert "Vraag 3 looks cut off and is not imported" in render_preview(preview, IMPORT_EN)


def test_the_complete_first_sentence_of_a_cut_off_answer_takes_its_number_not_a_note() -> None:
    """The copy stopped mid-sentence in answer 3; the moderator adds the sentence that is complete
    in it: it is the document's text (its stored source has it), so it is Vraag 3, official."""
    raw = (LAYOUTS / "afgebroken_tekst.txt").read_text(encoding="utf-8")
    raw = raw.replace("serieus en heeft de bondgenoten", "serieus. De bondgenoten zijn")
    assert raw.rstrip().endswith("geïnformeerd over de")
    service = fresh_service()
    moderation = Moderation(service)
    preview = moderation.preview_import(parse_document(raw))
    stored, _ = moderation.commit_import(preview.parsed, "telegram:1", SourceText(format="text", text=raw))
    draft = EntryDraft(
        document_key=stored.key,
        question="Hoe reageert de NAVO op de kernwapenoefeningen?",
        text="De NAVO neemt deze ontwikkeling serieus.",
    )
    plan = moderation.plan_entry(draft)
    assert not plan.note and plan.number == 3 and plan.why_note is None
    entry = moderation.add_entry(draft, "telegram:1")
    assert entry.key == f"{stored.key}/3" and not entry.note
    not_there = draft.model_copy(update={"text": "De NAVO neemt deze ontwikkeling serieus en overlegt met Belarus."})
    assert moderation.plan_entry(not_there).note, "words the copy does not have are still a note"


def test_mismatched_numbering_is_flagged_and_no_answer_is_paired_with_another_question() -> None:
    document = parsed("verkeerde_nummering")
    assert [e.number for e in document.entries] == [1, 3]
    assert document.entries[1].question is not None and "plaatsing" in document.entries[1].question
    assert [e.number for e in document.unmatched] == [2] and document.unmatched[0].text.startswith("De NAVO")
    assert document.unanswered == [4]
    service = fresh_service()
    moderation = Moderation(service)
    preview = moderation.preview_import(document)
    shown = render_preview(preview, IMPORT_EN)
    assert "answer 2 (Antwoord 2) has no question of that number" in shown
    assert "⚠️ Question 4 (Vraag 4) has no answer in the document." in shown, "its number as the document prints it"
    assert "Vraag 2: " not in shown and "Vraag 4: " not in shown
    dutch = render_preview(preview, IMPORT_NL)
    assert "Antwoord 2 heeft geen vraag met nummer 2" in dutch and "⚠️ Vraag 4 heeft geen antwoord" in dutch
    for language in ("ru", "be"):
        assert "(Vraag 4)" in render_preview(preview, import_texts(language))
    for language in ("en", "nl", "ru", "be"):  # the lines a command-line import prints after it
        lines = [moderator_texts(language).reason(ModerationError(n.reason, **n.values)) for n in preview.notices]
        assert any("Vraag 4" in line for line in lines) and any("Antwoord 2" in line for line in lines), lines
    assert any("answer 2 (Antwoord 2) has no question" in w for w in preview.warnings)
    assert "question 4 (Vraag 4) has no answer in the document" in preview.warnings
    stored, entries = moderation.commit_import(preview.parsed, "telegram:1")
    assert [e.number for e in entries] == [1, 3], "the misnumbered answer is not stored as 'Vraag 2'"
    assert all("De NAVO" not in e.text for e in service.store.entries(document_key=stored.key))


@pytest.mark.parametrize("heading", ["Vraag 2, 3 en 4", "Vraag 2, 3, 4", "Vragen 2, 3 en 4"])
def test_a_heading_that_groups_three_questions_is_one_entry_answering_all_three(heading: str) -> None:
    """'Vraag 2, 3 en 4' was no heading: the three questions were saved inside the answer to Vraag 1
    (quoted as the minister's words), and 'Antwoord 2, 3 en 4' was dropped as misnumbered."""
    raw = (LAYOUTS / "gegroepeerde_nummering.txt").read_text(encoding="utf-8")
    raw = raw.replace("Vraag 1, 2\n", "Vraag 1\n").replace("Antwoord 1, 2\n", "Antwoord 1\n")
    grouped = (
        f"{heading}\n\nWat betekent dit voor de kinderen die al in Rusland zijn?\n\nWorden zij geregistreerd?\n\n"
        "Welke rol speelt het Rode Kruis daarbij?\n\n"
        f"{heading.replace('Vragen', 'Antwoorden').replace('Vraag', 'Antwoord')}\n\n"
        "Het kabinet heeft geen zicht op het aantal kinderen en steunt het werk van het Rode Kruis.\n\nVraag 5"
    )
    raw = raw.replace("Vraag 3", grouped, 1).replace("Antwoord 3", "Antwoord 5", 1)
    document = parse_document(raw)
    assert [(e.number, e.numbers) for e in document.entries] == [(1, []), (2, [2, 3, 4]), (5, [])]
    first, group, _ = document.entries
    assert "Rusland zijn" not in first.text and "Rode Kruis daarbij" not in first.text, "no question in an answer"
    assert group.text.startswith("Het kabinet heeft geen zicht") and not document.unmatched
    assert "Wat betekent dit" in (group.question or "") and "Rode Kruis daarbij" in (group.question or "")
    assert number_label(group, document.document.kind) == "Vragen 2, 3 en 4", "cited as the document prints it"


def test_headings_printed_with_a_full_stop_are_headings() -> None:
    """'Vraag 1.' / 'Antwoord 1.' (try13b R19): nothing could be read ('no entries could be read')."""
    raw = (LAYOUTS / "gegroepeerde_nummering.txt").read_text(encoding="utf-8")
    dotted = re.sub(r"^((?:Vraag|Antwoord) [0-9, ]+)$", r"\1.", raw, flags=re.MULTILINE)
    assert dotted != raw and "\nVraag 3.\n" in dotted and "\nAntwoord 3.\n" in dotted
    assert [(e.number, e.numbers, e.question, e.text) for e in parse_document(dotted).entries] == [
        (e.number, e.numbers, e.question, e.text) for e in parsed("gegroepeerde_nummering").entries
    ]


def test_grouped_and_matching_numbering_is_not_flagged() -> None:
    for name in ("webpagina_aanhangsel", "vraagnummer_eerst", "gegroepeerde_nummering", "afgebroken_tekst"):
        document = parsed(name)
        assert document.unmatched == [] and document.unanswered == [], name


def test_a_complete_document_is_not_called_cut_off() -> None:
    for name in (
        "webpagina_aanhangsel",
        "vraagnummer_eerst",
        "gegroepeerde_nummering",
        "openkamer_herpublicatie",
        "commissievragen_brief",
    ):
        assert parsed(name).truncated is None, name


# --- text without the marks of an official document -----------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "Een tekst van één regel zonder kop.",
        "Het kabinet zet zich in voor sancties tegen Belarus.\n\nDat schreef ik op na een gesprek.\n",
        "Antwoord: dat weet ik niet.\n\nDe minister zei daar niets over.\n",
    ],
)
def test_a_text_without_any_mark_of_an_official_document_is_refused_and_can_be_a_note(raw: str) -> None:
    with pytest.raises(DocumentRejected) as refused:
        read_document(raw.encode("utf-8"), "tekst.txt")
    assert refused.value.reason is Reason.NOT_OFFICIAL_DOCUMENT
    assert "moderator's note" in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "mark",
    [
        "Den Haag, 2 maart 2021",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Vergaderjaar 2020–2021",
        "Nr. 2298 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN",
    ],
)
def test_one_mark_of_an_official_document_is_enough(mark: str) -> None:
    body = "Het kabinet zet zich in voor sancties tegen Belarus.\n\nNederland steunt het maatschappelijk middenveld.\n"
    parsed_letter = read_document(f"{mark}\n\n{body}".encode(), "brief.txt")
    assert [e.number for e in parsed_letter.entries] == [1, 2]
    assert parsed_letter.document.title == "Brief" or "BRIEF VAN" in mark


def test_a_minister_signature_alone_is_a_mark_of_an_official_document() -> None:
    raw = (LAYOUTS / "kamerstuk_kop.txt").read_text(encoding="utf-8")
    signed = raw[raw.index("Hierbij informeer") :]
    document = read_document(signed.encode(), "brief.txt")
    assert document.document.authors and [e.number for e in document.entries] == [1, 2]
    with pytest.raises(DocumentRejected):
        read_document(signed[: signed.index("De Minister")].encode(), "brief.txt")


# --- a citation from what the letter prints -------------------------------------------------------------


def test_a_letter_printing_vergaderjaar_dossier_and_number_gets_its_kamerstuk_citation() -> None:
    document = parsed("kamerstuk_kop")
    assert document.document.citation == "Kamerstukken II 2022/23, 99 996-02, nr. 4123"
    assert document.document.number == "4123" and document.document.date == dt.date(2023, 3, 14)
    assert [e.number for e in document.entries] == [1, 2], "the head is no paragraph of the letter"
    assert citation_for(document.entries[0], document.document).reference == document.document.citation
    shown = render_preview(Moderation(fresh_service()).preview_import(document), IMPORT_EN)
    assert "Citation: Kamerstukken II 2022/23, 99 996-02, nr. 4123" in shown
    assert IMPORT_EN.no_citation not in shown


def test_a_kamerstuk_head_read_line_by_line_gets_its_citation() -> None:
    """Chamber, 'Vergaderjaar', the dossier number and 'Nr. 4123' each on a line of its own (as a copy of
    the PDF's head gives them): the lines ran together and the letter got no number and no citation."""
    raw = (LAYOUTS / "kamerstuk_kop.txt").read_text(encoding="utf-8")
    one_line = parse_document(raw).document
    raw = raw.replace("99 996-02 Raad Algemene Zaken en Raad\nBuitenlandse Zaken\n\n", "99 996-02\n").replace(
        "Nr. 4123 BRIEF VAN", "Nr. 4123\n\nBRIEF VAN"
    )
    raw = raw.replace("Vergaderjaar 2022–2023\n\n", "Vergaderjaar 2022–2023\n")
    assert "Vergaderjaar 2022–2023\n99 996-02\nNr. 4123\n" in raw
    document = parse_document(raw)
    assert document.document.citation == "Kamerstukken II 2022/23, 99 996-02, nr. 4123" == one_line.citation
    assert document.document.number == "4123" and document.document.key == one_line.key
    assert [e.text for e in document.entries] == [e.text for e in parse_document(
        (LAYOUTS / "kamerstuk_kop.txt").read_text(encoding="utf-8")).entries], "no head line became a paragraph"


def test_a_citation_is_built_only_from_what_is_printed() -> None:
    raw = (LAYOUTS / "kamerstuk_kop.txt").read_text(encoding="utf-8")
    for missing in ("Vergaderjaar 2022–2023\n", "99 996-02 Raad Algemene Zaken en Raad\nBuitenlandse Zaken\n", "Nr. 4123 "):
        assert parse_document(raw.replace(missing, "")).document.citation is None, missing
    first_chamber = raw.replace(
        "Tweede Kamer der Staten-Generaal\nVergaderjaar", "Eerste Kamer der Staten-Generaal\nVergaderjaar",
        1,
    )
    assert parse_document(first_chamber).document.citation == "Kamerstukken I 2022/23, 99 996-02, nr. 4123"


# --- the preview --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "webpagina_aanhangsel",
            [
                "Kind: Antwoord op Kamervragen",
                "Date: 28 juni 2021",
                "Authors: minister Verhoef (Buitenlandse Zaken)",
                "Citation: Aanhangsel Handelingen II 2020/21, nr. 9341",
                "3 entries:",
                "Vraag 1: Bent u bekend met het bericht dat … → Ja.",
                "Vraag 3: Bent u bereid in EU-verband te pleiten … → Ja. Nederland zet zich in EU-verband …",
            ],
        ),
        (
            "commissievragen_brief",
            [
                "Kind: Kamerbrief",
                "Date: 17 april 2024",
                "Authors: H.M. Kuipers-Dekker, Minister van Buitenlandse Zaken",
                "Citation: no official citation found",
                "3 entries:",
                "Vraag 2: Wat doet het kabinet om de vrijlating … → Het kabinet roept in bilaterale contacten …",
            ],
        ),
        (
            "openkamer_herpublicatie",
            [
                "Date: 16 juli 2021",
                "Citation: Aanhangsel Handelingen II 2020/21, nr. 9512",
                "Authors: staatssecretaris Pieter van Leeuwen (Justitie en Veiligheid)",
            ],
        ),
    ],
)
def test_preview_shows_kind_date_authors_citation_and_every_entry(name: str, expected: list[str]) -> None:
    lines = preview_text(name).splitlines()
    for line in expected:
        assert line in lines, (line, lines)


def test_preview_is_in_the_moderators_language() -> None:
    moderation = Moderation(fresh_service())
    shown = render_preview(moderation.preview_import(parsed("afgebroken_tekst")), IMPORT_NL)
    assert shown.startswith("<b>Import: voorbeeld</b>\nSoort: Antwoord op Kamervragen\nDatum: 6 juni 2023")
    assert "Vraag 3 lijkt afgebroken" in shown


def test_importing_a_layout_changes_nothing_until_confirmed() -> None:
    service = fresh_service()
    before = content(service.store)
    Moderation(service).preview_import(parsed("openkamer_herpublicatie"))
    assert content(service.store) == before


def test_numbered_sections_of_an_ordinary_letter_are_not_made_questions() -> None:
    raw = (
        "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n\n"
        "Den Haag, 3 mei 2024\n\nGeachte voorzitter,\n\n"
        "1.\nHet kabinet blijft de situatie in Belarus\nvolgen.\n\nDe ambassade in Vilnius\nblijft open.\n\n"
        "2.\nNederland steunt het maatschappelijk\nmiddenveld.\n\n"
        "De Minister van Buitenlandse Zaken,\n\nH.M. Kuipers-Dekker\n"
    )
    document = parse_document(raw)
    assert " ".join(e.text for e in document.entries) == (
        "Het kabinet blijft de situatie in Belarus volgen. De ambassade in Vilnius blijft open. "
        "Nederland steunt het maatschappelijk middenveld."
    ), "every paragraph kept, the section numbers left out"
    assert not any(e.question or e.question_is_official for e in document.entries)


def test_a_republished_page_with_answer_headings_is_read_the_same() -> None:
    raw = (LAYOUTS / "openkamer_herpublicatie.txt").read_text(encoding="utf-8").replace(
        "    Ja, ik ben bekend met deze berichten.", "    Antwoord 1\n\n    Ja, ik ben bekend met deze berichten."
    )
    first = parse_document(raw).entries[0]
    assert first.question.startswith("Bent u bekend") and first.text == "Ja, ik ben bekend met deze berichten."


def test_a_web_copy_keeps_a_sentence_that_a_line_break_split() -> None:
    long_line = "Nederland steunt onafhankelijke Belarussische media via het Mensenrechtenfonds en via bijdragen aan"
    raw = (LAYOUTS / "webpagina_aanhangsel.txt").read_text(encoding="utf-8").replace(
        "Nederland steunt onafhankelijke Belarussische media via het Mensenrechtenfonds en via bijdragen aan ",
        long_line + "\n",
    )
    second = parse_document(raw).entries[1]
    assert second.text.startswith(long_line + " internationale organisaties") and second.text.count("\n\n") == 1


# --- Dutch name particles ('van der', 'ter', 'De') stay in the ministers' names ---------------------

ANSWERS_BY_PARTICLE_NAMES = (LAYOUTS / "namen_met_tussenvoegsels.txt").read_text(encoding="utf-8")


def test_ministers_names_keep_their_particles_in_answers() -> None:
    document = parse_document(ANSWERS_BY_PARTICLE_NAMES).document
    assert [(a.name, a.role) for a in document.authors] == [
        ("van der Berg", "minister"),
        ("ter Horst", "staatssecretaris"),
        ("F.B.J. Dijkstra", "minister"),
    ]


@pytest.mark.parametrize(
    ("signature", "names"),
    [
        ("De Minister van Justitie en Veiligheid,\nF.B.J. Dijkstra", ["F.B.J. Dijkstra"]),
        ("De Minister van Buitenlandse Zaken,\nJ. van der Berg", ["J. van der Berg"]),
        ("De Minister van Justitie,\nvan der Berg", ["van der Berg"]),
        (
            "De Minister van Justitie, van den Heuvel De Minister van Financiën, M. ter Horst",
            ["van den Heuvel", "M. ter Horst"],
        ),
        ("De Staatssecretaris van Justitie en Veiligheid,\nA. van den Heuvel-de Vries", ["A. van den Heuvel-de Vries"]),
    ],
)
def test_signatures_keep_the_particles_of_a_name(signature: str, names: list[str]) -> None:
    letter = (LAYOUTS.parent / "kamerbrief_signature_two_ministers.txt").read_text(encoding="utf-8")
    original = letter[letter.index("De Minister van Buitenlandse Zaken,\nJ.P. Verhoef") :]
    document = parse_document(letter.replace(original, signature + "\n")).document
    assert [a.name for a in document.authors] == names


def test_the_xml_answered_by_line_keeps_the_particles() -> None:
    from tests.moderationkit import AANHANGSEL_XML

    xml = AANHANGSEL_XML.read_bytes().replace(b"minister De Vries (", b"minister van der Vries (")
    assert b"van der Vries" in xml
    document = read_document(xml, "antwoorden.xml").document
    assert document.authors[0].name == "van der Vries"


def test_a_key_told_apart_by_its_authors_keeps_their_particles() -> None:
    from knowledge.identity import key_candidates

    document = parse_document(ANSWERS_BY_PARTICLE_NAMES).document
    assert key_candidates(document, "0" * 64)[1] == "kamervragen-2021-06-28-van-der-berg-ter-horst-dijkstra"


SHORT_LETTER = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2022–2023
21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken
Nr. 2511 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 3 februari 2023

Hierbij bericht ik uw Kamer dat de EU de lijst van personen tegen wie beperkende maatregelen gelden
opnieuw heeft verlengd, tot en met 28 februari 2024.

De Minister van Buitenlandse Zaken,
W.B. Hoekstra
"""


@pytest.mark.parametrize("body_paragraphs", [1, 2])
def test_a_short_letter_keeps_its_header_lines_apart(body_paragraphs: int) -> None:
    """With one or two wrapped paragraphs the header's lines set the width, and were read as one
    paragraph: no date, and the header quoted as 'alinea 1'."""
    extra = "Het kabinet blijft de situatie nauwlettend volgen en informeert uw Kamer\nover verdere stappen.\n\n"
    raw = SHORT_LETTER.replace("\n\nDe Minister", "\n\n" + extra * (body_paragraphs - 1) + "De Minister")
    parsed = parse_document(raw)
    assert parsed.document.date == dt.date(2023, 2, 3) and parsed.document.number == "2511"
    assert len(parsed.entries) == body_paragraphs
    assert parsed.entries[0].text.startswith("Hierbij bericht ik uw Kamer")
    assert not any("Staten-Generaal" in e.text for e in parsed.entries)


def test_a_misnumbered_answer_in_official_xml_is_left_out_and_named_too() -> None:
    from tests.moderationkit import AANHANGSEL_XML

    raw = AANHANGSEL_XML.read_text(encoding="utf-8").replace("<nr>Antwoord 4</nr>", "<nr>Antwoord 5</nr>")
    document = read_document(raw.encode("utf-8"), "antwoorden.xml")
    assert [e.number for e in document.entries] == [1, 2]
    assert [e.number for e in document.unmatched] == [5] and document.unmatched[0].question is None
    assert document.unanswered == [4]
    shown = render_preview(Moderation(fresh_service()).preview_import(document), IMPORT_EN)
    assert "answer 5 (Antwoord 5) has no question of that number" in shown
    assert "Question 4 (Vraag 4) has no answer in the document" in shown
    whole = read_document(AANHANGSEL_XML.read_bytes(), "antwoorden.xml")
    assert whole.unmatched == [] and whole.unanswered == [], "'Antwoord 2 en 3' answers questions 2 and 3"


def test_a_republished_pages_follow_up_questions_stay_with_the_question() -> None:
    """'Zo ja, wat is uw reactie daarop?' as a paragraph of its own is the MP's, never the minister's answer
    (found by the moderator-flow tester: it was quoted as the government's words under 'Vraag 1')."""
    raw = (
        "Kamervraag 2021Z12000\nKamervragen over Belarussische studenten\nIngediend 1 juli 2021\n"
        "Beantwoord 20 augustus 2021 (na 50 dagen)\nIndiener Sjoerd Sjoerdsma (D66)\n"
        "Beantwoord door Ingrid van Engelshoven (minister onderwijs, cultuur en wetenschap) (D66)\n\n"
        "• Vraag 1\n    Bent u bekend met de oproep van Belarussische studenten om hulp?\n"
        "    Zo ja, wat is uw reactie daarop?\n    Ja. Het kabinet heeft begrip voor de zorgen van deze studenten.\n\n"
        "• Vraag 2\n    Kent u dit bericht?\n    Zo nee, wilt u er kennis van nemen.\n    Indien ja, wat doet u?\n"
        "    Nee. Het kabinet zal er kennis van nemen.\n\n"
        "• Vraag 3\n    Wat is uw reactie?\n    Zo ja, dat is de vraag niet.\n"
    )
    first, second, third = parse_document(raw).entries
    asked = "Bent u bekend met de oproep van Belarussische studenten om hulp?\n\nZo ja, wat is uw reactie daarop?"
    assert first.question == asked
    assert first.text == "Ja. Het kabinet heeft begrip voor de zorgen van deze studenten."
    assert second.question.endswith("Indien ja, wat doet u?") and second.text == "Nee. Het kabinet zal er kennis van nemen."
    assert third.text == "Zo ja, dat is de vraag niet.", "a paragraph is always left to answer"


def test_an_official_question_is_never_replaced_by_other_words() -> None:
    """Found by the moderator-flow tester: an edited question was printed as the MP's 'Vraag:' with the
    minister's answer under it. Only the document's own words may stand as its question."""
    from knowledge.moderation import ModerationError

    service = fresh_service()
    moderation = Moderation(service)
    [entry] = [e for e in service.entries_of(ANSWERS_KEY) if e.number == 6]
    assert entry.question and entry.question_is_official, "the setup: the document's own question"
    with pytest.raises(ModerationError) as refused:
        moderation.edit_entry(entry.id or 0, entry.version, "cli:test", question="Is er een meldpunt voor Belarussen?")
    assert refused.value.reason is Reason.QUESTION_IS_OFFICIAL
    assert service.store.entry(entry.id or 0).question == entry.question, "nothing changed"
    reread = entry.question.split("?")[0] + "?"  # a better reading of the document's own words is allowed
    edited = moderation.edit_entry(entry.id or 0, entry.version, "cli:test", question=reread)
    assert edited.question == reread and edited.question_is_official


def _cut_off_answers_stored() -> tuple[AnswerService, Moderation, str]:
    """The cut-off answers, stored with their source text, and with the complete first sentence of Vraag 3's
    answer ('De NAVO neemt deze ontwikkeling serieus.') not among the entries: a moderator adds it."""
    raw = (LAYOUTS / "afgebroken_tekst.txt").read_text(encoding="utf-8")
    raw = raw.replace("serieus en heeft de bondgenoten", "serieus. De bondgenoten zijn")
    service = fresh_service()
    moderation = Moderation(service)
    stored, _ = moderation.commit_import(
        moderation.preview_import(parse_document(raw)).parsed, "cli:test", SourceText(format="text", text=raw)
    )
    return service, moderation, stored.key


def test_a_question_declared_official_must_be_the_documents_words_or_the_entry_is_refused() -> None:
    """`question_is_official: true` on words the document does not contain is refused in one line, and
    nothing is stored: it was silently stored as a moderator's question (try13 wording). The document's
    own question, declared so, stays official."""
    service, moderation, key = _cut_off_answers_stored()
    before = content(service.store)
    text = "De NAVO neemt deze ontwikkeling serieus."
    curated = EntryDraft(
        document_key=key, question="Pleit Nederland voor een wapenembargo tegen Belarus?", text=text,
        question_is_official=True,
    )
    for refused_draft in (curated, curated.model_copy(update={"note": True})):
        with pytest.raises(ModerationError) as refused:
            moderation.plan_entry(refused_draft)
        assert refused.value.reason is Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT
        with pytest.raises(ModerationError):
            moderation.add_entry(refused_draft, "cli:test")
    assert content(service.store) == before, "nothing stored"
    for language in ("en", "nl", "ru", "be"):
        line = moderator_texts(language).reason(ModerationError(Reason.OFFICIAL_QUESTION_NOT_IN_DOCUMENT, key=key))
        assert key in line and "\n" not in line and "question_is_official" in line, line
    own = "Welke gevolgen heeft dit voor de inzet van de NAVO?"
    on_a_note = EntryDraft(document_key=key, question=own, text="Een eigen samenvatting.", question_is_official=True)
    with pytest.raises(ModerationError) as refused:
        moderation.add_entry(on_a_note, "cli:test")
    assert refused.value.reason is Reason.OFFICIAL_QUESTION_ON_NOTE, "a note never carries the MP's question"
    entry = moderation.add_entry(curated.model_copy(update={"question": own}), "cli:test")
    assert not entry.note and entry.number == 3 and entry.question_is_official and entry.question == own


def test_a_question_declared_official_on_a_document_without_source_text_says_there_is_none_to_check() -> None:
    """A document stored before source texts were kept: the question cannot be checked, and the line
    says so (not that the document 'does not contain this question', which nobody could know)."""
    service, moderation, key = _cut_off_answers_stored()
    document_id = service.store.document(key).id or 0
    service.store.db.execute("DELETE FROM document_sources WHERE document_id = ?", [document_id])
    draft = EntryDraft(
        document_key=key, question="Welke gevolgen heeft dit voor de inzet van de NAVO?",
        text="De NAVO neemt deze ontwikkeling serieus.", question_is_official=True,
    )
    before = content(service.store)
    with pytest.raises(ModerationError) as refused:
        moderation.add_entry(draft, "cli:test")
    assert refused.value.reason is Reason.OFFICIAL_QUESTION_NO_SOURCE and content(service.store) == before
    for language in ("en", "nl", "ru", "be"):
        line = moderator_texts(language).reason(refused.value)
        assert key in line and "\n" not in line and "question_is_official" in line, line
    assert "has no source text in the store to check the question against" in moderator_texts("en").reason(refused.value)


def test_a_moderators_question_on_answers_to_kamervragen_is_not_shown_as_the_mps() -> None:
    """The complete part of a cut-off answer added with a question of the moderator's own: the text is
    official (Vraag 3), the question is not the MP's, and no reply prints it as 'Vraag: ...' (the
    tester's 'Pleit Nederland voor een wapenembargo?', harm 1)."""
    from handlers.render import render_match_messages
    from interface.plain import render_match_plain

    service, moderation, key = _cut_off_answers_stored()
    curated = "Pleit Nederland voor een wapenembargo tegen Belarus?"
    draft = EntryDraft(document_key=key, question=curated, text="De NAVO neemt deze ontwikkeling serieus.")
    entry = moderation.add_entry(draft, "cli:test")
    assert not entry.note and entry.number == 3 and not entry.question_is_official, "not the document's words"
    for language in ("nl", "en"):
        texts = texts_for(language)
        match = service.match_for_entry(entry)
        assert curated not in render_match_plain(match, texts) and curated not in "".join(render_match_messages(match, texts))
        assert "De NAVO neemt deze ontwikkeling serieus." in render_match_plain(match, texts)
    official = next(e for e in service.entries_of(key) if e.question_is_official and e.question)
    nl = texts_for("nl")
    assert f"{nl.official_question}: {official.question}" in render_match_plain(service.match_for_entry(official), nl)


@pytest.mark.parametrize("place_date", [True, False])
@pytest.mark.parametrize("subject_lines", [1, 2])
def test_a_ministry_letterheads_datum_block_gives_the_date_and_its_betreft_the_subject(
    place_date: bool, subject_lines: int
) -> None:
    """'Datum 17 april 2024' over 'Betreft …' in the letterhead's margin block: the letter's date, also
    without a 'Den Haag, …' line, and its subject (found by the moderator-flow tester: undated, 'Brief')."""
    subject = "Beantwoording vragen van de vaste commissie voor Buitenlandse Zaken over de situatie in Belarus"
    two_lines = "Betreft Beantwoording vragen van de vaste commissie voor\nBuitenlandse Zaken over de situatie in Belarus"
    betreft = f"Betreft {subject}" if subject_lines == 1 else two_lines
    raw = "\n\n".join([
        "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nBinnenhof 4\nDen Haag",
        f"Datum 17 april 2024\n{betreft}",
        *(["Den Haag, 17 april 2024"] if place_date else []),
        "Hierbij zend ik u de antwoorden op de vragen van de vaste commissie voor Buitenlandse Zaken.",
        "1.\nHoeveel Belarussen kregen een humanitair visum?",
        "Nederland heeft sinds augustus 2020 aan 312 Belarussische burgers een visum verstrekt.",
        "2.\nSteunt Nederland onafhankelijke media in ballingschap?",
        "Ja. Nederland steunt onafhankelijke Belarussische media die vanuit Litouwen werken.",
        "De Minister van Buitenlandse Zaken,\n\nH.G.J. Bruins Slot",
    ]) + "\n"
    document = parse_document(raw)
    assert document.document.date == dt.date(2024, 4, 17)
    assert document.document.subject == subject
    assert [(e.number, e.question) for e in document.entries] == [
        (1, "Hoeveel Belarussen kregen een humanitair visum?"), (2, "Steunt Nederland onafhankelijke media in ballingschap?")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("(Justitie en Veiligheid) (ontvangen", "(Justitie en\nVeiligheid) (ontvangen"),
        ("(ontvangen 16 juli 2021)", "(ontvangen 16 juli\n2021)"),
        ("(ingezonden 3 juni 2021)", "(ingezonden 3\njuni 2021)"),
    ],
    ids=["answerers", "date received", "date sent"],
)
def test_a_header_line_broken_inside_its_brackets_keeps_date_and_ministers(old: str, new: str) -> None:
    """The question-number-first head of a copy whose lines stand one under the other, one broken where a
    bracket is open: its two parts were two paragraphs, and the date and ministers were lost."""
    raw = (LAYOUTS / "vraagnummer_eerst.txt").read_text(encoding="utf-8")
    assert raw.count(old) == 1
    document = parse_document(raw.replace(old, new)).document
    assert document.date == dt.date(2021, 7, 16)
    assert [a.name for a in document.authors] == ["Verhoef", "Van Leeuwen"]
    assert document.question_number == "2021Z99923"
    assert document.title.startswith("Vragen van het lid Koekkoek (Volt)") and "ingezonden" not in document.title
