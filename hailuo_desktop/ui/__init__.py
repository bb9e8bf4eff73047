"""The window: the only layer that imports PySide6 and qasync.

Widgets lay out and emit intent signals; `controller.py` owns every async slot and talks
to the engine; `ui/tasks/` shows the store through a Qt model; `errors.py` turns typed
errors into a creator's words in one place.
"""
