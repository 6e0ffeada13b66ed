"""A 0-100 score per platform, as a sum of named factors the plan shows.

Each factor is rounded to whole points, so the factors add up exactly to the score;
when the sum falls outside 0..100 a "clamp" factor says by how much it was cut.
Every factor is monotonic in what it reads (more results never lower a score, more
hours with no result never raise it), which the property tests check. Evidence is the
return (results over the square root of the hours), cost the results per hour.
"""

from __future__ import annotations

from coach.engine.facts import Facts
from coach.engine.rules import Rules

# Factor names, in the order they are listed in a plan.
FACTORS: tuple[str, ...] = ("evidence", "audience", "practice", "know_who", "editorial_line",
                            "measures", "fit", "cost")


def _saturate(value: float, half: float) -> float:
    """0 at 0, 1/2 at `half`, approaching 1: the first results count most."""
    if value <= 0:
        return 0.0
    if value == float("inf"):
        return 1.0
    return value / (value + half)


def factors(f: Facts, rules: Rules) -> dict[str, float]:
    s = rules.score
    practice = 0.0
    if "conversation" in f.practices:
        practice += s.conversation
    elif "broadcast" in f.practices and not f.owned:
        # One-way posting on a network; on one's own blog or newsletter, publishing
        # is the point of the channel.
        practice += s.broadcast_only
    if "monitoring" in f.practices:
        practice += s.monitoring
    if "browsing" in f.practices:
        practice += s.browsing
    if "ads" in f.practices:
        practice += s.ads

    if f.action_measures:
        measures = s.action_measures
    elif f.vanity_measures:
        measures = s.vanity_only
    else:
        measures = 0.0

    if f.evidence > 0:
        cost = s.efficiency_max * _saturate(f.rate, s.efficiency_half)
    else:
        cost = -min(s.idle_penalty_max, s.idle_hour_penalty * f.hours)

    raw = {
        # The return: results for the hours they cost (see Facts.ret).
        "evidence": s.evidence_max * _saturate(f.ret, s.evidence_half),
        "audience": s.audience_max * f.audience_share,
        "practice": practice,
        "know_who": s.know_who if f.know_who else s.know_who_missing,
        "editorial_line": s.editorial_line if f.editorial_line else 0.0,
        "measures": measures,
        "fit": s.fit if f.fits_market else 0.0,
        "cost": cost,
    }
    # Whole points: the factors then add up exactly to the score shown.
    return {name: float(round(raw[name])) + 0.0 for name in FACTORS}


def score(points: dict[str, float]) -> tuple[int, dict[str, float]]:
    """The score within 0..100 and the factors, with a "clamp" entry when it was cut."""
    total = int(sum(points.values()))
    clamped = min(max(total, 0), 100)
    out = dict(points)
    if clamped != total:
        out["clamp"] = float(clamped - total)
    return clamped, out
