"""coach: "Why am I on this network?", turned into a focused-channel plan.

Importing this package touches no disk and imports no UI library: the CLI, the
store and the TUI each load what they need when they need it.
"""

__version__ = "0.1.0"
