"""User text is data in every format: no live markup, tags, links or escape sequences.

Names and answers hold Rich markup, HTML, Markdown links and terminal escapes; every
rendering must show the visible text and nothing the reader's tool would act on.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from report_fixtures import FREELANCER_EN, variant

from coach.report import render, render_comparison

EVIL = {
    "bold": "[bold]Big[/bold]",
    "link": "[link=http://x]clickme[/link]",
    "close": "Half [/ closed",
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "osc_title": "Before\x1b]0;pwn\x07After",
    "osc_link": "\x1b]8;;http://evil\x1b\\Visit\x1b]8;;\x1b\\",
    "md_link": "[click](http://evil)",
}
ALL = " ".join(EVIL.values())


def evil_plan(payload: str = ALL) -> dict:
    plan = variant(FREELANCER_EN, client="Acme " + payload)
    plan["platforms"][0]["why"] = "Why " + payload
    plan["platforms"][0]["name"] = "LinkedIn " + EVIL["script"]
    plan["platforms"][1]["explanation"] = "Expl " + payload
    plan["focus"]["space"]["name"] = "Space " + payload
    plan["focus"]["reasons"] = ["Reason " + payload]
    plan["warnings"][0]["message"] = "Msg " + payload
    plan["warnings"][0]["instead"] = "Instead " + payload
    plan["routine"] = ["Routine " + payload, "# heading | cell * star _u_ `tick`"]
    plan["track"] = ["Track " + payload]
    plan["expansion_gate"] = "Gate " + payload
    plan["confidence_note"] = "Note " + payload
    return plan


FORMATS = ["text", "md", "html", "json"]


def rendered(fmt: str, lang: str = "en") -> str:
    return render(evil_plan(), fmt, lang=lang, notes="Notes " + ALL, color=False)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_control_characters_anywhere(fmt: str, lang: str) -> None:
    out = rendered(fmt, lang)
    assert "\x1b" not in out and "\x07" not in out
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)


def test_text_shows_markup_literally() -> None:
    out = rendered("text")
    flat = " ".join(out.split())  # words may wrap across lines
    for piece in ("[bold]Big[/bold]", "[link=http://x]clickme[/link]", "Half [/ closed",
                  "<script>alert(1)</script>", "[click](http://evil)", "Before]0;pwnAfter"):
        assert piece in flat, piece


def test_text_with_colour_still_treats_user_text_as_data() -> None:
    """Even with ANSI styling on, user text adds no escape sequence of its own."""
    out = render(evil_plan(), "text", lang="en", color=True)
    assert "\x1b[" in out  # styled output...
    assert "\x1b]" not in out and "\x07" not in out  # ...but no OSC title/hyperlink
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "[bold]Big[/bold]" in " ".join(plain.split())


def test_html_escapes_everything() -> None:
    out = rendered("html")
    assert "<script" not in out.lower()
    assert "<img" not in out.lower()
    assert "onerror=alert" not in out.replace("onerror=alert(1)&gt;", "")  # only as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "[click](http://evil)" in out  # visible, not a link
    assert "<a " not in out and "href" not in out
    # The whole page is well-formed once the doctype is dropped: no tag was injected.
    body = out.split("\n", 1)[1].replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>")
    body = re.sub(r"(<meta [^>]*[^/])>", r"\1/>", body).replace("<br>", "<br/>")
    ET.fromstring(body)


def test_markdown_has_no_live_html_links_or_emphasis() -> None:
    out = rendered("md")
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "](http" not in out.replace("\\](http", "")  # every link bracket is escaped
    assert "\\[click\\](http://evil)" in out
    assert "\\[bold\\]Big\\[/bold\\]" in out
    # A routine line that would become a heading / break a table / emphasis stays text.
    assert "2. \\# heading \\| cell \\* star \\_u\\_ \\`tick\\`" in out
    for line in out.splitlines():
        if line.startswith("|"):  # table rows keep their column count
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (4, 8), line


def test_markdown_escapes_line_starts() -> None:
    plan = variant(FREELANCER_EN, track=["# not a heading", "- not a list", "1. not a list",
                                         "> not a quote", "=== not a rule"])
    out = render(plan, "md", lang="en")
    for expected in ("- \\# not a heading", "- \\- not a list", "- 1\\. not a list",
                     "- &gt; not a quote", "- \\=== not a rule"):
        assert expected in out


def test_json_keeps_text_but_not_control_characters() -> None:
    data = json.loads(rendered("json"))
    assert data["client"] == "Acme " + " ".join(
        v.replace("\x1b", "").replace("\x07", "") for v in EVIL.values())
    assert "<script>alert(1)</script>" in data["platforms"][0]["why"]
    assert data["notes"].startswith("Notes [bold]")


@pytest.mark.parametrize("fmt", FORMATS)
def test_comparison_is_safe_too(fmt: str) -> None:
    out = render_comparison(FREELANCER_EN, evil_plan(), fmt, lang="en", color=False)
    assert "\x1b" not in out and "\x07" not in out
    if fmt in ("html", "md"):
        assert "<script" not in out and "<img" not in out
    assert "clickme" in out


def test_markdown_rendered_by_a_commonmark_parser_stays_inert() -> None:
    """Parse the Markdown as a renderer would (HTML allowed): user text adds no tag at all."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    evil = md.render(rendered("md"))
    plain = md.render(render(evil_plan("harmless words"), "md", lang="en",
                             notes="Notes harmless words"))
    assert not re.search(r"<(script|img|a |iframe)", evil)

    def tags(html: str) -> dict[str, int]:
        found: dict[str, int] = {}
        for tag in re.findall(r"<([a-z0-9]+)[ >]", html):
            found[tag] = found.get(tag, 0) + 1
        return found

    # Same structure (tables, rows, cells, emphasis) with or without hostile text.
    assert tags(evil) == tags(plain)
    assert tags(evil)["table"] == 2
    assert tags(evil)["tr"] == 1 + len(FREELANCER_EN["platforms"]) + 1 + 5
