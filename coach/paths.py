"""Every location coach reads or writes, resolved in one place.

Order for the workspace: `--data-dir`, else `COACH_DATA_DIR`, else the platform's
user data folder. Order for the question bank: `--bank`, else `COACH_BANK`, else the
bank shipped with coach. Nothing here touches the disk when it is imported; the
functions only compute paths (creating folders is the store's job).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "coach"


def workspace_dir(cli_value: str | os.PathLike[str] | None = None,
                  env: Mapping[str, str] | None = None) -> Path:
    """The folder holding the user's clients and assessments."""
    env = os.environ if env is None else env
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get("COACH_DATA_DIR"):
        return Path(env["COACH_DATA_DIR"]).expanduser()
    # Imported here: platformdirs is cheap, but nothing needs it unless we get here.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def bundled_bank_dir() -> Path:
    """The question bank shipped with coach.

    In a wheel, `data/` is installed as `coach/data`; in a source checkout (or an
    editable install) it sits next to the package, at the project's top level.
    """
    here = Path(__file__).resolve().parent
    inside = here / "data"
    if inside.is_dir():
        return inside
    return here.parent / "data"


def bank_dir(cli_value: str | os.PathLike[str] | None = None,
             env: Mapping[str, str] | None = None) -> Path:
    """The question bank to use: a consultant's adapted copy, or the bundled one."""
    env = os.environ if env is None else env
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get("COACH_BANK"):
        return Path(env["COACH_BANK"]).expanduser()
    return bundled_bank_dir()
