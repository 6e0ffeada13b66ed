"""The workspace store: the only part of coach that touches TinyDB or the workspace files.

`Workspace.open(path)` gives access to clients, drafts and assessments, handed out
as typed records (coach/store/records.py), never TinyDB documents; see
`coach/store/workspace.py` for the layout and STORE-NOTES.md for why it is built
this way (atomic write-through files, one per client, locks, rotating backups).

Modules: storage.py (one data file: atomic writes, lock, backups, damage), indexfile.py
(the index, one client per line), sidefiles.py (per-client side files: the draft, the
results log; how to add one), drafting.py (the draft), repair.py (what opening repairs,
forgetting for good), portable.py and planshape.py (export and import), schema.py.
"""

from __future__ import annotations

from coach.store.errors import (
    BadImport,
    BadName,
    ReadOnlyWorkspace,
    StoreError,
    StoreInputError,
    StoreLocked,
    StoreValueError,
    UnknownAssessment,
    UnknownClient,
)
from coach.store.records import AssessmentRecord, ClientSummary, Draft, Space
from coach.store.schema import SCHEMA
from coach.store.workspace import Workspace

__all__ = [
    "SCHEMA",
    "AssessmentRecord",
    "BadImport",
    "BadName",
    "ClientSummary",
    "Draft",
    "ReadOnlyWorkspace",
    "Space",
    "StoreError",
    "StoreInputError",
    "StoreLocked",
    "StoreValueError",
    "UnknownAssessment",
    "UnknownClient",
    "Workspace",
]
