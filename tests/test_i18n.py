"""Every UI string exists in French and English; catalogs match the source."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import babel.messages.catalog
import pytest

from coach import i18n, i18n_catalogs
from coach.i18n_catalogs import (
    LOCALE,
    CatalogMissing,
    build,
    compile_catalogs,
    compile_mo,
    extract,
    load_po,
    problems,
)


@pytest.mark.parametrize("domain", sorted(i18n.DOMAINS))
@pytest.mark.parametrize("lang", i18n.CATALOGS)
def test_catalog_complete_and_compiled(lang: str, domain: str) -> None:
    assert problems(lang, domain, extract(domain)) == []


@pytest.mark.parametrize("domain", sorted(d for d in i18n.DOMAINS if extract(d)))
def test_french_catalog_actually_translates(domain: str) -> None:
    """At least most French strings differ from the English msgid (not copied over)."""
    found = extract(domain)
    tr = i18n.translator("fr", domain)
    singles = [k for k in found if isinstance(k, str)]
    same = [k for k in singles if tr.gettext(k) == k]
    # Short labels like "Options" or "Instagram" can legitimately be identical.
    assert len(same) <= max(3, len(singles) // 5), same


def test_resolve_lang_order(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"COACH_LANG": "fr", "LANG": "en_US.UTF-8"}
    assert i18n.resolve_lang("en", env) == "en"
    assert i18n.resolve_lang(None, env) == "fr"
    assert i18n.resolve_lang(None, {"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US"}) == "fr-CA"
    assert i18n.resolve_lang(None, {"LANG": "fr_FR.UTF-8"}) == "fr-FR"
    assert i18n.resolve_lang(None, {"LANG": "fr_BE.UTF-8"}) == "fr-FR"   # Europe's words
    assert i18n.resolve_lang(None, {"LANG": "fr.UTF-8"}) == "fr"
    assert i18n.resolve_lang(None, {"COACH_LANG": "FR-fr"}) == "fr-FR"
    assert i18n.resolve_lang("fr-CA", {}) == "fr-CA"
    assert i18n.resolve_lang(None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.resolve_lang(None, {}) == "en"
    with pytest.raises(i18n.UnknownLanguage):
        i18n.resolve_lang("de", {})


def test_missing_catalog_is_loud() -> None:
    with pytest.raises(i18n.UnknownLanguage):
        i18n.translator("de", "cli")


# -- compiled catalogs are compared as messages, and built, never committed ---------------

def _locale_copy(tmp_path: Path) -> Path:
    """This checkout's .po files (no .mo) in a folder of their own."""
    locale = tmp_path / "coach" / "locale"
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
        target = locale / po.relative_to(LOCALE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(po, target)
    return locale


def test_another_babel_release_is_not_a_stale_catalog(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The bug this replaces: .mo bytes differed only by `Generated-By: Babel 2.18.0`."""
    locale = _locale_copy(tmp_path)
    monkeypatch.setattr(babel.messages.catalog, "VERSION", "0.0.1-elsewhere")
    written = compile_catalogs(locale)
    monkeypatch.undo()
    mo = locale / "fr" / "LC_MESSAGES" / "cli.mo"
    assert mo in written and b"Babel 0.0.1-elsewhere" in mo.read_bytes()
    assert problems("fr", "cli", extract("cli"), locale) == []
    # ... and compiling again with today's Babel leaves those files alone.
    assert compile_catalogs(locale) == []


def test_a_compiled_catalog_saying_something_else_is_caught(tmp_path: Path) -> None:
    locale = _locale_copy(tmp_path)
    compile_catalogs(locale)
    cat = load_po("fr", "cli", locale)
    changed = cat.get("Usage:")
    assert changed is not None
    changed.string = "Mode d’emploi :"
    mo = locale / "fr" / "LC_MESSAGES" / "cli.mo"
    mo.write_bytes(compile_mo(cat))
    found = problems("fr", "cli", extract("cli"), locale)
    assert len(found) == 1 and "'Usage:'" in found[0] and "Mode d’emploi" in found[0], found
    # The compiler sees it too, and rewrites exactly that file.
    assert compile_catalogs(locale) == [mo]
    assert problems("fr", "cli", extract("cli"), locale) == []


def test_plural_forms_are_ours_not_babels(tmp_path: Path) -> None:
    """Babel 2.19's CLDR data gives French three plural forms; our catalogs have two
    translations per plural, so the tool pins GNU gettext's rules and the check holds them."""
    assert i18n_catalogs.PLURAL_FORMS["fr"] == "nplurals=2; plural=(n > 1);"
    for domain in i18n.DOMAINS:
        assert build("fr", domain, extract(domain)).plural_forms == \
            i18n_catalogs.PLURAL_FORMS["fr"]
    locale = _locale_copy(tmp_path)
    po = locale / "fr" / "LC_MESSAGES" / "cli.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        "nplurals=2; plural=(n > 1);", "nplurals=3; plural=(n == 0 || n == 1) ? 0 : 2;"),
        encoding="utf-8")
    compile_catalogs(locale)
    found = problems("fr", "cli", extract("cli"), locale)
    assert any("plural forms are" in p for p in found), found
    assert any("missing translation" in p for p in found), found  # two strings, three forms
    # A .mo compiled under other plural rules than its .po is caught as well.
    other = load_po("fr", "cli", locale)
    other.mime_headers = [("Plural-Forms", "nplurals=2; plural=(n != 1);")]
    (locale / "fr" / "LC_MESSAGES" / "cli.mo").write_bytes(compile_mo(other))
    assert any("compiled .mo has plural forms" in p
               for p in problems("fr", "cli", extract("cli"), locale))


def test_french_plurals_follow_french_rules() -> None:
    """Zero and one take the singular in French (the compiled catalog says so)."""
    tr = i18n.translator("fr", "cli")
    args = ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})")
    assert tr.ngettext(*args, 0) == tr.ngettext(*args, 1) != tr.ngettext(*args, 2)


def test_a_missing_catalog_stops_compiling(tmp_path: Path) -> None:
    locale = _locale_copy(tmp_path)
    (locale / "fr" / "LC_MESSAGES" / "quick.po").unlink()
    with pytest.raises(CatalogMissing, match=r"fr/LC_MESSAGES/quick\.po: missing"):
        compile_catalogs(locale)
    assert problems("fr", "quick", extract("quick"), locale) == [
        "locale/fr/LC_MESSAGES/quick.po: missing (run python -m coach.i18n_catalogs)"]


def test_a_missing_compiled_catalog_is_loud(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """No .mo (a checkout nobody compiled, a broken wheel): an error, never English."""
    monkeypatch.setattr(i18n, "LOCALE_DIR", _locale_copy(tmp_path))
    with pytest.raises(FileNotFoundError):
        i18n.translator.__wrapped__("fr", "cli")


# Every language has every domain (a domain added by a new part of coach counts too).
ALL = len(i18n.CATALOGS) * len(i18n.DOMAINS)
SUMMARY = (f"{ALL} catalogs ({', '.join(i18n.CATALOGS)} x {len(i18n.DOMAINS)} domains) "
           "complete")


def test_catalog_tool_says_what_it_does(tmp_path: Path) -> None:
    """`python -m coach.i18n_catalogs`, run on a copy of the package: on unchanged sources
    it changes nothing and says so; otherwise it names every file it wrote."""
    copy = tmp_path / "src"
    shutil.copytree(LOCALE.parent, copy / "coach",
                    ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {**os.environ, "PYTHONPATH": str(copy)}

    def tool(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "coach.i18n_catalogs", *args],
                              capture_output=True, text=True, cwd=copy, env=env, timeout=120,
                              check=False)

    check = tool("--check")       # writes nothing: the .mo are still missing
    assert check.returncode == 1 and "cli.po: compiled .mo is missing" in check.stdout
    assert not list(copy.glob("coach/locale/*/LC_MESSAGES/*.mo"))
    built = tool("--compile")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "wrote coach/locale/fr/LC_MESSAGES/cli.mo" in built.stdout
    assert len(list(copy.glob("coach/locale/*/LC_MESSAGES/*.mo"))) == ALL
    before = {p: p.read_bytes() for p in copy.glob("coach/locale/*/LC_MESSAGES/*")}
    again = tool()
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.strip() == f"{SUMMARY}, nothing to change"
    assert {p: p.read_bytes() for p in before} == before
    (copy / "coach" / "locale" / "en" / "LC_MESSAGES" / "store.po").unlink()
    rebuilt = tool()
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    # Rebuilt from the source with the same messages: its .mo already says them.
    assert rebuilt.stdout.splitlines() == ["wrote coach/locale/en/LC_MESSAGES/store.po",
                                           SUMMARY]


def test_a_checkout_nobody_compiled_says_what_to_do(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m coach` in a fresh checkout (no .mo yet): exit 1 and the command that
    compiles them, not a gettext traceback."""
    from coach.cli.main import main

    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "no-locale")
    i18n.translator.cache_clear()
    try:
        assert main(["--help"]) == 1
    finally:
        i18n.translator.cache_clear()
    err = capsys.readouterr().err
    assert "python -m coach.i18n_catalogs --compile" in err and "pip install ." in err
    assert "Traceback" not in err
