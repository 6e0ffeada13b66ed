"""Property tests: any text in any user field renders, stays inert and loses its controls."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_fixtures import FREELANCER_EN, variant

from coach.report import render
from coach.report.model import one_line

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TAG = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)")
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


def plan_with(text: str, hours: float) -> dict:
    plan = variant(FREELANCER_EN, client=text, expansion_gate=text)
    plan["platforms"][0]["why"] = text
    plan["platforms"][0]["hours"] = hours
    plan["focus"]["space"]["name"] = text
    plan["warnings"][0]["instead"] = text
    plan["routine"] = [text]
    return plan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=words, hours=st.floats(min_value=0, max_value=168, allow_nan=False))
def test_any_text_renders_inert_in_every_format(text: str, hours: float) -> None:
    # Empty (or only control/space) text leaves optional parts out: compare like with like.
    stand_in = "word" if one_line(text) else ""
    plain = plan_with(stand_in, hours)
    for fmt in ("text", "md", "html", "json"):
        out = render(plan_with(text, hours), fmt, lang="fr", notes=text, color=False)
        assert not CONTROL.search(out.replace("\n", "").replace("\t", ""))
        if fmt == "html":
            # The page's tags are the same whatever the user typed.
            ref = render(plain, fmt, lang="fr", notes=stand_in, color=False)
            assert TAG.findall(out) == TAG.findall(ref)
