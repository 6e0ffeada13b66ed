"""The workspace: a small index of clients plus one TinyDB file per client.

Layout (all files 0600, folders 0700):

    <workspace>/index.json            clients (id, name, dates, summary of the latest plan)
                                      and settings
    <workspace>/clients/c-<hex>.json  one client: meta (id, name), assessments (answers,
                                      plan snapshot, engine version, date, notes)
    <workspace>/clients/draft/c-<hex>.json   its assessment in progress (a side file,
                                      coach/store/sidefiles.py: autosave rewrites only it)
    <workspace>/clients/results/c-<hex>.json its results log (a side file,
                                      coach/store/results_log.py)
    <workspace>/clients/c-<hex>.json.pending  a change between client file and index
    <workspace>/clients/c-<hex>.forget        a forget under way (finished on next open)
    <file>.bak1 .. .bak3              previous generations, newest first
    <file>.lock                       cross-process lock (filelock)
    <file>.damaged-<UTC stamp>        an unreadable file, moved aside untouched

File names come from generated ids, never from what people type. The index is
derived data: it can always be rebuilt from the client files; it is written one
client per line (coach/store/indexfile.py) so a change costs one entry's JSON plus
the write, at any size. Lock order is client file first, then its side files, then
the index, everywhere, so two processes cannot deadlock.

A change to a client and its index entry is two writes: the client file first (the
truth), then the index. A `.pending` marker, made before and removed after, tells the
next open which summaries to recompute if a kill fell in between (the index itself is
written once per change).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach import clock
from coach.i18n import LANGS, Deferred, Msg
from coach.store import fsutil
from coach.store.drafting import Drafts
from coach.store.errors import (
    BadName,
    DamagedFile,
    ReadOnlyWorkspace,
    StoreError,
    StoreInputError,
    StoreValueError,
    UnknownAssessment,
    UnknownClient,
)
from coach.store.indexfile import Lines, entry_line, head, lines_of, render_body
from coach.store.indexlog import LoggedIndex, new_token
from coach.store.names import MAX_NAME, clean_name, is_client_id, name_key, new_client_id
from coach.store.records import (
    AssessmentRecord,
    ClientSummary,
    assessment_of,
    client_summary_of,
)
from coach.store.repair import Repairs
from coach.store.schema import SCHEMA
from coach.store.sidefiles import DRAFT, PARTS, RESULTS, empty_side, side_path
from coach.store.storage import DEFAULT_BACKUPS, DEFAULT_LOCK_TIMEOUT, DataFile, serialise
from coach.store.summary import client_summary

if TYPE_CHECKING:
    from coach.store.portable import Imported

INDEX_NAME = "index.json"
CLIENTS_DIR = "clients"


# Messages are said later, by the face, in the language it speaks then: the workspace
# holds no language (the TUI's can change while the workspace stays open).
_tr = Deferred("store")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _today() -> str:
    return clock.today().isoformat()


class Workspace(Repairs, Drafts):
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
        self._index = LoggedIndex(self.path / INDEX_NAME, "index",
                                  label=_tr.gettext("The client list"),
                                  backups=backups, lock_timeout=lock_timeout)
        self._clients: dict[str, DataFile] = {}
        self._sides: dict[tuple[str, str], DataFile] = {}
        self._entries_gen = -1
        self._entries: dict[str, tuple[int, dict[str, Any]]] = {}
        # Each index entry's line of text and the highest doc id, for the index
        # version they were read from (coach/store/indexfile.py).
        self._lines: tuple[int, Lines, int] = (-1, {}, 0)
        # The client list as records, for the version of the index they were made from.
        self._listed: tuple[int, list[ClientSummary]] = (-1, [])
        # Name key -> client id, and the index's entry lines joined, for the index version
        # they were made from: a new client looks its name up and adds its line without
        # going through the other 9,999 (each was a pass over all of them).
        self._keys: tuple[int, dict[str, str]] = (-1, {})
        self._body: tuple[int, str] = (-1, "")

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
        scan = self._scan()
        self._clean_temps(scan)
        self._load_index()
        if self._index.peek() is None and scan.files:
            self.notices.append(_tr.gettext(
                "The client list was missing; it was rebuilt from the client files."))
            self._rebuild_index()
        elif self._index.migrated_from is not None:
            self._resummarize()
        elif not self.read_only:
            self._reconcile(scan)

    def _check_folder(self) -> None:
        """The workspace (or the folder it would be created in) must be a folder, and so
        must its clients/ folder.

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
        if os.path.lexists(self.clients_dir) and not self.clients_dir.is_dir():
            raise StoreInputError(_tr.gettext(
                "The workspace {path} cannot be used: {file} is a file, not a folder."
            ).format(path=self.path, file=self.clients_dir), path=self.path)

    def _load_index(self) -> None:
        try:
            self._index.refresh()
        except DamagedFile:
            try:
                aside = self._index._move_aside()
            except OSError as exc:
                raise self._index._io_error(exc) from exc
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

    # -- index ------------------------------------------------------------------
    def _index_entries(self) -> dict[str, tuple[int, dict[str, Any]]]:
        """client id -> (doc id, entry); made once per version of the index file.

        The entries are the index's own parsed documents: read them, never change them
        (every change goes through `_index_apply`, which makes new ones)."""
        self._load_index()
        gen = self._index.generation
        if gen != self._entries_gen:
            entries: dict[str, tuple[int, dict[str, Any]]] = {}
            state = self._index.peek()
            if state is not None:
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
                yield
        except DamagedFile:
            self._load_index()
            raise

    def _empty_index(self) -> dict[str, Any]:
        return {"meta": {"1": {"schema": SCHEMA, "kind": "index", "log": new_token()}},
                "clients": {}, "settings": {}}

    def _index_lines(self) -> tuple[Lines, int]:
        gen = self._index.generation
        if self._lines[0] != gen:
            clients = (self._index.peek() or {}).get("clients", {})
            self._lines = (gen, lines_of(self._index.lines_text, clients),
                           max((int(k) for k in clients), default=0))
        return self._lines[1], self._lines[2]

    def _index_apply(self, changes: Mapping[str, dict[str, Any] | None], *,
                     settings: dict[str, Any] | None = None, backups: bool = True) -> None:
        """Write the index with these entries replaced (None: removed); the index lock is
        held. Only the changed entries are serialised (coach/store/indexfile.py), and the
        caches follow the change instead of being rebuilt from 10,000 entries."""
        state = self._index.peek()
        if state is None:
            state = self._empty_index()
        entries = self._index_entries()
        lines, top = self._index_lines()
        put: dict[str, tuple[str, dict[str, Any], str]] = {}  # doc id -> (cid, entry, line)
        gone: dict[str, str] = {}                              # doc id -> cid
        for client_id, entry in changes.items():
            found = entries.get(client_id)
            if entry is None:
                if found is not None:
                    gone[str(found[0])] = client_id
                continue
            if not (is_client_id(str(entry.get("id"))) and isinstance(entry.get("name"), str)
                    and entry["name"]):
                raise StoreValueError(f"refusing to write an index entry: {entry!r:.80}")
            if found is not None:
                doc_id = str(found[0])
            else:
                top += 1
                doc_id = str(top)
            put[doc_id] = (client_id, entry, entry_line(doc_id, entry))
        keys = self._keys[1] if self._keys[0] == self._entries_gen else None
        renamed = any(client_id in entries and entries[client_id][1].get("key")
                      != entry.get("key") for _d, (client_id, entry, _l) in put.items())
        logged = False
        if (settings is None and backups and put and not gone and not renamed
                and self._index.can_append()):
            # Added or updated entries only: one line in the index's log, not the whole
            # index again (coach/store/indexlog.py).
            try:
                self._index.append({d: e for d, (_c, e, _l) in put.items()}, state)
                logged = True
            except StoreError:
                # A log that cannot be written (its own mode, a full disk...): the whole
                # index then, which removes the log (or fails the same way, and says so).
                self._index.log_usable = False
        if logged:
            meta = state.get("meta") or self._empty_index()["meta"]
            settings = state.get("settings", {})
            body = None
        else:
            settings = state.get("settings", {}) if settings is None else settings
            # A new token: whatever the log held is in this text, and the log is stale.
            old_meta = (state.get("meta") or {}).get("1") or self._empty_index()["meta"]["1"]
            meta = {"1": {**old_meta, "log": new_token()}}
            added = [line for k, (_c, _e, line) in put.items() if k not in lines]
            gen = self._index.generation
            if not gone and len(added) == len(put) and self._body[0] == gen:
                # Only new clients: the other lines as they were, joined once.
                body = (",\n".join([self._body[1], *added]) if self._body[1]
                        else ",\n".join(added))
            else:
                kept = (put[k][2] if k in put else line for k, line in lines.items()
                        if k not in gone)
                body = ",\n".join([*kept, *added])
            text = render_body(head(meta, settings), body)
            saved = self._index.backups
            if not backups:
                self._index.backups = 0
            try:
                # The same objects, changed below once written.
                self._index.write_text(text, state)
            finally:
                self._index.backups = saved
        # Written: the parsed state, the lines and the entries follow, in place.
        clients = state.setdefault("clients", {})
        state["settings"], state["meta"] = settings, meta
        for doc_id, client_id in gone.items():
            clients.pop(doc_id, None)
            lines.pop(doc_id, None)
            entries.pop(client_id, None)
        if gone:
            keys = None   # made again when next asked (two clients may share a key)
        for doc_id, (client_id, entry, line) in put.items():
            old = entries.get(client_id)
            if keys is not None and old is not None and old[1].get("key") != entry.get("key"):
                keys = None   # renamed: made again when next asked
            clients[doc_id], lines[doc_id] = entry, line
            entries[client_id] = (int(doc_id), entry)
            key = entry.get("key")
            if keys is not None and key.__class__ is str:
                keys.setdefault(key, client_id)
        gen = self._index.generation
        self._lines = (gen, lines, top)
        self._entries_gen = gen
        self._body = (gen, body) if body is not None else (-1, "")
        self._keys = (gen, keys) if keys is not None else (-1, {})

    def _entry_for(self, data: Mapping[str, Any], assessments: list[dict[str, Any]],
                   last_activity: str | None = None) -> dict[str, Any]:
        meta = data["meta"]["1"]
        return {"id": meta["client_id"], "name": meta["name"], "key": name_key(meta["name"]),
                "created": meta.get("created") or _today(),
                "last_activity": last_activity or meta.get("created") or _today(),
                **({"lang": meta["lang"]} if meta.get("lang") in LANGS else {}),
                **client_summary(assessments)}

    def _update_entry(self, client_id: str, fields: Mapping[str, Any]) -> None:
        """Change a client's index entry, writing only when something differs."""
        found = self._index_entries().get(client_id)
        if found and all(found[1].get(k) == v for k, v in fields.items()):
            return
        with self._index_locked():
            found = self._index_entries().get(client_id)
            if found is None:  # the index lost it (rebuilt, restored): add it back
                data = self._client_file(client_id).peek() or {}
                entry = self._entry_for(data, _ordered(data.get("assessments", {})))
                entry.update(fields)
            elif any(found[1].get(k) != v for k, v in fields.items()):
                entry = {**found[1], **fields}
                entry.pop("dirty", None)
            else:
                return
            self._index_apply({client_id: entry})

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

    def side_file(self, client_id: str, part: str) -> DataFile:
        """A client's side file `part` (coach/store/sidefiles.py), not read until used."""
        df = self._sides.get((client_id, part))
        if df is None:
            found = self._index_entries().get(client_id)
            label = self._client_file(client_id, found[1]["name"] if found else None).label
            df = DataFile(side_path(self.clients_dir, part, client_id), "side",
                          label=label, backups=self._backups,
                          lock_timeout=self._lock_timeout, expect_id=client_id)
            self._sides[(client_id, part)] = df
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
        if df.peek() is None:
            raise StoreError(_tr.gettext(
                "{what}: the file {file} is missing and has no backup."
            ).format(what=df.label, file=df.path), path=df.path)
        if df.restored and not (self.read_only or df.read_only):
            df.restored = False  # an older generation came back: the index must follow it
            assessments = _ordered((df.peek() or {}).get("assessments", {}))
            self._update_entry(client_id, client_summary(assessments))
        return df

    @contextlib.contextmanager
    def _client_locked(self, client_id: str) -> Iterator[DataFile]:
        """The client's file, locked, writable, and still there: another process may have
        forgotten the client while this one waited for the lock."""
        df = self._client(client_id)
        with df.locked():
            self._check_writable(df)
            if df.peek() is None:
                df.remove_lock_file()  # taking the lock made it again: leave nothing behind
                raise UnknownClient(_tr.gettext(
                    "{what} no longer exists: another coach process erased it."
                ).format(what=df.label), path=df.path)
            yield df

    def list_clients(self) -> list[ClientSummary]:
        """Every client as the index knows it (id, name, dates, summary), sorted by name.

        Made once per version of the index file (records are immutable, so the TUI's
        home can read the list again after every change for the cost of a copy)."""
        entries = self._index_entries()
        gen, listed = self._listed
        if gen != self._entries_gen:
            # The entry's own key is name_key(name) (stored so): no 10,000 normalisations.
            docs = [e for _d, e in entries.values()]
            try:
                docs.sort(key=itemgetter("key", "id"))
            except (KeyError, TypeError):  # an index edited by hand: the careful way
                docs.sort(key=lambda e: (e["key"] if e.get("key").__class__ is str else
                                         name_key(str(e["name"])), str(e["id"])))
            listed = [client_summary_of(e) for e in docs]
            self._listed = (self._entries_gen, listed)
        return list(listed)

    def find_client(self, name: str) -> ClientSummary | None:
        """The client with this name (ignoring case and Unicode form), or None."""
        client_id = self._key_map().get(name_key(name))
        return None if client_id is None else client_summary_of(self._entries[client_id][1])

    def _key_map(self) -> dict[str, str]:
        """Name key -> the first client with it, for the index version now loaded."""
        entries = self._index_entries()
        if self._keys[0] != self._entries_gen:
            keys: dict[str, str] = {}
            for client_id, (_d, entry) in entries.items():
                key = entry.get("key")
                if key.__class__ is str:
                    keys.setdefault(key, client_id)
            self._keys = (self._entries_gen, keys)
        return self._keys[1]

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
        try:
            cleaned.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8 on the command line
            raise BadName(_tr.gettext(
                "A client name must be text: \"{name}\" holds bytes that are not UTF-8."
            ).format(name=cleaned.encode("utf-8", "replace").decode("utf-8"))) from None
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

    def _create_or_find(self, name: str, *, allow_existing: bool,
                        assessments: dict[str, Any] | None = None) -> tuple[str, bool]:
        cleaned = self._valid_name(name)
        with self._index_locked():
            existing = self.find_client(cleaned)
            if existing is not None:
                if allow_existing:
                    return existing.id, False
                raise BadName(_tr.gettext(
                    "A client named \"{name}\" already exists.").format(name=existing.name))
            client_id = new_client_id()
            self._write_new_client(client_id, cleaned, assessments or {})
            return client_id, True

    def _write_new_client(self, client_id: str, name: str, assessments: dict[str, Any],
                          draft: dict[str, Any] | None = None, created: str | None = None,
                          *, results: dict[str, Any] | None = None,
                          lang: str | None = None) -> None:
        """Create the client's files, then its index entry (the index lock is held). A
        kill before the index write leaves a client file that the next open adopts:
        whole, with every assessment, draft and result it was created with."""
        data = self._write_client_files(client_id, name, assessments, draft, created,
                                        results=results, lang=lang)
        entry = self._entry_for(data, _ordered(assessments), _today())
        self._index_apply({client_id: entry})

    def _write_client_files(self, client_id: str, name: str, assessments: dict[str, Any],
                            draft: dict[str, Any] | None, created: str | None, *,
                            results: dict[str, Any] | None,
                            lang: str | None) -> dict[str, Any]:
        """The files of a client no index lists yet; its data. The side files come first:
        until the client file exists they belong to no one (a kill leaves nothing any
        client reads), and a failure on the way takes them back."""
        try:
            fsutil.ensure_private_dir(self.path)
            fsutil.ensure_private_dir(self.clients_dir)
        except OSError as exc:
            raise self._index._io_error(exc) from exc
        meta = {"schema": SCHEMA, "kind": "client", "client_id": client_id, "name": name,
                "created": created or _today(), **({"lang": lang} if lang else {})}
        data = {"meta": {"1": meta}, "assessments": assessments, "draft": {}}
        df = self._client_file(client_id, name)
        try:
            if draft:
                self._write_side_draft(client_id, draft)
            if results:
                side = self.side_file(client_id, RESULTS)
                state = empty_side(RESULTS, client_id)
                state[RESULTS] = results
                with side.locked():
                    side.write_state(state)
            df.create(data)
        except BaseException:
            if not df.path.exists():
                self._discard_unlisted(client_id)
            raise
        return data

    def _discard_unlisted(self, client_id: str) -> None:
        """Take back what a failed creation wrote (best effort: a client file nobody lists
        is adopted by the next open, side files without one are read by no one)."""
        files = [self.side_file(client_id, part) for part in PARTS]
        files.append(self._client_file(client_id))
        for df in files:
            with contextlib.suppress(OSError, StoreError):
                with df._held_lock():
                    df.erase()
                df.remove_lock_file()
        for part in PARTS:
            self._sides.pop((client_id, part), None)
        self._clients.pop(client_id, None)

    def rename_client(self, client_id: str, new_name: str) -> None:
        cleaned = self._valid_name(new_name)
        with self._client_locked(client_id) as df:
            with self._index_locked():
                if self._taken(cleaned, except_id=client_id):
                    raise BadName(_tr.gettext(
                        "A client named \"{name}\" already exists.").format(name=cleaned))
                data = df.read_state() or {}
                data["meta"]["1"]["name"] = cleaned
                with self._pending(client_id):
                    df.write_state(data)
                    df.label = self._label(cleaned)
                    self._update_entry(client_id, {"name": cleaned, "key": name_key(cleaned)})

    def set_client_lang(self, client_id: str, lang: str | None) -> None:
        """The language (and region) this client's plans and reports speak, or None for
        the person running coach's own: a Québec consultant's client in Lyon reads fr-FR."""
        if lang is not None and lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        with self._client_locked(client_id) as df:
            data = df.read_state() or {}
            meta = data["meta"]["1"]
            if meta.get("lang") == lang:
                return
            if lang is None:
                meta.pop("lang", None)
            else:
                meta["lang"] = lang
            with self._index_locked(), self._pending(client_id):
                df.write_state(data)
                self._update_entry(client_id, {"lang": lang})

    # -- assessments ------------------------------------------------------------
    def finish_assessment(self, client_id: str, answers: dict[str, Any], plan: dict[str, Any],
                          *, notes: str | None = None, engine_version: str | None = None,
                          keep_draft: bool = False) -> int:
        """Store a finished assessment (answers + plan snapshot).

        The draft goes with it (it became this assessment), unless `keep_draft`: an
        assessment saved from a file (`coach plan --client`) leaves an assessment in
        progress in the app as it was.

        If the client list cannot be updated afterwards (a full disk), the assessment
        is saved all the same: a notice says so and the next open catches up, so that a
        retry does not store it twice."""
        with self._client_locked(client_id) as df:
            side = self.side_file(client_id, DRAFT)
            with side.locked():
                data = df.read_state() or {}
                legacy = _draft_doc(data)
                current = self._side_draft_doc(side)
                if keep_draft and legacy is not None and not side.exists:
                    self._write_side_draft(client_id, {"1": legacy})  # moved, not lost
                table = data.setdefault("assessments", {})
                new_id = max((int(k) for k in table), default=0) + 1
                doc = assessment_doc(answers, plan, notes=notes, engine_version=engine_version)
                if not keep_draft and current is not None and current.get("rev"):
                    doc["draft_rev"] = current["rev"]  # the draft became this assessment
                table[str(new_id)] = doc
                data["draft"] = {}
                with self._pending(client_id):
                    df.write_state(data)
                    if not keep_draft and current is not None:
                        self._clear_side_draft(side)
                    summary = client_summary(_ordered(table))
                    self._update_entry_after_save(client_id, {**summary,
                                                              "last_activity": _today()})
        return new_id

    def save_assessment(self, name: str, answers: dict[str, Any], plan: dict[str, Any], *,
                        notes: str | None = None,
                        engine_version: str | None = None) -> tuple[str, int]:
        """A finished assessment for the client `name`, created with it if new: in one
        write, so a kill leaves either the client with its assessment or nothing. An
        existing client's draft stays as it is. Returns (client id, assessment id)."""
        doc = assessment_doc(answers, plan, notes=notes, engine_version=engine_version)
        client_id, created = self._create_or_find(name, allow_existing=True,
                                                  assessments={"1": doc})
        if created:
            return client_id, 1
        return client_id, self.finish_assessment(client_id, answers, plan, notes=notes,
                                                 engine_version=engine_version,
                                                 keep_draft=True)

    def _update_entry_after_save(self, client_id: str, fields: Mapping[str, Any]) -> None:
        """The client file is saved; the index follows, or the next open makes it."""
        try:
            self._update_entry(client_id, fields)
        except StoreError as exc:
            if isinstance(exc, ReadOnlyWorkspace):
                raise
            self.notices.append(_tr.gettext(
                "{what}: saved, but the client list could not be updated ({reason}); "
                "coach updates it the next time it opens this workspace."
            ).format(what=self._label(self.client(client_id).name),
                     reason=exc.lines[0] if exc.lines else "-"))
            raise _KeepPending from exc

    def assessments(self, client_id: str) -> list[AssessmentRecord]:
        """Every assessment of a client, oldest first: id, date, answers, plan, notes..."""
        table = (self._client(client_id).read_state() or {}).get("assessments", {})
        return [assessment_of(doc_id, table[doc_id]) for doc_id in sorted(table, key=int)]

    def assessment(self, client_id: str, assessment_id: int) -> AssessmentRecord:
        for a in self.assessments(client_id):
            if a.id == assessment_id:
                return a
        raise UnknownAssessment(_tr.gettext(
            "{what} has no assessment {id}.").format(what=self._label(
                self.client(client_id).name), id=assessment_id))

    def set_notes(self, client_id: str, assessment_id: int, notes: str | None) -> None:
        with self._client_locked(client_id) as df:
            self.assessment(client_id, assessment_id)
            df.db.table("assessments").update({"notes": notes}, doc_ids=[assessment_id])

    # -- settings ---------------------------------------------------------------
    def _settings(self) -> dict[str, Any]:
        state = self._index.peek() or {}
        doc = (state.get("settings") or {}).get("1")
        values = doc.get("values", {}) if isinstance(doc, dict) else {}
        return values if isinstance(values, dict) else {}

    def get_setting(self, key: str, default: Any = None) -> Any:
        self._load_index()
        return self._settings().get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        serialise(value)  # refuse what cannot be stored before touching anything
        try:
            fsutil.ensure_private_dir(self.path)
        except OSError as exc:
            raise self._index._io_error(exc) from exc
        with self._index_locked():
            values = dict(self._settings())
            if key in values and values[key] == value and self._index.peek() is not None:
                return
            values[key] = value
            self._index_apply({}, settings={"1": {"values": values}})

    # -- export / import --------------------------------------------------------
    def export_client(self, client_id: str) -> dict[str, Any]:
        from coach.store.portable import build_export
        from coach.store.results_log import results

        entry = self.client(client_id)
        data = self._client(client_id).read_state() or {}
        draft = self.load_draft(client_id)
        lang = data["meta"]["1"].get("lang")
        return build_export(entry.name, entry.created, _ordered(data.get("assessments", {})),
                            draft._asdict() if draft is not None else None,
                            lang=lang if lang in LANGS else None,
                            results=[r._asdict() for r in results(self, client_id)])

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
                      check_plan: Callable[[Mapping[str, Any], str], object] | None = None,
                      source: str = "import") -> tuple[str, bool]:
        """Add a client from an export; (client id, replaced an existing one?).

        A replaced client is a new one (a new id) that takes the old one's place in a
        single write of the index, the old one then forgotten: nothing of its previous
        life (results, draft, backups) can come back under the new one."""
        from coach.store.portable import read_export

        got = read_export(payload, source=source, check_answers=check_answers,
                          check_plan=check_plan)
        name = self._valid_name(got.name)
        existing = self.find_client(name)
        if existing is not None and not replace:
            raise _taken_for_import(existing.name)
        if existing is None:
            with self._index_locked():
                if self.find_client(name) is None:
                    client_id = new_client_id()
                    self._write_new_client(client_id, name, got.assessments, got.draft,
                                           got.created, results=got.results, lang=got.lang)
                    return client_id, False
            existing = self.require_client(name)  # created meanwhile by another process
            if not replace:
                raise _taken_for_import(existing.name)
        return self._replace_client(existing, name, got), True

    def _replace_client(self, old: ClientSummary, name: str, got: Imported) -> str:
        """The new client's files, written under a new id (no one lists them yet); then,
        the old client locked, its `.forget` marker and one index write that puts the new
        one in its place; then the old one forgotten.

        A kill before the marker leaves the old client whole and the new one adopted by
        the next open under a suffixed name; after it, the next open finishes the job.
        A failure before the index write takes the new files back: the old client stays
        as it was, with its own results and draft, never with the file's."""
        self._check_writable()
        client_id = new_client_id()
        data = self._write_client_files(client_id, name, got.assessments, got.draft,
                                        got.created or old.created, results=got.results,
                                        lang=got.lang)
        entry = self._entry_for(data, _ordered(got.assessments), _today())
        swapped = marked = False
        try:
            with self._client_locked(old.id) as df:  # no save of the old one in between
                try:
                    marked = not self._forget_marker(old.id).exists()
                    self._mark_forget(old.id)
                except OSError as exc:
                    raise df._io_error(exc) from exc
                with self._index_locked():
                    values = self._settings()
                    moved = {k: client_id if v == old.id else v for k, v in values.items()}
                    self._index_apply({old.id: None, client_id: entry},
                                      settings={"1": {"values": moved}}
                                      if moved != values else None)
                    swapped = True
        finally:
            if not swapped:
                if marked:
                    with contextlib.suppress(OSError):
                        self._forget_marker(old.id).unlink()
                self._discard_unlisted(client_id)
        self._forget(old.id, old.name)
        return client_id


def _taken_for_import(name: str) -> BadName:
    return BadName(_tr.gettext(
        "A client named \"{name}\" already exists (use --replace to overwrite it)."
    ).format(name=name))


class _KeepPending(Exception):
    """Internal: leave the `.pending` marker (the index is behind the client file)."""


def assessment_doc(answers: dict[str, Any], plan: dict[str, Any], *, notes: str | None,
                   engine_version: str | None) -> dict[str, Any]:
    assessed = plan.get("assessed_on")
    return {"date": assessed if isinstance(assessed, str) and assessed else _today(),
            "answers": answers, "plan": plan,
            "engine_version": engine_version or plan.get("engine_version"),
            "notes": notes, "saved_at": _now()}


def _draft_doc(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The draft kept inside a client file (before side files), if any."""
    doc = (data.get("draft") or {}).get("1")
    return doc if isinstance(doc, dict) else None


def _ordered(table: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Assessments oldest first, each with its id."""
    out = []
    for doc_id in sorted(table, key=int):
        doc = dict(table[doc_id])
        doc["id"] = int(doc_id)
        out.append(doc)
    return out
