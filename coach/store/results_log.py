"""The results log: what each platform brought between reviews, one entry at a time.

    add_result(ws, client_id, date=..., platform=..., space=..., counts={...}, note=...)
    results(ws, client_id) -> [ResultEntry, ...]      oldest first

Entries live in the client's own file (a "results" table next to its assessments), so
they get everything the store gives that file: atomic write-through, 0600, the lock,
the three backups, damage recovery, and `forget` erasing them with the client. The
face checks what a person typed; this module refuses anything else (StoreValueError)
before touching the file, so a bad entry never lands half-written. Kept apart from
workspace.py, with this small API, so the log can move to a per-client side file
without its callers changing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from coach.store.errors import StoreValueError
from coach.store.workspace import Workspace

TABLE = "results"
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
    """Log one entry for a known client; its id. Checked before the file is touched."""
    doc = _checked(date, platform, space, counts, note)
    df = ws._client(client_id)
    with df.locked():
        ws._check_writable(df)
        data = df.data()
        table = data.setdefault(TABLE, {})
        new_id = max((int(k) for k in table), default=0) + 1
        table[str(new_id)] = doc
        df.write_state(data)  # one atomic write of the whole client file
    return new_id


def results(ws: Workspace, client_id: str) -> list[ResultEntry]:
    """Every logged entry of a client, oldest first (by date, then as logged)."""
    table = ws._client(client_id).data().get(TABLE, {})
    out = [_entry(int(k), v) for k, v in table.items() if isinstance(v, Mapping)]
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
