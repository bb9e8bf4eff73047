"""The window: the only layer that imports PySide6."""
