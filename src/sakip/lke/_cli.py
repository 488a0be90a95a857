"""The ``sakip lke`` command: an empty worksheet to fill in, or a filled-in one scored.

- ``sakip lke --template xlsx --output FILE``: the empty worksheet (also ``toml``, ``json``);
- ``sakip lke FILE``: the score by component and sub-component, the predicate, the
  logic-check violations and the rater differences, as text, Markdown, HTML, JSON, XLSX or
  DOCX.

Exit status: 0 done; 2 the file cannot be read or scored, or the command line is wrong.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from sakip.exceptions import MissingDependencyError, SakipError
from sakip.lke._words import LANGUAGES
from sakip.lke.scoring import UnansweredError
from sakip.text import N_, gettext

__all__ = ["add_arguments", "run"]

_OK, _BAD = 0, 2
_EXAMPLES = N_(
    """\
contoh:
  sakip lke --template xlsx --output lke-2024.xlsx
  sakip lke lke-2024.xlsx
  sakip lke lke-2024.toml --lang en --format markdown
  sakip lke lke-2024.xlsx --format docx --output hasil-lke.docx
  sakip lke lke-2024.json --partial

status keluar: 0 selesai; 2 berkas tidak dapat dibaca atau dinilai.
"""
)

# The help is Indonesian message ids, translated by the command's help formatter.
PARSER_OPTIONS: dict[str, Any] = {
    "help": N_("nilai lembar kerja evaluasi (LKE), atau tulis yang kosong"),
    "description": N_(
        "Nilai lembar kerja evaluasi SAKIP (LKE, PermenPANRB 88/2021): nilai per komponen dan "
        "sub komponen, predikat, pelanggaran uji logika, dan perbedaan antara jawaban unit "
        "sendiri dan jawaban evaluator."
    ),
    "epilog": _EXAMPLES,
}
"""How the ``lke`` sub-command introduces itself in ``sakip --help`` and ``sakip lke -h``."""


def add_arguments(lke: argparse.ArgumentParser) -> None:
    """Add the ``lke`` sub-command's arguments to its parser."""
    from sakip.lke import CATALOGUES, METHODS, ROUNDINGS  # noqa: PLC0415 - light, but lazy
    from sakip.present import LKE_FORMATS  # noqa: PLC0415 - the registry, without renderers

    lke.add_argument("file", nargs="?", metavar="FILE", help=N_("lembar kerja yang sudah diisi"))
    lke.add_argument(
        "--template", choices=("xlsx", "toml", "json"), help=N_("tulis lembar kerja kosong")
    )
    lke.add_argument("--catalogue", default="permenpanrb-88-2021", choices=CATALOGUES.names())
    formats = sorted(LKE_FORMATS.names(), key=lambda name: (name != "text", name))
    lke.add_argument("--format", default="text", choices=formats)
    lke.add_argument("--output", metavar="PATH", help=N_("tulis ke PATH, bukan ke layar"))
    lke.add_argument("--lang", default="id", choices=LANGUAGES)
    lke.add_argument("--method", default="mean-times-weight", choices=METHODS.names())
    lke.add_argument("--rounding", default="none", choices=ROUNDINGS.names())
    lke.add_argument(
        "--partial",
        action="store_true",
        help=N_("nilai yang sudah dijawab dan daftar sisanya"),
    )


def _template(args: argparse.Namespace, err: TextIO) -> int:
    from sakip.lke.worksheet import write_template  # noqa: PLC0415 - lazy

    if args.output is None:
        print(gettext("sakip lke: --template perlu --output PATH", lang=args.lang), file=err)
        return _BAD
    write_template(args.output, args.catalogue, args.template)
    print(gettext("ditulis: {path}", lang=args.lang, path=args.output), file=err)
    return _OK


def _score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from sakip.lke.report import evaluate, write_report  # noqa: PLC0415 - lazy
    from sakip.lke.worksheet import read_worksheet  # noqa: PLC0415
    from sakip.present import LKE_FORMATS  # noqa: PLC0415

    output = None if args.output in (None, "-") else args.output  # "-" is standard output
    renderer = LKE_FORMATS[args.format]
    if renderer.binary and output is None:
        needs = N_("sakip lke: --format {format} perlu --output PATH")
        print(gettext(needs, lang=args.lang, format=args.format), file=err)
        return _BAD
    worksheet = read_worksheet(args.file)
    result = evaluate(worksheet, method=args.method, rounding=args.rounding, partial=args.partial)
    if output is not None:
        write_report(result, output, args.format, lang=args.lang)
        print(gettext("ditulis: {path}", lang=args.lang, path=output), file=err)
        return _OK
    text = renderer.function(result, lang=args.lang)
    out.write(text if isinstance(text, str) else text.decode())
    return _OK


_FILE_OR_TEMPLATE = N_(
    "sakip lke: berikan FILE untuk dinilai, atau --template FORMAT (bukan keduanya)"
)
_UNANSWERED = N_("{unanswered}; atau pakai --partial")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``sakip lke`` and return its exit status."""
    lang = args.lang
    if (args.template is None) == (args.file is None):
        print(gettext(_FILE_OR_TEMPLATE, lang=lang), file=err)
        return _BAD
    try:
        return _template(args, err) if args.template is not None else _score(args, out, err)
    except UnansweredError as unanswered:
        said = gettext(_UNANSWERED, lang=lang, unanswered=unanswered.describe(lang))
        print(f"{args.file}: {said}", file=err)
    except MissingDependencyError as missing:
        print(f"sakip lke: {missing.describe(lang)}", file=err)
    except SakipError as error:
        print(f"{args.file or args.output}: {error}", file=err)
    except OSError as error:
        print(f"{error.filename or args.file}: {error.strerror or error}", file=err)
    return _BAD
