"""Making the database unreachable for a moment, for the server processes only."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .processes import free_port, test_database_url


class _TcpSwitch:
    """A loopback TCP relay to PostgreSQL that can drop every connection and refuse new ones."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = free_port()
        self.down = threading.Event()
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.down.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.close()
                except OSError:
                    pass

    def cut(self) -> None:
        self.down.set()
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self.sockets.clear()

    def restore(self) -> None:
        self.down.clear()

    def close(self) -> None:
        self.cut()
        self.listener.close()


class DatabaseSwitch:
    """The test database's URL for another process, and a way to take it away and back."""

    def __init__(self):
        url = test_database_url()
        if url.startswith("sqlite"):
            self.path = Path(url.removeprefix("sqlite:///"))
            self.away = self.path.parent.with_name(self.path.parent.name + "-away")
            self.url, self.relay = url, None
        else:
            parts = urlsplit(url)
            self.relay = _TcpSwitch(parts.hostname or "127.0.0.1", parts.port or 5432)
            netloc = parts.netloc.rsplit("@", 1)
            auth = f"{netloc[0]}@" if len(netloc) == 2 else ""
            self.url = urlunsplit(parts._replace(netloc=f"{auth}127.0.0.1:{self.relay.port}"))

    def cut(self) -> None:
        if self.relay:
            self.relay.cut()
        else:  # a SQLite file whose folder has gone cannot be opened
            self.path.parent.rename(self.away)

    def restore(self) -> None:
        if self.relay:
            self.relay.restore()
        else:
            self.away.rename(self.path.parent)

    def close(self) -> None:
        if self.relay:
            self.relay.close()
        elif self.away.exists():
            self.restore()
