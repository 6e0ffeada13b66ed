"""The walk through the questionnaire (quick mode's order): conditions, platform
restrictions, back, parking, resume."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from coach.assessment import Draft
from coach.assessment.final import final_answers
from coach.assessment.walk import PICK, Step, Walker
from coach.bank.model import Bank, Choice, Condition, LText, Platform, Question, Term
from coach.quick import wording


def lt(en: str, fr: str | None = None) -> LText:
    return LText(en, fr or en + " (fr)")


def platform(pid: str, name: str, spaces: tuple[str, ...] = ("page", "group")) -> Platform:
    return Platform(id=pid, name=lt(name, name), spaces=spaces, markets=("b2b",),
                    modes=("conversation",), owned=False, note=lt("note"), space_hint=lt("hint"))


def term(tid: str) -> Term:
    return Term(id=tid, name=lt(tid.title()))


def q(qid: str, section: str, qtype: str, **kw: object) -> Question:
    return Question(id=qid, section=section, type=qtype, text=kw.pop("text", lt(f"Q {qid}")),
                    help=lt(f"why {qid}"), **kw)  # type: ignore[arg-type]


@pytest.fixture
def bank() -> Bank:
    questions = (
        q("name", "profile", "text", field="name"),
        q("kind", "profile", "single", field="kind", options="kinds"),
        q("board", "profile", "yesno", when=Condition("kind", equals="nonprofit")),
        q("audiences", "profile", "ranked", field="audiences", options="audiences"),
        q("budget", "profile", "number", field="weekly_budget_hours", minimum=0, maximum=168),
        q("hours", "inventory", "number", field="hours_per_week", minimum=0, maximum=168),
        q("reason", "inventory", "single", field="reason", options="reasons"),
        q("label", "inventory", "text", field="label", platforms=("forum", "other")),
        q("why", "platform", "text", field="why", text=lt("Why am I on {platform}?"),
          wording=MappingProxyType({"forum": lt("Why this forum, {platform}?")})),
        q("know_who", "platform", "yesno", field="know_who"),
        q("who", "platform", "text", when=Condition("know_who", equals=True)),
        q("groups", "platform", "single", platforms=("linkedin",),
          choices=(Choice("yes", lt("Yes")), Choice("no", lt("No")))),
        q("won", "platform", "number", field="results_90d.won", minimum=0, maximum=1000),
    )
    vocab = {"kinds": tuple(map(term, ("freelancer", "nonprofit", "business"))),
             "audiences": tuple(map(term, ("clients", "donors"))),
             "reasons": tuple(map(term, ("personal", "professional", "both"))),
             "space_kinds": tuple(map(term, ("page", "group", "forum")))}
    return Bank(platforms=(platform("linkedin", "LinkedIn"), platform("facebook", "Facebook"),
                           platform("forum", "Forum", ("forum",)), platform("other", "Other")),
                vocab=vocab, questions=questions, rules={})


def ids(steps: list[Step]) -> list[tuple[str, str | None]]:
    return [(s.question, s.platform) for s in steps]


def answer_all(walker: Walker, draft: Draft, values: dict[tuple[str, str | None], object]
               ) -> Draft:
    for key, value in values.items():
        walker.answer(draft, Step(*key), value)
    return draft


def new(bank: Bank) -> Draft:
    return Draft(bank, {})


def test_profile_condition_shows_question_only_when_called_for(bank: Bank) -> None:
    w = Walker(bank)
    draft = new(bank)
    assert ids(w.steps(draft))[:4] == [("name", None), ("kind", None),
                                       ("audiences", None), ("budget", None)]
    w.answer(draft, Step("kind"), "nonprofit")
    assert ("board", None) in ids(w.steps(draft))
    assert w.next(draft, Step("kind")) == Step("board")
    w.answer(draft, Step("kind"), "freelancer")
    assert w.next(draft, Step("kind")) == Step("audiences")


def test_inventory_per_platform_then_professional_platforms_only(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {(PICK, None): ["linkedin", "facebook", "forum"]})
    answer_all(w, draft, {("reason", "linkedin"): "professional",
                          ("reason", "facebook"): "personal",
                          ("reason", "forum"): "both"})
    steps = ids(w.steps(draft))
    after = steps[steps.index((PICK, None)) + 1:]
    assert after == [
        ("hours", "linkedin"), ("reason", "linkedin"),
        ("hours", "facebook"), ("reason", "facebook"),
        ("hours", "forum"), ("reason", "forum"), ("label", "forum"),       # restriction
        ("why", "linkedin"), ("know_who", "linkedin"), ("groups", "linkedin"),
        ("won", "linkedin"),
        ("why", "forum"), ("know_who", "forum"), ("won", "forum"),          # no facebook
    ]
    # per-platform condition looks at the same platform's answer
    w.answer(draft, Step("know_who", "forum"), True)
    assert ("who", "forum") in ids(w.steps(draft))
    assert ("who", "linkedin") not in ids(w.steps(draft))


def test_unknown_reason_asks_no_platform_questions_yet(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {(PICK, None): ["linkedin"]})
    assert not any(s.question == "why" for s in w.steps(draft))


def test_back_and_forth_keeps_answers(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {("name", None): "Lune", ("kind", None): "business",
                                      (PICK, None): ["linkedin"]})
    step = Step("hours", "linkedin")
    assert w.previous(draft, step) == Step(PICK)
    assert w.previous(draft, Step(PICK)) == Step("budget")
    assert w.previous(draft, Step("name")) is None
    assert w.value(draft, Step("name")) == "Lune"
    assert w.value(draft, Step(PICK)) == ["linkedin"]
    # walking forward again finds the same answers in place
    assert w.next(draft, Step(PICK)) == step


def test_unticked_platform_is_parked_and_comes_back(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {(PICK, None): ["linkedin", "facebook"],
                                      ("hours", "facebook"): 4,
                                      ("reason", "facebook"): "personal"})
    w.answer(draft, Step(PICK), ["linkedin"])
    assert draft.picked() == ["linkedin"]
    assert "facebook" in draft.parked
    w.answer(draft, Step(PICK), ["linkedin", "facebook"])
    assert w.value(draft, Step("hours", "facebook")) == 4
    assert draft.parked == {}


def test_every_other_platform_is_walked_by_its_key(bank: Bank) -> None:
    """Several "Other" platforms (the TUI lists one per row): each asked about, named in
    the user's words, and all of them parked and back together with the "Other" tick."""
    w = Walker(bank)
    draft = new(bank)
    first, second = draft.include("other", slot=0), draft.include("other", slot=1)
    assert (first, second) == ("other:0", "other:1")
    answer_all(w, draft, {("label", first): "Le Repaire", ("label", second): "Mastodon.qc",
                          ("reason", first): "professional", ("reason", second): "personal"})
    steps = ids(w.steps(draft))
    assert ("label", "other:1") in steps and ("why", "other:0") in steps
    assert ("why", "other:1") not in steps                          # personal
    assert wording.text(w, draft, Step("why", first), "en") == "Why am I on Le Repaire?"
    assert w.value(draft, Step(PICK)) == ["other"]
    w.answer(draft, Step(PICK), ["linkedin"])
    assert set(draft.parked) == {"other:0", "other:1"}
    w.answer(draft, Step(PICK), ["linkedin", "other"])
    assert draft.keys() == ["linkedin", "other:0", "other:1"]
    assert [draft.label(k) for k in draft.keys()[1:]] == ["Le Repaire", "Mastodon.qc"]


def test_fields_go_where_the_answers_file_expects(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {
        ("name", None): "Lune", ("kind", None): "nonprofit", ("board", None): True,
        (PICK, None): ["linkedin"], ("reason", "linkedin"): "both",
        ("won", "linkedin"): 2, ("groups", "linkedin"): "yes"})
    a = draft.answers
    assert a["profile"]["name"] == "Lune"
    assert a["profile"]["extra"] == {"board": True}
    entry = a["platforms"][0]
    assert entry["id"] == "linkedin" and entry["reason"] == "both"
    assert entry["results_90d"] == {"won": 2}
    assert entry["extra"] == {"groups": "yes"}


def test_locate_resumes_at_saved_step_or_first_gap(bank: Bank) -> None:
    from coach.assessment.position import Position

    w = Walker(bank)
    draft = answer_all(w, new(bank), {("name", None): "Lune", ("kind", None): "business"})
    assert w.locate(draft, w.position_of(Step("audiences"))) == Step("audiences")
    # a saved step that no longer applies: carry on from where it would have been
    assert w.locate(draft, Position(question="board")) == Step("audiences")
    assert w.locate(draft, Position(question="gone")) == Step("audiences")
    assert w.locate(draft, Position()) == Step("audiences")
    # the TUI's later pages: the first gap, or nothing left (on to the plan)
    assert w.locate(draft, Position(stage="time")) == Step("audiences")
    assert w.locate(draft, Position(stage="inventory", question="budget")) == Step(PICK)


def test_final_answers_drop_stale_extras_only(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {("kind", None): "nonprofit", ("board", None): True,
                                      (PICK, None): ["forum"],
                                      ("reason", "forum"): "professional",
                                      ("know_who", "forum"): True, ("who", "forum"): "Ana"})
    answer_all(w, draft, {("kind", None): "business", ("know_who", "forum"): False})
    clean = final_answers(draft)
    assert clean["profile"]["extra"] == {}
    assert clean["platforms"][0]["extra"] == {}
    assert clean["platforms"][0]["know_who"] is False
    assert draft.answers["platforms"][0]["extra"] == {"who": "Ana"}  # kept in the draft


def test_wording_label_and_options(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {(PICK, None): ["forum", "linkedin"],
                                      ("label", "forum"): "Le Repaire"})
    assert wording.text(w, draft, Step("why", "linkedin"), "en") == "Why am I on LinkedIn?"
    assert wording.text(w, draft, Step("why", "forum"), "en") == "Why this forum, Le Repaire?"
    assert [o[0] for o in wording.options(w, draft, Step(PICK), "en")] == \
        ["linkedin", "facebook", "forum", "other"]
    assert [o[1] for o in wording.options(w, draft, Step("kind"), "fr")] == \
        ["Freelancer (fr)", "Nonprofit (fr)", "Business (fr)"]
    assert [o[0] for o in wording.options(w, draft, Step("groups", "linkedin"), "en")] == \
        ["yes", "no"]


def test_progress_counts_current_steps(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {(PICK, None): ["linkedin"]})
    n, total = w.progress(draft, Step("hours", "linkedin"))
    assert (n, total) == (6, 7)  # name, kind, audiences, budget, platforms, hours, reason


def test_unanswered_finds_first_required_gap(bank: Bank) -> None:
    w = Walker(bank)
    draft = answer_all(w, new(bank), {("name", None): "A", ("kind", None): "business",
                                      ("audiences", None): ["clients"], ("budget", None): 3})
    assert w.unanswered(draft) == Step(PICK)


def test_bank_may_bring_its_own_platform_question(bank: Bank) -> None:
    own = q("where", "inventory", "multi", options="platforms", text=lt("Where are you?"))
    w = Walker(bank._replace(questions=(*bank.questions, own)))
    assert w.selector is own
    draft = Draft(w.bank, {})
    w.answer(draft, Step("where"), ["facebook"])
    assert ("hours", "facebook") in ids(w.steps(draft))
    assert wording.text(w, draft, Step("where"), "en") == "Where are you?"


def test_own_platform_question_is_translated(bank: Bank) -> None:
    w = Walker(bank)
    draft = new(bank)
    en, fr = wording.text(w, draft, Step(PICK), "en"), wording.text(w, draft, Step(PICK), "fr")
    assert en.startswith("Which platforms") and en != fr and wording.help_text(w, Step(PICK), "fr")


def test_resume_asks_only_the_gaps_and_back_then_forward_retraces(bank: Bank) -> None:
    from coach.assessment.position import Position

    optional = tuple(x._replace(required=False) if x.id in ("groups", "who") else x
                     for x in bank.questions)
    w = Walker(bank._replace(questions=optional))
    draft = answer_all(w, Draft(w.bank, {}), {
        ("name", None): "Lune", ("kind", None): "business", ("audiences", None): ["clients"],
        ("budget", None): 3, (PICK, None): ["linkedin", "forum"],
        ("hours", "linkedin"): 1, ("reason", "linkedin"): "professional",
        ("hours", "forum"): 2, ("reason", "forum"): "professional", ("label", "forum"): "R",
        ("why", "linkedin"): "Meet", ("why", "forum"): "Help", ("know_who", "forum"): True})
    # Stopped (in the TUI) on the forum's last answer, LinkedIn left with gaps.
    gaps = w.resume(draft, Position(stage="platform", platform="forum", question="know_who"))

    def answer(step: Step, value: object) -> Step | None:
        w.answer(draft, step, value)
        gaps.answered(step)
        return gaps.next(step)

    assert gaps.start == Step("who", "forum")            # the next gap, not the answer
    assert answer(Step("who", "forum"), None) == Step("won", "forum")   # skipped: once
    # On to the required gaps before it (LinkedIn's optional "groups" was left blank).
    assert answer(Step("won", "forum"), 1) == Step("know_who", "linkedin")
    # An answer makes a question apply: it is asked next.
    assert answer(Step("know_who", "linkedin"), True) == Step("who", "linkedin")
    # Back, to answered questions too; forward walks back in order to where it was...
    assert gaps.previous(Step("who", "linkedin")) == Step("know_who", "linkedin")
    assert gaps.previous(Step("know_who", "linkedin")) == Step("why", "linkedin")
    assert answer(Step("why", "linkedin"), "Meet") == Step("know_who", "linkedin")
    assert answer(Step("know_who", "linkedin"), True) == Step("who", "linkedin")
    # ...and past it, on from gap to gap, then to the plan.
    assert answer(Step("who", "linkedin"), "Ana") == Step("won", "linkedin")
    assert answer(Step("won", "linkedin"), 2) is None
    assert w.unanswered(draft) is None


def test_resume_from_the_plan_page_asks_only_required_gaps(bank: Bank) -> None:
    from coach.assessment.position import Position

    w = Walker(bank)
    draft = answer_all(w, new(bank), {("name", None): "Lune", ("kind", None): "business",
                                      ("budget", None): 3, (PICK, None): ["facebook"],
                                      ("hours", "facebook"): 1, ("reason", "facebook"): "both"})
    gaps = w.resume(draft, Position(stage="plan"))
    assert gaps.start == Step("audiences")
    w.answer(draft, Step("audiences"), ["clients"])
    gaps.answered(Step("audiences"))
    assert gaps.next(Step("audiences")) == Step("why", "facebook")
    assert w.resume(new(bank), Position(stage="plan")).start == Step("name")


def test_stage_progress_grows_by_one_within_each_stage() -> None:
    """Quick mode's [n/total]: counted within the stage its header names, so choosing
    platforms no longer makes it jump ([8/8], [9/13], [10/29] with the whole walk)."""
    from itertools import pairwise

    from coach.bank.load import load_bank
    from coach.paths import bundled_bank_dir

    bank = load_bank(bundled_bank_dir())
    walker = Walker(bank)
    draft = Draft(bank, {"version": 1, "profile": {"name": "T"}, "platforms": []})
    walker.answer(draft, Step(PICK), ["linkedin", "facebook", "newsletter"])
    for key in draft.keys():
        walker.answer(draft, Step("reason", key), "professional")
    marks = [(walker._group(s), walker.stage_progress(draft, s)) for s in walker.steps(draft)]
    groups = [g for g, _m in marks]
    for (g1, (n1, t1)), (g2, (n2, t2)) in pairwise(marks):
        if g1 == g2:
            assert (n2, t2) == (n1 + 1, t1)
        else:
            assert n2 == 1
    # Every stage ends on its own total, and there is one stage per platform's "why".
    for n, (g, (i, total)) in enumerate(marks):
        if n + 1 == len(marks) or marks[n + 1][0] != g:
            assert i == total
    assert sum(1 for g in dict.fromkeys(groups) if g[0] == "platform") == 3
