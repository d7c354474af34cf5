"""Where documents come from: local files and directories, and URLs."""

from __future__ import annotations

import pathlib
from dataclasses import dataclass, field
from typing import Iterator

from miner.errors import FetchError

SKIP_NAMES = {".DS_Store", "Thumbs.db"}
SKIP_SUFFIXES = {".json", ".jsonl", ".md", ".py", ".yml", ".yaml", ".csv"}


@dataclass
class RawDocument:
    """Bytes with provenance: where they came from and what the server said."""

    url: str
    data: bytes
    content_type: str | None = None
    charset: str | None = None
    headers: dict = field(default_factory=dict)


@dataclass
class Source:
    """A document to read later: a local path or a URL."""

    location: str

    def read(self) -> RawDocument:
        if self.location.startswith(("http://", "https://")):
            from miner.sources.http import fetch

            return fetch(self.location)
        path = pathlib.Path(self.location)
        try:
            return RawDocument(url=str(path.resolve()), data=path.read_bytes())
        except OSError as error:
            raise FetchError(f"{self.location}: cannot read ({error.strerror or error})") from None


def expand_sources(locations: list[str]) -> Iterator[Source]:
    """Files as given, directories walked recursively in name order, URLs as given."""
    for location in locations:
        if location.startswith(("http://", "https://")):
            yield Source(location)
            continue
        path = pathlib.Path(location)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.name not in SKIP_NAMES and not child.name.startswith(".") and child.suffix.lower() not in SKIP_SUFFIXES:
                    yield Source(str(child))
        else:
            yield Source(location)
