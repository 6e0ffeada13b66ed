"""The Textual app opened by `coach` with no arguments (issue 5).

Importing this package imports nothing heavy: `coach.tui.app` pulls in Textual, and
only the TUI entry point imports it.
"""
