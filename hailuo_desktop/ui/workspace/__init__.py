"""The results workspace: grid of takes, compare, triage, player, drag and export.

Only `player.py`, `compare.py` and `hover.py` import QtMultimedia, and only when they are
imported themselves: the window must start on machines where QtMultimedia is missing.
"""
