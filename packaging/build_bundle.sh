#!/usr/bin/env bash
# Build the one-folder app bundle: dist/hailuo-desktop/hailuo-desktop (see packaging/README.md).
#
#   bash packaging/build_bundle.sh [--dist DIR] [--work DIR] [--untrimmed] [--no-strip]
#
# Uses the project's .venv (bash run.sh test or demo creates it) and installs PyInstaller
# into it through the `bundle` extra when it is missing. Needs binutils (objdump, strip).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${HAILUO_PYTHON:-.venv/bin/python}"
if [ ! -x "$python" ]; then
  echo "No virtual environment at .venv: run 'bash run.sh test' first, or set HAILUO_PYTHON." >&2
  exit 1
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "Installing PyInstaller (the bundle extra) into $("$python" -c 'import sys; print(sys.prefix)')"
  "$python" -m pip install -q -e ".[bundle]"
fi
exec "$python" packaging/build_bundle.py "$@"
