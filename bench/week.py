"""The week: the calendar of a plan, progress over a long log, one log entry saved.

`calendar_ics_ms` is the median time to write a plan's .ics in-process (icalendar:
events, RRULEs, a VTIMEZONE from the zone database), and `calendar_vs_markdown_ratio`
divides it by the Markdown report of the same plan measured in the same run.
`progress_ms_1000_entries` is measuring the gate over a log of 1,000 entries.
`log_entry_vs_draft_save_ratio` is one `add_result` against one `save_draft` on the
same client file (both one atomic write of that file: the ratio should stay near 1).
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.engine import median_ms
from coach.bank.load import default_bank
from coach.engine import build_plan
from coach.i18n import translator
from coach.paths import bundled_bank_dir
from coach.report import render
from coach.report.ics import render_ics
from coach.report.progress import measure


def run() -> dict[str, float | str]:
    from coach.answers import load_answers_file
    from coach.store import Workspace
    from coach.store.results_log import ResultEntry, add_result

    root = Path(__file__).resolve().parent.parent
    bank = default_bank(bundled_bank_dir())
    answers = load_answers_file(root / "tests" / "personas" / "freelance_designer.toml", bank)
    plan = dict(build_plan(answers, bank, lang="en", tr=translator("en", "engine"),
                           today=date(2026, 11, 22)))
    zone = ZoneInfo("Europe/Paris")
    render_ics(plan, client_key="k", assessment_key="a", zone=zone)  # warm: imports
    ics_ms = median_ms(lambda: render_ics(plan, client_key="k", assessment_key="a",
                                           zone=zone))
    md_ms = median_ms(lambda: render(plan, "md", lang="en"))
    entries = [ResultEntry(i, (date(2026, 11, 22) + timedelta(days=i % 90)).isoformat(),
                           ("linkedin", "instagram")[i % 2], None, {"inquiries": 1}, None, None)
               for i in range(1000)]
    progress_ms = median_ms(lambda: measure(plan, "2026-11-22", entries, date(2027, 1, 1)))
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp))
        cid = ws.create_client("Bench")
        ws.finish_assessment(cid, dict(answers), plan)
        log_ms = median_ms(lambda: add_result(ws, cid, date="2026-12-01", platform="linkedin",
                                               counts={"inquiries": 1}), 20)
        draft_ms = median_ms(lambda: ws.save_draft(cid, dict(answers), {"question": None}), 20)
    return {
        "calendar_ics_ms": ics_ms,
        "calendar_vs_markdown_ratio": ics_ms / md_ms if md_ms else 0.0,
        "progress_ms_1000_entries": progress_ms,
        "log_entry_vs_draft_save_ratio": log_ms / draft_ms if draft_ms else 0.0,
    }
