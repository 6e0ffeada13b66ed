"""A corpus of damaged files, each tried on a client file and on the index."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coach.i18n import say
from coach.store import ReadOnlyWorkspace, StoreError, Workspace
from coach.store.schema import SCHEMA
from tests.store_files import whole_index


def notices_said(ws: Workspace, lang: str = "en") -> list[str]:
    """The workspace's notices as a face says them (they are messages, not text)."""
    return [say(n, lang) for n in ws.notices]

FIXTURES = Path(__file__).parent / "fixtures" / "store"


def plan() -> dict:
    return json.loads((FIXTURES / "plan.json").read_text())


def answers() -> dict:
    return json.loads((FIXTURES / "answers.json").read_text())


def newer(data: bytes) -> bytes:
    doc = json.loads(data)
    doc["meta"]["1"]["schema"] = SCHEMA + 1
    doc["future_table"] = {"1": {"hologram": True}}
    return json.dumps(doc).encode()


DAMAGE = {
    "truncated": lambda b: b[: len(b) // 2],
    "empty": lambda b: b"",
    "random_bytes": lambda b: os.urandom(300),
    "not_utf8": lambda b: b"\xff\xfe" + b[2:],
    "wrong_shape_list": lambda b: b"[1, 2, 3]",
    "wrong_shape_tables": lambda b: json.dumps({"meta": {"1": {"schema": 1}},
                                                "assessments": [1]}).encode(),
    "wrong_kind": lambda b: json.dumps({"meta": {"1": {"schema": 1, "kind": "other"}}}).encode(),
}


def draft_path(ws: Workspace, cid: str) -> Path:
    """The client's draft: its own side file, apart from the past assessments."""
    return ws.path / "clients" / "draft" / f"{cid}.json"


def make_client(ws: Workspace, saves: int) -> tuple[str, Path]:
    cid = ws.create_client("Atelier Lune")
    ws.finish_assessment(cid, answers(), plan())
    for i in range(saves):
        ws.save_draft(cid, {"i": i}, {"step": i})
    return cid, ws.path / "clients" / f"{cid}.json"


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_client_file_is_kept_aside_and_its_backup_restored(workspace: Path,
                                                                   kind: str) -> None:
    ws = Workspace.open(workspace)
    cid, _client = make_client(ws, saves=3)
    path = draft_path(ws, cid)
    bad = DAMAGE[kind](path.read_bytes())
    path.write_bytes(bad)
    again = Workspace.open(workspace)
    assert again.load_draft(cid) == ({"i": 1}, {"step": 1})  # the newest backup
    [aside] = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert aside.read_bytes() == bad  # bytes intact
    assert any("Atelier Lune" in n and path.name in n and aside.name in n
               for n in notices_said(again)), again.notices
    again.save_draft(cid, {"i": 9}, {})  # and it works again
    assert Workspace.open(workspace).load_draft(cid) == ({"i": 9}, {})


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_client_file_without_backup_fails_naming_it_and_stays(workspace: Path,
                                                                      kind: str) -> None:
    ws = Workspace.open(workspace, backups=0)
    cid, _client = make_client(ws, saves=1)
    path = draft_path(ws, cid)
    bad = DAMAGE[kind](path.read_bytes())
    path.write_bytes(bad)
    again = Workspace.open(workspace, backups=0)
    with pytest.raises(StoreError) as caught:
        again.save_draft(cid, {"i": 5}, {})
    assert str(path) in str(caught.value) and "Atelier Lune" in str(caught.value)
    assert path.read_bytes() == bad  # never overwritten
    assert again.list_clients()[0].name == "Atelier Lune"  # the rest still works


def test_newest_valid_backup_wins_over_damaged_ones(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid, _client = make_client(ws, saves=4)
    path = draft_path(ws, cid)
    path.write_bytes(b"")
    path.with_name(path.name + ".bak1").write_bytes(b"{")
    again = Workspace.open(workspace)
    assert again.load_draft(cid) == ({"i": 1}, {"step": 1})  # .bak2


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_client_file_gives_back_its_previous_assessments(workspace: Path,
                                                                 kind: str) -> None:
    ws = Workspace.open(workspace)
    cid, path = make_client(ws, saves=2)
    ws.finish_assessment(cid, answers(), plan(), keep_draft=True)
    bad = DAMAGE[kind](path.read_bytes())
    path.write_bytes(bad)
    again = Workspace.open(workspace)
    assert [a.id for a in again.assessments(cid)] == [1]  # the backup before the second
    assert again.client(cid).assessments == 1  # and the list follows what came back
    assert again.load_draft(cid) == ({"i": 1}, {"step": 1})  # the draft was elsewhere
    [aside] = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert aside.read_bytes() == bad
    assert aside.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_index_is_restored_from_backup(workspace: Path, kind: str) -> None:
    ws = Workspace.open(workspace)
    make_client(ws, saves=0)
    ws.create_client("Second")
    index = workspace / "index.json"
    index.write_bytes(DAMAGE[kind](index.read_bytes()))
    again = Workspace.open(workspace)
    # The backup predates "Second"; its client file is on disk, so it is added back.
    assert [c.name for c in again.list_clients()] == ["Atelier Lune", "Second"]
    assert any("index.json" in n for n in notices_said(again))


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_index_without_backup_is_rebuilt_from_client_files(workspace: Path,
                                                                   kind: str) -> None:
    ws = Workspace.open(workspace, backups=0)
    cid, _path = make_client(ws, saves=0)
    ws.create_client("Second")
    index = workspace / "index.json"
    bad = DAMAGE[kind](index.read_bytes())
    index.write_bytes(bad)
    again = Workspace.open(workspace, backups=0)
    clients = again.list_clients()
    assert [c.name for c in clients] == ["Atelier Lune", "Second"]
    assert clients[0].id == cid and clients[0].focus == "linkedin"
    assert any("rebuilt" in n for n in notices_said(again))
    [aside] = [p for p in workspace.iterdir() if ".damaged-" in p.name]
    assert aside.read_bytes() == bad


def test_missing_index_is_rebuilt(workspace: Path) -> None:
    ws = Workspace.open(workspace, backups=0)
    make_client(ws, saves=0)
    (workspace / "index.json").unlink()
    again = Workspace.open(workspace)
    assert [c.name for c in again.list_clients()] == ["Atelier Lune"]
    assert any("rebuilt" in n for n in notices_said(again))


def test_client_file_from_a_newer_coach_is_read_only(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid, path = make_client(ws, saves=0)
    other = ws.create_client("Other")
    path.write_bytes(newer(path.read_bytes()))
    before = path.read_bytes()
    again = Workspace.open(workspace)
    assert again.assessments(cid)[0].plan["focus"]["platform"] == "linkedin"  # readable
    with pytest.raises(ReadOnlyWorkspace, match="newer version of coach"):
        again.save_draft(cid, {"i": 1}, {})
    with pytest.raises(ReadOnlyWorkspace):
        again.finish_assessment(cid, answers(), plan())
    assert path.read_bytes() == before
    again.save_draft(other, {"i": 1}, {})  # other clients are not affected


def test_index_from_a_newer_coach_makes_the_workspace_read_only(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid, _path = make_client(ws, saves=0)
    index = workspace / "index.json"
    index.write_bytes(newer(index.read_bytes()))
    before = sorted((p.name, p.read_bytes()) for p in workspace.rglob("*") if p.is_file()
                    and not p.name.endswith(".lock"))
    again = Workspace.open(workspace)
    assert again.read_only and any("newer version" in n for n in notices_said(again))
    assert again.list_clients()[0].name == "Atelier Lune"
    for write in (lambda: again.create_client("New"), lambda: again.set_setting("a", 1),
                  lambda: again.save_draft(cid, {}, {}), lambda: again.forget_client(cid)):
        with pytest.raises(ReadOnlyWorkspace):
            write()
    after = sorted((p.name, p.read_bytes()) for p in workspace.rglob("*") if p.is_file()
                   and not p.name.endswith(".lock"))
    assert after == before


def test_open_repairs_what_a_crash_between_client_and_index_left(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid, path = make_client(ws, saves=0)
    gone = ws.create_client("Gone")
    index = workspace / "index.json"
    data = whole_index(workspace)   # one file to edit (recent changes sit in its log)
    for entry in data["clients"].values():
        if entry["id"] == cid:  # killed after the client write: summary stale, marked dirty
            entry.update({"dirty": True, "assessments": 0, "focus": None})
    index.write_text(json.dumps(data))
    for p in (workspace / "clients").glob(f"{gone}.json*"):  # killed while forgetting
        p.unlink()
    orphan = path.with_name("c-" + "f" * 32 + ".json")  # killed while creating
    doc = json.loads(path.read_text())
    doc["meta"]["1"].update({"client_id": orphan.stem, "name": "Orphan"})
    orphan.write_text(json.dumps(doc))
    again = Workspace.open(workspace)
    clients = {c.name: c for c in again.list_clients()}
    assert sorted(clients) == ["Atelier Lune", "Orphan"]
    assert clients["Atelier Lune"].assessments == 1
    assert clients["Atelier Lune"].focus == "linkedin"
    assert any("Gone" in n for n in notices_said(again))


def test_forget_works_on_a_client_whose_file_is_beyond_repair(workspace: Path) -> None:
    ws = Workspace.open(workspace, backups=0)
    cid, path = make_client(ws, saves=0)
    path.write_bytes(b"\x00Atelier Lune garbage")
    again = Workspace.open(workspace, backups=0)
    again.forget_client(cid)
    assert not [p for p in workspace.rglob("*") if p.is_file() and b"Lune" in p.read_bytes()]


def test_a_write_that_cannot_happen_is_a_store_error_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="not-a-folder"):   # refused at open since the
        Workspace.open(blocker).create_client("Lune")  # folder check
    assert blocker.read_text() == "x"


def test_one_old_schema_client_file_in_a_current_workspace_is_upgraded(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid, path = make_client(ws, saves=0)
    v0 = json.loads((FIXTURES / "v0" / "clients" /
                     "c-0123456789abcdef0123456789abcdef.json").read_text())
    v0["profile"]["1"]["id"] = cid
    old = json.dumps(v0).encode()
    path.write_bytes(old)
    again = Workspace.open(workspace)
    assert [a.date for a in again.assessments(cid)] == ["2026-06-01", "2026-11-01"]
    assert again.load_draft(cid).position == {"step": 3}
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == SCHEMA
    assert path.with_name(path.name + ".bak1").read_bytes() == old
    assert not [p for p in path.parent.iterdir() if ".damaged-" in p.name]


@pytest.mark.parametrize(("kind", "said"), [("truncated", "JSON invalide à la ligne 1"),
                                            ("not_utf8", "ce n’est pas du texte UTF-8")])
def test_why_a_file_was_unreadable_is_said_in_french(workspace: Path, kind: str,
                                                     said: str) -> None:
    ws = Workspace.open(workspace)
    cid, path = make_client(ws, saves=2)
    path.write_bytes(DAMAGE[kind](path.read_bytes()))
    again = Workspace.open(workspace)
    again.load_draft(cid)                      # the client file is read here
    notices = " ".join(notices_said(again, "fr"))  # no language in the store: the face says
    assert said in notices and "Expecting" not in notices and "not UTF-8" not in notices
