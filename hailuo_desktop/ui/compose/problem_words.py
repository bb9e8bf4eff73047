"""An image's problems in the window's words (and language): the core gives a code and its
figures (domain.images.Problem), this says them; the core's English sentence stays for the
CLI, and for a code without figures (an OS error's own words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain import images
from ...domain.images import Problem


def tr(text: str) -> str:
    return QCoreApplication.translate("ImageProblems", text)


def problem_text(problem: Problem) -> str:
    p = problem.params
    try:
        if problem.code == images.FILE_TOO_LARGE:
            words = (
                tr("The file is {size}; this provider takes at most {limit}.")
                if p["inclusive"]
                else tr("The file is {size}; this provider takes under {limit}.")
            )
            return words.format(size=p["size"], limit=p["limit"])
        if problem.code == images.UNSUPPORTED_FORMAT:
            return tr("{format} images are not accepted; use {allowed}.").format(**p)
        if problem.code == images.ASPECT_RATIO:
            return tr(
                "{width}×{height} is {ratio}:1; the aspect ratio must be between 2:5 and 5:2 (exclusive). "
                "Crop the image."
            ).format(width=p["width"], height=p["height"], ratio=f"{p['ratio']:.2f}")
        if problem.code == images.SHORT_SIDE:
            return tr("The short side is {short} px; it must be over {minimum} px. Use a larger image.").format(**p)
        if problem.code == images.CHECK_TIMED_OUT:
            return tr(
                "Decoding the image took longer than {seconds} s, so it was not accepted. Save it again as "
                "a plain JPG or PNG, or use a smaller one."
            ).format(seconds=f"{p['seconds']:.0f}")
    except (KeyError, ValueError, TypeError):  # a problem made without its figures: the core's sentence
        return problem.message
    return problem.message
