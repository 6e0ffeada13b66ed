"""What a face receives for one run: where things are, and the run's one Voice.

The entry point (`coach.cli.main`) makes it; the CLI commands, quick mode and the TUI
read it, and the code below them receives what it needs from it (a Voice, a folder),
never the Context itself. Computing one touches no disk.
"""

from pathlib import Path
from typing import NamedTuple, Self

from coach.i18n import Voice


class Context(NamedTuple):
    """This run: its language (one mutable Voice), its workspace and its question bank."""

    voice: Voice
    data_dir: Path
    bank_dir: Path
    bank_is_custom: bool = False

    @property
    def lang(self) -> str:
        """The language now (the TUI's palette may switch it while the app runs)."""
        return self.voice.lang

    @classmethod
    def make(cls, *, lang: str, data_dir: Path, bank_dir: Path,
             bank_is_custom: bool = False) -> Self:
        return cls(voice=Voice(lang), data_dir=Path(data_dir), bank_dir=Path(bank_dir),
                   bank_is_custom=bank_is_custom)
