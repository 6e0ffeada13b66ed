"""The full-screen app in French of France, and its words for who uses it (Pilot)."""

from __future__ import annotations

from pathlib import Path

from tui_driver import new_app, next_step, screen_text, settle, step, welcome, widget_text

from coach.i18n_regions import foreign_words

LUNE = {"kind": "freelancer", "market": "b2b", "goal": "clients",
        "weekly_budget_hours": 3}


def _with_rows(app) -> str:  # type: ignore[no-untyped-def]
    """Every widget's text, the platform grid's row labels included."""
    from textual.widgets import Checkbox

    return widget_text(app) + "\n" + "\n".join(str(c.label)
                                               for c in app.screen.query(Checkbox))


async def _to_inventory(pilot, app) -> None:  # type: ignore[no-untyped-def]
    from tui_driver import answer

    for qid, value in LUNE.items():
        await answer(pilot, qid, value)
    await answer(pilot, "audiences", ["clients"])
    await next_step(pilot)
    assert step(app) == "inventory"


async def test_french_of_france_in_the_app_and_back_to_quebec(workspace: Path) -> None:
    app = new_app(workspace, "fr-FR")
    async with app.run_test(size=(120, 40)) as pilot:
        await welcome(pilot, lang="fr-FR", role="freelancer", name="Atelier Lune")
        assert app.voice.lang == "fr-FR"          # the welcome kept the region
        assert "À propos de vous" in screen_text(app)   # a freelancer assesses themself
        await _to_inventory(pilot, app)
        shown = _with_rows(app)
        assert "Newsletter par e-mail" in shown and "Infolettre" not in shown
        assert foreign_words(shown, "FR") == []
        # The palette offers the other French; its words follow at once.
        await app.run_action("set_language('fr-CA')")
        await settle(pilot)
        shown = _with_rows(app)
        assert "Infolettre par courriel" in shown and "Newsletter par e-mail" not in shown
        assert foreign_words(shown, "CA") == []

    from coach.store import Workspace

    assert Workspace.open(workspace).get_setting("lang") == "fr-CA"


async def test_someone_assessing_themselves_is_nobodys_client(workspace: Path) -> None:
    app = new_app(workspace, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await welcome(pilot, lang="en", role="nonprofit", name="Banque alimentaire")
        assert "About you" in screen_text(app)
        footer = {ab.binding.description for ab in app.screen.active_bindings.values()
                  if ab.binding.show}
        assert "History" in footer and "Client page" not in footer
        await pilot.press("f2")                   # the history page, then home
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        shown = widget_text(app)
        assert "Your assessments" in shown and "Clients" not in shown


async def test_a_consultants_client_is_the_client(workspace: Path) -> None:
    app = new_app(workspace, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await welcome(pilot, lang="fr", role="consultant", name="Atelier Lune")
        shown = screen_text(app)
        assert "À propos du client" in shown and "À propos de vous" not in shown
