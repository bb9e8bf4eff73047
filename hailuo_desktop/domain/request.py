"""A generation request and the checks that refuse it before anything is sent or charged."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import ModelSpec

MAX_CAMERA_COMMANDS = 3


@dataclass(frozen=True)
class GenerationRequest:
    """What the user asked for, resolved against the catalog.

    `image` is a local path or a URL (http(s) or data:), or None for text-to-video.
    """

    spec: ModelSpec
    prompt: str
    image: str | None = None
    end_image: str | None = None
    duration: int | None = None
    resolution: str | None = None
    prompt_optimizer: bool | None = None

    @property
    def effective_duration(self) -> int:
        return self.spec.effective_duration(self.duration)

    @property
    def effective_resolution(self) -> str | None:
        return self.spec.effective_resolution(self.resolution)

    @property
    def cost(self) -> float | None:
        return self.spec.cost(self.duration, self.resolution)


def request_problems(req: GenerationRequest) -> list[str]:
    """Why this request would be refused; empty when it may be sent."""
    spec = req.spec
    problems: list[str] = []
    if not req.prompt.strip():
        problems.append("The prompt is empty.")
    if len(req.prompt) > spec.prompt_max:
        problems.append(f"The prompt has {len(req.prompt)} characters; {spec.label} takes at most {spec.prompt_max}.")
    if spec.needs_image and not req.image:
        problems.append(f"{spec.label} animates an image: add one.")
    if not spec.needs_image and req.image:
        problems.append(f"{spec.label} is text-to-video and takes no image.")
    if req.end_image and not spec.end_frame:
        problems.append(f"{spec.label} takes no end frame.")
    elif req.end_image:
        problems.extend(filter(None, [end_frame_reason(spec, req.resolution)]))
    problems.extend(_duration_problems(req))
    return problems


def _duration_problems(req: GenerationRequest) -> list[str]:
    spec = req.spec
    problems = []
    if req.duration is not None:
        if spec.fixed_duration is not None and req.duration != spec.fixed_duration:
            problems.append(f"{spec.label} always makes {spec.fixed_duration} s clips; no duration can be chosen.")
        elif spec.durations and req.duration not in spec.durations:
            allowed = " or ".join(str(d) for d in spec.durations)
            problems.append(f"{spec.label} makes {allowed} s clips, not {req.duration} s.")
    if req.resolution is not None:
        if spec.fixed_resolution is not None and req.resolution.upper() != spec.fixed_resolution.upper():
            problems.append(f"{spec.label} always renders at {spec.fixed_resolution}.")
        elif spec.resolutions and req.resolution.upper() not in {r.upper() for r in spec.resolutions}:
            problems.append(f"{spec.label} renders at {', '.join(spec.resolutions)}, not {req.resolution}.")
    pair = (req.effective_duration, (req.effective_resolution or "").upper())
    if pair in {(d, r.upper()) for d, r in spec.forbidden}:
        problems.append(f"{spec.label} cannot make {pair[0]} s clips at {pair[1]}; choose 6 s or a lower resolution.")
    return problems


def forbidden_reason(spec: ModelSpec, duration: int, resolution: str | None) -> str | None:
    """Why this duration/resolution pair cannot be chosen, for the window's disabled items."""
    probe = GenerationRequest(
        spec,
        "x",
        image="x" if spec.needs_image else None,
        duration=duration if spec.durations else None,
        resolution=resolution if spec.resolutions else None,
    )
    problems = _duration_problems(probe)
    return problems[0] if problems else None


def end_frame_reason(spec: ModelSpec, resolution: str | None) -> str | None:
    """Why this model takes no end frame at this resolution (None: it does, or takes none at all)."""
    chosen = (spec.effective_resolution(resolution) or "").upper()
    if not spec.end_frame or chosen not in {r.upper() for r in spec.no_end_frame_at}:
        return None
    others = [r for r in spec.resolutions if r.upper() not in {x.upper() for x in spec.no_end_frame_at}]
    return (
        f"{spec.label} takes no end frame at {chosen}; choose {' or '.join(others)} to end on a frame."
        if others
        else f"{spec.label} takes no end frame at {chosen}."
    )
