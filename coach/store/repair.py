"""What the workspace repairs when it opens, and forgetting a client for good.

Each change touches the client file first and the index second; a kill in between
leaves a `.pending` marker (summary not updated yet), a client file with no entry
(killed while creating), or an entry with no file (killed while forgetting). The
client file is the truth, so the index follows it. Each repair stands alone: one
unreadable file becomes a notice and the listing of a damaged client, never the end
of the other repairs.

Forgetting leaves a `.forget` marker until the client is gone from every file of the
workspace (its files, side files, backups, damaged copies, every generation of the
index); an open that finds one finishes the job.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from coach.i18n import Deferred
from coach.store import fsutil
from coach.store.errors import DamagedFile, ReadOnlyWorkspace, StoreError
from coach.store.indexfile import entry_line, head, render
from coach.store.indexlog import new_token
from coach.store.names import MAX_NAME, is_client_id, name_key
from coach.store.schema import SCHEMA, empty_summary
from coach.store.sidefiles import PARTS, side_dir
from coach.store.storage import parse, serialise
from coach.store.summary import client_summary

_tr = Deferred("store")  # messages said later, by the face
_ID_LEN = 34  # "c-" and 32 hex digits


class Scan(NamedTuple):
    """What clients/ holds, by client id (one pass over the folder, no sorting)."""

    files: set[str]        # c-<id>.json
    backups: set[str]      # c-<id>.json.bak1 (a file lost, its backup left)
    pending: set[str]      # c-<id>.json.pending (a change between client and index)
    forgetting: set[str]   # c-<id>.forget (a forget under way)
    temps: list[str]       # temp files left in clients/ (by a crash, or a live writer)


_KINDS = {".json": "files", ".json.bak1": "backups", ".json.pending": "pending",
          ".forget": "forgetting"}


class Repairs:
    """The repair half of `Workspace` (a mixin: it uses the workspace's files and index)."""

    def _scan(self: Any) -> Scan:
        found: dict[str, set[str]] = {k: set() for k in _KINDS.values()}
        temps: list[str] = []
        try:
            entries = os.scandir(self.clients_dir)
        except (FileNotFoundError, NotADirectoryError):
            return Scan(set(), set(), set(), set(), [])
        except OSError as exc:
            raise self._index._read_error(exc) from exc
        with entries:
            for entry in entries:
                name = entry.name
                kind = _KINDS.get(name[_ID_LEN:]) if name.startswith("c-") else None
                if kind is not None:
                    found[kind].add(name[:_ID_LEN])
                elif fsutil.TEMP_MARK in name:
                    temps.append(name)
        ids = [{cid for cid in found[k] if is_client_id(cid)} for k in Scan._fields[:4]]
        return Scan(*ids, temps)

    def _reconcile(self: Any, scan: Scan) -> None:
        """Make the index follow the client files (see the module's docstring)."""
        for cid in sorted(scan.forgetting):
            self._repair(self._finish_forget, cid)
        entries = self._index_entries()
        known = set(entries)
        on_disk = scan.files | scan.backups
        stale = {cid for cid, (_d, e) in entries.items() if e.get("dirty")}
        stale |= scan.pending & known
        # Clients named by index-log lines not applied (stale, or after a bad line): the
        # change they held is recomputed from their files (coach/store/indexlog.py).
        stale |= self._index.unapplied & known
        orphans = on_disk - known - scan.forgetting
        missing = known - on_disk - scan.forgetting
        for cid in sorted(stale - scan.forgetting):
            self._repair(self._repair_summary, cid)
        for cid in sorted(orphans):
            self._repair(self._adopt, cid)
        for cid in sorted(missing):
            self._repair(self._drop_missing, cid)
        for cid in scan.pending - known - orphans:
            self._unmark(cid)

    def _repair(self: Any, fix: Callable[[str], None], client_id: str) -> None:
        try:
            fix(client_id)
        except ReadOnlyWorkspace:
            pass
        except StoreError as exc:
            self.notices.extend(exc.lines)

    # -- pending changes -----------------------------------------------------------
    def _marker(self: Any, client_id: str) -> Path:
        return self.clients_dir / f"{client_id}.json.pending"

    @contextlib.contextmanager
    def _pending(self: Any, client_id: str) -> Iterator[None]:
        """Mark a change between the client file and the index; unmarked once both are
        written (a failure leaves the mark: the next open recomputes, harmlessly)."""
        from coach.store.workspace import _KeepPending

        marker = self._marker(client_id)
        try:
            # Empty, so nothing to fsync; its folder entry is made durable by the folder
            # fsync of the client file's own save, which follows in the same folder.
            os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, fsutil.FILE_MODE))
        except FileExistsError:
            pass
        except OSError as exc:
            raise self._client_file(client_id)._io_error(exc) from exc
        try:
            yield
        except _KeepPending:
            return
        self._unmark(client_id)

    def _unmark(self: Any, client_id: str) -> None:
        with contextlib.suppress(OSError):
            self._marker(client_id).unlink()

    def _repair_summary(self: Any, client_id: str) -> None:
        df = self._client_file(client_id, self._index_entries()[client_id][1].get("name"))
        if not df.try_lock():
            return  # its writer is alive and will finish the job
        try:
            data = df.peek()
            if data:
                name = data["meta"]["1"]["name"]
                summary = client_summary(_ordered(data.get("assessments", {})))
                with self._index_locked():
                    found = self._index_entries().get(client_id)
                    if found is not None:
                        entry = {**found[1], **summary, "name": name, "key": name_key(name)}
                        entry.pop("dirty", None)
                        self._index_apply({client_id: entry})
            self._unmark(client_id)
        finally:
            df.unlock()
            self._collect_notices(df)

    # -- orphans and missing files -------------------------------------------------
    def _adopt(self: Any, client_id: str) -> None:
        """A client file the index does not list: listed again under its own name (or
        with a visible suffix when another client has it), or as damaged."""
        df = self._client_file(client_id)
        if not df.try_lock():
            return
        try:
            try:
                data = df.peek()
            except DamagedFile as exc:
                self._list_damaged(client_id, exc)
                return
            finally:
                self._collect_notices(df)
            if not data:
                return
            with self._index_locked():
                if client_id in self._index_entries():
                    return
                name = data["meta"]["1"]["name"]
                unique = self._unique_name(name)
                if unique != name:
                    fresh = df.read_state() or {}
                    fresh["meta"]["1"]["name"] = unique
                    df.write_state(fresh)
                    data = fresh
                df.label = self._label(unique)
                assessments = _ordered(data.get("assessments", {}))
                last = max([a.get("date") or "" for a in assessments] + [""]) or None
                self._index_apply({client_id: self._entry_for(data, assessments, last)})
            if unique != name:
                self.notices.append(_tr.gettext(
                    "{file} was not in the client list; it was added back as \"{new}\", "
                    "since another client is named \"{name}\"."
                ).format(file=df.path, new=unique, name=name))
            else:
                self.notices.append(_tr.gettext(
                    "{what}: its file was not in the client list; it was added back."
                ).format(what=self._label(name)))
        finally:
            df.unlock()

    def _unique_name(self: Any, name: str) -> str:
        if not self._taken(name):
            return name
        n = 2
        while True:
            suffix = f" ({n})"
            candidate = name[:MAX_NAME - len(suffix)] + suffix
            if not self._taken(candidate):
                return candidate
            n += 1

    def _list_damaged(self: Any, client_id: str, exc: StoreError) -> None:
        """An unreadable client file, not in the index: listed under its file name so
        that it can be looked at (`coach history`) or forgotten, never silently hidden."""
        shown = f"{client_id}.json"
        with self._index_locked():
            if client_id in self._index_entries():
                return
            entry = {"id": client_id, "name": shown, "key": name_key(shown), "created": None,
                     "last_activity": None, **empty_summary(), "damaged": True}
            self._index_apply({client_id: entry})
        self.notices.extend(exc.lines)
        self.notices.append(_tr.gettext(
            "It is listed as \"{name}\": look at it, restore it by hand, or forget it."
        ).format(name=shown))

    def _drop_missing(self: Any, client_id: str) -> None:
        with self._index_locked():
            found = self._index_entries().get(client_id)
            df = self._client_file(client_id)
            if found is None or df.path.exists() or fsutil.backup_path(df.path, 1).exists():
                return
            self._remove_from_index(client_id)
        self.notices.append(_tr.gettext(
            "{what}: its file was missing, so it was removed from the client list."
        ).format(what=self._label(found[1]["name"])))

    # -- rebuilding ------------------------------------------------------------------
    def _clean_temps(self: Any, scan: Scan) -> None:
        """Remove temp files left by a crash; a live writer's temp is protected by its lock.
        clients/ was listed by the scan already (one pass over 50,000 names, not two)."""
        found = [(self.clients_dir, name) for name in scan.temps]
        for folder in [self.path] + [side_dir(self.clients_dir, p) for p in PARTS]:
            try:
                found += [(folder, e.name) for e in os.scandir(folder)
                          if fsutil.is_temp_name(e.name)]
            except OSError:
                continue
        if not found:
            return
        from filelock import FileLock, Timeout  # imported only when a crash left temp files

        for folder, name in found:
            target = folder / fsutil.data_name_of_temp(name)
            lock = FileLock(str(target) + ".lock", timeout=0, mode=0o600)
            try:
                lock.acquire()
            except (Timeout, OSError):
                continue  # its writer is alive and holds the lock (or cannot lock here)
            try:
                with contextlib.suppress(OSError):
                    os.unlink(folder / name)
            finally:
                lock.release()

    def _client_files(self: Any) -> list[Path]:
        if not self.clients_dir.is_dir():
            return []
        return sorted(p for p in self.clients_dir.iterdir()
                      if p.suffix == ".json" and is_client_id(p.stem))

    def _write_whole_index(self: Any, clients: dict[str, Any],
                           settings: dict[str, Any]) -> None:
        # A new token: a log beside the old index is stale (coach/store/indexlog.py).
        meta = {"1": {"schema": SCHEMA, "kind": "index", "log": new_token()}}
        lines = {k: entry_line(k, e) for k, e in clients.items()}
        self._index.write_text(render(head(meta, settings), lines.values()),
                               {"meta": meta, "settings": settings, "clients": clients})
        self._lines = (self._index.generation, lines,
                       max((int(k) for k in clients), default=0))

    def _rebuild_index(self: Any) -> None:
        """Recreate the index from the client files (it only holds derived data)."""
        clients: dict[str, Any] = {}
        taken: set[str] = set()
        for n, path in enumerate(self._client_files(), start=1):
            data = self._data_or_notice(self._client_file(path.stem))
            if not data:
                continue
            assessments = _ordered(data.get("assessments", {}))
            last = max([a.get("date") or "" for a in assessments] + [""]) or None
            entry = self._entry_for(data, assessments, last)
            if entry["key"] in taken:  # two files claim one name: both stay visible
                entry["name"] = f"{entry['name'][:MAX_NAME - 40]} ({path.stem})"
                entry["key"] = name_key(entry["name"])
            taken.add(entry["key"])
            clients[str(n)] = entry
        old = self._index.peek()
        settings = old["settings"] if old and isinstance(old.get("settings"), dict) else {}
        if self.read_only:
            return
        with self._index.locked():
            self._write_whole_index(clients, settings)
        self._collect_notices(self._index)

    def _data_or_notice(self: Any, df: Any) -> dict[str, Any] | None:
        """A client file's data for a sweep over all clients: one unreadable file becomes
        a notice (None) instead of stopping the sweep; recovery notices are collected."""
        try:
            return df.peek()
        except StoreError as exc:
            self.notices.extend(exc.lines)
            return None
        finally:
            self._collect_notices(df)

    def _resummarize(self: Any) -> None:
        """After an index migration: recompute every summary from the client files."""
        with contextlib.suppress(ReadOnlyWorkspace):
            with self._index_locked():
                state = self._index.peek() or {}
                clients = {}
                for doc_id, doc in state.get("clients", {}).items():
                    entry = dict(doc)
                    data = self._data_or_notice(self._client_file(doc["id"], doc["name"]))
                    if data is not None:
                        entry.update(client_summary(_ordered(data.get("assessments", {}))))
                    clients[doc_id] = entry
                self._write_whole_index(clients, state.get("settings", {}))

    # -- forgetting ------------------------------------------------------------------
    def forget_client(self: Any, client_id: str) -> None:
        """Erase the client everywhere: files, side files, backups, damaged copies, locks,
        index entry and every older generation of the index."""
        self._check_writable()
        entry = self.client(client_id)
        self._forget(client_id, entry.name)

    def _finish_forget(self: Any, client_id: str) -> None:
        found = self._index_entries().get(client_id)
        self._forget(client_id, found[1]["name"] if found else None)

    def _forget_marker(self: Any, client_id: str) -> Path:
        return self.clients_dir / f"{client_id}.forget"

    def _mark_forget(self: Any, client_id: str) -> None:
        """From here on the client is as good as forgotten: the next open finishes it."""
        marker = self._forget_marker(client_id)
        if self.clients_dir.is_dir() and not marker.exists():
            fsutil.write_private(marker, b"")
            fsutil.fsync_dir(self.clients_dir)

    def _forget(self: Any, client_id: str, name: str | None) -> None:
        df = self._client_file(client_id, name)
        marker = self._forget_marker(client_id)
        sides = [self.side_file(client_id, part) for part in PARTS]
        try:
            with df._held_lock():
                self._mark_forget(client_id)
                for side in sides:
                    with side._held_lock():
                        side.erase()
                df.erase()
                with self._index_locked():
                    self._remove_from_index(client_id, name)
            for side in sides:
                side.remove_lock_file()
            df.remove_lock_file()
            with contextlib.suppress(FileNotFoundError):
                marker.unlink()
            fsutil.fsync_dir(self.clients_dir)
        except OSError as exc:  # a read-only folder...: say what is left, run forget again
            raise StoreError(_tr.gettext(
                "{what}: could not erase everything ({reason}: {file}). Fix the folder's "
                "permissions and run the same command again."
            ).format(what=self._label(name or client_id), reason=exc.strerror or str(exc),
                     file=exc.filename or df.path), path=df.path) from exc
        self._clients.pop(client_id, None)
        for part in PARTS:
            self._sides.pop((client_id, part), None)

    def _remove_from_index(self: Any, client_id: str, name: str | None = None) -> None:
        """The entry goes from index.json without keeping the old generation (it names
        the client), then from every older generation and damaged copy (the index lock
        is held)."""
        names = {name} if name else set()
        found = self._index_entries().get(client_id)
        if found is not None:
            names.add(found[1].get("name"))
        values = dict(self._settings())
        kept = {k: v for k, v in values.items() if v != client_id and v not in names}
        settings = None if kept == values else {"1": {"values": kept}}
        if found is not None or settings is not None:
            self._index_apply({client_id: None}, settings=settings, backups=False)
        self._scrub_index_copies(client_id, names)

    def _scrub_index_copies(self: Any, client_id: str, names: set[str]) -> None:
        """Older generations of the index still name the client: rewrite or remove them."""
        import json

        marks = {client_id.encode()}
        for name in names:
            if name:
                marks.add(name.encode("utf-8", "replace"))
                marks.add(json.dumps(name, ensure_ascii=True)[1:-1].encode())
                marks.add(serialise(name)[1:-1].encode("utf-8", "replace"))
        for path in self._index.related_files():
            if path == self._index.path or path.name.endswith(".lock"):
                continue
            raw = path.read_bytes()
            try:
                data, _found = parse("index", raw)
            except ValueError:
                if any(m in raw for m in marks):
                    path.unlink()  # an unreadable copy that names the client cannot stay
                continue
            clients = data.get("clients", {})
            for doc in clients.values():
                if doc.get("id") == client_id and isinstance(doc.get("name"), str):
                    names.add(doc["name"])
                    marks.add(doc["name"].encode("utf-8", "replace"))
                    marks.add(json.dumps(doc["name"], ensure_ascii=True)[1:-1].encode())
            if not any(m in raw for m in marks):
                continue
            data["clients"] = {k: v for k, v in clients.items() if v.get("id") != client_id}
            for doc in data.get("settings", {}).values():
                doc["values"] = {k: v for k, v in doc.get("values", {}).items()
                                 if v != client_id and v not in names}
            scrubbed = serialise(data).encode("utf-8")
            if any(m in scrubbed for m in marks):  # named elsewhere: keep today's index
                scrubbed = self._index.path.read_bytes()
            fsutil.atomic_write(path, scrubbed)
        fsutil.fsync_dir(self.path)


def _ordered(table: Any) -> list[dict[str, Any]]:
    from coach.store.workspace import _ordered as ordered

    return ordered(table)
