"""The parliamentary documents a text cites ('Kamerstuk 21 501-02, nr. 2298', 'Handelingen II
2020/21, nr. 12'), as printed: found once when a text is read or changed, and stored with it."""

from __future__ import annotations

import re

_REFERENCE = re.compile(
    r"\b(?:Kamerstuk(?:ken)?(?:\s+II)?(?:\s+\d{4}/\d{2},?)?\s+\d{2}\s?\d{3}(?:-[\w]+)?,?\s+(?:nr\.|nrs\.)\s*\d+(?:\s*(?:en|,)\s*\d+)*"
    r"|Aanhangsel Handelingen(?:\s+II)?\s+\d{4}/\d{2},?\s+nr\.\s*\d+"
    r"|Handelingen(?:\s+II)?\s+\d{4}/\d{2},?\s+nr\.\s*\d+(?:,\s+item\s+\d+)?)"
)


def find_references(text: str) -> list[str]:
    """Parliamentary documents a text cites, as printed, each once."""
    found: list[str] = []
    for m in _REFERENCE.finditer(text):
        reference = re.sub(r"\s+", " ", m.group(0)).strip()
        if reference not in found:
            found.append(reference)
    return found


def entry_references(question: str | None, text: str) -> list[str]:
    """What an entry cites: its question and its text read together, as its citation lists them."""
    return find_references(f"{question or ''} {text}")


# --- a document asked for by its reference --------------------------------------------------------

#: An official id as typed or inside a link: 'kst-21501-02-2298', 'kst-35373-33', 'ah-tk-20202021-3341',
#: 'kv-tk-2021Z09578'.
_OFFICIAL_ID = re.compile(
    r"(?<![\w-])(kst-\d{5,6}(?:-[0-9a-z]{1,10}){1,3}|ah-(?:tk|ek)-\d{8}-\d{1,6}|kv-tk-20\d{2}z\d{5})(?![\w-])",
    re.IGNORECASE,
)
#: A Kamerstuk as printed or typed: 'Kamerstukken II 2020/21, 21 501-02, nr. 2298', 'Kamerstuk 21501-02 nr. 2298',
#: '21 501-02, nr. 2298' (the dossier, its part and the number), 'Kamerstuk 35 373, nr. 33'.
_KAMERSTUK = re.compile(
    r"(?:\bkamerstuk(?:ken)?\s*(?:ii\s*)?(?:\d{4}\s*/\s*\d{2,4}\s*,?\s*)?)?"
    r"(?<![\d-])(\d{2})\s?(\d{3})(?:\s*-\s*([0-9a-z]{1,4}))?\s*,?\s*(?:nr|no|nummer)\.?\s*(\d{1,5})\b",
    re.IGNORECASE,
)
#: A Kamerstuk typed as its id without 'kst-', or with spaces for hyphens: '21501-02-2298', '21 501-02-2298',
#: 'kst 21501 02 2298'. Hyphens, or the 'kst' before it: four numbers with spaces alone could be anything.
_BARE_KAMERSTUK = re.compile(
    r"(?<![\w-])(?:(\d{2})\s?(\d{3})-([0-9]{1,3}|[a-z]{1,4})-(\d{1,5})"
    r"|kst[\s-]+(\d{2})\s?(\d{3})[\s-]+([0-9]{1,3}|[a-z]{1,4})[\s-]+(\d{1,5}))(?![\w-])",
    re.IGNORECASE,
)
#: A Kamervraag's own number: '2021Z09578'.
_QUESTION_NUMBER = re.compile(r"(?<![\w-])(20\d{2})\s?z\s?(\d{5})(?![\w-])", re.IGNORECASE)
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)
#: Words around a reference that ask for nothing else: 'Kamerstuk …', 'kamerbrief …', 'link …'.
_FILLER = re.compile(
    r"\b(?:kamerstuk(?:ken)?|kamerbrief|kamervragen|kamervraag|brief|document|stuk|nr|nummer|no|number|link|ii|tk|kst|"
    r"zie|see|reference|referentie|verwijzing|документ|документа|спасылка|ссылка|дакумент)\b",
    re.IGNORECASE,
)


def kamerstuk_id(dossier: str, part: str | None, number: str) -> str:
    """'kst-21501-02-2298': the official id of a Kamerstuk, as officielebekendmakingen.nl names it."""
    return f"kst-{dossier}{'-' + part.lower() if part else ''}-{int(number)}"


def document_ids(official_id: str | None, citation: str | None, question_number: str | None) -> set[str]:
    """Every id a document is known by in the store: its official id, the Kamerstuk its citation names
    ('Kamerstukken II 2020/21, 21 501-02, nr. 2298' is kst-21501-02-2298), its question number."""
    ids = {official_id.lower()} if official_id else set()
    if citation and (m := _KAMERSTUK.search(citation)):
        ids.add(kamerstuk_id(m.group(1) + m.group(2), m.group(3), m.group(4)))
    if question_number and (m := _QUESTION_NUMBER.search(question_number)):
        ids.add(f"kv-tk-{m.group(1)}z{m.group(2)}")
    return ids


def asked_reference(text: str) -> tuple[str, str] | None:
    """The official id of the document a message names (an id, a link, a Kamerstuk as printed, a
    question number) and the rest of the message (the words around it), or None when it names none.
    One reference only: a message naming several is a question, not a request for one document."""
    found, rest = named_references(text)
    return (found.pop(), rest) if len(found) == 1 else None


def named_references(text: str) -> tuple[set[str], str]:
    """The official ids of every document a message names, and the rest of the message without them
    (and without the words a reference is typed with: 'Kamerstuk', 'nr', 'link')."""
    found = {m.group(1).lower() for m in _OFFICIAL_ID.finditer(text)}
    if not found:
        found = {kamerstuk_id(m.group(1) + m.group(2), m.group(3), m.group(4)) for m in _KAMERSTUK.finditer(text)}
        for m in _BARE_KAMERSTUK.finditer(text):
            groups = m.groups()[:4] if m.group(1) else m.groups()[4:]
            found.add(kamerstuk_id(groups[0] + groups[1], groups[2], groups[3]))
        found |= {f"kv-tk-{m.group(1)}z{m.group(2)}".lower() for m in _QUESTION_NUMBER.finditer(text)}
    if not found:
        return found, text
    rest = _LINK.sub(" ", text)  # a link naming the document is all reference
    for pattern in (_OFFICIAL_ID, _KAMERSTUK, _BARE_KAMERSTUK, _QUESTION_NUMBER, _FILLER):
        rest = pattern.sub(" ", rest)
    return found, " ".join(rest.split())


def shown_reference(official_id: str) -> str:
    """How a reply names the document asked for: the Kamerstuk as printed ('Kamerstuk 21 501-02, nr. 2298'),
    else the official id as typed."""
    if m := re.fullmatch(r"kst-(\d{2})(\d{3})(?:-([0-9a-z]{1,4}))?-(\d+)", official_id):
        dossier = f"{m.group(1)} {m.group(2)}" + (f"-{m.group(3)}" if m.group(3) else "")
        return f"Kamerstuk {dossier}, nr. {m.group(4)}"
    if m := re.fullmatch(r"kv-tk-(20\d{2})z(\d{5})", official_id):
        return f"{m.group(1)}Z{m.group(2)}"
    return official_id
