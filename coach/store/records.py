"""What the workspace hands out: small immutable records, never TinyDB documents.

TinyDB keeps documents under string ids ("1", "2"...) in tables; those ids, the
tables and the index's private fields (`key`, `dirty`) stay inside coach/store. A
face gets a `ClientSummary` (one line of the client list), `AssessmentRecord`s (one
finished assessment each) and a `Draft`, and reads their attributes.

NamedTuple, like the engine's records (coach/engine/rules.py): a frozen dataclass
costs about half a millisecond to define at import (639b03f, 30c793b measured it),
and every store command imports this module. No `from __future__ import annotations`
here for the same reason: NamedTuple would compile each string annotation into a
ForwardRef at import (a7e9c2e).

The answers and the plan inside a record are the JSON documents as stored (plain
dicts, parsed afresh for each caller: changing one changes nothing in the store).
"""

from collections.abc import Mapping
from typing import Any, NamedTuple


class Space(NamedTuple):
    """A space on a platform (a group, a page...): its kind id and its name."""

    kind: str
    name: str


class ClientSummary(NamedTuple):
    """One client as the index knows it: enough for the client list, no file opened."""

    id: str                          # "c-<hex>": the client's own id (file names use it)
    name: str
    created: str | None              # YYYY-MM-DD
    last_activity: str | None        # YYYY-MM-DD
    assessments: int                 # how many are stored
    last_assessed: str | None        # date of the latest assessment
    focus: str | None                # its plan's focus platform id
    space: Space | None              # and the space there
    professional_hours: float | None
    budget_hours: float | None
    warnings: int
    warning_codes: tuple[str, ...]
    damaged: bool = False            # an unreadable file listed so it can be seen or forgotten
    lang: str | None = None          # the client's own language ("fr-FR"), if one was set


class AssessmentRecord(NamedTuple):
    """One finished assessment: the answers, the plan as it was made, the notes."""

    id: int                          # 1, 2...: `coach report NAME --assessment ID`
    date: str                        # YYYY-MM-DD
    answers: dict[str, Any]
    plan: dict[str, Any]
    engine_version: str | None
    notes: str | None
    saved_at: str | None


class Draft(NamedTuple):
    """The assessment in progress: the answers given so far and where the face was."""

    answers: dict[str, Any]
    position: dict[str, Any]


_NUMBERS = (float, int)  # by class: bool is neither
_new = tuple.__new__


def client_summary_of(entry: Mapping[str, Any]) -> ClientSummary:
    """The record of one index entry (tolerant: an index from any version).

    Called for every client each time the list is read (10,000 in a large workspace),
    hence one function with class checks inline, and the tuple made directly (the
    NamedTuple's keyword-taking __new__ is a Python call of its own)."""
    get = entry.get
    space, count, warnings, codes = (get("space"), get("assessments"), get("warnings"),
                                     get("warning_codes"))
    created, active, assessed, focus = (get("created"), get("last_activity"),
                                        get("last_assessed"), get("focus"))
    hours, budget = get("professional_hours"), get("budget_hours")
    return _new(ClientSummary, (
        str(entry["id"]), str(entry["name"]),
        created if created.__class__ is str else None,
        active if active.__class__ is str else None,
        count if count.__class__ is int else 0,
        assessed if assessed.__class__ is str else None,
        focus if focus.__class__ is str else None,
        Space(str(space.get("kind", "")), str(space.get("name", "")))
        if space.__class__ is dict else None,
        float(hours) if hours.__class__ in _NUMBERS else None,
        float(budget) if budget.__class__ in _NUMBERS else None,
        warnings if warnings.__class__ is int else 0,
        tuple(c for c in codes if c.__class__ is str) if codes.__class__ is list else (),
        get("damaged") is True,
        _text(get("lang")),
    ))


def _text(value: object) -> str | None:
    return value if value.__class__ is str else None


def assessment_of(doc_id: str, doc: Mapping[str, Any]) -> AssessmentRecord:
    """The record of one stored assessment document (`doc_id` is TinyDB's "1", "2"...)."""
    return AssessmentRecord(
        id=int(doc_id), date=str(doc.get("date") or ""), answers=dict(doc.get("answers") or {}),
        plan=dict(doc.get("plan") or {}), engine_version=_text(doc.get("engine_version")),
        notes=_text(doc.get("notes")), saved_at=_text(doc.get("saved_at")),
    )
