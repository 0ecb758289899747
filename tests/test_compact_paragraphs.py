"""Copies that lost the blank lines between paragraphs (issue 13: letters copied from PDFs, every
line broken mid-sentence): paragraphs are read from the lines themselves. A line that ends a
sentence although the next word would have fitted on it ends its paragraph; so does an indented
first line; numbered headings stay headings. The same letter reads the same with or without its
blank lines, as text and as a PDF. The documents are fictional, written for these tests."""

from __future__ import annotations

import textwrap

import pytest

from knowledge.ingest.cleaning import clean_document
from knowledge.ingest.importers import read_document
from knowledge.ingest.parsing import parse_document
from knowledge.models import DocumentKind, ParsedDocument
from tests.pdfgen import make_pdf

HEAD = [
    "Aan de Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Postbus 20018",
    "2500 EA Den Haag",
    "Den Haag, 3 oktober 2025",
    "Betreft Stand van zaken steun aan het maatschappelijk middenveld in Belarus",
]
#: Fictional paragraphs: some with a sentence ending inside them at a line end, one of one line.
PARAGRAPHS = [
    "Geachte voorzitter,",
    "Met deze brief informeer ik uw Kamer over de steun die het kabinet het afgelopen jaar heeft gegeven aan "
    "het maatschappelijk middenveld in Belarus. Die steun is sinds de verkiezingen van 2020 fors uitgebreid. "
    "Het kabinet werkt daarbij nauw samen met gelijkgezinde landen, met de Europese Unie en met "
    "de Raad van Europa.",
    "Onafhankelijke media staan onder grote druk. Journalisten worden vervolgd en redacties zijn naar het "
    "buitenland uitgeweken. Nederland financiert daarom opleidingen voor journalisten en draagt bij aan "
    "de kosten van redacties in Litouwen en Polen.",
    "Daarnaast steunt het kabinet organisaties die politieke gevangenen en hun families bijstaan.",
    "Het kabinet blijft de ontwikkelingen nauwgezet volgen en zal uw Kamer informeren wanneer de situatie "
    "daartoe aanleiding geeft. Over de inzet in de Raad Buitenlandse Zaken wordt uw Kamer zoals gebruikelijk "
    "geïnformeerd via de geannoteerde agenda.",
]
SIGNATURE = ["De Minister van Buitenlandse Zaken,", "", "J.K. van Doorn"]
WIDTH = 78


def wrapped(paragraph: str) -> list[str]:
    return textwrap.wrap(paragraph, WIDTH)


def with_blank_lines() -> str:
    blocks = [*HEAD, *(("\n".join(wrapped(p))) for p in PARAGRAPHS), "\n".join(SIGNATURE)]
    return "\n\n".join(blocks) + "\n"


def without_blank_lines(indent: str = "") -> str:
    lines = list(HEAD)
    for paragraph in PARAGRAPHS:
        first, *rest = wrapped(paragraph)
        lines += [indent + first, *rest]
    lines += [line for line in SIGNATURE if line]
    return "\n".join(lines) + "\n"


def entries_of(parsed: ParsedDocument) -> list[tuple[int, str]]:
    return [(e.number, e.text) for e in parsed.entries]


def test_the_letter_with_blank_lines_reads_as_written() -> None:
    parsed = parse_document(with_blank_lines())
    assert parsed.document.kind is DocumentKind.KAMERBRIEF and [a.name for a in parsed.document.authors] == ["J.K. van Doorn"]
    assert [text for _, text in entries_of(parsed)] == PARAGRAPHS[1:], "the salutation is no paragraph"


@pytest.mark.parametrize("indent", ["", "    ", "\t"])
def test_a_copy_without_blank_lines_reads_the_same_paragraphs(indent: str) -> None:
    expected = parse_document(with_blank_lines())
    compact = without_blank_lines(indent)
    assert "\n\n" not in compact
    parsed = parse_document(compact)
    assert entries_of(parsed) == entries_of(expected)
    assert parsed.document.date == expected.document.date and parsed.document.authors == expected.document.authors


def test_an_indented_first_line_ends_the_paragraph_before_it_where_line_length_cannot_tell() -> None:
    """Paragraphs whose last line is full: only the indentation of the next one shows where they end."""
    full = "Het kabinet blijft deze ontwikkelingen in Belarus nauwgezet en met grote zorg volgen."
    lines = [*HEAD, "Geachte voorzitter,"]
    body = []
    for n in range(1, 4):
        text = f"Alinea {n} begint hier en loopt door over de hele regel heen tot het einde van de zin."
        wrap = max(len(text), len(full))
        assert len(text) + len(" Het") > wrap and len(full) + len(" Alinea") > wrap, "the setup: both lines full"
        body.append(f"{text} {full}")
        lines += ["    " + text, full]
    lines += [line for line in SIGNATURE if line]
    parsed = parse_document("\n".join(lines) + "\n")
    assert [text for _, text in entries_of(parsed)] == body
    unindented = parse_document("\n".join(line.strip() for line in lines) + "\n")
    assert len(unindented.entries) == 1, "without the indentation nothing shows the ends (kept together)"


def test_a_sentence_ending_at_a_full_line_does_not_end_its_paragraph() -> None:
    first = [
        "Onafhankelijke media staan in Belarus al sinds de verkiezingen onder zware druk.",
        "Journalisten worden vervolgd en redacties zijn naar het buitenland uitgeweken,",
        "waar zij met steun van Nederland hun werk voortzetten.",
    ]
    second = wrapped(PARAGRAPHS[3])
    assert len(first[0]) + 1 + len(first[1].split()[0]) > max(map(len, first + second)), "the setup: no room left"
    clean = clean_document("\n".join([*first, *second, *wrapped(PARAGRAPHS[4])]) + "\n")
    assert [p.text for p in clean.paragraphs][-3:] == [" ".join(first), PARAGRAPHS[3], PARAGRAPHS[4]]


def test_a_list_within_a_paragraph_stays_in_it() -> None:
    listed = ["Het kabinet zet zich in voor:", "- steun aan onafhankelijke media;", "- vrijlating van gevangenen."]
    lines = [*wrapped(PARAGRAPHS[1]), *listed, *wrapped(PARAGRAPHS[4])]
    paragraphs = [p.text for p in clean_document("\n".join(lines) + "\n").paragraphs]
    assert paragraphs == [PARAGRAPHS[1], "\n".join(listed), PARAGRAPHS[4]]


def test_a_committee_letter_without_blank_lines_keeps_its_numbered_questions() -> None:
    questions = [
        ("Hoeveel journalisten zitten er volgens het kabinet op dit moment vast in Belarus?",
         ["Volgens organisaties van journalisten zitten er op dit moment ruim dertig journalisten vast. "
          "Het kabinet heeft geen reden om aan deze cijfers te twijfelen."]),
        ("Wat doet het kabinet voor deze journalisten?",
         ["Het kabinet vraagt in bilaterale contacten en in multilateraal verband om hun vrijlating.",
          "Daarnaast steunt Nederland organisaties die hun families juridische hulp bieden."]),
    ]
    lines = [*HEAD, "Geachte voorzitter,", "Hierbij bied ik u de antwoorden aan op de vragen van de vaste commissie."]
    for number, (question, answer) in enumerate(questions, start=1):
        lines += [f"{number}.", *wrapped(question)]
        for paragraph in answer:
            lines += wrapped(paragraph)
    lines += [line for line in SIGNATURE if line]
    parsed = parse_document("\n".join(lines) + "\n")
    assert [(e.number, e.question, e.text) for e in parsed.entries] == [
        (n, q, "\n\n".join(a)) for n, (q, a) in enumerate(questions, start=1)
    ]
    assert parsed.truncated is None and [a.name for a in parsed.document.authors] == ["J.K. van Doorn"]


def test_answers_to_kamervragen_without_blank_lines_keep_each_answers_paragraphs() -> None:
    answer_two = [
        "Ja. Het kabinet heeft de Belarussische ambassadeur hierover aangesproken en om opheldering gevraagd.",
        "Nederland zal dit ook in EU-verband aan de orde stellen.",
    ]
    lines = [
        "2025Z99001",
        "Vragen van het lid Voorbeeld (XX) aan de Minister van Buitenlandse Zaken over journalisten in Belarus "
        "(ingezonden 1 september 2025).",
        "Antwoord van Minister Van Doorn (Buitenlandse Zaken) (ontvangen 22 september 2025).",
        "Vraag 1",
        "Bent u bekend met de berichten over de arrestatie van journalisten in Belarus?",
        "Antwoord 1",
        "Ja.",
        "Vraag 2",
        *wrapped("Heeft u de Belarussische ambassadeur hierover aangesproken? Zo ja, wat was de reactie?"),
        "Antwoord 2",
        *(line for paragraph in answer_two for line in wrapped(paragraph)),
    ]
    parsed = parse_document("\n".join(lines) + "\n")
    assert parsed.document.kind is DocumentKind.KAMERVRAGEN
    assert [e.text for e in parsed.entries] == ["Ja.", "\n\n".join(answer_two)]


def test_a_pdf_of_a_letter_without_blank_lines_reads_the_same_paragraphs() -> None:
    expected = parse_document(with_blank_lines())
    parsed = read_document(make_pdf(without_blank_lines()), "brief.pdf")
    assert entries_of(parsed) == entries_of(expected)


# --- PDFs laid out by a word processor: paragraph spacing and indents are positions, not text ---------


def _full_line_paragraphs() -> tuple[list[str], list[list[str]]]:
    """Paragraphs whose every line is full: no line length tells where one ends (see the test above)."""
    full = "Het kabinet blijft deze ontwikkelingen in Belarus nauwgezet en met grote zorg volgen."
    body, blocks = [], []
    for n in range(1, 4):
        text = f"Alinea {n} begint hier en loopt door over de hele regel heen tot het einde van de zin."
        body.append(f"{text} {full}")
        blocks.append([text, full])
    return body, blocks


def test_a_pdf_with_paragraph_spacing_ends_paragraphs_whose_last_line_is_full() -> None:
    """The space between paragraphs is no text in a PDF; the positions of its lines show it."""
    body, blocks = _full_line_paragraphs()
    text = "\n\n".join(["\n".join(HEAD), "Geachte voorzitter,", *("\n".join(b) for b in blocks), "\n".join(SIGNATURE)])
    parsed = read_document(make_pdf(text + "\n", spaced=True), "brief.pdf")
    assert [t for _, t in entries_of(parsed)] == body
    assert [a.name for a in parsed.document.authors] == ["J.K. van Doorn"]


def test_a_pdf_with_indented_first_lines_and_no_spacing_ends_its_paragraphs() -> None:
    body, blocks = _full_line_paragraphs()
    lines = [*HEAD, "Geachte voorzitter,"]
    for first, rest in blocks:
        lines += ["    " + first, rest]
    parsed = read_document(make_pdf("\n".join([*lines, *SIGNATURE]) + "\n", spaced=True), "brief.pdf")
    assert [t for _, t in entries_of(parsed)] == body


def test_a_pdf_sentence_ending_at_a_full_line_inside_a_paragraph_stays_in_it() -> None:
    """Mid-paragraph line breaks have the usual line spacing, also where a sentence ends and the next
    line begins with a capital: only the spacing ends a paragraph, never the sentence end alone."""
    first = [
        "Onafhankelijke media staan in Belarus al sinds de verkiezingen onder zware druk.",
        "Journalisten worden vervolgd en redacties zijn naar het buitenland uitgeweken,",
        "waar zij met steun van Nederland hun werk voortzetten.",
    ]
    blocks = [first, wrapped(PARAGRAPHS[3]), wrapped(PARAGRAPHS[4])]
    text = "\n\n".join(["\n".join(HEAD), "Geachte voorzitter,", *("\n".join(b) for b in blocks), "\n".join(SIGNATURE)])
    parsed = read_document(make_pdf(text + "\n", spaced=True), "brief.pdf")
    assert [t for _, t in entries_of(parsed)] == [" ".join(first), PARAGRAPHS[3], PARAGRAPHS[4]]


@pytest.mark.parametrize("spaced", [False, True])
def test_the_letter_reads_the_same_as_a_pdf_drawn_either_way(spaced: bool) -> None:
    expected = parse_document(with_blank_lines())
    parsed = read_document(make_pdf(with_blank_lines(), spaced=spaced), "brief.pdf")
    assert entries_of(parsed) == entries_of(expected)


def test_even_wide_line_spacing_is_no_paragraph_spacing() -> None:
    """A page drawn at one and a half line spacing throughout has no paragraph spacing to read."""
    from knowledge.ingest.pdflayout import _laid_out, _Line

    lines = [_Line(f"regel {n} van een alinea", x=56.0, y=800.0 - 18 * n, size=10.0) for n in range(8)]
    assert "\n\n" not in _laid_out(lines)
    lines[4].y = (lines[4].y or 0) - 9  # half a line more above the fifth line: a paragraph begins
    assert _laid_out(lines).split("\n\n")[1].startswith("regel 4")
    lines[6].x = 56.0 + 20  # two font sizes right of the margin: an indent
    assert "\n    regel 6" in _laid_out(lines)
    lines[7].x = 300.0  # far right (a date, a signature): no indent
    assert "\nregel 7" in _laid_out(lines)


@pytest.mark.parametrize("footer", ["Pagina {n} van {total}", "Onze referentie BZ2404181 Pagina {n} van {total}"])
def test_a_ministry_page_footer_is_furniture_not_the_governments_words(footer: str) -> None:
    """'Pagina 2 van 4' at every page's foot was stored as the start of an answer, and pushed the last
    answer and the signature out (found by the moderator-flow tester, harm 1)."""
    from tests.pdfgen import _assemble, _content_stream

    answers = [
        ("Hoeveel journalisten zitten er volgens het kabinet op dit moment vast in Belarus?",
         "Volgens organisaties van journalisten zitten er op dit moment ruim dertig journalisten vast."),
        ("Wat doet het kabinet voor deze journalisten?",
         "Het kabinet vraagt in bilaterale contacten en in multilateraal verband om hun vrijlating."),
        ("Steunt Nederland hun families?", "Ja. Nederland steunt organisaties die hun families juridische hulp bieden."),
    ]
    pages = [[*HEAD, "", "Geachte voorzitter,", "", "Hierbij bied ik u de antwoorden aan op de vragen van de commissie."]]
    for number, (question, answer) in enumerate(answers, start=1):
        pages.append([f"{number}.", *wrapped(question), "", *wrapped(answer)])
    pages[-1] += ["", *SIGNATURE]
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        page += ["", footer.format(n=n, total=total)]
    parsed = read_document(_assemble([_content_stream(page) for page in pages]), "brief.pdf")
    assert [(e.number, e.question, e.text) for e in parsed.entries] == [
        (n, q, a) for n, (q, a) in enumerate(answers, start=1)
    ]
    assert [a.name for a in parsed.document.authors] == ["J.K. van Doorn"] and parsed.truncated is None
