"""A named pipe's reader for the tests that write reports to one (`-o FIFO`)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path


class FifoReader:
    """Reads a named pipe in a thread, as `cat FIFO` would; `text()` once written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: bytes | None = None
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as fh:
            self.data = fh.read()

    def text(self) -> str | None:
        """What the reader got; a reader nobody wrote to is let go (so a test fails,
        never hangs): a writer opened and closed without blocking gives it an end."""
        with contextlib.suppress(OSError):  # ENXIO: the reader is gone already
            os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
        self.thread.join(10)
        return None if self.data is None else self.data.decode("utf-8")
