"""Uploads to documents: text, PDF and the official XML, and a clear refusal for everything else."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from knowledge.ingest.importers import DocumentRejected, extract_text, read_document
from knowledge.ingest.parsing import parse_document
from knowledge.models import Author, DocumentKind, Footnote
from tests.conftest import ANSWERS, LETTER
from tests.pdfgen import make_pdf

XML_DIR = Path(__file__).resolve().parent / "data" / "xml"
KAMERSTUK_XML = XML_DIR / "kamerstuk-brief.xml"
AANHANGSEL_XML = XML_DIR / "aanhangsel-antwoorden.xml"


def letter_text() -> str:
    return LETTER.read_text(encoding="utf-8")


def rejected(data: bytes, filename: str, **kwargs: int) -> str:
    """The reason read_document gives; the test fails if it accepts the file."""
    with pytest.raises(DocumentRejected) as caught:
        read_document(data, filename, **kwargs)
    reason = str(caught.value)
    assert reason and "\n" not in reason, "a reason is one line for the moderator"
    return reason


def encrypted(data: bytes, user_password: str) -> bytes:
    """The PDF encrypted with RC4 (pypdf needs no extra package for that)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- plain text ---------------------------------------------------------------------------------


def test_seed_answers_as_txt_give_the_six_questions() -> None:
    parsed = read_document(ANSWERS.read_bytes(), "kamervragen-2021-07-16.txt")
    assert parsed.document.kind is DocumentKind.KAMERVRAGEN
    assert len(parsed.entries) == 6
    assert parsed == parse_document(ANSWERS.read_text(encoding="utf-8"))


def test_cp1252_text_is_decoded() -> None:
    parsed = read_document(letter_text().encode("cp1252"), "brief.txt")
    assert parsed == parse_document(letter_text())
    assert "coördineren" in " ".join(e.text for e in parsed.entries)


def test_utf8_bom_is_dropped() -> None:
    parsed = read_document(b"\xef\xbb\xbf" + letter_text().encode("utf-8"), "brief.TXT")
    assert parsed == parse_document(letter_text())


def test_utf16_with_bom_is_text_too() -> None:
    assert read_document(letter_text().encode("utf-16"), "brief.txt") == parse_document(letter_text())


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t "])
def test_empty_file_is_refused(data: bytes) -> None:
    assert rejected(data, "leeg.txt") == "the file is empty"


def test_too_large_file_is_refused_naming_the_limit() -> None:
    reason = rejected(letter_text().encode(), "brief.txt", max_bytes=1000)
    assert "0.001 MB" in reason and "too large" in reason and "bytes" not in reason


@pytest.mark.parametrize(
    "data",
    [
        b"Hallo\x00wereld" * 20,  # NUL bytes
        bytes(range(1, 32)) * 10 + b"some text",  # mostly control characters
        b"\x81\x8d\x8f\x90\x9d" * 20,  # neither UTF-8 nor Windows-1252
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 10,  # a picture named .txt
    ],
)
def test_binary_named_txt_is_not_a_text_file(data: bytes) -> None:
    assert "not a text file" in rejected(data, "vragen.txt")


def test_text_without_entries_keeps_the_parsers_reason() -> None:
    reason = rejected(b"Den Haag, 2 maart 2021\n\nDe Minister van Buitenlandse Zaken,\nS.A. Blok\n", "brief.txt")
    assert reason.startswith("no entries could be read: ")


@pytest.mark.parametrize("filename", ["brief.docx", "brief", "brief.txt.exe", ".profile", ""])
def test_unknown_extension_is_refused_listing_the_accepted_kinds(filename: str) -> None:
    reason = rejected(letter_text().encode(), filename)
    assert ".txt" in reason and ".pdf" in reason and ".xml" in reason and "not accepted" in reason


# --- PDF ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def letter_pdf() -> bytes:
    return make_pdf(LETTER.read_text(encoding="utf-8"))


def test_text_pdf_reads_like_the_text_file(letter_pdf: bytes) -> None:
    from_pdf = read_document(letter_pdf, "Kamerbrief.PDF")
    from_text = parse_document(letter_text())
    assert len(from_pdf.entries) == 7
    assert from_pdf.entries[0].text == from_text.entries[0].text
    assert from_pdf.entries[-1].text == from_text.entries[-1].text
    assert from_pdf.document.key == from_text.document.key
    assert "coördineren" in " ".join(e.text for e in from_pdf.entries)


def test_pdf_over_several_pages_reads_the_same(letter_pdf: bytes) -> None:
    pages = make_pdf(letter_text(), lines_per_page=20)
    assert len(PdfReader(io.BytesIO(pages)).pages) > 2
    assert read_document(pages, "brief.pdf").entries == read_document(letter_pdf, "brief.pdf").entries


def test_pdf_content_wins_over_the_name(letter_pdf: bytes) -> None:
    assert len(read_document(letter_pdf, "brief.txt").entries) == 7
    assert len(read_document(letter_pdf, "upload").entries) == 7


def test_pdf_without_text_is_a_scan() -> None:
    assert rejected(make_pdf(""), "scan.pdf") == "the PDF has no text layer (a scan?)"


@pytest.mark.parametrize("data", [b"this is no pdf at all" * 10, b"%PDF-1.4\n garbage \x00\xff" * 5])
def test_garbage_named_pdf_is_not_readable(data: bytes) -> None:
    assert "not a readable PDF" in rejected(data, "brief.pdf")


def test_truncated_pdf_is_not_readable(letter_pdf: bytes) -> None:
    assert "not a readable PDF" in rejected(letter_pdf[:400], "brief.pdf")


def test_password_protected_pdf_is_refused(letter_pdf: bytes) -> None:
    assert "encrypted" in rejected(encrypted(letter_pdf, "geheim"), "brief.pdf")


def test_pdf_encrypted_only_for_permissions_is_read(letter_pdf: bytes) -> None:
    assert len(read_document(encrypted(letter_pdf, ""), "brief.pdf").entries) == 7


def test_pypdf_warnings_stay_out_of_the_log(letter_pdf: bytes, caplog: pytest.LogCaptureFixture) -> None:
    broken_pointer = re.sub(rb"startxref\n\d+", b"startxref\n12", letter_pdf)
    level_before = logging.getLogger("pypdf").level
    with caplog.at_level(logging.DEBUG):
        parsed = read_document(broken_pointer, "brief.pdf")
    assert len(parsed.entries) == 7, "pypdf recovers from a wrong xref pointer"
    assert not [r for r in caplog.records if r.name.startswith("pypdf") and r.levelno >= logging.WARNING]
    assert logging.getLogger("pypdf").level == level_before


def test_extract_text_reads_txt_and_pdf_but_not_xml(letter_pdf: bytes) -> None:
    assert extract_text(letter_text().encode("cp1252"), "brief.txt") == letter_text()
    assert "coördineren" in extract_text(letter_pdf, "brief.pdf")
    with pytest.raises(DocumentRejected):
        extract_text(KAMERSTUK_XML.read_bytes(), "brief.xml")
    with pytest.raises(DocumentRejected, match="the file is empty"):
        extract_text(b"", "brief.pdf")


# --- official XML: Kamerstuk --------------------------------------------------------------------


@pytest.fixture(scope="module")
def kamerstuk():
    return read_document(KAMERSTUK_XML.read_bytes(), "kst-21501-02-2298.xml")


def test_kamerstuk_metadata_comes_from_the_xml(kamerstuk) -> None:
    document = kamerstuk.document
    assert document.kind is DocumentKind.KAMERBRIEF
    assert document.key == "kamerbrief-2021-03-02-2298" == parse_document(letter_text()).document.key
    assert document.number == "2298"
    assert document.official_id == "kst-21501-02-2298"
    assert document.citation == "Kamerstukken II 2020/21, 21 501-02, nr. 2298"
    assert document.date == dt.date(2021, 3, 2)
    assert document.title == "Brief van de Minister van Buitenlandse Zaken"
    assert document.subject == "Raad Algemene Zaken en Raad Buitenlandse Zaken"
    assert document.authors == [Author(name="S.A. Blok", role="Minister van Buitenlandse Zaken")]
    assert document.references == ["Kamerstuk 21 501-20 nr. 1634"]


def test_kamerstuk_body_paragraphs_are_the_entries(kamerstuk) -> None:
    texts = [e.text for e in kamerstuk.entries]
    assert [e.number for e in kamerstuk.entries] == [1, 2, 3]
    assert texts[0].startswith("Hierbij informeer ik uw Kamer over de uitvoering van de motie van het lid Omtzigt c.s.")
    assert "maatregelen in EU-verband tegen" in texts[0], "inline markup keeps its text, whitespace collapses"
    assert texts[2].endswith("zowel bilateraal als in multilaterale fora.")
    assert not any("Den Haag" in t or "Voorzitter van de Tweede Kamer" in t or "Blok" in t for t in texts)


def test_kamerstuk_footnote_belongs_to_its_paragraph(kamerstuk) -> None:
    first, second, third = kamerstuk.entries
    assert second.text == (
        "Zoals ook gemeld aan uw Kamer in het verslag van de Raad Buitenlandse Zaken van 22 februari jl. "
        "zal hierover binnenkort in EU-verband nader worden gesproken."
    ), "the marker is gone from the text"
    assert second.footnotes == [
        Footnote(
            number=1,
            text="Kamerstuk 21 501-02, nr. 2295",
            url="https://zoek.officielebekendmakingen.nl/kst-21501-02-2295.html",
        )
    ]
    assert first.footnotes == [] and third.footnotes == []


def test_default_namespace_is_matched_by_local_names(kamerstuk) -> None:
    data = KAMERSTUK_XML.read_bytes().replace(
        b"<officiele-publicatie>", b'<officiele-publicatie xmlns="http://example.org/op">'
    )
    assert read_document(data, "brief.XML") == kamerstuk


def test_kamerstuk_ids_only_when_the_xml_states_them() -> None:
    xml = b"""<kamerstuk>
      <stuk><titel>Brief van de minister</titel>
        <datumtekst>Ontvangen <datum isodatum="2022-01-05">5 januari 2022</datum></datumtekst>
        <algemeen><vrije-tekst><tekst>
          <al>Geachte Voorzitter,</al>
          <al>Een alinea zonder dossier of nummer.</al>
          <lijst><li><li.nr>1.</li.nr><al>Eerste punt.</al></li></lijst>
          <al>Hoogachtend,</al>
        </tekst></vrije-tekst></algemeen>
        <tekst-sluiting><ondertekening><functie>De Minister</functie> voor Rechtsbescherming,
          <naam><voornaam>S.</voornaam> <achternaam>Dekker</achternaam></naam></ondertekening></tekst-sluiting>
      </stuk></kamerstuk>"""
    parsed = read_document(xml, "stuk.xml")
    document = parsed.document
    assert (document.official_id, document.citation, document.number) == (None, None, None)
    assert document.key == "kamerbrief-2022-01-05"
    assert document.title == "Brief van de minister"
    assert document.authors == [Author(name="S. Dekker", role="Minister voor Rechtsbescherming")]
    assert [e.text for e in parsed.entries] == ["Een alinea zonder dossier of nummer.", "1. Eerste punt."]


# --- official XML: Aanhangsel -------------------------------------------------------------------


@pytest.fixture(scope="module")
def aanhangsel():
    return read_document(AANHANGSEL_XML.read_bytes(), "ah-tk.xml")


def test_aanhangsel_metadata_comes_from_the_xml(aanhangsel) -> None:
    document = aanhangsel.document
    assert document.kind is DocumentKind.KAMERVRAGEN
    assert document.question_number == "2021Z99999"
    assert document.date == dt.date(2021, 7, 16), "the date received, not the date the questions were sent"
    assert document.key == "kamervragen-2021-07-16-2021z99999"
    assert document.official_id == "ah-tk-20202021-9999"
    assert document.citation == "Aanhangsel Handelingen II 2020/21, nr. 9999"
    assert document.subject == "de veiligheid van Belarussen in Nederland"
    assert document.title.startswith("Vragen van het lid Voorbeeld (Testpartij) aan de Minister")
    assert "ingezonden" not in document.title
    assert document.authors == [
        Author(name="De Vries", role="minister", ministry="Buitenlandse Zaken"),
        Author(name="Jansen", role="minister", ministry="Justitie en Veiligheid"),
    ]
    assert document.references == ["Kamerstuk 21 501-02, nr. 2295"]


def test_aanhangsel_has_one_entry_per_answer(aanhangsel) -> None:
    first, combined, last = aanhangsel.entries
    assert [e.number for e in aanhangsel.entries] == [1, 2, 4]
    assert all(e.question_is_official for e in aanhangsel.entries)
    assert first.question == "Bent u bekend met het bericht ‘Belarussische activisten in Europa niet veilig’?"
    assert first.text == "Ja."
    assert first.footnotes == [
        Footnote(number=1, text="Voorbeeldkrant, 26 mei 2021", url="https://example.org/bericht")
    ]
    assert last.numbers == [] and last.text.startswith("Zie ook het verslag")


def test_combined_answer_covers_both_questions(aanhangsel) -> None:
    combined = aanhangsel.entries[1]
    assert (combined.number, combined.numbers) == (2, [2, 3])
    assert combined.question == (
        "Wat is uw oordeel over de uitspraken in dit bericht?\n\n"
        "Zijn er signalen dat het regime in Belarus operaties binnen de EU voorbereidt?\n\nZo ja, welke?"
    )
    assert combined.text == (
        "Het kabinet heeft grote zorgen over de repressie door de Belarussische autoriteiten.\n\n"
        "Bij het kabinet zijn geen signalen bekend dat de autoriteiten zulke operaties voorbereiden."
    )


def test_aanhangsel_without_ids_invents_none() -> None:
    xml = b"""<kamervragen>
      <kamervraagomschrijving>Antwoord (ontvangen 3 februari 2022)</kamervraagomschrijving>
      <vraag><nr>Vraag 1</nr><al>Klopt dit?</al></vraag>
      <antwoord><nr>Antwoord 1</nr><al>Nee.</al></antwoord>
      <ondertekening><functie>De Minister van Buitenlandse Zaken,</functie><naam>W.B. Hoekstra</naam></ondertekening>
    </kamervragen>"""
    document = read_document(xml, "antwoord.xml").document
    assert (document.official_id, document.citation, document.question_number) == (None, None, None)
    assert document.key == "kamervragen-2022-02-03"
    assert document.authors == [Author(name="W.B. Hoekstra", role="Minister van Buitenlandse Zaken")]


def test_questions_without_answers_are_refused() -> None:
    xml = b"<kamervragen><vraag><nr>Vraag 1</nr><al>Klopt dit?</al></vraag></kamervragen>"
    assert rejected(xml, "kv-tk-2021Z99999.xml") == (
        "questions without the government's answers; import the answers once they are published"
    )


# --- official XML: refusals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE kamerstuk SYSTEM "http://example.org/x.dtd"><kamerstuk/>',
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        b"<kamervragen>&lol2;</kamervragen>",
        b'<!ENTITY x SYSTEM "file:///etc/passwd">',
        # UTF-16 hides the markers from a byte search: the parser's own check refuses it.
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]><kamerstuk>&x;</kamerstuk>'.encode(
            "utf-16"
        ),
    ],
)
def test_xml_with_a_doctype_or_entities_is_refused(data: bytes) -> None:
    assert "XML with a DOCTYPE is not accepted" in rejected(data, "stuk.xml")


@pytest.mark.parametrize("data", [b"<kamerstuk><al>open", b"no xml at all", b"<a></b>", b"\xff\xfe\x00garbage"])
def test_malformed_xml_is_refused(data: bytes) -> None:
    assert "not well-formed XML" in rejected(data, "stuk.xml")


@pytest.mark.parametrize(
    "data",
    [
        b"<officiele-publicatie><handelingen><al>Een debat.</al></handelingen></officiele-publicatie>",
        b'<metadata_gegevens><metadata name="DC.title" content="x"/></metadata_gegevens>',
        b"<html><body><p>Hallo</p></body></html>",
    ],
)
def test_xml_of_another_kind_is_refused(data: bytes) -> None:
    assert "not an official Kamerstuk or Aanhangsel XML" in rejected(data, "stuk.xml")


def test_kamerstuk_without_paragraphs_is_refused() -> None:
    assert rejected(b"<kamerstuk><stuk><titel>Leeg</titel></stuk></kamerstuk>", "stuk.xml").startswith(
        "no entries could be read"
    )


# --- nothing but DocumentRejected ---------------------------------------------------------------


@pytest.mark.parametrize("filename", ["x.txt", "x.pdf", "x.xml", "x.doc"])
@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"%PDF-",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"<kamerstuk>" * 2000,
        b"<kamervragen><antwoord><nr>Antwoord 99999999999999999999</nr><al>x</al></antwoord></kamervragen>",
        b"<kamerstuk><stuk><algemeen><al>" + b"woord " * 5000 + b"</al></algemeen></stuk></kamerstuk>",
        b"<kamerstuk>" + b"<x>" * 3000 + b"<al>diep</al>" + b"</x>" * 3000 + b"</kamerstuk>",
    ],
)
def test_hostile_input_raises_only_document_rejected(data: bytes, filename: str) -> None:
    try:
        read_document(data, filename)
    except DocumentRejected as error:
        assert str(error) and "\n" not in str(error)
        assert "could not be read (" not in str(error), "each of these has a specific reason"


def test_deeply_nested_xml_is_refused_with_a_reason() -> None:
    data = b"<kamerstuk>" + b"<x>" * 3000 + b"<al>diep</al>" + b"</x>" * 3000 + b"</kamerstuk>"
    assert "nested more than" in rejected(data, "stuk.xml")


def test_unexpected_failures_become_document_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(raw: str) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr("knowledge.ingest.importers.parse_document", broken)
    assert "could not be read (KeyError)" in rejected(letter_text().encode(), "brief.txt")
