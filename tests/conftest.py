"""Every test runs against a temporary workspace, never the developer's own data.

The autouse fixture also clears the language and bank variables so a developer's
shell (LANG=fr_CA.UTF-8, COACH_BANK=...) cannot change what a test sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Compile the checkout's gettext catalogs (.po to .mo) before any test runs.

    Compiled catalogs are not committed (hatch_build.py builds them into the wheel), and
    the tests import this checkout's `coach`, which reads `coach/locale`. Under xdist
    only the controller compiles, before it starts the workers; the writes are atomic
    renames, so two runs at once in the same checkout are safe too.
    """
    if hasattr(config, "workerinput"):
        return
    from coach.i18n_catalogs import CatalogMissing, compile_catalogs

    try:
        compile_catalogs()
    except CatalogMissing as exc:
        pytest.exit(f"coach's catalogs: {exc}", returncode=pytest.ExitCode.USAGE_ERROR)


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
