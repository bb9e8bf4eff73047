"""Makes this Python behave like a machine without QtMultimedia's system libraries.

Put this folder first on PYTHONPATH: Python imports `sitecustomize` at start-up, and the
finder below refuses PySide6.QtMultimedia (and its widgets) with the ImportError a missing
libpulse gives. Our code is not touched: only the import fails, as it would there.
"""

import sys

BLOCKED = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets")


class NoMultimedia:
    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED:
            raise ImportError("libpulse.so.0: cannot open shared object file: No such file or directory", name=name)


sys.meta_path.insert(0, NoMultimedia())
