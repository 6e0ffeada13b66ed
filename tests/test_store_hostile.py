"""The store under broken, hostile and large state (issue 13): each case reproduced as
the issue found it, through the real commands where a person would meet it.

Every case: the promised exit code, one message naming the file and the field, no
traceback, and every healthy client left as it was.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from coach.cli.main import main
from coach.store import StoreError, Workspace, fsutil
from tests.store_files import whole_index

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "store"
PERSONA = Path(__file__).parent / "personas" / "freelance_designer.toml"
GARBAGE_ID = "c-" + "0" * 32


def answers() -> dict:
    return json.loads((FIXTURES / "answers.json").read_text())


def plan(**changes: object) -> dict:
    return {**json.loads((FIXTURES / "plan.json").read_text()), **changes}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two(workspace: Path) -> dict[str, str]:
    """$B of the issue: Alpha and Beta, two assessments each."""
    ws = Workspace.open(workspace)
    ids = {}
    for name in ("Alpha", "Beta"):
        cid = ws.create_client(name)
        ws.finish_assessment(cid, answers(), plan())
        ws.finish_assessment(cid, answers(), plan(assessed_on="2026-11-20"))
        ids[name] = cid
    return ids


def client_path(workspace: Path, cid: str) -> Path:
    return workspace / "clients" / f"{cid}.json"


def snapshot(workspace: Path, cids: list[str]) -> dict[str, bytes]:
    """The bytes of these clients' data files (what 'left as it was' means)."""
    return {cid: client_path(workspace, cid).read_bytes() for cid in cids}


def drop_from_index(workspace: Path, cid: str) -> None:
    """The state a kill leaves between a client file and its index entry."""
    data = whole_index(workspace)
    data["clients"] = {k: v for k, v in data["clients"].items() if v["id"] != cid}
    (workspace / "index.json").write_text(json.dumps(data))


# -- 1. one unreadable file, an orphan, a duplicate ---------------------------------
def test_a_garbage_file_does_not_hide_a_healthy_orphan_nor_let_a_duplicate_in(
        two: dict[str, str], workspace: Path, capsys) -> None:
    drop_from_index(workspace, two["Alpha"])  # killed between client create and index
    (workspace / "clients" / f"{GARBAGE_ID}.json").write_text("garbage\n")
    code, out, err = run(capsys, "clients", "--format", "json")
    assert code == 0
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["Alpha"]["assessments"] == 2 and rows["Beta"]["assessments"] == 2
    assert f"{GARBAGE_ID}.json" in rows  # listed, to be looked at or forgotten
    assert f"{GARBAGE_ID}.json" in err and "Alpha" in err
    code, _out, _err = run(capsys, "plan", "--answers", str(PERSONA), "--client", "Alpha",
                           "--format", "json")
    assert code == 0
    ws = Workspace.open(workspace)
    assert [c.name for c in ws.list_clients()].count("Alpha") == 1
    assert ws.find_client("Alpha").assessments == 3
    code, _out, err = run(capsys, "forget", f"{GARBAGE_ID}.json", "--yes")
    assert code == 0
    assert not list((workspace / "clients").glob(f"{GARBAGE_ID}*"))


def test_an_orphan_whose_name_was_taken_meanwhile_gets_a_visible_suffix(
        two: dict[str, str], workspace: Path) -> None:
    drop_from_index(workspace, two["Alpha"])
    index = workspace / "index.json"
    data = json.loads(index.read_text())
    beta = next(v for v in data["clients"].values() if v["name"] == "Beta")
    data["clients"]["99"] = {**beta, "id": "c-" + "9" * 32, "name": "Alpha", "key": "alpha"}
    index.write_text(json.dumps(data))
    shutil.copy(client_path(workspace, two["Beta"]), client_path(workspace, "c-" + "9" * 32))
    doc = json.loads(client_path(workspace, "c-" + "9" * 32).read_text())
    doc["meta"]["1"].update({"client_id": "c-" + "9" * 32, "name": "Alpha"})
    client_path(workspace, "c-" + "9" * 32).write_text(json.dumps(doc))
    names = sorted(c.name for c in Workspace.open(workspace).list_clients())
    assert names == ["Alpha", "Alpha (2)", "Beta"]


# -- 2. a file the system refuses is not damage -------------------------------------
def test_a_file_that_cannot_be_read_is_not_moved_nor_replaced_by_its_backup(
        two: dict[str, str], workspace: Path, capsys, monkeypatch) -> None:
    path = client_path(workspace, two["Alpha"])
    before = sorted(p.name for p in path.parent.iterdir())
    real_open = open

    def refusing(file, *args, **kwargs):  # chmod 000 as a non-root user (tests run as root)
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing)
    monkeypatch.setattr("io.open", refusing)  # Path.read_bytes opens through io.open
    for command in (["history", "Alpha"], ["clients"], ["report", "Alpha"]):
        code, _out, err = run(capsys, *command)
        if command == ["clients"]:  # the list comes from the index: still there
            assert code == 0 and "Alpha" in _out
            continue
        assert code == 1, command
        assert f"cannot read {path}: Permission denied" in err and "Traceback" not in err
    monkeypatch.undo()
    assert sorted(p.name for p in path.parent.iterdir()) == before  # nothing moved
    assert [a.id for a in Workspace.open(workspace).assessments(two["Alpha"])] == [1, 2]


# -- 3. an assessment from a file leaves the draft ----------------------------------
def test_plan_from_a_file_keeps_the_assessment_in_progress(
        two: dict[str, str], workspace: Path, capsys) -> None:
    Workspace.open(workspace).save_draft(two["Alpha"], {"in": "progress"}, {"step": 2})
    code, _out, _err = run(capsys, "plan", "--answers", str(PERSONA), "--client", "Alpha",
                           "--format", "json")
    assert code == 0
    ws = Workspace.open(workspace)
    assert ws.load_draft(two["Alpha"]) == ({"in": "progress"}, {"step": 2})
    assert ws.client(two["Alpha"]).assessments == 3


def test_finishing_the_draft_itself_still_drops_it(two: dict[str, str], workspace: Path) -> None:
    ws = Workspace.open(workspace)
    ws.save_draft(two["Alpha"], {"in": "progress"}, {})
    ws.finish_assessment(two["Alpha"], answers(), plan())
    assert Workspace.open(workspace).load_draft(two["Alpha"]) is None


def test_a_kill_between_the_assessment_and_the_draft_does_not_offer_it_again(
        two: dict[str, str], workspace: Path, monkeypatch) -> None:
    ws = Workspace.open(workspace)
    ws.save_draft(two["Alpha"], {"in": "progress"}, {})
    monkeypatch.setattr(type(ws), "_clear_side_draft", lambda self, side: None)  # "killed"
    ws.finish_assessment(two["Alpha"], answers(), plan())
    monkeypatch.undo()
    assert Workspace.open(workspace).load_draft(two["Alpha"]) is None
    assert Workspace.open(workspace).client(two["Alpha"]).assessments == 3


# -- 4. import checks the plans ------------------------------------------------------
@pytest.mark.parametrize(("change", "field"), [
    (lambda p: p.update(platforms=5), "assessments[0].plan.platforms"),
    (lambda p: p["platforms"][0].update(score="high"), "assessments[0].plan.platforms[0].score"),
    (lambda p: p.update(warnings=[7]), "assessments[0].plan.warnings[0]"),
    (lambda p: p.update(time={"budget": "lots"}), "assessments[0].plan.time.budget"),
    (lambda p: p.update(focus={"platform": 3}), "assessments[0].plan.focus.platform"),
])
def test_import_refuses_a_plan_that_reports_could_not_read(two, workspace: Path, capsys,
                                                          tmp_path: Path, change,
                                                          field: str) -> None:
    out = tmp_path / "alpha.json"
    assert run(capsys, "export", "Alpha", "-o", str(out))[0] == 0
    data = json.loads(out.read_text())
    data["client"]["name"] = "Gamma"
    change(data["assessments"][0]["plan"])
    out.write_text(json.dumps(data))
    code, _out, err = run(capsys, "import", str(out))
    assert code == 2 and field in err and "Traceback" not in err
    assert Workspace.open(workspace).find_client("Gamma") is None


# -- 5. forget leaves nothing, even interrupted --------------------------------------
def test_an_interrupted_forget_is_finished_and_leaves_no_byte_of_the_client(
        two: dict[str, str], workspace: Path, monkeypatch) -> None:
    ws = Workspace.open(workspace)
    ws.set_setting("x", "y")  # a few generations of the index name Alpha
    ws.save_draft(two["Alpha"], {"why": "Alpha's secret"}, {})

    def killed(self, client_id, names):  # the scrub of older index copies never ran
        raise KeyboardInterrupt

    monkeypatch.setattr(type(ws), "_scrub_index_copies", killed)
    with pytest.raises(KeyboardInterrupt):
        ws.forget_client(two["Alpha"])
    monkeypatch.undo()
    Workspace.open(workspace)  # finishes what was started
    for p in workspace.rglob("*"):
        if p.is_file():
            raw = p.read_bytes()
            assert b"Alpha" not in raw and two["Alpha"].encode() not in raw, p
            assert two["Alpha"] not in p.name
    assert [c.name for c in Workspace.open(workspace).list_clients()] == ["Beta"]


def test_forget_scrubs_a_name_written_with_json_escapes(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Café Lune")
    index = workspace / "index.json"
    aside = workspace / "index.json.damaged-20260101T000000Z"
    aside.write_text(json.dumps({"clients": {"1": {"name": "Café Lune"}}}) + "{")  # ascii
    assert b"Caf\\u00e9" in aside.read_bytes()
    ws.forget_client(cid)
    assert not aside.exists()
    assert b"Caf" not in index.read_bytes()


# -- 6. a full disk -----------------------------------------------------------------
def test_a_full_disk_after_the_assessment_says_it_was_saved(
        two: dict[str, str], workspace: Path, capsys, monkeypatch) -> None:
    real = fsutil.atomic_write

    def full(path: Path, data: bytes, **kw) -> None:
        if path.name == "index.json":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data, **kw)

    real_open = os.open

    def no_room(path, flags, *args, **kw):  # the index's log cannot grow either
        if str(path).endswith("index.json.log"):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, flags, *args, **kw)

    log = workspace / "index.json.log"
    before = log.read_bytes() if log.exists() else None
    monkeypatch.setattr(fsutil, "atomic_write", full)
    monkeypatch.setattr(os, "open", no_room)
    code, _out, err = run(capsys, "plan", "--answers", str(PERSONA), "--client", "Alpha",
                          "--format", "json")
    assert code == 0 and "saved" in err and "No space left" in err
    monkeypatch.setattr(fsutil, "atomic_write", real)
    monkeypatch.setattr(os, "open", real_open)
    assert (log.read_bytes() if log.exists() else None) == before   # no half line
    ws = Workspace.open(workspace)  # catches up: the list says what is on disk
    assert ws.client(two["Alpha"]).assessments == 3
    assert len(ws.assessments(two["Alpha"])) == 3


def test_a_full_disk_while_restoring_a_backup_is_a_message(
        two: dict[str, str], workspace: Path, capsys, monkeypatch) -> None:
    client_path(workspace, two["Alpha"]).write_text("{")

    def full(path: Path, data: bytes, **kw) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(fsutil, "atomic_write", full)
    code, _out, err = run(capsys, "history", "Alpha")
    assert code == 1 and "No space left" in err and "Traceback" not in err


# -- 6b. import --replace interrupted: never one client's log under another's plans ----
def _two_lives(workspace: Path, two: dict[str, str]) -> dict:
    """Alpha's old life (notes, draft and log say "old") and an export of its new one."""
    from coach.store.results_log import add_result

    ws = Workspace.open(workspace)
    alpha = two["Alpha"]
    for a in ws.assessments(alpha):
        ws.set_notes(alpha, a.id, "old")
    ws.save_draft(alpha, {"why": "old"}, {})
    add_result(ws, alpha, date="2026-11-21", platform="linkedin", counts={"won": 1},
               note="old")
    payload = ws.export_client(alpha)
    for a in payload["assessments"]:
        a["notes"] = "new"
    payload["draft"] = {"answers": {"why": "new"}, "position": {}}
    payload["results"] = [{**payload["results"][0], "note": "new"},
                          {**payload["results"][0], "id": 2, "note": "new"}]
    payload["client"]["lang"] = "fr-FR"
    return payload


def _life(ws: Workspace, cid: str) -> tuple:
    from coach.store.results_log import results

    draft = ws.load_draft(cid)
    return (tuple(sorted({str(a.notes) for a in ws.assessments(cid)})),
            draft.answers.get("why") if draft else None,
            tuple(sorted({str(e.note) for e in results(ws, cid)})), ws.client(cid).lang)


OLD_LIFE = (("old",), "old", ("old",), None)
NEW_LIFE = (("new",), "new", ("new",), "fr-FR")


def _lives(workspace: Path) -> dict[str, tuple]:
    ws = Workspace.open(workspace)  # repairs what an interruption left
    lives = {c.name: _life(ws, c.id) for c in ws.list_clients()}
    assert lives.pop("Beta") == (("None",), None, (), None)
    return lives


def test_import_replace_killed_anywhere_leaves_whole_clients(
        two: dict[str, str], workspace: Path, tmp_path: Path, monkeypatch) -> None:
    """A kill just before each write of the import: every client the next open shows is
    one whole life, its plans, draft, log and language from the same side of the import."""
    from coach.store import storage

    payload = _two_lives(workspace, two)
    snaps: list[Path] = []

    def snap() -> None:
        shot = tmp_path / f"kill-{len(snaps)}"
        shutil.copytree(workspace, shot)
        snaps.append(shot)

    real_write, real_private, real_erase = (fsutil.atomic_write, fsutil.write_private,
                                            storage.DataFile.erase)

    def write(path: Path, data: bytes, **kw) -> None:
        snap()
        real_write(path, data, **kw)

    def private(path: Path, data: bytes) -> None:
        snap()
        real_private(path, data)

    def erase(self) -> None:
        snap()
        real_erase(self)

    monkeypatch.setattr(fsutil, "atomic_write", write)
    monkeypatch.setattr(fsutil, "write_private", private)
    monkeypatch.setattr(storage.DataFile, "erase", erase)
    Workspace.open(workspace).import_client(payload, replace=True)
    monkeypatch.setattr(fsutil, "atomic_write", real_write)
    monkeypatch.setattr(fsutil, "write_private", real_private)
    monkeypatch.setattr(storage.DataFile, "erase", real_erase)
    assert len(snaps) >= 5
    assert _lives(workspace) == {"Alpha": NEW_LIFE}
    seen = set()
    for shot in snaps:
        lives = _lives(shot)
        assert set(lives.values()) <= {OLD_LIFE, NEW_LIFE}, (shot.name, lives)
        assert lives.get("Alpha") in (OLD_LIFE, NEW_LIFE) and len(lives) <= 2, shot.name
        seen.add(tuple(sorted(lives.items())))
    assert (("Alpha", OLD_LIFE),) in seen and (("Alpha", NEW_LIFE),) in seen


class _FullAt:
    """Writes go through but the k-th (from 0, data files and markers counted together)."""

    def __init__(self, k: int) -> None:
        self.k, self.seen = k, 0

    def wrap(self, real: Callable[..., None]) -> Callable[..., None]:
        def write(path: Path, data: bytes, **kw: object) -> None:
            self.seen += 1
            if self.seen == self.k + 1:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
            real(path, data, **kw)
        return write


def test_import_replace_on_a_full_disk_is_all_or_nothing(
        two: dict[str, str], workspace: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    """The disk full at each write in turn: an error, and Alpha whole, old or new."""
    payload = _two_lives(workspace, two)
    base = tmp_path / "base"
    shutil.copytree(workspace, base)
    real_write, real_private = fsutil.atomic_write, fsutil.write_private
    outcomes = []
    for k in range(40):
        here = tmp_path / f"full-{k}"
        shutil.copytree(base, here)
        disk = _FullAt(k)
        monkeypatch.setattr(fsutil, "atomic_write", disk.wrap(real_write))
        monkeypatch.setattr(fsutil, "write_private", disk.wrap(real_private))
        try:
            Workspace.open(here).import_client(payload, replace=True)
            failed = False
        except StoreError as exc:
            failed = True
            assert "No space left" in str(exc.lines[0])
        monkeypatch.setattr(fsutil, "atomic_write", real_write)
        monkeypatch.setattr(fsutil, "write_private", real_private)
        lives = _lives(here)
        assert list(lives) == ["Alpha"] and lives["Alpha"] in (OLD_LIFE, NEW_LIFE), (k, lives)
        outcomes.append(lives["Alpha"])
        if not failed:
            break
    else:
        raise AssertionError("the import never got through")
    assert outcomes[0] == OLD_LIFE and outcomes[-1] == NEW_LIFE
    # Through the command: exit 1, the reason said, no traceback.
    out = tmp_path / "alpha.json"
    out.write_text(json.dumps(payload))

    def no_room(path: Path, data: bytes, **kw) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(fsutil, "atomic_write", no_room)
    code, _out, err = run(capsys, "import", str(out), "--replace")
    assert code == 1 and "No space left" in err and "Traceback" not in err
    monkeypatch.setattr(fsutil, "atomic_write", real_write)
    assert _lives(workspace) == {"Alpha": OLD_LIFE}


# -- 7. promised exit codes, no tracebacks: the hostile corpus ------------------------
def _deep_toml(tmp: Path) -> Path:
    p = tmp / "deep.toml"
    p.write_text("version = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n")
    return p


def _big_int_toml(tmp: Path) -> Path:
    p = tmp / "bigint.toml"
    p.write_text(PERSONA.read_text().replace("weekly_budget_hours = ",
                                              "weekly_budget_hours = " + "9" * 5000 + "#"))
    return p


def _long_answer_toml(tmp: Path) -> Path:
    p = tmp / "long.toml"
    text = PERSONA.read_text()
    at = text.index('why = "') + len('why = "')
    p.write_text(text[:at] + "x" * 3_000_000 + text[at:])
    return p


def _export(tmp: Path, body: str) -> Path:
    p = tmp / "hostile.json"
    p.write_text(body)
    return p


EXPORT_HEAD = '{"format": "coach-client-export", "schema": 1, "client": {"name": %s}, '


CORPUS = {
    "toml nested 5,000 deep": (lambda t: ["plan", "--answers", str(_deep_toml(t))],
                               2, "deep.toml"),
    "toml 5,000-digit integer": (lambda t: ["plan", "--answers", str(_big_int_toml(t))],
                                 2, "bigint.toml"),
    "a 3 MB answer": (lambda t: ["plan", "--answers", str(_long_answer_toml(t))],
                      2, "platforms[0].why"),
    "json nested 100,000 deep": (lambda t: ["import", str(_export(
        t, "[" * 100_000 + "]" * 100_000))], 2, "hostile.json"),
    "json 5,000-digit integer": (lambda t: ["import", str(_export(
        t, EXPORT_HEAD % '"Z"' + '"assessments": [{"id": ' + "9" * 5000 + "}]}"))],
        2, "hostile.json"),
    "lone surrogate in a name": (lambda t: ["import", str(_export(
        t, EXPORT_HEAD % '"Caf\\ud800"' + '"assessments": []}'))], 2, "client.name"),
    "NaN in an imported plan": (lambda t: ["import", str(_export(
        t, EXPORT_HEAD % '"Z"' + '"assessments": [{"id": 1, "date": "2026-01-01", '
        '"answers": ' + json.dumps(answers()) + ', "plan": '
        + json.dumps(plan()).replace('"budget": 3.0', '"budget": NaN') + '}]}'))],
        2, "hostile.json"),
}


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_hostile_input_exits_as_promised_and_leaves_clients_alone(
        case: str, two: dict[str, str], workspace: Path, tmp_path: Path, capsys) -> None:
    make, expected, named = CORPUS[case]
    args = make(tmp_path)
    before = snapshot(workspace, list(two.values()))
    index_before = (workspace / "index.json").read_bytes()
    code, _out, err = run(capsys, *args)
    assert code == expected, (case, err)
    assert named in err, (case, err)
    assert "Traceback" not in err and "Error:" not in err.split(":", 1)[0]
    assert len(err.strip().splitlines()) <= 3, err[:500]
    assert snapshot(workspace, list(two.values())) == before
    assert (workspace / "index.json").read_bytes() == index_before


def test_a_client_name_that_is_not_utf8_is_refused_and_writes_nothing(
        workspace: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COACH_DATA_DIR": str(workspace)}
    done = subprocess.run([os.fsencode(sys.executable), b"-m", b"coach", b"plan",
                           b"--answers", os.fsencode(PERSONA), b"--client", b"Caf\xe9"],
                          capture_output=True, env=env, cwd=ROOT)
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr and b"UTF-8" in done.stderr
    assert not workspace.exists() or not list(workspace.rglob("*.json"))


@pytest.mark.parametrize("damage", ["deep", "nan"])
def test_a_stored_file_that_python_cannot_parse_is_damage_and_its_backup_used(
        two: dict[str, str], workspace: Path, capsys, damage: str) -> None:
    path = client_path(workspace, two["Alpha"])
    if damage == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000)
    else:
        path.write_text(path.read_text().replace('"budget":3.0', '"budget":NaN', 1)
                        .replace('"budget": 3.0', '"budget": NaN', 1))
        assert b"NaN" in path.read_bytes()
    code, out, err = run(capsys, "history", "Alpha", "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [1]  # the backup
    assert path.name in err and "Traceback" not in err
    assert list(path.parent.glob(path.name + ".damaged-*"))


def test_an_index_summary_of_the_wrong_type_is_listed_not_a_crash(
        two: dict[str, str], workspace: Path, capsys) -> None:
    index = workspace / "index.json"
    data = json.loads(index.read_text())
    for entry in data["clients"].values():
        entry.update(assessments="two", last_assessed=5, focus=["x"], space="s",
                     warning_codes="X", professional_hours="1", key=3)
    index.write_text(json.dumps(data))
    for fmt in ("text", "json"):
        code, out, err = run(capsys, "clients", "--format", fmt)
        assert code == 0 and "Alpha" in out and "Beta" in out, err


def test_clients_folder_that_is_a_file_is_named(workspace: Path, capsys) -> None:
    workspace.mkdir()
    (workspace / "clients").write_text("")
    code, _out, err = run(capsys, "plan", "--answers", str(PERSONA), "--client", "A")
    assert code == 2 and str(workspace / "clients") in err and "Traceback" not in err


@pytest.mark.parametrize("what", ["lock", "bak3"])
def test_a_folder_where_a_lock_or_backup_should_be_is_named(
        two: dict[str, str], workspace: Path, capsys, what: str) -> None:
    path = client_path(workspace, two["Alpha"])
    odd = path.with_name(f"{path.name}.{what}")
    if odd.exists():
        odd.unlink()
    odd.mkdir()
    (odd / "x").write_text("")
    code, _out, err = run(capsys, "plan", "--answers", str(PERSONA), "--client", "Alpha")
    assert code == 1 and str(odd) in err and "Traceback" not in err


def test_forget_racing_saves_says_the_client_is_gone(two: dict[str, str], workspace: Path,
                                                     capsys, monkeypatch) -> None:
    """Another process forgets the client while this one waits for the client's lock."""
    from coach.errors import tell
    from coach.i18n import Voice

    ws = Workspace.open(workspace)
    stale = ws._client(two["Alpha"])  # looked up, then the lock is waited for...
    Workspace.open(workspace).forget_client(two["Alpha"])  # ...while it is forgotten
    monkeypatch.setattr(type(ws), "_client", lambda self, cid: stale)
    for attempt in (lambda: ws.save_draft(two["Alpha"], {}, {}),
                    lambda: ws.finish_assessment(two["Alpha"], answers(), plan()),
                    lambda: ws.rename_client(two["Alpha"], "Alpha 2"),
                    lambda: ws.set_notes(two["Alpha"], 1, "x")):
        with pytest.raises(StoreError) as caught:
            attempt()
        said = tell(caught.value, Voice("en"))  # a store error, never KeyError: 'meta'
        assert ("Alpha" in said and "erased" in said) or two["Alpha"] in said, said
    assert not [p for p in workspace.rglob("*") if two["Alpha"] in p.name]


# -- 8. long text is cut for display ------------------------------------------------
def test_a_long_stored_answer_is_cut_in_the_text_report_and_whole_in_json(
        two: dict[str, str], workspace: Path, capsys) -> None:
    ws = Workspace.open(workspace)
    long_plan = plan()
    long_plan["platforms"][0]["why"] = "word " * 200_000
    ws.finish_assessment(two["Beta"], answers(), long_plan)
    code, out, _err = run(capsys, "report", "Beta")
    assert code == 0 and "[…]" in out and len(out) < 50_000
    code, out, _err = run(capsys, "report", "Beta", "--format", "json")
    assert json.loads(out)["platforms"][0]["why"] == "word " * 200_000


# -- 9. minor ----------------------------------------------------------------------
def test_a_read_only_folder_stays_read_only_and_damaged_copies_are_private(
        two: dict[str, str], workspace: Path) -> None:
    os.chmod(workspace, 0o500)
    try:
        Workspace.open(workspace)
        assert workspace.stat().st_mode & 0o777 == 0o500
    finally:
        os.chmod(workspace, 0o700)
    path = client_path(workspace, two["Alpha"])
    path.write_text("{")
    os.chmod(path, 0o666)
    Workspace.open(workspace).assessments(two["Alpha"])
    [aside] = path.parent.glob(path.name + ".damaged-*")
    assert aside.stat().st_mode & 0o777 == 0o600


def test_a_new_client_from_a_file_is_created_with_its_assessment_in_one_write(
        workspace: Path, capsys, monkeypatch) -> None:
    from coach.store.storage import DataFile

    writes = []
    real = DataFile.write_state
    monkeypatch.setattr(DataFile, "write_state",
                        lambda self, data: (writes.append(self.path.name), real(self, data)))
    code, _out, _err = run(capsys, "plan", "--answers", str(PERSONA), "--client", "New",
                           "--format", "json")
    assert code == 0
    [_client_write] = [w for w in writes if w.startswith("c-")]  # once, with the assessment
    ws = Workspace.open(workspace)
    assert ws.find_client("New").assessments == 1
