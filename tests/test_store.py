"""Workspace store: clients, drafts, assessments, settings, names, permissions, backups."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coach.store import (
    BadName,
    StoreLocked,
    StoreValueError,
    UnknownClient,
    Workspace,
)
from coach.store.names import is_client_id
from coach.store.records import Space

FIXTURES = Path(__file__).parent / "fixtures" / "store"


def answers() -> dict:
    return json.loads((FIXTURES / "answers.json").read_text())


def plan() -> dict:
    return json.loads((FIXTURES / "plan.json").read_text())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def client_path(ws: Workspace, client_id: str) -> Path:
    return ws.path / "clients" / f"{client_id}.json"


def test_open_creates_nothing_until_the_first_save(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    assert ws.list_clients() == []
    assert ws.find_client("anyone") is None
    assert not workspace.exists()
    ws.create_client("Anyone")
    assert (workspace / "index.json").is_file()


def test_client_lifecycle_draft_then_assessment(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    assert is_client_id(cid)
    assert ws.load_draft(cid) is None
    ws.save_draft(cid, {"profile": {"name": "Atelier Lune"}}, {"screen": "profile", "step": 2})
    assert ws.load_draft(cid) == ({"profile": {"name": "Atelier Lune"}},
                                  {"screen": "profile", "step": 2})
    aid = ws.finish_assessment(cid, answers(), plan())
    assert aid == 1
    assert ws.load_draft(cid) is None  # the finished assessment replaces the draft
    again = Workspace.open(workspace)  # what another process sees on disk
    [stored] = again.assessments(cid)
    assert stored.answers == answers() and stored.plan == plan()
    assert stored.engine_version == "1.0" and stored.date == "2026-11-01"
    [entry] = again.list_clients()
    assert entry.name == "Atelier Lune" and entry.assessments == 1
    assert entry.focus == "linkedin"
    assert entry.space == Space(kind="group", name="Entrepreneurs de la Mauricie")
    assert entry.professional_hours == 5.5 and entry.budget_hours == 3.0
    assert entry.warnings == 2 and entry.warning_codes == ("OVER_BUDGET", "VANITY_METRICS")
    assert again.finish_assessment(cid, answers(), plan(), notes="follow-up") == 2
    assert [a.id for a in again.assessments(cid)] == [1, 2]
    assert again.assessment(cid, 2).notes == "follow-up"
    again.discard_draft(cid)


def test_names_unique_ignoring_case_and_unicode_form(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Émilie")
    decomposed = "E\u0301MILIE"
    assert ws.find_client(decomposed).id == cid
    with pytest.raises(BadName, match="already exists"):
        ws.create_client(decomposed)
    with pytest.raises(BadName):
        ws.create_client(" \x1b\x07 ")
    assert ws.ensure_client("émilie") == (cid, False)
    ws.rename_client(cid, "Émilie Tremblay")
    assert ws.client(cid).name == "Émilie Tremblay"
    assert Workspace.open(workspace).find_client("ÉMILIE TREMBLAY").id == cid
    with pytest.raises(UnknownClient, match="Nobody"):
        ws.require_client("Nobody")


HOSTILE = {
    "../x": "../x",
    "/etc/passwd": "/etc/passwd",
    "CON": "CON",
    "[bold]red[/]": "[bold]red[/]",
    "two\nlines": "two lines",
    "\x1b]0;pwned\x07title": "]0;pwnedtitle",
    "\x1b]8;;http://evil\x1b\\link": "]8;;http://evil\\link",
    "🦊 Renard": "🦊 Renard",
    "Émilie": "Émilie",
}


def test_hostile_names_stored_as_given_and_never_in_file_names(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    ids = {raw: ws.create_client(raw) for raw in HOSTILE}
    again = Workspace.open(workspace)
    for raw, shown in HOSTILE.items():
        assert again.client(ids[raw]).name == shown
        assert again.find_client(raw).id == ids[raw]
    for path in workspace.rglob("*"):
        assert path.resolve().is_relative_to(workspace.resolve())
        name = path.name.split(".")[0]
        assert name in ("index", "clients") or is_client_id(name), path
    assert not Path("/etc/passwd.json").exists()


def test_values_are_checked_before_anything_is_written(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Lune")
    ws.save_draft(cid, {"a": 1}, {})
    before = client_path(ws, cid).read_bytes()
    for bad in ({"when": {1, 2}}, {"x": float("nan")}, {"d": object()}):
        with pytest.raises(StoreValueError):
            ws.save_draft(cid, bad, {})
    with pytest.raises(StoreValueError):
        ws.set_setting("s", {1, 2})
    assert client_path(ws, cid).read_bytes() == before
    assert ws.load_draft(cid) == ({"a": 1}, {})


def test_settings_round_trip(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    assert ws.get_setting("lang", "en") == "en"
    ws.set_setting("lang", "fr")
    ws.set_setting("theme", {"dark": True})
    again = Workspace.open(workspace)
    assert again.get_setting("lang") == "fr" and again.get_setting("theme") == {"dark": True}


def test_permissions_under_umask_022(workspace: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        workspace.mkdir(mode=0o755)
        (workspace / "clients").mkdir(mode=0o755)
        os.chmod(workspace, 0o755)
        ws = Workspace.open(workspace)
        assert mode(workspace) == 0o700 and mode(workspace / "clients") == 0o700
        cid = ws.create_client("Lune")
        for i in range(5):
            ws.save_draft(cid, {"i": i}, {})
        ws.finish_assessment(cid, answers(), plan())
        target = tmp_path / "lune.json"
        ws.write_export(cid, target)
        files = [p for p in workspace.rglob("*") if p.is_file()]
        assert any(p.name.endswith(".bak3") for p in files)
        for p in files:
            assert mode(p) == 0o600, p
        for p in [workspace, *(d for d in workspace.rglob("*") if d.is_dir())]:
            assert mode(p) == 0o700, p
        assert mode(target) == 0o600
    finally:
        os.umask(old)


def test_backups_rotate_three_generations(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Lune")
    for i in range(6):
        ws.save_draft(cid, {"i": i}, {})
    path = ws.path / "clients" / "draft" / f"{cid}.json"  # the draft's own file
    backups = sorted(p.name for p in path.parent.iterdir() if ".bak" in p.name)
    assert backups == [f"{path.name}.bak{n}" for n in (1, 2, 3)]
    drafts = [json.loads(path.with_name(f"{path.name}.bak{n}").read_text())["draft"]["1"]
              ["answers"]["i"] for n in (1, 2, 3)]
    assert drafts == [4, 3, 2]  # newest first


def test_draft_save_leaves_the_index_alone_when_nothing_in_it_changes(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Lune")
    ws.save_draft(cid, {"i": 0}, {})
    index = workspace / "index.json"
    inode = index.stat().st_ino
    for i in range(1, 5):
        ws.save_draft(cid, {"i": i}, {})
    assert index.stat().st_ino == inode  # every write is a rename, so a write changes it


def test_stray_temp_files_are_removed_on_open(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Lune")
    stray = client_path(ws, cid).with_name(client_path(ws, cid).name + ".tmp-99999-dead")
    stray.write_text("{half")
    index_stray = workspace / "index.json.tmp-1-abc"
    index_stray.write_text("")
    Workspace.open(workspace)
    assert not stray.exists() and not index_stray.exists()


def test_a_held_lock_times_out_with_a_message_naming_the_client(workspace: Path) -> None:
    from filelock import FileLock

    ws = Workspace.open(workspace, lock_timeout=0.2)
    cid = ws.create_client("Atelier [Lune]")
    holder = FileLock(str(client_path(ws, cid)) + ".lock")
    with holder, pytest.raises(StoreLocked, match=r"Atelier \[Lune\]"):
        ws.save_draft(cid, {"i": 1}, {})
    ws.save_draft(cid, {"i": 2}, {})  # released: works again


def grep_workspace(root: Path, needles: list[bytes]) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()
            and any(n in p.read_bytes() for n in needles)]


def test_forget_leaves_nothing_of_the_client_on_disk(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    keep = ws.create_client("Gardé")
    name = "Émilie Zyxw"
    cid = ws.create_client(name)
    for i in range(4):
        ws.save_draft(cid, {"i": i}, {})
    ws.finish_assessment(cid, answers(), {**plan(), "client": name})
    ws.set_setting("last_client", cid)
    # a damaged copy of the client's file too
    path = client_path(ws, cid)
    path.with_name(path.name + ".damaged-20260101T000000Z").write_bytes(path.read_bytes()[:50])
    needles = [name.encode(), json.dumps(name).strip('"').encode(), cid.encode(),
               b"Zyxw"]
    assert grep_workspace(workspace, needles)
    ws.forget_client(cid)
    assert grep_workspace(workspace, needles) == []
    again = Workspace.open(workspace)
    assert [c.id for c in again.list_clients()] == [keep]
    assert again.get_setting("last_client") is None
    assert again.find_client(name) is None


@pytest.mark.parametrize("below", [None, "sub"])
def test_a_workspace_that_is_a_file_is_refused_naming_it(tmp_path: Path, below: str | None
                                                          ) -> None:
    from coach.store import StoreInputError

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    target = blocker / below if below else blocker
    with pytest.raises(StoreInputError) as caught:
        Workspace.open(target).list_clients()
    assert str(blocker) in str(caught.value) and "is a file" in str(caught.value)
    assert blocker.read_text() == "x"


def test_an_unreadable_index_folder_is_a_store_error_not_an_os_error(
        workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.store import StoreError

    ws = Workspace.open(workspace)
    ws.create_client("Anyone")
    real_stat = os.stat

    def refuse(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).endswith("index.json"):
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", refuse)
    with pytest.raises(StoreError) as caught:
        Workspace.open(workspace).list_clients()
    assert "index.json" in str(caught.value) and "Permission denied" in str(caught.value)


def test_forget_and_settings_on_a_folder_that_refuses_are_store_errors(
        workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.store import StoreError

    ws = Workspace.open(workspace)
    cid = ws.create_client("Lune")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    with monkeypatch.context() as m:
        m.setattr(Path, "unlink", refuse)
        with pytest.raises(StoreError, match="Permission denied") as caught:
            ws.forget_client(cid)
        assert "Lune" in str(caught.value) and "again" in str(caught.value)
        m.setattr(Path, "mkdir", refuse)
        with pytest.raises(StoreError, match="Permission denied"):
            Workspace.open(workspace.parent / "elsewhere").set_setting("lang", "fr")
    # Once fixed, the next open finishes the forget that was started (its marker says so).
    assert Workspace.open(workspace).list_clients() == []
    assert not [p for p in workspace.rglob("*") if cid in p.name]


def test_store_errors_are_said_in_the_language_of_the_moment(workspace: Path) -> None:
    """The workspace holds no language: an error raised while the run spoke English is
    said in French once the run's voice switched (the TUI palette does this)."""
    from coach.errors import InputError
    from coach.i18n import Voice

    voice = Voice("en")
    ws = Workspace.open(workspace)
    ws.create_client("Atelier Lune")
    with pytest.raises(BadName) as caught:
        ws.create_client("ATELIER LUNE")
    assert caught.value.said(voice) == ['A client named "Atelier Lune" already exists.']
    voice.switch("fr")
    assert caught.value.said(voice) == ["Un client nommé «\u00a0Atelier Lune\u00a0» existe déjà."]
    assert isinstance(caught.value, InputError) and caught.value.exit_code == 2
    with pytest.raises(UnknownClient) as unknown:
        ws.require_client("Personne")
    assert unknown.value.said(voice) == ["Aucun client nommé «\u00a0Personne\u00a0»."]


def test_names_are_found_after_every_kind_of_change_here_and_elsewhere(tmp_path: Path) -> None:
    """find_client's name lookup (kept between changes, not a pass over every client)
    follows creations, renames and removals, in this process and in another."""
    from coach.store import Workspace

    ws = Workspace.open(tmp_path / "ws")
    a, b = ws.create_client("Alpha"), ws.create_client("Beta")
    assert ws.find_client("ALPHA").id == a and ws.find_client("beta").id == b
    ws.rename_client(a, "Gamma")
    assert ws.find_client("Alpha") is None and ws.find_client("gamma").id == a
    ws.forget_client(b)
    assert ws.find_client("Beta") is None
    again = ws.create_client("beta")
    assert ws.find_client("BETA").id == again != b
    other = Workspace.open(tmp_path / "ws")          # another process's view
    d = other.create_client("Delta")
    other.rename_client(again, "Epsilon")
    assert ws.find_client("Delta").id == d
    assert ws.find_client("beta") is None and ws.find_client("epsilon").id == again
    assert [c.name for c in ws.list_clients()] == ["Delta", "Epsilon", "Gamma"]
    # The file on disk says the same to a reader that only parses it.
    names = sorted(e["name"] for e in json.loads(
        (tmp_path / "ws" / "index.json").read_text(encoding="utf-8"))["clients"].values())
    assert names == ["Delta", "Epsilon", "Gamma"]
