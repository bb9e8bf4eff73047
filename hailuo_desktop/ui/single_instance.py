"""One window per data home: a second launch hands its images to the running one and exits.

Two windows on one data home would work the same tasks (the store's leases keep that safe,
but the user would see two task lists that drift apart). The first window listens on a
local socket named from its data home; a later launch connects, sends the images it was
given (open-with: `hailuo-desktop IMAGE...`, the menu entry's `%F`), waits for the running
window's acknowledgement and exits. A socket left by a crashed window answers nobody: the
new launch removes it and listens itself.

The wire format is one JSON object per connection: {"images": [absolute paths]}, answered
with b"ok\\n" once the window has them.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 1000
ANSWER_MS = 5000
ACK = b"ok\n"
MAX_MESSAGE = 1024 * 1024


def server_name(home: Path) -> str:
    """Per user and per data home; short (a Unix socket path is limited to ~100 bytes)."""
    digest = hashlib.sha256(f"{getpass.getuser()}\0{Path(home).resolve()}".encode()).hexdigest()[:20]
    return f"hailuo-desktop-{digest}"


def hand_over(name: str, images: list[str]) -> bool:
    """Give `images` to the window listening on `name`; True once it acknowledged them.

    Blocking waits, not an event loop: this runs before the app's loop exists, and lasts at
    most CONNECT_MS + ANSWER_MS.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps({"images": [str(Path(p).absolute()) for p in images]}).encode() + b"\n")
    socket.waitForBytesWritten(ANSWER_MS)  # False when flushing already sent it all: not an error
    answered = _read_ack(socket)
    socket.disconnectFromServer()
    return answered


def _read_ack(socket: QLocalSocket) -> bool:
    received = b""
    while ACK not in received and socket.waitForReadyRead(ANSWER_MS):
        received += bytes(socket.readAll().data())
    return ACK in received


class InstanceServer(QObject):
    """Listens for later launches; `images_received` carries the paths each one sent."""

    images_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listening(self) -> bool:
        return self._server.isListening()

    def listen(self) -> bool:
        """Listen, clearing a socket a crashed window left; False when another window owns it."""
        if self._server.listen(self.name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_MS):
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        """Stop listening and free the Qt side now, on this thread (not in a late garbage
        collection after the QApplication is gone, which crashes)."""
        self._server.close()
        shiboken6.delete(self)

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE:
                socket.abort()
            return
        images = _images_in(bytes(buffer).split(b"\n", 1)[0])
        socket.write(ACK)
        socket.flush()
        self.images_received.emit(images)


def _images_in(line: bytes) -> list[str]:
    try:
        message = json.loads(line)
        images = message.get("images", []) if isinstance(message, dict) else []
    except ValueError:
        log.warning("a second launch sent a message this version does not read")
        return []
    return [str(p) for p in images if isinstance(p, str)]


def claim_or_hand_over(
    home: Path, images: list[str], make_server: Callable[[str], InstanceServer] = InstanceServer
) -> InstanceServer | None:
    """The server this window listens on, or None when a running window took the images."""
    name = server_name(home)
    if hand_over(name, images):
        return None
    server = make_server(name)
    if server.listen():
        return server
    if hand_over(name, images):  # another launch won the race to listen a moment ago
        return None
    log.warning("could not listen on %s; this window will not receive later launches", name)
    return server
