"""Two realistic plans, written by hand following coach/model.py, for report tests.

They stand in for the engine's output until personas can produce them: a freelance
designer (English) and a small food bank (French). `variant()` gives a deep copy
with changes, for comparisons and injection tests.
"""

from __future__ import annotations

import copy
from typing import Any

FREELANCER_EN: dict[str, Any] = {
    "schema": 1,
    "client": "Maple & Pine Design",
    "lang": "en",
    "assessed_on": "2026-11-22",
    "engine_version": "1.0",
    "goal": "clients",
    "focus": {
        "platform": "linkedin",
        "space": {"kind": "group", "name": "Mauricie Small Business Owners"},
        "reasons": [
            "3 inquiries and 1 client won in 90 days for 1.5 hours a week.",
            "Your priority audience (clients) is there and you can name the people you "
            "are there for.",
            "You converse and answer questions rather than broadcast.",
        ],
    },
    "platforms": [
        {
            "platform": "linkedin", "name": "LinkedIn", "score": 78, "verdict": "focus",
            "hours": 1.5, "recommended_hours": 2.0, "reason": "professional",
            "why": "Meet owners of small firms in my region who need a brand refresh",
            "factors": {"evidence": 34, "audience": 18, "practice": 14, "measures": 8, "cost": 4},
            "explanation": "The most evidence of action for the fewest hours: make it your focus.",
            "results_90d": {"inquiries": 3, "won": 1, "referrals": 0, "site_visits": 40},
        },
        {
            "platform": "newsletter", "name": "Newsletter", "score": 61, "verdict": "keep",
            "hours": 0.5, "recommended_hours": 0.5, "reason": "professional",
            "why": "Stay in touch with past clients",
            "factors": {"evidence": 24, "audience": 16, "practice": 10, "measures": 8, "cost": 3},
            "explanation": "1 referral in 90 days for half an hour a week: keep it as it is.",
            "results_90d": {"inquiries": 0, "won": 0, "referrals": 1, "site_visits": 12},
        },
        {
            "platform": "instagram", "name": "Instagram", "score": 22, "verdict": "reduce",
            "hours": 4.0, "recommended_hours": 0.5, "reason": "both",
            "why": "Show my portfolio, everyone says designers must be there",
            "factors": {"evidence": 0, "audience": 6, "practice": 4, "measures": 0, "cost": 12},
            "explanation": "4 hours a week and no inquiry in 90 days: keep one portfolio post a "
                           "month and stop there.",
            "results_90d": {"inquiries": 0, "won": 0, "referrals": 0, "site_visits": 3},
        },
        {
            "platform": "x", "name": "X", "score": 9, "verdict": "pause",
            "hours": 1.0, "recommended_hours": 0.0, "reason": "professional",
            "why": "Follow design news",
            "factors": {"evidence": 0, "audience": 0, "practice": 3, "measures": 0, "cost": 6},
            "explanation": "None of your audiences is there and nothing came from it: pause it.",
            "results_90d": {},
        },
        {
            "platform": "facebook", "name": "Facebook", "score": 0, "verdict": "personal",
            "hours": 3.0, "reason": "personal", "why": "Family and friends",
            "factors": {},
            "explanation": "Personal: not part of the plan, but it counts in your week.",
        },
    ],
    "time": {"budget": 3.0, "professional": 7.0, "personal": 3.0, "focus_hours": 2.0,
             "freed": 4.5},
    "warnings": [
        {"code": "TIME_SINK", "severity": "warning", "platform": "instagram",
         "message": "4 hours a week on Instagram and no inquiry in 90 days.",
         "instead": "Post one portfolio piece a month and give the time back to the focus."},
        {"code": "OVER_BUDGET", "severity": "critical", "platform": None,
         "message": "7 hours a week on professional platforms for a budget of 3 hours.",
         "instead": "Cut to the focus and the newsletter: 2.5 hours a week."},
        {"code": "VANITY_METRICS", "severity": "info", "platform": "instagram",
         "message": "You watch likes and followers, which say nothing about clients.",
         "instead": "Count inquiries and visits to your site instead."},
        {"code": "SPREAD_THIN", "severity": "warning", "platform": None,
         "message": "4 professional platforms for 3 hours a week.",
         "instead": "Run one space well before adding a second."},
    ],
    "routine": [
        "Monday, 20 minutes: answer two questions in Mauricie Small Business Owners.",
        "Wednesday, 30 minutes: one post along your editorial line (before/after of a rebrand).",
        "Thursday, 20 minutes: reply to every comment and message.",
        "Friday, 10 minutes: send interested people to your site's contact page.",
    ],
    "track": ["Inquiries from LinkedIn", "Visits to your site from LinkedIn", "Clients won"],
    "expansion_gate": "After 8 weeks, if the group brings at least 2 inquiries a month with "
                      "2 hours a week, add a second space.",
    "review_on": "2027-02-20",
    "confidence": "medium",
    "confidence_note": "Based on 90 days of results you counted yourself.",
}

FOODBANK_FR: dict[str, Any] = {
    "schema": 1,
    "client": "Banque alimentaire du Faubourg",
    "lang": "fr",
    "assessed_on": "2026-11-22",
    "engine_version": "1.0",
    "goal": "volunteers",
    "focus": {
        "platform": "facebook",
        "space": {"kind": "group", "name": "Entraide Trois-Rivières"},
        "reasons": [
            "12 inscriptions de bénévoles en 90 jours pour 2,5 heures par semaine.",
            "Les bénévoles que vous cherchez sont dans ce groupe.",
        ],
    },
    "platforms": [
        {
            "platform": "facebook", "name": "Facebook", "score": 81, "verdict": "focus",
            "hours": 2.5, "recommended_hours": 2.5, "reason": "professional",
            "why": "Recruter des bénévoles pour les distributions du samedi",
            "factors": {"evidence": 36, "audience": 20, "practice": 12, "measures": 8, "cost": 5},
            "explanation": "Le plus de résultats concrets pour le temps donné : c’est votre "
                           "priorité.",
            "results_90d": {"inquiries": 9, "signups": 12, "donations": 4, "site_visits": 1250},
        },
        {
            "platform": "linkedin", "name": "LinkedIn", "score": 48, "verdict": "keep",
            "hours": 1.0, "recommended_hours": 0.5, "reason": "professional",
            "why": "Parler aux fondations et aux entreprises donatrices",
            "factors": {"evidence": 16, "audience": 14, "practice": 8, "measures": 6, "cost": 4},
            "explanation": "Un partenaire financier trouvé en 90 jours : gardez une demi-heure "
                           "par semaine.",
            "results_90d": {"inquiries": 2, "won": 1},
        },
        {
            "platform": "instagram", "name": "Instagram", "score": 15, "verdict": "pause",
            "hours": 3.0, "recommended_hours": 0.0, "reason": "professional",
            "why": "Les jeunes sont là, paraît-il",
            "factors": {"evidence": 0, "audience": 4, "practice": 2, "measures": 0, "cost": 9},
            "explanation": "3 heures par semaine sans aucune inscription : mettez en pause.",
            "results_90d": {"inquiries": 0},
        },
    ],
    "time": {"budget": 4.0, "professional": 6.5, "personal": 0.0, "focus_hours": 2.5,
             "freed": 3.5},
    "warnings": [
        {"code": "OVER_BUDGET", "severity": "critical", "platform": None,
         "message": "6,5 heures par semaine pour un budget de 4 heures.",
         "instead": "Gardez le groupe et LinkedIn : 3 heures par semaine."},
        {"code": "BROADCAST_ONLY", "severity": "warning", "platform": "instagram",
         "message": "Sur Instagram, vous publiez sans jamais converser.",
         "instead": "Répondez aux questions dans le groupe Facebook plutôt que de publier "
                    "sur Instagram."},
    ],
    "routine": [
        "Lundi, 30 minutes : répondre aux questions dans Entraide Trois-Rivières.",
        "Mercredi, 45 minutes : une publication sur la distribution du samedi.",
        "Vendredi, 30 minutes : relancer les personnes intéressées vers le formulaire "
        "d’inscription.",
    ],
    "track": ["Inscriptions de bénévoles", "Dons reçus par le site"],
    "expansion_gate": "Après 3 mois, si le groupe apporte au moins 4 inscriptions par mois, "
                      "ajoutez un deuxième espace.",
    "review_on": "2027-02-20",
    "confidence": "high",
    "confidence_note": "Vous mesurez des résultats concrets sur chaque plateforme.",
}

NOTES_EN = "Talked about the Saturday portfolio review.\nNext call: early January."
NOTES_FR = "Discussion sur le recrutement du samedi.\nProchain appel : début janvier."


def variant(plan: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of `plan` with top-level keys replaced."""
    out = copy.deepcopy(plan)
    out.update(copy.deepcopy(changes))
    return out


def minimal_plan() -> dict[str, Any]:
    """Only DESIGN.md's fixed keys: none of the added ones (why, results, confidence...)."""
    return {
        "schema": 1, "client": "Solo", "lang": "en", "assessed_on": "2026-11-22",
        "focus": None,
        "platforms": [{"platform": "reddit", "score": 10, "verdict": "pause", "hours": 0.0,
                       "factors": {}, "explanation": "Nothing measured yet."}],
        "time": {"budget": 0.0, "professional": 0.0, "personal": 0.0, "focus_hours": 0.0,
                 "freed": 0.0},
        "warnings": [], "routine": [], "track": [], "expansion_gate": "",
        "review_on": "2027-02-20",
    }
