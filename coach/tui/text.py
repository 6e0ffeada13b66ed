"""Text on screen: user text (names, answers, plan lines quoting them) is never markup
and never carries terminal control characters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from coach.textsafe import clean

if TYPE_CHECKING:
    from rich.console import Group
    from rich.table import Table


def plain(text: object) -> Content:
    return Content(clean(str(text)))


def hanging(rows: list[tuple[str, str]], head: list[str] | None = None) -> Group | Table:
    """Lines with a mark ("•", "!!", "3.") whose wrapped continuation sits under their
    text, not under the mark, after `head` lines that have none. All of it is shown as
    text, never markup."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for mark, text in rows:
        grid.add_row(Text(clean(mark)), Text(clean(text)))
    if not head:
        return grid
    return Group(*(Text(clean(line)) for line in head), *([grid] if rows else []))
