"""Every failure code has words in the window and a next step in the terminal.

Walks the whole ErrorCode vocabulary: a code added without words fails here, instead of
reaching a user as "Something went wrong" (as poll_timeout once did).
"""

from __future__ import annotations

import inspect

import pytest

from hailuo_desktop import cli_words
from hailuo_desktop.domain import errors
from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.domain.task import Task
from hailuo_desktop.services import outcomes
from hailuo_desktop.ui import errors as ui_errors

pytestmark = pytest.mark.gui

GENERIC_TITLE = "Something went wrong"


def _failed(code: ErrorCode) -> Task:
    return Task(
        id="t1",
        provider="apixo",
        model="m",
        kind="i2v",
        prompt="p",
        state=TaskState.FAILED,
        error_code=code,
        error_message="what the runner wrote",
    )


@pytest.mark.parametrize("code", list(ErrorCode))
def test_the_window_has_words_and_a_title_of_its_own_for_every_code(qapp, code):
    wordings = ui_errors._wordings()
    assert code in wordings, f"ui/errors.py has no words for {code!r}"
    message = ui_errors.describe_task(_failed(code))
    assert message is not None and message.text
    if code is not ErrorCode.ERROR:
        assert message.title != GENERIC_TITLE, f"{code!r} falls back to the generic words"
    assert "{" not in message.title + message.text  # every placeholder filled


@pytest.mark.parametrize("code", list(ErrorCode))
def test_the_terminal_has_a_next_step_for_every_code(code):
    assert code in cli_words.NEXT_STEPS, f"cli_words.py has no next step for {code!r}"
    step = cli_words.next_step(code, "kie")
    assert step.strip() and "{" not in step


def test_the_tables_name_only_real_codes():
    assert set(ui_errors._wordings()) == set(ErrorCode)
    assert set(cli_words.NEXT_STEPS) == set(ErrorCode)


def test_every_error_class_carries_a_code_from_the_vocabulary():
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.HailuoError)]
    assert len(classes) > 15
    for cls in classes:
        assert isinstance(cls.code, ErrorCode), cls


def test_a_poll_timeout_is_worded_not_unexpected(qapp):
    outcome = outcomes.gave_up_polling("r1", "APIXO", 15, now=100.0)
    assert outcome.code is ErrorCode.POLL_TIMEOUT and outcome.state is TaskState.UNKNOWN
    task = Task(
        id="t1",
        provider="apixo",
        model="m",
        kind="i2v",
        prompt="p",
        state=outcome.state,
        error_code=outcome.code,
        error_message=outcome.message,
    )
    assert ui_errors.describe_task(task).title == "APIXO has not finished this task yet"


def test_a_poll_stopped_by_a_plain_exception_gets_its_own_code():
    outcome = outcomes.poll_stopped(RuntimeError("boom"), "r1", now=1.0)
    assert outcome.code is ErrorCode.POLL_STOPPED


def test_a_code_from_a_newer_version_reads_as_unexpected_not_a_crash():
    assert ErrorCode.parse("a_code_from_the_future") is ErrorCode.ERROR
    assert ErrorCode.parse("poll_timeout") is ErrorCode.POLL_TIMEOUT
    assert ErrorCode.parse(None) is None and ErrorCode.parse("") is None


def test_the_cli_line_gives_the_reason_and_the_next_step_once():
    line = cli_words.error_text(errors.InsufficientBalance("Not enough credits."), "kie")
    assert line == (
        "Not enough credits. Top up your kie.ai account, then run `hailuo-desktop wait`: the tasks held "
        "for it are sent then (nothing was charged for them)."
    )
    already = cli_words.error_text(
        errors.MissingKey("No key. Store a key with `hailuo-desktop key set kie`, or set its environment variable."),
        "kie",
    )
    assert already.count("key set kie") == 1


def test_new_codes_for_the_providers_facts_have_classes():
    assert errors.ModelForbidden("403").code is ErrorCode.MODEL_FORBIDDEN
    assert errors.ModelUnavailable("503").code is ErrorCode.MODEL_UNAVAILABLE
    assert isinstance(errors.ModelUnavailable("503"), errors.ProviderUnavailable)
    assert isinstance(errors.DiskFull("full"), errors.StorageError)
