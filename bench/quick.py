"""Quick mode: the cost of one answer (walker step + draft save) and the walk itself.

Every answer in `coach quick` recomputes which questions apply and saves the draft,
so this is the pause a user feels between two questions. Measured with every
platform picked and professional (the longest walk the bundled bank allows), in a
temporary workspace.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from coach.assessment import Session
from coach.assessment.draft import Draft
from coach.assessment.walk import PICK, Step, Walker
from coach.bank.load import load_bank
from coach.paths import bundled_bank_dir


def run() -> dict[str, float | str]:
    from coach.store import Workspace

    bank = load_bank(bundled_bank_dir())
    walker = Walker(bank)
    draft = Draft(bank, {"version": 1, "profile": {"name": "Bench"}, "platforms": []})
    walker.answer(draft, Step(PICK), [p.id for p in bank.platforms])
    for key in draft.keys():
        walker.answer(draft, Step("reason", key), "professional")
    steps = walker.steps(draft)

    walk_ms: list[float] = []
    progress_ms: list[float] = []
    for step in steps:
        start = time.perf_counter()
        walker.next(draft, step)
        middle = time.perf_counter()
        walker.stage_progress(draft, step)
        walk_ms.append((middle - start) * 1000)
        progress_ms.append((time.perf_counter() - middle) * 1000)

    answer_ms: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(Path(folder))
        client = ws.create_client("Bench")
        session = Session(draft, saver=lambda answers, position: ws.save_draft(
            client, answers, position))
        whys = [s for s in steps if s.question == "why"]
        for i, step in enumerate(whys * 3):
            start = time.perf_counter()
            walker.answer(draft, step, f"answer {i}")
            session.position = walker.position_of(walker.next(draft, step) or step)
            session.save()
            answer_ms.append((time.perf_counter() - start) * 1000)
    return {
        "quick_steps_longest_walk": str(len(steps)),
        "quick_next_question_ms": statistics.median(walk_ms),
        "quick_progress_count_ms": statistics.median(progress_ms),
        "quick_answer_and_save_ms": statistics.median(answer_ms),
    }
