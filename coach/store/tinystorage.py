"""TinyDB's storage for a DataFile: reads from memory, writes through atomically.

Apart from coach/store/storage.py so that TinyDB is imported only when a file is first
queried through it (`DataFile.db`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

if TYPE_CHECKING:
    from coach.store.storage import DataFile


class AtomicStorage(Storage):
    """TinyDB storage backed by a DataFile: reads from memory, writes through atomically."""

    def __init__(self, file: DataFile) -> None:
        self._file = file

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._file.read_state()

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._file.write_state(data)

    def close(self) -> None:
        pass
