"""Every test runs against a temporary workspace, never the developer's own data.

The autouse fixture also clears the language and bank variables so a developer's
shell (LANG=fr_CA.UTF-8, COACH_BANK=...) cannot change what a test sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = tmp_path / "workspace"
    monkeypatch.setenv("COACH_DATA_DIR", str(ws))
    for var in ("COACH_LANG", "COACH_BANK", "LC_ALL", "LANG", "LANGUAGE", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # Isolate platformdirs too, in case some code path ignores COACH_DATA_DIR.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    return ws
