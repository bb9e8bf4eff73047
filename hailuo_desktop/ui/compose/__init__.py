"""The compose side of the window: images, model, prompt, cost, Generate."""

from .order import ComposeOrder
from .panel import ComposePanel

__all__ = ["ComposeOrder", "ComposePanel"]
