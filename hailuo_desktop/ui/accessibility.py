"""Accessible names and descriptions that Qt cannot derive on its own.

Qt names a button by its text and a field by its buddy label, and describes a widget by
its tooltip. What is left: standard dialog buttons (their text says "OK", not what OK
does) and the controls tests/test_accessibility.py finds without either.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

Standard = QDialogButtonBox.StandardButton


def describe_buttons(box: QDialogButtonBox, descriptions: dict[Standard, str]) -> None:
    """Say what each standard button does here (read by screen readers, shown as tooltips)."""
    for which, text in descriptions.items():
        button = box.button(which)
        if button is not None:
            button.setToolTip(text)
            button.setAccessibleDescription(text)
