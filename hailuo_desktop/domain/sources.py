"""Where an image comes from: a local file, a URL, or a data: URL. One rule for all layers.

The scheme is read case-insensitively ("HTTPS://" is a URL) and surrounding spaces are
ignored; a `data:` URL is a URL (its content travels inline, nothing is read from disk).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SourceKind(StrEnum):
    FILE = "file"
    URL = "url"  # http(s): the provider fetches it
    DATA_URL = "data_url"  # data:<mime>;base64,...: the image itself


@dataclass(frozen=True)
class ImageSource:
    kind: SourceKind
    value: str  # the path or URL as given, without surrounding spaces

    @classmethod
    def of(cls, text: str) -> ImageSource:
        value = text.strip()
        lowered = value.lower()
        if lowered.startswith(("http://", "https://")):
            return cls(SourceKind.URL, value)
        if lowered.startswith("data:"):
            return cls(SourceKind.DATA_URL, value)
        return cls(SourceKind.FILE, value)

    @property
    def is_url(self) -> bool:
        return self.kind is not SourceKind.FILE

    @property
    def is_http(self) -> bool:
        return self.kind is SourceKind.URL

    @property
    def is_data(self) -> bool:
        return self.kind is SourceKind.DATA_URL

    @property
    def is_local(self) -> bool:
        return self.kind is SourceKind.FILE

    @property
    def mime(self) -> str | None:
        """The declared type of a data: URL ("image/png"), lowercased; None otherwise."""
        if not self.is_data:
            return None
        return self.value[5:].split(";", 1)[0].split(",", 1)[0].strip().lower() or None


def is_url(text: str | None) -> bool:
    return bool(text) and ImageSource.of(text or "").is_url


def is_http_url(text: str | None) -> bool:
    return bool(text) and ImageSource.of(text or "").is_http


def is_local_image(text: str | None) -> bool:
    """A non-empty image that is a file on this machine."""
    return bool(text) and ImageSource.of(text or "").is_local
