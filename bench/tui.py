"""TUI start-up, measured against references run in the same invocation.

- The first usable screen against a minimal Textual app is `tui_usable_ratio`
  (bench/tui_react.py): coach paints no "Loading" frame any more, so its first frame
  is that screen and a separate first-frame figure would time the same thing.
- `home_1000_clients_ms`: with 1,000 clients in the workspace, the time to open the
  home screen (client table built and painted), in a headless app; median of 5.
  `home_1000_filter_ms`: one search applied to those 1,000 clients and repainted
  (the debounce delay itself not counted); median of 5. `home_4_clients_ms` is the
  same opening with 4 clients: the part of the first figure that is Textual's own
  screen switch in this harness.
- `plan_cli_vs_tui_ratio`: wall time of a `coach plan --format json` process over
  the wall time of a coach TUI process that stops after its first frame (its first
  screen painted), median of 5 each, interleaved. Target: at
  most 0.35 (the CLI must not pay for Textual).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

# The child prints the wall-clock time of its first frame, then exits.
COACH_APP = """
import sys, time
from pathlib import Path
from coach.context import Context
from coach.paths import bundled_bank_dir
from coach.tui import app as tui_app

route = tui_app.CoachApp._route

def first_frame(self):
    print(f"FRAME {time.time()!r}", flush=True)
    self.exit()

def routed(self):
    # Bank and workspace are open, the first screen is up: the frame after this one is
    # the first coach paints (there is no "Loading" frame before it).
    route(self)
    self.call_after_refresh(first_frame, self)

# Patched on the class (not a subclass: Textual finds app.tcss beside the class's file).
tui_app.CoachApp._route = routed
env = Context.make(lang="en", data_dir=Path(sys.argv[1]), bank_dir=bundled_bank_dir(),
          bank_is_custom=False)
tui_app.make_app(env).run(headless=True, size=(80, 24))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("TEXTUAL", None)  # no devtools
    # Measure what an installed coach does: with its modules' .pyc written by the warm-up
    # run (pip compiles them at install), not compiled again from source on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _first_frame(code: str, *args: str) -> tuple[float, float]:
    """(seconds to the first frame, seconds for the whole process)."""
    start = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, env=_env(), cwd=ROOT, check=True,
                          stdin=subprocess.DEVNULL)
    end = time.time()
    for line in done.stdout.splitlines():
        if line.startswith("FRAME "):
            return float(line.split()[1]) - start, end - start
    raise RuntimeError(f"no frame reported: {done.stdout!r} {done.stderr[-500:]!r}")


def _plan_cli(answers: Path, data_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(data_dir), "plan",
                    "--answers", str(answers), "--format", "json"],
                   capture_output=True, text=True, env=_env(), cwd=ROOT, check=True,
                   stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def _answers_file(folder: Path) -> Path:
    personas = ROOT / "tests" / "personas"
    found = sorted(personas.glob("*.toml")) if personas.is_dir() else []
    if found:
        return found[0]
    target = folder / "answers.toml"
    target.write_text(
        'version = 1\n[profile]\nname = "Bench"\nkind = "freelancer"\nmarket = "b2b"\n'
        'goal = "clients"\naudiences = ["clients"]\nweekly_budget_hours = 3.0\n'
        '[[platforms]]\nid = "linkedin"\nreason = "professional"\nwhy = "clients"\n'
        'hours_per_week = 2.0\naudiences_present = ["clients"]\nknow_who = true\n'
        'activities = ["converse"]\nmeasures = ["inquiries"]\neditorial_line = true\n'
        'results_90d = { inquiries = 2 }\nspaces = []\n', encoding="utf-8")
    return target


HOME_RUNS = 5


def _seed(data_dir: Path, clients: int) -> None:
    """Client files written directly; the store rebuilds its index from them on open
    (its recovery path, one pass) instead of rewriting it once per new client."""
    import json

    from coach.store import SCHEMA, Workspace
    from coach.store.names import new_client_id

    folder = data_dir / "clients"
    folder.mkdir(parents=True, mode=0o700)
    for i in range(clients):
        cid = new_client_id()
        data = {"meta": {"1": {"schema": SCHEMA, "kind": "client", "client_id": cid,
                               "name": f"Client {i:04d}", "created": "2026-11-22"}},
                "assessments": {}, "draft": {}}
        (folder / f"{cid}.json").write_text(json.dumps(data), encoding="utf-8")
    ws = Workspace.open(data_dir)
    ws.notices.clear()
    ws.set_setting("role", "consultant")


def _home(folder: Path, clients: int) -> tuple[float, float]:
    """(ms to open home, ms to filter) with `clients` clients, medians."""
    import asyncio

    from coach.bank.load import default_bank
    from coach.context import Context
    from coach.paths import bundled_bank_dir
    from coach.store import Workspace
    from coach.tui.app import make_app

    data_dir = folder / f"clients-{clients}"
    _seed(data_dir, clients)
    bank = default_bank(bundled_bank_dir())
    env = Context.make(lang="en", data_dir=data_dir, bank_dir=bundled_bank_dir())
    opens: list[float] = []
    filters: list[float] = []

    async def measure() -> None:
        app = make_app(env, bank=bank, workspace=Workspace.open(data_dir))
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for n in range(HOME_RUNS):
                app.pop_screen()
                await pilot.pause()
                start = time.perf_counter()
                app.action_clients()
                await pilot.pause()           # mounted, rows built, painted
                opens.append((time.perf_counter() - start) * 1000)
                home = app.screen
                search = home.query_one("#home-search")
                start = time.perf_counter()
                search.value = f"client 0{n}"
                home.apply_filter()
                await pilot.pause()
                filters.append((time.perf_counter() - start) * 1000)
                search.value = ""
                home.apply_filter()
                await pilot.pause()

    asyncio.run(measure())
    return statistics.median(opens), statistics.median(filters)


def run() -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data_dir = folder / "workspace"
        answers = _answers_file(folder)
        # One warm-up each (disk cache, .pyc files), not counted.
        _first_frame(COACH_APP, str(data_dir))
        _plan_cli(answers, data_dir)
        coach_whole, plan = [], []
        for _n in range(RUNS):
            coach_whole.append(_first_frame(COACH_APP, str(data_dir))[1])
            plan.append(_plan_cli(answers, data_dir))
        home_open, home_filter = _home(folder, 1000)
        few_open, _few_filter = _home(folder, 4)
    m_whole, m_plan = statistics.median(coach_whole), statistics.median(plan)
    return {
        "plan_cli_s": m_plan,
        "tui_start_process_s": m_whole,
        "plan_cli_vs_tui_ratio": m_plan / m_whole,
        "home_1000_clients_ms": home_open,
        "home_1000_filter_ms": home_filter,
        "home_4_clients_ms": few_open,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value:.3f}")
