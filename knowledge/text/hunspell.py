"""The word forms of a Hunspell dictionary: its stems with their suffix rules applied.

Belarusian has no word-frequency list on PyPI (wordfreq, pyspellchecker and the OpenSubtitles lists
of wordstats have none), but it has a well-kept spelling dictionary: the Belarusian Grammar Database's
Hunspell dictionary (bnkorpus.info, CC BY-SA 4.0 or LGPLv3), shipped unchanged in knowledge/lexicon/.
Reading it needs no Hunspell library: that dictionary uses suffix rules only (no prefixes, no
continuation flags, single-letter conditions), so a stem plus each rule of its flags is each of its
forms. A dictionary using what this reader does not know is refused rather than half read.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from importlib import resources


class UnsupportedDictionary(ValueError):
    """The affix file uses a Hunspell feature this reader does not implement."""


_Rule = tuple[str, str, re.Pattern[str] | None]  # strip, add, condition on the stem's end


def shipped_forms(name: str, names: bool = True) -> Iterator[str]:
    """The forms of the dictionary `name` shipped in knowledge/lexicon (`name`.dic.gz and .aff.gz)."""
    folder = resources.files("knowledge") / "lexicon"
    affixes = gzip.decompress((folder / f"{name}.aff.gz").read_bytes()).decode("utf-8")
    stems = gzip.decompress((folder / f"{name}.dic.gz").read_bytes()).decode("utf-8")
    return forms(affixes, stems, names)


def forms(affixes: str, stems: str, names: bool = True) -> Iterator[str]:
    """Every form of the stems (a .dic file's text) under the suffix rules (an .aff file's text),
    lower-cased; a form may come more than once. Without `names`, stems written with a capital
    (names, abbreviations: 'Іран', 'ААН') are left out."""
    rules = _suffix_rules(affixes)
    lines = stems.splitlines()
    for line in lines[1:] if lines and lines[0].strip().isdigit() else lines:
        stem, _, flags = line.strip().partition("/")
        if not stem or (not names and stem[0].isupper()):
            continue
        stem = stem.lower()
        yield stem
        for flag in flags.split(",") if flags else ():
            for strip, add, condition in rules.get(flag, ()):
                if condition is not None and not condition.search(stem):
                    continue
                if strip and not stem.endswith(strip):
                    continue
                yield stem[: len(stem) - len(strip)] + add


def _suffix_rules(affixes: str) -> dict[str, list[_Rule]]:
    rules: dict[str, list[_Rule]] = {}
    for line in affixes.splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if parts[0] in ("PFX", "COMPOUNDFLAG", "COMPOUNDRULE", "NEEDAFFIX", "CIRCUMFIX", "ONLYINCOMPOUND"):
            raise UnsupportedDictionary(parts[0])
        if parts[0] == "SET" and parts[1].upper() != "UTF-8":
            raise UnsupportedDictionary(line)
        if parts[0] == "FLAG" and parts[1] != "num":
            raise UnsupportedDictionary(line)
        if parts[0] != "SFX" or len(parts) < 5:
            continue  # the header line of a rule group ('SFX 12 Y 3'), TRY, WORDCHARS...
        add, _, continuation = parts[3].partition("/")
        if continuation:
            raise UnsupportedDictionary("continuation flags")
        strip = "" if parts[2] == "0" else parts[2]
        condition = None if parts[4] == "." else re.compile(f"(?:{parts[4]})$")
        rules.setdefault(parts[1], []).append((strip, "" if add == "0" else add, condition))
    return rules
