"""The cost ledger (Qt-free): sent tasks only, per day × provider × unit, charges split by
what the provider confirmed."""

from __future__ import annotations

from datetime import date, datetime

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.ledger import ledger_rows, spent_today, totals


def at(day: str, hour: int = 12) -> float:
    return datetime.strptime(day, "%Y-%m-%d").replace(hour=hour).timestamp()


def test_rows_per_day_and_provider_split_by_charge(task_store, make_task):
    d1, d2 = "2026-11-29", "2026-11-30"
    task_store.add_many(
        [
            make_task(
                TaskState.SUCCEEDED,
                provider="kie",
                cost=30.0,
                cost_unit="credits",
                submit_started_at=at(d1),
                charge_status="charged",
                charged_cost=30.0,
            ),
            make_task(
                TaskState.FAILED,
                provider="kie",
                cost=30.0,
                cost_unit="credits",
                submit_started_at=at(d1),
                charge_status="refunded",
            ),
            make_task(TaskState.FAILED, provider="apixo", cost=0.19, cost_unit="usd", submit_started_at=at(d2)),
            make_task(TaskState.SUCCEEDED, provider="apixo", cost=0.19, cost_unit="usd", submit_started_at=at(d2)),
            make_task(
                TaskState.FAILED,
                provider="apixo",
                cost=0.19,
                cost_unit="usd",
                submit_started_at=None,
                submitted_at=None,
                remote_id=None,
            ),  # never sent: not in the ledger
        ]
    )
    rows = ledger_rows(task_store)
    assert [(r.day, r.provider, r.unit, r.tasks, r.failed) for r in rows] == [
        (d2, "apixo", "usd", 2, 1),
        (d1, "kie", "credits", 2, 1),
    ]
    apixo, kie = rows
    assert (kie.charged, kie.refunded, kie.unknown, kie.spent) == (30.0, 30.0, 0.0, 30.0)
    # the video made is charged; the failure is unknown (APIXO's docs say nothing about refunds)
    assert round(apixo.unknown, 2) == 0.19 and round(apixo.charged, 2) == 0.19
    assert [r.day for r in ledger_rows(task_store, since=date(2026, 11, 30))] == [d2]
    assert [(t.provider, t.tasks) for t in totals(rows)] == [("apixo", 2), ("kie", 2)]


def test_today_is_the_local_calendar_day_of_the_submit(task_store, make_task):
    task_store.add_many(
        [
            make_task(
                TaskState.RUNNING, provider="kie", cost=30.0, cost_unit="credits", submit_started_at=at("2026-11-30", 0)
            ),
            make_task(
                TaskState.RUNNING,
                provider="kie",
                cost=50.0,
                cost_unit="credits",
                submit_started_at=at("2026-11-29", 23),
            ),
        ]
    )
    (today,) = spent_today(task_store, now=lambda: at("2026-11-30", 18))
    assert (today.provider, today.tasks, today.spent) == ("kie", 1, 30.0)
