"""The index with a log of recent changes beside it, so that a change costs what it
changes, not what the index holds.

Rewriting index.json for every new client made creating the 1,000th client cost twice
the first (a 400 kB atomic write, and the file system's work behind it, against one of a
few hundred bytes). The changes that only add or update entries (a new client, a saved
assessment's summary) are appended instead to `index.json.log`, one JSON line each,
fsync'd; every other change, and every 200th, writes the whole index again (which then
removes the log). Readers apply the log over the index they read.

    {"base":"<token>","size":<bytes of index.json>,"put":{"<doc id>":{entry},...}}

Each full write gives index.json a new random token (`meta.1.log`), and a line counts
only when it names the token and the size of the index it extends. So a log left behind by a crash
between a full write and the log's removal, or one beside an index restored from a
backup, is stale: never applied, removed at the next full write (and on open, when its
lock is free). A client removed (forget) always takes a full write: no byte of it stays
in a log.

A kill during an append leaves at most a torn last line (no newline): ignored, and cut
off before the next append. A line that does not read as a change stops the reading
there (later lines could depend on it); the next change then writes the whole index.
The client files remain the truth: what a lost line held is found again by the open's
reconcile (coach/store/repair.py), as for a kill between a client file and the index.

Older coach versions read index.json only; they miss the log's latest changes and adopt
those clients from their files, as after any such kill. An index written again by one
keeps its token but not its size: the log then counts as stale too.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from coach.store import fsutil
from coach.store.errors import StoreError
from coach.store.names import is_client_id
from coach.store.storage import DataFile, loads, serialise

LOG_SUFFIX = ".log"
# Appends before the whole index is written again: the log stays small to read, and a
# full write every 200 changes costs each change a 200th of it.
MAX_LINES = 200


def new_token() -> str:
    return secrets.token_hex(8)


def token_of(state: Mapping[str, Any] | None) -> str | None:
    meta = (state or {}).get("meta")
    first = meta.get("1") if isinstance(meta, dict) else None
    token = first.get("log") if isinstance(first, dict) else None
    return token if isinstance(token, str) and token else None


class LoggedIndex(DataFile):
    """index.json and its log (see the module's docstring)."""

    def __init__(self, path: Path, kind: str, **kw: Any) -> None:
        super().__init__(path, kind, **kw)
        self.log_path = path.with_name(path.name + LOG_SUFFIX)
        self._seen = -1                 # the base generation the log was applied to
        self._log_sig: tuple[int, int, int] | None = None
        self._good = 0                  # bytes of the log up to its last whole line
        self.log_lines = 0              # lines applied
        self.log_usable = True          # False: stale or bad lines; write the whole index
        self._pristine = True           # _data is exactly the parse of _text
        self._stale_seen = False        # a stale log was read: remove it if it still is
        # Clients named by lines not applied (stale, or after a bad line): the open's
        # reconcile recomputes their summaries from their files (coach/store/repair.py).
        self.unapplied: set[str] = set()

    # -- reading ----------------------------------------------------------------
    def refresh(self) -> None:
        super().refresh()
        sig = self._stat_log()
        if self.generation != self._seen or sig != self._log_sig:
            self._apply_log(sig)
        if self._stale_seen:
            self._stale_seen = False
            self._drop_stale_log()

    @property
    def lines_text(self) -> str:
        # The base's own lines hold the entries only when no logged change is over them.
        return (self._text or "") if self._pristine and not self.log_lines else ""

    def _stat_log(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.log_path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._read_error(exc, self.log_path) from exc
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _apply_log(self, sig: tuple[int, int, int] | None) -> None:
        raw = b""
        if sig is not None:
            try:
                raw = self.log_path.read_bytes()
            except FileNotFoundError:
                sig = None
            except OSError as exc:  # the system refuses: not damage, touch nothing
                raise self._read_error(exc, self.log_path) from exc
        if self.log_lines or not self._pristine:
            # Lines applied before, or changes made in place: start again from the base.
            self._data = loads(self._text) if self._text is not None else None
        self._pristine = True
        self.log_lines, self.log_usable, self._good = 0, True, 0
        token = token_of(self.peek_base())
        size = self._sig[2] if self._sig is not None else None
        stale = False
        data = self._data
        owner: dict[str, str] | None = None   # client id -> doc id, made when first needed
        pos = 0
        while True:
            end = raw.find(b"\n", pos)
            if end < 0:
                break  # a torn last line (a kill mid-append), or the end
            change = _change(raw[pos:end])
            if change is None:
                self.log_usable = False
                break
            # Each line names the index it extends by its token and its size: an index
            # written again by an older coach keeps the token, not the size.
            if change["base"] != token or change["size"] != size or data is None:
                stale, self.log_usable = True, False
                break
            clients = data.setdefault("clients", {})
            if owner is None:
                owner = {str(e.get("id")): d for d, e in clients.items()
                         if isinstance(e, dict)}
            if not _fits(change, clients, owner):   # a doc or a client under two names
                self.log_usable = False
                break
            for doc_id, entry in change["put"].items():
                clients[doc_id] = entry
                owner[entry["id"]] = doc_id
            self.log_lines += 1
            self._pristine = False
            pos = end + 1
        self._good = pos
        self.unapplied = _named(raw[pos:]) if not self.log_usable else set()
        self._log_sig = sig
        self.generation += 1
        self._seen = self.generation
        self._stale_seen = stale and not self.log_lines

    def peek_base(self) -> dict[str, Any] | None:
        if self._data is None and self._text is not None:
            self._data = loads(self._text)
        return self._data

    def read_state(self) -> dict[str, Any] | None:
        self.refresh()
        data = self.peek_base()
        return loads(serialise(data)) if data is not None else None

    def _drop_stale_log(self) -> None:
        """A log that extends another index than this one: removed if nobody is writing
        and it still does, judged under the lock against index.json as it is on disk now
        (not the copy read before: a writer may since have written the index and a new
        log, which is not stale at all)."""
        with contextlib.suppress(StoreError, OSError):
            if self.read_only or not self.try_lock():
                return
            try:
                DataFile.refresh(self)            # the index on disk, nobody writing
                first = _first_change(self.log_path)
                size = os.stat(self.path).st_size
                if first is not None and (first["base"] != token_of(self.peek_base())
                                          or first["size"] != size):
                    self._remove_log()
            finally:
                self.unlock()

    # -- writing ----------------------------------------------------------------
    def can_append(self) -> bool:
        return (self.read_only is None and self.log_usable and self.log_lines < MAX_LINES
                and token_of(self.peek_base()) is not None)

    def append(self, put: Mapping[str, dict[str, Any]], state: dict[str, Any]) -> None:
        """Log entries added or replaced (the lock is held, `can_append()` said yes);
        `state` is the index with them, which the caller completes in place."""
        if not self._lock.is_locked:
            raise RuntimeError(f"write to {self.log_path} without its lock")  # a bug in coach
        size = self._sig[2] if self._sig is not None else None
        line = serialise({"base": token_of(state), "size": size, "put": dict(put)}) + "\n"
        data = line.encode("utf-8")
        created = self._log_sig is None
        try:
            if self._log_sig is not None and self._log_sig[2] != self._good:
                os.truncate(self.log_path, self._good)   # cut a torn last line off
            fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT
                         | getattr(os, "O_BINARY", 0), fsutil.FILE_MODE)
            try:
                if created and fsutil.POSIX_MODES:
                    os.fchmod(fd, fsutil.FILE_MODE)
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
            if created:
                fsutil.fsync_dir(self.path.parent)
            st = os.stat(self.log_path)
        except OSError as exc:  # a full disk: the line is not there (or is cut off now)
            with contextlib.suppress(OSError):
                if self.log_path.exists():
                    os.truncate(self.log_path, self._good)
            raise self._io_error(exc) from exc
        self._data, self._db = state, None
        self._pristine = False
        self.log_lines += 1
        self._good += len(data)
        self._log_sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        self.generation += 1
        self._seen = self.generation

    def write_text(self, text: str, data: dict[str, Any] | None) -> None:
        """The whole index (its text carries a new token): the log is superseded."""
        super().write_text(text, data)
        self._pristine = True
        self.log_lines, self.log_usable, self._good = 0, True, 0
        self._remove_log()
        self._log_sig = None
        self._seen = self.generation

    def _remove_log(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.log_path)
        self._log_sig = None


def _change(line: bytes) -> dict[str, Any] | None:
    """One line of the log, or None when it does not read as a change."""
    try:
        change = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(change, dict) or not isinstance(change.get("base"), str):
        return None
    put = change.get("put")
    if not isinstance(put, dict):
        return None
    for doc_id, entry in put.items():
        if not (doc_id.isascii() and doc_id.isdigit() and isinstance(entry, dict)
                and is_client_id(str(entry.get("id"))) and isinstance(entry.get("name"), str)
                and entry["name"]):
            return None
    size = change.get("size")
    if size.__class__ is not int:
        return None
    return {"base": change["base"], "size": size, "put": put}


def _fits(change: Mapping[str, Any], clients: Mapping[str, Any],
          owner: Mapping[str, str]) -> bool:
    """A line coach could have written: each entry stays under its own doc id (a doc
    never changes client, a client never gets a second doc)."""
    for doc_id, entry in change["put"].items():
        held = clients.get(doc_id)
        if isinstance(held, dict) and held.get("id") != entry["id"]:
            return False
        if owner.get(entry["id"], doc_id) != doc_id:
            return False
    return True


def _named(raw: bytes) -> set[str]:
    """The client ids that the lines of `raw` name, as far as they can be read."""
    found: set[str] = set()
    for line in raw.split(b"\n"):
        with contextlib.suppress(ValueError, RecursionError, TypeError, AttributeError):
            put = json.loads(line).get("put")
            found.update(str(e.get("id")) for e in put.values() if isinstance(e, dict))
    return {cid for cid in found if is_client_id(cid)}


def _first_change(path: Path) -> dict[str, Any] | None:
    """The first line of a log, read as a change (or None)."""
    try:
        with open(path, "rb") as fh:
            change = _change(fh.readline().rstrip(b"\n"))
    except OSError:
        return None
    return change
