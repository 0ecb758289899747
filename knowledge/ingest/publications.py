"""Fetch a publication's official XML (and its metadata) from officielebekendmakingen by id or link.

A moderator types `ah-tk-20202021-3341` or pastes `https://zoek.officielebekendmakingen.nl/kst-35373-33.html`;
the XML at `<base>/<id>.xml` and `<base>/<id>/metadata.xml` is read by the same XML importer as an
upload. Only the official hosts (and the configured base, for a test server) are ever contacted;
redirects are followed by hand and only to those hosts; size and time are bounded (the time for the
whole fetch, not per read: httpx's timeout lets a server dripping a byte a second hold it forever);
every failure is a FetchError whose `problem` names what went wrong for a one-line message.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple
from urllib.parse import urljoin, urlsplit

import httpx

from knowledge.ingest.importers import DocumentRejected, read_publication
from knowledge.models import ParsedDocument
from knowledge.reasons import Reason, megabytes

OFFICIAL_HOSTS = frozenset(
    {"zoek.officielebekendmakingen.nl", "officielebekendmakingen.nl", "www.officielebekendmakingen.nl"}
)
DEFAULT_BASE_URL = "https://zoek.officielebekendmakingen.nl"
MAX_REDIRECTS = 3
_ID = re.compile(
    r"^(?:ah-(?:tk|ek)-\d{8}-\d{1,6}|kst-\d{5,6}(?:-[0-9a-z]{1,10}){1,3}|kv-tk-20\d{2}z\d{5})$", re.IGNORECASE
)
_PATH = re.compile(r"^/([^/]+?)(?:\.html|\.xml|\.pdf|/metadata\.xml|/)?$")

Problem = Literal[
    "bad_reference", "offline", "slow", "not_found", "too_large", "off_host", "redirect_loop", "not_xml", "failed"
]
#: What the XML reader says of a body that is no XML at all: a portal's web page ("<!DOCTYPE html>"),
#: a plain-text notice, nothing. Fetched, that is the source not returning the document, not a broken upload.
_NOT_XML = frozenset({Reason.XML_NOT_WELL_FORMED, Reason.XML_WITH_DOCTYPE, Reason.FILE_EMPTY})
#: A well-formed XHTML page is XML too, but a web page: its root element is <html>.
_WEB_PAGE = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?html[\s>]", re.IGNORECASE | re.DOTALL)


class FetchError(Exception):
    """Fetching failed; `problem` says how, `detail` holds what a message may show (host, status)."""

    def __init__(self, problem: Problem, reason: str, **detail: str) -> None:
        super().__init__(reason)
        self.problem = problem
        self.detail = detail


class Fetched(NamedTuple):
    parsed: ParsedDocument
    xml: bytes
    file_name: str


def official_id_of(reference: str) -> str | None:
    """The official id in what a moderator typed: an id itself, or an official page's address."""
    text = reference.strip()
    if _ID.match(text):
        return _normal_id(text)
    parts = urlsplit(text)
    if parts.scheme in {"http", "https"} and (parts.hostname or "").lower() in OFFICIAL_HOSTS:
        if (m := _PATH.match(parts.path)) and _ID.match(m.group(1)):
            return _normal_id(m.group(1))
    return None


def looks_like_reference(text: str) -> bool:
    """Whether `/import <text>` means an id or a link (rather than nothing at all)."""
    stripped = text.strip()
    return bool(stripped) and (stripped.lower().startswith(("ah-", "kst-", "kv-", "http://", "https://")))


def _normal_id(text: str) -> str:
    lowered = text.lower()
    return lowered[:6] + lowered[6:].upper() if lowered.startswith("kv-tk-") else lowered


@dataclass
class PublicationSource:
    """Where and how publications are fetched: the base URL (a setting) and the bounds."""

    base_url: str = DEFAULT_BASE_URL
    timeout_seconds: float = 15.0
    max_bytes: int = 5_000_000
    transport: httpx.AsyncBaseTransport | None = field(default=None, repr=False)

    @property
    def allowed_hosts(self) -> frozenset[str]:
        return OFFICIAL_HOSTS | {(urlsplit(self.base_url).hostname or "").lower()}

    def fetch(self, reference: str) -> ParsedDocument:
        """The publication as a parsed document, with its official id and page link filled in."""
        return self.fetch_with_source(reference).parsed

    def fetch_with_source(self, reference: str) -> Fetched:
        """The parsed publication and the official XML it was read from (kept as its source text)."""
        official_id = official_id_of(reference)
        if official_id is None:
            raise FetchError(
                "bad_reference",
                f"{reference.strip()[:80]} is not an official id or link",
                reference=reference.strip()[:80],
            )
        publication, metadata = self._download(official_id)
        try:
            parsed = read_publication(publication, metadata, max_bytes=self.max_bytes)
        except DocumentRejected as error:
            if error.reason in _NOT_XML or (error.reason is Reason.NOT_OFFICIAL_XML and _WEB_PAGE.match(publication)):
                raise FetchError(
                    "not_xml", f"{official_id} did not come back as XML", reference=official_id
                ) from None
            raise
        document = parsed.document
        updates: dict[str, str] = {}
        if document.official_id is None and not official_id.startswith("kv-"):
            updates["official_id"] = official_id
        if document.url is None:
            updates["url"] = f"{DEFAULT_BASE_URL}/{official_id}.html"
        if updates:
            # Everything else the reader found (cut off, misnumbered, unanswered) goes along to the preview.
            parsed = parsed.model_copy(update={"document": document.model_copy(update=updates)})
        return Fetched(parsed, publication, f"{official_id}.xml")

    def _download(self, official_id: str) -> tuple[bytes, bytes | None]:
        """The publication and its metadata, both within `timeout_seconds` in all (headers and bodies).
        Blocking: async callers run it in a thread (asyncio.to_thread), as the Telegram handler does."""
        try:
            return asyncio.run(self._download_in_time(official_id))
        except TimeoutError:
            seconds = f"{self.timeout_seconds:g}"
            raise FetchError("slow", f"the publications server took longer than {seconds} s", seconds=seconds) from None

    async def _download_in_time(self, official_id: str) -> tuple[bytes, bytes | None]:
        base = self.base_url.rstrip("/") + "/"
        async with asyncio.timeout(self.timeout_seconds):
            async with httpx.AsyncClient(
                timeout=self.timeout_seconds, follow_redirects=False, transport=self.transport
            ) as client:
                publication = await self._get(client, urljoin(base, f"{official_id}.xml"), official_id)
                if publication is None:
                    raise FetchError("not_found", f"{official_id} was not found", reference=official_id)
                try:
                    metadata = await self._get(client, urljoin(base, f"{official_id}/metadata.xml"), official_id)
                except FetchError as error:
                    if error.problem in {"off_host", "too_large", "slow"}:
                        raise
                    metadata = None  # the publication itself states what the importer needs; metadata only adds
        return publication, metadata

    async def _get(self, client: httpx.AsyncClient, url: str, official_id: str) -> bytes | None:
        """The body at `url` (None when it does not exist), following redirects only to allowed hosts."""
        for _ in range(MAX_REDIRECTS + 1):
            self._check_host(url)
            try:
                async with client.stream("GET", url, headers={"Accept": "application/xml"}) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code in {404, 410}:
                        return None
                    if response.status_code != 200:
                        raise FetchError("failed", f"HTTP {response.status_code}", status=str(response.status_code))
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > self.max_bytes:
                        raise self._too_large(official_id)
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body.extend(chunk)
                        if len(body) > self.max_bytes:
                            raise self._too_large(official_id)
                    return bytes(body)
            except httpx.ConnectTimeout:
                raise FetchError("offline", "the publications server cannot be reached in time") from None
            except httpx.TimeoutException:
                seconds = f"{self.timeout_seconds:g}"
                raise FetchError("slow", f"the publications server took longer than {seconds} s", seconds=seconds) from None
            except httpx.TransportError:
                raise FetchError("offline", "the publications server cannot be reached") from None
        raise FetchError("redirect_loop", "too many redirects", reference=official_id)

    def _check_host(self, url: str) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host not in self.allowed_hosts or parts.scheme not in {"http", "https"}:
            raise FetchError(
                "off_host", f"the address leads to {host or url[:60]}, not an official host", host=host or url[:60]
            )
        if parts.scheme != "https" and not _is_loopback(host):
            raise FetchError("off_host", f"{host} is not reached over HTTPS", host=host)

    def _too_large(self, official_id: str) -> FetchError:
        return FetchError(
            "too_large",
            f"{official_id} is larger than {megabytes(self.max_bytes)} MB",
            reference=official_id,
            limit=str(self.max_bytes),
        )


def _is_loopback(host: str) -> bool:
    return host in {"127.0.0.1", "localhost", "::1"}


__all__ = ["DocumentRejected", "FetchError", "PublicationSource", "official_id_of", "looks_like_reference"]
