"""The results log: what each platform brought between reviews, one entry at a time.

    add_result(ws, client_id, date=..., platform=..., space=..., counts={...}, note=...)
    results(ws, client_id) -> [ResultEntry, ...]      oldest first

Entries live in the client's "results" side file (clients/results/c-<id>.json,
coach/store/sidefiles.py): logging one costs what the log weighs, not the client's
whole history, and the file gets everything the store gives its files (atomic writes,
0600, the lock, three backups, damage kept aside and its backup restored, `forget`
erasing it with the client). The face checks what a person typed; this module refuses
anything else (StoreValueError) before touching a file, so a bad entry never lands.

Entries logged before side files existed sit in a "results" table of the client file:
they are read from there until the next entry logged moves them into the side file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from coach.store.errors import StoreValueError
from coach.store.sidefiles import RESULTS, empty_side
from coach.store.workspace import Workspace

# The answers file's results_90d keys (data/vocabulary.toml [[results]]).
KINDS = ("inquiries", "won", "referrals", "site_visits", "sales", "donations", "signups")
MAX_COUNT = 1_000_000
MAX_NOTE = 2000


class ResultEntry(NamedTuple):
    """One logged result: when, where, how many of each kind, and a note."""

    id: int
    date: str                       # YYYY-MM-DD: the day the results came in
    platform: str
    space: str | None               # the space's name, as typed
    counts: dict[str, int]          # kind -> count (only kinds given)
    note: str | None
    logged_at: str | None


def _checked(day: str, platform: str, space: str | None, counts: Mapping[str, int],
             note: str | None) -> dict[str, Any]:
    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        raise StoreValueError(f"results: date {day!r} is not YYYY-MM-DD") from None
    if not isinstance(platform, str) or not platform:
        raise StoreValueError("results: platform is empty")
    clean: dict[str, int] = {}
    for kind, n in counts.items():
        if kind not in KINDS:
            raise StoreValueError(f"results: unknown kind {kind!r}")
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_COUNT:
            raise StoreValueError(f"results: {kind} = {n!r} is not a count")
        clean[kind] = n
    if note is not None and len(note) > MAX_NOTE:
        raise StoreValueError(f"results: the note is longer than {MAX_NOTE} characters")
    return {"date": day, "platform": platform, "space": space or None, "counts": clean,
            "note": note or None,
            "logged_at": datetime.now(UTC).isoformat(timespec="seconds")}


def add_result(ws: Workspace, client_id: str, *, date: str, platform: str,
               space: str | None = None, counts: Mapping[str, int],
               note: str | None = None) -> int:
    """Log one entry for a known client; its id. Checked before any file is touched."""
    doc = _checked(date, platform, space, counts, note)
    ws.client(client_id)  # UnknownClient unless the index knows it
    side = ws.side_file(client_id, RESULTS)
    if _legacy_table(ws, client_id):
        # The first entry since side files: the old table moves into the side file (the
        # side file, once it exists, is the truth: a kill between the two writes leaves
        # a stale copy in the client file, dropped here the next time).
        df = ws._client(client_id)
        with df.locked(), side.locked():  # lock order: the client file, then its side
            ws._check_writable(side)
            table = _side_table(side) if side.exists else _legacy_table(ws, client_id)
            new_id = _append(side, client_id, table, doc)
            data = df.read_state() or {}
            data.pop(RESULTS, None)
            df.write_state(data)
        return new_id
    with side.locked():
        ws._check_writable(side)
        return _append(side, client_id, _side_table(side), doc)


def _append(side: Any, client_id: str, table: dict[str, Any], doc: dict[str, Any]) -> int:
    new_id = max((int(k) for k in table if k.isascii() and k.isdigit()), default=0) + 1
    data = empty_side(RESULTS, client_id)
    data[RESULTS] = {**table, str(new_id): doc}
    side.write_state(data)  # one atomic write of the log
    return new_id


def _side_table(side: Any) -> dict[str, Any]:
    table = (side.peek() or {}).get(RESULTS) if side.exists else None
    return dict(table) if isinstance(table, Mapping) else {}


def _legacy_table(ws: Workspace, client_id: str) -> dict[str, Any]:
    table = (ws._client(client_id).peek() or {}).get(RESULTS)
    return dict(table) if isinstance(table, Mapping) else {}


def results(ws: Workspace, client_id: str) -> list[ResultEntry]:
    """Every logged entry of a client, oldest first (by date, then as logged)."""
    ws.client(client_id)
    side = ws.side_file(client_id, RESULTS)
    try:
        table = _side_table(side) if side.exists else _legacy_table(ws, client_id)
    finally:
        ws._collect_notices(side)
    out = [_entry(int(k), v) for k, v in table.items()
           if k.isascii() and k.isdigit() and isinstance(v, Mapping)]
    return sorted(out, key=lambda e: (e.date, e.id))


def _entry(doc_id: int, doc: Mapping[str, Any]) -> ResultEntry:
    """Tolerant of a hand-edited file: odd values are read as nothing."""
    counts = doc.get("counts")
    clean = {k: n for k, n in counts.items()
             if k in KINDS and isinstance(n, int) and not isinstance(n, bool) and n >= 0} \
        if isinstance(counts, Mapping) else {}
    space, note, at = doc.get("space"), doc.get("note"), doc.get("logged_at")
    return ResultEntry(doc_id, str(doc.get("date") or ""), str(doc.get("platform") or ""),
                       space if isinstance(space, str) else None, clean,
                       note if isinstance(note, str) else None,
                       at if isinstance(at, str) else None)
