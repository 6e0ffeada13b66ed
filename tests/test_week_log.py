"""`coach log` / `coach progress`: the results log in the client file, the gate measured."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from engine_support import PERSONAS

from coach.cli.main import main
from coach.report.progress import measure
from coach.store import Workspace
from coach.store.results_log import ResultEntry, add_result, results

DESIGNER = PERSONAS / "freelance_designer.toml"


@pytest.fixture(autouse=True)
def lune(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")
    assert main(["plan", "--answers", str(DESIGNER), "--client", "Atelier Lune"]) == 0
    monkeypatch.setenv("COACH_TODAY", "2026-12-20")


def _progress(capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["progress", "Atelier Lune", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_entries_before_the_assessment_do_not_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "9",
                 "--date", "2026-11-21"]) == 0
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--won", "1",
                 "--date", "2026-11-22", "--space", "Entrepreneurs de la Mauricie"]) == 0
    assert main(["log", "Atelier Lune", "--platform", "instagram", "--sales", "4"]) == 0
    p = _progress(capsys)
    assert p["since"] == "2026-11-22"
    assert [e["date"] for e in p["entries"]] == ["2026-11-22", "2026-12-20"]
    # The gate counts the focus only: Instagram's sales are listed, not counted.
    assert p["gate"]["have"] == 1 and p["gate"]["needed"] == 3 and p["gate"]["met"] is False
    assert p["gate"]["by"] == "2027-01-17" and p["gate"]["counts"]["won"] == 1  # 8 weeks
    assert {r["platform"]: r["counts"] for r in p["platforms"]} == {
        "linkedin": {"won": 1}, "instagram": {"sales": 4}}
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "2"]) == 0
    p = _progress(capsys)
    assert p["gate"]["have"] == 3 and p["gate"]["met"] is True
    capsys.readouterr()
    assert main(["progress", "Atelier Lune"]) == 0
    text = capsys.readouterr().out
    assert "3 of 3 results, gate met" in text and "Instagram: 4 sales" in text


def test_gate_met_follows_its_numbers() -> None:
    plan = {"review_on": "2027-02-20", "focus": {"platform": "linkedin"},
            "gate": {"platform": "linkedin", "kinds": ["sales"], "needed": 6, "weeks": 13,
                     "by": "2027-01-24", "have_90d": 0, "add_channel": True, "next": None}}
    from datetime import date

    def entry(n: int, kind: str = "sales", platform: str = "linkedin") -> ResultEntry:
        return ResultEntry(1, "2026-12-01", platform, None, {kind: n}, None, None)

    four = measure(plan, "2026-11-22", [entry(3), entry(1), entry(5, "inquiries"),
                                        entry(9, platform="x")], date(2026, 12, 20))
    assert (four.have, four.met, four.weeks_left) == (4, False, 5)
    from coach.report.progress import gate_line

    assert gate_line(four, "en") == "4 of 6 sales, 5 weeks left"
    six = measure(plan, "2026-11-22", [entry(6)], date(2026, 12, 20))
    assert six.met and six.have == 6


@pytest.mark.parametrize("args, named", [
    (["--platform", "nowhere", "--inquiries", "1"], "--platform"),
    (["--platform", "linkedin", "--inquiries", "-1"], "--inquiries"),
    (["--platform", "linkedin", "--sales", "1.5"], "--sales"),
    (["--platform", "linkedin", "--won", "two"], "--won"),
    (["--platform", "linkedin", "--inquiries", "1", "--date", "2026-12-21"], "--date"),
    (["--platform", "linkedin", "--inquiries", "1", "--date", "20/12/2026"], "--date"),
    (["--platform", "linkedin"], "--inquiries"),
])
def test_bad_input_exit_2_names_the_option_nothing_written(
        workspace: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        named: str) -> None:
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--won", "1"]) == 0

    def files() -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in workspace.rglob("*")
                if p.is_file() and not p.name.endswith(".lock")}

    before = files()
    capsys.readouterr()
    assert main(["log", "Atelier Lune", *args]) == 2
    assert named in capsys.readouterr().err
    assert files() == before


def test_unknown_client(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "Nobody", "--platform", "linkedin", "--inquiries", "1"]) == 2
    assert "Nobody" in capsys.readouterr().err
    assert main(["progress", "Nobody"]) == 2


def test_stored_privately_in_the_client_file_and_forgotten_with_it(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    client = ws.require_client("Atelier Lune")
    add_result(ws, client.id, date="2026-12-01", platform="linkedin", counts={"won": 2},
               note="[bold]not markup[/]")
    [entry] = results(ws, client.id)
    assert entry.counts == {"won": 2} and entry.note == "[bold]not markup[/]"
    # In its own side file: logging does not rewrite the client's history.
    path = workspace / "clients" / "results" / f"{client.id}.json"
    assert "not markup" not in (workspace / "clients" / f"{client.id}.json").read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "not markup" in path.read_text(encoding="utf-8")
    from coach.store import StoreValueError

    with pytest.raises(StoreValueError):
        add_result(ws, client.id, date="2026-12-01", platform="linkedin", counts={"won": -1})
    assert len(results(ws, client.id)) == 1
    assert main(["forget", "Atelier Lune", "--yes"]) == 0
    assert not any("not markup" in p.read_text(errors="replace")
                   for p in (workspace / "clients").rglob("*") if p.is_file())
    assert not path.exists()


def test_entries_kept_in_the_client_file_move_to_the_side_file(workspace: Path) -> None:
    """A log written before side files (a "results" table in the client file)."""
    ws = Workspace.open(workspace)
    client = ws.require_client("Atelier Lune")
    df = ws._client(client.id)
    with df.locked():
        data = df.read_state()
        data["results"] = {"1": {"date": "2026-11-30", "platform": "linkedin",
                                 "counts": {"inquiries": 2}}}
        df.write_state(data)
    assert [e.counts for e in results(ws, client.id)] == [{"inquiries": 2}]
    add_result(ws, client.id, date="2026-12-01", platform="linkedin", counts={"won": 1})
    ws = Workspace.open(workspace)
    assert [e.counts for e in results(ws, client.id)] == [{"inquiries": 2}, {"won": 1}]
    assert "results" not in ws._client(client.id).peek()
