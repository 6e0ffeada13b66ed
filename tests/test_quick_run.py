"""Quick mode end to end: real questionary prompts fed through a pipe, the real store.

Each script entry names the question it expects (in the run's language) and the keys
to type; the store and the printed plan are checked afterwards.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from quick_driver import (
    BACK,
    BACKSPACE,
    CTRL_C,
    DOWN,
    ENTER,
    Entry,
    Keys,
    ScriptedPrompter,
    no,
    yes,
)

from coach import clock
from coach.bank.load import default_bank
from coach.i18n import Voice, translator
from coach.paths import bundled_bank_dir
from coach.quick.session import run_quick
from coach.store import Workspace

E = Entry


def q_(lang: str, msgid: str) -> str:
    return translator(lang, "quick").gettext(msgid)


@pytest.fixture
def bank():
    return default_bank(bundled_bank_dir())


def run(bank, ws: Path, lang: str, client: str | None, script: list[Entry]
        ) -> tuple[int, ScriptedPrompter]:
    prompter = ScriptedPrompter(script=list(script))
    try:
        code = run_quick(voice=Voice(lang), data_dir=ws, bank=bank, client=client,
                         prompter=prompter, echo=prompter.lines.append, width=90)
    finally:
        prompter.close()
    assert prompter.script == [], f"unused script entries: {prompter.script[:3]}"
    return code, prompter


def space_keys(k: Keys, platform: str, kind: str) -> str:
    """In the spaces menu: skip "that is all / none", go to "Add one: <kind>"."""
    kinds = k._ids("spaces", platform)
    return DOWN * (1 + kinds.index(kind)) + ENTER


def name_prompt(lang: str, bank, kind: str) -> str:
    label = next(t.name.get(lang) for t in bank.terms("space_kinds") if t.id == kind)
    return q_(lang, "Its name ({kind}):").format(kind=label)


# ----------------------------------------------------------------- English, start to end
def test_full_run_english_with_back_bad_input_and_report_file(
        bank, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    k = Keys(bank, "en")
    t = k.text
    script = [
        E(t("name"), ENTER),                                   # default: the client's name
        E(t("kind"), k.pick("kind", "freelancer")),
        E(t("market"), k.pick("market", "b2b")),
        E(t("goal"), BACK),                                    # back to market...
        E(t("market"), ENTER),                                 # ...kept: pointer on b2b
        E(t("goal"), k.pick("goal", "clients")),
        E(t("audiences"), k.tick("audiences", ["influencers", "clients"])),  # priority order
        E(t("weekly_budget_hours"), "200" + ENTER + BACKSPACE * 3 + "abc" + ENTER
          + BACKSPACE * 3 + "3" + ENTER),                      # refused twice, then 3
        E(t("time_feeling"), k.pick("time_feeling", "too_much")),
        E(t("contact_means"), k.tick("contact_means", ["booking", "email"])),
        E(t("_platforms"), k.tick("_platforms", ["linkedin", "facebook"])),
        E(t("reason", "linkedin"), k.pick("reason", "professional")),
        E(t("hours_per_week", "linkedin"), "2" + ENTER),
        E(t("reason", "facebook"), k.pick("reason", "personal")),
        E(t("hours_per_week", "facebook"), "167" + ENTER + BACKSPACE * 3 + "5" + ENTER),
        # (2 h on LinkedIn + 167 would pass 168 hours a week: refused, then 5)
        E(t("why", "linkedin"), "Meet SME owners in my region" + ENTER),
        E(t("audiences_present", "linkedin"), k.tick("audiences_present", ["clients"])),
        E(t("know_who", "linkedin"), yes()),
        E(t("who_named", "linkedin"), "Ana, Bo" + ENTER),
        E(t("activities", "linkedin"), k.tick("activities", ["converse", "answer_questions"])),
        E(t("measures", "linkedin"), k.tick("measures", ["inquiries"])),
        E(t("editorial_line", "linkedin"), no()),
        E(t("spaces", "linkedin"), space_keys(k, "linkedin", "group")),
        E(name_prompt("en", bank, "group"), "Entrepreneurs de la Mauricie" + ENTER),
        E(t("spaces", "linkedin"), ENTER),                     # that is all
        E(t("linkedin_groups_part", "linkedin"), ENTER),
        E(t("questions_asked", "linkedin"), yes()),
        E(t("inquiries", "linkedin"), "3" + ENTER),
        E(t("won", "linkedin"), "1.5" + ENTER + BACKSPACE * 3 + "1" + ENTER),  # whole numbers
        E(t("referrals", "linkedin"), "0" + ENTER),
        E(t("site_visits", "linkedin"), "40" + ENTER),
        E(t("sales", "linkedin"), "0" + ENTER),                # asked: kind is freelancer
        E(t("large_result", "linkedin"), no()),
        E(t("one_result", "linkedin"), ENTER),                 # optional
        E(t("if_gone", "linkedin"), ENTER),
        E(q_("en", "Use measured time for these hours?"), ENTER),  # no
        E(q_("en", "Write the plan to a report file?"), ENTER),  # Markdown
        E(q_("en", "File name:"), ENTER),                      # default name, current folder
        E(q_("en", "Add the routine to your calendar (an .ics file to import)?"), ENTER),
        E(q_("en", "File name:"), ENTER),                      # atelier-lune-DATE.ics
    ]
    code, p = run(bank, workspace, "en", "Atelier Lune", script)
    assert code == 0
    ws = Workspace.open(workspace)
    client = ws.find_client("atelier lune")
    assert client is not None
    [assessment] = ws.assessments(client.id)
    answers, plan = assessment.answers, assessment.plan
    assert answers["profile"]["name"] == "Atelier Lune"
    assert answers["profile"]["market"] == "b2b"
    assert answers["profile"]["audiences"] == ["influencers", "clients"]
    assert answers["profile"]["weekly_budget_hours"] == 3
    by_id = {pl["id"]: pl for pl in answers["platforms"]}
    assert by_id["facebook"]["reason"] == "personal" and by_id["facebook"]["hours_per_week"] == 5
    li = by_id["linkedin"]
    assert li["why"] == "Meet SME owners in my region"
    assert li["spaces"] == [{"kind": "group", "name": "Entrepreneurs de la Mauricie"}]
    assert li["results_90d"]["won"] == 1 and li["results_90d"]["site_visits"] == 40
    assert li["extra"]["who_named"] == "Ana, Bo"
    assert answers["profile"]["extra"]["contact_means"] == ["booking", "email"]
    assert ws.load_draft(client.id) in (None, ({}, {}))
    # the plan was printed, and its focus is the one stored
    printed = "\n".join(p.lines)
    # numbers are echoed bare: the unit is in the question, and "1 hours a week" is wrong
    answered = [line.split("→")[-1].strip() for line in p.lines if "→" in line]
    assert "3" in answered and "40" in answered
    assert not any("hours a week" in a for a in answered)
    assert plan["focus"]["platform"] == "linkedin"
    assert "Entrepreneurs de la Mauricie" in printed
    assert "LinkedIn" in printed
    # the report file: in the current folder, private
    [report] = list(tmp_path.glob("atelier-lune-*.md"))
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "Entrepreneurs de la Mauricie" in report.read_text(encoding="utf-8")
    # ... and the routine as a calendar, next to it
    [ics] = list(tmp_path.glob("atelier-lune-*.ics"))
    assert stat.S_IMODE(ics.stat().st_mode) == 0o600
    import icalendar

    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert any("Entrepreneurs de la Mauricie" in str(e["DESCRIPTION"]) for e in events)


# ----------------------------------------------------------------- French: stop, then resume
NONPROFIT = {"profile": {"kind": "nonprofit"}}  # the won question asks it as an organisation

def french_profile(k: Keys) -> list[Entry]:
    t = k.text
    return [
        E(t("name"), ENTER),
        E(t("kind"), k.pick("kind", "nonprofit")),
        E(t("market"), k.pick("market", "public")),
        E(t("goal"), k.pick("goal", "donations")),
        E(t("audiences"), k.tick("audiences", ["donors", "volunteers"])),
        E(t("weekly_budget_hours"), "2,5" + ENTER),            # French decimal comma
        E(t("time_feeling"), DOWN * 3 + ENTER),                # "skip this question"
        E(t("contact_means"), ENTER),                          # optional: nothing ticked
    ]


def test_french_ctrl_c_keeps_answers_and_next_run_resumes(
        bank, workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = Keys(bank, "fr")
    t = k.text
    code, _p = run(bank, workspace, "fr", "Café Lune",
                   [*french_profile(k), E(t("_platforms"), CTRL_C)])
    assert code == 130
    err = capsys.readouterr().err
    assert "Vos réponses sont conservées" in err
    assert "coach quick --client 'Café Lune'" in err
    assert "Traceback" not in err
    ws = Workspace.open(workspace)
    client = ws.find_client("Café Lune")
    draft = ws.load_draft(client.id)
    assert draft is not None
    answers, position = draft
    assert answers["profile"]["kind"] == "nonprofit"
    assert answers["profile"]["weekly_budget_hours"] == 2.5
    assert answers["profile"]["audiences"] == ["donors", "volunteers"]
    assert position["question"] == "_platforms"

    resume = q_("fr", "{client} has an assessment in progress. Resume it or start over?")
    fb, fo = "facebook", "forum"
    lab = {"platforms": [{"id": fo, "label": "Le Repaire"}]}   # the forum, once named
    script = [
        E(resume.format(client="Café Lune"), ENTER),           # resume
        E(t("_platforms"), k.tick("_platforms", [fb, fo])),
        E(t("reason", fb), k.pick("reason", "professional")),
        E(t("hours_per_week", fb), BACK),                      # back...
        E(t("reason", fb), ENTER),                             # ...answer kept
        E(t("hours_per_week", fb), "3" + ENTER),
        E(t("label", fo), "Le Repaire" + ENTER),
        E(t("reason", fo, lab), k.pick("reason", "both")),     # named as the user named it
        E(t("hours_per_week", fo, lab), "1" + ENTER),
        E(t("work_share", fo, lab), ENTER),                    # asked: reason "both"
        E(t("why", fb), "Rejoindre les donateurs du quartier" + ENTER),
        E(t("audiences_present", fb), k.tick("audiences_present", ["donors"])),
        E(t("know_who", fb), no()),
        E(t("activities", fb), k.tick("activities", ["broadcast"])),
        E(t("measures", fb), k.tick("measures", ["likes"])),
        E(t("editorial_line", fb), no()),
        E(t("spaces", fb), ENTER),                             # none for now
        E(t("linkedin_groups_part", fb), DOWN * 3 + ENTER),
        E(t("questions_asked", fb), no()),
        E(t("inquiries", fb), "0" + ENTER),
        E(t("won", fb, NONPROFIT), "0" + ENTER),            # asked as an organisation
        E(t("referrals", fb), "0" + ENTER),
        E(t("site_visits", fb), "0" + ENTER),
        E(t("donations", fb), "0" + ENTER),                    # goal is donations
        E(t("large_result", fb), no()),
        E(t("one_result", fb), ENTER),
        E(t("if_gone", fb), DOWN * 3 + ENTER),
        E(t("why", fo, lab), "Les gens y posent des questions" + ENTER),
        E(t("audiences_present", fo), k.tick("audiences_present", ["donors", "volunteers"])),
        E(t("know_who", fo, lab), yes()),
        E(t("who_named"), ENTER),
        E(t("activities", fo, lab), k.tick("activities", ["converse", "answer_questions"])),
        E(t("measures", fo, lab), k.tick("measures", ["donations", "signups"])),
        E(t("editorial_line", fo, lab), yes()),
        E(t("editorial_line_text"), "Conseils pour bénévoles" + ENTER),
        E(t("spaces", fo), space_keys(k, fo, "forum")),
        E(name_prompt("fr", bank, "forum"), "Section bénévolat" + ENTER),
        E(t("spaces", fo), ENTER),
        E(t("questions_asked", fo), yes()),
        E(t("inquiries", fo, lab), "4" + ENTER),
        E(t("won", fo, NONPROFIT), "2" + ENTER),
        E(t("referrals", fo, lab), "1" + ENTER),
        E(t("site_visits", fo, lab), "30" + ENTER),
        E(t("donations", fo, lab), "3" + ENTER),
        E(t("large_result", fo, lab), no()),
        E(t("one_result", fo, lab), ENTER),                    # optional
        E(t("if_gone", fo, lab), ENTER),
        E(q_("fr", "Use measured time for these hours?"), ENTER),           # no
        E(q_("fr", "Write the plan to a report file?"), DOWN * 4 + ENTER),   # no file
        E(q_("fr", "Add the routine to your calendar (an .ics file to import)?"), DOWN + ENTER),
    ]
    code, p = run(bank, workspace, "fr", "Café Lune", script)
    assert code == 0
    ws = Workspace.open(workspace)
    [assessment] = ws.assessments(client.id)
    answers, plan = assessment.answers, assessment.plan
    assert answers["profile"]["kind"] == "nonprofit"              # from the first run
    assert [pl["id"] for pl in answers["platforms"]] == [fb, fo]
    forum = answers["platforms"][1]
    assert forum["label"] == "Le Repaire" and forum["reason"] == "both"
    assert forum["spaces"] == [{"kind": "forum", "name": "Section bénévolat"}]
    assert forum["results_90d"]["donations"] == 3
    assert plan["lang"] == "fr"
    assert plan["focus"]["platform"] == fo
    printed = "\n".join(p.lines)
    assert "Section bénévolat" in printed
    assert q_("fr", "Assessment {id} saved for {client}.").format(
        id=assessment.id, client="Café Lune") in printed
    assert ws.load_draft(client.id) in (None, ({}, {}))


def test_without_client_asks_the_name_and_start_over_discards_draft(
        bank, workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    k = Keys(bank, "en")
    t = k.text
    code, _p = run(bank, workspace, "en", "Nord", [E(t("name"), ENTER),
                                                   E(t("kind"), k.pick("kind", "business")),
                                                   E(t("market"), CTRL_C)])
    assert code == 130
    ask_name = q_("en", "Whose assessment is it? (client or organisation name)")
    resume = q_("en", "{client} has an assessment in progress. Resume it or start over?")
    code, _p = run(bank, workspace, "en", None, [
        E(ask_name, ENTER + "  nord " + ENTER),             # empty refused; names ignore case
        E(resume.format(client="Nord"), DOWN + ENTER),     # start over
        E(t("name"), ENTER),
        E(t("kind"), CTRL_C)])
    assert code == 130
    ws = Workspace.open(workspace)
    client = ws.find_client("Nord")
    answers, _pos = ws.load_draft(client.id)
    assert answers["profile"].get("kind") is None              # the old draft is gone
    assert answers["profile"]["name"] == "Nord"
    assert [c.name for c in ws.list_clients()] == ["Nord"]


def test_ctrl_c_before_any_answer_saves_nothing(bank, workspace: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, _p = run(bank, workspace, "en", "Sud", [E(Keys(bank, "en").text("name"), CTRL_C)])
    assert code == 130
    assert "Nothing was saved" in capsys.readouterr().err
    assert Workspace.open(workspace).find_client("Sud") is None


def test_back_on_first_question_stays_there(bank, workspace: Path) -> None:
    t = Keys(bank, "en").text
    code, p = run(bank, workspace, "en", "Est", [E(t("name"), BACK),
                                                 E(t("name"), ENTER),
                                                 E(t("kind"), CTRL_C)])
    assert code == 130
    assert q_("en", "This is the first question: there is nothing before it.") in p.lines


# ----------------------------------------------------------------- not a terminal
@pytest.mark.parametrize(("lang", "words"), [("en", "terminal"), ("fr", "terminal")])
def test_refuses_without_a_terminal(workspace: Path, lang: str, words: str) -> None:
    env = {**os.environ, "COACH_LANG": lang}
    with open(os.devnull) as devnull:
        done = subprocess.run([sys.executable, "-m", "coach", "quick", "--client", "X"],
                              stdin=devnull, capture_output=True, text=True, env=env,
                              timeout=60)
    assert done.returncode == 2
    assert words in done.stderr and "coach plan --answers" in done.stderr
    assert "Traceback" not in done.stderr
    assert q_(lang, "coach quick asks its questions in a terminal, and standard input is not "
                    "one. Run it in a terminal, or make a plan from an answers file: "
                    "coach plan --answers FILE") in done.stderr
    assert not workspace.exists()


# ----------------------------------------------------------------- resume a finished draft
def complete_draft(bank, persona: str) -> dict:
    """A persona's answers, with every question quick mode asks answered."""
    import tomllib

    from coach.assessment import Draft
    from coach.assessment.choices import options
    from coach.assessment.walk import Walker

    w = Walker(bank)
    path = Path(__file__).parent / "personas" / f"{persona}.toml"
    draft = Draft(bank, tomllib.loads(path.read_text(encoding="utf-8")))
    while (gap := w.unanswered(draft)) is not None:
        q = w.question(gap.question)
        first = options(bank, q, draft.platform(gap.platform))[:1]
        value = {"number": 0, "yesno": False, "text": "x", "spaces": [],
                 "single": first[0].id if first else None,
                 "multi": [first[0].id] if first else [],
                 "ranked": [first[0].id] if first else []}[q.type]
        w.answer(draft, gap, value)
    return draft.answers


def test_resuming_a_finished_draft_goes_to_the_plan_and_ctrl_c_after_saving(
        bank, workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from coach.answers import validate_answers
    from coach.engine import build_plan

    answers = complete_draft(bank, "freelance_designer")
    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    ws.save_draft(cid, answers, {"question": None, "parked": {}})
    resume = q_("en", "{client} has an assessment in progress. Resume it or start over?")
    code, p = run(bank, workspace, "en", "Atelier Lune", [
        E(resume.format(client="Atelier Lune"), ENTER),
        E(q_("en", "Use measured time for these hours?"), ENTER),
        E(q_("en", "Write the plan to a report file?"), CTRL_C)])
    assert code == 130
    err = capsys.readouterr().err
    assert "The assessment is saved" in err and "coach report 'Atelier Lune'" in err
    ws = Workspace.open(workspace)
    [assessment] = ws.assessments(cid)
    expected = build_plan(validate_answers(answers, bank), bank, lang="en",
                          tr=translator("en", "engine"), today=clock.today())
    assert assessment.plan["focus"] == expected["focus"]
    printed = "\n".join(p.lines)
    assert bank.platform(expected["focus"]["platform"]).name.en in printed
    assert ws.load_draft(cid) in (None, ({}, {}))


def test_a_workspace_that_is_a_file_stops_before_any_question(bank, tmp_path: Path) -> None:
    from coach.errors import InputError

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    prompter = ScriptedPrompter(script=[])      # asking anything would fail the script
    try:
        with pytest.raises(InputError, match="is a file, not a folder"):
            run_quick(voice=Voice("en"), data_dir=not_a_folder, bank=bank, client="Ouest",
                      prompter=prompter, echo=prompter.lines.append, width=90)
    finally:
        prompter.close()
    assert prompter.asked == [] and not_a_folder.read_text() == "x"


def test_other_commands_never_import_questionary() -> None:
    code = ("import sys, contextlib, io\n"
            "from coach.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--help']); main(['platforms']); main(['quick', '--help'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('questionary', 'prompt_toolkit') or m.startswith('coach.quick.')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_enter_on_an_existing_report_file_asks_another_name(
        bank, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.md").write_text("keep me")
    answers = complete_draft(bank, "freelance_designer")
    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    ws.save_draft(cid, answers, {"question": None, "parked": {}})
    resume = q_("en", "{client} has an assessment in progress. Resume it or start over?")
    exists = q_("en", "{path} already exists. Replace it?").format(path="mine.md")
    code, _p = run(bank, workspace, "en", "Atelier Lune", [
        E(resume.format(client="Atelier Lune"), ENTER),
        E(q_("en", "Use measured time for these hours?"), ENTER),
        E(q_("en", "Write the plan to a report file?"), ENTER),           # Markdown
        E(q_("en", "File name:"), BACKSPACE * 40 + "mine.md" + ENTER),
        E(exists, ENTER),                                                   # the default
        E(q_("en", "File name:"), BACKSPACE * 40 + "other.md" + ENTER),
        E(q_("en", "Add the routine to your calendar (an .ics file to import)?"),
          DOWN + ENTER)])
    assert code == 0
    assert (tmp_path / "mine.md").read_text() == "keep me"
    assert "Atelier Lune" in (tmp_path / "other.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("role", "title"), [(None, "Profile"), ("freelancer", "About you"),
                                             ("nonprofit", "About you"),
                                             ("consultant", "About the client")])
def test_the_profile_is_about_whoever_uses_coach(bank, workspace: Path, role: str | None,
                                                 title: str) -> None:
    """A freelancer is not their own "client"; before anyone said who uses coach (quick
    mode on a new workspace), the step is just named."""
    if role:
        Workspace.open(workspace).set_setting("role", role)
    k = Keys(bank, "en")
    code, prompter = run(bank, workspace, "en", "Lune", [E(k.text("name"), CTRL_C)])
    assert code == 130
    headers = [line.strip() for line in prompter.lines
               if line.strip() in ("Profile", "About you", "About the client")]
    assert headers == [title]
