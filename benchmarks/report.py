"""Rows, the machine they ran on, and the table (text for the terminal, Markdown for the README)."""

from __future__ import annotations

import datetime
import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One figure against its reference. `met` is None when the goal could not be judged."""

    benchmark: str
    figure: str
    reference: str
    ratio: float | None
    goal: str
    met: bool | None
    note: str = ""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def mb(count: float) -> str:
    return f"{count / 2**20:.0f} MB"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, int(-(-share * len(ordered) // 1)))  # ceil without float surprises at the top
    return ordered[min(len(ordered), rank) - 1]


def ratio_text(ratio: float | None) -> str:
    if ratio is None:
        return "n/a"
    return f"{ratio:.3f}×" if ratio < 0.1 else f"{ratio:.2f}×"


def met_text(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "n/a"}[met]


# --- the machine ---------------------------------------------------------------------
def machine() -> dict[str, str]:
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count() or "?"),
        "ram": _ram(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "qt": _qt_versions(),
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 2**20:.1f} GB"
    except OSError:
        pass
    return "?"


def _qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "not installed"
    return f"PySide6 {PySide6.__version__} (Qt {qVersion()})"


# --- rendering -----------------------------------------------------------------------
HEADERS = ("Benchmark", "Figure", "Reference", "Ratio", "Goal", "Met")


def _cells(row: Row) -> tuple[str, ...]:
    return (row.benchmark, row.figure, row.reference, ratio_text(row.ratio), row.goal, met_text(row.met))


def markdown(rows: Sequence[Row], info: dict[str, str]) -> str:
    lines = [
        f"Measured {info['date']} on {info['cpu']}, {info['cores']} cores, {info['ram']} RAM; "
        f"{info['os']}; Python {info['python']}; {info['qt']}; {info.get('load', '')}.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
    ]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in _cells(row)) + " |" for row in rows]
    notes = [f"- **{row.benchmark}**: {row.note}" for row in rows if row.note]
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines) + "\n"


README_START = "<!-- benchmarks table: written by python -m benchmarks -->"
README_END = "<!-- end of benchmarks table -->"


def readme_with_table(readme: str, rows: Sequence[Row], info: dict[str, str]) -> str:
    """README's text with the table between its markers replaced by this run's (no notes:
    those live in RESULTS.md); unchanged when the markers are missing."""
    start, end = readme.find(README_START), readme.find(README_END)
    if start < 0 or end < start:
        return readme
    table = markdown(rows, info).split("\nNotes:\n")[0].rstrip("\n")
    return readme[: start + len(README_START)] + "\n" + table + "\n" + readme[end:]


def text_table(rows: Sequence[Row], info: dict[str, str]) -> str:
    cells = [HEADERS, *(tuple(c.replace("**", "") for c in _cells(row)) for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    out = [
        f"{info['date']} | {info['cpu']} | {info['cores']} cores | {info['ram']} RAM | "
        f"Python {info['python']} | {info['qt']} | {info.get('load', '')}",
        "",
    ]
    for n, line in enumerate(cells):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def process_memory() -> dict[str, int]:
    """This process's resident memory now ("rss") and at its peak ("peak"), in bytes (Linux /proc).

    Not ru_maxrss: Linux carries it over from the parent across fork and exec, so a child
    would report its parent's peak.
    """
    values = {}
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) * 1024
    return {"rss": values.get("VmRSS", 0), "peak": values.get("VmHWM", 0)}


def scratch_dir() -> str | None:
    """Memory-backed scratch space where there is one: for benchmarks whose figure is not disk speed
    (the virtual-time polling run would otherwise spend its wall time in fsync)."""
    return "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
