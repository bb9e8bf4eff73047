"""The demo shows itself: a marker inside the window and a Demo menu that makes the next
task fail in each way a real provider can, so a new user sees how the app behaves before
spending money.

Each entry asks the built-in simulator to arm that failure for the chosen provider, in the
provider's own codes (`POST /_sim/demo`, simulator/demo.py, on the demo's own loopback
origin); the app then meets it exactly as it would meet a real provider's, through the
real runner.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu
from qasync import asyncSlot

from .slots import SlotTasks, reports_errors
from .tasks.words import provider_name

STATUS_MS = 10_000


def tr(text: str) -> str:
    return QCoreApplication.translate("DemoMenu", text)


@dataclass(frozen=True)
class DemoFailure:
    key: str
    label: str
    armed: str  # the status-bar line once armed: what will happen, to which task


def failures() -> list[DemoFailure]:
    F = DemoFailure
    return [
        F("balance", tr("Empty the &balance"), tr("Demo: {name}'s balance is now 0; the next task is refused.")),
        F(
            "content",
            tr("Next task: refused by the &content filter"),
            tr("Demo: {name} will refuse the next task as unsafe content."),
        ),
        F(
            "timeout",
            tr("Next submit: &times out"),
            tr(
                "Demo: {name} will create the next task but its answer never comes back (the app waits a "
                "minute, then says it may have been charged)."
            ),
        ),
        F("slow", tr("Next tasks: &slow answers"), tr("Demo: {name} will answer the next status checks very slowly.")),
        F(
            "slow_task",
            tr("Next task: takes &three minutes"),
            tr("Demo: {name}'s next task will take three minutes to generate."),
        ),
        F(
            "unreadable",
            tr("Next task: &unreadable answers"),
            tr("Demo: {name} will send unreadable status answers for a while."),
        ),
        F(
            "expired",
            tr("Next task: video link &expired"),
            tr("Demo: {name}'s video link will have expired when the app fetches it."),
        ),
    ]


class DemoMenu(QObject):
    armed = Signal(str, str)  # failure key, provider id: the simulator accepted every fault

    def __init__(self, window, link, api_url: str, current_provider, errors, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.link, self.api_url = window, link, api_url.rstrip("/")
        self.current_provider = current_provider
        self.errors = errors
        self.slot_tasks = SlotTasks()
        self.marker = self._marker()
        self.menu = QMenu(tr("&Demo"), window)
        self.actions: dict[str, QAction] = {}
        for failure in failures():
            action = self.menu.addAction(failure.label)
            action.triggered.connect(lambda _=False, f=failure: self.arm(f.key))
            self.actions[failure.key] = action
        self.menu.addSeparator()
        self.top_up = self.menu.addAction(tr("&Top up the demo balance"))
        self.top_up.triggered.connect(self.refill)
        self.clear = self.menu.addAction(tr("&Clear planned failures"))
        self.clear.triggered.connect(self.clear_faults)
        window.menuBar().addMenu(self.menu)

    def _marker(self) -> QLabel:
        marker = QLabel(tr("DEMO · simulated providers, nothing is charged"), self.window)
        marker.setObjectName("demoMarker")
        marker.setToolTip(
            tr(
                "Every provider here is the built-in simulator. The Demo menu shows how the app "
                "behaves when something goes wrong."
            )
        )
        marker.setStyleSheet(
            "QLabel#demoMarker { background: #b35900; color: white; font-weight: bold; "
            "padding: 2px 8px; border-radius: 3px; }"
        )
        self.window.menuBar().setCornerWidget(marker, Qt.Corner.TopRightCorner)
        marker.show()
        return marker

    @asyncSlot(str)
    @reports_errors
    async def arm(self, key: str) -> None:
        provider = self.current_provider()
        await self._demo(key, provider)
        failure = next(f for f in failures() if f.key == key)
        self.window.statusBar().showMessage(failure.armed.format(name=provider_name(provider)), STATUS_MS)
        self.armed.emit(key, provider)

    @asyncSlot()
    @reports_errors
    async def refill(self) -> None:
        provider = self.current_provider()
        await self._demo("topped_up", provider)
        self.armed.emit("top_up", provider)

    @asyncSlot()
    @reports_errors
    async def clear_faults(self) -> None:
        provider = self.current_provider()
        await self._demo("clear", provider)
        self.armed.emit("clear", provider)

    async def _demo(self, failure: str, provider: str) -> None:
        url, body = self.api_url + "/_sim/demo", {"failure": failure, "provider": provider}
        await self.link.call(lambda e: _post(e.client, url, body))  # the engine's client, on its loop


async def _post(client, url: str, body: dict) -> None:
    response = await client.post(url, json=body)
    response.raise_for_status()  # a refused name is a bug between this menu and simulator/demo.py
