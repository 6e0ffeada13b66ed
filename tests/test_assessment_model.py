"""The assessment model on its own: paths, applicability, "professional", entries,
the position's schema and its migration from the two formats each face used to store."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from coach.assessment import Draft, Position, Session, paths
from coach.assessment import applies as applicability
from coach.assessment.final import final_answers
from coach.assessment.position import SCHEMA, position_record, read_position
from coach.assessment.stages import next_page, platform_page, previous_page
from coach.assessment.walk import PICK, Step, Walker
from coach.bank.load import default_bank
from coach.bank.model import Bank, LText, Term
from coach.bank.reasons import is_professional
from coach.paths import bundled_bank_dir


@pytest.fixture
def bank() -> Bank:
    return default_bank(bundled_bank_dir())


def lune(bank: Bank) -> Draft:
    """A draft as the TUI builds it: LinkedIn, Facebook (personal) and one named Other."""
    draft = Draft(bank, {"profile": {"name": "Atelier Lune", "kind": "freelancer",
                                     "goal": "clients", "audiences": ["clients"]}})
    for pid, reason in (("linkedin", "professional"), ("other", "both"),
                        ("facebook", "personal")):
        draft.include(pid, reason=reason)
    draft.entry("other:0")["label"] = "Le Repaire"
    return draft


# ---------------------------------------------------------------- paths
def test_a_question_key_is_where_its_answer_lives(bank: Bank) -> None:
    entry: dict[str, Any] = {}
    won, who, why = bank.question("won"), bank.question("who_named"), bank.question("why")
    assert (won.key, who.key, why.key) == ("results_90d.won", "extra.who_named", "why")
    paths.write(entry, won, 2)
    paths.write(entry, who, "Ana\x1b]0;x\x07")        # control characters never stored
    paths.write(entry, why, "")
    assert entry == {"results_90d": {"won": 2}, "extra": {"who_named": "Ana]0;x"}, "why": ""}
    assert paths.read(entry, won) == 2
    assert paths.read(entry, why) is None             # "" is no answer yet
    paths.write(entry, won, None)
    assert entry["results_90d"] == {}
    assert paths.read(None, won) is None


# ---------------------------------------------------------------- applicability
def test_platform_questions_apply_to_their_platforms_and_professional_ones_only(
        bank: Bank) -> None:
    draft = lune(bank)
    groups, asked = bank.question("linkedin_groups_part"), bank.question("questions_asked")
    why = bank.question("why")
    assert applicability.applies(draft, groups, "linkedin")
    assert not applicability.applies(draft, groups, "other:0")      # asked_for
    assert not applicability.applies(draft, asked, "other:0")
    assert applicability.applies(draft, why, "other:0")             # "both" is work
    assert not applicability.applies(draft, why, "facebook")        # personal
    label = bank.question("label")
    assert applicability.applies(draft, label, "other:0")
    assert not applicability.applies(draft, label, "linkedin")


def test_conditions_read_the_same_entry_or_the_profile(bank: Bank) -> None:
    draft = lune(bank)
    who, sales = bank.question("who_named"), bank.question("sales")
    donations = bank.question("donations")
    assert not applicability.applies(draft, who, "linkedin")
    draft.set(bank.question("know_who"), "linkedin", True)
    assert applicability.applies(draft, who, "linkedin")
    assert not applicability.applies(draft, who, "other:0")        # its own answer
    assert applicability.applies(draft, sales, "other:0")          # profile: freelancer
    assert not applicability.applies(draft, donations, "other:0")  # profile: clients
    assert [q.id for q in applicability.missing(draft, "profile")] == [
        "market", "weekly_budget_hours"]


# ---------------------------------------------------------------- professional
def test_professional_is_the_banks_reason_tag_for_the_draft_and_the_engine(
        bank: Bank) -> None:
    """One definition: a reason the bank tags personal is set aside by the walk, the TUI's
    pages and the engine alike; an untagged one counts by its id."""
    from coach.answers import validate_answers
    from coach.engine.facts import read_facts
    from coach.engine.rules import parse_rules

    reasons = (*bank.terms("reasons"), Term("family", LText("Family", "Famille"), "personal"),
               Term("hobby", LText("Hobby", "Loisir")))
    custom = bank._replace(vocab={**bank.vocab, "reasons": reasons})
    assert [is_professional(custom, r) for r in ("personal", "professional", "both",
                                                 "family", "hobby")] == [
        False, True, True, False, True]
    draft = Draft(custom, copy.deepcopy(lune(bank).answers))
    draft.entry("linkedin")["reason"] = "family"
    assert draft.professional() == ["other:0"]
    assert not any(s.platform == "linkedin" and s.question == "why"
                   for s in Walker(custom).steps(draft))
    assert platform_page(draft, "linkedin", forward=True) == "other:0"
    answers = validate_answers(final_answers(draft), custom, source="test")
    facts = {f.platform: f.professional
             for f in read_facts(answers, custom, parse_rules(custom.rules), "en")}
    assert facts == {"linkedin": False, "other": True, "facebook": False}


def test_a_platform_without_its_reason_yet_gets_no_why_questions(bank: Bank) -> None:
    draft = Draft(bank, {})
    draft.pick(["linkedin"])
    assert draft.professional() == [] and not draft.is_personal("linkedin")


# ---------------------------------------------------------------- entries and parking
def test_entries_keep_the_banks_order_and_others_their_slot(bank: Bank) -> None:
    draft = lune(bank)
    assert draft.keys() == ["linkedin", "facebook", "other:0"]
    assert draft.include("other", slot=1) == "other:1"
    assert draft.keys() == ["linkedin", "facebook", "other:0", "other:1"]
    assert draft.heading("other:0", "en") == "Le Repaire"
    assert draft.platform("other:0").name.en == "Le Repaire"
    draft.exclude("other:0")
    assert draft.keys() == ["linkedin", "facebook", "other:1"]      # other:1 stays other:1
    draft.include("other", slot=0, reason="professional")
    assert draft.entry("other:0") == {"id": "other", "slot": 0, "reason": "both",
                                      "label": "Le Repaire"}         # its answers came back


def test_final_answers_have_no_bookkeeping_and_no_stale_extras(bank: Bank) -> None:
    draft = lune(bank)
    draft.set(bank.question("who_named"), "facebook", "Ana")        # asked before: personal
    draft.set(bank.question("awareness_action"), None, "give")      # goal is not awareness
    final = final_answers(draft)
    assert all("slot" not in e for e in final["platforms"])
    assert final["profile"]["extra"] == {}
    facebook = next(e for e in final["platforms"] if e["id"] == "facebook")
    assert facebook["extra"] == {} and facebook["why"] == ""         # defaults: don't know
    assert draft.entry("facebook")["extra"] == {"who_named": "Ana"}  # the draft keeps it
    from coach.answers import validate_answers

    validate_answers(final, bank, source="test")                     # no "slot: unknown"


# ---------------------------------------------------------------- the TUI's pages
def test_pages_visit_professional_platforms_only(bank: Bank) -> None:
    draft = lune(bank)
    assert next_page(draft, Position(stage="inventory")) == ("platform", None)
    assert platform_page(draft, None, forward=True) == "linkedin"
    assert next_page(draft, Position(stage="platform", platform="linkedin")) == (
        "platform", "other:0")
    assert next_page(draft, Position(stage="platform", platform="other:0")) == ("time", None)
    assert previous_page(draft, Position(stage="time")) == ("platform", "other:0")
    assert previous_page(draft, Position(stage="platform", platform="other:0")) == (
        "platform", "linkedin")
    assert previous_page(draft, Position(stage="platform", platform="linkedin")) == (
        "inventory", None)


# ---------------------------------------------------------------- position schema
def test_position_round_trips_with_its_parked_entries(bank: Bank) -> None:
    draft = lune(bank)
    draft.exclude("facebook")
    position = Position(stage="platform", platform="other:0", question="why",
                        skipped=["linkedin"])
    record = position_record(position, draft.parked)
    assert record["schema"] == SCHEMA == 2
    again, parked = read_position(copy.deepcopy(record), draft.answers, bank)
    assert again == position and parked == draft.parked


OLD_ANSWERS = {"platforms": [{"id": "linkedin", "reason": "professional"},
                             {"id": "other", "slot": 0, "label": "Le Repaire"},
                             {"id": "instagram", "reason": "professional"}]}


@pytest.mark.parametrize(("stored", "expected"), [
    # the TUI's: platforms by index
    ({"step": "platform", "platform": 1, "question": "why", "skipped": [0, 7]},
     Position("platform", "other:0", "why", ["linkedin"])),
    ({"step": "time", "platform": 0, "question": "sales"},
     Position("time", "linkedin", "sales")),
    ({"step": "inventory"}, Position("inventory")),
    ({"step": "nowhere", "platform": "x"}, Position()),
    # quick mode's: the next step, its platform by id
    ({"question": "why", "platform": "other", "parked": {}},
     Position("platform", "other:0", "why")),
    ({"question": "hours_per_week", "platform": "instagram"},
     Position("inventory", "instagram", "hours_per_week")),
    ({"question": "_platforms", "platform": None}, Position("inventory", None, "_platforms")),
    ({"question": "goal", "platform": None}, Position("profile", None, "goal")),
    ({"question": None, "parked": {}}, Position("plan")),
    ({"question": "gone", "platform": None}, Position()),
    # neither: the start
    (None, Position()), ({}, Position()), ({"step": 3}, Position()),
])
def test_both_old_position_formats_migrate(bank: Bank, stored: Any,
                                           expected: Position) -> None:
    position, parked = read_position(stored, OLD_ANSWERS, bank)
    assert position == expected and parked == {}


def test_quick_modes_parked_platforms_migrate_to_keys(bank: Bank) -> None:
    old = {"question": "why", "platform": "linkedin",
           "parked": {"facebook": {"id": "facebook", "hours_per_week": 5},
                      "other": {"id": "other", "label": "Le Repaire"}, "bad": "x"}}
    session = Session.resume(bank, copy.deepcopy(OLD_ANSWERS), old)
    assert set(session.draft.parked) == {"facebook", "other:0"}
    session.draft.pick(["linkedin", "facebook"])
    assert session.draft.entry("facebook")["hours_per_week"] == 5


def test_a_resumed_step_is_the_same_in_either_face(bank: Bank) -> None:
    """Quick mode's next step and the TUI's page agree through the stored position."""
    draft = lune(bank)
    walker = Walker(bank)
    for step in (Step("why", "other:0"), Step("hours_per_week", "facebook"), Step("goal"),
                 Step(PICK)):
        position = walker.position_of(step)
        again, _parked = read_position(position_record(position, {}), draft.answers, bank)
        assert walker.step_at(draft, again) == step
    assert walker.position_of(Step("why", "other:0")).stage == "platform"
    assert walker.position_of(None).stage == "plan"


def test_session_saves_the_record_and_a_follow_up_only_once_changed(bank: Bank) -> None:
    saved: list[tuple[dict[str, Any], dict[str, Any]]] = []
    session = Session(lune(bank), Position(stage="plan"),
                      saver=lambda a, p: saved.append((copy.deepcopy(a), p)), lazy=True)
    session.save()
    assert saved == [] and not session.has_changes
    session.set(bank.question("why"), "linkedin", "Meet SME owners")
    (answers, record), = saved
    assert answers["platforms"][0]["why"] == "Meet SME owners"
    assert record["schema"] == 2 and record["question"] == "why"
    session.exclude("linkedin")
    assert "linkedin" in saved[-1][1]["parked"]


def test_the_model_is_ui_free_and_holds_no_language() -> None:
    """No face, UI toolkit, store or language state below the faces: importing every
    module of the model loads none of them."""
    import subprocess
    import sys

    code = ("import sys, pkgutil, importlib, coach.assessment as a\n"
            "for m in pkgutil.iter_modules(a.__path__):\n"
            "    importlib.import_module(a.__name__ + '.' + m.name)\n"
            "bad = ('textual', 'questionary', 'prompt_toolkit', 'click', 'tinydb', 'rich',\n"
            "       'coach.tui', 'coach.quick', 'coach.cli', 'coach.store', 'coach.i18n')\n"
            "print(sorted(m for m in sys.modules\n"
            "             if any(m == b or m.startswith(b + '.') for b in bad)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
