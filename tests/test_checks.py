"""The linters run with the suite, so the README's test command (and CI) runs them too.

ruff: the rule set in pyproject.toml over the whole tree, no exception.
mypy: strict (pyproject.toml) over domain, providers and services. domain passes clean.
providers and services carry debt, counted per file in tests/mypy_debt.json: a file may
not get worse, a new file starts clean, and a count that went down must be lowered in the
file (so the debt only ever shrinks).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEBT = Path(__file__).with_name("mypy_debt.json")
ERROR = re.compile(r"^(hailuo_desktop/[^:]+\.py):\d+: error:")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "hailuo_desktop", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_debt_only_shrinks():
    done = _run("mypy")  # files and strictness from pyproject.toml
    assert "error: " in done.stdout or done.returncode == 0, done.stdout + done.stderr  # it really ran
    found = Counter(m.group(1) for line in done.stdout.splitlines() if (m := ERROR.match(line)))
    allowed = json.loads(DEBT.read_text())
    worse = {f: (n, allowed.get(f, 0)) for f, n in found.items() if n > allowed.get(f, 0)}
    assert not worse, (
        "new mypy errors (found, allowed):\n"
        + "\n".join(f"{f}: {n} > {a}" for f, (n, a) in sorted(worse.items()))
        + "\n\n"
        + done.stdout
    )
    better = {f: (found.get(f, 0), a) for f, a in allowed.items() if found.get(f, 0) < a}
    assert not better, "fewer errors than tests/mypy_debt.json allows: lower it to\n" + "\n".join(
        f'"{f}": {n},' for f, (n, _a) in sorted(better.items())
    )


def test_the_domain_layer_is_strict_and_clean():
    allowed = json.loads(DEBT.read_text())
    assert not [f for f in allowed if f.startswith("hailuo_desktop/domain/")]
