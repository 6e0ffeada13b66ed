"""Every UI string exists in French and English; catalogs match the source."""

from __future__ import annotations

import pytest

from coach import i18n
from coach.i18n_catalogs import extract, problems


@pytest.mark.parametrize("domain", sorted(i18n.DOMAINS))
@pytest.mark.parametrize("lang", i18n.LANGS)
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
    assert i18n.resolve_lang(None, {"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US"}) == "fr"
    assert i18n.resolve_lang(None, {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.resolve_lang(None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.resolve_lang(None, {}) == "en"
    with pytest.raises(i18n.UnknownLanguage):
        i18n.resolve_lang("de", {})


def test_missing_catalog_is_loud() -> None:
    with pytest.raises(i18n.UnknownLanguage):
        i18n.translator("de", "cli")
