"""Which questions apply: to which platform, under which condition, on which platforms.

One rule for both faces: the TUI shows and hides a page's questions with it, quick mode
asks the questions it keeps, and the final answers drop the extras of those it does not.

- a per-platform question is asked only for the platforms it names (`Question.asked_for`);
- the "why am I there?" section only for professional platforms (coach.bank.reasons);
- a `when` condition looks at the earlier answer in the same entry, or in the profile
  when the earlier question is a profile one. An earlier question the bank does not have
  (a validated bank always has it) calls for nothing.
"""

from __future__ import annotations

from coach.assessment.draft import Draft, Scope, is_selector
from coach.bank.model import Question


def applies(draft: Draft, question: Question, scope: Scope = None) -> bool:
    """Whether `question` is asked now, for the profile (None) or a platform entry key."""
    if question.section != "profile":
        if scope is None:   # only the question that picks the platforms is about none
            return is_selector(question)
        entry = draft.entry(scope)
        if entry is None or not question.asked_for(entry["id"]):
            return False
        if question.section == "platform" and not draft.is_professional(scope):
            return False
    return condition_holds(draft, question, scope)


def condition_holds(draft: Draft, question: Question, scope: Scope = None) -> bool:
    cond = question.when
    if cond is None:
        return True
    try:
        source = draft.bank.question(cond.question)
    except KeyError:
        return False
    return cond.holds(draft.value(source, None if source.section == "profile" else scope))


def shown(draft: Draft, section: str, scope: Scope = None) -> list[Question]:
    """The questions of a section (a page) for one scope, in the bank's order."""
    return [q for q in draft.bank.section(section)  # type: ignore[arg-type]
            if applies(draft, q, scope)]


def is_blank(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def missing(draft: Draft, section: str, scope: Scope = None) -> list[Question]:
    """Required questions of the page that still have no answer (an empty list counts as
    none; a list of spaces may stay empty: "none for now" is an answer)."""
    return [q for q in shown(draft, section, scope)
            if q.required and q.type != "spaces" and is_blank(draft.value(q, scope))]
