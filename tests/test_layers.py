"""The core (domain, providers, services) must import with Qt unavailable."""

import subprocess
import sys

CORE_MODULES_SCRIPT = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "qasync":
            raise ImportError("Qt is blocked in the core: " + name)
        return None

sys.meta_path.insert(0, BlockQt())
import hailuo_desktop
for layer in ("domain", "providers", "services", "simulator"):
    pkg = importlib.import_module("hailuo_desktop." + layer)
    for info in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"hailuo_desktop.{layer}.{info.name}")
        print("imported", layer, info.name)
"""


def test_core_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", CORE_MODULES_SCRIPT], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "imported domain catalog" in result.stdout
