"""Messages about files `coach plan` reads and writes, kept in the engine catalog.

Like answer_texts: the CLI command that shows them (coach/cli/cmd_plan.py) uses the
engine translator for these, so they exist in French and English with the rest of
the engine's words.
"""

from __future__ import annotations

from coach.i18n import N_

WRITE_FAILED = N_("{path}: could not write the file ({reason})")
ALREADY_EXISTS = N_("{path}: the file already exists; add --force to replace it")
