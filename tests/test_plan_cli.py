"""`coach plan --answers FILE`: JSON and text output, -o, bad answers, light imports."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from engine_support import PERSONAS
from fifo_support import FifoReader

from coach.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
DESIGNER = PERSONAS / "freelance_designer.toml"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def test_json_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--answers", str(DESIGNER), "--format", "json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["focus"]["platform"] == "linkedin"
    assert plan["focus"]["space"] == {"kind": "group", "name": "Entrepreneurs de la Mauricie"}
    assert plan["assessed_on"] == "2026-11-22" and plan["review_on"] == "2027-02-20"
    assert plan["client"] == "Atelier Lune" and plan["lang"] == "en"
    assert {p["platform"]: p["verdict"] for p in plan["platforms"]} == {
        "linkedin": "focus", "instagram": "pause", "facebook": "personal"}


def test_json_plan_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "plan", "--answers", str(DESIGNER), "--format", "json"]) == 0
    out = capsys.readouterr().out
    plan = json.loads(out)
    assert plan["lang"] == "fr"
    assert "1,5 h par semaine" in plan["focus"]["reasons"][0]
    assert "é" in out  # ensure_ascii=False: French stays readable


def test_text_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--answers", str(DESIGNER)]) == 0
    out = capsys.readouterr().out
    assert "LinkedIn" in out and "Entrepreneurs de la Mauricie" in out
    assert "Meet SME owners in my region" in out  # the user's own words
    assert "OVER_BUDGET" in out or "Over budget" in out
    assert "\x1b[" not in out  # NO_COLOR (conftest) and not a terminal


def test_output_file_and_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.json"
    assert main(["plan", "--answers", str(DESIGNER), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["focus"]["platform"] == "linkedin"
    assert capsys.readouterr().out == ""
    out.write_text("keep me", encoding="utf-8")
    assert main(["plan", "--answers", str(DESIGNER), "--format", "json", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["plan", "--answers", str(DESIGNER), "--format", "json", "-o", str(out),
                 "--force"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == 1


def test_bad_answers_exit_2_all_problems_nothing_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(DESIGNER.read_text(encoding="utf-8")
                   .replace('"influencers"', '"aliens"')
                   .replace('id = "instagram"', 'id = "myspace2"')
                   .replace("hours_per_week = 3", "hours_per_week = -4"), encoding="utf-8")
    out = tmp_path / "plan.txt"
    assert main(["plan", "--answers", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"{bad}: profile.audiences[1]: unknown audience 'aliens'" in err
    assert f"{bad}: platforms[1].id: unknown platform 'myspace2'" in err
    assert f"{bad}: platforms[2].hours_per_week: -4 is not between 0 and 168" in err
    assert not out.exists()


def test_missing_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--answers", str(tmp_path / "none.toml")]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_plan_command_imports_neither_textual_nor_questionary(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from coach.cli.main import main\n"
        f"rc = main(['plan', '--answers', {str(DESIGNER)!r}, '--format', 'json'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'questionary'))\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "COACH_TODAY": "2026-11-22", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "HEAVY=\n" in done.stderr
    assert json.loads(done.stdout)["focus"]["platform"] == "linkedin"


def test_python_m_coach_plan(tmp_path: Path) -> None:
    env = {**os.environ, "COACH_TODAY": "2026-11-22", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "coach", "plan", "--answers", str(DESIGNER),
                           "--format", "json"], capture_output=True, text=True, env=env,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    time = json.loads(done.stdout)["time"]
    assert (time["freed"], time["free"]) == (2, 1)  # 4 h of work (Instagram "both": half)


def _clients(workspace: Path) -> list:
    from coach.store import Workspace

    if not workspace.exists():
        return []
    return Workspace.open(workspace).list_clients()


@pytest.mark.parametrize("target", ["existing", "no_folder", "folder"])
def test_bad_output_with_client_saves_nothing(target: str, tmp_path: Path, workspace: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A refused -o is refused before the assessment is saved (was: saved, then exit 2)."""
    existing = tmp_path / "existing.md"
    existing.write_text("keep me", encoding="utf-8")
    out = {"existing": existing, "no_folder": tmp_path / "nodir" / "x.md",
           "folder": tmp_path}[target]
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["plan", "--answers", str(DESIGNER), "--client", "Atelier Lune",
                 "--format", "md", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Saved as assessment" not in err
    assert _clients(workspace) == []
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_failed_save_leaves_no_output_file(tmp_path: Path, workspace: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The store fails after the report is ready: no report file appears either."""
    from coach.cli import cmd_clients
    from coach.errors import RunError

    def broken(*_args: object, **_kw: object) -> int:
        raise RunError("the store is broken")

    monkeypatch.setattr(cmd_clients, "save_plan_for_client", broken)
    out = tmp_path / "plan.md"
    assert main(["plan", "--answers", str(DESIGNER), "--client", "Atelier Lune",
                 "--format", "md", "-o", str(out)]) == 1
    assert "the store is broken" in capsys.readouterr().err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_client_and_output_both_land(tmp_path: Path, workspace: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.md"
    assert main(["plan", "--answers", str(DESIGNER), "--client", "Atelier Lune",
                 "--format", "md", "-o", str(out)]) == 0
    assert "Saved as assessment 1" in capsys.readouterr().err
    assert "LinkedIn" in out.read_text(encoding="utf-8")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    [client] = _clients(workspace)
    assert client.assessments == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_escape_sequences_in_the_answers_file_name_never_reach_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    osc = "\x1b]0;pwn\x07"
    assert main(["plan", "--answers", str(tmp_path / f"{osc}.toml")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "]0;pwn.toml" in err
    bad = tmp_path / f"bad{osc}.toml"
    bad.write_text("version = 1\n[profile\n", encoding="utf-8")
    assert main(["plan", "--answers", str(bad), "-o", str(tmp_path / f"o{osc}.md")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    existing = tmp_path / f"old{osc}.md"
    existing.write_text("keep", encoding="utf-8")
    assert main(["plan", "--answers", str(DESIGNER), "-o", str(existing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "already exists" in err


def test_french_run_says_file_problems_in_french(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "plan", "--answers", str(tmp_path / "none.toml")]) == 2
    err = capsys.readouterr().err
    assert "impossible de lire le fichier\u00a0: il n’existe pas" in err
    assert "No such file" not in err
    bad = tmp_path / "bad.toml"
    bad.write_text("version = 1\n[profile\n", encoding="utf-8")
    assert main(["--lang", "fr", "plan", "--answers", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "TOML invalide à la ligne 2, colonne 9" in err and "Expected" not in err


def test_plan_summary_in_the_third_person_like_the_other_commands(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "--help"]) == 0
    out = capsys.readouterr().out
    assert "plan        Construit le plan" in out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_engine_warning_code_has_a_report_title(lang: str) -> None:
    """A code the engine can raise is shown with a title, not as a bare code."""
    from coach.model import WARNING_CODES
    from coach.report import labels as L

    for code in WARNING_CODES:
        title = L.translate(lang, L.WARNING_TITLES, code)
        assert title and title != code, code


def test_zero_budget_plan_shows_the_title(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "zero.toml"
    answers.write_text(DESIGNER.read_text(encoding="utf-8").replace(
        "weekly_budget_hours = 3", "weekly_budget_hours = 0"), encoding="utf-8")
    assert main(["--lang", "fr", "plan", "--answers", str(answers), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "Aucun temps prévu" in out


# -- -o to a pipe, through a link, into a file taken for a folder ------------------------
def test_plan_to_a_fifo_reaches_its_reader(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """`-o FIFO` (like `-o /dev/stdout` when the output is piped): written to the pipe,
    no --force, nothing replaced, exit 0."""
    fifo = tmp_path / "plan.pipe"
    os.mkfifo(fifo)
    reader = FifoReader(fifo)
    assert main(["plan", "--answers", str(DESIGNER), "-o", str(fifo)]) == 0
    text = reader.text()
    assert text is not None and "LinkedIn" in text and "Atelier Lune" in text
    assert capsys.readouterr().out == ""
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pipe"]


def test_plan_with_client_to_a_fifo_saves_then_writes(
        tmp_path: Path, workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "plan.pipe"
    os.mkfifo(fifo)
    reader = FifoReader(fifo)
    assert main(["plan", "--answers", str(DESIGNER), "--client", "Atelier Lune",
                 "--format", "json", "-o", str(fifo)]) == 0
    text = reader.text()
    assert text is not None and json.loads(text)["client"] == "Atelier Lune"
    assert "Saved as assessment 1" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_plan_force_through_a_symlink_keeps_the_link(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "plan.txt"
    link.symlink_to(real)
    assert main(["plan", "--answers", str(DESIGNER), "-o", str(link)]) == 2
    assert "already exists" in capsys.readouterr().err and real.read_text() == "old"
    assert main(["plan", "--answers", str(DESIGNER), "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and "LinkedIn" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt", "real.txt"]


def test_plan_into_a_file_taken_for_a_folder_says_it_is_a_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("keep", encoding="utf-8")
    out = notes / "plan.txt"
    assert main(["plan", "--answers", str(DESIGNER), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{notes} is a file, not a folder" in err and "does not exist" not in err
    assert notes.read_text(encoding="utf-8") == "keep"
