"""The curated phrasings follow the rules in curation.yaml's header: every shipped entry can be found
in each of the users' languages, and no phrasing points at two entries."""

from __future__ import annotations

from collections import defaultdict

from knowledge.models import Language
from knowledge.shipped import shipped_documents
from knowledge.text.analysis import fold, tokens


def test_every_shipped_entry_has_phrasings_in_every_language() -> None:
    for parsed in shipped_documents():
        for entry in parsed.entries:
            languages = {alternate.language for alternate in entry.alternates}
            assert languages == set(Language), f"{entry.key} lacks {set(Language) - languages}"


def test_no_phrasing_is_shared_between_entries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for parsed in shipped_documents():
        for entry in parsed.entries:
            for alternate in entry.alternates:
                owners[" ".join(tokens(fold(alternate.text)))].add(entry.key)
    shared = {text: keys for text, keys in owners.items() if len(keys) > 1}
    assert not shared
