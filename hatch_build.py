"""Build hook: compile the gettext catalogs (.po) into the wheel as .mo files.

Compiled catalogs are not committed (each records the Babel release that wrote it, so a
committed one differs from a fresh machine's for no reason): the wheel gets them here,
compiled from the committed .po by the same code as `python -m coach.i18n_catalogs`.
A language missing a domain's .po stops the build, as coach would refuse to start.

For an editable install the catalogs are compiled in place, into `coach/locale`, which
is where the installed package then reads them.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogsBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # the sdist ships the .po sources; its own wheel build compiles them
        compile_catalogs = _compiler(Path(self.root))
        locale = Path(self.root) / "coach" / "locale"
        if version == "editable":
            compile_catalogs(locale)
            return
        self._out = Path(tempfile.mkdtemp(prefix="coach-catalogs-"))
        compile_catalogs(locale, self._out)
        for mo in sorted(self._out.rglob("*.mo")):
            target = f"coach/locale/{mo.relative_to(self._out).as_posix()}"
            build_data["force_include"][str(mo)] = target

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)


def _compiler(root: Path) -> Any:
    """coach.i18n_catalogs.compile_catalogs from the tree being built (not an installed
    coach): it needs only Babel, a build requirement (see pyproject.toml)."""
    sys.path.insert(0, str(root))
    try:
        from coach.i18n_catalogs import compile_catalogs
    finally:
        sys.path.remove(str(root))
    return compile_catalogs
