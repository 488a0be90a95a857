"""Render the bundled example into the pictures the documentation shows.

Run it from the repository root after a change to what a report looks like::

    uv run --extra all python docs/pictures.py

It writes PNG files into ``docs/_static/pictures/``, which are committed: building the docs
needs none of the programs below. It needs, besides sakip with its ``all`` extra:

- LibreOffice (``soffice``), which prints the Word and Excel files to PDF as a user's office
  suite would, with the files' own page setup (A4, landscape sections, fit to width);
- ``pdftoppm`` (poppler) to turn those PDF pages into pictures;
- Chromium (``chromium``) to photograph the HTML page.

On Debian: ``apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
chromium``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
PICTURES = ROOT / "docs" / "_static" / "pictures"
RESOLUTION = 70  # dots per inch: an A4 page about 580 pixels wide, legible on a docs page


def _run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(part) for part in command], check=True, capture_output=True, env=env)


def _report(output: Path, format: str) -> None:
    """Write the example's chapter III in a format, through the command users run."""
    from sakip.cli import main

    if main(["report", str(EXAMPLE), "--format", format, "--output", str(output)]) != 0:
        sys.exit(f"sakip report --format {format} failed")


def _pages(pdf: Path, name: str, pages: int) -> list[Path]:
    """The first ``pages`` pages of a PDF as PNG files ``name-1.png``, ``name-2.png`` and on."""
    prefix = PICTURES / name
    _run("pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", str(pages), pdf, prefix)
    # pdftoppm pads the page number to the width of the page count ("-01" for 10+ pages).
    written = sorted(PICTURES.glob(f"{name}-*.png"))
    renamed = []
    for number, path in enumerate(written, start=1):
        target = PICTURES / f"{name}-{number}.png"
        path.rename(target)
        renamed.append(target)
    return renamed


def _office_pdf(document: Path, work: Path) -> Path:
    """The document printed to PDF by LibreOffice, with the document's own page setup."""
    _run(
        "soffice",
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        document,
        # In an Indonesian locale, as an agency's own office suite shows the workbook's
        # numbers ("68,14"): a workbook stores numbers, and the reader's locale writes them.
        env={**os.environ, "LANG": "id_ID.UTF-8", "LC_ALL": "id_ID.UTF-8"},
    )
    return work / f"{document.stem}.pdf"


def _html(work: Path) -> None:
    page = work / "bab-iii.html"
    _report(page, "html")
    _run(
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={work / 'chromium'}",
        "--hide-scrollbars",
        "--window-size=1000,1400",
        f"--screenshot={PICTURES / 'html-1.png'}",
        page.as_uri(),
    )


def _charts() -> None:
    import sakip.io
    from sakip import plot

    dataset = sakip.io.load(EXAMPLE)
    figure = plot.indicator_chart(dataset, "IKU-1")
    figure.savefig(PICTURES / "chart-iku-1.png", dpi=100)


def main() -> None:
    """Render every picture afresh."""
    for program in ("soffice", "pdftoppm", "chromium"):
        if shutil.which(program) is None:
            sys.exit(f"{program} is needed (see this script's docstring)")
    PICTURES.mkdir(parents=True, exist_ok=True)
    for old in PICTURES.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for format, pages in (("docx", 3), ("xlsx", 2)):
            document = work / f"bab-iii.{format}"
            _report(document, format)
            _pages(_office_pdf(document, work), format, pages)
        _html(work)
    _charts()
    for path in sorted(PICTURES.glob("*.png")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
