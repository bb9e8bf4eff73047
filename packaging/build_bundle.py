"""Build the one-folder PyInstaller bundle: <dist>/hailuo-desktop/hailuo-desktop.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--untrimmed] [--no-strip]

Run it with the project's virtual environment (packaging/build_bundle.sh does, after
installing the `bundle` extra). The sources are staged in the wheel's layout first, with
resources/ inside hailuo_desktop/, so the bundle finds its data the way an installed app
does (importlib.resources) and the editable install of the work tree plays no part.
After PyInstaller, debug sections are stripped and every library is checked to load.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
sys.path.insert(0, str(PACKAGING))  # run as a script: its sibling modules

import bundle_elf  # noqa: E402

PROJECT = PACKAGING.parent
SPEC = PACKAGING / "hailuo-desktop.spec"
APP_NAME = "hailuo-desktop"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build the one-folder Hailuo Desktop bundle.")
    parser.add_argument("--dist", type=Path, default=PROJECT / "dist", help="where the bundle folder goes")
    parser.add_argument("--work", type=Path, default=PROJECT / "build" / "bundle", help="PyInstaller's work folder")
    parser.add_argument("--untrimmed", action="store_true", help="keep every Qt plugin and translation (to compare)")
    parser.add_argument("--no-strip", action="store_true", help="keep debug sections in the libraries")
    return parser.parse_args(argv)


def stage_sources(stage: Path) -> None:
    """hailuo_desktop/ with resources/ inside it, plus the entry script, in `stage`."""
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(PROJECT / "hailuo_desktop", stage / "hailuo_desktop", ignore=IGNORED)
    shutil.copytree(PROJECT / "resources", stage / "hailuo_desktop" / "resources", ignore=IGNORED)
    shutil.copy2(PACKAGING / "bundle_entry.py", stage / "bundle_entry.py")


def pyinstaller_command(args: argparse.Namespace, stage: Path, report: Path) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(args.dist),
        "--workpath",
        str(args.work / "pyinstaller"),
        str(SPEC),
        "--",
        "--stage",
        str(stage),
        "--report",
        str(report),
    ]
    return command + (["--untrimmed"] if args.untrimmed else [])


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def unloadable(bundle: Path) -> list[str]:
    """Every library in the bundle that the dynamic loader would refuse, with the reason."""
    return [
        f"{path.relative_to(bundle)}: {problem}"
        for path in bundle_elf.shared_objects(bundle)
        for problem in bundle_elf.load_problems(path)
    ]


def strip(bundle: Path) -> dict:
    saved, restored = bundle_elf.strip_debug(bundle_elf.shared_objects(bundle))
    return {"stripped_bytes": saved, "left_unstripped": [str(p.relative_to(bundle)) for p in restored]}


def summary(bundle: Path, report: Path, seconds: float, args: argparse.Namespace) -> dict:
    result = {
        "bundle": str(bundle),
        "bytes": folder_bytes(bundle),
        "seconds": round(seconds, 1),
        "trimmed": not args.untrimmed,
    }
    if report.is_file():
        trim = json.loads(report.read_text(encoding="utf-8"))
        result.update(
            collected_bytes=trim["collected_bytes"], kept_bytes=trim["kept_bytes"], dropped_files=len(trim["dropped"])
        )
    return result


def print_summary(result: dict) -> None:
    print(f"Bundle: {result['bundle']}/{APP_NAME}")
    print(
        f"Size on disk: {megabytes(result['bytes'])} ({'trimmed' if result['trimmed'] else 'untrimmed'}), "
        f"built in {result['seconds']} s"
    )
    if "collected_bytes" in result:
        print(
            f"Trimming: {result['dropped_files']} files dropped; what PyInstaller collected went from "
            f"{megabytes(result['collected_bytes'])} to {megabytes(result['kept_bytes'])}"
        )
    if "stripped_bytes" in result:
        print(
            f"Stripping debug sections saved {megabytes(result['stripped_bytes'])}"
            + (
                f"; left as they were (would not load stripped): {', '.join(result['left_unstripped'])}"
                if result["left_unstripped"]
                else ""
            )
        )


def build(args: argparse.Namespace) -> dict:
    stage, report = args.work / "stage", args.work / "trim-report.json"
    report.unlink(missing_ok=True)
    started = time.monotonic()
    stage_sources(stage)
    subprocess.run(pyinstaller_command(args, stage, report), cwd=PROJECT, check=True)
    bundle = args.dist / APP_NAME
    stripped = {} if args.no_strip else strip(bundle)
    result = summary(bundle, report, time.monotonic() - started, args) | stripped
    (args.work / "summary.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.dist, args.work = args.dist.resolve(), args.work.resolve()
    # objdump is how PyInstaller (and the trimming) read library dependencies on Linux.
    missing = [tool for tool in ("objdump", "strip", "ldd") if shutil.which(tool) is None]
    if missing:
        print(f"missing {', '.join(missing)}: install binutils (apt-get install binutils)", file=sys.stderr)
        return 1
    try:
        result = build(args)
    except subprocess.CalledProcessError as error:
        return error.returncode
    print_summary(result)
    problems = unloadable(Path(result["bundle"]))
    if problems:
        print("These libraries would not load:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
