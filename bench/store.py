"""Store benchmark: a consultant's workspace of 1,000 clients x 10 assessments.

- store_save_ms_median: saving one answer of a draft (what the TUI does per answer).
- store_save_speedup_vs_single_file: the same save against the same documents kept
  in one default TinyDB JSON file (TinyDB's JSONStorage), measured in this run.
- clients_list_ms: opening the workspace and listing every client (`coach clients`).

The workspace is generated directly in the store's file format (going through the
API would take minutes of index rewrites and measure nothing we care about here).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

CLIENTS = 1000
ASSESSMENTS = 10
SAVES = 200
SINGLE_FILE_SAVES = 5


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
        "schema": 1, "client": f"Client {n}", "lang": "en", "assessed_on": f"2026-01-{day:02d}",
        "engine_version": "1.0",
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


def _generate(root: Path) -> tuple[list[str], dict[str, Any]]:
    """Write the workspace; return the client ids and the single-file equivalent."""
    from coach.store import fsutil
    from coach.store.names import name_key, new_client_id
    from coach.store.schema import SCHEMA
    from coach.store.storage import serialise
    from coach.store.summary import client_summary
    from coach.store.workspace import _ordered

    clients_dir = root / "clients"
    fsutil.ensure_private_dir(clients_dir)
    index: dict[str, Any] = {}
    single: dict[str, Any] = {"clients": {}, "assessments": {}, "drafts": {}}
    ids = []
    for n in range(1, CLIENTS + 1):
        cid = new_client_id()
        ids.append(cid)
        answers = _answers(n)
        assessments = {str(a): {"date": f"2026-01-{a:02d}", "answers": answers,
                                "plan": _plan(n, a), "engine_version": "1.0", "notes": None,
                                "saved_at": None} for a in range(1, ASSESSMENTS + 1)}
        draft = {"1": {"answers": answers, "position": {"step": 1}, "updated": None}}
        data = {"meta": {"1": {"schema": SCHEMA, "kind": "client", "client_id": cid,
                               "name": f"Client {n}", "created": "2026-01-01"}},
                "assessments": assessments, "draft": draft}
        fsutil.atomic_write(clients_dir / f"{cid}.json", serialise(data).encode())
        index[str(n)] = {"id": cid, "name": f"Client {n}", "key": name_key(f"Client {n}"),
                         "created": "2026-01-01", "last_activity": "2026-01-10",
                         **client_summary(_ordered(assessments))}
        single["clients"][str(n)] = {"id": cid, "name": f"Client {n}"}
        for a, doc in assessments.items():
            single["assessments"][str(len(single["assessments"]) + 1)] = {
                **doc, "client": cid, "n": int(a)}
        single["drafts"][str(n)] = {"client": cid, **draft["1"]}
    fsutil.atomic_write(root / "index.json", serialise(
        {"meta": {"1": {"schema": SCHEMA, "kind": "index"}}, "clients": index,
         "settings": {}}).encode())
    return ids, single


def run() -> dict[str, float | str]:
    from tinydb import TinyDB

    from coach.store import Workspace

    with tempfile.TemporaryDirectory(prefix="coach-bench-store-") as tmp:
        root = Path(tmp) / "workspace"
        ids, single = _generate(root)

        t0 = time.perf_counter()
        ws = Workspace.open(root)
        listed = ws.list_clients()
        list_ms = (time.perf_counter() - t0) * 1000
        assert len(listed) == CLIENTS

        cid = ids[len(ids) // 2]
        answers = _answers(500)
        ws.save_draft(cid, answers, {"step": 0})  # warm: the client file is now in memory
        times = []
        for i in range(SAVES):
            answers["platforms"][0]["hours_per_week"] = float(i % 40)
            t = time.perf_counter()
            ws.save_draft(cid, answers, {"step": i})
            times.append((time.perf_counter() - t) * 1000)
        store_ms = statistics.median(times)

        path = Path(tmp) / "single.json"
        path.write_text(json.dumps(single))
        db = TinyDB(path)  # TinyDB's default JSONStorage, as a single-file design would use
        drafts = db.table("drafts")
        doc_id = len(ids) // 2 + 1
        single_times = []
        for i in range(SINGLE_FILE_SAVES):
            answers["platforms"][0]["hours_per_week"] = float(i)
            t = time.perf_counter()
            drafts.update({"answers": answers, "position": {"step": i}}, doc_ids=[doc_id])
            single_times.append((time.perf_counter() - t) * 1000)
        db.close()
        single_ms = statistics.median(single_times)

    return {
        "store_save_ms_median": store_ms,
        "store_save_speedup_vs_single_file": single_ms / store_ms,
        "store_single_file_save_ms_median": single_ms,
        "clients_list_ms": list_ms,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value:.3f}")
