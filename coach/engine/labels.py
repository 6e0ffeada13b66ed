"""Names of the score factors, for reports and screens (engine catalog)."""

from __future__ import annotations

from coach.i18n import N_, Translator

FACTOR_LABELS: dict[str, str] = {
    "evidence": N_("Evidence of action (90 days)"),
    "audience": N_("Priority audiences present"),
    "practice": N_("Practice (conversation vs broadcasting)"),
    "know_who": N_("Knows whom they are there for"),
    "editorial_line": N_("Editorial line"),
    "measures": N_("What is measured"),
    "fit": N_("Fit with your market"),
    "cost": N_("Cost in hours"),
    "clamp": N_("Kept within 0-100"),
}


def factor_label(name: str, tr: Translator) -> str:
    """A factor's label in the translator's language (the name itself if unknown)."""
    label = FACTOR_LABELS.get(name)
    return tr.gettext(label) if label else name
