"""Engine: a 20-platform plan in-process, and `coach plan --format json` as a process.

`engine_plan_ms_20_platforms` is the median of many build_plan runs (target < 5 ms).
`plan_cli_process_ms` is the wall time of `python -m coach plan --answers X --format
json` (median of 5), and `plan_cli_vs_python_ratio` divides it by a bare
`python -c pass` measured in the same run, so machines of any speed compare.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from coach.bank.load import default_bank
from coach.engine import build_plan
from coach.i18n import translator
from coach.paths import bundled_bank_dir

ROUNDS = 200
PROCESS_ROUNDS = 5
ROOT = Path(__file__).resolve().parent.parent


def _answers(n: int) -> dict[str, Any]:
    """n platforms (ids repeat past the bank's 17: the engine does not mind)."""
    bank = default_bank(bundled_bank_dir())
    ids = [p.id for p in bank.platforms]
    audiences = ["clients", "influencers", "partners"]
    platforms = []
    for i in range(n):
        platforms.append({
            "id": ids[i % len(ids)], "reason": ("professional", "both", "personal")[i % 3],
            "why": f"reason {i}", "hours_per_week": 0.5 + (i % 5),
            "audiences_present": audiences[: i % 4], "know_who": i % 2 == 0,
            "activities": [("converse", "broadcast", "browse", "monitor")[i % 4]],
            "measures": [("inquiries", "likes", "none")[i % 3]], "editorial_line": i % 3 == 0,
            "results_90d": {"inquiries": i % 4, "won": i % 2, "referrals": 0,
                            "site_visits": 10 * i, "sales": 0, "donations": 0, "signups": 0},
            "spaces": [{"kind": "group", "name": f"Space {i}"}] if i % 2 else [], "extra": {},
        })
    return {"version": 1, "profile": {
        "name": "Bench", "kind": "freelancer", "market": "b2b", "goal": "clients",
        "audiences": audiences, "weekly_budget_hours": 6.0, "extra": {}},
        "platforms": platforms}


def median_ms(fn, rounds: int = 50) -> float:  # type: ignore[no-untyped-def]
    """The median of `rounds` timings of `fn()`, in milliseconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run() -> dict[str, float | str]:
    bank = default_bank(bundled_bank_dir())
    tr = translator("en", "engine")
    answers = _answers(20)
    today = date(2026, 11, 22)
    build_plan(answers, bank, lang="en", tr=tr, today=today)  # warm: rules parsed once
    engine_ms = median_ms(
        lambda: build_plan(answers, bank, lang="en", tr=tr, today=today), ROUNDS)

    env = {**os.environ, "COACH_TODAY": "2026-11-22", "NO_COLOR": "1",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # An installed coach runs from compiled .pyc files: let the warm-up run write them,
    # or every timed run would include compiling the sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.toml"
        # A realistic file: the 17 bank platforms once each (ids must be unique there).
        real = _answers(len(bank.platforms))
        path.write_text(tomli_w.dumps(real), encoding="utf-8")
        env["COACH_DATA_DIR"] = str(Path(tmp) / "ws")

        def cli() -> None:
            subprocess.run([sys.executable, "-m", "coach", "plan", "--answers", str(path),
                            "--format", "json"], env=env, cwd=tmp, check=True,
                           stdout=subprocess.DEVNULL)

        def bare() -> None:
            subprocess.run([sys.executable, "-c", "pass"], env=env, cwd=tmp, check=True)

        cli()  # warm the OS caches and the .pyc files
        bare()
        cli_ms = median_ms(cli, PROCESS_ROUNDS)
        python_ms = median_ms(bare, PROCESS_ROUNDS)
    return {
        "engine_plan_ms_20_platforms": engine_ms,
        "plan_cli_process_ms": cli_ms,
        "python_bare_process_ms": python_ms,
        "plan_cli_vs_python_ratio": cli_ms / python_ms if python_ms else 0.0,
    }
