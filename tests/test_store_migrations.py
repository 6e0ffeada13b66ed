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


INLINE = FIXTURES / "v1-inline-draft"
INLINE_ID = "c-adf44681a4d94a3b2abc6e2d5e618032"


def _inline(workspace: Path) -> tuple[Workspace, Path, Path]:
    shutil.copytree(INLINE, workspace)
    client = workspace / "clients" / f"{INLINE_ID}.json"
    side = workspace / "clients" / "draft" / f"{INLINE_ID}.json"
    return Workspace.open(workspace), client, side


def test_a_draft_kept_in_the_client_file_is_read_there_until_the_first_save(
        workspace: Path) -> None:
    ws, client, side = _inline(workspace)
    before = client.read_bytes()
    answers, position = ws.load_draft(INLINE_ID)
    assert answers["profile"]["weekly_budget_hours"] == 4.0 and position["stage"] == "time"
    assert ws.export_client(INLINE_ID)["draft"]["answers"] == answers
    assert client.read_bytes() == before and not side.exists()  # reading changes nothing
    ws.save_draft(INLINE_ID, {"x": 1}, {"stage": "plan"})
    assert json.loads(client.read_text())["draft"] == {}  # moved: one copy, in the side file
    assert json.loads(side.read_text())["draft"]["1"]["answers"] == {"x": 1}
    assert Workspace.open(workspace).load_draft(INLINE_ID) == ({"x": 1}, {"stage": "plan"})
    assert [a.id for a in ws.assessments(INLINE_ID)] == [1]


def test_an_assessment_from_a_file_moves_the_old_draft_instead_of_dropping_it(
        workspace: Path) -> None:
    ws, client, side = _inline(workspace)
    draft = ws.load_draft(INLINE_ID)
    a = ws.assessments(INLINE_ID)[0]
    ws.finish_assessment(INLINE_ID, a.answers, a.plan, keep_draft=True)
    assert json.loads(client.read_text())["draft"] == {} and side.exists()
    assert Workspace.open(workspace).load_draft(INLINE_ID) == draft
    ws.finish_assessment(INLINE_ID, a.answers, a.plan)  # finishing the draft drops it
    assert Workspace.open(workspace).load_draft(INLINE_ID) is None


@pytest.mark.parametrize("how", ["discard", "finish", "forget"])
def test_an_old_inline_draft_goes_when_it_should(workspace: Path, how: str) -> None:
    ws, client, _side = _inline(workspace)
    if how == "discard":
        ws.discard_draft(INLINE_ID)
    elif how == "finish":
        a = ws.assessments(INLINE_ID)[0]
        ws.finish_assessment(INLINE_ID, a.answers, a.plan)
    else:
        ws.forget_client(INLINE_ID)
        assert not [p for p in workspace.rglob("*") if INLINE_ID in p.name]
        return
    assert Workspace.open(workspace).load_draft(INLINE_ID) is None
    assert json.loads(client.read_text())["draft"] == {}
