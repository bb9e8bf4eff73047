"""Hailuo Desktop: animate images into short videos with MiniMax Hailuo models."""

__version__ = "0.1.0"
