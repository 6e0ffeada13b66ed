"""Store benchmark: each figure beside its floor, measured in the same run on this disk.

The floor is what the disk and Python need at least for the same job: writing the
same bytes atomically (temp file, fsync, rename, fsync of the folder), or parsing the
same index once. Ratios are what to read on a loaded machine (other processes slow a
figure and its floor alike).

- draft_save_500_ms: one autosave (`Workspace.save_draft`, what the TUI does per
  answer) for a client with 500 past assessments, warm, median of 60;
  draft_save_500_floor_ms: an atomic write of the draft file's bytes; _vs_floor_ratio.
- finish_10000_ms: `finish_assessment` in a workspace of 10,000 clients (an open
  workspace, median of 12 finishes on different clients, after one warm-up that
  brings an index written by an older coach to the one-line-per-client layout);
  finish_10000_floor_ms: atomic writes of that client file's bytes and of the index's
  change (the line appended to its log; the whole index when it was written instead).
- workspace_open_10000_ms: `Workspace.open` + `list_clients` of 10,000 clients, median
  of 5; workspace_open_10000_floor_ms: reading and `json.loads` of index.json once;
  each timed after `gc.collect()` with no earlier workspace alive.
- client_create_1st_ms / client_create_1000th_ms: `create_client` in a workspace of two
  clients (the 3rd: the 1st also makes the folders, the 2nd the index's log) and the
  1,000th-1,039th of one built through the API, taken in turns, medians of 40;
  _1000th_vs_1st_ratio.
- clients_cli_10000_s: the real `coach clients` (text, to a pipe) on 10,000 clients,
  as a process, median of 3 (Python's start and imports included);
  clients_cli_10000_floor_s: a Python process that only reads and parses index.json
  (what any program listing these clients from this file pays); _vs_floor_ratio.
- store_open_list_1000_ms: `Workspace.open` + `list_clients` of 1,000 clients (the
  store's part of `coach clients`, without the process or the printing).

The workspaces are written directly in the store's file format (10,000 saves through
the API would take minutes and measure nothing asked here).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _answers(n: int) -> dict[str, Any]:
    platforms = []
    for p, pid in enumerate(("linkedin", "facebook", "instagram", "newsletter")):
        platforms.append({
            "id": pid, "reason": "professional", "why": f"Reach clients number {n} ({p})",
            "hours_per_week": 1.0 + p, "audiences_present": ["clients", "partners"],
            "know_who": p % 2 == 0, "activities": ["converse", "answer_questions"],
            "measures": ["inquiries", "site_visits"], "editorial_line": True,
            "results_90d": {"inquiries": 3, "won": 1, "referrals": 0, "site_visits": 40},
            "spaces": [{"kind": "group", "name": f"Group {n}-{p}"}], "extra": {},
        })
    return {"version": 1, "profile": {"name": f"Client {n}", "kind": "freelancer",
                                      "market": "b2b", "goal": "clients",
                                      "audiences": ["clients", "partners"],
                                      "weekly_budget_hours": 5.0}, "platforms": platforms}


def _plan(n: int, day: int) -> dict[str, Any]:
    return {
        "schema": 1, "client": f"Client {n}", "lang": "en",
        "assessed_on": f"2026-01-{1 + day % 28:02d}", "engine_version": "1.0",
        "focus": {"platform": "linkedin", "space": {"kind": "group", "name": f"Group {n}"},
                  "reasons": ["Your clients are there.", "You converse."]},
        "platforms": [{"platform": pid, "score": 80 - 10 * i, "verdict": "keep", "hours": 1.0,
                       "factors": {"audience": 30.0, "results": 20.0},
                       "explanation": "Clients are present and you talk with them." * 2}
                      for i, pid in enumerate(("linkedin", "facebook", "instagram"))],
        "time": {"budget": 5.0, "professional": 6.0, "personal": 0.0, "focus_hours": 2.0,
                 "freed": 1.0},
        "warnings": [{"code": "OVER_BUDGET", "severity": "warning", "platform": None,
                      "message": "6 h a week against a budget of 5 h."}],
        "routine": ["Tuesday: answer two questions."], "track": ["inquiries"],
        "expansion_gate": "One inquiry a month first.", "review_on": "2026-04-01",
    }


def _generate(root: Path, clients: int, assessments: int = 1) -> list[str]:
    """Client files and an index as an older coach wrote them (one JSON line), no fsync."""
    from coach.store import fsutil
    from coach.store.names import name_key, new_client_id
    from coach.store.schema import SCHEMA
    from coach.store.summary import client_summary
    from coach.store.workspace import _ordered

    folder = root / "clients"
    fsutil.ensure_private_dir(folder)
    index: dict[str, Any] = {}
    ids = []
    answers = _answers(0)
    for n in range(1, clients + 1):
        cid = new_client_id()
        ids.append(cid)
        table = {str(a): {"date": f"2026-01-{1 + a % 28:02d}", "answers": answers,
                          "plan": _plan(n, a), "engine_version": "1.0", "notes": None,
                          "saved_at": None} for a in range(1, assessments + 1)}
        data = {"meta": {"1": {"schema": SCHEMA, "kind": "client", "client_id": cid,
                               "name": f"Client {n:05d}", "created": "2026-01-01"}},
                "assessments": table, "draft": {}}
        fd = os.open(folder / f"{cid}.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, separators=(",", ":"))
        index[str(n)] = {"id": cid, "name": f"Client {n:05d}",
                         "key": name_key(f"Client {n:05d}"), "created": "2026-01-01",
                         "last_activity": "2026-01-10", **client_summary(_ordered(table))}
    doc = {"meta": {"1": {"schema": SCHEMA, "kind": "index"}}, "clients": index,
           "settings": {}}
    (root / "index.json").write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    os.chmod(root / "index.json", 0o600)
    return ids


def _floor_write(folder: Path, *blobs: bytes) -> float:
    """ms to write each blob atomically, as the store does (fsync file, rename, fsync dir)."""
    from coach.store import fsutil

    t = time.perf_counter()
    for i, blob in enumerate(blobs):
        fsutil.atomic_write(folder / f"floor-{i}.json", blob)
    return (time.perf_counter() - t) * 1000


def _draft_save(tmp: Path) -> dict[str, float]:
    from coach.store import Workspace
    from coach.store.sidefiles import side_path

    root = tmp / "draft500"
    [cid] = _generate(root, 1, assessments=500)
    ws = Workspace.open(root)
    answers = _answers(1)
    ws.save_draft(cid, answers, {"step": 0})  # warm (and moves nothing: no old draft)
    times, floors = [], []
    side = side_path(root / "clients", "draft", cid)
    for i in range(60):
        answers["platforms"][0]["hours_per_week"] = float(i % 40)
        t = time.perf_counter()
        ws.save_draft(cid, answers, {"step": i})
        times.append((time.perf_counter() - t) * 1000)
        floors.append(_floor_write(tmp, side.read_bytes()))
    ms, floor = statistics.median(times), statistics.median(floors)
    return {"draft_save_500_ms": ms, "draft_save_500_floor_ms": floor,
            "draft_save_500_vs_floor_ratio": ms / floor}


def _large(tmp: Path) -> dict[str, float]:
    from coach.store import Workspace

    root = tmp / "ws10000"
    ids = _generate(root, 10_000)
    index = root / "index.json"

    opens, parses = [], []
    for _ in range(5):
        # Both timings start alike: nothing of an earlier open still alive, and the
        # collector's pending work done (else one of them pays a pass over the other's
        # 10,000 entries, which decided the ratio more than either did).
        gc.collect()
        t = time.perf_counter()
        ws = Workspace.open(root)
        assert len(ws.list_clients()) == 10_000
        opens.append((time.perf_counter() - t) * 1000)
        del ws
        gc.collect()
        t = time.perf_counter()
        json.loads(index.read_bytes())
        parses.append((time.perf_counter() - t) * 1000)
    out = {"workspace_open_10000_ms": statistics.median(opens),
           "workspace_open_10000_floor_ms": statistics.median(parses)}
    out["workspace_open_10000_vs_floor_ratio"] = (out["workspace_open_10000_ms"]
                                                  / out["workspace_open_10000_floor_ms"])

    cli, floor = [], []
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    parse_only = f"import json; json.loads(open({str(index)!r}, 'rb').read())"
    for _ in range(3):
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "coach", "--lang", "en", "--data-dir",
                               str(root), "clients"], capture_output=True, env=env,
                              cwd=ROOT, check=True)
        cli.append(time.perf_counter() - t)
        assert done.stdout.count(b"Client ") >= 10_000, done.stderr[-300:]
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", parse_only], check=True)
        floor.append(time.perf_counter() - t)
    out["clients_cli_10000_s"] = statistics.median(cli)
    out["clients_cli_10000_floor_s"] = statistics.median(floor)
    out["clients_cli_10000_vs_floor_ratio"] = (out["clients_cli_10000_s"]
                                               / out["clients_cli_10000_floor_s"])

    ws = Workspace.open(root)
    plan = _plan(1, 3)
    ws.finish_assessment(ids[0], _answers(1), plan)  # warm: the index gets its layout
    finishes, floors = [], []
    for cid in ids[1:13]:
        t = time.perf_counter()
        ws.finish_assessment(cid, _answers(1), plan)
        finishes.append((time.perf_counter() - t) * 1000)
        client = root / "clients" / f"{cid}.json"
        # What the finish changed on disk: the client file, and the index's change (the
        # line it appended to the index's log, or the whole index every 200th change).
        log = root / "index.json.log"
        change = (log.read_bytes().splitlines(keepends=True)[-1] if log.exists()
                  else index.read_bytes())
        floors.append(_floor_write(tmp, client.read_bytes(), change))
    out["finish_10000_ms"] = statistics.median(finishes)
    out["finish_10000_floor_ms"] = statistics.median(floors)
    out["finish_10000_vs_floor_ratio"] = out["finish_10000_ms"] / out["finish_10000_floor_ms"]
    return out


def _create(tmp: Path) -> dict[str, float]:
    """A client created in a workspace holding two clients (the very first one also makes
    the folders and the index, the second the index's log: not the same work) against
    one created in a workspace holding 999 or more, measured in turns (a small workspace,
    then the large one, 40 times: this disk's fsync varies from one to the next) so that
    the machine's load, which drifts over a minute, weighs on both alike."""
    from coach.store import Workspace

    big = Workspace.open(tmp / "create-big")
    for n in range(999):
        big.create_client(f"Client {n:04d}")
    firsts, lasts = [], []
    for i in range(40):
        fresh = Workspace.open(tmp / f"create-{i}")
        fresh.create_client("Client 0000")  # the very first also makes folders and index,
        fresh.create_client("Client 0001")  # the second starts the index's log
        t = time.perf_counter()
        fresh.create_client("Client 0002")
        firsts.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        big.create_client(f"Client {999 + i:04d}")
        lasts.append((time.perf_counter() - t) * 1000)
    first, last = statistics.median(firsts), statistics.median(lasts)
    return {"client_create_1st_ms": first, "client_create_1000th_ms": last,
            "client_create_1000th_vs_1st_ratio": last / first}


def _list_1000(tmp: Path) -> dict[str, float]:
    from coach.store import Workspace

    root = tmp / "ws1000"
    _generate(root, 1000)
    times = []
    for _ in range(5):
        t = time.perf_counter()
        assert len(Workspace.open(root).list_clients()) == 1000
        times.append((time.perf_counter() - t) * 1000)
    return {"store_open_list_1000_ms": statistics.median(times)}


def run() -> dict[str, float | str]:
    out: dict[str, float | str] = {}
    with tempfile.TemporaryDirectory(prefix="coach-bench-store-") as tmp:
        for part in (_draft_save, _create, _list_1000, _large):
            out.update(part(Path(tmp)))
    return out


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
