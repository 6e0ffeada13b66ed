"""The layers hold: the import-linter contracts in pyproject.toml, and one language owner.

`lint-imports` also runs in .ci/run; running it here too means the README's test command
catches a face imported from below, or a deferred import that goes around a layer.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COACH = ROOT / "coach"


def test_import_contracts_are_kept() -> None:
    run = subprocess.run([sys.executable, "-c",
                          "import sys; from importlinter.cli import lint_imports; "
                          "sys.exit(lint_imports(no_cache=True))"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    # At least the layers and the engine's purity are declared and checked.
    assert "Contracts: " in run.stdout and " kept, 0 broken" in run.stdout
    kept = int(run.stdout.split("Contracts: ")[1].split(" kept")[0])
    assert kept >= 2


def _calls(tree: ast.AST, name: str) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name]


def test_one_voice_per_run_made_by_the_entry_point() -> None:
    """No module keeps a language of its own: the only Voice is made by `coach.cli.main`."""
    makers = {}
    for path in COACH.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lines = _calls(tree, "Voice")
        if lines:
            makers[str(path.relative_to(ROOT))] = lines
        # Nothing at module level holds a Voice (`_voice = Voice()`) or a language.
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                value = node.value
                if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "Voice":
                    raise AssertionError(f"{path}: module-level Voice at line {node.lineno}")
    # Context.make is the other door (tests and benches build a Context with it).
    assert set(makers) <= {"coach/cli/main.py", "coach/context.py"}, makers
