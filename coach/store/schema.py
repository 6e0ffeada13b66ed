"""File schemas: the version written in every file, its shape, and the migrations.

Every data file is a TinyDB document set (`{table: {doc_id: document}}`) with a
`meta` table holding `{"schema": N, "kind": "index" | "client", ...}`.

Versions:
- 0 (pre-release): no `meta` table. A client file had a `profile` table
  (`id`, `name`, `created`), assessments without engine version or notes, and a
  draft whose position was a bare `step` number. The index had only `id`, `name`
  and `created` per client (no summary) and settings as one document per key.
- 1: the current layout (see `coach/store/workspace.py`). Side files (kind "side",
  coach/store/sidefiles.py: the draft, kept apart from the client's history) were added
  within version 1: a client file may still hold its draft in its `draft` table, which
  is read until the first save moves it to the side file (older coaches of version 1
  ignore side files: they see the draft as it was before the move).

To add version 2: write `_v1_to_v2(kind, data) -> data`, register it in
MIGRATIONS under 1, bump SCHEMA, extend `check_shape` if needed, and commit a v1
fixture under tests/fixtures/store/v1/ (tests/test_store_migrations.py walks them).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from coach.store.names import CLIENT_ID, is_client_id

SCHEMA = 1
KINDS = ("index", "client", "side")

Data = dict[str, Any]


class ShapeError(ValueError):
    """The data is not a coach file of the expected kind (the message says where)."""


def _v0_to_v1(kind: str, data: Data) -> Data:
    out: Data = {}
    if kind == "client":
        profile = _single(data.get("profile"), "profile")
        out["meta"] = {"1": {"schema": 1, "kind": "client", "client_id": profile.get("id"),
                             "name": profile.get("name"), "created": profile.get("created")}}
        assessments: Data = {}
        for doc_id, doc in _table(data, "assessments").items():
            new = dict(doc)
            plan = new.get("plan")
            new.setdefault("engine_version",
                           plan.get("engine_version") if isinstance(plan, dict) else None)
            new.setdefault("notes", None)
            assessments[doc_id] = new
        out["assessments"] = assessments
        draft = _table(data, "draft")
        out["draft"] = {}
        for doc_id, doc in draft.items():
            step = doc.get("step", 0)
            out["draft"][doc_id] = {"answers": doc.get("answers", {}),
                                    "position": {"step": step}, "updated": None}
        return out
    # index: summaries are derived data; the workspace recomputes them after migrating.
    clients: Data = {}
    for doc_id, doc in _table(data, "clients").items():
        clients[doc_id] = {**empty_summary(), "id": doc.get("id"), "name": doc.get("name"),
                           "created": doc.get("created"), "last_activity": doc.get("created")}
    values = {doc.get("key"): doc.get("value") for doc in _table(data, "settings").values()
              if isinstance(doc.get("key"), str)}
    out["meta"] = {"1": {"schema": 1, "kind": "index"}}
    out["clients"] = clients
    out["settings"] = {"1": {"values": values}} if values else {}
    return out


# version N -> function turning a version-N file into a version N+1 file
MIGRATIONS: dict[int, Callable[[str, Data], Data]] = {
    0: _v0_to_v1,
}


def empty_summary() -> Data:
    return {"assessments": 0, "last_assessed": None, "focus": None, "space": None,
            "professional_hours": None, "budget_hours": None, "warnings": 0,
            "warning_codes": []}


def _table(data: Data, name: str) -> Data:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ShapeError(f"table {name!r} is not an object")
    for doc_id, doc in table.items():
        # isascii: "²".isdigit() is true, and int("²") fails.
        if not (isinstance(doc_id, str) and doc_id.isascii() and doc_id.isdigit()
                and isinstance(doc, dict)):
            raise ShapeError(f"table {name!r}: entry {doc_id!r} is not a document")
    return table


def _single(table: object, name: str) -> Data:
    if not isinstance(table, dict) or len(table) != 1:
        raise ShapeError(f"table {name!r} must hold exactly one document")
    doc = next(iter(table.values()))
    if not isinstance(doc, dict):
        raise ShapeError(f"table {name!r}: not a document")
    return doc


def version_of(kind: str, data: object) -> int:
    """The schema version of a parsed file; ShapeError if it is not a coach file at all."""
    if not isinstance(data, dict):
        raise ShapeError("the file does not hold an object")
    if "meta" not in data:
        marker = {"client": "profile", "index": "clients"}.get(kind)
        if marker is not None and marker in data:
            return 0
        raise ShapeError("no 'meta' table (not a coach file)")
    meta = _single(data["meta"], "meta")
    schema = meta.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ShapeError("meta.schema is not a positive integer")
    if meta.get("kind") != kind:
        raise ShapeError(f"meta.kind is {meta.get('kind')!r}, expected {kind!r}")
    return schema


def upgrade(kind: str, data: Data) -> tuple[Data, int]:
    """Bring a file up to SCHEMA; returns (data, version it had). Newer files are left as is."""
    found = version_of(kind, data)
    version = found
    if version < SCHEMA:
        data = copy.deepcopy(data)
    while version < SCHEMA:
        data = MIGRATIONS[version](kind, data)
        version += 1
    return data, found


def check_shape(kind: str, data: Data, *, expect_id: str | None = None) -> None:
    """Raise ShapeError unless `data` is a well-formed current-version file of `kind`."""
    if not isinstance(data, dict):
        raise ShapeError("the file does not hold an object")
    for name in data:
        if not (kind == "index" and name == "clients"):  # checked below, in one pass
            _table(data, name)
    meta = _single(data.get("meta"), "meta")
    if kind == "side":
        _check_side(meta, data, expect_id)
    elif kind == "client":
        client_id = meta.get("client_id")
        if not isinstance(client_id, str) or not is_client_id(client_id):
            raise ShapeError("meta.client_id is not a client id")
        if expect_id is not None and client_id != expect_id:
            raise ShapeError(f"meta.client_id is {client_id!r}, expected {expect_id!r}")
        if not isinstance(meta.get("name"), str) or not meta["name"]:
            raise ShapeError("meta.name is not a name")
        for doc_id, doc in _table(data, "assessments").items():
            for key in ("answers", "plan"):
                if not isinstance(doc.get(key), dict):
                    raise ShapeError(f"assessments[{doc_id}].{key} is not an object")
            if not isinstance(doc.get("date"), str):
                raise ShapeError(f"assessments[{doc_id}].date is not a date")
        for doc_id, doc in _table(data, "draft").items():
            for key in ("answers", "position"):
                if not isinstance(doc.get(key), dict):
                    raise ShapeError(f"draft[{doc_id}].{key} is not an object")
    else:
        clients = data.get("clients", {})
        if not isinstance(clients, dict):
            raise ShapeError("table 'clients' is not an object")
        match = CLIENT_ID.match
        for doc_id, doc in clients.items():  # one pass: 10,000 entries are read on open
            if doc.__class__ is not dict or not (doc_id.isascii() and doc_id.isdigit()):
                raise ShapeError(f"table 'clients': entry {doc_id!r} is not a document")
            cid, name = doc.get("id"), doc.get("name")
            if cid.__class__ is not str or not match(cid):
                raise ShapeError(f"clients[{doc_id}].id is not a client id")
            if name.__class__ is not str or not name:
                raise ShapeError(f"clients[{doc_id}].name is not a name")
        for doc in _table(data, "settings").values():
            if not isinstance(doc.get("values"), dict):
                raise ShapeError("settings.values is not an object")


def _check_side(meta: Data, data: Data, expect_id: str | None) -> None:
    client_id = meta.get("client_id")
    if not isinstance(client_id, str) or not is_client_id(client_id):
        raise ShapeError("meta.client_id is not a client id")
    if expect_id is not None and client_id != expect_id:
        raise ShapeError(f"meta.client_id is {client_id!r}, expected {expect_id!r}")
    part = meta.get("part")
    if not isinstance(part, str) or not part.isidentifier():
        raise ShapeError("meta.part is not a side-file name")
    if part == "draft":
        for doc_id, doc in _table(data, "draft").items():
            for key in ("answers", "position"):
                if not isinstance(doc.get(key), dict):
                    raise ShapeError(f"draft[{doc_id}].{key} is not an object")
