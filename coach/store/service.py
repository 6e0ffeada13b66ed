"""Store operations that the CLI and other faces call as one step.

`save_plan_assessment` is what `coach plan --answers F --client NAME` calls: find
or create the client (two processes naming the same new client at once end up
with one client, holding both assessments) and store the assessment. A new client
is created with its assessment in one write; an existing client's assessment in
progress (a draft in the app) stays as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coach.i18n import Msg
from coach.store.workspace import Workspace


def save_plan_assessment(workspace: Workspace | Path, name: str, answers: dict[str, Any],
                         plan: dict[str, Any], *,
                         notes: str | None = None) -> tuple[str, int, list[Msg | str]]:
    """Save a finished plan as a new assessment of client `name`.

    Returns (client id, assessment id, notices for the face to say). Raises the
    coach.store errors (StoreError: exit 1; StoreInputError: exit 2).
    """
    ws = workspace if isinstance(workspace, Workspace) else Workspace.open(Path(workspace))
    client_id, assessment_id = ws.save_assessment(name, dict(answers), dict(plan), notes=notes)
    notices = list(ws.notices)
    ws.notices.clear()
    return client_id, assessment_id, notices
