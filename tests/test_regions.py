"""French of Québec and of France: each reader gets their region's words, in every face."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from coach import i18n
from coach.bank.load import load_bank
from coach.engine import build_plan
from coach.i18n_catalogs import LOCALE, extract, problems
from coach.i18n_regions import foreign_words
from coach.paths import bundled_bank_dir
from coach.report import render
from coach.report.localfmt import long_date

PERSONAS = Path(__file__).parent / "personas"
# A Québec consultant's client, a freelancer and a food bank: between them every
# regional word the engine says (mandats, soumission, infolettre...).
ANSWERS = ["accountant_consultant_client.toml", "freelance_designer.toml",
           "foodbank_volunteers.toml", "broadcast_many.toml"]


def _coach(*args: str, data: Path | None = None,
           lang_env: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    extra = ["--data-dir", str(data)] if data else []
    return subprocess.run([sys.executable, "-m", "coach", *extra, *args], capture_output=True,
                          text=True, timeout=120, check=False,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": lang_env})


def _user_text(answers: str) -> set[str]:
    """What the person wrote (their names and whys): their words, not coach's."""
    raw = tomllib.loads((PERSONAS / answers).read_text(encoding="utf-8"))
    out = {raw["profile"]["name"]}
    for p in raw["platforms"]:
        out |= {p.get("why", ""), p.get("label", "")} | {s["name"] for s in p.get("spaces", [])}
    return {t for t in out if t}


def _without(text: str, user: set[str]) -> str:
    """The words a reader reads: no user text, and no HTML tags (ids in attributes)."""
    text = re.sub(r"<[^>]+>", " ", text)
    for t in sorted(user, key=len, reverse=True):
        text = text.replace(t, "")
    return text


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_plan_in_france_uses_no_quebec_word_and_quebec_does(fmt: str) -> None:
    seen_quebec: list[str] = []
    for answers in ANSWERS:
        path = str(PERSONAS / answers)
        fr_fr = _coach("--lang", "fr-FR", "plan", "--answers", path, "--format", fmt)
        fr_ca = _coach("--lang", "fr-CA", "plan", "--answers", path, "--format", fmt)
        assert fr_fr.returncode == 0 and fr_ca.returncode == 0, fr_fr.stderr + fr_ca.stderr
        user = _user_text(answers)
        assert foreign_words(_without(fr_fr.stdout, user), "FR") == [], answers
        assert foreign_words(_without(fr_ca.stdout, user), "CA") == [], answers
        seen_quebec += re.findall(r"\b(mandats?|soumission|infolettre)\b", fr_ca.stdout)
    assert {"mandats", "soumission"} <= set(seen_quebec)


def test_plain_fr_is_quebec_and_the_plan_json_keeps_lang_fr() -> None:
    path = str(PERSONAS / "accountant_consultant_client.toml")
    plain = json.loads(_coach("--lang", "fr", "plan", "--answers", path, "--format",
                              "json").stdout)
    france = json.loads(_coach("--lang", "fr-FR", "plan", "--answers", path, "--format",
                               "json").stdout)
    assert plain["lang"] == "fr" and "region" not in plain      # as DESIGN.md says
    assert france["lang"] == "fr" and france["region"] == "FR"
    assert "demandes de soumission" in json.dumps(plain, ensure_ascii=False)
    assert "demandes de devis" in json.dumps(france, ensure_ascii=False)


def test_the_bank_says_each_region_its_own_words() -> None:
    bank = load_bank(bundled_bank_dir())
    texts = []
    for q in bank.questions:
        texts += [q.text, q.help, *(c.label for c in q.choices), *q.wording.values()]
        texts += [q.unit] if q.unit else []
    for p in bank.platforms:
        texts += [p.name, p.note, p.space_hint] + ([p.phrase] if p.phrase else [])
    newsletter = bank.platform("newsletter").name
    assert newsletter.get("fr-FR") == "Newsletter par e-mail"
    assert newsletter.get("fr") == newsletter.get("fr-CA") == "Infolettre par courriel"
    assert newsletter.get("en") == newsletter.en
    for t in texts:
        assert foreign_words(t.get("fr-FR"), "FR") == [], t
        assert foreign_words(t.get("fr-CA"), "CA") == [], t


def test_a_regional_bank_text_is_checked(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(bundled_bank_dir(), bank)
    path = bank / "platforms.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'name.fr-FR = "Newsletter par e-mail"', 'name.fr-BE = "Lettre"'), encoding="utf-8")
    out = _coach("check-bank", str(bank))
    assert out.returncode == 2
    assert "name.fr-BE" in out.stderr + out.stdout


def test_first_of_the_month_is_1er() -> None:
    assert long_date("2026-12-01", "fr") == "1er décembre 2026"
    assert long_date("2026-12-01", "fr-FR") == "1er décembre 2026"
    assert long_date("2026-12-02", "fr") == "2 décembre 2026"
    assert long_date("2026-12-01", "en") == "December 1, 2026"
    from coach.answers import load_answers_file

    bank = load_bank(bundled_bank_dir())
    answers = load_answers_file(PERSONAS / "freelance_designer.toml", bank)
    # Reviewed 90 days after 2026-09-02: on the first of December.
    plan = build_plan(answers, bank, lang="fr-FR", tr=i18n.translator("fr-FR", "engine"),
                      today=date(2026, 9, 2))
    assert plan["review_on"] == "2026-12-01"
    out = render(plan, "text", lang="fr-FR", color=False)
    assert "1er décembre 2026" in out and " 1 décembre" not in out
    # The gate's date: 8 weeks of routine (issue 11), from 2026-10-06 the first of December.
    plan = build_plan(answers, bank, lang="fr-FR", tr=i18n.translator("fr-FR", "engine"),
                      today=date(2026, 10, 6))
    assert plan["gate"]["by"] == "2026-12-01"
    assert "1er décembre 2026" in plan["expansion_gate"]


def test_a_regional_catalog_missing_where_words_differ_fails(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE, locale, ignore=shutil.ignore_patterns("*.mo"))
    assert [p for p in problems("fr_FR", "report", extract("report"), locale)
            if "missing translation" in p] == []
    po = locale / "fr_FR" / "LC_MESSAGES" / "report.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "newsletter"', 'msgstr ""'), encoding="utf-8")
    found = problems("fr_FR", "report", extract("report"), locale)
    assert any("missing translation for 'newsletter'" in p and "infolettre" in p
               for p in found), found


def test_regional_catalogs_fall_back_on_the_common_french() -> None:
    fr, ca, fr_fr = (i18n.translator(lang, "engine") for lang in ("fr", "fr-CA", "fr-FR"))
    assert fr.gettext("the newsletter {name}") == "l’infolettre {name}"
    assert ca.gettext("the newsletter {name}") == "l’infolettre {name}"
    assert fr_fr.gettext("the newsletter {name}") == "la newsletter {name}"
    # A phrase written once (no regional entry) is the same everywhere.
    assert fr_fr.gettext("the space you choose") == fr.gettext("the space you choose")
    assert fr_fr.ngettext("{n} client or contract won", "{n} clients or contracts won",
                          2) == "{n} clients ou missions obtenus"


def test_html_prints_on_the_regions_paper() -> None:
    path = PERSONAS / "freelance_designer.toml"
    for lang, size in (("fr-FR", "A4"), ("fr-CA", "Letter"), ("fr", "Letter"),
                       ("en", "Letter")):
        page = _coach("--lang", lang, "plan", "--answers", str(path), "--format",
                      "html").stdout
        assert f"@page {{ size: {size};" in page, lang
        assert f'<html lang="{lang}">' in page


def test_a_client_in_france_gets_reports_in_french_of_france(tmp_path: Path) -> None:
    data = tmp_path / "ws"
    answers = str(PERSONAS / "accountant_consultant_client.toml")
    assert _coach("--lang", "fr-CA", "plan", "--answers", answers, "--client", "Lyon",
                  data=data).returncode == 0
    assert _coach("clients", "--set-lang", "Lyon", "fr-FR", data=data).returncode == 0
    assert json.loads(_coach("clients", "--format", "json", data=data).stdout)[0]["lang"] \
        == "fr-FR"
    # A new plan for that client speaks the client's French, so do its reports (the
    # consultant's own system speaks Québec French; only --lang would win).
    made = _coach("plan", "--answers", answers, "--client", "Lyon", data=data,
                  lang_env="fr_CA.UTF-8")
    assert "demandes de devis" in made.stdout and "soumission" not in made.stdout
    report = _coach("report", "Lyon", "--format", "html", data=data, lang_env="fr_CA.UTF-8")
    assert "@page { size: A4;" in report.stdout and "demandes de devis" in report.stdout
    # --lang on the command line still wins.
    assert "@page { size: Letter;" in _coach("--lang", "en", "report", "Lyon", "--format",
                                             "html", data=data).stdout
    bad = _coach("clients", "--set-lang", "Lyon", "de", data=data)
    assert bad.returncode == 2 and "'de'" in bad.stderr
    assert _coach("clients", "--set-lang", "Lyon", "none", data=data).returncode == 0
    assert json.loads(_coach("clients", "--format", "json", data=data).stdout)[0]["lang"] \
        is None


def test_quick_mode_asks_in_the_regions_words() -> None:
    """Quick mode words its questions through the same bank texts (coach.quick.wording)."""
    import sys as _sys

    _sys.path.insert(0, str(Path(__file__).parent))
    from quick_driver import Keys

    bank = load_bank(bundled_bank_dir())
    france, quebec = Keys(bank, "fr-FR"), Keys(bank, "fr-CA")
    assert "newsletter" in france.text("reason", "newsletter")
    assert "infolettre" in quebec.text("reason", "newsletter")
    nonprofit = {"profile": {"kind": "nonprofit"}}
    assert "subvention" in france.text("won", "linkedin", nonprofit)
    assert "missions" in france.text("won", "linkedin")
    assert "mandats" in quebec.text("won", "linkedin")


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdfinfo") is None,
                    reason="needs headless Chromium and pdfinfo (poppler-utils)")
@pytest.mark.parametrize(("lang", "size"), [("en", "letter"), ("fr-FR", "A4")])
def test_a_three_platform_plan_prints_on_the_regions_paper_with_no_empty_last_page(
        tmp_path: Path, lang: str, size: str) -> None:
    """Printed as a browser prints it: the region's paper, and two pages (it took four,
    the last nearly empty; then three, the last a fifth full)."""
    page = tmp_path / "plan.html"
    out = _coach("--lang", lang, "plan", "--answers", str(PERSONAS / "freelance_designer.toml"),
                 "--format", "html", "-o", str(page))
    assert out.returncode == 0, out.stderr
    pdf = tmp_path / "plan.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", str(page)],
                   capture_output=True, timeout=180, check=False)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
    assert pages == 2, info
    assert f"({size})" in info, info
    # The last page holds part of the plan, not only the footer that slid over.
    last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), "-layout",
                           str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    assert len([line for line in last.splitlines() if line.strip()]) >= 6, last
