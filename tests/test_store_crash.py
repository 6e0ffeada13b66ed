"""Crashes and concurrent writers: kill -9 during saves, two processes at once."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from coach.store import Workspace

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "store"

SAVER = """
import json, sys
from pathlib import Path
from coach.store import Workspace
ws = Workspace.open(Path(sys.argv[1]))
cid, _ = ws.ensure_client("Kill Test")
plan = json.loads(Path(sys.argv[2]).read_text())
start = int(sys.argv[3])
i = start
while True:
    ws.save_draft(cid, {"i": i, "pad": "x" * 2000}, {"step": i})
    print("draft", i, flush=True)
    if i % 5 == 0:
        ws.finish_assessment(cid, {"i": i}, plan, notes=str(i))
        print("assessment", i, flush=True)
    i += 1
"""


def _run(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def test_kill_9_at_random_moments_loses_no_acknowledged_save(workspace: Path) -> None:
    rng = random.Random(4)
    acked_drafts = -1
    acked_notes: set[str] = set()
    start = 0
    deadline = time.monotonic() + 12
    rounds = 0
    while rounds < 4 or (time.monotonic() < deadline and rounds < 12):
        rounds += 1
        proc = _run(SAVER, str(workspace), str(FIXTURES / "plan.json"), str(start))
        assert proc.stdout is not None
        first = proc.stdout.readline()  # started saving
        assert first.startswith("draft"), proc.stderr.read() if proc.stderr else first
        time.sleep(rng.uniform(0, 0.15))
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows (no SIGKILL there)
        rest, _err = proc.communicate()
        for line in [first, *rest.splitlines()]:
            parts = line.split()
            if len(parts) == 2 and parts[0] == "draft":
                acked_drafts = max(acked_drafts, int(parts[1]))
            elif len(parts) == 2 and parts[0] == "assessment":
                acked_notes.add(parts[1])
        ws = Workspace.open(workspace)
        assert not [p for p in workspace.rglob("*") if ".tmp-" in p.name]
        assert not [p for p in workspace.rglob("*") if ".damaged-" in p.name]
        for p in workspace.rglob("*.json"):
            json.loads(p.read_text())  # every data file is whole
        [client] = ws.list_clients()
        draft = ws.load_draft(client.id)
        stored_notes = {a.notes for a in ws.assessments(client.id)}
        assert acked_notes <= stored_notes
        if draft is not None:  # None only right after an assessment, which dropped it
            assert draft.answers["i"] >= acked_drafts
        else:  # the last write was an assessment made after the latest draft
            assert max(int(n) for n in stored_notes) >= acked_drafts
        assert client.assessments == len(stored_notes)
        start = acked_drafts + 1 + 1000 * rounds  # keep numbers distinct across rounds
    assert rounds >= 4


WRITER = """
import sys, time
from pathlib import Path
from coach.store import Workspace
from coach.store.service import save_plan_assessment
ws_path, tag, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
while not go.exists():
    time.sleep(0.002)
ws = Workspace.open(ws_path)
for i in range(25):
    save_plan_assessment(ws, "Même Client", {"n": f"{tag}-{i}"}, {"assessed_on": "2026-11-22"},
                         notes=f"{tag}-{i}")
    cid = ws.find_client("même client").id
    ws.save_draft(cid, {"by": tag, "i": i}, {})
print("done", flush=True)
"""


def test_two_processes_saving_the_same_client_lose_nothing(workspace: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    procs = [_run(WRITER, str(workspace), tag, str(go)) for tag in ("a", "b")]
    time.sleep(0.5)  # both imported and waiting
    go.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    ws = Workspace.open(workspace)
    [client] = ws.list_clients()  # one client, although both created it at the same moment
    notes = sorted(a.notes for a in ws.assessments(client.id))
    assert notes == sorted([f"{t}-{i}" for t in "ab" for i in range(25)])
    assert client.assessments == 50
    assert len({a.id for a in ws.assessments(client.id)}) == 50
