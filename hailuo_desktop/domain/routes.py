"""How a local image reaches a provider: the route, and whose upload API (and key) it uses."""

from __future__ import annotations

from enum import StrEnum


class UploadRoute(StrEnum):
    DATA_URL = "data_url"  # inline as data:<mime>;base64,... (MiniMax takes these)
    KIE_UPLOAD = "kie_upload"  # kie.ai's file-upload API, with the kie.ai key
    APIKLEY_UPLOAD = "apikley_upload"  # Apikley's file-upload API, with the Apikley key
    PUBLIC_URL = "public_url"  # the user gives a URL; nothing is uploaded

    @property
    def provider(self) -> str | None:
        """The provider whose upload API and key this route uses; None when nothing is uploaded."""
        return _UPLOAD_PROVIDER.get(self)

    @property
    def uploads(self) -> bool:
        return self.provider is not None

    @classmethod
    def parse(cls, text: str | None) -> UploadRoute | None:
        """None for no route; ValueError for a name that is not a route."""
        return cls(text) if text else None

    @classmethod
    def upload_routes(cls) -> tuple[UploadRoute, ...]:
        """The routes through an upload API (what APIXO and API in One can borrow)."""
        return tuple(route for route in cls if route.uploads)

    @classmethod
    def through(cls, provider_id: str) -> UploadRoute | None:
        """The route through `provider_id`'s own upload API, if it has one here."""
        return next((route for route in cls if route.provider == provider_id), None)


_UPLOAD_PROVIDER = {UploadRoute.KIE_UPLOAD: "kie", UploadRoute.APIKLEY_UPLOAD: "apikley"}
