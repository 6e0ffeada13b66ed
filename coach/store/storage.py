"""One data file: atomic write-through TinyDB storage, locking, backups, damage recovery.

`DataFile` owns everything about one JSON file of the workspace (the index or one
client): it keeps the last state in memory as text (reads parse it, so TinyDB can
never mutate our copy), notices when another process replaced the file (a new
inode each time, since every write is a rename), validates and writes atomically
with rotating backups, and never overwrites a file it could not read: a damaged
file is moved aside with its bytes intact and the newest valid backup restored.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.i18n import Deferred, Msg
from coach.store import fsutil
from coach.store.errors import (
    DamagedFile,
    ReadOnlyWorkspace,
    StoreError,
    StoreLocked,
    StoreValueError,
)
from coach.store.schema import SCHEMA, ShapeError, check_shape, upgrade, version_of

if TYPE_CHECKING:
    from filelock import FileLock
    from tinydb import TinyDB

DEFAULT_BACKUPS = 3
DEFAULT_LOCK_TIMEOUT = 5.0
# Messages are said later, by the face, in the language it speaks then.
_tr = Deferred("store")


def serialise(data: Any) -> str:
    """JSON text of `data`, refusing what JSON cannot hold faithfully (dates, sets, NaN,
    a lone surrogate that UTF-8 cannot encode, nesting too deep to write)."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        text.encode("utf-8")  # a lone surrogate ("\ud800") passes dumps, not the disk
    except (TypeError, ValueError, RecursionError) as exc:
        raise StoreValueError(f"value cannot be stored: {str(exc)[:160]}") from exc
    return text


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON can hold")


def loads(raw: bytes | str) -> Any:
    """`json.loads` that refuses NaN and Infinity (coach never writes them) and turns
    nesting too deep for Python into a ValueError like any other damage."""
    try:
        return json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def parse(kind: str, raw: bytes, *, expect_id: str | None = None) -> tuple[dict, int]:
    """Parse and upgrade a file's bytes; ValueError (incl. ShapeError) when it is unusable."""
    data = loads(raw.decode("utf-8"))
    try:
        data, found = upgrade(kind, data)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if found <= SCHEMA:
        check_shape(kind, data, expect_id=expect_id)
    else:
        version_of(kind, data)  # a newer file: only its envelope can be checked
        for name, table in data.items():
            if not isinstance(table, dict):
                raise ShapeError(f"table {name!r} is not an object")
    return data, found


class DataFile:
    def __init__(self, path: Path, kind: str, *, label: Msg,
                 backups: int = DEFAULT_BACKUPS, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 expect_id: str | None = None) -> None:
        self.path = path
        self.kind = kind
        self.label = label            # how messages name this file's owner ("client X", ...)
        self.backups = backups
        self.expect_id = expect_id
        self._lock_timeout = lock_timeout
        self._file_lock: FileLock | None = None   # made on first use: see _lock
        self._text: str | None = None      # the file as on disk (TinyDB parses copies)
        self._data: dict[str, Any] | None = None  # parsed once; never handed out to change
        self.generation = 0             # bumped whenever the state changes
        self._sig: tuple[int, int, int] | None = None
        self._db: TinyDB | None = None
        self._loaded = False
        self.version = SCHEMA          # schema of the file as found on disk
        self.migrated_from: int | None = None
        self.read_only: Msg | None = None   # reason writes are refused, if they are
        self.notices: list[Msg] = []
        self.restored = False          # set when a backup replaced the file (summaries may lag)

    @property
    def _lock(self) -> FileLock:
        # filelock is imported when a file is first locked, not when the store is: its
        # import is 15 ms of the wait for the TUI's first screen, which only reads.
        if self._file_lock is None:
            from filelock import FileLock

            self._file_lock = FileLock(str(self.path) + ".lock", timeout=self._lock_timeout,
                                       mode=0o600)
        return self._file_lock

    # -- state ------------------------------------------------------------------
    @property
    def exists(self) -> bool:
        self.refresh()
        return self._text is not None

    def read_state(self) -> dict[str, Any] | None:
        """A fresh copy of the state (the caller may change it): parsed from the text."""
        return loads(self._text) if self._text is not None else None

    def peek(self) -> dict[str, Any] | None:
        """The state itself, parsed once per version of the file: read it, never change it
        (a large index is listed on every open; copying it would double the cost)."""
        self.refresh()
        if self._data is None and self._text is not None:
            self._data = loads(self._text)
        return self._data

    def data(self) -> dict[str, Any]:
        self.refresh()
        return self.read_state() or {}

    @property
    def db(self) -> TinyDB:
        self.refresh()
        if self._db is None:
            # TinyDB is imported when a file is first queried through it, not with the
            # store: the TUI's first screen only reads (9 ms of its wait).
            from tinydb import TinyDB

            from coach.store.tinystorage import AtomicStorage

            self._db = TinyDB(storage=lambda: AtomicStorage(self))
        return self._db

    def refresh(self) -> None:
        """Bring the in-memory state up to date with the disk; cheap when nothing changed."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self._text is not None or not self._loaded:
                self._loaded = True
                self._forget_state()
                if self._existing_backups():
                    self._recover(_tr.gettext("the file is missing"))
            return
        except OSError as exc:  # a file where a folder should be, no permission...
            raise StoreError(_tr.gettext("{what}: cannot read {file}: {reason}").format(
                what=self.label, file=self.path, reason=exc.strerror or str(exc)),
                path=self.path) from exc
        if self._loaded and (st.st_ino, st.st_mtime_ns, st.st_size) == self._sig:
            return
        self._loaded = True
        self._load()

    def _forget_state(self) -> None:
        self._text, self._data, self._sig, self._db = None, None, None, None
        self.generation += 1

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                st = os.fstat(fh.fileno())
                raw = fh.read()
        except FileNotFoundError:
            self._loaded = False
            self.refresh()
            return
        except OSError as exc:  # the system refuses (EACCES, EIO...): not what the bytes
            raise self._read_error(exc) from exc  # say, so nothing is moved or restored
        try:
            data, found = parse(self.kind, raw, expect_id=self.expect_id)
        except ValueError as exc:
            self._recover(_reason(exc))
            return
        self._accept(data, found, (st.st_ino, st.st_mtime_ns, st.st_size), raw)

    def _read_error(self, exc: OSError, path: Path | None = None) -> StoreError:
        """The system refused to read `path` (this file, or one beside it)."""
        path = path or self.path
        return StoreError(_tr.gettext("{what}: cannot read {file}: {reason}").format(
            what=self.label, file=path, reason=exc.strerror or str(exc)), path=path)

    def _accept(self, data: dict[str, Any], found: int, sig: tuple[int, int, int],
                raw: bytes) -> None:
        # The text as read when it is current (no re-serialisation of a large index).
        text = raw.decode("utf-8") if found == SCHEMA else serialise(data)
        self._text, self._data, self._sig, self._db = text, data, sig, None
        self.generation += 1
        self.version = found
        if found > SCHEMA:
            self.read_only = _tr.gettext(
                "{what} was written by a newer version of coach (file schema {found}, this "
                "coach knows {known}); it is open read-only: update coach to change it."
            ).format(what=self.label, found=found, known=SCHEMA)
            self.notices.append(self.read_only)
        elif found < SCHEMA and self.read_only is None:
            self.migrated_from = found
            # Write the upgrade back (the old file stays as the first backup).
            with self.locked():
                if self.version < SCHEMA:
                    self.write_state(data)
                    self.version = SCHEMA

    # -- locking ----------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this file's lock (waiting a little), with the state refreshed inside."""
        try:
            fsutil.ensure_private_dir(self.path.parent)
        except OSError as exc:
            raise self._io_error(exc) from exc
        with self._held_lock():
            self.refresh()
            yield

    def try_lock(self) -> bool:
        """Take the lock only if it is free right now (used to clean up after crashes)."""
        return self._acquire(timeout=0)

    def unlock(self) -> None:
        self._lock.release()

    # -- writing ----------------------------------------------------------------
    def write_state(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise ReadOnlyWorkspace(self.read_only, path=self.path)
        if not self._lock.is_locked:
            raise RuntimeError(f"write to {self.path} without its lock")  # a bug in coach
        text = serialise(data)
        try:
            check_shape(self.kind, data, expect_id=self.expect_id)
        except ShapeError as exc:
            raise StoreValueError(f"{self.path.name}: refusing to write: {exc}") from exc
        self.write_text(text, None)

    def write_text(self, text: str, data: dict[str, Any] | None) -> None:
        """Write `text`, already serialised and checked, whose parsed form is `data`
        (handed over: the caller keeps no reference it would change), or None to parse
        it again only when someone reads it."""
        if self.read_only:
            raise ReadOnlyWorkspace(self.read_only, path=self.path)
        if not self._lock.is_locked:
            raise RuntimeError(f"write to {self.path} without its lock")  # a bug in coach
        try:
            fsutil.ensure_private_dir(self.path.parent)
            fsutil.atomic_write(self.path, text.encode("utf-8"), backups=self.backups)
            st = os.stat(self.path)
        except OSError as exc:  # disk full, permissions...: the old file is still whole
            raise self._io_error(exc) from exc
        self._text, self._data, self._db = text, data, None
        self._sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        self.generation += 1
        self._loaded = True

    def _io_error(self, exc: OSError) -> StoreError:
        # The file the system names (a .bak3 that is a folder), else the data file.
        return StoreError(_tr.gettext("{what}: cannot write {file}: {reason}").format(
            what=self.label, file=exc.filename or self.path,
            reason=exc.strerror or str(exc)), path=self.path)

    def create(self, data: dict[str, Any]) -> None:
        with self.locked():
            self.write_state(data)

    # -- damage -----------------------------------------------------------------
    def _existing_backups(self) -> list[Path]:
        return [p for gen in range(1, self.backups + 1)
                if (p := fsutil.backup_path(self.path, gen)).exists()]

    def _recover(self, reason: Msg | str) -> None:
        """The file is unreadable or missing: restore the newest valid backup, or fail."""
        with self._held_lock():
            # Another process may have repaired it while we waited for the lock.
            try:
                raw = self.path.read_bytes()
                data, found = parse(self.kind, raw, expect_id=self.expect_id)
                st = os.stat(self.path)
                self._accept(data, found, (st.st_ino, st.st_mtime_ns, st.st_size), raw)
                return
            except FileNotFoundError:
                pass
            except OSError as exc:  # the system refuses now: touch nothing
                raise self._read_error(exc) from exc
            except ValueError:
                pass
            for backup in self._existing_backups():
                try:
                    raw = backup.read_bytes()
                    parse(self.kind, raw, expect_id=self.expect_id)
                except (ValueError, OSError):  # a damaged or unreadable backup: the next
                    continue
                try:
                    when = datetime.fromtimestamp(backup.stat().st_mtime).strftime(
                        "%Y-%m-%d %H:%M")
                    aside = self._move_aside()
                    fsutil.atomic_write(self.path, raw, backups=0)
                except OSError as exc:  # a full disk while restoring: say it, keep both
                    raise self._io_error(exc) from exc
                if aside is not None:
                    msg = _tr.gettext(
                        "{what}: {file} could not be read ({reason}). It was kept as {aside} and "
                        "the backup from {when} was restored."
                    ).format(what=self.label, file=self.path, reason=reason, aside=aside.name,
                             when=when)
                else:
                    msg = _tr.gettext(
                        "{what}: {file} was missing; the backup from {when} was restored."
                    ).format(what=self.label, file=self.path, when=when)
                self.notices.append(msg)
                self.restored = True
                data, found = parse(self.kind, raw, expect_id=self.expect_id)
                st = os.stat(self.path)
                self._accept(data, found, (st.st_ino, st.st_mtime_ns, st.st_size), raw)
                return
            raise DamagedFile(_tr.gettext(
                "{what}: {file} could not be read ({reason}) and no valid backup exists. "
                "The file was left untouched; move it away or restore it by hand."
            ).format(what=self.label, file=self.path, reason=reason), path=self.path)

    @contextlib.contextmanager
    def _held_lock(self) -> Iterator[None]:
        self._acquire()
        try:
            yield
        finally:
            self._lock.release()

    def _acquire(self, timeout: float | None = None) -> bool:
        """Take the lock; False if `timeout` passed (StoreLocked when no timeout given)."""
        from filelock import Timeout

        try:
            if timeout is None:
                self._lock.acquire()
            else:
                self._lock.acquire(timeout=timeout)
        except Timeout:  # before OSError: filelock's Timeout is a TimeoutError
            if timeout is not None:
                return False
            raise StoreLocked(_tr.gettext(
                "{what} is being saved by another coach process (still locked after {secs} "
                "seconds). Try again in a moment."
            ).format(what=self.label, secs=int(self._lock_timeout)), path=self.path) from None
        except OSError as exc:  # the lock file is a folder, the folder is read-only...
            raise StoreError(_tr.gettext("{what}: cannot lock {file}: {reason}").format(
                what=self.label, file=self._lock.lock_file,
                reason=exc.strerror or str(exc)), path=self.path) from exc
        return True

    def _move_aside(self) -> Path | None:
        """Keep the unreadable bytes, untouched, next to the file."""
        if not self.path.exists():
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        fsutil.replace(self.path, aside)
        if fsutil.POSIX_MODES:  # the bytes are kept as they were, not who may read them
            with contextlib.suppress(OSError):
                os.chmod(aside, fsutil.FILE_MODE)
        return aside

    # -- erasing ----------------------------------------------------------------
    def related_files(self) -> list[Path]:
        """The file and everything derived from it: backups, damaged copies, temps, lock."""
        folder, name = self.path.parent, self.path.name
        if not folder.is_dir():
            return []
        return [p for p in folder.iterdir()
                if p.name == name or p.name.startswith(name + ".")
                or p.name.startswith(name + fsutil.TEMP_MARK)]

    def erase(self) -> None:
        """Delete the file, its backups, damaged copies and temps (the caller holds the lock)."""
        # The data file last: a kill before it leaves the client whole (fewer backups).
        for p in sorted(self.related_files(), key=lambda p: p == self.path):
            if p.name != self.path.name + ".lock":
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
        self._forget_state()
        fsutil.fsync_dir(self.path.parent)

    def remove_lock_file(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            Path(str(self.path) + ".lock").unlink()


def _reason(exc: BaseException) -> Msg | str:
    """Why a file could not be read, in the user's language for the usual cases."""
    if isinstance(exc, UnicodeDecodeError):
        return _tr.gettext("not UTF-8 text")
    if isinstance(exc, json.JSONDecodeError):
        return _tr.gettext("not valid JSON at line {line}, column {column}").format(
            line=exc.lineno, column=exc.colno)
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:160]
