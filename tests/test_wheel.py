"""The wheel carries the question bank and the compiled catalogs, and works installed.

Built from this checkout, installed without dependencies into a fresh virtual
environment that cannot see the checkout (the dependencies come from the running
interpreter's site-packages through a .pth file, so no network is needed), then run
from another folder as a new user would.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from coach.i18n import CATALOGS, DOMAINS
from coach.i18n_catalogs import mo_problems

# One worker builds the wheel once for the whole module (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("wheel")

ROOT = Path(__file__).resolve().parent.parent
DEPS = ("click", "rich", "babel", "platformdirs", "filelock", "tinydb", "markdown_it", "pygments")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.insert(4, "--no-build-isolation")    # offline and fast when the backend is here
    subprocess.run(cmd, check=True, timeout=300, cwd=out)
    (found,) = out.glob("coach-*.whl")
    return found


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for file in ("questions.toml", "platforms.toml", "vocabulary.toml", "rules.toml"):
        if (ROOT / "data" / file).exists():
            assert f"coach/data/{file}" in names
    assert not any(n.startswith("tests/") for n in names)


def test_wheel_catalogs_are_compiled_from_the_po(wheel: Path, tmp_path: Path) -> None:
    """No .mo is committed: the build hook (hatch_build.py) compiles every catalog, and
    each says what its .po says (also when the checkout has stale or no .mo of its own)."""
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    for lang in CATALOGS:
        for domain in DOMAINS:
            base = f"coach/locale/{lang}/LC_MESSAGES/{domain}"
            assert f"{base}.mo" in names, f"{base}.mo not in the wheel"
            assert [n for n in archive.namelist() if n == f"{base}.mo"] == [f"{base}.mo"]
            mo = tmp_path / f"{lang}-{domain}.mo"
            mo.write_bytes(archive.read(f"{base}.mo"))
            po = read_po(archive.open(f"{base}.po"), locale=lang, domain=domain)
            assert mo_problems(po, mo, base) == []


def _fresh_venv(where: Path, wheel: Path) -> Path:
    venv.EnvBuilder(with_pip=False).create(where)
    python = where / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
    # Dependencies from the running interpreter; plain path lines, so .pth files there
    # (an editable install of this checkout, say) are not processed.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    dep_dirs = {sysconfig.get_paths()["purelib"]}
    for name in DEPS:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            dep_dirs.add(str(Path(spec.origin).parent.parent))
    (site / "_coach_test_deps.pth").write_text("\n".join(sorted(dep_dirs)) + "\n")
    return where / "bin"


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    bin_dir = _fresh_venv(tmp_path / "venv", wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "COACH_BANK", "COACH_LANG", "LANG", "LC_ALL")}
    env["COLUMNS"] = "200"

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=elsewhere, env={**env, **extra}, capture_output=True,
                              text=True, timeout=120, check=False)

    where = run(str(bin_dir / "python"), "-c",
                "import coach.paths as p; print(p.bundled_bank_dir())")
    assert where.returncode == 0, where.stderr
    bank = Path(where.stdout.strip())
    assert bank.is_relative_to(tmp_path / "venv") and (bank / "questions.toml").is_file()

    coach = str(bin_dir / "coach")
    version = run(coach, "--version")
    assert version.returncode == 0 and version.stdout.startswith("coach "), version.stderr
    en = run(coach, "platforms")
    assert en.returncode == 0 and "Specialised forum" in en.stdout, en.stderr
    fr = run(coach, "platforms", COACH_LANG="fr")
    assert fr.returncode == 0 and "Forum spécialisé" in fr.stdout, fr.stderr
    check = run(coach, "check-bank")
    assert check.returncode == 0 and "Bank OK: 17 platforms" in check.stdout, check.stderr
    assert str(bank) in check.stdout
