"""The footer: every key that fits, the least needed ones left out at narrow widths.

Textual's own footer cuts whatever does not fit ("f1 Hel▏" at 80 columns). This one
measures its keys and leaves out, in a fixed order, those a person needs least (they
stay in the palette and on the help page), so every key shown is whole.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual's own key widget, for the same look

# Left out first when the keys do not fit (binding ids, else actions).
LEAST_NEEDED = ("present", "home.import", "home.export", "client.mark", "home.rename",
                "client_page", "client.notes", "compare.all", "quit", "home.search",
                "client.clients", "home.delete")
PALETTE_ROOM = 14   # "▏^p palette" and its margins, docked right


class CoachFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._width = 0
        self._composed: tuple[object, ...] = ()   # the keys shown now, as compared

    def _room(self) -> int:
        return (self.size.width or self.app.size.width) - PALETTE_ROOM

    def _key_width(self, binding: Binding) -> int:
        # " key description " plus the gap Textual puts between keys.
        return len(self.app.get_key_display(binding)) + len(binding.description) + 3

    def _keys(self) -> list[tuple[Binding, bool, str]]:
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        return list(shown.values())

    @staticmethod
    def _signature(keys: list[tuple[Binding, bool, str]]) -> tuple[object, ...]:
        return tuple((b.key, b.description, enabled, tip) for b, enabled, tip in keys)

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual rebuilds the footer whenever the focus moves; moving between fields
        # rarely changes its keys, and each rebuild is a layout and a frame (six of
        # them when a plan row opened a platform's page).
        if self._bindings_ready and screen is self.screen and self.is_attached:
            signature = self._signature(self._keys())
            if signature == self._composed:
                return
            self._composed = signature   # one rebuild for a burst of changes
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        keys = self._keys()
        self._composed = self._signature(keys)
        room = self._room()
        # Presenting, F8 is the way out: it stays.
        presenting = self.app.has_class("-presenter")
        for name in LEAST_NEEDED:
            if presenting and name == "present":
                continue
            if sum(self._key_width(b) for b, _e, _t in keys) <= room:
                break
            keys = [k for k in keys if (k[0].id or k[0].action) != name]
        self.styles.grid_size_columns = len(keys)
        for binding, enabled, tooltip in keys:
            key = FooterKey(binding.key, self.app.get_key_display(binding),
                            binding.description, binding.action, disabled=not enabled,
                            tooltip=tooltip)
            # Born with the footer's compactness: a key is compact by default, and the
            # binding below then restyled each key twice on every footer build.
            key.set_reactive(FooterKey.compact, self.compact)
            yield key.data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                yield FooterKey(binding.key, self.app.get_key_display(binding),
                                binding.description, binding.action,
                                classes="-command-palette", disabled=not enabled,
                                tooltip=binding.tooltip or binding.description)

    def on_resize(self, event: Resize) -> None:
        # Composed for another width: the keys that fit may differ. (Not on the first
        # size: compose already measured the app's width.)
        if self._width and event.size.width != self._width:
            self.call_after_refresh(self.recompose)
        self._width = event.size.width
