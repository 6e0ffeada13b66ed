"""`coach measured` and `coach plan --measured` as a user runs them, in English and French."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from engine_support import PERSONAS
from measured_support import WEEK, utc  # noqa: F401

from coach.cli.main import main
from coach.paths import bundled_bank_dir
from coach.store.workspace import Workspace

DESIGNER = PERSONAS / "freelance_designer.toml"   # declares linkedin 1.5, instagram 5, facebook 3


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch, utc: None) -> None:  # noqa: F811
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_measured_text_and_json(capsys) -> None:
    code, out, _ = run(capsys, "measured", str(WEEK))
    assert code == 0
    assert "November 2, 2026 to November 8, 2026 (7 days)" in out
    lines = {line.split("  ")[1].strip(): line for line in out.splitlines()
             if line.startswith("  ") and "h" in line}
    assert lines["Instagram"].split()[-2:] == ["5.25\u00a0h"] or "5.25" in lines["Instagram"]
    assert "Matched no platform: 5.25\u00a0h a week" in out
    code, out, _ = run(capsys, "measured", str(WEEK), "--since", "2026-11-07", "--until",
                       "2026-11-08", "--format", "json")
    doc = json.loads(out)
    assert (doc["from"], doc["to"], doc["days"]) == ("2026-11-07", "2026-11-08", 2)
    assert {p["platform"]: p["hours"] for p in doc["platforms"]} == {
        "instagram": 1.5, "linkedin": 1.33, "facebook": 1.0, "discord_slack": 0.67}


def test_measured_in_french(capsys) -> None:
    code, out, _ = run(capsys, "--lang", "fr", "measured", str(WEEK))
    assert code == 0
    assert "2 novembre 2026" in out and "5,25\u00a0h" in out
    assert "Temps mesuré" in out


def test_bad_sources_exit_codes(capsys, tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_bytes(WEEK.read_bytes()[:3000])
    code, out, err = run(capsys, "measured", str(cut))
    assert code == 2 and out == "" and err.startswith(f"{cut}: not valid JSON at line ")
    code, _, err = run(capsys, "measured", "aw:http://192.168.1.5:5600")
    assert code == 2 and "only an ActivityWatch on this computer" in err
    code, _, err = run(capsys, "measured", str(WEEK), "--since", "2 Nov")
    assert code == 2 and "--since" in err and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "measured", str(tmp_path / "missing.json"))
    assert code == 2 and "missing.json" in err
    code, _, err = run(capsys, "--lang", "fr", "measured", "aw:http://8.8.8.8:5600")
    assert code == 2 and "cet ordinateur" in err


def test_plan_with_measured_hours(capsys) -> None:
    code, out, _ = run(capsys, "plan", "--answers", str(DESIGNER), "--measured", str(WEEK),
                       "--format", "json")
    assert code == 0
    plan = json.loads(out)
    by_id = {p["platform"]: p for p in plan["platforms"]}
    assert by_id["linkedin"]["declared_hours"] == 1.5
    assert by_id["linkedin"]["measured_hours"] == 4.67
    assert by_id["linkedin"]["hours"] == 4.67          # the plan uses the measured hours
    # Instagram is "both": half of its measured 5.25 h is work (issue 11).
    assert plan["time"]["professional"] == 7.29
    under = [w for w in plan["warnings"] if w["code"] == "HOURS_UNDERESTIMATED"]
    # LinkedIn: 4.67 >= 1.5 x 1.25 and >= 1.5 + 1. Instagram 5.25 against 5: no warning.
    assert [w["platform"] for w in under if w["platform"] in by_id] == ["linkedin"]
    linkedin = next(w for w in under if w["platform"] == "linkedin")
    assert "1.5 h a week" in linkedin["message"] and "4.75 h a week" in linkedin["message"]
    # Measured, never declared: named in the plan.
    assert [u["platform"] for u in plan["measured_undeclared"]] == [
        "discord_slack", "x", "youtube"]
    assert {w["platform"] for w in under} >= {"discord_slack", "x", "youtube"}
    assert plan["measured"]["source"] == str(WEEK) and plan["measured"]["days"] == 7


def test_plan_without_measurement_keeps_declared_hours(capsys) -> None:
    code, out, _ = run(capsys, "plan", "--answers", str(DESIGNER), "--format", "json")
    assert code == 0
    plan = json.loads(out)
    for p in plan["platforms"]:
        assert p["declared_hours"] == p["hours"] and p["measured_hours"] is None
    assert "measured_undeclared" not in plan


def test_reports_say_declared_and_measured(capsys) -> None:
    code, out, _ = run(capsys, "plan", "--answers", str(DESIGNER), "--measured", str(WEEK),
                       "--format", "md")
    assert code == 0
    assert "declared 1.5\u00a0h, measured 4.67\u00a0h" in out
    assert "More time than declared" in out
    code, out, _ = run(capsys, "--lang", "fr", "plan", "--answers", str(DESIGNER), "--measured",
                       str(WEEK), "--format", "html")
    assert code == 0
    assert "déclaré 1,5\u00a0h, mesuré 4,67\u00a0h" in out


def test_plan_with_client_keeps_the_measurement(capsys, workspace: Path) -> None:
    code, _, _ = run(capsys, "plan", "--answers", str(DESIGNER), "--measured", str(WEEK),
                     "--client", "Atelier Lune")
    assert code == 0
    ws = Workspace.open(workspace)
    client = ws.find_client("Atelier Lune")
    assert client is not None
    (a,) = ws.assessments(client.id)
    m = a.answers["measured"]
    assert (m["source"], m["from"], m["to"], m["days"]) == (str(WEEK), "2026-11-02",
                                                            "2026-11-08", 7)
    assert m["hours_per_week"]["linkedin"] == 4.67
    assert a.plan["platforms"][0]["measured_hours"] == 4.67
    # The stored report says both figures too.
    code, out, _ = run(capsys, "report", "Atelier Lune", "--format", "md")
    assert code == 0 and "declared 1.5\u00a0h, measured 4.67\u00a0h" in out


def test_nothing_saved_when_the_measurement_cannot_be_read(capsys, workspace: Path,
                                                           tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_bytes(WEEK.read_bytes()[:3000])
    out_file = tmp_path / "plan.md"
    code, _, err = run(capsys, "plan", "--answers", str(DESIGNER), "--measured", str(cut),
                       "--client", "Atelier Lune", "-o", str(out_file))
    assert code == 2 and str(cut) in err
    assert not out_file.exists()
    assert Workspace.open(workspace).find_client("Atelier Lune") is None


def test_answers_file_may_carry_a_measurement(capsys, tmp_path: Path) -> None:
    text = DESIGNER.read_text(encoding="utf-8")
    good = tmp_path / "a.toml"
    good.write_text(text + '\n[measured]\nsource = "rt.csv"\nfrom = 2026-11-02\n'
                    'to = 2026-11-08\ndays = 7\nhours_per_week = { linkedin = 4.0, '
                    'instagram = 9.0 }\nkeep = { instagram = "declared" }\n', encoding="utf-8")
    code, out, _ = run(capsys, "plan", "--answers", str(good), "--format", "json")
    assert code == 0
    by_id = {p["platform"]: p for p in json.loads(out)["platforms"]}
    assert by_id["linkedin"]["hours"] == 4.0
    assert by_id["instagram"]["hours"] == 5.0 and by_id["instagram"]["measured_hours"] == 9.0
    bad = tmp_path / "b.toml"
    bad.write_text(text + '\n[measured]\nsource = "x"\nfrom = 2026-11-02\nto = "soon"\n'
                   'days = 7\nhours_per_week = { nowhere = 1 }\nkeep = { linkedin = "mine" }\n',
                   encoding="utf-8")
    code, _, err = run(capsys, "plan", "--answers", str(bad))
    assert code == 2
    assert f"{bad}: measured.to: expected a date" in err
    assert f"{bad}: measured.hours_per_week.nowhere: unknown platform" in err
    assert f"{bad}: measured.keep.linkedin: 'mine' is not measured or declared" in err


def test_check_bank_checks_tracking(capsys, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(bundled_bank_dir(), bank)
    tracking = bank / "tracking.toml"
    tracking.write_text(tracking.read_text(encoding="utf-8") + '\n[[platforms]]\nid = "tiktok"\n'
                        'domains = ["https://tiktok.com/", "linkedin.com"]\n'
                        'packages = ["tiktok"]\ncolour = "red"\n', encoding="utf-8")
    code, _, err = run(capsys, "check-bank", str(bank))
    assert code == 2
    assert "tracking.toml: platform 'tiktok': id: listed twice" in err
    assert ("tracking.toml: platform 'tiktok': domains[0]: 'https://tiktok.com/' is not a "
            "domain name") in err
    assert ("tracking.toml: platform 'tiktok': domains[1]: 'linkedin.com' is listed twice "
            "(first for 'linkedin')") in err
    assert "packages[0]: 'tiktok' is not an Android package name" in err
    assert "colour: unknown key" in err
    tracking.unlink()  # optional: a bank without it still loads
    code, out, _ = run(capsys, "check-bank", str(bank))
    assert code == 0 and "Bank OK" in out


def test_measured_command_imports_neither_textual_nor_questionary(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    code = (
        "import sys\n"
        "from coach.cli.main import main\n"
        f"rc = main(['measured', {str(WEEK)!r}, '--format', 'json'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'questionary',"
        " 'tinydb'))\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "HEAVY=\n" in done.stderr
    assert json.loads(done.stdout)["days"] == 7
