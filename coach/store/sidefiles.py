"""Per-client side files: data kept apart from a client's file so that saving it costs
what it weighs, not what the client's whole history weighs.

A client file holds every past assessment (answers and plan snapshots: 2.5 MB for 500
assessments). Rewriting it on every answer of an assessment in progress made autosave
cost 200 ms; the draft therefore lives in its own small file, and any other per-client
data that changes often (a results log...) can do the same:

    <workspace>/clients/<part>/c-<id>.json      one side file per client and part

A side file is a DataFile like the others (atomic writes, 0600, lock, `.bak1-3`,
damage kept aside and its backup restored), of kind "side":

    {"meta": {"1": {"schema": 1, "kind": "side", "part": "<part>", "client_id": "c-..."}},
     "<part>": {"1": {...}, ...}}                 # any TinyDB tables the part needs

To add a part: name it in PARTS (forget then erases it with the client, the workspace
cleans its crash leftovers) and, if its documents have a shape to keep, check it in
`schema._check_side`; reach it with `Workspace.side_file(client_id, part)`. Lock order
everywhere: the client file, then its side files, then the index.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coach.store.schema import SCHEMA

DRAFT = "draft"
RESULTS = "results"   # the results log (coach/store/results_log.py)
# Every part a client may have; the folder of each is clients/<part>/.
PARTS: tuple[str, ...] = (DRAFT, RESULTS)


def side_dir(clients_dir: Path, part: str) -> Path:
    if part not in PARTS:
        raise ValueError(f"unknown side file {part!r}")  # a bug in coach, not user input
    return clients_dir / part


def side_path(clients_dir: Path, part: str, client_id: str) -> Path:
    return side_dir(clients_dir, part) / f"{client_id}.json"


def empty_side(part: str, client_id: str) -> dict[str, Any]:
    return {"meta": {"1": {"schema": SCHEMA, "kind": "side", "part": part,
                           "client_id": client_id}}, part: {}}
