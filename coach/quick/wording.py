"""How quick mode words a step of the walk: its question, help and choices, in a language.

The walk (coach.assessment.walk) says which question comes next and about which platform;
this module gives it words. The bank's questions carry their own, with the platform named
as the user named it; the walk's own "which platforms?" step is worded here, in quick
mode's catalog.
"""

from __future__ import annotations

from coach.assessment import Draft
from coach.assessment.choices import options as bank_options
from coach.assessment.walk import PICK, Step, Walker
from coach.i18n import N_, translator

_PICK_TEXT = N_("Which platforms are you on? Tick every one where you have an account "
                "or spend time, personal ones included.")
_PICK_HELP = N_("Each one gets two short questions (how many hours a week, personal or "
                "professional), then the professional ones get a few more.")


def _own_step(walker: Walker, step: Step) -> bool:
    return step.question == PICK and not walker.own_selector


def text(walker: Walker, draft: Draft, step: Step, lang: str) -> str:
    if _own_step(walker, step):
        return translator(lang, "quick").gettext(_PICK_TEXT)
    return walker.question(step.question).text_for(lang, draft.platform(step.platform),
                                                   draft.profile.get("kind"))


def help_text(walker: Walker, step: Step, lang: str) -> str:
    if _own_step(walker, step):
        return translator(lang, "quick").gettext(_PICK_HELP)
    return walker.question(step.question).help.get(lang)


def options(walker: Walker, draft: Draft, step: Step, lang: str
            ) -> list[tuple[str, str, str]]:
    """(id, label, description) for a choice question, in the bank's order."""
    found = bank_options(walker.bank, walker.question(step.question),
                         draft.platform(step.platform))
    return [(o.id, o.label.get(lang), o.note.get(lang) if o.note else "") for o in found]


def platform_name(draft: Draft, key: str, lang: str) -> str:
    """The platform as the user named it, else as the bank does."""
    platform = draft.platform(key)
    return platform.name.get(lang) if platform else key
