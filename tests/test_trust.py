"""Trust (issue 4), the parts no other test covers end to end.

Already covered elsewhere, not repeated here: the downloader never sends Authorization,
also across redirects to another origin (test_downloads); the files origin never sees a
key in a full run (test_runner_live); base URL rules of the registry (test_providers_registry);
file names from hostile task and model ids (test_runner_poll); size cap and content type
at the downloader (test_downloads); atomic settings writes and setting a damaged settings
file or store aside in the services (test_settings, test_store).

Here: a provider host that redirects elsewhere gets no key carried along (submit, poll,
upload; the app's own HTTP client and engine); a base URL that is not https (or loopback)
is refused before a task is stored, and a look-alike "127.x" host is not taken for this
machine; hostile remote ids and result URLs cannot name the saved file; the shipped size
cap and content-type check hold for a whole run; the CLI reports a damaged settings file
and task database, and sets them aside intact.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from PIL import Image

from hailuo_desktop.domain.catalog import PROVIDERS, find_model
from hailuo_desktop.domain.errors import InvalidRequest
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.engine import build_engine
from hailuo_desktop.providers.hosts import is_loopback_url, upload_origin
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.http_client import build_http_client
from hailuo_desktop.services.secrets import KeyStore
from hailuo_desktop.services.settings import Settings
from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
from tests.fixtures.services import status
from tests.fixtures.sim import KEYS, SIM_EPOCH
from tests.models import TEST_MODELS

pytestmark = pytest.mark.anyio

IMAGE_URL = "https://images.example.com/cat.png"
MODELS = TEST_MODELS


# --- a provider host that redirects everything to another origin ---------------------------
@dataclass
class Seen:
    method: str
    path: str
    authorization: str | None


@dataclass
class Origins:
    """`provider` answers every request with 307 to the same path on `elsewhere`."""

    provider_url: str = ""
    elsewhere_url: str = ""
    at_provider: list[Seen] = field(default_factory=list)
    elsewhere: list[Seen] = field(default_factory=list)


async def _serve(app: web.Application, runners: list) -> str:
    runner = web.AppRunner(app)
    await runner.setup()
    runners.append(runner)
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return f"http://127.0.0.1:{runner.addresses[0][1]}"


@pytest.fixture
async def origins():
    found, runners = Origins(), []

    async def elsewhere(request: web.Request) -> web.Response:
        found.elsewhere.append(Seen(request.method, request.path, request.headers.get("Authorization")))
        return web.json_response({"code": 200, "data": {"taskId": "stolen"}})

    async def provider(request: web.Request) -> web.Response:
        found.at_provider.append(Seen(request.method, request.path, request.headers.get("Authorization")))
        raise web.HTTPTemporaryRedirect(found.elsewhere_url + request.path_qs)

    for name, handler in (("elsewhere", elsewhere), ("provider", provider)):
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handler)
        setattr(found, f"{name}_url", await _serve(app, runners))
    yield found
    for runner in runners:
        await runner.cleanup()


@pytest.fixture
async def engine(tmp_path, instant_clock):
    env = {PROVIDERS[p].env_var: KEYS[p] for p in PROVIDERS}
    settings = Settings(output_dir=str(tmp_path / "videos"), proxy_mode="none")
    async with build_http_client(settings) as client:  # the app's own client
        built = build_engine(
            DataPaths.at(tmp_path / "home"),
            settings,
            KeyStore(env=env),
            client,
            clock=instant_clock,
            sleep=instant_clock.sleep,
            poll_interval=10,
        )
        yield built
        await built.close()


def request(provider: str, image: str = IMAGE_URL, prompt: str = "a cat turns its head") -> GenerationRequest:
    return GenerationRequest(find_model(provider, *MODELS[provider]), prompt, image=image)


def assert_key_stayed_home(origins: Origins, provider: str) -> None:
    assert origins.at_provider, "the provider's host was never asked"
    assert all(seen.authorization == f"Bearer {KEYS[provider]}" for seen in origins.at_provider)
    assert origins.elsewhere == []  # not followed at all: no key, no body, no request


@pytest.mark.parametrize("provider", list(PROVIDERS))
async def test_a_redirecting_provider_host_never_passes_the_key_on(engine, origins, provider):
    [submitted] = engine.runner.create([request(provider)], base_url=origins.provider_url)
    after_submit = await engine.runner.run(submitted.id)
    assert after_submit.state is TaskState.UNKNOWN and after_submit.error_code == "ambiguous_submit"

    [polled] = engine.runner.create([request(provider)], base_url=origins.provider_url)
    engine.store.update(polled.id, remote_id="task_1", submit_started_at=1.0, submitted_at=1.0)
    after_polls = await engine.runner.run(polled.id)
    # every poll was refused: out of retries (needs a check) or out of time (unknown)
    assert after_polls.state in (TaskState.UNKNOWN, TaskState.NEEDS_CHECK) and after_polls.remote_id == "task_1"
    assert_key_stayed_home(origins, provider)


@pytest.mark.parametrize("provider, route", [("kie", None), ("apikley", None), ("apixo", "kie_upload")])
async def test_a_redirecting_upload_host_never_passes_the_key_on(engine, origins, tmp_path, provider, route):
    image = tmp_path / "cat.png"
    Image.new("RGB", (800, 600)).save(image)
    [task] = engine.runner.create([request(provider, str(image))], base_url=origins.provider_url, upload_route=route)
    final = await engine.runner.run(task.id)
    assert final.state is TaskState.FAILED and "Nothing was sent or charged" in final.error_message
    upload_provider = {"kie_upload": "kie"}.get(route, provider)
    assert {seen.path.rsplit("/", 1)[-1] for seen in origins.at_provider} == {"file-stream-upload"}
    assert_key_stayed_home(origins, upload_provider)


# --- base URLs ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "http://10.0.0.5:8080",
        "ftp://127.0.0.1",
        "https://user:pw@example.com",
        "http://127.0.0.1.evil.example",
    ],
)
async def test_a_base_url_the_key_must_not_go_to_is_refused_before_anything_is_stored(engine, url):
    with pytest.raises(InvalidRequest):
        engine.runner.create([request("kie")], base_url=url)
    assert engine.store.count() == 0


def test_a_look_alike_loopback_host_is_somebody_else(tmp_path):
    assert [
        is_loopback_url(u) for u in ("http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:9", "http://localhost")
    ] == [True, True, True, True]
    for url in ("https://127.0.0.1.nip.io", "https://127.evil.example", "https://localhost.evil.example", None, ""):
        assert not is_loopback_url(url), url
    # So an APIXO task pointed at such a host does not take the kie.ai upload key there.
    assert upload_origin("kie", "https://127.0.0.1.nip.io", Settings().base_urls) is None
    assert upload_origin("kie", "http://127.0.0.1:8080", Settings().base_urls) == "http://127.0.0.1:8080"


def test_the_cli_refuses_a_plain_http_base_url_and_stores_nothing(tmp_path):
    env = {**os.environ, "HAILUO_DESKTOP_HOME": str(tmp_path / "home"), "KIE_API_KEY": KEYS["kie"]}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hailuo_desktop",
            "submit",
            "--image-url",
            IMAGE_URL,
            "--prompt",
            "x",
            "--provider",
            "kie",
            "--base-url",
            "http://example.com",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "https" in done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "hailuo_desktop", "tasks"], env=env, capture_output=True, text=True, timeout=60
    )
    assert listed.stdout.strip() == "No tasks."


# --- the saved file: its name, its size, its type ------------------------------------------
async def test_hostile_remote_ids_and_result_urls_cannot_name_the_file(runner_kit, file_server, tmp_path):
    url = file_server.add("evil.mp4", b"\0\0\0\x18ftypmp42" + bytes(5000)) + "?name=../../../escaped.mp4"
    runner_kit.provider("kie", submits=["../../../escaped"], polls=[status("success", url=url)])
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.SUCCEEDED
    video = Path(final.video_path)
    assert video.parent == runner_kit.output.resolve() and "escaped" not in video.name and ".." not in video.name
    assert [p for p in tmp_path.rglob("*escaped*")] == []


async def test_a_web_page_in_place_of_the_video_is_not_saved(runner_kit, file_server):
    url = file_server.add("v.mp4", b"<html><body>Please log in</body></html>")
    file_server.state.content_type = "text/html; charset=utf-8"
    runner_kit.provider("kie", polls=[status("success", url=url)])
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.UNKNOWN and final.error_code == "download" and "web page" in final.error_message
    assert list(runner_kit.output.iterdir()) == []


async def test_the_shipped_size_cap_refuses_an_oversized_result_before_writing(engine, tmp_path):
    clock = ManualClock(start=1000.0)
    oversized = SimConfig(seed=2, epoch=SIM_EPOCH, result_bytes=3 * 1024**3)  # padding is virtual: no RAM
    async with Simulator(oversized, clock=clock.now) as sim:
        [task] = engine.runner.create(
            [request("kie", prompt="done at once {{sim:queue=0;run=0}}")], base_url=sim.api_url
        )
        final = await engine.runner.run(task.id)
        assert sim.stats.downloads == 1
    assert final.state is TaskState.UNKNOWN and final.error_code == "download" and "limit" in final.error_message
    assert final.remote_id and list((tmp_path / "videos").iterdir()) == []


# --- damaged files are reported and set aside, never dropped --------------------------------
def test_the_cli_reports_a_damaged_store_and_settings_and_keeps_them(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    damaged_store = b"SQLite format 3\0" + b"\xde\xad" * 3000
    damaged_settings = b'{"output_dir": "/videos", "max_concurrent": '
    (home / "tasks.sqlite3").write_bytes(damaged_store)
    (home / "settings.json").write_bytes(damaged_settings)
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    done = subprocess.run(
        [sys.executable, "-m", "hailuo_desktop", "wait"],
        env={**env, "HAILUO_DESKTOP_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "task database could not be read" in done.stderr and "settings file was damaged" in done.stderr
    [store_copy] = home.glob("tasks.sqlite3.corrupt-*")
    [settings_copy] = home.glob("settings.json.corrupt-*")
    assert store_copy.read_bytes() == damaged_store and settings_copy.read_bytes() == damaged_settings
    assert str(store_copy) in done.stderr and settings_copy.name in done.stderr
