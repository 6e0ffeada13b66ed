"""What a person waits for in the TUI, end to end, against references run alongside.

- `tui_usable_ratio`: from spawning the process to the welcome screen ready for input
  (bank and workspace loaded, the welcome composed, its first field focused, and the
  frame after that painted), over the same for a minimal Textual app with comparable
  widgets (header, a paragraph, two radio sets, an input, a button, footer) whose
  input is focused and painted. Separate headless processes at 80x24, an empty
  workspace, median of 9 each, interleaved. Target: at most 1.25.
- `tui_home_10000_vs_minimal_ratio`: the same from spawning coach on a workspace of
  10,000 clients to the client table filled, focused and painted, over the minimal
  app's. `tui_home_10000_s` is that coach figure in seconds (target 1.5).
- `tui_platform_switch_ms`: in the running app (Pilot, 80x24, three professional
  platforms), from pressing Ctrl+N (or Ctrl+B) on a "Why am I on ...?" page to the
  last frame painted before the app is idle again, with the next platform's first
  field focused: median of 6 moves, back and forth. Target: at most 150.
- `tui_plan_row_open_ms`: on the plan, from Enter on the highlighted first platform
  to the last frame painted with that platform's first question focused (then Ctrl+B
  back to the plan, not counted); median of 6. Target: at most 200.

Frames are timed by wrapping the screen's compositor refresh (what writes a frame),
so Pilot's own waiting after the last frame is not counted.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.tui import ROOT, _env, _seed

RUNS = 9   # the start-up figures vary by a tenth from run to run on this machine
MOVES = 6

MINIMAL_USABLE = """
import time
from textual.app import App
from textual.widgets import Button, Footer, Header, Input, RadioButton, RadioSet, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Why am I on this network? A paragraph of text to read first.")
        with RadioSet():
            yield RadioButton("English")
            yield RadioButton("Français")
        with RadioSet():
            for label in ("A freelancer", "A nonprofit", "A consultant"):
                yield RadioButton(label)
        yield Input(placeholder="Your name")
        yield Button("Start")
        yield Footer()

    def on_mount(self):
        self.query_one(Input).focus()
        self.call_after_refresh(self.usable)

    def usable(self):
        print(f"USABLE {time.time()!r}", flush=True)
        self.exit()

Minimal().run(headless=True, size=(80, 24))
"""

# Ready = the screen named in argv[2] is on top with a focused field; the frame after
# that is painted, then the time is printed.
COACH_USABLE = """
import gc; gc.disable()   # as `coach` does before it loads the TUI (coach/cli/main.py)
import sys, time
from pathlib import Path
from coach.context import Context
from coach.paths import bundled_bank_dir
from coach.tui import app as tui_app

route = tui_app.CoachApp._route
WANTED = sys.argv[2]

def ready(self):
    if type(self.screen).__name__ == WANTED and self.focused is not None:
        self.call_after_refresh(done, self)
    else:
        self.set_timer(0.005, lambda: ready(self))

def done(self):
    print(f"USABLE {time.time()!r}", flush=True)
    self.exit()

def patched(self):
    route(self)
    ready(self)

tui_app.CoachApp._route = patched
env = Context.make(lang="en", data_dir=Path(sys.argv[1]), bank_dir=bundled_bank_dir(),
          bank_is_custom=False)
app = tui_app.make_app(env)
app.freeze_gc = True   # as run_app does
app.run(headless=True, size=(80, 24))
"""


def _usable(code: str, *args: str) -> float:
    start = time.time()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=_env(), cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
    for line in done.stdout.splitlines():
        if line.startswith("USABLE "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"never usable: {done.stdout!r} {done.stderr[-500:]!r}")


def _frames(app: Any, ready: Any) -> list[float]:
    """Times of the frames painted from now on in which `ready()` holds (the next page
    shown with its first field focused); the first one is when the person can go on."""
    painted: list[float] = []
    screen = app.screen
    refresh = screen._compositor_refresh

    def timed() -> None:
        refresh()
        if ready():
            painted.append(time.perf_counter())

    screen._compositor_refresh = timed
    return painted


async def _moves() -> tuple[list[float], list[float]]:
    from tests.tui_driver import answer_all, inventory, new_app, next_step, settle, step, welcome

    switches: list[float] = []
    opens: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        app = new_app(Path(folder))
        app.freeze_gc = True   # as `coach` runs it (run_app)
        async with app.run_test(size=(80, 24)) as pilot:
            await welcome(pilot, lang="en", role="freelancer", name="Bench")
            await answer_all(pilot, {"market": "b2b", "goal": "clients",
                                     "audiences": ["clients"], "weekly_budget_hours": 3})
            await next_step(pilot)
            await inventory(pilot, {"linkedin": (1.5, "professional"),
                                    "instagram": (4, "professional"),
                                    "facebook": (2, "professional")})
            await next_step(pilot)
            assert step(app) == "platform"
            form = app.screen.query_one("#step-platform")
            target: list[str | None] = [None]

            def ready() -> bool:
                first = form.visible()[0] if form.visible() else None
                return (step(app) == "platform" and form.scope == target[0]
                        and first is not None and app.focused is not None
                        and first in app.focused.ancestors)

            painted = _frames(app, ready)
            # A blinking cursor repaints its field twice a second: not something waited for.
            for box in app.screen.query("Input"):
                box.cursor_blink = False

            async def timed(key: str, wanted: str | None) -> float:
                painted.clear()
                target[0] = wanted
                start = time.perf_counter()
                await pilot.press(key)
                await settle(pilot)
                assert painted, (step(app), form.scope, app.focused)
                return (painted[-1] - start) * 1000

            keys = app.screen.session.draft.professional()

            for n in range(MOVES):
                forward = n % 2 == 0
                switches.append(await timed("ctrl+n" if forward else "ctrl+b",
                                            keys[1] if forward else keys[0]))
            await pilot.press("alt+5")
            await settle(pilot)
            assert step(app) == "plan"
            for _n in range(MOVES):
                app.screen.query_one("#plan-platforms").focus()
                await settle(pilot)
                first = app.screen.plan["platforms"][0]["platform"]
                opens.append(await timed("enter", app.screen.session.draft.key_of(first)))
                await pilot.press("alt+5")
                await settle(pilot)
    return switches, opens


def run() -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        empty.mkdir()
        many = Path(tmp) / "many"
        _seed(many, 10_000)
        # Warm-ups (disk cache, .pyc, the index of 10,000 rebuilt once), not counted.
        _usable(MINIMAL_USABLE)
        _usable(COACH_USABLE, str(empty), "WelcomeScreen")
        _usable(COACH_USABLE, str(many), "HomeScreen")
        minimal, welcome, home = [], [], []
        for _n in range(RUNS):
            minimal.append(_usable(MINIMAL_USABLE))
            welcome.append(_usable(COACH_USABLE, str(empty), "WelcomeScreen"))
            home.append(_usable(COACH_USABLE, str(many), "HomeScreen"))
    switches, opens = asyncio.run(_moves())
    m_min = statistics.median(minimal)
    return {
        "tui_usable_minimal_s": m_min,
        "tui_usable_coach_s": statistics.median(welcome),
        "tui_usable_ratio": statistics.median(welcome) / m_min,
        "tui_home_10000_s": statistics.median(home),
        "tui_home_10000_vs_minimal_ratio": statistics.median(home) / m_min,
        "tui_platform_switch_ms": statistics.median(switches),
        "tui_plan_row_open_ms": statistics.median(opens),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
