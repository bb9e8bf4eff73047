"""Where the screenshot tests write the pictures committed in docs/.

A test run writes them under its own temporary folder, so running the suite leaves the tree
clean; HAILUO_DOCS_SHOTS=1 writes them into docs/ to refresh the committed ones (look at
each before committing it).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def doc_shots_dir(tmp_path: Path) -> Path:
    folder = REPO / "docs" if os.environ.get("HAILUO_DOCS_SHOTS") == "1" else tmp_path / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
