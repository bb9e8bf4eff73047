"""Background threads run below the thread that starts them (Linux: niceness is per thread).

One rule for every background thread of the app: the engine's host thread (below the
window), the poster workers (below whoever starts them: the grid's below the window, the
engine's saved-poster thread below the network loop). Threads a lowered thread starts, such
as FFmpeg's decoders or the download writers, inherit its value.
"""

from __future__ import annotations

import os
import sys
import threading

BACKGROUND_NICE = 10  # added to the thread's nice value (0..19 on Linux; higher = served later)


def run_in_background(step: int = BACKGROUND_NICE) -> bool:
    """Lower the calling thread's scheduling priority by `step` nice levels; False where that is
    not possible (not Linux, where a thread has no nice value of its own, or refused)."""
    if not sys.platform.startswith("linux") or step <= 0:
        return False
    thread_id = threading.get_native_id()  # on Linux, PRIO_PROCESS with a thread id means that thread alone
    try:
        nice = os.getpriority(os.PRIO_PROCESS, thread_id)
        os.setpriority(os.PRIO_PROCESS, thread_id, min(19, nice + step))
    except OSError:
        return False
    return True
