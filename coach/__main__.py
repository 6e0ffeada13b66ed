"""`python -m coach` is the same as the `coach` command."""

from coach.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
