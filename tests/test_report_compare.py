"""Comparisons say exactly what changed: hours, focus, verdicts, warnings, results."""

from __future__ import annotations

import json

from report_fixtures import FREELANCER_EN, variant

from coach.report import render_comparison


def test_changed_hour_figure_shown_with_its_delta() -> None:
    old = variant(FREELANCER_EN)
    old["time"]["budget"] = 5.0
    out = render_comparison(old, FREELANCER_EN, "text", lang="en", color=False)
    budget = next(line for line in out.splitlines() if line.strip().startswith("Budget"))
    assert budget.split() == ["Budget", "5", "h", "3", "h", "−2", "h"]
    # Every other hour figure is reported unchanged.
    for label in ("Professional platforms", "Personal platforms", "Freed by this plan"):
        line = next(x for x in out.splitlines() if x.strip().startswith(label))
        assert line.rstrip().endswith("unchanged"), line


def test_identical_plans_change_nothing() -> None:
    data = json.loads(render_comparison(FREELANCER_EN, FREELANCER_EN, "json", lang="en"))
    assert not data["focus_changed"]
    assert not any(c["changed"] for c in data["time"] + data["verdicts"] + data["results"])
    assert data["warnings_gone"] == [] and data["warnings_new"] == []
    assert len(data["warnings_kept"]) == len(FREELANCER_EN["warnings"])


def test_changed_focus() -> None:
    old = variant(FREELANCER_EN, focus={"platform": "instagram", "space": None, "reasons": []})
    md = render_comparison(old, FREELANCER_EN, "md", lang="en")
    assert "Instagram → **LinkedIn · group “Mauricie Small Business Owners”**" in md
    assert "The focus changed." in md
    fr = render_comparison(old, FREELANCER_EN, "text", lang="fr", color=False)
    assert "La priorité a changé." in fr


def test_warnings_gone_and_new() -> None:
    old = variant(FREELANCER_EN, warnings=[
        FREELANCER_EN["warnings"][0],   # TIME_SINK on instagram: still there
        {"code": "AIMLESS_BROWSING", "severity": "warning", "platform": "x",
         "message": "You scroll X with no one in mind."},
    ])
    data = json.loads(render_comparison(old, FREELANCER_EN, "json", lang="en"))
    assert [(w["code"], w["platform"]) for w in data["warnings_gone"]] == [
        ("AIMLESS_BROWSING", "X")]
    assert sorted(w["code"] for w in data["warnings_new"]) == [
        "OVER_BUDGET", "SPREAD_THIN", "VANITY_METRICS"]
    assert [w["code"] for w in data["warnings_kept"]] == ["TIME_SINK"]
    html = render_comparison(old, FREELANCER_EN, "html", lang="en")
    gone = html.split("Warnings gone", 1)[1].split("New warnings", 1)[0]
    assert "Aimless browsing" in gone and "Over budget" not in gone
    assert "AIMLESS_BROWSING" not in html and "OVER_BUDGET" not in html


def test_same_warning_code_on_another_platform_is_new() -> None:
    old = variant(FREELANCER_EN)
    old["warnings"][0] = dict(old["warnings"][0], platform="x")
    data = json.loads(render_comparison(old, FREELANCER_EN, "json", lang="en"))
    assert ("TIME_SINK", "Instagram") in [(w["code"], w["platform"]) for w in data["warnings_new"]]
    assert ("TIME_SINK", "X") in [(w["code"], w["platform"]) for w in data["warnings_gone"]]


def test_verdicts_and_results_per_platform() -> None:
    old = variant(FREELANCER_EN)
    old["platforms"][2]["verdict"] = "keep"
    old["platforms"][0]["results_90d"] = {"inquiries": 1, "won": 1}
    old["platforms"] = old["platforms"][:-1]            # Facebook not there before
    data = json.loads(render_comparison(old, FREELANCER_EN, "json", lang="en"))
    v = {c["label"]: c for c in data["verdicts"]}
    assert v["Instagram"]["old"] == "Keep · 4\u00a0h"          # no-break: "4" and "h" stay
    assert v["Instagram"]["new"] == "Reduce · 4\u00a0h"        # on one line
    assert v["Instagram"]["changed"]
    assert v["Facebook"]["old"] == "absent" and v["Facebook"]["changed"]
    assert not v["Newsletter"]["changed"]
    r = {c["label"]: c for c in data["results"]}
    assert (r["LinkedIn · Inquiries"]["old"], r["LinkedIn · Inquiries"]["new"],
            r["LinkedIn · Inquiries"]["delta"]) == ("1", "3", "+2")
    assert not r["LinkedIn · Clients won"]["changed"]
    assert r["LinkedIn · Site visits"]["delta"] == "+40"
