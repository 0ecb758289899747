"""Document kinds and authors as an asker of another language reads them.

A citation quotes the document, so an author's official role stays as the document prints it
('Minister van Buitenlandse Zaken'): that is the title to look up. For an asker of English, Russian
or Belarusian the interface adds, in brackets, what the role is in their language when it knows the
role ('Minister of Foreign Affairs'); a role it does not know is left as printed, never guessed.
"""

from __future__ import annotations

import re

from interface.texts import Texts
from knowledge.models import Author, DocumentKind

#: The ministries as named in Dutch roles ('van Buitenlandse Zaken'), folded to lower case.
_MINISTRIES: dict[str, dict[str, str]] = {
    "buitenlandse zaken": {"en": "Foreign Affairs", "ru": "иностранных дел", "be": "замежных спраў"},
    "justitie en veiligheid": {"en": "Justice and Security", "ru": "юстиции и безопасности", "be": "юстыцыі і бяспекі"},
    "defensie": {"en": "Defence", "ru": "обороны", "be": "абароны"},
    "financiën": {"en": "Finance", "ru": "финансов", "be": "фінансаў"},
    "economische zaken": {"en": "Economic Affairs", "ru": "экономики", "be": "эканомікі"},
    "economische zaken en klimaat": {
        "en": "Economic Affairs and Climate Policy", "ru": "экономики и климата", "be": "эканомікі і клімату",
    },
    "binnenlandse zaken en koninkrijksrelaties": {
        "en": "the Interior and Kingdom Relations", "ru": "внутренних дел и отношений в Королевстве",
        "be": "унутраных спраў і адносін у Каралеўстве",
    },
    "asiel en migratie": {"en": "Asylum and Migration", "ru": "по вопросам убежища и миграции",
                          "be": "па пытаннях прытулку і міграцыі"},
    "buitenlandse handel en ontwikkelingssamenwerking": {
        "en": "Foreign Trade and Development Cooperation",
        "ru": "внешней торговли и сотрудничества в целях развития",
        "be": "знешняга гандлю і супрацоўніцтва дзеля развіцця",
    },
}
#: 'minister van X', 'minister voor X', 'staatssecretaris van X' in each language.
_HEADS: dict[str, dict[str, str]] = {
    "minister": {"en": "Minister of {ministry}", "ru": "министр {ministry}", "be": "міністр {ministry}"},
    "staatssecretaris": {
        "en": "State Secretary for {ministry}", "ru": "статс-секретарь {ministry}", "be": "статс-сакратар {ministry}",
    },
}
_WHOLE_ROLES: dict[str, dict[str, str]] = {
    "minister-president": {"en": "Prime Minister", "ru": "премьер-министр", "be": "прэм'ер-міністр"},
}
_ROLE = re.compile(r"^(minister|staatssecretaris)(?:\s+(?:van|voor)\s+(.+))?$")


def kind_label(kind: DocumentKind, texts: Texts) -> str:
    """'Kamerbrief', 'Letter to Parliament (Kamerbrief)', ... in the texts' language."""
    return texts.kind_kamervragen if kind is DocumentKind.KAMERVRAGEN else texts.kind_kamerbrief


def role_in(role: str | None, ministry: str | None, language: str) -> str | None:
    """The role in `language` (None for Dutch, or a role the interface does not know)."""
    if language == "nl" or not role:
        return None
    folded = " ".join(role.lower().split())
    if folded in _WHOLE_ROLES:
        return _WHOLE_ROLES[folded].get(language)
    found = _ROLE.match(folded)
    if not found:
        return None
    head, named = found.group(1), found.group(2) or (ministry or "").lower().strip()
    worded = _MINISTRIES.get(" ".join(named.split()), {}).get(language)
    return _HEADS[head][language].format(ministry=worded) if worded and language in _HEADS[head] else None


def describe_author(author: Author, language: str) -> str:
    """The author as the document names them, with the role in the asker's language beside it."""
    printed = author.describe()
    translated = role_in(author.name if author.is_office else author.role, author.ministry, language)
    return f"{printed} [{translated}]" if translated else printed


def describe_authors(authors: list[Author], language: str) -> str:
    return ", ".join(describe_author(author, language) for author in authors)
