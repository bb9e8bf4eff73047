"""Image rules as pure functions over facts already read from a file."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import ImageRules

# Problem codes (stable: the CLI's --json output and the window both show them).
UNSUPPORTED_FORMAT = "unsupported_format"
ASPECT_RATIO = "aspect_ratio"
SHORT_SIDE = "short_side"
FILE_TOO_LARGE = "file_too_large"
UNREADABLE = "unreadable"
DAMAGED = "damaged"  # the header is sound, the pixel data is not (found by the full decode)
CHECK_TIMED_OUT = "check_timed_out"  # the full decode did not finish in its time

_FORMAT_NAMES = {"JPEG": "JPG", "PNG": "PNG", "WEBP": "WebP"}


@dataclass(frozen=True)
class Problem:
    code: str
    message: str  # in English, for the CLI and the log; the window words it from code and params
    params: dict[str, object] = field(
        default_factory=dict, compare=False, hash=False
    )  # e.g. {"short": 240, "minimum": 300}


@dataclass(frozen=True)
class ImageFacts:
    """What a reader learned from a file's header. `format` is Pillow's name (JPEG, PNG...)."""

    path: str
    bytes: int | None = None
    format: str | None = None
    width: int | None = None
    height: int | None = None
    unreadable: str | None = None  # why the file could not be read, if it could not


@dataclass(frozen=True)
class ImageVerdict:
    facts: ImageFacts
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, object]:
        f = self.facts
        return {
            "path": f.path,
            "ok": self.ok,
            "format": f.format,
            "width": f.width,
            "height": f.height,
            "bytes": f.bytes,
            "problems": [{"code": p.code, "message": p.message} for p in self.problems],
        }


def _human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def allowed_formats_text(rules: ImageRules) -> str:
    return "/".join(_FORMAT_NAMES.get(f, f) for f in sorted(rules.formats))


def check_facts(facts: ImageFacts, rules: ImageRules) -> ImageVerdict:
    """Every problem at once, so the user fixes them in one go."""
    problems: list[Problem] = []
    if facts.unreadable:
        problems.append(Problem(UNREADABLE, facts.unreadable))
    if facts.bytes is not None and _too_large(facts.bytes, rules):
        limit = ("at most " if rules.max_bytes_inclusive else "under ") + _human_size(rules.max_bytes)
        problems.append(
            Problem(
                FILE_TOO_LARGE,
                f"The file is {_human_size(facts.bytes)}; this provider takes {limit}.",
                {
                    "size": _human_size(facts.bytes),
                    "limit": _human_size(rules.max_bytes),
                    "inclusive": rules.max_bytes_inclusive,
                },
            )
        )
    if facts.format is not None and facts.format not in rules.formats:
        problems.append(
            Problem(
                UNSUPPORTED_FORMAT,
                f"{facts.format} images are not accepted; use {allowed_formats_text(rules)}.",
                {"format": facts.format, "allowed": allowed_formats_text(rules)},
            )
        )
    if facts.width and facts.height:
        problems.extend(_geometry_problems(facts.width, facts.height, rules))
    return ImageVerdict(facts, tuple(problems))


def _too_large(size: int, rules: ImageRules) -> bool:
    return size > rules.max_bytes if rules.max_bytes_inclusive else size >= rules.max_bytes


def _geometry_problems(width: int, height: int, rules: ImageRules) -> list[Problem]:
    problems = []
    ratio = width / height
    # Strict bounds: exactly 2:5 or 5:2 is refused. Compare with integers to avoid float edges.
    if not (2 * height < 5 * width and 2 * width < 5 * height):
        problems.append(
            Problem(
                ASPECT_RATIO,
                f"{width}×{height} is {ratio:.2f}:1; the aspect ratio must be between 2:5 and 5:2 "
                "(exclusive). Crop the image.",
                {"width": width, "height": height, "ratio": ratio},
            )
        )
    short = min(width, height)
    if short <= rules.min_short_side:
        problems.append(
            Problem(
                SHORT_SIDE,
                f"The short side is {short} px; it must be over {rules.min_short_side} px. Use a larger image.",
                {"short": short, "minimum": rules.min_short_side},
            )
        )
    return problems
