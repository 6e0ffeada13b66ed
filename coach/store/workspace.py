"""The workspace: a small index of clients plus one TinyDB file per client.

Layout (all files 0600, folders 0700):

    <workspace>/index.json            clients (id, name, dates, summary of the latest plan)
                                      and settings
    <workspace>/clients/c-<hex>.json  one client: meta (id, name), assessments (answers,
                                      plan snapshot, engine version, date, notes), draft
    <file>.bak1 .. .bak3              previous generations, newest first
    <file>.lock                       cross-process lock (filelock)
    <file>.damaged-<UTC stamp>        an unreadable file, moved aside untouched

File names come from generated ids, never from what people type. The index is
derived data: it can always be rebuilt from the client files. Lock order is
client file first, then index, everywhere, so two processes cannot deadlock.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb.table import Document

from coach import clock
from coach.i18n import LANGS, Deferred, Msg
from coach.store import fsutil
from coach.store.errors import (
    BadName,
    DamagedFile,
    ReadOnlyWorkspace,
    StoreError,
    StoreInputError,
    UnknownAssessment,
    UnknownClient,
)
from coach.store.names import MAX_NAME, clean_name, is_client_id, name_key, new_client_id
from coach.store.records import (
    AssessmentRecord,
    ClientSummary,
    Draft,
    assessment_of,
    client_summary_of,
)
from coach.store.schema import SCHEMA
from coach.store.storage import DEFAULT_BACKUPS, DEFAULT_LOCK_TIMEOUT, DataFile, parse, serialise
from coach.store.summary import client_summary

INDEX_NAME = "index.json"
CLIENTS_DIR = "clients"
SUMMARY_KEYS = ("assessments", "last_assessed", "focus", "space", "professional_hours",
                "budget_hours", "warnings", "warning_codes")


# Messages are said later, by the face, in the language it speaks then: the workspace
# holds no language (the TUI's can change while the workspace stays open).
_tr = Deferred("store")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _today() -> str:
    return clock.today().isoformat()


class Workspace:
    """All access to stored clients goes through here (the TUI, quick mode, the CLI)."""

    def __init__(self, path: Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 backups: int = DEFAULT_BACKUPS) -> None:
        self.path = Path(path)
        # What was repaired on the way (a file restored from its backup...): the face
        # says them, in its language, and clears the list.
        self.notices: list[Msg | str] = []
        self.read_only: Msg | None = None
        self._lock_timeout = lock_timeout
        self._backups = backups
        self._index = DataFile(self.path / INDEX_NAME, "index",
                               label=_tr.gettext("The client list"),
                               backups=backups, lock_timeout=lock_timeout)
        self._clients: dict[str, DataFile] = {}
        self._entries_gen: str | None = None
        self._entries: dict[str, tuple[int, dict[str, Any]]] = {}
        # The client list as records, for the version of the index they were made from.
        self._listed: tuple[str | None, list[ClientSummary]] = (None, [])

    # -- opening ----------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
             backups: int = DEFAULT_BACKUPS) -> Workspace:
        """Open (never create: folders appear at the first save) and repair what it can."""
        ws = cls(Path(path), lock_timeout=lock_timeout, backups=backups)
        ws._start()
        return ws

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing is buffered (every write went to disk); kept for symmetry."""

    @property
    def clients_dir(self) -> Path:
        return self.path / CLIENTS_DIR

    def _start(self) -> None:
        self._check_folder()
        if not self.path.is_dir():
            return
        fsutil.fix_dir_mode(self.path)
        fsutil.fix_dir_mode(self.clients_dir)
        self._clean_temps()
        self._load_index()
        if self._index.read_state() is None and self._client_files():
            self.notices.append(_tr.gettext(
                "The client list was missing; it was rebuilt from the client files."))
            self._rebuild_index()
        elif self._index.migrated_from is not None:
            self._resummarize()
        elif not self.read_only:
            self._reconcile()

    def _check_folder(self) -> None:
        """The workspace (or the folder it would be created in) must not be a file.

        Otherwise every later stat() fails with NotADirectoryError: say it once, naming
        the file in the way, as bad input (exit 2) rather than as a crash.
        """
        probe = self.path
        while not os.path.lexists(probe) and probe.parent != probe:
            probe = probe.parent
        if os.path.lexists(probe) and not probe.is_dir():
            raise StoreInputError(_tr.gettext(
                "The workspace {path} cannot be used: {file} is a file, not a folder."
            ).format(path=self.path, file=probe), path=self.path)

    def _reconcile(self) -> None:
        """Repair what a crash between a client write and the index write left behind.

        Each change touches the client file first and the index second; a kill in
        between leaves an entry marked dirty (summary not updated yet), a client file
        with no entry (killed while creating), or an entry with no file (killed while
        forgetting). The client file is the truth, so the index follows it.
        """
        on_disk = {p.stem for p in self._client_files()} | {
            p.name.split(".")[0] for p in (self.clients_dir.glob("c-*.json.bak1")
                                           if self.clients_dir.is_dir() else [])}
        entries = self._index_entries()
        dirty = [cid for cid, (_d, e) in entries.items() if e.get("dirty")]
        orphans = sorted(on_disk - set(entries))
        missing = sorted(set(entries) - on_disk)
        if not (dirty or orphans or missing):
            return
        with contextlib.suppress(StoreError):
            for cid in dirty + orphans:
                df = self._client_file(cid)
                if not df.try_lock():
                    continue  # its writer is alive and will finish the job
                try:
                    data = df.data()
                    if data:
                        assessments = _ordered(data.get("assessments", {}))
                        with self._index_locked():
                            found = self._index_entries().get(cid)
                            table = self._index.db.table("clients")
                            if found is None:
                                table.insert(self._entry_for(data, assessments))
                            else:
                                name = data["meta"]["1"]["name"]
                                table.update({**client_summary(assessments), "name": name,
                                              "key": name_key(name), "dirty": False},
                                             doc_ids=[found[0]])
                finally:
                    df.unlock()
                    self._collect_notices(df)
            for cid in missing:
                with self._index_locked():
                    found = self._index_entries().get(cid)
                    if found is None or self._client_file(cid).path.exists():
                        continue
                    self._index.db.table("clients").remove(doc_ids=[found[0]])
                    self.notices.append(_tr.gettext(
                        "{what}: its file was missing, so it was removed from the client list."
                    ).format(what=self._label(found[1]["name"])))

    def _clean_temps(self) -> None:
        """Remove temp files left by a crash; a live writer's temp is protected by its lock."""
        for folder in (self.path, self.clients_dir):
            if not folder.is_dir():
                continue
            for entry in os.scandir(folder):
                if not fsutil.is_temp_name(entry.name):
                    continue
                target = folder / fsutil.data_name_of_temp(entry.name)
                lock = FileLock(str(target) + ".lock", timeout=0, mode=0o600)
                try:
                    lock.acquire()
                except Timeout:
                    continue  # its writer is alive and holds the lock
                try:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
                finally:
                    lock.release()

    def _load_index(self) -> None:
        try:
            self._index.refresh()
        except DamagedFile:
            aside = self._index._move_aside()
            self.notices.append(_tr.gettext(
                "The client list ({file}) could not be read and had no valid backup; it was "
                "kept as {aside} and rebuilt from the client files."
            ).format(file=self._index.path, aside=aside.name if aside else "-"))
            self._rebuild_index()
        self._collect_notices(self._index)
        if self._index.read_only:
            self.read_only = self._index.read_only

    def _collect_notices(self, df: DataFile) -> None:
        while df.notices:
            self.notices.append(df.notices.pop(0))

    def _client_files(self) -> list[Path]:
        if not self.clients_dir.is_dir():
            return []
        return sorted(p for p in self.clients_dir.iterdir()
                      if p.suffix == ".json" and is_client_id(p.stem))

    # -- index ------------------------------------------------------------------
    def _index_entries(self) -> dict[str, tuple[int, dict[str, Any]]]:
        """client id -> (doc id, entry); parsed once per version of the index file."""
        self._load_index()
        gen = self._index._text
        if gen is not self._entries_gen:
            entries: dict[str, tuple[int, dict[str, Any]]] = {}
            state = self._index.read_state()  # parsed afresh: nobody else holds these dicts
            if state is not None:
                # What TinyDB's table.all() would give, without wrapping and copying each
                # entry twice (10,000 clients are listed in one go).
                for doc_id, doc in state.get("clients", {}).items():
                    entries[doc["id"]] = (int(doc_id), doc)
            self._entries, self._entries_gen = entries, gen
        return self._entries

    @contextlib.contextmanager
    def _index_locked(self) -> Iterator[None]:
        self._check_writable()
        try:
            with self._index.locked():
                self._collect_notices(self._index)
                if self._index.read_state() is None:
                    self._index.write_state(self._empty_index())
                yield
        except DamagedFile:
            self._load_index()
            raise

    def _empty_index(self) -> dict[str, Any]:
        return {"meta": {"1": {"schema": SCHEMA, "kind": "index"}}, "clients": {},
                "settings": {}}

    def _entry_for(self, data: Mapping[str, Any], assessments: list[dict[str, Any]],
                   last_activity: str | None = None) -> dict[str, Any]:
        meta = data["meta"]["1"]
        return {"id": meta["client_id"], "name": meta["name"], "key": name_key(meta["name"]),
                "created": meta.get("created") or _today(),
                "last_activity": last_activity or meta.get("created") or _today(),
                **({"lang": meta["lang"]} if meta.get("lang") in LANGS else {}),
                **client_summary(assessments)}

    def _rebuild_index(self) -> None:
        """Recreate the index from the client files (it only holds derived data)."""
        clients: dict[str, Any] = {}
        for n, path in enumerate(self._client_files(), start=1):
            data = self._data_or_notice(self._client_file(path.stem))
            if not data:
                continue
            assessments = _ordered(data.get("assessments", {}))
            last = max([a.get("date") or "" for a in assessments] + [""]) or None
            clients[str(n)] = self._entry_for(data, assessments, last)
        settings = {}
        old = self._index.read_state()
        if old and isinstance(old.get("settings"), dict):
            settings = old["settings"]
        fresh = {"meta": {"1": {"schema": SCHEMA, "kind": "index"}}, "clients": clients,
                 "settings": settings}
        if self.read_only:
            return
        with self._index.locked():
            self._index.write_state(fresh)
        self._collect_notices(self._index)

    def _data_or_notice(self, df: DataFile) -> dict[str, Any] | None:
        """A client file's data for a sweep over all clients: one unreadable file becomes
        a notice (None) instead of stopping the sweep; recovery notices are collected."""
        try:
            return df.data()
        except StoreError as exc:
            self.notices.extend(exc.lines)
            return None
        finally:
            self._collect_notices(df)

    def _resummarize(self) -> None:
        """After an index migration: recompute every summary from the client files."""
        with contextlib.suppress(ReadOnlyWorkspace):
            with self._index_locked():
                table = self._index.db.table("clients")
                for doc in table.all():
                    data = self._data_or_notice(self._client_file(doc["id"], doc["name"]))
                    if data is None:
                        continue
                    assessments = _ordered(data.get("assessments", {}))
                    table.update(client_summary(assessments), doc_ids=[doc.doc_id])

    def _update_entry(self, client_id: str, fields: Mapping[str, Any]) -> None:
        """Change a client's index entry, writing only when something differs."""
        entries = self._index_entries()
        found = entries.get(client_id)
        if found and all(found[1].get(k) == v for k, v in fields.items()):
            return
        with self._index_locked():
            found = self._index_entries().get(client_id)
            table = self._index.db.table("clients")
            if found is None:  # the index lost it (rebuilt, restored): add it back
                data = self._client_file(client_id).data()
                entry = self._entry_for(data, _ordered(data.get("assessments", {})))
                entry.update(fields)
                table.insert(entry)
            elif any(found[1].get(k) != v for k, v in fields.items()):
                table.update(dict(fields), doc_ids=[found[0]])

    # -- clients ----------------------------------------------------------------
    def _check_writable(self, df: DataFile | None = None) -> None:
        if self.read_only:
            raise ReadOnlyWorkspace(self.read_only, path=self._index.path)
        if df is not None and df.read_only:
            raise ReadOnlyWorkspace(df.read_only, path=df.path)

    def _label(self, name: str) -> Msg:
        return _tr.gettext("Client \"{name}\"").format(name=name)

    def _client_file(self, client_id: str, name: str | None = None) -> DataFile:
        if not is_client_id(client_id):
            raise UnknownClient(_tr.gettext("No client with id {id}.").format(id=client_id))
        df = self._clients.get(client_id)
        if df is None:
            label = self._label(name) if name else _tr.gettext(
                "Client file {file}").format(file=client_id + ".json")
            df = DataFile(self.clients_dir / f"{client_id}.json", "client", label=label,
                          backups=self._backups, lock_timeout=self._lock_timeout,
                          expect_id=client_id)
            self._clients[client_id] = df
        if self.read_only and not df.read_only:
            df.read_only = self.read_only
        return df

    def _client(self, client_id: str) -> DataFile:
        """The file of a known client, loaded (restored from a backup if need be)."""
        found = self._index_entries().get(client_id)
        if found is None:
            raise UnknownClient(_tr.gettext("No client with id {id}.").format(id=client_id))
        df = self._client_file(client_id, found[1]["name"])
        try:
            df.refresh()
        finally:
            self._collect_notices(df)
        if df.read_state() is None:
            raise StoreError(_tr.gettext(
                "{what}: the file {file} is missing and has no backup."
            ).format(what=df.label, file=df.path), path=df.path)
        if df.restored and not (self.read_only or df.read_only):
            df.restored = False  # an older generation came back: the index must follow it
            assessments = _ordered(df.data().get("assessments", {}))
            self._update_entry(client_id, client_summary(assessments))
        return df

    def list_clients(self) -> list[ClientSummary]:
        """Every client as the index knows it (id, name, dates, summary), sorted by name.

        Made once per version of the index file (records are immutable, so the TUI's
        home can read the list again after every change for the cost of a copy)."""
        entries = self._index_entries()
        gen, listed = self._listed
        if gen is None or gen is not self._entries_gen:
            ordered = sorted((e for _d, e in entries.values()),
                             key=lambda e: (name_key(e["name"]), e["id"]))
            listed = [client_summary_of(e) for e in ordered]
            self._listed = (self._entries_gen, listed)
        return list(listed)

    def find_client(self, name: str) -> ClientSummary | None:
        """The client with this name (ignoring case and Unicode form), or None."""
        key = name_key(name)
        for _d, entry in self._index_entries().values():
            if entry.get("key") == key:
                return client_summary_of(entry)
        return None

    def require_client(self, name: str) -> ClientSummary:
        found = self.find_client(name)
        if found is None:
            raise UnknownClient(_tr.gettext("No client named \"{name}\".").format(
                name=clean_name(name)))
        return found

    def client(self, client_id: str) -> ClientSummary:
        found = self._index_entries().get(client_id)
        if found is None:
            raise UnknownClient(_tr.gettext("No client with id {id}.").format(id=client_id))
        return client_summary_of(found[1])

    def _valid_name(self, name: str) -> str:
        cleaned = clean_name(name)
        if not cleaned:
            raise BadName(_tr.gettext("A client name cannot be empty."))
        if len(cleaned) > MAX_NAME:
            raise BadName(_tr.gettext(
                "A client name can have at most {n} characters.").format(n=MAX_NAME))
        return cleaned

    def _taken(self, cleaned: str, except_id: str | None = None) -> bool:
        key = name_key(cleaned)
        return any(e.get("key") == key and cid != except_id
                   for cid, (_d, e) in self._index_entries().items())

    def create_client(self, name: str) -> str:
        """A new client; BadName if the name is empty or already used (any case)."""
        client_id, _created = self._create_or_find(name, allow_existing=False)
        return client_id

    def ensure_client(self, name: str) -> tuple[str, bool]:
        """The client with this name, created if needed: (client id, created?)."""
        return self._create_or_find(name, allow_existing=True)

    def _create_or_find(self, name: str, *, allow_existing: bool) -> tuple[str, bool]:
        cleaned = self._valid_name(name)
        with self._index_locked():
            existing = self.find_client(cleaned)
            if existing is not None:
                if allow_existing:
                    return existing.id, False
                raise BadName(_tr.gettext(
                    "A client named \"{name}\" already exists.").format(name=existing.name))
            client_id = new_client_id()
            self._write_new_client(client_id, cleaned, {}, {})
            return client_id, True

    def _write_new_client(self, client_id: str, name: str, assessments: dict[str, Any],
                          draft: dict[str, Any], created: str | None = None) -> None:
        """Create the client file, then its index entry (the index lock is held)."""
        fsutil.ensure_private_dir(self.path)
        fsutil.ensure_private_dir(self.clients_dir)
        data = {"meta": {"1": {"schema": SCHEMA, "kind": "client", "client_id": client_id,
                               "name": name, "created": created or _today()}},
                "assessments": assessments, "draft": draft}
        df = self._client_file(client_id, name)
        df.create(data)
        entry = self._entry_for(data, _ordered(assessments), _today())
        self._index.db.table("clients").insert(entry)

    def rename_client(self, client_id: str, new_name: str) -> None:
        cleaned = self._valid_name(new_name)
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            with self._index_locked():
                if self._taken(cleaned, except_id=client_id):
                    raise BadName(_tr.gettext(
                        "A client named \"{name}\" already exists.").format(name=cleaned))
                data = df.data()
                data["meta"]["1"]["name"] = cleaned
                self._update_entry(client_id, {"dirty": True})
                df.write_state(data)
                df.label = self._label(cleaned)
                self._update_entry(client_id, {"name": cleaned, "key": name_key(cleaned),
                                               "dirty": False})

    def set_client_lang(self, client_id: str, lang: str | None) -> None:
        """The language (and region) this client's plans and reports speak, or None for
        the person running coach's own: a Québec consultant's client in Lyon reads fr-FR."""
        if lang is not None and lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            data = df.data()
            meta = data["meta"]["1"]
            if meta.get("lang") == lang:
                return
            if lang is None:
                meta.pop("lang", None)
            else:
                meta["lang"] = lang
            df.write_state(data)
            self._update_entry(client_id, {"lang": lang})

    # -- drafts -----------------------------------------------------------------
    def save_draft(self, client_id: str, answers: dict[str, Any],
                   position: dict[str, Any]) -> None:
        """Keep the answers given so far; cheap enough to call on every answer."""
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            df.db.table("draft").upsert(Document(
                {"answers": answers, "position": position, "updated": _now()}, doc_id=1))
            # The index changes at most once a day here (last activity is a date).
            self._update_entry(client_id, {"last_activity": _today()})

    def load_draft(self, client_id: str) -> Draft | None:
        """The assessment in progress (answers and position), or None."""
        doc = self._client(client_id).db.table("draft").get(doc_id=1)
        if not isinstance(doc, dict):
            return None
        return Draft(dict(doc.get("answers") or {}), dict(doc.get("position") or {}))

    def discard_draft(self, client_id: str) -> None:
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            if df.db.table("draft").get(doc_id=1) is not None:
                df.db.table("draft").truncate()

    # -- assessments ------------------------------------------------------------
    def finish_assessment(self, client_id: str, answers: dict[str, Any], plan: dict[str, Any],
                          *, notes: str | None = None,
                          engine_version: str | None = None) -> int:
        """Store a finished assessment (answers + plan snapshot) and drop the draft."""
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            data = df.data()
            table = data.setdefault("assessments", {})
            new_id = max((int(k) for k in table), default=0) + 1
            assessed = plan.get("assessed_on")
            table[str(new_id)] = {
                "date": assessed if isinstance(assessed, str) and assessed else _today(),
                "answers": answers, "plan": plan,
                "engine_version": engine_version or plan.get("engine_version"),
                "notes": notes, "saved_at": _now(),
            }
            data["draft"] = {}
            self._update_entry(client_id, {"dirty": True})  # repaired on open after a crash
            df.write_state(data)  # one write: the assessment lands and the draft goes together
            summary = client_summary(_ordered(table))
            self._update_entry(client_id, {**summary, "last_activity": _today(),
                                           "dirty": False})
        return new_id

    def assessments(self, client_id: str) -> list[AssessmentRecord]:
        """Every assessment of a client, oldest first: id, date, answers, plan, notes..."""
        table = self._client(client_id).data().get("assessments", {})
        return [assessment_of(doc_id, table[doc_id]) for doc_id in sorted(table, key=int)]

    def assessment(self, client_id: str, assessment_id: int) -> AssessmentRecord:
        for a in self.assessments(client_id):
            if a.id == assessment_id:
                return a
        raise UnknownAssessment(_tr.gettext(
            "{what} has no assessment {id}.").format(what=self._label(
                self.client(client_id).name), id=assessment_id))

    def set_notes(self, client_id: str, assessment_id: int, notes: str | None) -> None:
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            self.assessment(client_id, assessment_id)
            df.db.table("assessments").update({"notes": notes}, doc_ids=[assessment_id])

    # -- settings ---------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        self._load_index()
        doc = self._index.db.table("settings").get(doc_id=1) if self._index.read_state() else None
        values = doc.get("values", {}) if isinstance(doc, dict) else {}
        return values.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        serialise(value)  # refuse what cannot be stored before touching anything
        try:
            fsutil.ensure_private_dir(self.path)
        except OSError as exc:
            raise self._index._io_error(exc) from exc
        with self._index_locked():
            table = self._index.db.table("settings")
            doc = table.get(doc_id=1)
            values = dict(doc.get("values", {})) if isinstance(doc, dict) else {}
            if values.get(key) == value and key in values:
                return
            values[key] = value
            table.upsert(Document({"values": values}, doc_id=1))

    # -- forgetting -------------------------------------------------------------
    def forget_client(self, client_id: str) -> None:
        """Erase the client everywhere: file, backups, damaged copies, lock, index entry."""
        self._check_writable()
        entry = self.client(client_id)
        df = self._client_file(client_id, entry.name)
        try:
            with df._held_lock():
                df.erase()
                with self._index_locked():
                    found = self._index_entries().get(client_id)
                    if found is not None:
                        self._index.db.table("clients").remove(doc_ids=[found[0]])
                    self._drop_settings_about(client_id, entry.name)
                    self._scrub_index_copies(client_id, entry.name)
            df.remove_lock_file()
        except OSError as exc:  # a read-only folder...: say what is left, run forget again
            raise StoreError(_tr.gettext(
                "{what}: could not erase everything ({reason}: {file}). Fix the folder's "
                "permissions and run the same command again."
            ).format(what=self._label(entry.name), reason=exc.strerror or str(exc),
                     file=exc.filename or df.path), path=df.path) from exc
        self._clients.pop(client_id, None)

    def _drop_settings_about(self, client_id: str, name: str) -> None:
        table = self._index.db.table("settings")
        doc = table.get(doc_id=1)
        if not isinstance(doc, dict):
            return
        values = dict(doc.get("values", {}))
        kept = {k: v for k, v in values.items() if v not in (client_id, name)}
        if kept != values:
            table.upsert(Document({"values": kept}, doc_id=1))

    def _scrub_index_copies(self, client_id: str, name: str) -> None:
        """Older generations of the index still name the client: rewrite or remove them."""
        marks = [client_id.encode(), name.encode("utf-8"),
                 serialise(name).strip('"').encode("ascii", "backslashreplace")]
        for path in self._index.related_files():
            if path == self._index.path or path.name.endswith(".lock"):
                continue
            raw = path.read_bytes()
            if not any(m and m in raw for m in marks):
                continue
            try:
                data, _found = parse("index", raw)
            except ValueError:
                path.unlink()  # an unreadable copy that names the client cannot stay
                continue
            data["clients"] = {k: v for k, v in data.get("clients", {}).items()
                               if v.get("id") != client_id}
            for doc in data.get("settings", {}).values():
                doc["values"] = {k: v for k, v in doc.get("values", {}).items()
                                 if v not in (client_id, name)}
            scrubbed = serialise(data).encode("utf-8")
            if any(m and m in scrubbed for m in marks):  # named elsewhere: keep today's index
                scrubbed = self._index.path.read_bytes()
            fsutil.atomic_write(path, scrubbed)
        fsutil.fsync_dir(self.path)

    # -- export / import --------------------------------------------------------
    def export_client(self, client_id: str) -> dict[str, Any]:
        from coach.store.portable import build_export

        entry = self.client(client_id)
        df = self._client(client_id)
        data = df.data()
        draft = data.get("draft", {}).get("1")
        return build_export(entry.name, entry.created, _ordered(data.get("assessments", {})),
                            draft)

    def write_export(self, client_id: str, target: Path, *, force: bool = False) -> None:
        """Write the portable JSON of one client to `target`, as every user file is
        written (coach.files: 0600, atomic; FileExists unless `force`, even if the file
        appears while the export is being written; nothing left behind on failure)."""
        import json

        from coach.files import check_target, write_file

        check_target(target, force=force)  # before reading the client's whole history
        payload = self.export_client(client_id)
        text = json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        write_file(target, text, force=force)

    def import_client(self, payload: object, *, replace: bool = False,
                      check_answers: Callable[[Mapping[str, Any], str], object] | None = None,
                      source: str = "import") -> tuple[str, bool]:
        """Add a client from an export; (client id, replaced an existing one?)."""
        from coach.store.portable import read_export

        name, created, assessments, draft = read_export(
            payload, source=source, check_answers=check_answers)
        name = self._valid_name(name)
        existing = self.find_client(name)
        if existing is not None and not replace:
            raise BadName(_tr.gettext(
                "A client named \"{name}\" already exists (use --replace to overwrite it)."
            ).format(name=existing.name))
        if existing is None:
            with self._index_locked():
                if self.find_client(name) is None:
                    client_id = new_client_id()
                    self._write_new_client(client_id, name, assessments, draft, created)
                    return client_id, False
            existing = self.require_client(name)  # created meanwhile by another process
        client_id = existing.id
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            data = df.data()
            data["meta"]["1"]["name"] = name
            if created:
                data["meta"]["1"]["created"] = created
            data["assessments"], data["draft"] = assessments, draft
            self._update_entry(client_id, {"dirty": True})
            df.write_state(data)
            summary = client_summary(_ordered(assessments))
            self._update_entry(client_id, {**summary, "name": name, "key": name_key(name),
                                           "last_activity": _today(), "dirty": False})
        return client_id, True


def _ordered(table: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Assessments oldest first, each with its id."""
    out = []
    for doc_id in sorted(table, key=int):
        doc = dict(table[doc_id])
        doc["id"] = int(doc_id)
        out.append(doc)
    return out
