"""Run every benchmark and print `name: value` lines.

Each benchmark module in this package exposes `run() -> dict[str, float | str]`;
they are listed in BENCHES in the order they run.
"""

from __future__ import annotations

import importlib
import sys

BENCHES: list[str] = [
    "bench.html_screenshot",  # report rendering time; HTML screenshots when chromium exists
    "bench.bank",  # question bank load (parse + validate + build) vs bare TOML parse
    "bench.store",  # draft save, finish, open, create, `coach clients`: vs the disk's floor
    "bench.tui",  # TUI first frame vs a minimal Textual app; `coach plan` vs TUI start
    "bench.tui_react",  # what a person waits for: usable screen, 10,000 clients, switches
    "bench.engine",  # 20-platform plan in-process; coach plan --format json as a process
    "bench.quick",  # quick mode: next question, progress count, one answer + draft save
    "bench.measured",  # counting a 100,000-event ActivityWatch export; its peak memory
    "bench.week",  # the plan's .ics vs its Markdown; progress over 1,000 entries; a log entry
]


def main() -> int:
    for name in BENCHES:
        module = importlib.import_module(name)
        for key, value in module.run().items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"{key}: {shown}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
