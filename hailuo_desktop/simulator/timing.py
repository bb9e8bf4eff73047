"""How long a simulated task waits in the queue and generates.

Generation times are right-skewed: most clips take a minute or two, a few take much
longer. So both phases are lognormal, drawn from the simulator's seeded RNG: the queue
with a wide spread (a busy queue is what makes the tail), the run with a narrow one
around a per-family median. Medians are the simulator's guesses [I], in line with the
providers' advice (APIXO: first poll at 30 s; kie: expect minutes, give up at 10-15).
"""

from __future__ import annotations

import math
import random
from typing import Protocol


class Timed(Protocol):
    """What sets a task's generation time: the model's family and tier (simulator/models.py)."""

    @property
    def family(self) -> str: ...

    @property
    def tier(self) -> str: ...


# SIMULATOR VALUES: the docs give no generation times, only polling advice.
# Median seconds of generation for a 6 s clip at the family's standard tier.
RUN_MEDIAN = {"2.3-fast": 50.0, "2.3": 80.0, "02": 100.0}
QUEUE_MEDIAN = 10.0
QUEUE_SIGMA = 0.9
RUN_SIGMA = 0.3
PRO_FACTOR = 1.35
TEN_SECONDS_FACTOR = 1.5


def draw_timing(rng: random.Random, spec: Timed, duration: int, time_scale: float) -> tuple[float, float]:
    """(queue seconds, run seconds) on the sim clock, already scaled."""
    run_median = RUN_MEDIAN.get(spec.family, 90.0)
    if spec.tier == "pro":
        run_median *= PRO_FACTOR
    if duration >= 10:
        run_median *= TEN_SECONDS_FACTOR
    queue = rng.lognormvariate(math.log(QUEUE_MEDIAN), QUEUE_SIGMA)
    run = rng.lognormvariate(math.log(run_median), RUN_SIGMA)
    return queue * time_scale, run * time_scale
