"""What the runner is doing for a task that waits: stored in `Task.activity`, with the try
number in `activity_attempt` and the epoch second of the next try in `next_attempt_at`.

A code, not words: the window says "answer unreadable, retry 3 in 49 s" from these three.
"""

from __future__ import annotations

from enum import StrEnum


class Activity(StrEnum):
    POLL_UNREADABLE = "poll_unreadable"  # the status answer could not be read; asking again
    POLL_RATE_LIMITED = "poll_rate_limited"  # the provider said 429; asking again after its wait
    POLL_UNAVAILABLE = "poll_unavailable"  # 5xx or maintenance; asking again
    POLL_NETWORK = "poll_network"  # no connection; asking again
    POLL_NOT_FOUND_YET = "poll_not_found_yet"  # a new id not visible yet; asking again
    SUBMIT_WAITING = "submit_waiting"  # the submit provably created nothing; sending again
    UPLOAD_RETRY = "upload_retry"  # the image upload failed; uploading again
    DOWNLOAD_RETRY = "download_retry"  # the video download failed; fetching it again (from where it stopped)
    PAUSED_NO_BALANCE = "paused_no_balance"  # the provider said the balance is too low: held until resumed

    @classmethod
    def parse(cls, text: str | None) -> Activity | None:
        if not text:
            return None
        try:
            return cls(text)
        except ValueError:
            return None
