"""Per-task behaviour written into the prompt, for scripts and subprocess tests.

Syntax: `{{sim:KEY=VALUE;KEY=VALUE}}` anywhere in the prompt, as many as you like; the
text stays in the prompt (it is what the client sent). Keys:
- `fail=CODE`      the task ends in the provider's failed state with that fail code
                   (e.g. `{{sim:fail=SensitiveContent}}` on APIXO, `{{sim:fail=501}}` on kie);
- `msg=TEXT`       the fail message (default: the code's usual wording, see failcodes.py);
- `queue=SECONDS`  time queued, in seconds of the sim's clock, not scaled;
- `run=SECONDS`    time generating, likewise;
- `result=not_json` the result cannot be read (as the `bad_result_json` fault).
Unknown keys are ignored so a typo never breaks a submit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(r"\{\{sim:([^}]*)\}\}")


@dataclass(frozen=True)
class Directives:
    fail: str | None = None
    message: str | None = None
    queue: float | None = None
    run: float | None = None
    bad_result: bool = False


def parse_directives(prompt: str) -> Directives:
    pairs = dict(_pairs(prompt))
    return Directives(
        fail=pairs.get("fail") or None,
        message=pairs.get("msg") or None,
        queue=_seconds(pairs.get("queue")),
        run=_seconds(pairs.get("run")),
        bad_result=pairs.get("result") == "not_json",
    )


def _pairs(prompt: str):
    for body in _DIRECTIVE.findall(prompt):
        for item in body.split(";"):
            key, sep, value = item.partition("=")
            if sep:
                yield key.strip(), value.strip()


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
