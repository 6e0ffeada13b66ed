"""The store hands out typed records; TinyDB's documents and "1" ids stay inside it."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from coach.store import Workspace
from coach.store.records import AssessmentRecord, ClientSummary, Draft, Space

FIXTURES = Path(__file__).parent / "fixtures" / "store"
COACH = Path(__file__).resolve().parent.parent / "coach"
FACES = ("cli", "tui", "quick", "report")


def answers() -> dict:
    return json.loads((FIXTURES / "answers.json").read_text())


def plan() -> dict:
    return json.loads((FIXTURES / "plan.json").read_text())


def test_every_read_gives_a_record_not_a_document(workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    ws.save_draft(cid, {"profile": {"name": "Atelier Lune"}}, {"step": 2})
    draft = ws.load_draft(cid)
    assert type(draft) is Draft
    assert draft.answers == {"profile": {"name": "Atelier Lune"}} and draft.position == {"step": 2}
    ws.finish_assessment(cid, answers(), plan(), notes="first look")
    [summary] = ws.list_clients()
    assert type(summary) is ClientSummary
    assert summary == ws.client(cid) == ws.find_client("atelier lune") == ws.require_client(
        "ATELIER LUNE")
    assert summary.id == cid and summary.name == "Atelier Lune" and summary.assessments == 1
    assert summary.space == Space("group", "Entrepreneurs de la Mauricie")
    assert summary.warning_codes == ("OVER_BUDGET", "VANITY_METRICS")
    [record] = ws.assessments(cid)
    assert type(record) is AssessmentRecord and record == ws.assessment(cid, 1)
    assert record.id == 1 and record.notes == "first look" and record.plan == plan()
    # What TinyDB and the index keep for themselves never shows.
    assert set(ClientSummary._fields).isdisjoint({"key", "dirty", "doc_id"})
    assert not any(isinstance(v, dict) and "1" in v for v in summary)


def test_records_are_immutable_and_changing_their_json_changes_nothing_stored(
        workspace: Path) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Lune")
    ws.finish_assessment(cid, answers(), plan())
    summary, record = ws.client(cid), ws.assessment(cid, 1)
    for thing, field in ((summary, "name"), (record, "notes")):
        with pytest.raises(AttributeError):
            setattr(thing, field, "changed")
    record.plan["focus"] = None
    record.answers.clear()
    assert ws.assessment(cid, 1).plan == plan() and ws.assessment(cid, 1).answers == answers()


def test_records_are_named_tuples_like_the_engine_rules() -> None:
    """One record style (NamedTuple, chosen for import time in engine/rules.py)."""
    for record in (Space, ClientSummary, AssessmentRecord, Draft):
        assert issubclass(record, tuple) and hasattr(record, "_fields")
        assert not dataclasses.is_dataclass(record)


# What only the store may know: TinyDB itself, its document ids and tables.
_INSIDE_THE_STORE = {
    "imports TinyDB": re.compile(r"^\s*(from|import)\s+tinydb\b", re.MULTILINE),
    "uses a TinyDB document id": re.compile(r"\bdoc_id\b"),
    "indexes a raw document id": re.compile(r"\[\s*(['\"])\d+\1\s*\]"),
    "reaches a TinyDB table": re.compile(r"\.db\.table\(|\.table\(\s*['\"]"),
    "reaches the store's private files": re.compile(r"\._(index|client|client_file)\b"),
}


@pytest.mark.parametrize("face", FACES)
def test_faces_never_touch_tinydb_documents(face: str) -> None:
    found = []
    for path in sorted((COACH / face).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for what, pattern in _INSIDE_THE_STORE.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(COACH)}:{line}: {what}")
    assert found == []


@pytest.mark.parametrize("face", FACES)
def test_faces_read_records_by_attribute_not_by_key(face: str) -> None:
    """`client["name"]`, `record.get("plan")`: the dict-shaped reads of workspace results
    that typed records replaced (a plan's own keys, like plan["focus"], are JSON and fine)."""
    reads = re.compile(r"\b(client|existing|found|record|summary|draft|past\[-1\])"
                       r"(\[\s*\"(id|name|notes|plan|answers|date|assessments)\"\s*\]"
                       r"|\.get\(\s*\"(id|name|notes|plan|answers|date)\")")
    found = []
    for path in sorted((COACH / face).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in reads.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(COACH)}:{line}: {match.group(0)}")
    assert found == []
