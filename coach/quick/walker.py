"""Walking the questionnaire: which question comes next, given the answers so far.

Pure and terminal-free, so any face that asks the bank's questions one at a time
can share it (quick mode today). The order is the bank's:

1. the profile questions;
2. the inventory: first the question that picks the platforms (the bank's own, an
   inventory question whose options are "platforms", else one the walker adds),
   then the other inventory questions for each picked platform (hours, reason...);
3. for each *professional* platform (reason other than "personal"), the platform
   questions: "Why am I on <platform>?" and what follows.

A question is asked only when its `when` condition holds on the answers so far
and, for per-platform questions, when the platform is in its `platforms` list
(empty: every platform). The list of steps is recomputed from the answers every
time, so changing an earlier answer (going back) reshapes what follows while the
answers already given stay in place.

Answers are the answers-file structure (coach.model.Answers) being filled in: a
question with a `field` writes that field (dotted for nested: "results_90d.won"),
one without writes `extra[question id]` of its profile or platform. Platforms
that are unticked are *parked* rather than dropped, so ticking them again brings
their answers back.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coach.bank.model import Bank, LText, Platform, Question
from coach.i18n import N_, translator

PLATFORM_OPTIONS = "platforms"      # the `options` value that lists the platforms
PICK = "_platforms"                 # the step that picks the platforms, when the bank has
                                    # no question of its own for it (ids start with a letter)
_PICK_TEXT = N_("Which platforms are you on? Tick every one where you have an account "
                "or spend time, personal ones included.")
_PICK_HELP = N_("Each one gets two short questions (how many hours a week, personal or "
                "professional), then the professional ones get a few more.")
PERSONAL = "personal"               # the reason that skips the platform questions
_SECTIONS = ("profile", "inventory", "platform")
_FAR = 1_000_000                    # order of a platform no longer picked


@dataclass(frozen=True)
class Step:
    """One question to ask: a question id, and the platform it is about (if any)."""

    question: str
    platform: str | None = None

    def position(self) -> dict[str, str | None]:
        return {"question": self.question, "platform": self.platform}


@dataclass
class State:
    """The answers being filled in, plus the answers of unticked platforms."""

    answers: dict[str, Any]
    parked: dict[str, dict[str, Any]] = field(default_factory=dict)


def _get_path(container: Mapping[str, Any] | None, path: str) -> Any:
    node: Any = container
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _set_path(container: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = container
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value


class Walker:
    """Next / previous question over one bank. Never mutates the answers it is given."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        own = next((q for q in bank.section("inventory") if q.options == PLATFORM_OPTIONS
                    and q.type in ("multi", "ranked")), None)
        # The bank may carry its own "which platforms?" question; if not, quick mode asks
        # one of its own, in its own catalog (the bank's inventory is per platform).
        self.selector: Question = own or Question(
            id=PICK, section="inventory", type="multi", text=LText(_PICK_TEXT, _PICK_TEXT),
            help=LText(_PICK_HELP, _PICK_HELP), options=PLATFORM_OPTIONS)
        self._own_selector = own is not None
        self._order = {q.id: i for i, q in enumerate(bank.questions)}
        self._order.setdefault(PICK, -1)
        self._profile = bank.section("profile")
        self._inventory = tuple(q for q in bank.section("inventory") if q is not self.selector)
        self._platform_qs = bank.section("platform")

    # ------------------------------------------------------------------ reading
    def question(self, question_id: str) -> Question:
        if question_id == self.selector.id:
            return self.selector
        return self.bank.question(question_id)

    def picked(self, answers: Mapping[str, Any]) -> list[str]:
        """The platform ids picked so far, in the order they will be asked about."""
        return [p["id"] for p in answers.get("platforms") or [] if isinstance(p, Mapping)]

    def _entry(self, answers: Mapping[str, Any], platform: str) -> Mapping[str, Any] | None:
        for p in answers.get("platforms") or []:
            if isinstance(p, Mapping) and p.get("id") == platform:
                return p
        return None

    def professional(self, answers: Mapping[str, Any], platform: str) -> bool:
        """True when the platform questions apply (its reason is known and not personal)."""
        entry = self._entry(answers, platform) or {}
        reason_q = next((q for q in self._inventory if q.field == "reason"), None)
        if reason_q is None:  # a bank without a reason question: every platform is asked
            return True
        reason = entry.get("reason")
        return reason is not None and reason != PERSONAL

    def value(self, answers: Mapping[str, Any], step: Step) -> Any:
        """The answer given to this step so far, or None."""
        q = self.question(step.question)
        if q is self.selector:
            return self.picked(answers) if answers.get("platforms") else None
        if q.section == "profile":
            holder: Mapping[str, Any] | None = answers.get("profile")
        else:
            holder = self._entry(answers, step.platform or "")
        if holder is None:
            return None
        found = _get_path(holder, q.field) if q.field else _get_path(holder.get("extra"), q.id)
        return None if found == "" else found   # drafts hold "" for an unanswered choice

    def _condition_holds(self, answers: Mapping[str, Any], q: Question,
                         platform: str | None) -> bool:
        cond = q.when
        if cond is None:
            return True
        try:
            source = self.question(cond.question)
        except KeyError:
            return False
        if source.section == "profile" or source is self.selector:
            seen = self.value(answers, Step(source.id))
        else:
            seen = self.value(answers, Step(source.id, platform))
        return cond.holds(seen)

    def applies(self, answers: Mapping[str, Any], step: Step) -> bool:
        q = self.question(step.question)
        if q.platforms and step.platform not in q.platforms:
            return False
        return self._condition_holds(answers, q, step.platform)

    # ---------------------------------------------------------------- the walk
    def steps(self, answers: Mapping[str, Any]) -> list[Step]:
        """Every question that applies now, in asking order."""
        out = [s for q in self._profile if self.applies(answers, s := Step(q.id))]
        out.append(Step(self.selector.id))
        picked = self.picked(answers)
        for pid in picked:
            out += [s for q in self._inventory if self.applies(answers, s := Step(q.id, pid))]
        for pid in picked:
            if self.professional(answers, pid):
                out += [s for q in self._platform_qs
                        if self.applies(answers, s := Step(q.id, pid))]
        return out

    def _key(self, answers: Mapping[str, Any], step: Step) -> tuple[int, int, int]:
        """Where a step sits in the walk, even when it no longer applies."""
        q = self.question(step.question)
        section = _SECTIONS.index(q.section)
        if q is self.selector or step.platform is None:
            plat = -1
        else:
            picked = self.picked(answers)
            plat = picked.index(step.platform) if step.platform in picked else _FAR
        return (section, plat, self._order[q.id])

    def first(self, answers: Mapping[str, Any]) -> Step | None:
        steps = self.steps(answers)
        return steps[0] if steps else None

    def next(self, answers: Mapping[str, Any], step: Step) -> Step | None:
        """The step after `step` (None: the questionnaire is done)."""
        key = self._key(answers, step)
        return next((s for s in self.steps(answers) if self._key(answers, s) > key), None)

    def previous(self, answers: Mapping[str, Any], step: Step) -> Step | None:
        """The step before `step` (None: `step` is the first)."""
        key = self._key(answers, step)
        before = [s for s in self.steps(answers) if self._key(answers, s) < key]
        return before[-1] if before else None

    def progress(self, answers: Mapping[str, Any], step: Step) -> tuple[int, int]:
        """(1-based number of this step, how many steps there are now)."""
        steps = self.steps(answers)
        key = self._key(answers, step)
        done = sum(1 for s in steps if self._key(answers, s) < key)
        return done + 1, len(steps)

    def unanswered(self, answers: Mapping[str, Any]) -> Step | None:
        """The first required question that applies and has no answer yet."""
        for s in self.steps(answers):
            if self.question(s.question).required and self.value(answers, s) is None:
                return s
        return None

    def locate(self, answers: Mapping[str, Any], position: Mapping[str, Any] | None
               ) -> Step | None:
        """Where to resume: the saved step if it still applies, else the first gap."""
        steps = self.steps(answers)
        if position and position.get("question"):
            saved = Step(str(position["question"]), position.get("platform"))
            if saved in steps:
                return saved
            try:
                return self.next(answers, saved) or self.unanswered(answers)
            except (KeyError, ValueError):
                pass
        return self.unanswered(answers) or (steps[0] if steps else None)

    # ---------------------------------------------------------------- writing
    def answer(self, state: State, step: Step, value: Any) -> State:
        """A new state with `value` as the answer to `step` (None clears it)."""
        answers = copy.deepcopy(state.answers)
        parked = copy.deepcopy(state.parked)
        q = self.question(step.question)
        if q is self.selector:
            chosen = [str(v) for v in value or []]
            kept = {p["id"]: p for p in answers.get("platforms") or [] if isinstance(p, dict)}
            for pid, entry in kept.items():
                if pid not in chosen:
                    parked[pid] = entry
            answers["platforms"] = [
                kept.get(pid) or parked.pop(pid, None) or self.blank_platform(pid)
                for pid in chosen]
            for pid in chosen:
                parked.pop(pid, None)
            return State(answers, parked)
        if q.section == "profile":
            holder = answers.setdefault("profile", {})
        else:
            holder = next((p for p in answers.get("platforms") or []
                           if isinstance(p, dict) and p.get("id") == step.platform), None)
            if holder is None:
                raise KeyError(f"platform {step.platform!r} is not picked")
        if q.field:
            _set_path(holder, q.field, value)
        else:
            extra = holder.setdefault("extra", {})
            if value is None:
                extra.pop(q.id, None)
            else:
                extra[q.id] = value
        return State(answers, parked)

    @staticmethod
    def blank_platform(platform: str) -> dict[str, Any]:
        return {"id": platform, "extra": {}}

    def applicable_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers without the `extra` answers of questions that no longer apply.

        Core fields stay (the engine needs them whatever the path); answers to deeper
        questions that a later change made irrelevant, or that the bank no longer has,
        are dropped (the draft itself keeps them, in case the user changes back).
        """
        out = copy.deepcopy(dict(answers))
        live = set(self.steps(answers))
        profile = out.get("profile")
        if isinstance(profile, dict) and isinstance(profile.get("extra"), dict):
            profile["extra"] = {k: v for k, v in profile["extra"].items() if Step(k) in live}
        for entry in out.get("platforms") or []:
            if isinstance(entry, dict) and isinstance(entry.get("extra"), dict):
                entry["extra"] = {k: v for k, v in entry["extra"].items()
                                  if Step(k, entry.get("id")) in live}
        return out

    # ------------------------------------------------------------ presenting
    def platform(self, answers: Mapping[str, Any], platform_id: str) -> Platform:
        """The bank platform, named with the user's own label when they gave one."""
        base = self.bank.platform(platform_id)
        label = (self._entry(answers, platform_id) or {}).get("label")
        if isinstance(label, str) and label.strip():
            return base._replace(name=LText(label.strip(), label.strip()))
        return base

    def text(self, answers: Mapping[str, Any], step: Step, lang: str) -> str:
        q = self.question(step.question)
        if q.id == PICK and not self._own_selector:
            return translator(lang, "quick").gettext(_PICK_TEXT)
        plat = self.platform(answers, step.platform) if step.platform else None
        return q.text_for(lang, plat)

    def help(self, step: Step, lang: str) -> str:
        q = self.question(step.question)
        if q.id == PICK and not self._own_selector:
            return translator(lang, "quick").gettext(_PICK_HELP)
        return q.help.get(lang)

    def options(self, answers: Mapping[str, Any], step: Step, lang: str
                ) -> list[tuple[str, str, str]]:
        """(id, label, description) for a choice question, in the bank's order."""
        q = self.question(step.question)
        if q.choices:
            return [(c.id, c.label.get(lang), "") for c in q.choices]
        if q.options == PLATFORM_OPTIONS:
            return [(p.id, p.name.get(lang), p.note.get(lang)) for p in self.bank.platforms]
        table = q.options or ("space_kinds" if q.type == "spaces" else None)
        if not table:
            return []
        terms = list(self.bank.terms(table))
        if table == "space_kinds" and step.platform:
            offered = self.bank.platform(step.platform).spaces
            if offered:
                terms = [t for t in terms if t.id in offered] or terms
        return [(t.id, t.name.get(lang), t.help.get(lang) if t.help else "") for t in terms]
