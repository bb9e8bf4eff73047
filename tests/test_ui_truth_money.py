"""Issue 8, money on screen: every amount says what it is, the balance is never stale, a
retry says what it costs, and Variants never silently re-sends ten paid videos."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.money.words import amount_text, retry_label, short_amount_text
from tests.test_ui_flow import LONG_ENOUGH, WAIT_MS, choose_kie, drop, generate, wait_sent, wait_state

pytestmark = pytest.mark.gui


def balance_text(session) -> str:
    return session.window.compose.cost.balance.text()


def wait_balance(qtbot, session, text: str) -> None:
    qtbot.waitUntil(lambda: balance_text(session) == text, timeout=WAIT_MS)


# --- the words of each amount ----------------------------------------------------------------


def test_a_queued_task_shows_an_estimate_and_a_task_never_sent_costs_nothing(make_task):
    queued = make_task(TaskState.QUEUED, provider="apixo", cost=0.19, cost_unit="usd")
    assert amount_text(queued) == "$0.19 estimate · not sent yet" and short_amount_text(queued) == "est. $0.19"
    never = make_task(
        TaskState.FAILED,
        provider="apixo",
        cost=0.19,
        cost_unit="usd",
        submit_started_at=None,
        submitted_at=None,
        remote_id=None,
        error_code="missing_key",
    )
    assert amount_text(never) == "$0.00 · never sent" and short_amount_text(never) == "$0.00 not sent"


def test_a_request_that_left_without_an_answer_yet_is_said_to_be_in_flight(qtbot, make_task):
    # The runner commits submit_started_at before the POST leaves: from then on the task may be
    # created (and charged) although no task id has come back, so "not sent yet" would be untrue.
    from hailuo_desktop.ui.tasks.detail import TaskDetail

    sending = make_task(TaskState.QUEUED, provider="apixo", cost=0.19, cost_unit="usd", submit_started_at=1.0e9)
    assert amount_text(sending) == "$0.19 estimate · being sent"
    waiting = make_task(TaskState.QUEUED, provider="apixo", cost=0.19, cost_unit="usd")
    assert waiting.submit_started_at is None and sending.remote_id is None
    detail = TaskDetail()
    qtbot.addWidget(detail)
    detail.show_task(sending)
    assert detail.remote_id.text() == "being sent, no answer yet"
    assert detail.cost.text() == "$0.19 estimate · being sent"
    detail.show_task(waiting)
    assert detail.remote_id.text() == "not sent yet" and detail.cost.text() == "$0.19 estimate · not sent yet"


def test_a_sent_task_is_an_estimate_until_the_provider_confirms(make_task):
    running = make_task(TaskState.RUNNING, cost=30.0, cost_unit="credits")
    assert amount_text(running) == "30 credits estimate"
    done = make_task(TaskState.SUCCEEDED, cost=30.0, cost_unit="credits")
    assert amount_text(done) == "30 credits charged (video made)" and short_amount_text(done) == "30 cr charged"


def test_failed_and_cancelled_tasks_say_whether_they_were_charged(make_task):
    refunded = make_task(TaskState.FAILED, cost=30.0, cost_unit="credits")  # kie's documented policy
    assert amount_text(refunded) == "failed · 0 credits, refunded (kie.ai refunds failed tasks)"
    assert short_amount_text(refunded) == "0 cr refunded"
    unknown = make_task(TaskState.FAILED, cost=0.19, cost_unit="usd", provider="apixo")
    assert amount_text(unknown) == (
        "failed · charge unknown, up to $0.19 (APIXO does not say whether it charges failed tasks)"
    )
    assert short_amount_text(unknown) == "up to $0.19?"
    cancelled = make_task(TaskState.CANCELLED, cost=0.19, cost_unit="usd", provider="apixo")
    assert amount_text(cancelled) == "cancelled · may be charged (up to $0.19)"


def test_retry_says_it_is_a_new_paid_task_at_todays_price(make_task):
    done = make_task(TaskState.SUCCEEDED, provider="apixo", cost=0.10, cost_unit="usd", duration=6, resolution="768P")
    assert retry_label(done) == "Generate again (+$0.19)"  # the catalog's price now, not the old estimate
    failed = make_task(TaskState.FAILED, cost=30.0, cost_unit="credits", duration=6, resolution="768P")
    assert retry_label(failed) == "Retry (+30 credits)"


# --- the window ------------------------------------------------------------------------------


def test_the_balance_line_follows_the_engines_reading_after_a_submit(qtbot, ui_session, simulator_thread, image_maker):
    simulator_thread.set_balance("kie", 1000)
    session = ui_session(simulator_thread.api_url)
    store = session.store
    choose_kie(session.window)
    wait_balance(qtbot, session, "Balance: 1,000 credits")
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat")
    wait_sent(qtbot, store, task.id)
    wait_balance(qtbot, session, "Balance: 970 credits")  # charged at submit: shown without a provider switch
    # The refund's reading comes at most one read per 15 s later (services/balances.py, tested there
    # with an injected clock): this test does not wait on that wall-clock interval.


def test_a_key_test_in_settings_refreshes_the_windows_balance(qtbot, ui_session, simulator_thread):
    simulator_thread.set_balance("kie", 1000)
    session = ui_session(simulator_thread.api_url)
    choose_kie(session.window)
    wait_balance(qtbot, session, "Balance: 1,000 credits")
    simulator_thread.set_balance("kie", 640)  # spent elsewhere, e.g. on the provider's own site
    flow = session.controller.settings_flow
    with qtbot.waitSignal(flow.statuses_shown, timeout=WAIT_MS):
        dialog = flow.open()
    assert dialog.rows["kie"].test.isEnabled()
    with qtbot.waitSignal(session.controller.settings_flow.key_tested, timeout=WAIT_MS):
        dialog.rows["kie"].test.click()
    wait_balance(qtbot, session, "Balance: 640 credits")
    dialog.close()


def test_variants_go_back_to_one_after_a_batch_is_sent(qtbot, ui_session, simulator_thread, image_maker):
    simulator_thread.set_balance("kie", 100_000)
    session = ui_session(simulator_thread.api_url)
    compose = session.window.compose
    choose_kie(session.window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    compose.variants.setValue(3)
    tasks = generate(qtbot, session, "three takes of a cat")
    assert len(tasks) == 3
    assert compose.variants.value() == 1
    assert compose.generate_button.text() == "&Generate"


def test_the_detail_says_what_a_finished_task_cost_and_what_another_would(
    qtbot, ui_session, simulator_thread, image_maker
):
    session = ui_session(simulator_thread.api_url)
    store, detail = session.store, session.window.detail
    choose_kie(session.window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat")
    wait_sent(qtbot, store, task.id)
    qtbot.waitUntil(lambda: detail.cost.text() == "30 credits estimate", timeout=WAIT_MS)
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.SUCCEEDED)
    qtbot.waitUntil(lambda: detail.retry.isEnabled(), timeout=WAIT_MS)
    assert detail.retry.text() == "Generate again (+30 credits)"


# --- the spend guard --------------------------------------------------------------------------


def _question(window):
    from PySide6.QtWidgets import QMessageBox

    return next((b for b in window.findChildren(QMessageBox) if b.isVisible()), None)


def test_an_order_above_the_threshold_asks_first_and_sends_nothing_when_refused(
    qtbot, ui_session, simulator_thread, image_maker
):
    session = ui_session(simulator_thread.api_url)
    window, compose, store = session.window, session.window.compose, session.store
    window.compose.apply_settings("apixo", "hailuo-2-3-fast", None, 6, "768P", "", None)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    compose.variants.setValue(12)  # 12 × $0.1917 = $2.30, above the default $2.00
    compose.prompt.set_text("twelve takes")
    assert compose.trigger_generate()
    qtbot.waitUntil(lambda: _question(window) is not None, timeout=WAIT_MS)
    box = _question(window)
    assert box.windowTitle() == "Send 12 videos for $2.30?"
    assert "above $2.00 (Settings › General)" in box.text()
    assert not compose.generate_button.isEnabled()  # no second click while it asks
    next(b for b in box.buttons() if b.text() == "Don't send").click()
    qtbot.waitUntil(lambda: compose.generate_button.isEnabled(), timeout=WAIT_MS)
    assert store.count() == 0 and simulator_thread.stats.submits["apixo"] == 0
    assert compose.trigger_generate()
    qtbot.waitUntil(lambda: _question(window) is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(session.controller.tasks_submitted, timeout=WAIT_MS) as submitted:
        next(b for b in _question(window).buttons() if b.text() == "Send 12 videos").click()
    assert len(submitted.args[0]) == 12 and compose.variants.value() == 1


def test_an_order_under_the_threshold_is_sent_without_a_question(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window = session.window
    window.compose.apply_settings("apixo", "hailuo-2-3-fast", None, 6, "768P", "", None)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    window.compose.variants.setValue(10)  # $1.90
    tasks = generate(qtbot, session, "ten takes")
    assert len(tasks) == 10 and _question(window) is None


def test_the_threshold_is_set_in_settings(qtbot, ui_session, simulator_thread):
    session = ui_session(simulator_thread.api_url)
    flow = session.controller.settings_flow
    dialog = flow.open()
    assert dialog.spend_guard.value() == 2.0
    dialog.spend_guard.setValue(0.5)
    with qtbot.waitSignal(flow.settings_changed, timeout=WAIT_MS) as changed:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert changed.args[0].spend_guard_usd == 0.5
    assert session.controller.context.settings.spend_guard_usd == 0.5
    reloaded = session.settings_store.load()
    assert reloaded.spend_guard_usd == 0.5


# --- spent today and the ledger ----------------------------------------------------------------


def test_the_window_shows_todays_spend_and_the_ledger(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store, money_view = session.window, session.store, session.controller.money
    assert money_view.today.text() == "Spent today: nothing"
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    window.compose.variants.setValue(2)
    tasks = generate(qtbot, session, "two cats")
    for task in tasks:
        wait_sent(qtbot, store, task.id)
    qtbot.waitUntil(lambda: money_view.today.text() == "Spent today: kie.ai up to 60 credits", timeout=WAIT_MS)
    assert "2 task(s); 0 credits confirmed, 60 credits not confirmed yet" in money_view.today.toolTip()
    assert money_view.ledger_action in window.tasks_menu.actions()
    with qtbot.waitSignal(money_view.ledger_opened, timeout=WAIT_MS) as opened:
        money_view.today.click()
    dialog = opened.args[0]
    cells = [dialog.days.item(0, c).text() for c in range(dialog.days.columnCount())]
    assert cells[1:] == ["kie.ai", "2", "60 credits", "0 credits", "0 credits", "60 credits", "0"]
    assert dialog.totals.item(0, 0).text() == "All days"
    dialog.close()


def test_todays_spend_counts_money_in_doubt_only_as_a_ceiling(qapp):
    from hailuo_desktop.services.ledger import LedgerRow
    from hailuo_desktop.ui.money.today import today_text

    settled = LedgerRow("2026-11-30", "apixo", "usd", tasks=1, charged=0.19)
    open_only = LedgerRow("2026-11-30", "kie", "credits", tasks=2, unknown=60)
    both = LedgerRow("2026-11-30", "apixo", "usd", tasks=2, charged=0.19, unknown=0.19)
    assert today_text([settled]) == "Spent today: APIXO $0.19"
    assert today_text([open_only]) == "Spent today: kie.ai up to 60 credits"
    assert today_text([both, open_only]) == "Spent today: APIXO $0.19 (up to $0.38) · kie.ai up to 60 credits"
