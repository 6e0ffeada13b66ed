"""French typography in the TUI: a no-break space before « : ; ? ! » and inside « »,
in every French message of the tui catalog and every French help page.

A plain space would let the terminal wrap a line just before the colon; no space
at all ("au fur et à mesure; quittez") is an English habit.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1] / "coach"
PO = ROOT / "locale" / "fr" / "LC_MESSAGES" / "tui.po"
HELP = ROOT / "tui" / "help" / "fr"
NBSP = "\u00a0\u202f"

BAD = re.compile(rf"(?<![{NBSP}])[;:?!»]|«(?![{NBSP}])")


def _prose(text: str) -> str:
    """What the rule applies to: without URLs, times (10:30) and key names (ctrl+q)."""
    text = re.sub(r"\w+://\S+", "", text)
    text = re.sub(r"\b\d{1,2}:\d{2}\b", "", text)
    return re.sub(r"\b(?:ctrl|alt|shift|maj)\+\S+", "", text, flags=re.I)


def _problems(text: str, where: str) -> list[str]:
    return [f"{where}: …{text[max(0, m.start() - 25):m.end() + 5]!r}"
            for m in BAD.finditer(_prose(text))]


def test_french_tui_messages_space_their_punctuation() -> None:
    problems = []
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, list | tuple) else [
            message.string]
        for text in strings:
            problems += _problems(text, str(message.id if isinstance(message.id, str)
                                            else message.id[0]))
    assert not problems, "\n".join(problems)


def test_french_help_pages_space_their_punctuation() -> None:
    pages = sorted(HELP.glob("*.md"))
    assert pages
    problems = []
    for page in pages:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            problems += _problems(line, f"{page.name}:{number}")
    assert not problems, "\n".join(problems)


def test_the_check_catches_the_english_habit() -> None:
    assert _problems("au fur et à mesure; quittez", "x")
    assert _problems("Langue : français", "x")          # a plain space may wrap
    assert _problems("« Autre »", "x")
    assert not _problems("Langue\u00a0: français · ctrl+q à 10:30 https://x.org/a?b", "x")


async def test_french_preview_says_its_problems_in_french(workspace: Path) -> None:
    """The live plan preview of a French TUI: its draft's problems in French (they were
    English: `draft: profile.audiences: name at least one audience`), and in English
    after switching language from the palette."""
    import copy

    from textual.widgets import Static

    from coach.store import Workspace
    from tests.test_tui_snapshots import LUNE
    from tests.tui_driver import new_app, settle, static_text

    ws = Workspace.open(workspace)
    client = ws.create_client("Atelier Lune")
    for key, value in (("role", "consultant"), ("lang", "fr"), ("tui.client", client)):
        ws.set_setting(key, value)
    draft = copy.deepcopy(LUNE)
    draft["profile"]["audiences"] = []
    ws.save_draft(client, draft, {"step": "plan"})

    app = new_app(workspace, "fr")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        shown = static_text(app.screen.query_one("#plan-problems", Static))
        assert "draft: profile.audiences: nommez au moins un public" in shown
        assert "name at least one audience" not in shown
        await app.run_action("set_language('en')")
        await settle(pilot)
        shown = static_text(app.screen.query_one("#plan-problems", Static))
        assert "draft: profile.audiences: name at least one audience" in shown


def test_wrapped_french_never_starts_a_line_with_its_punctuation() -> None:
    """Textual wraps at any whitespace, the no-break space too: coach's TUI keeps it
    inside the word (coach.tui.app), so no line starts with a lone ":" or "?"."""
    from textual.content import Content

    import coach.tui.app  # noqa: F401  (what importing the TUI changes)

    texts = []
    for domain in ("tui", "engine"):
        with (PO.parent / f"{domain}.po").open("rb") as handle:
            for message in read_po(handle):
                strings = message.string if isinstance(message.string, list | tuple) else [
                    message.string]
                texts += [t for t in strings if t and re.search(rf"[{NBSP}][:?!;»]", t)]
    assert len(texts) > 20
    lone = re.compile(r"^\s*[:?!;»]")
    for text in texts:
        # Narrower than its longest word, a line can only be cut inside a word.
        longest = max(len(word) for word in re.split(r"[ \t\n]+", text))
        for width in range(max(12, longest), 81, 3):
            for line in Content(text).wrap(width):
                assert not lone.match(line.plain), (width, line.plain, text)
