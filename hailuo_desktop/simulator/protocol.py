"""What every provider protocol does the same way: key, faults, create, poll, balance.

A protocol module subclasses `ProviderApi` and supplies the provider-specific parts:
its error shape, how it reads a create body, its created and status envelopes, and
its routes. The flows here decide the order real services work in: key first, then
the request, then money, then the task.
"""

from __future__ import annotations

import json

from aiohttp import web

from .auth import bearer_key, key_accepted, key_of_another_region, provider_for
from .core import SimCore
from .delivery import Answer, deliver, html_answer, json_answer
from .faults import FATE_KINDS, TRANSPORT_KINDS, Fault
from .tasks import Draft, Phase, SimTask
from .validation import Refusal


class ProviderApi:
    validation_status = 400

    def __init__(self, core: SimCore) -> None:
        self.core = core

    # --- provider-specific parts ---------------------------------------------------
    def routes(self) -> list[web.RouteDef]:
        raise NotImplementedError

    def error(
        self,
        provider: str,
        status: int,
        message: str | None = None,
        *,
        op: str,
        retry_after: float | None = None,
        as_http: bool | None = None,
    ) -> Answer:
        raise NotImplementedError

    def parse(self, provider: str, body: dict, request: web.Request) -> Draft:
        raise NotImplementedError

    def created(self, remote_id: str | None) -> dict:
        raise NotImplementedError

    def status(self, task: SimTask, now: float, variant: Fault | None) -> dict:
        raise NotImplementedError

    def task_matches(self, task: SimTask, request: web.Request) -> bool:
        """Whether the poll request names this task fully (APIXO also needs its model)."""
        return True

    # --- shared parts -----------------------------------------------------------------
    def provider_of(self, request: web.Request) -> str:
        return provider_for(request.path, bearer_key(request), self.core.config.keys) or ""

    def refusal(self, request: web.Request, provider: str, op: str) -> web.Response | None:
        """The gate every api request passes: the key first, then the account's request rate."""
        config = self.core.config
        key = bearer_key(request)
        if not key_accepted(key, provider, config.keys) or key_of_another_region(
            key, provider, config.minimax_region, config.minimax_region_keys
        ):
            return self.error(provider, 401, op=op).response()
        wait = self.core.rate.admit(provider, self.core.now())
        if wait is None:
            return None
        self.core.stats.rate_limited[provider] += 1
        return self.error(provider, 429, op=op, retry_after=wait).response()

    async def read_json(self, request: web.Request) -> dict:
        try:
            body = json.loads(await request.read() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise Refusal("Invalid JSON body") from None
        if not isinstance(body, dict):
            raise Refusal("The request body must be a JSON object")
        return body

    async def answer_fault(
        self, request: web.Request, provider: str, op: str, fault: Fault, base: Answer | None
    ) -> web.StreamResponse:
        """The answer `fault` makes of this request; `base` is the normal answer, if any."""
        if fault.kind == "status":
            base = self.error(
                provider, fault.http_status, fault.message, op=op, retry_after=fault.retry_after, as_http=fault.as_http
            )
        elif fault.kind == "html":
            base = html_answer(fault.http_status, fault.retry_after)
        elif fault.kind == "missing_id":
            base = json_answer(self.created(None))
        elif base is None:  # nothing was processed: what a gateway says instead
            base = self.error(provider, 504 if fault.kind == "hang" else 500, op=op)
        transport = fault if fault.kind in TRANSPORT_KINDS else None
        return await deliver(request, base, transport, self.core.pause)

    async def submit(self, request: web.Request) -> web.StreamResponse:
        provider = self.provider_of(request)
        self.core.stats.submits[provider] += 1
        if refused := self.refusal(request, provider, "submit"):
            return refused
        fault = self.core.faults.take("submit", provider)
        fate = fault if fault is not None and fault.kind in FATE_KINDS else None
        if fault is not None and fate is None and not fault.after_create:
            return await self.answer_fault(request, provider, "submit", fault, None)
        try:
            draft = self.parse(provider, await self.read_json(request), request)
        except Refusal as refusal:
            status = refusal.status or self.validation_status
            return self.error(provider, status, refusal.message, op="submit").response()
        if not self.core.ledger.can_pay(provider, draft.cost, self.core.now()):
            return self.error(provider, 402, op="submit").response()
        task = self.core.create_task(provider, draft, fate)
        answer = json_answer(self.created(task.remote_id))
        if fault is not None and fate is None:
            return await self.answer_fault(request, provider, "submit", fault, answer)
        return answer.response()

    async def poll(self, request: web.Request, remote_id: str | None) -> web.StreamResponse:
        provider = self.provider_of(request)
        self.core.stats.polls[provider] += 1
        if refused := self.refusal(request, provider, "poll"):
            return refused
        now = self.core.now()
        task = self.core.task_for(provider, remote_id)
        task = task if task is not None and self.task_matches(task, request) else None
        fault = self.core.faults.take("poll", provider, remote_id, accept=_poll_accepts(task, now))
        if fault is not None and fault.kind == "fail" and task is not None:
            self.core.fail_task(task, fault)
            fault = None
        return await self._poll_answer(request, provider, task, fault)

    async def _poll_answer(
        self, request: web.Request, provider: str, task: SimTask | None, fault: Fault | None
    ) -> web.StreamResponse:
        variant = fault if fault is not None and fault.kind in ("unknown_state", "bad_result_json") else None
        if task is None:
            answer = self.error(provider, 404, op="poll")
        else:
            answer = json_answer(self.status(task, self.core.now(), variant))
        if fault is None or variant is not None:
            return answer.response()
        return await self.answer_fault(request, provider, "poll", fault, answer)

    async def balance(self, request: web.Request, payload) -> web.StreamResponse:
        """`payload(provider, amount)` is the provider's balance envelope."""
        provider = self.provider_of(request)
        self.core.stats.balance[provider] += 1
        if refused := self.refusal(request, provider, "balance"):
            return refused
        answer = json_answer(payload(provider, self.core.ledger.balance(provider, self.core.now())))
        fault = self.core.faults.take("balance", provider)
        if fault is None:
            return answer.response()
        return await self.answer_fault(request, provider, "balance", fault, answer)


def result_json(url: str, broken: bool) -> str:
    """kie's and APIXO's `resultJson`: a JSON *string*; `broken` makes it unreadable."""
    text = json.dumps({"resultUrls": [url]})
    return text[: len(text) // 2] if broken else text


def _poll_accepts(task: SimTask | None, now: float):
    """A bad result can only be shown by a task that succeeded; a fail needs a task."""

    def accepts(fault: Fault) -> bool:
        if fault.kind == "bad_result_json":
            return task is not None and task.phase(now) is Phase.SUCCEEDED
        if fault.kind == "fail":
            return task is not None and not task.phase(now).is_final
        return True

    return accepts
