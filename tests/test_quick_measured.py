"""Quick mode asks the Time step's "use measured time": read, compare, keep either."""

from __future__ import annotations

from pathlib import Path

import pytest
from measured_support import WEEK, utc  # noqa: F401
from quick_driver import DOWN, ENTER, Entry, ScriptedPrompter

from coach.bank.load import default_bank
from coach.i18n import Voice, translator
from coach.paths import bundled_bank_dir
from coach.quick.session import run_quick
from coach.store import Workspace
from tests.test_quick_run import complete_draft

E = Entry
BANK = default_bank(bundled_bank_dir())


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch, utc: None) -> None:  # noqa: F811
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def q_(lang: str, msgid: str) -> str:
    return translator(lang, "quick").gettext(msgid)


def run(ws: Path, lang: str, script: list[Entry]) -> tuple[int, ScriptedPrompter]:
    prompter = ScriptedPrompter(script=list(script))
    try:
        code = run_quick(voice=Voice(lang), data_dir=ws, bank=BANK, client="Atelier Lune",
                         prompter=prompter, echo=prompter.lines.append, width=90)
    finally:
        prompter.close()
    assert prompter.script == [], f"unused script entries: {prompter.script[:3]}"
    return code, prompter


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_quick_mode_reads_a_measurement_and_keeps_either(workspace: Path, tmp_path: Path,
                                                         lang: str) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    ws.save_draft(cid, complete_draft(BANK, "freelance_designer"), {"question": None,
                                                                   "parked": {}})
    cut = tmp_path / "cut.json"
    cut.write_bytes(WEEK.read_bytes()[:3000])
    resume = q_(lang, "{client} has an assessment in progress. Resume it or start over?")
    use = q_(lang, "Use measured time for these hours?")
    which = q_(lang, "{platform}: declared {declared}, measured {measured}. Which does the "
                     "plan keep?").split("{platform}")[1].split("{declared}")[0]
    code, p = run(workspace, lang, [
        E(resume.format(client="Atelier Lune"), ENTER),
        E(use, DOWN + ENTER),                               # a file
        E(q_(lang, "The export file:"), str(cut) + ENTER),  # cut: said, asked again
        E(use, DOWN + ENTER),
        E(q_(lang, "The export file:"), str(WEEK) + ENTER),
        E(which, ENTER),                                    # LinkedIn: measured
        E(which, DOWN + ENTER),                             # Instagram: declared
        E(which, ENTER),                                    # Facebook: measured
        E(q_(lang, "Write the plan to a report file?"), DOWN * 4 + ENTER),
        E(q_(lang, "Add the routine to your calendar (an .ics file to import)?"), DOWN + ENTER)])
    assert code == 0, "\n".join(p.lines)
    printed = "\n".join(p.lines)
    assert f"{cut}: " in printed                            # the cut file's problem, said
    assert ("4.67\u00a0h" if lang == "en" else "4,67\u00a0h") in "\n".join(p.asked)
    [assessment] = Workspace.open(workspace).assessments(cid)
    measured = assessment.answers["measured"]
    assert measured["keep"] == {"linkedin": "measured", "instagram": "declared",
                                "facebook": "measured"}
    by_id = {x["platform"]: x for x in assessment.plan["platforms"]}
    assert by_id["linkedin"]["hours"] == 4.67 and by_id["linkedin"]["declared_hours"] == 1.5
    assert by_id["instagram"]["hours"] == 5.0 and by_id["instagram"]["measured_hours"] == 5.25
    assert any(w["code"] == "HOURS_UNDERESTIMATED" for w in assessment.plan["warnings"])
