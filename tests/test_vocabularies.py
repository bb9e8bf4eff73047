"""The typed vocabularies of domain/: image sources, upload routes, runner outcomes."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.outcome import Outcome, ProviderSaid, SavedVideo
from hailuo_desktop.domain.routes import UploadRoute
from hailuo_desktop.domain.sources import ImageSource, SourceKind, is_http_url, is_local_image, is_url
from hailuo_desktop.domain.states import TaskState


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("https://cdn.example/a.png", SourceKind.URL),
        ("HTTP://cdn.example/a.png", SourceKind.URL),  # the scheme is case-insensitive
        ("  https://cdn.example/a.png ", SourceKind.URL),
        ("data:image/png;base64,iVBOR", SourceKind.DATA_URL),
        ("DATA:image/png;base64,iVBOR", SourceKind.DATA_URL),
        ("/home/me/a.png", SourceKind.FILE),
        ("httpfile.png", SourceKind.FILE),
        ("C:\\photos\\a.png", SourceKind.FILE),
        ("ftp://host/a.png", SourceKind.FILE),  # not something a provider fetches: treated as a path
    ],
)
def test_one_rule_says_what_an_image_is(text, kind):
    source = ImageSource.of(text)
    assert source.kind is kind
    assert is_url(text) is (kind is not SourceKind.FILE)
    assert is_http_url(text) is (kind is SourceKind.URL)
    assert is_local_image(text) is (kind is SourceKind.FILE)


def test_no_image_is_neither_url_nor_file():
    assert not is_url(None) and not is_url("") and not is_local_image(None) and not is_http_url("")


def test_a_data_url_declares_its_type():
    assert ImageSource.of("data:Image/PNG;base64,xx").mime == "image/png"
    assert ImageSource.of("https://x/a.png").mime is None


def test_each_upload_route_knows_whose_key_it_borrows():
    assert UploadRoute.KIE_UPLOAD.provider == "kie" and UploadRoute.APIKLEY_UPLOAD.provider == "apikley"
    assert UploadRoute.DATA_URL.provider is None and UploadRoute.PUBLIC_URL.provider is None
    assert UploadRoute.upload_routes() == (UploadRoute.KIE_UPLOAD, UploadRoute.APIKLEY_UPLOAD)
    assert UploadRoute.through("kie") is UploadRoute.KIE_UPLOAD and UploadRoute.through("apixo") is None
    assert UploadRoute.parse("kie_upload") is UploadRoute.KIE_UPLOAD and UploadRoute.parse(None) is None
    with pytest.raises(ValueError):
        UploadRoute.parse("ftp_upload")


def test_an_outcome_sets_only_what_it_names():
    keep_said = Outcome(TaskState.FAILED, ErrorCode.TASK_NOT_FOUND, "gone", 5.0).changes()
    assert keep_said == {
        "state": TaskState.FAILED,
        "error_code": ErrorCode.TASK_NOT_FOUND,
        "error_message": "gone",
        "finished_at": 5.0,
    }
    waiting = Outcome(TaskState.QUEUED, ErrorCode.NETWORK, "again", withdraw_intent=True).changes()
    assert waiting == {
        "state": TaskState.QUEUED,
        "error_code": ErrorCode.NETWORK,
        "error_message": "again",
        "submit_started_at": None,
    }
    done = Outcome(TaskState.SUCCEEDED, None, None, 9.0, said=ProviderSaid(), video=SavedVideo(3, "ab")).changes()
    assert done["provider_code"] is None and done["video_bytes"] == 3 and done["video_sha256"] == "ab"


def test_the_store_reads_codes_and_routes_back_typed(tmp_path):
    from hailuo_desktop.domain.task import Task
    from hailuo_desktop.services.store import TaskStore

    store = TaskStore(tmp_path / "tasks.db")
    try:
        task = store.add(
            Task(id="t1", provider="apixo", model="m", kind="i2v", prompt="p", upload_route=UploadRoute.KIE_UPLOAD)
        )
        store.settle(task.id, Outcome(TaskState.UNKNOWN, ErrorCode.POLL_TIMEOUT, "later", 3.0))
        reopened = TaskStore(tmp_path / "tasks.db")
        again = reopened.get("t1")
        reopened.close()
        assert again.error_code is ErrorCode.POLL_TIMEOUT and again.upload_route is UploadRoute.KIE_UPLOAD
        assert again.finished_at == 3.0
    finally:
        store.close()
