"""Home: every client in a searchable table, with the actions on clients.

The rows are computed once from the store's index (no client file is opened), and
the search filters them in memory after a short pause in typing; the table is only
rebuilt when the set of matching rows really changes. Names are shown as plain
Rich `Text`, never markup. Exporting a client to a file and importing one live here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static

from coach.textsafe import clean
from coach.tui.i18n import N_, _, current_lang, ngettext, own_assessment, say
from coach.tui.screens.base import CoachScreen, Desk
from coach.tui.widgets.clientrows import ClientRow, client_rows, filter_rows
from coach.tui.widgets.footer import CoachFooter

SEARCH_DELAY = 0.15  # seconds of calm typing before the table follows the search
# At most this many rows in the table: the most recent clients, then the search finds
# any other. Building 1,000 table rows costs a visible pause on every keystroke.
MAX_ROWS = 200
COLUMNS = ("name", "last", "focus", "hours", "warnings")
FIXED = {"last": 10, "hours": 13, "warnings": 6}   # columns that keep their width


def export_name(name: str) -> str:
    """A file name for a client's export: letters and digits only, never a path."""
    slug = re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-").lower()[:40]
    return f"{slug or 'client'}.coach.json"


class HomeScreen(CoachScreen):
    HELP_TOPIC = "clients"
    LISTS_CLIENTS = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New"), id="home.new"),
        Binding("r", "rename", N_("Rename"), id="home.rename"),
        Binding("d", "delete", N_("Delete"), id="home.delete"),
        Binding("e", "export", N_("Export"), id="home.export"),
        Binding("i", "import", N_("Import"), id="home.import"),
        Binding("slash", "search", N_("Search"), id="home.search"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk, id="home-screen")
        self.rows: list[ClientRow] = []
        self.shown: list[str] = []        # ids in the table now, in order
        self._timer: Timer | None = None
        self._width = 0                   # terminal width the columns were sized for
        self._sized_name = 0              # the name column's width now

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home", classes="step"):
            with Horizontal(id="home-top"):
                # Someone assessing themselves has no clients: the list is theirs.
                yield Static(Content(_("Your assessments") if own_assessment() else
                                     _("Clients")), classes="step-title", id="home-title")
                yield Input(placeholder=_("Search a name or a focus (/)"), id="home-search",
                            compact=True)
            yield DataTable(id="home-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-count")
        yield CoachFooter()

    def on_mount(self) -> None:
        self.sub_title = ""
        self._columns()
        self.reload()
        self.query_one("#home-table").focus()

    def _columns(self) -> None:
        table = self.query_one("#home-table", DataTable)
        table.clear(columns=True)
        self._width = self.app.size.width
        # Fixed columns keep their width; the name, what a person looks for, takes
        # what the longest needs (up to all but 14 columns), the focus the rest: at
        # 80 columns names were cut while the focus column had room.
        rest = self._rest()
        name = self._name_width(rest)
        self._sized_name = name
        widths = {**FIXED, "name": name, "focus": rest - name}
        titles = {"name": _("Name"), "last": _("Last"), "focus": _("Focus"),
                  "hours": _("Hours/budget"), "warnings": _("Warn.")}
        for key in COLUMNS:
            table.add_column(Text(titles[key]), width=widths[key], key=key)

    def _rest(self) -> int:
        """Columns left for the name and the focus."""
        return max(24, self.app.size.width - 4 - 2 * len(COLUMNS) - sum(FIXED.values()))

    def _name_width(self, rest: int) -> int:
        longest = max((len(r.name) for r in self.rows), default=0)
        return max(rest // 2, min(longest + 1, rest - 14))

    def on_resize(self) -> None:
        # Column widths follow the terminal: rebuild them (rows are kept in memory).
        if self.is_mounted and self.rows and self.app.size.width != self._width:
            self._columns()
            self.shown = []
            self.apply_filter()

    # -- rows -------------------------------------------------------------------------
    def reload(self, *, select: str | None = None) -> None:
        """Read the index again (after a change) and show the rows matching the search."""
        ws = self.workspace
        self.rows = client_rows(ws.list_clients(), self.desk.platform_names())
        self.shown = []
        if self._name_width(self._rest()) != self._sized_name:
            self._columns()    # a longer name came (or went)
        self.apply_filter(select=select)

    def apply_filter(self, *, select: str | None = None) -> None:
        table = self.query_one("#home-table", DataTable)
        query = self.query_one("#home-search", Input).value
        found = filter_rows(self.rows, query)
        matching = found[:MAX_ROWS]
        ids = [r.id for r in matching]
        if ids != self.shown:
            current = select or self.current_id()
            table.clear()
            table.add_rows(
                [self._cells(r) for r in matching])
            # add_rows gives generated keys; keep our ids beside them by position.
            self.shown = ids
            if current in ids:
                table.move_cursor(row=ids.index(current), animate=False)
        count = self.query_one("#home-count", Static)
        if len(found) > len(matching):
            count.update(Content(_("The {n} most recent of {total} clients: type a name to "
                                   "find the others.").format(n=len(matching),
                                                              total=len(found))))
        elif query.strip():
            count.update(Content(ngettext("{n} of {total} client", "{n} of {total} clients",
                                          len(self.rows)).format(n=len(ids),
                                                                 total=len(self.rows))))
        elif self.rows and own_assessment():
            count.update(Content(_("Enter: open · n: a new one (another business, a "
                                   "project)")))
        elif self.rows:
            count.update(Content(
                ngettext("{n} client", "{n} clients", len(self.rows)).format(n=len(self.rows))
                + " · " + _("Enter: open · n: new client")))
        else:
            count.update(Content(_("No clients yet: press n to add one.")))

    @staticmethod
    def _cells(row: ClientRow) -> list[Text]:
        return [Text(row.name, no_wrap=True, overflow="ellipsis"), Text(row.last),
                Text(row.focus, no_wrap=True, overflow="ellipsis"), Text(row.hours),
                Text(row.warnings, justify="right")]

    def current_id(self) -> str | None:
        table = self.query_one("#home-table", DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def current_row(self) -> ClientRow | None:
        wanted = self.current_id()
        return next((r for r in self.rows if r.id == wanted), None)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, self.apply_filter)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.apply_filter()
        self.query_one("#home-table").focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    # -- actions ----------------------------------------------------------------------
    def action_search(self) -> None:
        self.query_one("#home-search", Input).focus()

    def action_open(self) -> None:
        row = self.current_row()
        if row is not None:
            self.nav.open_client(row.id)

    def action_new(self) -> None:
        from coach.tui.screens.prompt import PromptScreen

        made: dict[str, str] = {}

        def create(name: str) -> str | None:
            from coach.store import StoreError

            try:
                made["id"] = self.workspace.create_client(name)
            except StoreError as exc:
                return say(exc)
            return None

        def done(name: str | None) -> None:
            if name and "id" in made:
                self.reload(select=made["id"])
                self.nav.open_client(made["id"], start=True)

        self.app.push_screen(PromptScreen(_("New client"), _("The client's name:"),
                                          placeholder=_("e.g. Atelier Lune"), check=create,
                                          ok=_("Create")), callback=done)

    def action_rename(self) -> None:
        from coach.tui.screens.prompt import PromptScreen

        row = self.current_row()
        if row is None:
            return

        def rename(name: str) -> str | None:
            from coach.store import StoreError

            try:
                self.workspace.rename_client(row.id, name)
            except StoreError as exc:
                return say(exc)
            return None

        def done(name: str | None) -> None:
            if name:
                self.reload(select=row.id)
                self.notify(_("Renamed to {name}.").format(name=name), markup=False)

        self.app.push_screen(PromptScreen(
            _("Rename a client"), _("New name for {name}:").format(name=row.name),
            value=row.name, check=rename, ok=_("Rename")), callback=done)

    def action_delete(self) -> None:
        from coach.tui.screens.prompt import PromptScreen

        row = self.current_row()
        if row is None:
            return

        def done(typed: str | None) -> None:
            from coach.store import StoreError

            if not typed:
                return
            try:
                self.workspace.forget_client(row.id)
            except StoreError as exc:
                self.tell(_("Not deleted"), [say(exc)])
                return
            self.reload()
            self.notify(_("{name} was deleted, with all its assessments.").format(
                name=row.name), markup=False)

        self.app.push_screen(PromptScreen(
            _("Delete a client"),
            _("This erases {name} and every assessment, note, draft and logged result of "
              "theirs, for good. Type the client's name to confirm:").format(name=row.name),
            must_type=row.name, ok=_("Delete for good"), danger=True), callback=done)

    def action_export(self) -> None:
        from coach.tui.screens.prompt import PromptScreen

        row = self.current_row()
        if row is None:
            return
        default = str(Path.cwd() / export_name(row.name))

        def done(typed: str | None) -> None:
            if typed:
                self.export_client(row.id, row.name, Path(typed).expanduser())

        self.app.push_screen(PromptScreen(
            _("Export a client"),
            _("Write {name}'s assessments and notes as JSON to this file:").format(
                name=row.name), value=default, ok=_("Export")), callback=done)

    def action_import(self) -> None:
        from coach.tui.screens.prompt import PromptScreen

        def done(typed: str | None) -> None:
            if typed:
                self.import_client(Path(typed).expanduser())

        self.app.push_screen(PromptScreen(
            _("Import a client"), _("The export file (JSON) to read:"),
            placeholder=_("path/to/client.coach.json"), ok=_("Import")), callback=done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rename", "delete", "export"):
            return self.current_id() is not None or None
        return True

    def commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(_("Clients: new client"),
                            _("Add a client and start their first assessment (n)"),
                            self.action_new)
        yield SystemCommand(_("Clients: import a client"),
                            _("Read a client from an export file (i)"), self.action_import)
        if self.current_id() is not None:
            yield SystemCommand(_("Clients: export the highlighted client"),
                                _("Write their assessments and notes to a JSON file (e)"),
                                self.action_export)
            yield SystemCommand(_("Clients: rename the highlighted client"),
                                _("Give them another name (r)"), self.action_rename)
            yield SystemCommand(_("Clients: delete the highlighted client"),
                                _("Erase them and all their assessments (asks first; d)"),
                                self.action_delete)

    # -- export and import ------------------------------------------------------------
    def export_client(self, client_id: str, name: str, path: Path, *,
                      force: bool = False) -> None:
        from coach.errors import CoachError, FileExists
        from coach.tui.screens.confirm import ConfirmScreen

        try:
            self.workspace.write_export(client_id, path, force=force)
        except FileExists:
            self.app.push_screen(
                ConfirmScreen(_("{file} already exists. Replace it?").format(file=path)),
                callback=lambda yes: self.export_client(client_id, name, path, force=True)
                if yes else None)
            return
        except CoachError as exc:
            self.tell(_("Not exported"), exc.said(current_lang()))
            return
        self.notify(_("{name} exported to {file}").format(name=name, file=path), markup=False)

    def import_client(self, path: Path, *, replace: bool = False) -> None:
        from coach.errors import CoachError
        from coach.files import read_json
        from coach.tui.screens.confirm import ConfirmScreen

        try:
            payload = read_json(path)  # the same message as `coach import` gives
        except CoachError as exc:
            self.tell(_("Not imported"), exc.said(current_lang()))
            return
        ws = self.workspace
        named = payload.get("client", {}).get("name") if isinstance(payload, dict) else None
        existing = ws.find_client(named) if isinstance(named, str) and named.strip() else None
        if existing is not None and not replace:
            shown = clean(existing.name, single_line=True)
            self.app.push_screen(ConfirmScreen(
                _("{name} already exists here. Replace all of their assessments, notes, "
                  "draft and results log with the ones in the file?").format(name=shown),
                yes=_("Replace"), no=_("Cancel")),
                callback=lambda yes: self.import_client(path, replace=True) if yes else None)
            return
        bank = self.desk.bank

        def check(data: Any, where: str) -> object:
            from coach.answers import validate_answers

            return validate_answers(data, bank, source=where, lang=current_lang())

        try:
            client_id, replaced = ws.import_client(payload, replace=replace, check_answers=check,
                                                   source=str(path))
        except CoachError as exc:
            self.tell(_("Not imported"), exc.said(current_lang()))
            return
        name = clean(ws.client(client_id).name, single_line=True)
        self.notify((_("{name} replaced from {file}") if replaced else
                     _("{name} imported from {file}")).format(name=name, file=path),
                    markup=False)
        self.reload(select=client_id)
        self.nav.show_notices()
