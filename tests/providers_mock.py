"""Helpers for the adapters' parser unit tests: canned answers over httpx.MockTransport.

MockTransport is only for parser tests (helper_brief): the adapters' HTTP behaviour
against a real server is in test_providers_live.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.providers.base import SubmitPayload
from hailuo_desktop.providers.registry import build_provider, build_uploader
from tests.models import TEST_MODELS

KEY = "sk-test-SECRET-4f9a1c"
IMAGE = "https://img.example.com/in.png"
END_IMAGE = "https://img.example.com/end.png"
NOW = 1_700_000_000.0

# One model per provider used by the tables that are not about request bodies.
DEFAULT_MODELS = TEST_MODELS
ALL_PROVIDERS = tuple(DEFAULT_MODELS)


def model_of(provider_id: str):
    model, mode = DEFAULT_MODELS[provider_id]
    return find_model(provider_id, model, mode)


def payload(spec, *, image: str | None = IMAGE, end_image: str | None = None, **options) -> SubmitPayload:
    image = image if spec.needs_image else None
    request = GenerationRequest(spec, options.pop("prompt", "a cat walks"), image=image, end_image=end_image, **options)
    return SubmitPayload(request, image_url=image, end_image_url=end_image)


def reply(
    status: int = 200, body: object = None, *, raw: bytes | None = None, headers: dict | None = None
) -> httpx.Response:
    content = raw if raw is not None else json.dumps(body).encode()
    kind = {} if raw is not None else {"Content-Type": "application/json"}
    return httpx.Response(status, content=content, headers={**kind, **(headers or {})})


@dataclass
class Script:
    """Answers in order (the last one repeats) and every request seen."""

    answers: list
    seen: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        answer = self.answers[min(len(self.seen), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer(request) if callable(answer) else answer

    @property
    def last_json(self) -> dict:
        return json.loads(self.seen[-1].content)


@asynccontextmanager
async def adapter(provider_id: str, *answers, base_url: str | None = None, key: str = KEY):
    script = answers[0] if len(answers) == 1 and isinstance(answers[0], Script) else Script(list(answers))
    async with httpx.AsyncClient(transport=httpx.MockTransport(script)) as client:
        provider = build_provider(provider_id, client=client, key=key, base_url=base_url, clock=lambda: NOW)
        yield provider, script


@asynccontextmanager
async def uploader(provider_id: str, *answers, base_url: str | None = None, handler: Callable | None = None):
    script = Script(list(answers))
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler or script)) as client:
        yield build_uploader(provider_id, client=client, key=KEY, base_url=base_url, clock=lambda: NOW), script


def result_json(*urls: str) -> str:
    return json.dumps({"resultUrls": list(urls)})
