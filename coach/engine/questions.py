"""The bank's further questions (kept under `extra`) the engine reads, and where.

`coach check-bank` warns about a question of the bank that is in none of these: a
question that changes nothing in the plan has no place in the questionnaire.
tests/test_engine.py checks that each id here is read by the engine's code.
"""

from __future__ import annotations

READ_QUESTIONS: frozenset[str] = frozenset({
    "awareness_action",     # facts.goal_kinds: the action counted first; VISIBILITY_GOAL
    "awareness_from",       # VISIBILITY_GOAL: from whom the action is expected
    "time_feeling",         # OVER_BUDGET: "you said so yourself"
    "contact_means",        # routine: the closing step follows what the person has
    "work_share",           # facts: the work part of a "both" account
    "who_named",            # focus reasons: the people to talk with first
    "ads_aim",              # ADS_FOR_FOLLOWERS
    "ads_budget",           # ADS_FOR_FOLLOWERS: the money, quoted
    "linkedin_groups_part",  # focus reasons: reading is not taking part
    "questions_asked",      # focus reasons: answering is the core of the routine, or not
    "editorial_line_text",  # focus reasons: the line quoted
    "list_size",            # evidence sentence: results from a list of N subscribers
    "large_result",         # facts: a large result counts as many
    "one_result",           # the gate: checked at the review
    "if_gone",              # explanations of cut platforms: in the person's own view
})
