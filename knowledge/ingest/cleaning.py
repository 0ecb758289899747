"""Turn a plain-text dump of an official PDF into clean paragraphs and footnotes.

The dumps carry the artefacts of the PDF layout: words hyphenated across lines, blank lines between
every line, running headers and footers, footnote markers in running text and the footnotes
themselves printed wherever the page broke. Everything here works on lines, before any document
structure is known, so both document types share it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from knowledge.ingest.pages import join_pages
from knowledge.models import Footnote

PARAGRAPH_BREAK = ""
#: Lines this long (at the 90th percentile) were never wrapped: a web page's text, not a PDF dump.
UNWRAPPED_WIDTH = 110
_MARKER = "\ue000{}\ue001"
_MARKER_RE = re.compile("\ue000(\\d+)\ue001")
# Also the two private-use characters of _MARKER: a document containing them would leak them as markers.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ue000\ue001"), None)
#: A footnote marker copied as superscript digits ('gearresteerd?²', a web page or a word processor's copy).
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_MARKER = re.compile(r"(?<=[.,;:!?'\"”’»)])[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_URL = re.compile(r"https?://\S+")
_LIST_ITEM = re.compile(r"^(?:[–•▪◦·*-]|\d{1,2}[.)]|[a-z][.)])\s+\S")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")

# Running headers and footers of Kamerstukken and the Aanhangsel; their identifiers are kept.
_FURNITURE = (
    re.compile(r"^Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, .*$"),
    re.compile(r"^Eerste Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, .*$"),
    re.compile(r"^Aanhangsel (?:van de )?Handelingen(?: II| I)? \d{4}\s*[/–-]\s*\d{2,4},? (?:nr\.|Nr\.) ?\d+\s*\d*$"),
    re.compile(r"^(?:kst|ah-tk|ah-ek|kv-tk|stb|stcrt|h-tk)-[\w-]+\s+ISSN\b.*$", re.IGNORECASE),
    re.compile(r"^ISSN \d{4}\s?-\s?\d{3}[\dX].*$"),
    re.compile(r"^'s-Gravenhage \d{4}$"),
    # A ministry letter's page footer, alone or after its margin labels: "Onze referentie BZ2404181 Pagina 2 van 4".
    re.compile(
        r"^(?:(?:Onze referentie|Ons kenmerk|Uw kenmerk|Kenmerk|Referentie)\s+\S+\s+)?"
        r"(?:Datum\s+\d{1,2}\s+\w+\s+\d{4}\s+)?Pagina\s+\d{1,3}\s*(?:van|/)\s*\d{1,3}$",
        re.IGNORECASE,
    ),
)
_OFFICIAL_ID = re.compile(r"^((?:kst|ah-tk|ah-ek|kv-tk)-[0-9a-z-]+?)\s+ISSN\b", re.IGNORECASE)
_AANHANGSEL_NR = re.compile(r"^Aanhangsel (?:van de )?Handelingen(?: II| I)? (\d{4}\s*[/–-]\s*\d{2,4}),? [Nn]r\. ?(\d+)")
_VERGADERJAAR_LINE = re.compile(r"^Tweede Kamer, vergaderjaar (\d{4})\s*[–-]\s*(\d{4}), (.*?), nr\. (\d+)")

# Dutch needs a hyphen where two vowels would otherwise be read as one sound (zee-egel, na-apen).
_VOWEL_CLASHES = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"}


@dataclass
class Furniture:
    """What the running headers and footers say about the document."""

    official_id: str | None = None
    aanhangsel: tuple[str, str] | None = None  # (vergaderjaar, nr)
    kamerstuk: tuple[str, str, str] | None = None  # (vergaderjaar, dossier, nr)


@dataclass
class Paragraph:
    text: str
    footnotes: list[int] = field(default_factory=list)


@dataclass
class CleanText:
    paragraphs: list[Paragraph]
    footnotes: dict[int, Footnote]
    furniture: Furniture


def clean_document(raw: str, is_heading: Callable[[str], bool] = lambda line: False) -> CleanText:
    """Run the whole pipeline: raw dump in, paragraphs with their footnote numbers out."""
    raw = join_pages(raw)
    compact = _is_compact(normalise_lines(raw))  # before the indented paragraphs get blank lines
    lines = normalise_lines(mark_indented_paragraphs(raw) if compact else raw)
    lines, furniture = strip_furniture(lines)
    lines, footnotes = extract_footnotes(lines, is_heading)
    vocabulary = _vocabulary(lines)
    blocks = split_paragraphs(lines, is_heading, compact=compact)
    paragraphs = []
    for block in blocks:
        text, numbers = take_markers(join_lines(block, vocabulary))
        if text:
            paragraphs.append(Paragraph(text=text, footnotes=numbers))
    return CleanText(paragraphs=paragraphs, footnotes=footnotes, furniture=furniture)


def take_markers(text: str) -> tuple[str, list[int]]:
    """The text without its footnote markers, and the numbers of the footnotes it cites. A number
    glued to a question mark ('gearresteerd?2') whose footnote the copy lacks is a marker too: it is
    dropped, never left in the text (nor read as the next question's number)."""
    numbers = [int(n) for n in _MARKER_RE.findall(text)]
    return _tidy(without_glued_markers(_MARKER_RE.sub("", text))), numbers


#: 'gearresteerd?2', 'in 2020?12', 'EU'?1': a number right after a question mark that ends a word.
_GLUED_MARKER = re.compile(r"(?<=\S\?)\d{1,2}$")
_WORDS = re.compile(r"(\s+)")


def without_glued_markers(text: str) -> str:
    """'...gearresteerd?1' → '...gearresteerd?': a number glued to a question mark is a footnote
    marker (a web address's query, 'https://example.org/?2', is left alone)."""
    return "".join(
        word if "://" in word or word.startswith("www.") else _GLUED_MARKER.sub("", word) for word in _WORDS.split(text)
    )


#: A copy with blank lines on fewer than this share of its line ends has lost the blank lines between
#: its paragraphs (a PDF copied without them): paragraphs are read from the lines themselves then.
COMPACT_BLANKS = 0.12
#: ...when it has at least this many text lines (a few header lines are no evidence of anything).
COMPACT_LINES = 8
#: ...and a line shorter than this share of the wrap width is no wrapped line of running text.
SHORT_LINE = 0.6
_INDENT = re.compile(r"^(?: {2,}|\t)\S")
_SENTENCE_END = re.compile(r"[.!?:]['\"”’»)]?$")


def _is_compact(lines: list[str]) -> bool:
    """Wrapped lines with (almost) no blank line between them: the blank lines were dropped."""
    text_lines = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    if len(text_lines) < COMPACT_LINES:
        return False
    followed_by_blank = sum(1 for i in text_lines if not lines[i + 1].strip())
    return followed_by_blank / len(text_lines) < COMPACT_BLANKS


def mark_indented_paragraphs(raw: str) -> str:
    """For a compact copy whose paragraphs begin with an indented first line: a blank line before each.

    Only first-line indentation counts (an indented line after an unindented one that ends a
    sentence, followed by an unindented line again); a block indented as a whole (a republished
    page's answers) is not a paragraph per line."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    indented = [bool(_INDENT.match(line)) for line in lines]
    out: list[str] = []
    for i, line in enumerate(lines):
        before = lines[i - 1].strip() if i else ""
        after_unindented = i + 1 < len(lines) and lines[i + 1].strip() and not indented[i + 1]
        if indented[i] and i and not indented[i - 1] and _SENTENCE_END.search(before) and after_unindented:
            out.append("")
        out.append(line)
    return "\n".join(out)


def normalise_lines(raw: str) -> list[str]:
    """Unify line ends and spaces, drop invisible characters; blank lines become ''."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").translate(_INVISIBLE)
    text = _SUPERSCRIPT_MARKER.sub(lambda m: m.group(0).translate(_SUPERSCRIPTS), text)
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def strip_furniture(lines: list[str]) -> tuple[list[str], Furniture]:
    """Remove running headers, footers and lone page numbers, keeping the identifiers they print."""
    found = Furniture()
    kept: list[str] = []
    for line in lines:
        if m := _OFFICIAL_ID.match(line):
            found.official_id = found.official_id or m.group(1).lower()
        if m := _AANHANGSEL_NR.match(line):
            found.aanhangsel = found.aanhangsel or (re.sub(r"\s", "", m.group(1)), m.group(2))
        if m := _VERGADERJAAR_LINE.match(line):
            found.kamerstuk = found.kamerstuk or (f"{m.group(1)}/{m.group(2)[2:]}", m.group(3), m.group(4))
        if any(pattern.match(line) for pattern in _FURNITURE) or _PAGE_NUMBER.match(line):
            continue
        kept.append(line)
    return kept, found


def extract_footnotes(
    lines: list[str], is_heading: Callable[[str], bool] = lambda line: False
) -> tuple[list[str], dict[int, Footnote]]:
    """Take footnotes out of the running text and mark where they were cited.

    A line '<n> text' is a footnote when n is the next footnote number and the text before it
    carries a marker n; or, when the copy lacks the footnotes before it or numbers them on from an
    earlier part ('12 Trouw, …' under '…gearresteerd?12'), when n is higher and its marker is glued
    to the text. Its URL, often printed twice, is kept once. A heading ('Vraag 2', 'Antwoord 2',
    '2.') never carries a marker: its number is the document's numbering.
    """
    footnotes: dict[int, Footnote] = {}
    out: list[str] = []
    expected = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^(\d{1,2})\s+(\S.*)$", line)
        number = int(m.group(1)) if m else 0
        if m and (
            (number == expected and _mark_footnote(out, expected, is_heading))
            or (expected < number <= expected + 20 and _mark_footnote(out, number, is_heading, glued_only=True))
        ):
            block, i = _take_footnote_block(lines, i)
            footnotes[number] = _footnote_from_block(number, [m.group(2)] + block[1:])
            expected = number + 1
            continue
        out.append(line)
        i += 1
    return out, footnotes


def _mark_footnote(
    previous: list[str], number: int, is_heading: Callable[[str], bool], *, glued_only: bool = False
) -> bool:
    """Replace the marker of footnote `number` in the text before it by a sentinel; False if none.
    With `glued_only`, only a marker glued to a word or its punctuation counts."""
    n = str(number)
    patterns = (
        # attached to a word or punctuation: 'gemeld.2', 'EU'?1'
        re.compile(rf"(?<=[^\s\d/:.,-][.,;:!?'\"”’»)]){n}(?=\s|$)|(?<=[a-zà-ÿ]){n}(?=[\s.,;:]|$)"),
        # after punctuation and a space, at the end of a line: "binnen de EU'? 1"
        re.compile(rf"(?<=[.,;:!?'\"”’»)])\s{n}(?=\s*$)"),
        # after a word, at the end of a line: '... het rapport 1'
        re.compile(rf"(?<=[a-zà-ÿ])\s{n}(?=\s*$)"),
    )
    for pattern in patterns[:1] if glued_only else patterns:
        for index in range(len(previous) - 1, -1, -1):
            line = previous[index]
            if is_heading(line):
                continue
            matches = list(pattern.finditer(line))
            if matches:
                last = matches[-1]
                previous[index] = line[: last.start()] + _MARKER.format(number) + line[last.end() :]
                return True
    return False


def _take_footnote_block(lines: list[str], start: int) -> tuple[list[str], int]:
    """The footnote's lines: its first line, the lines that follow directly, and URL lines after it."""
    block = [lines[start]]
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line and not _URL.fullmatch(line) and block and not _URL.fullmatch(block[-1]):
            if re.match(r"^\d{1,2}\s+\S", line):
                break  # the next footnote starts
            block.append(line)
            i += 1
            continue
        if _URL.fullmatch(line):
            block.append(line)
            i += 1
            continue
        # a blank line: the footnote goes on only if a URL follows it
        j = i
        while j < len(lines) and lines[j] == PARAGRAPH_BREAK:
            j += 1
        if j < len(lines) and _URL.fullmatch(lines[j]) and j - i <= 1:
            i = j
            continue
        break
    return block, i


def _footnote_from_block(number: int, block: list[str]) -> Footnote:
    urls: list[str] = []
    words: list[str] = []
    for line in block:
        for url in _URL.findall(line):
            if url not in urls:
                urls.append(url)
        rest = _URL.sub("", line).strip()
        if rest:
            words.append(rest)
    text = _tidy(join_lines(words, set()))
    return Footnote(number=number, text=_drop_repeated_link_title(text), url=urls[0] if urls else None)


def _drop_repeated_link_title(text: str) -> str:
    """A PDF link often repeats the quoted title as anchor text: '«T» T | Paper' becomes '«T»'."""
    m = re.search(r"«([^»]{8,})»\s*(.*)$", text)
    if m and m.group(2).startswith(m.group(1)):
        return text[: m.end(1) + 1].rstrip()
    return text


def split_paragraphs(lines: list[str], is_heading: Callable[[str], bool], *, compact: bool = False) -> list[list[str]]:
    """Group lines into paragraphs, whether the dump separates lines by one blank line or none.

    When nearly every line is followed by a blank line ('doubled' dumps), a single blank line means
    nothing; a paragraph then ends at a run of blank lines, or at a short line that ends a sentence.
    A `compact` copy (the blank lines between paragraphs were dropped, see _is_compact) is read
    from its lines: see _ends_before.
    """
    doubled = _is_doubled(lines)
    width = _typical_width(lines)
    if width > UNWRAPPED_WIDTH:  # text copied from a web page: one paragraph a line, wrapped by nobody
        return _unwrapped_paragraphs(lines, is_heading)
    compact = compact and not doubled
    wrap = _wrap_width(lines, width)
    blocks: list[list[str]] = []
    current: list[str] = []
    blanks = 0

    def close() -> None:
        nonlocal current
        if current:
            blocks.append(current)
        current = []

    for line in lines:
        if line == PARAGRAPH_BREAK:
            blanks += 1
            continue
        if blanks and (not doubled or blanks >= 2) and not _continues(current, line):
            close()
        elif doubled and current and _ends_paragraph(current[-1], width):
            close()
        elif compact and current and _ends_before(current[-1], line, wrap):
            close()
        blanks = 0
        if is_heading(line):
            close()
            blocks.append([line])
            continue
        current.append(line)
    close()
    return blocks


def _unwrapped_paragraphs(lines: list[str], is_heading: Callable[[str], bool]) -> list[list[str]]:
    """One paragraph a line, except a line that goes on with a sentence the line before left open."""
    blocks: list[list[str]] = []
    for line in lines:
        if line == PARAGRAPH_BREAK:
            continue
        if blocks and not is_heading(line) and not is_heading(blocks[-1][-1]) and _continues(blocks[-1], line):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _continues(current: list[str], line: str) -> bool:
    """A sentence cut by a page break (footnotes, running footers) goes on in lower case."""
    return bool(current) and not re.search(r"[.!?:;]['\"”’»)]?$", current[-1]) and line[:1].islower()


def _is_doubled(lines: list[str]) -> bool:
    """A blank line after nearly every line, also inside paragraphs: where a wrapped line of running
    text stops mid-sentence, the next line follows a blank line too. A short letter whose header
    lines and paragraphs each stand between blank lines has its wrapped lines directly one under the
    other: not doubled, its blank lines end paragraphs. One wrapped line is evidence enough either way."""
    text_lines = [i for i, line in enumerate(lines[:-1]) if line]
    if len(text_lines) < 4:
        return False
    followed_by_blank = sum(1 for i in text_lines if lines[i + 1] == PARAGRAPH_BREAK)
    if followed_by_blank / len(text_lines) <= 0.7:
        return False
    width = _typical_width(lines)
    following = _next_text_lines(lines)
    wrapped = [
        i
        for i in text_lines
        if len(lines[i]) >= 0.6 * width
        and not re.search(r"[.!?:;,]['\"”’»)]?$", lines[i])
        and following.get(i, "")[:1].islower()  # the sentence goes on: a header line ('Betreft …') does not
    ]
    if not wrapped:
        # Nothing shows a blank line inside a sentence, so each ends a paragraph (a letter of short
        # paragraphs; read as doubled, a paragraph ending on a long line ran into the next).
        return False
    return sum(1 for i in wrapped if lines[i + 1] == PARAGRAPH_BREAK) / len(wrapped) > 0.5


def _next_text_lines(lines: list[str]) -> dict[int, str]:
    """For each line's index, the next line with text after it (across blank lines)."""
    following: dict[int, str] = {}
    upcoming = ""
    for i in range(len(lines) - 1, -1, -1):
        following[i] = upcoming
        if lines[i]:
            upcoming = lines[i]
    return following


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if len(line) > 20)
    if not lengths:
        return 80
    return lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) > 1 else lengths[0]


def _wrap_width(lines: list[str], width: int) -> int:
    """The width the copy was wrapped at: its longest line, leaving out the few far longer ones (a
    link, a table row) than the typical width."""
    lengths = [len(line) for line in lines if len(line) <= 1.1 * width]
    return max(lengths, default=width)


def _ends_before(line: str, following: str, wrap: int) -> bool:
    """In a compact copy: `line` ends its paragraph when the next line's first word would still have
    fitted on it and it ends a sentence (or is far too short to be a wrapped line). A wrapped line
    ends where the next word did not fit; one that stops short of that was ended by its writer. A
    list item goes on its own line within its paragraph (join_lines), never a paragraph of its own."""
    if _LIST_ITEM.match(following):
        return False
    first_word = following.split(" ", 1)[0]
    if len(line) + 1 + len(first_word) > wrap:
        return False
    # A line far shorter than the wrap (an address, 'Geachte voorzitter,') ended there whatever its end.
    return bool(_SENTENCE_END.search(line)) or len(line) < SHORT_LINE * wrap


def _ends_paragraph(line: str, width: int) -> bool:
    return bool(re.search(r"[.!?:]['\"”’»)]?$", line)) and len(line) < 0.75 * width


def join_lines(lines: Iterable[str], vocabulary: set[str]) -> str:
    """Join the lines of one paragraph: mend hyphenation, keep list items on their own lines."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif _LIST_ITEM.match(line):
            text = text.rstrip() + "\n" + line
        elif re.search(r"[A-Za-zÀ-ÿ]-$", text) and line:
            text = _join_hyphenated(text, line, vocabulary)
        else:
            text = text + " " + line
    return text


def _join_hyphenated(before: str, after: str, vocabulary: set[str]) -> str:
    """Decide whether a hyphen at a line end is a line-break artefact or a real hyphen."""
    head = re.search(r"([\wÀ-ÿ'-]*)-$", before)
    prefix = head.group(1) if head else ""
    tail = re.match(r"[\wÀ-ÿ]+", after)
    suffix = tail.group(0) if tail else ""
    last_part = prefix.rsplit("-", 1)[-1]
    joined = (last_part + suffix).lower()
    hyphenated = f"{last_part}-{suffix}".lower()
    keep = (
        not suffix
        or not last_part
        or hyphenated in vocabulary
        or (joined not in vocabulary and _needs_real_hyphen(last_part, suffix))
    )
    return before + after if keep else before[:-1] + after


def _needs_real_hyphen(prefix: str, suffix: str) -> bool:
    """EU-verband, 21-jarig, Noord-Holland and zee-egel keep their hyphen; syllable breaks do not."""
    if prefix[-1].isupper() or prefix[-1].isdigit() or suffix[0].isupper() or suffix[0].isdigit():
        return True
    return (prefix[-1] + suffix[0]).lower() in _VOWEL_CLASHES


def _vocabulary(lines: list[str]) -> set[str]:
    """Every word form the document writes whole on one line, to settle hyphens at line ends."""
    words: set[str] = set()
    for line in lines:
        body = line[:-1] if line.endswith("-") else line
        for word in re.findall(r"[\wÀ-ÿ]+(?:-[\wÀ-ÿ]+)*", body):
            lowered = word.lower()
            words.add(lowered)
            words.update(part for part in lowered.split("-") if part)
    return words


def _tidy(text: str) -> str:
    """Single spaces and no trailing spaces."""
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r" +\n", "\n", text).strip()
