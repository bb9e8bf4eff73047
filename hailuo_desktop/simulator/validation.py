"""Refusing a create request the way a real service would, by the documented rules.

Protocol modules read their own body shape, then hand the values to `check_request`,
which applies the rules written from the providers' docs in rules.py (prompt length,
durations, resolutions, 10 s at 1080P, fixed-duration modes, image needed or refused,
end frames), not the app's own checks. A `Refusal` carries the message; each protocol
renders it in its own error shape and status.
"""

from __future__ import annotations

from .models import SimModel
from .rules import effective_duration, effective_resolution, problems
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


def check_request(
    model: SimModel,
    prompt: str,
    image: str | None,
    duration: int | None,
    resolution: str | None,
    body: dict,
    end_image: str | None = None,
) -> Draft:
    """The draft for a request the docs allow; Refusal listing every problem otherwise."""
    rule = model.rule
    found = problems(rule, prompt, image, end_image, duration, resolution)
    if found:
        raise Refusal("; ".join(found))
    duration, resolution = effective_duration(rule, duration), effective_resolution(rule, resolution)
    return Draft(model, prompt, image, duration, resolution, body, model.cost(duration, resolution))
