"""The client commands end to end: clients, history, report, export, import, forget."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest

from coach.cli.main import main
from coach.store import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "store"
NAME = "Atelier [bold]Lune[/]"


def answers() -> dict:
    return json.loads((FIXTURES / "answers.json").read_text())


def plan(**changes: object) -> dict:
    return {**json.loads((FIXTURES / "plan.json").read_text()), **changes}


@pytest.fixture
def seeded(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")
    ws = Workspace.open(workspace)
    cid = ws.create_client(NAME)
    ws.finish_assessment(cid, answers(), plan())
    later = plan(assessed_on="2026-11-20")
    later["time"] = {**later["time"], "professional": 3.0}
    later["warnings"] = later["warnings"][:1]
    ws.finish_assessment(cid, answers(), later, notes="Second look")
    ws.create_client("Émilie")
    return cid


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clients_lists_names_literally_with_their_summary(seeded: str, capsys) -> None:
    code, out, _err = run(capsys, "clients")
    assert code == 0
    assert NAME in out and "Émilie" in out  # markup shown as typed, not applied
    assert "2026-11-20" in out and "LinkedIn" in out and "linkedin" not in out  # names, not ids
    code, out, _err = run(capsys, "clients", "--format", "json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == [NAME, "Émilie"]
    assert rows[0]["assessments"] == 2 and rows[0]["focus"] == "linkedin"
    assert rows[0]["last_assessed"] == "2026-11-20" and rows[1]["assessments"] == 0


def test_clients_on_an_empty_workspace(capsys) -> None:
    code, out, _err = run(capsys, "clients")
    assert code == 0 and "No clients yet" in out
    assert json.loads(run(capsys, "clients", "--format", "json")[1]) == []


def test_history_lists_each_assessment(seeded: str, capsys) -> None:
    code, out, _err = run(capsys, "history", "atelier [BOLD]lune[/]", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["id"], r["date"], r["focus"], r["hours"], r["warnings"]) for r in rows] == [
        (1, "2026-11-01", "linkedin", 5.5, 2), (2, "2026-11-20", "linkedin", 3.0, 1)]
    code, out, _err = run(capsys, "history", NAME)
    assert code == 0 and NAME in out and "5.5" in out and "LinkedIn" in out
    code, out, _err = run(capsys, "--lang", "fr", "history", NAME)
    assert code == 0 and "5,5" in out and "5.5" not in out       # French decimal comma


def test_unknown_client_is_exit_2_naming_it(seeded: str, capsys) -> None:
    for cmd in (["history", "Nobody [x]"], ["report", "Nobody [x]"],
                ["export", "Nobody [x]", "-o", "x.json"], ["forget", "Nobody [x]", "--yes"]):
        code, _out, err = run(capsys, *cmd)
        assert code == 2 and "Nobody [x]" in err, (cmd, err)
    code, _out, err = run(capsys, "--lang", "fr", "history", "Personne")
    assert code == 2 and "Aucun client nommé «\u00a0Personne\u00a0»" in err


def test_report_latest_by_default_or_by_id(seeded: str, capsys, tmp_path: Path) -> None:
    code, out, _err = run(capsys, "report", NAME, "--format", "json")
    assert code == 0 and json.loads(out)["assessed_on"] == "2026-11-20"
    code, out, _err = run(capsys, "report", NAME, "--assessment", "1", "--format", "json")
    assert json.loads(out)["assessed_on"] == "2026-11-01"
    code, _out, err = run(capsys, "report", NAME, "--assessment", "9")
    assert code == 2 and "9" in err
    code, out, _err = run(capsys, "report", NAME)
    assert code == 0 and "LinkedIn" in out
    target = tmp_path / "report.md"
    assert run(capsys, "report", NAME, "--format", "md", "-o", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and "LinkedIn" in target.read_text()
    assert run(capsys, "report", NAME, "-o", str(target))[0] == 2  # exists, no --force
    assert run(capsys, "report", NAME, "-o", str(target), "--force")[0] == 0


def test_report_compare(seeded: str, capsys) -> None:
    code, out, _err = run(capsys, "report", NAME, "--compare")
    assert code == 0 and out.strip()
    code, out, _err = run(capsys, "report", NAME, "--assessment", "1", "--compare")
    assert code == 2
    code, out, _err = run(capsys, "report", NAME, "--compare", "1", "--format", "json")
    assert code == 0 and out.strip()


def test_export_forget_import_round_trip(seeded: str, capsys, tmp_path: Path,
                                         workspace: Path) -> None:
    target = tmp_path / "lune.json"
    code, _out, err = run(capsys, "export", NAME, "-o", str(target))
    assert code == 0 and NAME in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    exported = json.loads(target.read_text())
    assert exported["format"] == "coach-client-export" and exported["schema"] == 1
    assert [a["id"] for a in exported["assessments"]] == [1, 2]
    assert run(capsys, "export", NAME, "-o", str(target))[0] == 2  # exists
    assert run(capsys, "forget", NAME, "--yes")[0] == 0
    raw = [p.read_bytes() for p in workspace.rglob("*") if p.is_file()]
    assert not any(b"Lune" in r or seeded.encode() in r for r in raw)
    code, _out, err = run(capsys, "import", str(target))
    assert code == 0, err
    ws = Workspace.open(workspace)
    back = ws.require_client(NAME)
    assert [a.notes for a in ws.assessments(back.id)] == [None, "Second look"]
    assert ws.assessments(back.id)[0].answers == answers()
    code, _out, err = run(capsys, "import", str(target))
    assert code == 2 and "--replace" in err
    assert run(capsys, "import", str(target), "--replace")[0] == 0
    assert len(Workspace.open(workspace).list_clients()) == 2


def test_import_refuses_bad_files_naming_the_field(seeded: str, capsys, tmp_path: Path,
                                                  workspace: Path) -> None:
    before = sorted(p.name for p in workspace.rglob("*"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "coach-client-export",\n "schema": 1,,}')
    code, _out, err = run(capsys, "import", str(bad))
    assert code == 2 and "line 2" in err
    doc = {"format": "coach-client-export", "schema": 1, "client": {"name": "New"},
           "assessments": [{"id": 1, "date": "2026-13", "answers": {}, "plan": []}]}
    bad.write_text(json.dumps(doc))
    code, _out, err = run(capsys, "import", str(bad))
    assert code == 2
    assert "assessments[0].date" in err and "assessments[0].plan" in err
    wrong = answers()
    wrong["platforms"][1]["hours_per_week"] = -4
    doc_answers = {**doc, "assessments": [{"id": 1, "date": "2026-11-01", "answers": wrong,
                                           "plan": plan()}]}
    bad.write_text(json.dumps(doc_answers))
    code, _out, err = run(capsys, "import", str(bad))
    assert code == 2 and "assessments[0].answers" in err and "hours_per_week" in err
    doc = {**doc, "schema": 7}
    bad.write_text(json.dumps(doc))
    code, _out, err = run(capsys, "import", str(bad))
    assert code == 2 and "schema" in err and "newer" in err
    assert run(capsys, "import", str(tmp_path / "missing.json"))[0] == 2
    assert sorted(p.name for p in workspace.rglob("*")) == before  # nothing written


# -- the results log and the language travel with the client ------------------------
def _log(capsys, *args: str) -> None:
    code, _out, err = run(capsys, "log", NAME, *args)
    assert code == 0, err


def _results_table(workspace: Path, cid: str) -> dict | None:
    """The results log as it is on disk (clients/results/c-<id>.json), or None."""
    side = workspace / "clients" / "results" / f"{cid}.json"
    return json.loads(side.read_text())["results"] if side.exists() else None


def _meta(workspace: Path, cid: str) -> dict:
    return json.loads((workspace / "clients" / f"{cid}.json").read_text())["meta"]["1"]


@pytest.fixture
def logged(seeded: str, capsys, tmp_path: Path) -> Path:
    """NAME with two logged results and fr-FR, exported to a file."""
    _log(capsys, "--platform", "linkedin", "--inquiries", "2", "--won", "1",
         "--date", "2026-11-21", "--note", "Deux messages [bold]")
    _log(capsys, "--platform", "facebook", "--space", "Groupe Lune", "--sales", "3")
    assert run(capsys, "clients", "--set-lang", NAME, "fr-FR")[0] == 0
    target = tmp_path / "lune.json"
    assert run(capsys, "export", NAME, "-o", str(target))[0] == 0
    return target


def test_export_import_carries_the_results_log_and_the_language(
        logged: Path, seeded: str, capsys, tmp_path: Path, workspace: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    exported = json.loads(logged.read_text())
    assert exported["client"]["lang"] == "fr-FR"
    assert [(r["id"], r["platform"], r["counts"]) for r in exported["results"]] == [
        (1, "linkedin", {"inquiries": 2, "won": 1}), (2, "facebook", {"sales": 3})]
    assert exported["results"][0]["note"] == "Deux messages [bold]"
    before = _results_table(workspace, seeded)
    fresh = tmp_path / "elsewhere"
    monkeypatch.setenv("COACH_DATA_DIR", str(fresh))
    code, _out, err = run(capsys, "import", str(logged))
    assert code == 0, err
    back = Workspace.open(fresh).require_client(NAME)
    assert _results_table(fresh, back.id) == before  # every entry, as it was on disk
    assert _meta(fresh, back.id)["lang"] == "fr-FR" and back.lang == "fr-FR"
    code, out, _err = run(capsys, "progress", NAME, "--format", "json")
    assert code == 0 and [e["counts"] for e in json.loads(out)["entries"]] == [
        {"inquiries": 2, "won": 1}, {"sales": 3}]
    code, out, _err = run(capsys, "report", NAME, "--format", "md")
    assert code == 0 and "Plan réseaux sociaux" in out  # the imported client reads French


def test_import_replace_leaves_nothing_of_the_old_log(logged: Path, seeded: str, capsys,
                                                      workspace: Path) -> None:
    exported = _results_table(workspace, seeded)
    _log(capsys, "--platform", "linkedin", "--referrals", "4", "--note", "Old life")
    assert run(capsys, "clients", "--set-lang", NAME, "en")[0] == 0
    code, _out, err = run(capsys, "import", str(logged), "--replace")
    assert code == 0, err
    ws = Workspace.open(workspace)
    now = ws.require_client(NAME)
    assert _results_table(workspace, now.id) == exported and now.lang == "fr-FR"
    assert [c.name for c in ws.list_clients()] == [NAME, "Émilie"]
    # Nothing of the previous life anywhere, not even in a backup a repair could restore.
    for path in workspace.rglob("*"):
        assert not path.is_file() or b"Old life" not in path.read_bytes(), path
    # An export without a log: the replaced client has no log (and no language) at all.
    older = json.loads(logged.read_text())
    del older["results"], older["client"]["lang"]
    logged.write_text(json.dumps(older))
    assert run(capsys, "import", str(logged), "--replace")[0] == 0
    again = Workspace.open(workspace).require_client(NAME)
    assert _results_table(workspace, again.id) is None and again.lang is None
    assert "lang" not in _meta(workspace, again.id)
    code, out, _err = run(capsys, "progress", NAME, "--format", "json")
    assert code == 0 and json.loads(out)["entries"] == []


def test_an_export_from_before_the_log_and_the_language_imports(
        logged: Path, capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    older = json.loads(logged.read_text())
    del older["results"]
    older["client"] = {"name": older["client"]["name"], "created": "2026-10-01"}
    logged.write_text(json.dumps(older))
    fresh = tmp_path / "elsewhere"
    monkeypatch.setenv("COACH_DATA_DIR", str(fresh))
    code, _out, err = run(capsys, "import", str(logged))
    assert code == 0, err
    back = Workspace.open(fresh).require_client(NAME)
    assert back.lang is None and back.created == "2026-10-01" and back.assessments == 2
    assert _results_table(fresh, back.id) is None
    assert not (fresh / "clients" / "results").exists()


def _entry(**changes: object) -> dict:
    entry = {"id": 1, "date": "2026-11-21", "platform": "linkedin", "space": None,
             "counts": {"inquiries": 2}, "note": None, "logged_at": None}
    return {**entry, **changes}


BAD_RESULTS = {
    "not a list": ({"results": {"1": _entry()}}, "results:"),
    "an entry not an object": ({"results": [_entry(), 7]}, "results[1]:"),
    "id zero": ({"results": [_entry(id=0)]}, "results[0].id"),
    "id a text": ({"results": [_entry(id="1")]}, "results[0].id"),
    "id twice": ({"results": [_entry(), _entry(date="2026-11-22")]}, "results[1].id"),
    "date not a day": ({"results": [_entry(date="2026-02-30")]}, "results[0].date"),
    "date missing": ({"results": [_entry(date=None)]}, "results[0].date"),
    "platform empty": ({"results": [_entry(platform="")]}, "results[0].platform"),
    "platform markup": ({"results": [_entry(platform="[bold]x")]}, "results[0].platform"),
    "space a number": ({"results": [_entry(space=5)]}, "results[0].space"),
    "counts a list": ({"results": [_entry(counts=[2])]}, "results[0].counts"),
    "count negative": ({"results": [_entry(counts={"sales": -1})]}, "results[0].counts.sales"),
    "count a bool": ({"results": [_entry(counts={"won": True})]}, "results[0].counts.won"),
    "count a float": ({"results": [_entry(counts={"won": 1.5})]}, "results[0].counts.won"),
    "count too big": ({"results": [_entry(counts={"sales": 1_000_001})]},
                      "results[0].counts.sales"),
    "unknown kind": ({"results": [_entry(counts={"likes": 3})]}, "results[0].counts: 'likes'"),
    "note too long": ({"results": [_entry(note="x" * 2001)]}, "results[0].note"),
    "note a list": ({"results": [_entry(note=["x"])]}, "results[0].note"),
    "logged_at not a time": ({"results": [_entry(logged_at="yesterday")]},
                             "results[0].logged_at"),
    "lang unknown": ({"client": {"name": NAME, "lang": "de"}}, "client.lang"),
    "lang a number": ({"client": {"name": NAME, "lang": 5}}, "client.lang"),
}


@pytest.mark.parametrize("case", sorted(BAD_RESULTS))
def test_import_refuses_a_bad_log_or_language_naming_the_field(
        case: str, logged: Path, seeded: str, capsys, workspace: Path) -> None:
    change, field = BAD_RESULTS[case]
    doc = {**json.loads(logged.read_text()), **change}
    logged.write_text(json.dumps(doc))
    log_before = _results_table(workspace, seeded)
    files_before = {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()}
    for replace in ([], ["--replace"]):
        code, _out, said = run(capsys, "import", str(logged), *replace)
        assert code == 2 and field in said and "Traceback" not in said, (replace, said)
        assert str(logged) in said
    # Nothing written: the client keeps its own log, language and every byte.
    assert {p: p.read_bytes() for p in workspace.rglob("*") if p.is_file()} == files_before
    assert _results_table(workspace, seeded) == log_before
    code, _out, err = run(capsys, "--lang", "fr", "import", str(logged))
    assert code == 2 and field.split(":")[0] in err and err != said  # said in French


def test_forget_asks_on_a_terminal_and_refuses_without_one(seeded: str, capsys,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           workspace: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = run(capsys, "forget", NAME)
    assert code == 2 and "--yes" in err
    monkeypatch.setattr("coach.cli.cmd_clients.is_interactive", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, _out, err = run(capsys, "--lang", "fr", "forget", NAME)
    assert code == 1 and "Effacer" in err and "[o/N]" in err
    assert Workspace.open(workspace).find_client(NAME) is not None
    monkeypatch.setattr("sys.stdin", io.StringIO("oui\n"))
    code, _out, err = run(capsys, "--lang", "fr", "forget", NAME)
    assert code == 0
    assert Workspace.open(workspace).find_client(NAME) is None


def test_damaged_file_notices_on_stderr_and_exit_1_without_backup(seeded: str, capsys,
                                                                 workspace: Path) -> None:
    path = workspace / "clients" / f"{seeded}.json"
    path.write_bytes(b"\x00garbage")
    code, out, err = run(capsys, "history", NAME, "--format", "json")
    # The newest backup is the generation before the last write: the first assessment.
    assert code == 0 and [r["id"] for r in json.loads(out)] == [1]
    assert path.name in err and "restored" in err
    rows = json.loads(run(capsys, "clients", "--format", "json")[1])
    assert rows[0]["assessments"] == 1  # the index follows the restored file
    for p in path.parent.glob(path.name + ".bak*"):
        p.unlink()
    path.write_bytes(b"{")
    code, _out, err = run(capsys, "history", NAME)
    assert code == 1 and str(path) in err


ANSWERS_TOML = FIXTURES / "answers.toml"


def test_plan_with_client_saves_an_assessment(capsys, workspace: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")
    code, out, err = run(capsys, "plan", "--answers", str(ANSWERS_TOML), "--client", NAME,
                         "--format", "json")
    assert code == 0, err
    printed = json.loads(out)
    assert "assessment 1" in err and NAME in err
    code, _out, err = run(capsys, "plan", "--answers", str(ANSWERS_TOML), "--client",
                          "atelier [BOLD]lune[/]", "--format", "json")
    assert code == 0 and "assessment 2" in err
    ws = Workspace.open(workspace)
    [client] = ws.list_clients()
    assert client.name == NAME and client.assessments == 2
    first = ws.assessments(client.id)[0]
    assert first.plan == printed and first.answers["profile"]["name"] == "Atelier Lune"
    assert first.engine_version


def test_two_plan_client_commands_at_the_same_moment_both_land(workspace: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "COACH_TODAY": "2026-11-22"}
    cmd = [sys.executable, "-m", "coach", "plan", "--answers", str(ANSWERS_TOML),
           "--client", "Émilie Nouvelle", "--format", "json"]
    procs = [subprocess.Popen(cmd, env=env, cwd=root, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    ws = Workspace.open(workspace)
    [client] = ws.list_clients()  # one client, created once
    assert client.name == "Émilie Nouvelle" and client.assessments == 2
    assert [a.id for a in ws.assessments(client.id)] == [1, 2]


def test_client_commands_import_neither_textual_nor_questionary(seeded: str) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    code = ("import sys\nfrom coach.cli.main import main\n"
            "for cmd in (['clients'], ['history', 'Émilie'], ['clients', '--format', 'json']):\n"
            "    assert main(cmd) == 0\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'questionary')]\n"
            "assert not bad, bad\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("command", [["clients"], ["history", "X"], ["report", "X"],
                                     ["forget", "X", "--yes"]])
def test_a_data_dir_inside_a_file_is_exit_2_without_traceback(command: list[str], capsys,
                                                               tmp_path: Path,
                                                               monkeypatch) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("")
    monkeypatch.setenv("COACH_DATA_DIR", str(blocker / "sub"))
    code, out, err = run(capsys, *command)
    assert code == 2 and out == ""
    assert "Traceback" not in err and f"{blocker} is a file" in err


def test_compare_with_the_assessment_being_reported_is_refused(seeded: str, capsys) -> None:
    code, out, err = run(capsys, "report", NAME, "--compare", "2")
    assert code == 2 and out == "" and "--compare 2" in err
    code, out, _err = run(capsys, "report", NAME, "--assessment", "2", "--compare", "1")
    assert code == 0 and out


def test_export_that_cannot_be_written_is_exit_1_naming_the_file(seeded: str, capsys,
                                                                 tmp_path: Path,
                                                                 monkeypatch) -> None:
    import os

    def full(fd: int) -> None:  # the export is flushed to disk: the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "lune.json"
    code, _out, err = run(capsys, "export", NAME, "-o", str(target))
    assert code == 1 and "Traceback" not in err
    # The system's reason in the user's words (coach.files), the file named, nothing left.
    assert str(target) in err and "no space left on the disk" in err and not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".lune.json")]


def test_paths_with_escape_sequences_are_printed_inert(seeded: str, capsys, tmp_path: Path,
                                                       monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    evil = "\x1b]0;pwn\x07.md"
    code, _out, err = run(capsys, "report", NAME, "--format", "md", "-o", evil)
    assert code == 0 and (tmp_path / evil).exists()
    code, _out, err2 = run(capsys, "report", NAME, "--format", "md", "-o", evil)
    assert code == 2
    code, _out, err3 = run(capsys, "export", NAME, "-o", evil)
    assert code == 2
    code, _out, err4 = run(capsys, "import", "\x1b[31mmissing.json")
    assert code == 2
    for text in (err, err2, err3, err4):
        assert "\x1b" not in text and "\x07" not in text
    assert "]0;pwn.md" in err and "[31mmissing.json" in err4


def test_clients_still_listed_with_ids_when_the_bank_is_broken(seeded: str, capsys,
                                                               tmp_path: Path,
                                                               monkeypatch) -> None:
    broken = tmp_path / "bank"
    broken.mkdir()
    monkeypatch.setenv("COACH_BANK", str(broken))
    code, out, err = run(capsys, "clients")
    assert code == 0 and "linkedin" in out and err == ""


def test_report_in_another_language_than_the_plan_says_so(seeded: str, capsys) -> None:
    code, out, err = run(capsys, "--lang", "fr", "report", NAME)
    assert code == 0 and out
    assert "L’évaluation 2 a été faite en anglais" in err
    code, out, err = run(capsys, "--lang", "fr", "report", NAME, "--compare")
    assert code == 0 and "évaluation 1" in err and "évaluation 2" in err
    code, out, err = run(capsys, "report", NAME)
    assert code == 0 and err == ""                      # same language: nothing to say


def test_french_messages_do_not_glue_de_to_a_name(seeded: str, capsys, tmp_path: Path,
                                                  monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = run(capsys, "--lang", "fr", "forget", "Émilie")
    assert code == 2 and "--yes" in err and "de Émilie" not in err
    persona = Path(__file__).parent / "personas" / "one_platform.toml"
    code, _out, err = run(capsys, "--lang", "fr", "plan", "--answers", str(persona),
                          "--client", "Atelier Lune", "--format", "json")
    assert code == 0 and "«\u00a0Atelier Lune\u00a0»" in err and "de Atelier" not in err
