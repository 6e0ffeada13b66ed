"""The client list as rows: computed once from the index, filtered in memory.

No Textual here, so the 1,000-client case can be measured and tested without a
screen. Every cell is plain text, cleaned of control characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from coach.textsafe import clean
from coach.tui.i18n import fmt_num

if TYPE_CHECKING:
    from coach.store.records import ClientSummary

DASH = "—"


class ClientRow(NamedTuple):
    id: str
    name: str          # shown (cleaned, one line)
    last: str          # date of the last assessment, or a dash
    focus: str
    hours: str         # "6.5 / 3 h", "—"
    warnings: str
    key: str           # what the search matches (name folded, focus)
    activity: str      # sort key: last activity date


def fold(text: str) -> str:
    """Search form: any case, accents ignored ("cafe" finds "Café")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _one_line(value: object) -> str:
    return clean(str(value or ""), single_line=True)


def client_row(entry: ClientSummary, platform_names: Mapping[str, str]) -> ClientRow:
    name = _one_line(entry.name)
    focus_id = entry.focus
    focus = platform_names.get(str(focus_id), _one_line(focus_id)) if focus_id else DASH
    space = entry.space
    if space is not None and space.name:
        focus += " · " + _one_line(space.name)
    pro, budget = entry.professional_hours, entry.budget_hours
    if isinstance(pro, int | float) and isinstance(budget, int | float):
        hours = f"{fmt_num(pro)} / {fmt_num(budget)} h"
        if pro > budget:
            hours += " ▲"       # over budget: readable without colour
    elif isinstance(pro, int | float):
        hours = f"{fmt_num(pro)} h"
    else:
        hours = DASH
    count = entry.warnings
    warnings = str(count) if isinstance(count, int) and entry.assessments else DASH
    last = _one_line(entry.last_assessed) or DASH
    activity = max(entry.last_activity or "", entry.last_assessed or "")
    return ClientRow(id=entry.id, name=name, last=last, focus=focus, hours=hours,
                     warnings=warnings, key=fold(name) + "\n" + fold(focus),
                     activity=activity)


def client_rows(entries: Sequence[ClientSummary],
                platform_names: Mapping[str, str]) -> list[ClientRow]:
    """Rows sorted by last activity, most recent first (then by name)."""
    rows = [client_row(e, platform_names) for e in entries]
    rows.sort(key=lambda r: r.key)
    rows.sort(key=lambda r: r.activity, reverse=True)
    return rows


def matcher(query: str) -> Callable[[ClientRow], bool]:
    """Every word of the query must appear in the name or the focus (any case, accents)."""
    words = [fold(w) for w in query.split()]
    return lambda row: all(w in row.key for w in words)


def filter_rows(rows: Sequence[ClientRow], query: str) -> list[ClientRow]:
    if not query.strip():
        return list(rows)
    match = matcher(query)
    return [r for r in rows if match(r)]
