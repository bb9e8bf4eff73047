"""The control API on the api origin, for tests and scripts that run the simulator in
another process:

- `GET /_sim/stats`       the stats as JSON (see stats.py);
- `GET /_sim/faults`      the faults still armed;
- `POST /_sim/faults`     a Fault as JSON (same fields as the dataclass) -> 201;
- `DELETE /_sim/faults`   disarm every fault;
- `POST /_sim/advance`    `{"seconds": n}` moves a manual clock (409 without one);
- `POST /_sim/balance`    `{"provider": p, "amount": x}` sets an account's balance;
- `GET /_sim/tasks`       every task: provider, id, model, phase, created/done epoch seconds;
- `POST /_sim/demo`       `{"failure": name, "provider": p}` arms one of the Demo menu's
                          failures the way that provider fails (see demo.py).
Requests here are not recorded in `stats.requests`. Bad input answers 400 `{"error"}`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from aiohttp import web

from .core import SimCore
from .demo import arm as arm_demo
from .faults import Fault


class ControlApi:
    def __init__(self, core: SimCore, advance: Callable[[float], float] | None) -> None:
        self.core = core
        self._advance = advance

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/_sim/stats", self.stats),
            web.get("/_sim/faults", self.list_faults),
            web.post("/_sim/faults", self.add_fault),
            web.delete("/_sim/faults", self.clear_faults),
            web.post("/_sim/advance", self.advance),
            web.post("/_sim/balance", self.set_balance),
            web.get("/_sim/tasks", self.tasks),
            web.post("/_sim/demo", self.demo),
        ]

    async def demo(self, request: web.Request) -> web.Response:
        try:
            body = await _body(request)
            done = arm_demo(self.core, str(body["failure"]), str(body["provider"]))
        except (KeyError, ValueError) as exc:
            return _bad(f'expected {{"failure": name, "provider": p}}: {exc}')
        return web.json_response(done)

    async def stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.core.stats.as_json())

    async def list_faults(self, request: web.Request) -> web.Response:
        return web.json_response([fault.as_json() for fault in self.core.faults.pending()])

    async def add_fault(self, request: web.Request) -> web.Response:
        try:
            fault = Fault.from_json(await _body(request))
        except ValueError as exc:
            return _bad(str(exc))
        return web.json_response(self.core.faults.add(fault).as_json(), status=201)

    async def clear_faults(self, request: web.Request) -> web.Response:
        self.core.faults.clear()
        return web.json_response({"cleared": True})

    async def advance(self, request: web.Request) -> web.Response:
        if self._advance is None:
            return web.json_response({"error": "the simulator runs on the real clock"}, status=409)
        try:
            seconds = float((await _body(request))["seconds"])
            now = self._advance(seconds)
        except (KeyError, TypeError, ValueError) as exc:
            return _bad(f'expected {{"seconds": n >= 0}}: {exc}')
        return web.json_response({"now": now})

    async def set_balance(self, request: web.Request) -> web.Response:
        try:
            body = await _body(request)
            provider, amount = str(body["provider"]), float(body["amount"])
        except (KeyError, TypeError, ValueError) as exc:
            return _bad(f'expected {{"provider": p, "amount": x}}: {exc}')
        self.core.ledger.set_balance(provider, amount, self.core.now())
        return web.json_response({"provider": provider, "balance": amount})

    async def tasks(self, request: web.Request) -> web.Response:
        now = self.core.now()
        return web.json_response(
            [
                {
                    "provider": t.provider,
                    "task_id": t.remote_id,
                    "model": t.model,
                    "phase": t.phase(now).value,
                    "created_at": self.core.epoch(t.created_at),
                    "done_at": self.core.epoch(t.done_at),
                }
                for t in self.core.tasks.all()
            ]
        )


async def _body(request: web.Request) -> dict:
    try:
        body = json.loads(await request.read() or b"{}")
    except ValueError:
        raise ValueError("the body is not JSON") from None
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body


def _bad(message: str) -> web.Response:
    return web.json_response({"error": message}, status=400)
