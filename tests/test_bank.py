"""The bundled question bank: valid, complete in both languages, and shaped as the product needs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from coach.bank.fields import PLATFORM_FIELDS, PROFILE_FIELDS
from coach.bank.load import default_bank, load_bank
from coach.bank.model import Bank, Condition, LText
from coach.bank.validate import check_bank
from coach.engine import check_rules
from coach.paths import bundled_bank_dir

FIXED_IDS = {
    "audiences": ["clients", "influencers", "suppliers", "funders", "recruits", "partners",
                  "donors", "volunteers", "beneficiaries", "media", "peers"],
    "goals": ["clients", "mandates", "donations", "volunteers", "recruits", "partners",
              "funding", "awareness"],
    "activities": ["broadcast", "converse", "answer_questions", "monitor", "browse",
                   "ads_contests"],
    "measures": ["views", "likes", "followers", "inquiries", "site_visits", "sales",
                 "donations", "signups", "none"],
    "results": ["inquiries", "won", "referrals", "site_visits", "sales", "donations", "signups"],
    "space_kinds": ["page", "group", "forum", "profile", "channel", "list", "newsletter",
                    "listing", "live"],
    "kinds": ["freelancer", "nonprofit", "business"],
    "markets": ["b2b", "b2c", "mixed", "public"],
    "reasons": ["personal", "professional", "both"],
}
PLATFORM_IDS = ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "pinterest",
                "reddit", "mastodon", "bluesky", "threads", "whatsapp", "discord_slack", "forum",
                "newsletter", "blog", "other"]


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(bundled_bank_dir())


def test_bundled_bank_has_no_problem() -> None:
    assert check_bank(bundled_bank_dir(), check_rules=check_rules) == []


def test_fixed_ids(bank: Bank) -> None:
    assert [p.id for p in bank.platforms] == PLATFORM_IDS
    for table, ids in FIXED_IDS.items():
        assert sorted(bank.ids(table)) == sorted(ids), table


def test_measure_and_goal_tags(bank: Bank) -> None:
    tags = {t.id: t.tag for t in bank.terms("measures")}
    assert {i for i, t in tags.items() if t == "vanity"} == {"views", "likes", "followers"}
    assert tags["none"] == "none"
    assert bank.term("goals", "awareness").tag == "challenged"
    assert bank.term("activities", "browse").tag == "browsing"


def _texts(bank: Bank) -> list[tuple[str, LText]]:
    """Every user-facing text of the bank, with where it lives."""
    out: list[tuple[str, LText]] = []
    for table, terms in bank.vocab.items():
        for t in terms:
            out.append((f"{table}.{t.id}.name", t.name))
            assert t.help is not None, f"{table}.{t.id} has no help"
            out.append((f"{table}.{t.id}.help", t.help))
    for p in bank.platforms:
        out += [(f"{p.id}.name", p.name), (f"{p.id}.note", p.note),
                (f"{p.id}.space_hint", p.space_hint)]
    for q in bank.questions:
        out += [(f"{q.id}.text", q.text), (f"{q.id}.help", q.help)]
        out += [(f"{q.id}.{c.id}", c.label) for c in q.choices]
        out += [(f"{q.id}.wording.{pid}", t) for pid, t in q.wording.items()]
        if q.unit:
            out.append((f"{q.id}.unit", q.unit))
    out += [(f"texts.{k}", v) for k, v in bank.texts.items()]
    return out


def test_every_entry_in_both_languages(bank: Bank) -> None:
    texts = _texts(bank)
    assert len(texts) > 250
    for where, text in texts:
        assert text.en.strip() and text.fr.strip(), where
    # Sentences (help texts, questions) are really translated, not copied over.
    copied = [w for w, t in texts if len(t.en) > 30 and t.en == t.fr]
    assert copied == []


def test_french_typography(bank: Bank) -> None:
    """French puts a space before : ; ? ! (a narrow or ordinary one), and uses « »."""
    for where, text in _texts(bank):
        assert not re.search(r"[^\s\u00a0\u202f][:;?!]", text.fr), (where, text.fr)
        assert '"' not in text.fr, where


def test_core_fields_each_filled_by_one_question(bank: Bank) -> None:
    profile = [q.field for q in bank.section("profile") if q.field]
    per_platform = [q.field for q in bank.questions if q.section != "profile" and q.field]
    assert sorted(profile) == sorted(PROFILE_FIELDS)
    expected = set(PLATFORM_FIELDS) | {f"results_90d.{r}" for r in FIXED_IDS["results"]}
    assert set(per_platform) - {"label"} == expected
    assert len(per_platform) == len(set(per_platform))


def test_question_types_and_ranges(bank: Bank) -> None:
    types = {q.type for q in bank.questions}
    assert types == {"single", "multi", "ranked", "yesno", "number", "text", "spaces"}
    budget = bank.question("weekly_budget_hours")
    assert (budget.minimum, budget.maximum) == (0, 168)
    assert budget.unit is not None and budget.unit.get("en") == "hours a week"
    assert bank.question("audiences").type == "ranked"
    assert bank.question("audiences").options == "audiences"


def test_conditions_point_back(bank: Bank) -> None:
    order = {q.id: i for i, q in enumerate(bank.questions)}
    conditional = [q for q in bank.questions if q.when]
    assert len(conditional) >= 5
    for q in conditional:
        assert q.when is not None and order[q.when.question] < order[q.id]


def test_awareness_goal_asks_for_the_action(bank: Bank) -> None:
    asked = [q for q in bank.section("profile")
             if q.when and q.when.question == "goal" and q.when.equals == "awareness"]
    assert {q.id for q in asked} == {"awareness_action", "awareness_from"}
    assert all(q.when and q.when.holds("awareness") for q in asked)
    assert not any(q.when and q.when.holds("clients") for q in asked)


def test_deeper_questions(bank: Bank) -> None:
    assert bank.question("editorial_line_text").when == Condition("editorial_line", equals=True)
    assert bank.question("who_named").when == Condition("know_who", equals=True)
    ads = bank.question("ads_budget")
    assert ads.when == Condition("activities", includes="ads_contests")
    assert ads.key == "extra.ads_budget" and bank.question("why").key == "why"
    donations = bank.question("donations").when
    assert donations is not None and donations.holds("donations") and not donations.holds("clients")


def test_condition_holds() -> None:
    yes = Condition("know_who", equals=True)
    assert yes.holds(True) and not yes.holds(False) and not yes.holds(1) and not yes.holds(None)
    assert Condition("a", includes="ads_contests").holds(["converse", "ads_contests"])
    assert not Condition("a", includes="ads_contests").holds(["converse"])
    assert Condition("g", one_of=("x", "y")).holds("y")
    assert Condition("n", equals=3).holds(3.0)


def test_platform_specific_wording(bank: Bank) -> None:
    spaces = bank.question("spaces")
    forum, linkedin, newsletter = (bank.platform(i) for i in ("forum", "linkedin", "newsletter"))
    assert "board" in spaces.text_for("en", forum)
    assert "section" in spaces.text_for("fr", forum)
    assert "groups" in spaces.text_for("en", linkedin)
    assert "groupes LinkedIn" in spaces.text_for("fr", linkedin)
    assert "list" in spaces.text_for("en", newsletter)
    # The general wording names the platform.
    why = bank.question("why")
    assert why.text_for("fr", bank.platform("tiktok")) == \
        "En une phrase : pourquoi êtes-vous sur TikTok ?"
    assert bank.question("list_size").asked_for("newsletter")
    assert not bank.question("list_size").asked_for("linkedin")
    assert bank.question("why").asked_for("linkedin")


def test_platforms_owned_and_fit(bank: Bank) -> None:
    owned = {p.id for p in bank.platforms if p.owned}
    assert owned == {"newsletter", "blog"}
    assert bank.platform("linkedin").markets == ("b2b",)
    assert "monitoring" in bank.platform("x").modes
    assert "forum" in bank.platform("forum").spaces


def test_rules_loaded_as_plain_dict(bank: Bank) -> None:
    assert isinstance(bank.rules, dict)
    assert bank.rules == __import__("tomllib").loads(
        (bundled_bank_dir() / "rules.toml").read_text(encoding="utf-8"))


def test_rules_are_optional(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    folder = tmp_path / "bank"
    shutil.copytree(bundled_bank_dir(), folder)
    (folder / "rules.toml").unlink()
    assert load_bank(folder).rules == {}


def test_default_bank_is_cached() -> None:
    assert default_bank(bundled_bank_dir()) is default_bank(bundled_bank_dir())


def test_platform_named_naturally_inside_sentences(bank: Bank) -> None:
    """Generic names read badly mid-sentence ("on Email newsletter"): a phrase is used."""
    hours = bank.question("hours_per_week")
    assert hours.text_for("fr", bank.platform("forum")) == \
        "Environ combien d’heures par semaine passez-vous sur ce forum ?"
    assert hours.text_for("en", bank.platform("other")).endswith("on that platform?")
    assert hours.text_for("en", bank.platform("linkedin")).endswith("on LinkedIn?")
    assert bank.question("know_who").text_for("fr", bank.platform("newsletter")) == \
        "Pourriez-vous nommer les abonnés pour qui vous écrivez ?"
    # French contractions and elisions ("de le", "de Instagram") cannot happen.
    for q in bank.questions:
        for text in (q.text, *q.wording.values()):
            assert not re.search(r"\b(de|à|que) \{platform\}", text.fr), q.id


def test_the_bank_never_imports_the_engine() -> None:
    """The bank sits below the engine: loading and checking one, broken rules and all,
    pulls no engine module in (it used to load coach.engine.rules by name, with
    importlib, to check rules.toml). The engine's check is handed in by callers."""
    code = (
        "import sys\n"
        "from coach.bank.load import load_bank\n"
        "from coach.bank.validate import check_bank\n"
        "from coach.paths import bundled_bank_dir\n"
        "load_bank(bundled_bank_dir()); check_bank(bundled_bank_dir())\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('coach.engine'))))\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=root)
    assert out.stdout.strip() == ""
    for path in (root / "coach" / "bank").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import importlib" not in text and "from coach.engine" not in text, path.name


def test_a_broken_rule_is_refused_when_the_engine_check_is_handed_in(tmp_path: Path) -> None:
    import shutil

    from coach.bank.load import BankError

    folder = tmp_path / "bank"
    shutil.copytree(bundled_bank_dir(), folder)
    rules = folder / "rules.toml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "max_channels = 3", "max_channels = 0"), encoding="utf-8")
    assert load_bank(folder).rules["budget"]["max_channels"] == 0   # the bank's own checks
    with pytest.raises(BankError) as info:
        load_bank(folder, check_rules=check_rules)
    assert info.value.exit_code == 2
    assert info.value.said("en") == ["rules.toml: budget.max_channels: 0 is not between 1 and 20"]
    assert info.value.said("fr") == ["rules.toml: budget.max_channels: 0 n’est pas entre 1 et 20"]
