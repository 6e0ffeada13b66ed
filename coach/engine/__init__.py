"""The coaching engine: validated answers in, a focused-channel plan out.

Pure: no I/O, no clock (today's date is an argument), no UI imports; the same
answers, bank, language and date always give the same plan.
"""

from __future__ import annotations

from coach.engine.labels import factor_label
from coach.engine.plan import ENGINE_VERSION, build_plan
from coach.engine.rules import Rules, RulesError, check_rules, parse_rules

__all__ = ["ENGINE_VERSION", "Rules", "RulesError", "build_plan", "check_rules", "factor_label",
           "parse_rules"]
