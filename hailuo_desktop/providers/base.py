"""The seam every provider adapter implements, and the values that cross it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..domain.balance import Balance
from ..domain.catalog import ModelSpec, ProviderSpec
from ..domain.request import GenerationRequest
from ..domain.states import RemoteState

__all__ = ["Balance", "Provider", "RemoteStatus", "SubmitPayload", "UploadedFile", "Uploader"]


@dataclass(frozen=True)
class SubmitPayload:
    """A request whose images already have URLs the provider can fetch (http(s) or data:)."""

    request: GenerationRequest
    image_url: str | None = None
    end_image_url: str | None = None


@dataclass(frozen=True)
class RemoteStatus:
    state: RemoteState
    raw_state: str
    video_url: str | None = None  # on success: where the video can be fetched (no auth needed)
    fail_code: str | None = None
    fail_message: str | None = None
    created_ms: int | None = None
    completed_ms: int | None = None


@dataclass(frozen=True)
class UploadedFile:
    url: str
    expires_at: float | None  # epoch seconds, None when unknown


@runtime_checkable
class Provider(Protocol):
    """Adapters translate JSON to domain values and raise domain errors; nothing else."""

    spec: ProviderSpec

    async def submit(self, payload: SubmitPayload) -> str:
        """Create the task; returns the provider's task id."""

    async def poll(self, model: ModelSpec, remote_id: str) -> RemoteStatus:
        """One status query (plus, for MiniMax, the file lookup that yields the URL)."""

    async def balance(self) -> Balance | None:
        """The account balance, or None where the provider has no endpoint."""


@runtime_checkable
class Uploader(Protocol):
    """A file-upload API (kie.ai and Apikley have one)."""

    async def upload(self, path: Path, mime: str) -> UploadedFile: ...
