"""Errors in a creator's words (one table), the slot guard, and notifications."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QStatusBar

from hailuo_desktop.domain.errors import (
    AmbiguousSubmit,
    AuthError,
    ContentRejected,
    ImageRejected,
    InsufficientBalance,
    MissingKey,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    StorageError,
    UploadRouteMissing,
)
from hailuo_desktop.domain.images import Problem
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.error_banner import ErrorBanner
from hailuo_desktop.ui.errors import NextStep, describe_error, describe_task
from hailuo_desktop.ui.icon import app_icon
from hailuo_desktop.ui.notifications import Notifier
from hailuo_desktop.ui.slots import ErrorReporter, reports_errors

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("error", "title", "step"),
    [
        (AuthError("401"), "kie.ai refused the key", NextStep.ENTER_KEY),
        (MissingKey("none"), "No key for kie.ai", NextStep.ENTER_KEY),
        (InsufficientBalance("402"), "Not enough balance on kie.ai", NextStep.TOP_UP),
        (RateLimited("429", retry_after=5), "kie.ai asks us to slow down", NextStep.TRY_LATER),
        (ContentRejected("nsfw"), "kie.ai's content filter refused the prompt or the image", NextStep.EDIT_PROMPT),
        (ProviderUnavailable("503", maintenance=True), "kie.ai is down for maintenance", NextStep.TRY_LATER),
        (ProviderUnavailable("500"), "kie.ai is not answering properly", NextStep.TRY_LATER),
        (NetworkError("reset", sent=True), "Could not reach kie.ai", NextStep.TRY_LATER),
        (AmbiguousSubmit("timeout"), "kie.ai may have created (and charged) this task", NextStep.CHECK_DASHBOARD),
        (UploadRouteMissing("route"), "kie.ai needs a public image URL", NextStep.OPEN_SETTINGS),
        (StorageError("disk full"), "Could not write to the disk", NextStep.OPEN_SETTINGS),
    ],
)
def test_each_typed_error_has_words_and_a_next_step(qapp, error, title, step):
    message = describe_error(error, "kie")
    assert message.title == title
    assert message.action is step
    assert message.text  # the next step in words
    assert '"code"' in message.details


def test_top_up_links_to_the_providers_page(qapp):
    assert describe_error(InsufficientBalance("no money"), "apixo").link == "https://apixo.ai"


def test_the_providers_own_words_stay_visible(qapp):
    error = ContentRejected("refused", provider_code="1026", provider_message="prompt contains sensitive words")
    message = describe_error(error, "minimax")
    assert "[1026] prompt contains sensitive words" in message.text


def test_a_rejected_image_lists_every_problem(qapp):
    problems = [
        Problem("aspect_ratio", "The aspect ratio must be between 2:5 and 5:2."),
        Problem("short_side", "The short side is 200 px; it must be over 300 px."),
    ]
    message = describe_error(ImageRejected("refused", problems), "apixo")
    assert "2:5 and 5:2" in message.text and "200 px" in message.text


def test_an_unexpected_exception_still_gets_words(qapp):
    message = describe_error(ZeroDivisionError("division by zero"))
    assert message.title == "Something went wrong"
    assert "ZeroDivisionError" in message.details


def test_an_unknown_task_warns_about_paying_twice(qapp, make_task):
    message = describe_task(
        make_task(
            TaskState.UNKNOWN, error_code="ambiguous_submit", error_message="The submit timed out after it was sent."
        )
    )
    assert message.action is NextStep.CHECK_DASHBOARD
    assert "charged again" in message.text
    assert describe_task(make_task(TaskState.SUCCEEDED)) is None


class _Slots:
    def __init__(self, reporter: ErrorReporter) -> None:
        self.errors = reporter

    @reports_errors
    async def fails(self) -> None:
        raise InsufficientBalance("Your balance is 0 credits.")


def test_a_guarded_slot_shows_its_error_in_the_banner_instead_of_raising(qtbot):
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    slots = _Slots(ErrorReporter(banner, lambda: "kie"))
    assert asyncio.run(slots.fails()) is None
    assert not banner.isHidden()
    assert banner.title.text() == "Not enough balance on kie.ai"
    assert banner.step.text() == "Top up…"
    with qtbot.waitSignal(banner.next_step_requested) as step:
        banner.step.click()
    assert step.args[0] is NextStep.TOP_UP


def test_notifications_fall_back_to_the_status_bar_and_group_batches(qtbot, make_task):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    notifier = Notifier(bar, app_icon(), use_tray=False)
    notifier.task_finished(make_task(TaskState.SUCCEEDED, prompt="a cat on a roof"))
    assert bar.currentMessage() == "Video ready: a cat on a roof"
    notifier.task_finished(make_task(TaskState.SUCCEEDED, prompt="one of fifty", batch_id="b"))
    assert "one of fifty" not in bar.currentMessage()  # announced with its batch instead
    notifier.notify("Batch finished", "50 finished: 50 ready")
    assert bar.currentMessage() == "Batch finished: 50 finished: 50 ready"
    notifier.enabled = False
    notifier.task_finished(make_task(TaskState.FAILED, prompt="quiet now"))
    assert "quiet now" not in bar.currentMessage()
