"""Where the shipped sources lie (package data), read by the seeding of a new store and by the
migration that gives an older store its shipped documents' source texts back."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from knowledge.yamlfast import load_yaml


def sources_folder() -> Traversable:
    return resources.files("knowledge") / "sources"


def shipped_source_texts() -> dict[str, str]:
    """Document key → the text of its shipped file: the source of the shipped documents."""
    listing = sources_folder() / "documents.yaml"
    if not listing.is_file():
        return {}
    found = {}
    for key, overlay in (load_yaml(listing.read_text(encoding="utf-8")) or {}).items():
        path = sources_folder() / str(overlay.get("file", ""))
        if path.is_file():
            found[str(key)] = path.read_text(encoding="utf-8")
    return found
