"""What all four adapters share before anything is sent: the request check and the image URLs."""

from __future__ import annotations

from dataclasses import replace

from ..domain.catalog import ModelSpec, ProviderSpec
from ..domain.errors import InvalidRequest
from ..domain.request import GenerationRequest, request_problems
from ..domain.sources import ImageSource
from .base import SubmitPayload
from .fields import http_url
from .http import ProviderHttp


class Adapter:
    """Holds the provider's spec and its HTTP sender; never the key in plain sight."""

    def __init__(self, spec: ProviderSpec, http: ProviderHttp) -> None:
        self.spec = spec
        self.http = http

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.spec.id!r}, base_url={self.http.base_url!r})"

    @property
    def name(self) -> str:
        return self.spec.name

    def checked_request(self, payload: SubmitPayload) -> GenerationRequest:
        """Refuse, before a paid POST, what the provider would refuse anyway."""
        request = payload.request
        self.checked_model(request.spec)
        # The images that count are the URLs about to be sent, whatever the request's local paths.
        sent = replace(
            request, image=payload.image_url or request.image, end_image=payload.end_image_url or request.end_image
        )
        problems = request_problems(sent)
        if problems:
            raise InvalidRequest(" ".join(problems))
        return request

    def checked_model(self, model: ModelSpec) -> ModelSpec:
        if model.provider != self.spec.id:
            raise InvalidRequest(f"{model.label} belongs to {model.provider}, not {self.spec.name}.")
        return model

    def image_urls(self, payload: SubmitPayload) -> tuple[str | None, str | None]:
        """(first frame, end frame) as the provider will fetch them; only what the model takes."""
        model = payload.request.spec
        if not model.needs_image:
            return None, None
        first = self._fetchable(payload.image_url, "image")
        if payload.end_image_url and model.end_frame:
            return first, self._fetchable(payload.end_image_url, "end-frame image")
        return first, None

    def _fetchable(self, url: str | None, what: str) -> str:
        if not url:
            raise InvalidRequest(f"{self.spec.name} needs the {what} as a public http(s) URL.")
        source = ImageSource.of(url)
        if source.is_data and self.spec.accepts_data_url and (source.mime or "").startswith("image/"):
            return url
        if http_url(url):
            return url
        if source.is_data:
            raise InvalidRequest(
                f"{self.spec.name} needs the {what} as a public URL, not file content; "
                "choose an upload route for local images."
            )
        raise InvalidRequest(f"{self.spec.name} needs the {what} as a public http(s) URL.")
