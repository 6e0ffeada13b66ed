"""Quick mode's follow-up: results_90d offered from the results log, said beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from engine_support import bank

from coach.assessment.walk import Step
from coach.cli.main import main
from coach.i18n import Voice
from coach.quick.lang import speaking
from coach.quick.session import QuickSession
from coach.store import Workspace
from tests.tui_driver import seed_clients


class Recorder:
    """A prompter that answers every text question with its default, and remembers."""

    def __init__(self) -> None:
        self.asked: list[dict[str, Any]] = []

    def text(self, message: str, **kw: Any) -> str:
        self.asked.append({"message": message, **kw})
        return kw.get("default", "")


def _session(workspace: Path) -> tuple[QuickSession, Recorder]:
    prompter = Recorder()
    session = QuickSession(bank=bank(), workspace=Workspace.open(workspace), lang="en",
                           prompter=prompter, echo=lambda _line: None,  # type: ignore[arg-type]
                           width=80)
    session.choose_client("Atelier Lune")
    session.start_or_resume()
    session.session.draft.platforms.append({"id": "linkedin"})
    session.session.draft.platforms.append({"id": "instagram"})
    return session, prompter


def _ask(session: QuickSession, kind: str, platform: str) -> Any:
    step = Step(kind, platform)
    q = session.walker.question(kind)
    return session._ask_number(step, q, "How many?", None, {"help_text": "", "mark": ""})


def test_follow_up_offers_the_log(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")
    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    monkeypatch.setenv("COACH_TODAY", "2027-02-21")
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "4",
                 "--date", "2026-12-01"]) == 0
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "2",
                 "--date", "2027-02-01"]) == 0
    with speaking(Voice("en")):
        session, prompter = _session(workspace)
        assert _ask(session, "inquiries", "linkedin") == 6
        assert "From your results log" in prompter.asked[-1]["help_text"]
        assert _ask(session, "inquiries", "instagram") == 0      # logged kind, nothing there
        assert _ask(session, "site_visits", "linkedin") is None  # a kind never logged
        assert "From your results log" not in prompter.asked[-1]["help_text"]


def test_no_offer_when_the_log_is_young(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")
    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    assert main(["log", "Atelier Lune", "--platform", "linkedin", "--inquiries", "4"]) == 0
    with speaking(Voice("en")):
        session, prompter = _session(workspace)
        assert _ask(session, "inquiries", "linkedin") is None
        assert prompter.asked[-1]["default"] == ""
