"""What a choice question offers: ids with their names, as bank data (the face picks the
language). One list for both faces, so the TUI's radios and quick mode's menu agree."""

from typing import NamedTuple

from coach.assessment.draft import PLATFORM_OPTIONS
from coach.bank.model import Bank, LText, Platform, Question


class Option(NamedTuple):
    id: str
    label: LText
    note: LText | None = None     # what the entry means, when the bank says


def options(bank: Bank, question: Question, platform: Platform | None = None) -> list[Option]:
    """The choices of `question`, in the bank's order.

    A list of spaces offers the kinds of space the platform has (all of them when the
    platform names none the bank knows).
    """
    if question.type == "spaces":
        kinds = bank.terms("space_kinds")
        if platform is not None and platform.spaces:
            kinds = tuple(t for t in kinds if t.id in platform.spaces) or kinds
        return [Option(t.id, t.name, t.help) for t in kinds]
    if question.options == PLATFORM_OPTIONS:
        return [Option(p.id, p.name, p.note) for p in bank.platforms]
    if question.options:
        return [Option(t.id, t.name, t.help) for t in bank.terms(question.options)]
    return [Option(c.id, c.label) for c in question.choices]
