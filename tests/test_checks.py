"""The linters run with the suite, so the README's test command (and CI) runs them too.

ruff: the rule set in pyproject.toml over the whole tree, no exception.
mypy: strict (pyproject.toml) over domain, providers and services, with no error allowed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = re.compile(r"^Success: no issues found in (\d+) source files$", re.MULTILINE)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_format_leaves_the_tree_as_it_is():
    done = _run("ruff", "format", "--no-cache", "--check", "hailuo_desktop", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, "run `ruff format` over the tree:\n" + done.stdout + done.stderr


def test_every_module_is_under_400_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "hailuo_desktop").rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) >= 400
    }
    assert long == {}, "split these modules (small files: ARCHITECTURE.md)"


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "hailuo_desktop", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_strict_over_the_core():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert config["strict"] is True
    assert {"hailuo_desktop/domain", "hailuo_desktop/providers", "hailuo_desktop/services"} <= set(config["files"])


def test_mypy_strict_finds_nothing():
    done = _run("mypy")  # files and strictness from pyproject.toml
    clean = CLEAN.search(done.stdout)
    assert done.returncode == 0 and clean is not None and int(clean.group(1)) > 0, done.stdout + done.stderr
