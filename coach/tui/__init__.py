"""The Textual app opened by `coach` with no arguments.

Arranged as it is used, each layer importing only the ones below it:

- `app.py` (+ `app.tcss`): CoachApp, `make_app`/`run_app`; start-up, the run's Voice
  and the language switch, theme, help, quit, and the palette's common entries.
- `navigator.py`: the screen stack and presenter mode; `drafts.py`: the assessment
  open on the stack (how it opens, is saved, finished or discarded).
- `screens/`: one module per screen (welcome, home, client, assessment, past plan,
  comparison, help, and the modals); `screens/base.py` says what a screen may ask of
  the rest (Desk, Navigation) and what it offers (its palette commands, its help).
- `widgets/`: what screens are built from (question fields, the assessment's steps,
  the client rows and the history chart).
- `i18n.py`, `bindings.py`, `numbers.py`, `preview.py`, `themes.py`, `text.py`: the
  language of the running app, translated key bindings, typed numbers, the live plan,
  colours, plain text. The draft being answered is `coach.assessment.Session`, the one
  model both faces drive.

Importing this package imports nothing heavy: `coach.tui.app` pulls in Textual, and
only the TUI entry point imports it.
"""
