"""Committed workspaces of each old schema version open, upgraded, with nothing lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coach.store import Workspace
from coach.store.schema import MIGRATIONS, SCHEMA

FIXTURES = Path(__file__).parent / "fixtures" / "store"
CID = "c-0123456789abcdef0123456789abcdef"


def test_every_old_version_has_a_migration_and_a_fixture() -> None:
    for version in range(SCHEMA):
        assert version in MIGRATIONS, f"no migration from schema {version}"
        assert (FIXTURES / f"v{version}").is_dir(), f"no committed v{version} workspace"


@pytest.mark.parametrize("version", range(SCHEMA))
def test_old_workspace_opens_upgraded(workspace: Path, version: int) -> None:
    shutil.copytree(FIXTURES / f"v{version}", workspace)
    old_client = (workspace / "clients" / f"{CID}.json").read_bytes()
    ws = Workspace.open(workspace)
    [entry] = ws.list_clients()
    assert entry.name == "Atelier Lune" and entry.id == CID
    assert entry.created == "2026-05-30"
    # summaries are recomputed from the client file after the index upgrade
    assert entry.assessments == 2 and entry.focus == "linkedin"
    assert entry.last_assessed == "2026-11-01" and entry.warnings == 2
    a1, a2 = ws.assessments(CID)
    assert (a1.date, a2.date) == ("2026-06-01", "2026-11-01")
    assert a1.plan["focus"]["platform"] == "instagram"
    assert a2.engine_version == "1.0" and a1.engine_version is None
    assert a2.answers["platforms"][0]["id"] == "linkedin"
    answers, position = ws.load_draft(CID)
    assert answers["profile"]["name"] == "Atelier Lune" and position == {"step": 3}
    assert ws.get_setting("lang") == "fr"
    # written back at the current version; the old bytes kept as the first backup
    client = workspace / "clients" / f"{CID}.json"
    assert json.loads(client.read_text())["meta"]["1"]["schema"] == SCHEMA
    assert json.loads((workspace / "index.json").read_text())["meta"]["1"]["schema"] == SCHEMA
    assert client.with_name(client.name + ".bak1").read_bytes() == old_client
    # and it keeps working
    ws.save_draft(CID, {"x": 1}, {"step": 4})
    assert Workspace.open(workspace).load_draft(CID) == ({"x": 1}, {"step": 4})
