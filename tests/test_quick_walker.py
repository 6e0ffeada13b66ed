"""The questionnaire walker: order, conditions, platform restrictions, back, resume."""

from __future__ import annotations

import copy
from types import MappingProxyType

import pytest

from coach.bank.model import Bank, Choice, Condition, LText, Platform, Question, Term
from coach.quick.walker import PICK, State, Step, Walker


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


def answer_all(walker: Walker, state: State, values: dict[tuple[str, str | None], object]
               ) -> State:
    for key, value in values.items():
        state = walker.answer(state, Step(*key), value)
    return state


def test_profile_condition_shows_question_only_when_called_for(bank: Bank) -> None:
    w = Walker(bank)
    state = State({})
    assert ids(w.steps(state.answers))[:4] == [("name", None), ("kind", None),
                                               ("audiences", None), ("budget", None)]
    state = w.answer(state, Step("kind"), "nonprofit")
    assert ("board", None) in ids(w.steps(state.answers))
    assert w.next(state.answers, Step("kind")) == Step("board")
    state = w.answer(state, Step("kind"), "freelancer")
    assert w.next(state.answers, Step("kind")) == Step("audiences")


def test_inventory_per_platform_then_professional_platforms_only(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {(PICK, None): ["linkedin", "facebook", "forum"]})
    state = answer_all(w, state, {("reason", "linkedin"): "professional",
                                  ("reason", "facebook"): "personal",
                                  ("reason", "forum"): "both"})
    steps = ids(w.steps(state.answers))
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
    state = w.answer(state, Step("know_who", "forum"), True)
    assert ("who", "forum") in ids(w.steps(state.answers))
    assert ("who", "linkedin") not in ids(w.steps(state.answers))


def test_unknown_reason_asks_no_platform_questions_yet(bank: Bank) -> None:
    w = Walker(bank)
    state = w.answer(State({}), Step(PICK), ["linkedin"])
    assert not any(s.question == "why" for s in w.steps(state.answers))


def test_back_and_forth_keeps_answers(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {("name", None): "Lune", ("kind", None): "business",
                                      (PICK, None): ["linkedin"]})
    step = Step("hours", "linkedin")
    assert w.previous(state.answers, step) == Step(PICK)
    assert w.previous(state.answers, Step(PICK)) == Step("budget")
    assert w.previous(state.answers, Step("name")) is None
    assert w.value(state.answers, Step("name")) == "Lune"
    assert w.value(state.answers, Step(PICK)) == ["linkedin"]
    # walking forward again finds the same answers in place
    assert w.next(state.answers, Step(PICK)) == step


def test_unticked_platform_is_parked_and_comes_back(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {(PICK, None): ["linkedin", "facebook"],
                                      ("hours", "facebook"): 4,
                                      ("reason", "facebook"): "personal"})
    state = w.answer(state, Step(PICK), ["linkedin"])
    assert w.picked(state.answers) == ["linkedin"]
    assert "facebook" in state.parked
    state = w.answer(state, Step(PICK), ["linkedin", "facebook"])
    assert w.value(state.answers, Step("hours", "facebook")) == 4
    assert state.parked == {}


def test_answer_never_mutates_its_input(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {(PICK, None): ["linkedin"]})
    before = copy.deepcopy(state.answers)
    w.answer(state, Step("won", "linkedin"), 3)
    w.answer(state, Step("name"), "X")
    assert state.answers == before


def test_fields_go_where_the_answers_file_expects(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {
        ("name", None): "Lune", ("kind", None): "nonprofit", ("board", None): True,
        (PICK, None): ["linkedin"], ("reason", "linkedin"): "both",
        ("won", "linkedin"): 2, ("groups", "linkedin"): "yes"})
    a = state.answers
    assert a["profile"]["name"] == "Lune"
    assert a["profile"]["extra"] == {"board": True}
    entry = a["platforms"][0]
    assert entry["id"] == "linkedin" and entry["reason"] == "both"
    assert entry["results_90d"] == {"won": 2}
    assert entry["extra"] == {"groups": "yes"}


def test_locate_resumes_at_saved_step_or_first_gap(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {("name", None): "Lune", ("kind", None): "business"})
    pos = Step("audiences").position()
    assert w.locate(state.answers, pos) == Step("audiences")
    # a saved step that no longer applies: carry on from where it would have been
    assert w.locate(state.answers, {"question": "board", "platform": None}) == Step("audiences")
    assert w.locate(state.answers, {"question": "gone", "platform": None}) == Step("audiences")
    assert w.locate(state.answers, None) == Step("audiences")


def test_applicable_answers_drop_stale_extras_only(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {("kind", None): "nonprofit", ("board", None): True,
                                      (PICK, None): ["forum"],
                                      ("reason", "forum"): "professional",
                                      ("know_who", "forum"): True, ("who", "forum"): "Ana"})
    state = answer_all(w, state, {("kind", None): "business", ("know_who", "forum"): False})
    clean = w.applicable_answers(state.answers)
    assert clean["profile"]["extra"] == {}
    assert clean["platforms"][0]["extra"] == {}
    assert clean["platforms"][0]["know_who"] is False
    assert state.answers["platforms"][0]["extra"] == {"who": "Ana"}  # kept in the draft


def test_wording_label_and_options(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {(PICK, None): ["forum", "linkedin"],
                                      ("label", "forum"): "Le Repaire"})
    assert w.text(state.answers, Step("why", "linkedin"), "en") == "Why am I on LinkedIn?"
    assert w.text(state.answers, Step("why", "forum"), "en") == "Why this forum, Le Repaire?"
    assert [o[0] for o in w.options(state.answers, Step(PICK), "en")] == \
        ["linkedin", "facebook", "forum", "other"]
    assert [o[1] for o in w.options(state.answers, Step("kind"), "fr")] == \
        ["Freelancer (fr)", "Nonprofit (fr)", "Business (fr)"]
    assert [o[0] for o in w.options(state.answers, Step("groups", "linkedin"), "en")] == \
        ["yes", "no"]


def test_progress_counts_current_steps(bank: Bank) -> None:
    w = Walker(bank)
    state = w.answer(State({}), Step(PICK), ["linkedin"])
    n, total = w.progress(state.answers, Step("hours", "linkedin"))
    assert (n, total) == (6, 7)  # name, kind, audiences, budget, platforms, hours, reason


def test_unanswered_finds_first_required_gap(bank: Bank) -> None:
    w = Walker(bank)
    state = answer_all(w, State({}), {("name", None): "A", ("kind", None): "business",
                                      ("audiences", None): ["clients"], ("budget", None): 3})
    assert w.unanswered(state.answers) == Step(PICK)


def test_bank_may_bring_its_own_platform_question(bank: Bank) -> None:
    own = q("where", "inventory", "multi", options="platforms", text=lt("Where are you?"))
    w = Walker(bank._replace(questions=(*bank.questions, own)))
    assert w.selector is own
    state = w.answer(State({}), Step("where"), ["facebook"])
    assert ("hours", "facebook") in ids(w.steps(state.answers))
    assert w.text(state.answers, Step("where"), "en") == "Where are you?"


def test_own_platform_question_is_translated(bank: Bank) -> None:
    w = Walker(bank)
    en, fr = w.text({}, Step(PICK), "en"), w.text({}, Step(PICK), "fr")
    assert en.startswith("Which platforms") and en != fr and w.help(Step(PICK), "fr")
