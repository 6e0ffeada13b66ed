"""The live REST path: a real aw-server on this computer, read with `aw:http://127.0.0.1:PORT`.

Runs when aw-server is installed ($COACH_AW_SERVER, aw-server on PATH, or the project's
scratch venv /work/awvenv) and aw-client is importable; skipped otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from measured_support import expected_hours, utc  # noqa: F401

from coach.cli.main import main


def _server() -> str | None:
    for candidate in (os.environ.get("COACH_AW_SERVER"), shutil.which("aw-server"),
                      "/work/awvenv/bin/aw-server"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


SERVER = _server()
pytestmark = pytest.mark.skipif(SERVER is None, reason="aw-server is not installed")


@pytest.fixture(scope="module")
def aw_port() -> Iterator[int]:
    pytest.importorskip("aw_client")
    import make_fixtures  # tests/fixtures/aw, on sys.path through measured_support

    port = make_fixtures.free_port()
    assert SERVER is not None
    proc = subprocess.Popen([SERVER, "--testing", "--storage", "memory", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        make_fixtures.wait_up(port)
        make_fixtures.fill(port, "2026-11-02", 7)
        yield port
    finally:
        proc.terminate()
        proc.wait(10)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_live_server_counts_like_its_export(aw_port: int, capsys, utc: None) -> None:  # noqa: F811
    doc = _json(capsys, "measured", f"aw:http://127.0.0.1:{aw_port}", "--format", "json")
    want, unmatched = expected_hours(date(2026, 11, 2), 7)
    assert {p["platform"]: p["hours"] for p in doc["platforms"]} == {
        p: round(h, 2) for p, h in want.items()}
    assert doc["unmatched_hours_per_week"] == round(unmatched, 2)
    assert (doc["from"], doc["to"], doc["days"]) == ("2026-11-02", "2026-11-08", 7)
    assert doc["source"] == f"aw:http://127.0.0.1:{aw_port}"


def test_live_server_with_a_period(aw_port: int, capsys, utc: None) -> None:  # noqa: F811
    doc = _json(capsys, "measured", f"aw:http://localhost:{aw_port}", "--since", "2026-11-07",
                "--until", "2026-11-08", "--format", "json")
    want, _ = expected_hours(date(2026, 11, 7), 2)
    assert doc["days"] == 2
    assert {p["platform"]: p["hours"] for p in doc["platforms"]} == {
        p: round(h, 2) for p, h in want.items()}


def test_plan_from_the_live_server(aw_port: int, capsys, utc: None,  # noqa: F811
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from engine_support import PERSONAS

    monkeypatch.setenv("COACH_TODAY", "2026-11-22")
    plan = _json(capsys, "plan", "--answers", str(PERSONAS / "freelance_designer.toml"),
                 "--measured", f"aw:http://127.0.0.1:{aw_port}", "--format", "json")
    linkedin = next(p for p in plan["platforms"] if p["platform"] == "linkedin")
    assert (linkedin["declared_hours"], linkedin["measured_hours"]) == (1.5, 4.67)
    assert any(w["code"] == "HOURS_UNDERESTIMATED" and w["platform"] == "linkedin"
               for w in plan["warnings"])
