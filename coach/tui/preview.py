"""The engine's plan for the draft as it stands (engine and answers loaded lazily)."""

from __future__ import annotations

from coach.assessment import Session
from coach.assessment.final import final_answers
from coach.model import Plan


def preview_plan(session: Session, lang: str) -> tuple[Plan | None, list[str]]:
    """(plan, []) when the draft is complete enough, else (None, problems to show)."""
    from coach import clock
    from coach.answers import AnswersError, validate_answers
    from coach.engine import build_plan
    from coach.i18n import translator

    try:
        answers = validate_answers(final_answers(session.draft), session.bank, source="draft")
    except AnswersError as exc:
        return None, exc.said(lang)   # in the TUI's language now
    plan = build_plan(answers, session.bank, lang=lang, tr=translator(lang, "engine"),
                      today=clock.today())
    return plan, []
