"""Words that belong to one region's French: what a regional catalog must override.

coach's common French catalog speaks as in Québec (plain `fr`, as it always has); a
phrase that uses a word of one region needs its own translation in the other region's
catalog (`fr_FR/…`, `fr_CA/…`) and bank text (`text.fr-FR`). `python -m
coach.i18n_catalogs --check` and tests/test_i18n.py fail on a phrase that would reach a
reader of the other region with a word that is not theirs.

Only words that are unambiguous are listed: "mission" and "indépendant" are ordinary
French everywhere (a nonprofit's mission), so France's side of those pairs is not
checked; Québec's side ("mandat", "travailleur autonome") is.
"""

from __future__ import annotations

import re

# region -> the words readers of the OTHER regions would not use, with what they say.
_QUEBEC = (
    (r"courriels?", "e-mail"),
    (r"infolettres?", "newsletter"),
    (r"soumissions?", "devis"),
    (r"mandats?", "mission"),
    (r"achaland[ée]e?s?", "fréquenté"),
    (r"travailleu(?:r|se|rs|ses) autonomes?", "indépendant"),
    (r"fins? de semaine", "week-end"),
    (r"balados?", "podcast"),
    (r"présentement", "actuellement"),
    (r"clavard\w*", "chat"),
    (r"OBNL", "association"),
    (r"par l[’']entremise", "par"),
)
_FRANCE = (
    (r"e-?mails?", "courriel"),
    (r"newsletters?", "infolettre"),
    (r"devis", "soumission"),
    (r"week-?ends?", "fin de semaine"),
    (r"podcasts?", "balado"),
)
_PATTERNS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "CA": tuple((re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE), w) for p, w in _QUEBEC),
    "FR": tuple((re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE), w) for p, w in _FRANCE),
}
# Which regional catalogs exist, and whose words each must not use.
REGIONS: dict[str, str] = {"fr_CA": "CA", "fr_FR": "FR"}


def foreign_words(text: str, region: str) -> list[str]:
    """The words in `text` a reader of `region` ("CA", "FR") would not use, each with what
    they would say instead: ["infolettre (newsletter)"]. Brand names aside (a platform
    called "Newsletter" in Québec is still "infolettre" there), this is a word check."""
    out: list[str] = []
    for other, patterns in _PATTERNS.items():
        if other == region:
            continue
        for pattern, theirs in patterns:
            for m in pattern.finditer(text):
                out.append(f"{m.group(0)} ({theirs})")
    return out
