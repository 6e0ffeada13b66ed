"""The platform entries of a draft: how each is named, ordered, and told apart.

An entry is known by its key: the platform id, or `other:<slot>` for "Other", the one
platform a user may list several times (each named in their words). The slot is draft
bookkeeping, kept in the entry so a row unticked and ticked again finds its answers;
it never reaches the answers file (coach.assessment.final strips it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.bank.model import Bank

OTHER = "other"     # the platform a draft may hold several of
SLOT = "slot"       # which "Other" an entry is (0, 1, ...)


def entry_key(entry: Mapping[str, Any]) -> str:
    pid = str(entry.get("id", ""))
    if pid != OTHER:
        return pid
    slot = entry.get(SLOT, 0)
    return f"{OTHER}:{slot if isinstance(slot, int) else 0}"


def key_for(platform_id: str, slot: int = 0) -> str:
    return f"{OTHER}:{slot}" if platform_id == OTHER else platform_id


def split_key(key: str) -> tuple[str, int]:
    """(platform id, slot) from a key; a malformed slot reads as 0."""
    pid, _sep, slot = key.partition(":")
    return pid, int(slot) if slot.isdigit() else 0


def new_entry(platform_id: str, slot: int = 0) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": platform_id}
    if platform_id == OTHER:
        entry[SLOT] = slot
    return entry


def rank(bank: Bank, entry: Mapping[str, Any]) -> tuple[int, int]:
    """Where an entry sorts: the bank's platform order, then the "Other" slot."""
    order = {p.id: n for n, p in enumerate(bank.platforms)}
    slot = entry.get(SLOT, 0)
    return order.get(str(entry.get("id")), len(order)), slot if isinstance(slot, int) else 0
