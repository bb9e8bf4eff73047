"""Refresh the window's translations: lupdate over the tree, list what is untranslated, lrelease.

    python scripts/update_translations.py            # update the .ts files, list untranslated strings, build .qm
    python scripts/update_translations.py --check    # the same, exit 1 when a shipped language misses a string
    python scripts/update_translations.py --apply words.json   # fill translations: {"zh_CN": {"source": "译文"}}

Sources are every .py under hailuo_desktop/ (lupdate reads `self.tr("...")`, `tr("...")`,
`_tr("...")` and `QCoreApplication.translate("Context", "...")`). The .ts files in resources/translations/
are committed and hold the translations; the .qm files are what Qt loads, built from them.
Strings that left the code are dropped (-no-obsolete); file locations are not kept, so a
moved line does not touch the .ts files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "ru")
CATALOG = "hailuo_desktop"


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{CATALOG}_{language}.ts"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the tool)")
    return found


def sources(root: Path = ROOT) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / "hailuo_desktop").rglob("*.py"))


def lupdate(ts_files: list[Path], root: Path = ROOT) -> None:
    for ts in ts_files:
        language = ts.stem.removeprefix(f"{CATALOG}_")
        # `_tr(...)`: the module-level helpers (QCoreApplication.translate with a fixed context).
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(root),
                "-tr-function-alias",
                "tr+=_tr",
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                "-ts",
                str(ts),
            ],
            cwd=root,
            check=True,
            capture_output=True,
        )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue  # left the code
            if kind == "unfinished" or not "".join(translation.itertext()).strip():
                missing.append((name, message.findtext("source")))
    return missing


def apply(ts: Path, words: dict[str, str | list[str]]) -> int:
    """Fill the translations `words` gives (by source text); returns how many were filled. A
    plural message (%n) takes a list with one text per plural form of the language (one text
    is used for every form)."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source not in words or translation is None:
            continue
        forms = translation.findall("numerusform")
        if forms:
            texts = words[source] if isinstance(words[source], list) else [words[source]]
            for index, form in enumerate(forms):
                form.text = texts[min(index, len(texts) - 1)]
        else:
            translation.text = words[source] if isinstance(words[source], str) else words[source][0]
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a string is untranslated")
    parser.add_argument("--apply", type=Path, metavar="JSON", help='{"zh_CN": {"source": "translation"}, ...}')
    args = parser.parse_args(argv)
    FOLDER.mkdir(parents=True, exist_ok=True)
    files = [ts_path(language) for language in LANGUAGES]
    lupdate(files)
    if args.apply:
        table = json.loads(args.apply.read_text(encoding="utf-8"))
        for language, words in table.items():
            print(f"{language}: {apply(ts_path(language), words)} translations filled")
        lupdate(files)  # back to lupdate's own layout, so the next run changes nothing
    total = 0
    for language, ts in zip(LANGUAGES, files):
        missing = untranslated(ts)
        total += len(missing)
        print(f"{language}: {len(missing)} untranslated")
        for context, source in missing:
            print(f"  [{context}] {source!r}")
        lrelease(ts, ts.with_suffix(".qm"))
    return 1 if args.check and total else 0


if __name__ == "__main__":
    raise SystemExit(main())
