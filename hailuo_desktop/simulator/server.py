"""The simulator: every provider's protocol on one api origin, results on a second one.

    clock = ManualClock(start=0.0)
    sim = Simulator(SimConfig(seed=1), clock=clock.now)
    await sim.start()                 # binds both origins (port 0: free ports)
    sim.api_url, sim.files_url
    sim.faults.add(Fault(op="poll", kind="status", status=429, retry_after=5))
    sim.advance(120)                  # only with a ManualClock
    sim.stats.submits["kie"]
    await sim.stop()

`thread.SimulatorThread` runs the same on its own loop in a thread, for sync code and Qt tests.
"""

from __future__ import annotations

from aiohttp import web

from .apiinone import ApiInOneApi
from .apixo import ApixoApi
from .auth import bearer_key, provider_for
from .clock import Clock, ManualClock, Sleep, resolve_time
from .config import SimConfig
from .control import ControlApi
from .core import SimCore
from .demo import arm as arm_demo
from .faults import Fault, FaultBook
from .files import FilesOrigin
from .market import MarketApi
from .minimax import MiniMaxApi
from .stats import RequestRecord, SimStats
from .tasks import SimTask
from .uploads import UploadApi

__all__ = ["Simulator", "SimConfig", "Fault", "ManualClock"]

# Uploads and MiniMax data URLs carry whole images (20 MB as base64 is ~27 MB).
MAX_BODY = 64 * 1024 * 1024
SHUTDOWN_GRACE = 1.0


class Simulator:
    def __init__(
        self, config: SimConfig | None = None, *, clock: Clock | ManualClock | None = None, sleep: Sleep | None = None
    ) -> None:
        self.config = config or SimConfig()
        now, sleep, self.clock = resolve_time(clock, sleep)
        self._core = SimCore(self.config, now, sleep)
        self._runners: list[web.AppRunner] = []
        self.api_url = ""
        self.files_url = ""

    @property
    def faults(self) -> FaultBook:
        return self._core.faults

    @property
    def stats(self) -> SimStats:
        return self._core.stats

    def now(self) -> float:
        return self._core.now()

    def advance(self, seconds: float) -> float:
        if self.clock is None:
            raise RuntimeError("advance() needs a simulator built with a ManualClock")
        return self.clock.advance(seconds)

    def task(self, remote_id: str) -> SimTask | None:
        return self._core.tasks.get(remote_id)

    def tasks(self) -> list[SimTask]:
        return self._core.tasks.all()

    def balance(self, provider: str) -> float:
        return self._core.ledger.balance(provider, self._core.now())

    def set_balance(self, provider: str, amount: float) -> None:
        self._core.ledger.set_balance(provider, amount, self._core.now())

    def arm_demo(self, failure: str, provider: str) -> dict:
        """Arm one of the Demo menu's failures for `provider` (see demo.py)."""
        return arm_demo(self._core, failure, provider)

    async def start(self, host: str = "127.0.0.1", port: int = 0, files_port: int = 0) -> Simulator:
        self._core.open()
        files_port_bound = await self._serve(self._files_app(), host, files_port)
        self.files_url = self._core.files_url = f"http://{_url_host(host)}:{files_port_bound}"
        api_port = await self._serve(self._api_app(), host, port)
        self.api_url = f"http://{_url_host(host)}:{api_port}"
        return self

    async def stop(self) -> None:
        self._core.close()  # releases held and trickling answers first
        for runner in reversed(self._runners):
            await runner.cleanup()
        self._runners.clear()

    async def __aenter__(self) -> Simulator:
        return await self.start()

    async def __aexit__(self, *exc_info) -> None:
        await self.stop()

    async def _serve(self, app: web.Application, host: str, port: int) -> int:
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=SHUTDOWN_GRACE)
        await runner.setup()
        self._runners.append(runner)
        site = web.TCPSite(runner, host, port)
        await site.start()
        return runner.addresses[-1][1]

    def _api_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._record("api")])
        core = self._core
        for api in (ApixoApi(core), MarketApi(core), UploadApi(core), ApiInOneApi(core), MiniMaxApi(core)):
            app.add_routes(api.routes())
        app.add_routes(ControlApi(core, self.advance if self.clock else None).routes())
        return app

    def _files_app(self) -> web.Application:
        app = web.Application(middlewares=[self._record("files")])
        app.add_routes(FilesOrigin(self._core).routes())
        return app

    def _record(self, origin: str):
        @web.middleware
        async def record(request: web.Request, handler):
            if not request.path.startswith("/_sim/"):
                self.stats.requests.append(
                    RequestRecord(
                        origin,
                        request.method,
                        request.path,
                        self._provider_of(origin, request),
                        "Authorization" in request.headers,
                    )
                )
            return await handler(request)

        return record

    def _provider_of(self, origin: str, request: web.Request) -> str | None:
        if origin == "api":
            return provider_for(request.path, bearer_key(request), self.config.keys)
        token = request.path.split("/")[2] if request.path.startswith("/f/") else ""
        entry = self._core.files.get(token)
        return entry.provider if entry else None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
