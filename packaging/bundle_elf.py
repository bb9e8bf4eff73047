"""Reading and checking the bundle's shared libraries with binutils and the dynamic loader.

PyInstaller needs binutils on Linux anyway, so objdump and strip are there when it runs.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

# What `ldd` prints when a library would not load: a missing dependency, or a file the
# loader cannot map (a badly stripped library reports "not page-aligned" / "not a dynamic").
LOAD_FAILURES = ("not found", "error while loading", "not a dynamic executable")


def _run(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def needed(path: str | Path) -> list[str]:
    """The DT_NEEDED names of a shared object."""
    lines = _run("objdump", "-p", str(path)).splitlines()
    return [line.split()[1] for line in lines if line.strip().startswith("NEEDED")]


def has_debug_info(path: str | Path) -> bool:
    return " .debug_info " in _run("objdump", "-h", str(path))


def load_problems(path: str | Path) -> list[str]:
    """The lines of `ldd path` that say the library would not load; empty when it loads."""
    return [
        line.strip()
        for line in _run("ldd", str(path)).splitlines()
        if any(failure in line for failure in LOAD_FAILURES)
    ]


def shared_objects(folder: Path) -> list[Path]:
    """Every shared library and extension module under `folder` (symlinks left out)."""
    return sorted(p for p in folder.rglob("*.so*") if p.is_file() and not p.is_symlink())


def strip_debug(paths: Iterable[Path]) -> tuple[int, list[Path]]:
    """Strip debug sections in place; returns (bytes saved, files restored).

    A library rewritten by patchelf (auditwheel does it to many wheels) can come out of
    `strip` unloadable, so every stripped file is checked with the loader and put back
    as it was if it no longer loads.
    """
    saved, restored = 0, []
    for path in paths:
        if not has_debug_info(path):
            continue
        original, problems = path.read_bytes(), load_problems(path)
        _run("strip", "--strip-debug", str(path))
        if load_problems(path) != problems:
            path.write_bytes(original)
            restored.append(path)
        else:
            saved += len(original) - path.stat().st_size
    return saved, restored
