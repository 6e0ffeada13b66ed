"""Screenshot the HTML report in headless Chromium, to look at it (and print it to PDF).

    python -m bench.html_screenshot [OUT_DIR]

Renders the two fixture plans (tests/report_fixtures.py: English freelancer,
French food bank) to HTML, then asks Debian's `chromium` (apt-get install chromium)
for a PNG screenshot and an A4 PDF of each into OUT_DIR (default: a temporary
folder, printed). Nothing goes to the network: the page has no external resource
and the browser runs with networking features off. As a bench module, `run()`
reports how long the HTML rendering takes and whether the screenshots were made.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def _fixtures():
    sys.path.insert(0, str(ROOT / "tests"))
    import report_fixtures as fx

    return [("en", fx.FREELANCER_EN, fx.NOTES_EN), ("fr", fx.FOODBANK_FR, fx.NOTES_FR)]


def chromium(args: list[str], profile: Path) -> bool:
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    return done.returncode == 0


def shoot(out_dir: Path, *, pdf: bool = True, size: str = "1000,1400") -> list[Path]:
    """Write <lang>.html, <lang>.png (and <lang>.pdf) for each fixture; return the files."""
    from coach.report import render

    out_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as profile:
        for lang, plan, notes in _fixtures():
            page = out_dir / f"{lang}.html"
            page.write_text(render(plan, "html", lang=lang, notes=notes), encoding="utf-8")
            png = out_dir / f"{lang}.png"
            if chromium([f"--screenshot={png}", f"--window-size={size}", page.as_uri()],
                        Path(profile)) and png.exists():
                made.append(png)
            if pdf:
                out_pdf = out_dir / f"{lang}.pdf"
                if chromium([f"--print-to-pdf={out_pdf}", "--no-pdf-header-footer",
                             page.as_uri()], Path(profile)) and out_pdf.exists():
                    made.append(out_pdf)
    return made


def run() -> dict[str, float | str]:
    from coach.report import render

    fixtures = _fixtures()
    result: dict[str, float | str] = {}
    for fmt in ("text", "md", "html"):
        start = time.perf_counter()
        for _ in range(20):
            for lang, plan, notes in fixtures:
                render(plan, fmt, lang=lang, notes=notes, color=False)
        result[f"report_{fmt}_ms"] = (time.perf_counter() - start) * 1000 / (20 * len(fixtures))
    if Path(CHROMIUM).exists():
        with tempfile.TemporaryDirectory() as tmp:
            result["report_html_screenshots"] = str(len(shoot(Path(tmp), pdf=False)))
    else:
        result["report_html_screenshots"] = "skipped (no chromium)"
    return result


def main(argv: list[str]) -> int:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        print("chromium not found: apt-get install chromium", file=sys.stderr)
        return 1
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="coach-report-"))
    for path in shoot(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
