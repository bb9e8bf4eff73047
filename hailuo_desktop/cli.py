"""Command-line entry point (TODO: the full CLI lands with the engine issue)."""

import sys

from . import __version__


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--version"]:
        print(f"hailuo-desktop {__version__}")
        return 0
    print("hailuo-desktop: not yet implemented", file=sys.stderr)
    return 2
