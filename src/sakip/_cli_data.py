"""The commands for the people who fill the data files: ``sakip validate`` and ``sakip init``."""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from sakip.text import LANGUAGES, gettext, ngettext

__all__ = ["add_init", "add_validate", "init", "validate"]

EXIT_OK = 0
EXIT_BAD_FILE = 2


def add_validate(commands: Any, command: Any) -> None:  # Any: argparse's sub-parser type
    """``sakip validate FILE [--year YEAR] [--lang id|en]``."""
    parser = command(
        commands,
        "validate",
        help="check a data file without writing a report",
        description="Read a data file and list what is valid but likely wrong: years outside "
        "the plan, an indicator with no target or no realization in the year reported, a "
        "count typed with an Indonesian thousands point. Exit status 0 when the file is "
        "valid (warnings or not), 2 when it cannot be read.",
    )
    parser.add_argument("file", metavar="FILE", help="the data file (.toml or .json)")
    parser.add_argument(
        "--year", type=int, help="the year a report would cover (default: the latest with data)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="id", help="language: id (default) or en"
    )


def add_init(commands: Any, command: Any) -> None:  # Any: argparse's sub-parser type
    """``sakip init --output FILE``."""
    parser = command(
        commands,
        "init",
        help="write a commented template data file to fill in",
        description="Write a commented TOML data file with one invented indicator, which "
        "validates and reports, to replace with your agency's data.",
    )
    parser.add_argument("--output", metavar="FILE", required=True, help="the file to write")


def validate(args: argparse.Namespace, out: TextIO, err: TextIO, load: Any) -> int:
    """List the file's notices; exit 0 when it loads, 2 when it cannot be read."""
    from sakip.validate import check_dataset  # noqa: PLC0415 - loads the compute modules

    dataset = load(args.file, err)
    if dataset is None:
        return EXIT_BAD_FILE
    notices = check_dataset(dataset, year=args.year)
    for notice in notices:
        warning = gettext("peringatan", lang=args.lang)
        print(f"{args.file}: {warning}: {notice.explain(args.lang)}", file=out)
    summary = ngettext(
        "{file}: data sah, {count} peringatan",
        "{file}: data sah, {count} peringatan",
        len(notices),
        lang=args.lang,
        file=args.file,
        count=len(notices),
    )
    print(summary, file=out)
    return EXIT_OK


def init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the template; an existing file is never overwritten."""
    target = Path(args.output)
    if target.exists():
        message = gettext(
            "{file} sudah ada; pilih nama lain agar isinya tidak tertimpa",
            lang="id",
            file=args.output,
        )
        print(f"sakip init: {message}", file=err)
        return EXIT_BAD_FILE
    template = resources.files("sakip.templates").joinpath("data.toml").read_bytes()
    try:
        with target.open("xb") as stream:  # exclusive: a file made meanwhile is not replaced
            stream.write(template)
    except OSError as error:
        print(f"{args.output}: {error.strerror or error}", file=err)
        return EXIT_BAD_FILE
    print(gettext("templat ditulis ke {file}", lang="id", file=args.output), file=err)
    return EXIT_OK
