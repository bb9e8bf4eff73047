"""Guard against a Qt binding that leaks references to None.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns
nothing; the app then aborts with "deallocating None" after a few thousand calls. The
suite's own imports hold so many references that no other test would notice.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_the_reference_count_of_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
