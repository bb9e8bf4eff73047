"""Refusing a create request the way a real service would, from the catalog's rules.

Protocol modules read their own body shape, then hand the values to `check_request`,
which applies the domain's rules (prompt required and length, durations, resolutions,
10 s at 1080P, fixed-duration modes, image needed or not). A `Refusal` carries the
message; each protocol renders it in its own error shape and status.
"""

from __future__ import annotations

from hailuo_desktop.domain.catalog import ModelSpec
from hailuo_desktop.domain.request import GenerationRequest, request_problems

from .tasks import Draft


class Refusal(Exception):
    """A request the service refuses. `status` None: the protocol's validation status."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def need_object(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise Refusal(f"{where} must be a JSON object")
    return value


def optional_str(body: dict, key: str, where: str = "") -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise Refusal(f"{where}{key} must be a string")
    return value


def prompt_of(body: dict, where: str = "") -> str:
    prompt = optional_str(body, "prompt", where)
    if not prompt or not prompt.strip():
        raise Refusal(f"Missing required field: {where}prompt")
    return prompt


def image_url(value: object, field_name: str, *, data_ok: bool) -> str | None:
    """A public URL (or, where `data_ok`, a base64 data: URL); anything else is refused."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Refusal(f"{field_name} must be a URL string")
    if value.startswith("data:"):
        if data_ok and ";base64," in value[:100]:
            return value
        raise Refusal(f"{field_name} must be a file URL, not file content (upload the file first)")
    if not value.startswith(("http://", "https://")):
        raise Refusal(f"{field_name} is not a valid URL")
    return value


def string_duration(value: object, key: str = "duration") -> int | None:
    """kie and API in One take the duration as a string enum ("6", "10")."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.isdigit():
        raise Refusal(f'{key} must be one of the strings "6", "10"')
    return int(value)


def check_request(spec: ModelSpec, prompt: str, image: str | None, duration: int | None,
                  resolution: str | None, body: dict, end_image: str | None = None) -> Draft:
    """The draft for a request the catalog allows; Refusal listing every problem otherwise."""
    request = GenerationRequest(spec, prompt, image=image, end_image=end_image,
                                duration=duration, resolution=resolution)
    problems = request_problems(request)
    if resolution is not None and resolution != resolution.upper():
        problems.append(f"resolution must be written like {spec.resolutions[0] if spec.resolutions else '768P'}")
    if problems:
        raise Refusal(" ".join(problems))
    cost = request.cost or 0.0
    return Draft(spec, prompt, image, request.effective_duration, request.effective_resolution, body, cost)
