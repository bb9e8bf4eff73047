"""The only two fixed colours: a red and a green chosen to read on light and dark palettes.

Everything else follows the system palette.
"""

PROBLEM_RED = "#e0453a"
OK_GREEN = "#2f9e44"


def colored(color: str) -> str:
    """A style sheet that sets only the text colour, leaving the rest to the palette."""
    return f"color: {color};"
