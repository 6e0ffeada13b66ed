"""The questionnaire as one line of questions: which comes next, and which came before.

Quick mode asks the bank's questions one at a time, in the bank's order:

1. the profile questions;
2. the inventory: first the question that picks the platforms (the bank's own, an
   inventory question whose options are "platforms", else the walk's own step `PICK`,
   which the face words), then the other inventory questions for each listed platform;
3. for each professional platform, the platform questions ("Why am I on <platform>?").

Each question is asked only where it applies (coach.assessment.applies). The line is
recomputed from the draft every time, so changing an earlier answer (going back)
reshapes what follows while the answers already given stay in place.

A draft that resumes is not walked again from the top: `Walker.resume` gives its `Gaps`,
the questions still to ask, which the walk goes through from one to the next.

A step maps onto the shared position (coach.assessment.position) and back, which is how
a draft walked here resumes on the right page of the TUI, and the other way round.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from coach.assessment.applies import applies
from coach.assessment.draft import PLATFORM_OPTIONS, Draft, is_selector
from coach.assessment.position import QUICK_PICK, Position
from coach.bank.model import Bank, LText, Question

PICK = QUICK_PICK     # the step that picks the platforms when the bank has no question for it
_SECTIONS = ("profile", "inventory", "platform")
_FAR = 1_000_000      # where a platform no longer listed sorts
_UNWORDED = LText("", "")


class Step(NamedTuple):
    """One question to ask, and the platform entry (key) it is about, if any."""

    question: str
    platform: str | None = None


class Walker:
    """Next / previous question over one bank, for any draft of it."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        own = next((q for q in bank.section("inventory") if is_selector(q)), None)
        # Without a question of its own in the bank, the face words this one (the bank's
        # inventory questions are each about one platform).
        self.selector: Question = own or Question(
            id=PICK, section="inventory", type="multi", text=_UNWORDED, help=_UNWORDED,
            options=PLATFORM_OPTIONS)
        self.own_selector = own is not None
        self._order = {q.id: i for i, q in enumerate(bank.questions)}
        self._order.setdefault(PICK, -1)
        self._profile = bank.section("profile")
        self._inventory = tuple(q for q in bank.section("inventory") if q is not self.selector)
        self._platform = bank.section("platform")

    # ------------------------------------------------------------------ reading
    def question(self, question_id: str) -> Question:
        if question_id == self.selector.id:
            return self.selector
        return self.bank.question(question_id)

    def value(self, draft: Draft, step: Step) -> Any:
        """The answer given to this step so far, or None."""
        q = self.question(step.question)
        return draft.value(q, None if q.section == "profile" else step.platform)

    def steps(self, draft: Draft) -> list[Step]:
        """Every question that applies now, in asking order."""
        out = [Step(q.id) for q in self._profile if applies(draft, q)]
        out.append(Step(self.selector.id))
        keys = draft.keys()
        for key in keys:
            out += [Step(q.id, key) for q in self._inventory if applies(draft, q, key)]
        for key in keys:
            out += [Step(q.id, key) for q in self._platform if applies(draft, q, key)]
        return out

    def _rank(self, draft: Draft, step: Step) -> tuple[int, int, int]:
        """Where a step sits in the walk, even when it no longer applies."""
        q = self.question(step.question)
        if q is self.selector or step.platform is None:
            plat = -1
        else:
            keys = draft.keys()
            plat = keys.index(step.platform) if step.platform in keys else _FAR
        return (_SECTIONS.index(q.section), plat, self._order[q.id])

    def first(self, draft: Draft) -> Step | None:
        steps = self.steps(draft)
        return steps[0] if steps else None

    def next(self, draft: Draft, step: Step) -> Step | None:
        """The step after `step` (None: the questionnaire is done)."""
        rank = self._rank(draft, step)
        return next((s for s in self.steps(draft) if self._rank(draft, s) > rank), None)

    def previous(self, draft: Draft, step: Step) -> Step | None:
        """The step before `step` (None: `step` is the first)."""
        rank = self._rank(draft, step)
        before = [s for s in self.steps(draft) if self._rank(draft, s) < rank]
        return before[-1] if before else None

    def progress(self, draft: Draft, step: Step) -> tuple[int, int]:
        """(1-based number of this step, how many steps there are now)."""
        steps = self.steps(draft)
        rank = self._rank(draft, step)
        return sum(1 for s in steps if self._rank(draft, s) < rank) + 1, len(steps)

    def stage_progress(self, draft: Draft, step: Step) -> tuple[int, int]:
        """(number of this step, how many) within its stage: the profile, the list of
        platforms, one platform's hours, one platform's "why". The whole walk's count
        jumped as platforms were chosen ([8/8], [9/13], [10/29]); a stage's only grows
        by one per question (a question shown by an answer adds one to its total)."""
        group = self._group(step)
        steps = [s for s in self.steps(draft) if self._group(s) == group]
        rank = self._rank(draft, step)
        return sum(1 for s in steps if self._rank(draft, s) < rank) + 1, len(steps)

    def _group(self, step: Step) -> tuple[str, str | None]:
        return self.question(step.question).section, step.platform

    def unanswered(self, draft: Draft) -> Step | None:
        """The first required question that applies and has no answer yet."""
        for s in self.steps(draft):
            if self.question(s.question).required and self.value(draft, s) is None:
                return s
        return None

    def answered(self, draft: Draft) -> int:
        return sum(1 for s in self.steps(draft) if self.value(draft, s) is not None)

    # ---------------------------------------------------------------- writing
    def answer(self, draft: Draft, step: Step, value: Any) -> None:
        """Record `value` as the answer to `step` (None clears it)."""
        q = self.question(step.question)
        draft.set(q, None if q.section == "profile" else step.platform, value)

    # -------------------------------------------------- the shared position
    def position_of(self, step: Step | None, before: Position | None = None) -> Position:
        """The position to store when `step` is the next one to ask (None: all done)."""
        skipped = list(before.skipped) if before else []
        if step is None:
            return Position(stage="plan", skipped=skipped)
        q = self.question(step.question)
        if q is self.selector:
            return Position(stage="inventory", question=q.id, skipped=skipped)
        if q.section == "profile":
            return Position(stage="profile", question=q.id, skipped=skipped)
        return Position(stage=q.section, platform=step.platform, question=q.id,
                        skipped=skipped)

    def step_at(self, draft: Draft, position: Position) -> Step | None:
        """The step a stored position points at, whichever face stored it (None: no
        question in particular). The TUI keeps the question last focused on its profile
        and platform pages; on its other pages the question is stale and means nothing."""
        qid, key = position.question or "", position.platform
        sections = {"profile": self._profile, "inventory": self._inventory,
                    "platform": self._platform}
        if position.stage not in sections:
            return None
        known = {q.id for q in sections[position.stage]}
        if position.stage == "profile":
            return Step(qid) if qid in known else None
        if position.stage == "inventory":
            return Step(qid, key) if qid in known and key else Step(self.selector.id)
        if key is None:
            return None
        if qid in known:
            return Step(qid, key)
        return next((s for s in self.steps(draft)
                     if s.platform == key and self.question(s.question).section == "platform"),
                    None)

    def locate(self, draft: Draft, position: Position) -> Step | None:
        """Where to resume: the stored step if it still applies, else what follows it,
        else the first gap. None: nothing left to ask (on to the plan)."""
        steps = self.steps(draft)
        saved = self.step_at(draft, position)
        if saved is not None:
            if saved in steps:
                return saved
            try:
                return self.next(draft, saved) or self.unanswered(draft)
            except (KeyError, ValueError):
                pass
        if position.stage in ("time", "plan"):
            return self.unanswered(draft)
        return self.unanswered(draft) or (steps[0] if steps else None)

    def resume(self, draft: Draft, position: Position) -> Gaps:
        """What is left to ask in a draft resumed at `position` (either face's)."""
        start = self.locate(draft, position)
        # From the TUI's time and plan pages every question was on screen already.
        since = None if position.stage in ("time", "plan") else start
        return Gaps(self, draft, since=since, start=start)


class Gaps:
    """The questions left to ask in a draft that resumes, each asked once.

    They are the questions with no answer from where the person stopped (`since`) on,
    the required ones with no answer before it (a plan needs them; the optional ones
    there were left blank on purpose: skipped in quick mode, or left on a TUI page) and
    any question an answer makes apply. Answered questions are not asked again, but
    the person can go back to any question: going forward from there walks the
    questions in order back to where they went back from, and on to the next gap.
    """

    def __init__(self, walker: Walker, draft: Draft, *, since: Step | None,
                 start: Step | None = None) -> None:
        self.walker = walker
        self.draft = draft
        steps = walker.steps(draft)
        edge = walker._rank(draft, since) if since is not None else None
        self._todo = {s for s in steps if walker.value(draft, s) is None
                      and (walker.question(s.question).required
                           or (edge is not None and walker._rank(draft, s) >= edge))}
        self._applying = set(steps)
        self._reach: Step | None = None     # where the person went back from
        self.start = self._from(start, inclusive=True) if start is not None else None

    def _open(self, step: Step) -> bool:
        return step in self._todo and self.walker.value(self.draft, step) is None

    def _from(self, step: Step, *, inclusive: bool) -> Step | None:
        """The first gap after `step` (or at it), else the first one before it."""
        rank = self.walker._rank(self.draft, step)
        gaps = [s for s in self.walker.steps(self.draft) if self._open(s)]
        later = [s for s in gaps if self.walker._rank(self.draft, s) > rank
                 or (inclusive and s == step)]
        found = (later or gaps or [None])[0]
        # A required question with no answer is always to ask, whatever happened.
        return found or self.walker.unanswered(self.draft)

    def answered(self, step: Step) -> None:
        """`step` was answered (or skipped): done, and what now applies is to ask."""
        self._todo.discard(step)
        steps = self.walker.steps(self.draft)
        self._todo |= {s for s in steps if s not in self._applying
                       and self.walker.value(self.draft, s) is None}
        self._applying = set(steps)

    def next(self, step: Step) -> Step | None:
        """The step to ask after `step` (None: nothing left, on to the plan)."""
        if self._reach is not None:
            following = self.walker.next(self.draft, step)
            if following is not None and (self.walker._rank(self.draft, following)
                                          <= self.walker._rank(self.draft, self._reach)):
                return following
            self._reach = None
        return self._from(step, inclusive=False)

    def previous(self, step: Step) -> Step | None:
        """The step before `step`, answered or not (None: `step` is the first)."""
        before = self.walker.previous(self.draft, step)
        if before is not None and self._reach is None:
            self._reach = step
        return before
