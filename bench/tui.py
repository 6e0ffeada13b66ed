"""TUI start-up, measured against references run in the same invocation.

- `tui_first_frame_ratio`: time from spawning the process to the first painted frame
  of coach's app, over the same for a minimal Textual app with comparable widgets
  (header, footer, a list, an input). Both run headless as separate processes and
  exit themselves right after their first frame; median of 5 runs each, interleaved.
  Target: at most 1.25.
- `plan_cli_vs_tui_ratio`: wall time of a `coach plan --format json` process over
  the wall time of a coach TUI process that stops after its first frame. Target: at
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

# Each child prints the wall-clock time of its first frame, then exits.
MINIMAL_APP = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Input, ListItem, ListView, Label

class Minimal(App):
    def compose(self):
        yield Header()
        yield ListView(*[ListItem(Label(f"item {n}")) for n in range(5)])
        yield Input(placeholder="type here")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.first_frame)

    def first_frame(self):
        print(f"FRAME {time.time()!r}", flush=True)
        self.exit()

Minimal().run(headless=True, size=(80, 24))
"""

COACH_APP = """
import sys, time
from pathlib import Path
from coach.cli.base import Env
from coach.paths import bundled_bank_dir
from coach.tui import app as tui_app

def first_frame(self):
    # The first frame is painted: coach would now start loading bank and store.
    print(f"FRAME {time.time()!r}", flush=True)
    self.exit()

# Patched on the class (not a subclass: Textual finds app.tcss beside the class's file).
tui_app.CoachApp._start_loading = first_frame
env = Env(lang="en", data_dir=Path(sys.argv[1]), bank_dir=bundled_bank_dir(),
          bank_is_custom=False)
tui_app.make_app(env).run(headless=True, size=(80, 24))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("TEXTUAL", None)  # no devtools
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


def run() -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data_dir = folder / "workspace"
        answers = _answers_file(folder)
        # One warm-up each (disk cache, .pyc files), not counted.
        _first_frame(MINIMAL_APP)
        _first_frame(COACH_APP, str(data_dir))
        _plan_cli(answers, data_dir)
        minimal, coach, coach_whole, plan = [], [], [], []
        for _n in range(RUNS):
            minimal.append(_first_frame(MINIMAL_APP)[0])
            frame, whole = _first_frame(COACH_APP, str(data_dir))
            coach.append(frame)
            coach_whole.append(whole)
            plan.append(_plan_cli(answers, data_dir))
    m_min, m_coach = statistics.median(minimal), statistics.median(coach)
    m_whole, m_plan = statistics.median(coach_whole), statistics.median(plan)
    return {
        "tui_first_frame_minimal_s": m_min,
        "tui_first_frame_coach_s": m_coach,
        "tui_first_frame_ratio": m_coach / m_min,
        "plan_cli_s": m_plan,
        "tui_start_process_s": m_whole,
        "plan_cli_vs_tui_ratio": m_plan / m_whole,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value:.3f}")
