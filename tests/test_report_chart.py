"""The HTML report's SVG chart: bars proportional to hours, a budget line, the results."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from report_fixtures import FOODBANK_FR, FREELANCER_EN, minimal_plan, variant

from coach.report import render

SVG = "{http://www.w3.org/2000/svg}"


def chart_of(plan: dict, lang: str = "en") -> ET.Element:
    page = render(plan, "html", lang=lang)
    match = re.search(r"<svg .*?</svg>", page, re.S)
    assert match, "the HTML report has an inline SVG chart"
    return ET.fromstring(match.group(0))


def bars(svg: ET.Element) -> dict[str, float]:
    return {r.get("data-platform"): float(r.get("width"))
            for r in svg.iter(f"{SVG}rect") if r.get("class") == "bar"}


@pytest.mark.parametrize(("plan", "lang"), [(FREELANCER_EN, "en"), (FOODBANK_FR, "fr")])
def test_bars_are_proportional_to_hours(plan: dict, lang: str) -> None:
    svg = chart_of(plan, lang)
    widths = bars(svg)
    hours = {p["platform"]: p["hours"] for p in plan["platforms"]}
    assert set(widths) == set(hours)
    ref = max(hours, key=hours.get)
    for pid, h in hours.items():
        assert widths[pid] == pytest.approx(widths[ref] * h / hours[ref], abs=0.02), pid


def test_budget_line_on_the_same_scale() -> None:
    svg = chart_of(FREELANCER_EN)
    rects = {r.get("data-platform"): r for r in svg.iter(f"{SVG}rect")
             if r.get("class") == "bar"}
    budget = next(line for line in svg.iter(f"{SVG}line") if line.get("class") == "budget")
    x0 = float(rects["linkedin"].get("x"))
    per_hour = float(rects["instagram"].get("width")) / 4.0       # Instagram: 4 h
    assert float(budget.get("x1")) - x0 == pytest.approx(3.0 * per_hour, abs=0.02)  # budget 3 h
    assert budget.get("data-hours") == "3"


def test_stacked_total_adds_up() -> None:
    svg = chart_of(FREELANCER_EN)
    segs = [float(r.get("width")) for r in svg.iter(f"{SVG}rect") if r.get("class") == "segment"]
    widths = bars(svg)
    assert sum(segs) == pytest.approx(sum(widths.values()), abs=0.1)


def test_results_and_recommended_hours_shown() -> None:
    svg = chart_of(FREELANCER_EN)
    texts = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "results"]
    assert "3 inquiries, 1 client won, 40 site visits" in texts
    ticks = [float(x.get("data-hours")) for x in svg.iter(f"{SVG}line")
             if x.get("class") == "recommended"]
    assert 2.0 in ticks and 0.5 in ticks


def test_chart_survives_zero_hours_and_huge_numbers() -> None:
    svg = chart_of(minimal_plan())            # zero budget, zero hours
    assert all(w == 0 for w in bars(svg).values())
    big = variant(FREELANCER_EN)
    big["platforms"][0]["hours"] = 168.0
    big["time"]["budget"] = 168.0
    widths = bars(chart_of(big))
    assert widths["linkedin"] / widths["instagram"] == pytest.approx(168 / 4, rel=1e-3)
    assert max(widths.values()) < 680


def test_long_platform_names_fit_in_the_label_column() -> None:
    """A name drawn right-aligned must not start left of the picture (it was cut)."""
    from coach.report.chart import LABEL_CHAR_W

    plan = variant(FOODBANK_FR)
    plan["platforms"][0]["name"] = "Forum des ébénistes du Québec et des environs"
    svg = chart_of(plan, "fr")
    labels = [t for t in svg.iter(f"{SVG}text") if (t.get("class") or "").startswith("label")]
    assert labels
    for t in labels:
        shown = t.text or ""
        assert len(shown) * LABEL_CHAR_W <= float(t.get("x")), shown
    assert labels[0].text == "Toutes les plateformes"           # the total row, not cut
    first = labels[1]
    assert first.text.endswith("…") and first.text.startswith("Forum des ébénistes")
    assert first.find(f"{SVG}title").text == "Forum des ébénistes du Québec et des environs"


def test_segment_tooltips_follow_french_typography() -> None:
    svg = chart_of(FOODBANK_FR, "fr")
    titles = [r.find(f"{SVG}title").text for r in svg.iter(f"{SVG}rect")
              if r.get("class") == "segment"]
    assert titles and all("\u00a0: " in t for t in titles), titles


@pytest.mark.parametrize(("plan", "lang"), [(FREELANCER_EN, "en"), (FOODBANK_FR, "fr"),
                                            (variant(FREELANCER_EN, time={
                                                **FREELANCER_EN["time"], "budget": 1.5}),
                                             "en")])
def test_the_budget_line_never_runs_through_a_label(plan: dict, lang: str) -> None:
    """Figures and results sit on the budget line's path: the line stops short of each
    (its segments leave a gap over every label it would cross)."""
    svg = chart_of(plan, lang)
    segments = [(float(line.get("x1")), float(line.get("y1")), float(line.get("y2")))
                for line in svg.iter(f"{SVG}line") if line.get("class") == "budget"]
    assert segments
    x = segments[0][0]
    crossed = 0
    for label in svg.iter(f"{SVG}text"):
        if label.get("class") not in ("value", "value total", "results"):
            continue
        left, base = float(label.get("x")), float(label.get("y"))
        width = len("".join(label.itertext())) * (6.8 if label.get("class") == "results"
                                                  else 7.5)
        if not left <= x <= left + width:
            continue
        crossed += 1
        for _x, y1, y2 in segments:   # the glyphs span about base-11 .. base+3
            assert y2 <= base - 11 or y1 >= base + 3, (label.get("class"), base, y1, y2)
    assert crossed, "the budget line crosses at least one label in these plans"
