"""The assessment in progress of each client, kept in its own side file.

Autosave calls `save_draft` on every answer: it rewrites the small draft file
(clients/draft/c-<id>.json, coach/store/sidefiles.py) and nothing else, whatever the
client's history weighs. A workspace from before side files keeps its drafts inside
the client files; they are read there until the first save moves them (the side
file, once it exists, is the truth; the copy in the client file is dropped with the
next write of that file).

Finishing an assessment writes the client file (the assessment, with the draft's
`rev`), then empties the draft. A kill in between leaves a draft whose `rev` an
assessment already carries: it is not offered again.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from coach import clock
from coach.store.records import Draft
from coach.store.sidefiles import DRAFT, empty_side

if TYPE_CHECKING:
    from coach.store.storage import DataFile


class Drafts:
    """The draft half of `Workspace` (a mixin: it uses the workspace's files and index)."""

    def save_draft(self: Any, client_id: str, answers: dict[str, Any],
                   position: dict[str, Any]) -> None:
        """Keep the answers given so far; cheap enough to call on every answer."""
        side = self._draft_side(client_id)
        doc = {"answers": answers, "position": position, "rev": secrets.token_hex(8),
               "updated": datetime.now(UTC).isoformat(timespec="seconds")}
        if side.exists:
            self._check_writable(side)
            self._write_side_draft(client_id, {"1": doc})
        else:  # the first save since side files: the copy in the client file goes
            with self._client_locked(client_id) as df:
                self._write_side_draft(client_id, {"1": doc})
                data = df.read_state() or {}
                if data.get("draft"):
                    data["draft"] = {}
                    df.write_state(data)
        # The index changes at most once a day here (last activity is a date).
        self._update_entry(client_id, {"last_activity": clock.today().isoformat()})

    def load_draft(self: Any, client_id: str) -> Draft | None:
        """The assessment in progress (answers and position), or None."""
        side = self._draft_side(client_id)
        try:
            if side.exists:
                doc = self._side_draft_doc(side)
                if doc is None or self._consumed(client_id, doc.get("rev")):
                    return None
            else:
                doc = ((self._client(client_id).peek() or {}).get("draft") or {}).get("1")
                if not isinstance(doc, dict):
                    return None
        finally:
            self._collect_notices(side)
        return Draft(dict(doc.get("answers") or {}), dict(doc.get("position") or {}))

    def discard_draft(self: Any, client_id: str) -> None:
        side = self._draft_side(client_id)
        with self._client_locked(client_id) as df, side.locked():
            if self._side_draft_doc(side) is not None:
                self._clear_side_draft(side)
            data = df.peek() or {}
            if data.get("draft"):
                fresh = df.read_state() or {}
                fresh["draft"] = {}
                df.write_state(fresh)

    # -- the side file -----------------------------------------------------------
    def _draft_side(self: Any, client_id: str) -> DataFile:
        self.client(client_id)  # UnknownClient unless the index knows it
        return self.side_file(client_id, DRAFT)

    def _write_side_draft(self: Any, client_id: str, table: dict[str, Any]) -> None:
        side = self.side_file(client_id, DRAFT)
        data = empty_side(DRAFT, client_id)
        data[DRAFT] = table
        with side.locked():
            side.write_state(data)

    @staticmethod
    def _side_draft_doc(side: DataFile) -> dict[str, Any] | None:
        doc = ((side.peek() or {}).get(DRAFT) or {}).get("1")
        return doc if isinstance(doc, dict) else None

    def _clear_side_draft(self: Any, side: DataFile) -> None:
        with side.locked():
            side.write_state(empty_side(DRAFT, side.expect_id or ""))

    def _consumed(self: Any, client_id: str, rev: object) -> bool:
        """Did a finished assessment already take this draft (a kill came between)?"""
        if not isinstance(rev, str) or not rev:
            return False
        table = (self._client(client_id).peek() or {}).get("assessments") or {}
        latest = max(table, key=int, default=None)
        return latest is not None and table[latest].get("draft_rev") == rev
