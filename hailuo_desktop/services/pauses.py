"""Submits held per provider: after an "insufficient balance" answer, nothing more is sent
to that provider until the user says the account is topped up (Runner.resume_provider).

Tasks already at the provider keep being followed; only new submits wait. In memory: a
restart (or the next `hailuo-desktop wait`) tries again, which is the user's resume.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..domain.codes import ErrorCode

Listener = Callable[[str, "Pause | None"], None]


@dataclass(frozen=True)
class Pause:
    provider: str
    code: ErrorCode  # why: INSUFFICIENT_BALANCE
    since: float
    message: str | None = None  # the provider's words, as the error carried them


class ProviderPauses:
    def __init__(self) -> None:
        self._paused: dict[str, Pause] = {}
        self._listeners: list[Listener] = []

    def pause(self, pause: Pause) -> None:
        if pause.provider in self._paused:
            return
        self._paused[pause.provider] = pause
        self._tell(pause.provider, pause)

    def resume(self, provider_id: str) -> bool:
        """True when the provider was paused."""
        if self._paused.pop(provider_id, None) is None:
            return False
        self._tell(provider_id, None)
        return True

    def get(self, provider_id: str) -> Pause | None:
        return self._paused.get(provider_id)

    def paused(self) -> dict[str, Pause]:
        return dict(self._paused)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """`listener(provider_id, pause or None when resumed)`; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _tell(self, provider_id: str, pause: Pause | None) -> None:
        for listener in list(self._listeners):
            listener(provider_id, pause)
