"""The coaching engine: validated answers in, a focused-channel plan out.

Pure: no I/O, no clock (today's date is an argument), no UI imports; the same
answers, bank, language and date always give the same plan.

The names below are imported on first use: loading a bank imports `coach.engine.rules`
for its check, and the TUI's first screen must not wait for the whole engine (15 ms).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.engine.labels import factor_label
    from coach.engine.plan import ENGINE_VERSION, build_plan
    from coach.engine.rules import Rules, RulesError, check_rules, parse_rules

__all__ = ["ENGINE_VERSION", "Rules", "RulesError", "build_plan", "check_rules", "factor_label",
           "parse_rules"]

_HOME = {"factor_label": "labels", "ENGINE_VERSION": "plan", "build_plan": "plan",
         "Rules": "rules", "RulesError": "rules", "check_rules": "rules",
         "parse_rules": "rules"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'coach.engine' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"coach.engine.{_HOME[name]}"), name)
    globals()[name] = value
    return value
