"""The ``sakip`` command: chapter III from a data file, an audit of a report, the rules.

- ``sakip report FILE``: the chapter III tables of the data file as text, Markdown, HTML, JSON
  or XLSX;
- ``sakip audit FILE``: every figure the report states, recomputed; exit status 0 when all
  agree, 1 when any does not;
- ``sakip rules``: the built-in formulas, scales, conventions and structures with their
  sources.

A file that cannot be read gives one screen listing every problem as
``file:row:column: message`` and exit status 2, never a traceback. A fault inside sakip gives
one line and exit status 3 (the traceback with ``--debug``), so that a script never reads a
crash as findings. Output is UTF-8 whatever the console's encoding.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import traceback
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from sakip import _cli_data
from sakip._cli_words import HelpFormatter, command_lang, speaking
from sakip.exceptions import MissingDependencyError, SakipError
from sakip.levels import LevelScale
from sakip.rules import Source, builtin_registries, markdown_table
from sakip.text import LANGUAGES, N_, gettext, ngettext

if TYPE_CHECKING:
    from sakip.audit import BadStatedFigureError

__all__ = ["EXIT_BAD_FILE", "EXIT_DISAGREES", "EXIT_INTERNAL", "EXIT_OK", "main"]

_DOCUMENTS = ("chapter", "renja-evaluation")
"""What ``sakip report --document`` writes: chapter III, or the Renja evaluation form."""

EXIT_OK = 0
"""Everything went well (and, for ``audit``, every stated figure agrees)."""
EXIT_DISAGREES = 1
"""``audit`` found a stated figure that does not agree with the data."""
EXIT_BAD_FILE = 2
"""The file cannot be read or checked, or the command line is wrong."""
EXIT_INTERNAL = 3
"""A fault inside sakip, a bug to report; one line says so, ``--debug`` shows the traceback."""

_REPORT_EXAMPLES = N_(
    """\
contoh:
  sakip report examples/dinsos-kota-metro-2024.toml
  sakip report data.toml --year 2024 --lang en
  sakip report data.toml --as-of "TW II 2024"   # dengan tabel pemantauan s.d. TW II
  sakip report data.toml --document renja-evaluation --as-of "TW III 2024"
  sakip report data.toml --format markdown --output bab-iii.md
  sakip report data.toml --format html --output bab-iii.html
  sakip report data.toml --format xlsx --output bab-iii.xlsx
  sakip report data/ --output laporan/          # satu laporan per instansi + konsolidasi.csv
  sakip report nasional.csv --output laporan/   # tabel dengan kolom instansi (Instansi)
"""
)
_AUDIT_EXAMPLES = N_(
    """\
contoh:
  sakip audit examples/dinsos-kota-metro-2024.toml
  sakip audit data.toml --all --lang en
  sakip audit data.toml --format json > temuan.json
  sakip audit data.toml --format xlsx --output kertas-kerja.xlsx   # kertas kerja reviu
  sakip audit data.toml --format docx --output kertas-kerja.docx --lang en

status keluar: 0 setiap angka yang dinyatakan sesuai; 1 ada angka yang tidak sesuai; 2 berkas
tidak dapat dibaca; 3 galat internal.
"""
)
_RULES_EXAMPLES = N_(
    """\
contoh:
  sakip rules
  sakip rules --format json
"""
)
_MAIN_EXAMPLES = N_(
    """\
contoh:
  sakip report examples/dinsos-kota-metro-2024.toml
  sakip audit examples/dinsos-kota-metro-2024.toml
  sakip rules

Jalankan "sakip PERINTAH --help" untuk opsi sebuah perintah.

status keluar: 0 selesai; 1 ada temuan audit; 2 masukan atau pemakaian salah; 3 galat internal.
"""
)


def _version() -> str:
    from sakip import __version__  # noqa: PLC0415 - metadata is read only when asked for

    return str(__version__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sakip",
        description=N_(
            "Angka kinerja SAKIP yang tepat: bab III laporan kinerja (LKjIP) dari berkas data, "
            "dan audit atas angka yang dinyatakan sebuah laporan."
        ),
        epilog=_MAIN_EXAMPLES,
        formatter_class=HelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"sakip {_version()}")
    _add_debug(parser, default=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_report(commands)
    _add_audit(commands)
    _add_rules(commands)
    _add_lke(commands)
    _add_vectors(commands)
    _cli_data.add_validate(commands, _command)
    _cli_data.add_init(commands, _command)
    _cli_data.add_upgrade(commands, _command)
    _cli_data.add_template(commands, _command)
    return parser


def _add_wording(parser: argparse.ArgumentParser) -> None:
    """``--wording FILE.po``: an agency's own words over sakip's, in the command's ``--lang``."""
    parser.add_argument(
        "--wording",
        metavar="FILE.po",
        help=N_(
            "berkas .po gettext berisi redaksi instansi sendiri untuk pesan sakip, "
            "dalam bahasa --lang"
        ),
    )


def _add_debug(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """``--debug``, before or after the command (a sub-command's default leaves the main's)."""
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help=N_("tampilkan traceback galat internal"),
    )


def _command(commands: Any, name: str, **options: Any) -> argparse.ArgumentParser:
    """A sub-command's parser, with the options every command shares."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, formatter_class=HelpFormatter, allow_abbrev=False, **options
    )
    _add_debug(parser)
    return parser


def _report_formats() -> list[str]:
    """The formats a report can be written in, as :data:`sakip.present.FORMATS` registers them."""
    from sakip.present import FORMATS  # noqa: PLC0415 - the registry, without its renderers

    # in the order a reader meets them: text first, the default
    return sorted(FORMATS.names(), key=lambda name: (name != "text", name))


def _audit_formats() -> list[str]:
    """The formats an audit can be shown in, as :data:`sakip.present.AUDIT_FORMATS` has them."""
    from sakip.present import AUDIT_FORMATS  # noqa: PLC0415 - the registry, without renderers

    return sorted(AUDIT_FORMATS.names(), key=lambda name: (name != "text", name))


def _add_report(commands: Any) -> None:  # Any: argparse's sub-parser type is private
    report = _command(
        commands,
        "report",
        help=N_("cetak tabel bab III dari berkas data"),
        description=N_(
            "Susun tabel bab III (PermenPANRB 53/2014, Bab III (a)-(d), (f) dan B) dari berkas "
            "data (TOML atau JSON), dengan aturan di balik setiap tabel dan kalimat yang disusun"
            " dari angkanya."
        ),
        epilog=_REPORT_EXAMPLES,
    )
    report.add_argument(
        "file",
        metavar="FILE",
        help=N_(
            "berkas data (.toml atau .json); atau folder berisi berkas itu, atau tabel .csv "
            "dengan kolom instansi, untuk satu laporan per instansi (perlu --output DIR)"
        ),
    )
    report.add_argument(
        "--year", type=int, help=N_("tahun yang dilaporkan (bawaan: tahun terakhir yang berdata)")
    )
    report.add_argument(
        "--as-of",
        metavar="PERIODE",
        help=N_(
            "tambahkan tabel pemantauan triwulanan atau bulanan sampai dengan PERIODE "
            "('TW II 2024', 'Juni 2024', '2024-06'); tahunnya menjadi tahun laporan"
        ),
    )
    report.add_argument(
        "--document",
        choices=_DOCUMENTS,
        default="chapter",
        help=N_(
            "dokumen: chapter (bab III, bawaan) atau renja-evaluation (formulir evaluasi hasil "
            "Renja Permendagri 86/2017, perlu --as-of)"
        ),
    )
    report.add_argument(
        "--format",
        choices=_report_formats(),
        default="text",
        help=N_("format keluaran (bawaan: text); xlsx dan docx perlu --output"),
    )
    report.add_argument(
        "--template",
        metavar="FILE.docx",
        help=N_(
            "dengan --format docx: dokumen Word yang gaya, ukuran halaman dan marginnya "
            "dipakai bab ini"
        ),
    )
    report.add_argument(
        "--output",
        metavar="PATH",
        help=N_("tulis ke PATH, bukan ke keluaran standar ('-' adalah keluaran standar)"),
    )
    report.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="id",
        help=N_("bahasa setiap kata laporan: id (Indonesia, bawaan) atau en"),
    )
    report.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help=N_(
            "untuk folder: jumlah proses yang membaca dan melaporkan berkas datanya (bawaan: "
            "satu per prosesor; 1: semuanya dalam proses ini)"
        ),
    )
    _add_rule_choices(report)
    _add_wording(report)


def _scale_names() -> list[str]:
    from sakip.scales import SCALES  # noqa: PLC0415 - the registry only

    return SCALES.names()


def _add_rule_choices(report: argparse.ArgumentParser) -> None:
    """``--scale``, ``--efficiency``, ``--cap`` and ``--places``: a report's Python choices.

    Each wins over the data file's ``[settings]``, which win over sakip's defaults.
    """
    from sakip.budget import EFFICIENCY_CONVENTIONS  # noqa: PLC0415 - the registries only

    readable = [  # table (f) reads achievement and absorption; a convention on outputs cannot
        name
        for name in EFFICIENCY_CONVENTIONS.names()
        if set(EFFICIENCY_CONVENTIONS[name].inputs) == {"achievement", "absorption"}
    ]
    report.add_argument(
        "--scale",
        choices=_scale_names(),
        help=N_("skala nilai capaian (bawaan: permendagri-86-2017); lihat 'sakip rules'"),
    )
    report.add_argument(
        "--efficiency",
        choices=readable,
        help=N_("konvensi efisiensi tabel (f) (bawaan: difference); lihat 'sakip rules'"),
    )
    report.add_argument(
        "--cap",
        metavar="N",
        help=N_(
            "batas atas setiap capaian tahunan, misalnya 100 atau 120 (bawaan: tanpa batas); "
            "capaian tanpa batas tetap tersimpan"
        ),
    )
    report.add_argument(
        "--places",
        metavar="N",
        type=int,
        choices=range(7),
        help=N_(
            "banyak desimal angka setiap indikator (target, realisasi, selisih, proyeksi), "
            "0 sampai 6 (bawaan: seperti berkas data); capaian tetap 2 desimal"
        ),
    )


def _add_audit(commands: Any) -> None:
    audit = _command(
        commands,
        "audit",
        help=N_("hitung ulang setiap angka yang dinyatakan laporan dan daftar yang tidak sesuai"),
        description=N_(
            "Hitung ulang setiap angka yang menurut berkas data dinyatakan laporan (entri "
            "[[stated]]) dan daftar setiap angka yang tidak sesuai, dengan nilai yang "
            "dinyatakan, nilai hitung ulang, aturannya dan tempat angka itu dicetak. Sebuah "
            "angka sesuai bila nilai hitung ulang, dibulatkan ke jumlah desimal yang dicetak, "
            "sama dengannya. Kata-katanya berbahasa Indonesia kecuali --lang en; angkanya dalam "
            "notasi Indonesia pada keduanya, sebagaimana laporan mencetaknya."
        ),
        epilog=_AUDIT_EXAMPLES,
    )
    audit.add_argument("file", metavar="FILE", help=N_("berkas data (.toml atau .json)"))
    audit.add_argument(
        "--format",
        choices=_audit_formats(),
        default="text",
        help=N_(
            "format keluaran (bawaan: text); html, xlsx dan docx adalah kertas kerja reviu, "
            "xlsx dan docx perlu --output"
        ),
    )
    audit.add_argument(
        "--output",
        metavar="PATH",
        help=N_("tulis ke PATH, bukan ke keluaran standar ('-' adalah keluaran standar)"),
    )
    audit.add_argument(
        "--all", action="store_true", help=N_("daftar juga angka yang sesuai (format text)")
    )
    audit.add_argument(
        "--scale",
        choices=_scale_names(),
        help=N_("skala nilai yang dipakai laporan, bila bukan pengaturan berkas data"),
    )
    audit.add_argument(
        "--cap",
        metavar="N",
        help=N_("batas capaian yang dipakai laporan, bila bukan pengaturan berkas data"),
    )
    audit.add_argument(
        "--places",
        metavar="N",
        type=int,
        choices=range(7),
        help=N_("banyak desimal angka indikator di laporan, bila bukan pengaturan berkas data"),
    )
    audit.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="id",
        help=N_("bahasa kata-katanya: id (Indonesia, bawaan) atau en"),
    )
    _add_wording(audit)


def _add_rules(commands: Any) -> None:
    rules = _command(
        commands,
        "rules",
        help=N_("daftar aturan bawaan beserta sumbernya"),
        description=N_(
            "Daftar rumus capaian, skala penilaian, konvensi efisiensi, struktur evaluasi dan "
            "aturan bawaan lainnya, masing-masing dengan sumbernya."
        ),
        epilog=_RULES_EXAMPLES,
    )
    rules.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help=N_("format keluaran; markdown adalah tabel aturan bawaan di README"),
    )
    rules.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="id",
        help=N_("bahasa keluaran text: id (Indonesia, bawaan) atau en (Inggris)"),
    )


def _add_vectors(commands: Any) -> None:
    vectors = _command(
        commands,
        "vectors",
        help=N_("tulis vektor kesesuaian yang dipakai implementasi lain untuk memeriksa dirinya"),
        description=N_(
            "Tulis setiap kasus kesesuaian (masukan, nilai tepat dan angka cetak yang "
            "diharapkan, aturan dan sumbernya) sebagai JSON, atau dengan --schema JSON Schema "
            "berkas itu."
        ),
    )
    vectors.add_argument("--output", metavar="FILE", help=N_("tulis ke FILE, bukan ke layar"))
    vectors.add_argument("--schema", action="store_true", help=N_("tulis JSON Schema berkas itu"))


# --- reading the file -----------------------------------------------------------------------


def _load(file: str, err: TextIO, lang: str) -> Any:
    """The dataset, or ``None`` after printing every problem of the file, in ``lang``."""
    from sakip.io import DataFileError, LimitError, load  # noqa: PLC0415 - for a reading command

    try:
        return load(file)
    except (DataFileError, LimitError) as error:  # for the person who fixes the file
        print(error.describe(lang), file=err)
    except MissingDependencyError as missing:  # a workbook without the excel extra
        print(f"{file}: {missing.describe(lang)}", file=err)
    except SakipError as error:
        print(str(error), file=err)
    except OSError as error:
        print(f"{file}: {error.strerror or error}", file=err)
    return None


# --- report ---------------------------------------------------------------------------------


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output = None if args.output in (None, "-") else args.output  # "-" is standard output
    refused = _output_refusal(args, output, args.lang)
    if args.document == "renja-evaluation" and args.as_of is None:
        refused = gettext(
            "--document renja-evaluation perlu --as-of PERIODE ('TW III 2024')", lang=args.lang
        )
    if refused is not None:
        print(f"sakip report: {refused}", file=err)
        return EXIT_BAD_FILE
    dataset = _load(args.file, err, args.lang)
    if dataset is None:
        return EXIT_BAD_FILE
    plan = dataset.plan
    if args.year is not None and args.year not in plan.years:
        outside = gettext(
            "--year {year} di luar rencana {plan} ({first}–{last}); pilih salah satu tahunnya",
            lang=args.lang,
            year=args.year,
            plan=plan.name,
            first=plan.start_year,
            last=plan.end_year,
        )
        print(f"{args.file}: {outside}", file=err)
        return EXIT_BAD_FILE
    return _write_report(args, dataset, output, out, err)


def _output_refusal(args: argparse.Namespace, output: str | None, lang: str) -> str | None:
    """Why the output asked for cannot be written, before anything is read, in ``lang``."""
    from sakip.present import FORMATS  # noqa: PLC0415 - the registry, without its renderers

    if FORMATS[args.format].binary and output is None:
        return gettext(
            "--format {format} perlu --output PATH (sebuah berkas)", lang=lang, format=args.format
        )
    if args.template is not None and FORMATS[args.format].templated is None:
        return gettext(
            "--template hanya untuk --format docx, bukan {format}", lang=lang, format=args.format
        )
    if args.cap is not None and _cap(args.cap) is None:
        return gettext(
            "--cap {value}: tulis batas capaian berupa angka positif (100, 120)",
            lang=lang,
            value=args.cap,
        )
    if args.template is not None and not Path(args.template).is_file():
        return gettext("--template {file}: berkas tidak ada", lang=lang, file=args.template)
    if output is not None and _same_file(output, args.file):
        return gettext(
            "--output {path} adalah berkas data; pilih path lain", lang=lang, path=output
        )
    return None


def _write_report(
    args: argparse.Namespace, dataset: Any, output: str | None, out: TextIO, err: TextIO
) -> int:
    from sakip.render import render, write  # noqa: PLC0415 - lazy, see _load
    from sakip.report import build_report  # noqa: PLC0415

    try:
        report = (
            _renja(args, dataset)
            if args.document == "renja-evaluation"
            else build_report(
                dataset, year=args.year, lang=args.lang, as_of=args.as_of, **_rule_choices(args)
            )
        )
        if output is not None:
            write(report, output, args.format, template=args.template)
        else:
            text = render(report, args.format)
            out.write(text if isinstance(text, str) else text.decode())
    except MissingDependencyError as missing:
        print(f"sakip report: {missing.describe(args.lang)}", file=err)
        return EXIT_BAD_FILE
    except SakipError as error:
        print(f"{args.file}: {error}", file=err)
        return EXIT_BAD_FILE
    except OSError as error:
        print(f"{output}: {error.strerror or error}", file=err)
        return EXIT_BAD_FILE
    if output is not None:
        print(gettext("ditulis: {path}", lang=args.lang, path=output), file=err)
    return EXIT_OK


def _renja(args: argparse.Namespace, dataset: Any) -> Any:
    """The Renja evaluation form up to ``--as-of``."""
    from sakip.renja_table import renja_report  # noqa: PLC0415 - lazy, see _load

    return renja_report(dataset, as_of=args.as_of, lang=args.lang)


def _rule_choices(args: argparse.Namespace) -> dict[str, Any]:
    """The rules chosen on the command line; the ones not chosen keep the data's or defaults."""
    chosen = {
        "scale": args.scale,
        "efficiency": args.efficiency,
        "cap": None if args.cap is None else _cap(args.cap),
        "places": args.places,
    }
    return {name: rule for name, rule in chosen.items() if rule is not None}


def _cap(text: str) -> Decimal | None:
    """The cap ``--cap`` gives, in either notation ("120", "120,5"); ``None`` if none."""
    from sakip.locale import parse_number  # noqa: PLC0415 - lazy, as the other readers

    try:
        cap = parse_number(text)
    except SakipError:
        return None
    return cap if cap > 0 else None


def _same_file(output: str, data: str) -> bool:
    """Whether writing ``output`` would overwrite the data file (through a link or not)."""
    try:
        return Path(output).resolve().samefile(data)
    except OSError:  # either does not exist: nothing to overwrite, or the read says why
        return False


def _many_refusal(args: argparse.Namespace) -> str | None:
    """Why the options cannot serve many agencies at once, in the command's language."""
    jobs = args.jobs
    refusals = (
        (args.output is None, N_("sakip report: folder atau tabel perlu --output DIR")),
        (
            any(choice is not None for choice in (args.scale, args.efficiency, args.cap)),
            N_("sakip report: --scale, --efficiency dan --cap hanya untuk satu berkas data"),
        ),
        (args.places is not None, N_("sakip report: --places hanya untuk satu berkas data")),
        (args.as_of is not None, N_("sakip report: --as-of hanya untuk satu berkas data")),
        (
            jobs is not None and jobs < 1,
            N_(
                "sakip report: --jobs {jobs}: tulis jumlah proses berupa bilangan bulat 1 "
                "atau lebih"
            ),
        ),
        (args.document != "chapter", N_("sakip report: --document hanya untuk satu berkas data")),
    )
    for refused, message in refusals:
        if refused:
            return gettext(message, lang=args.lang, jobs=jobs)
    return None


def _report_many(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Many agencies (a folder of data files, or a table with an agency column) at once."""
    # A workbook stays a data file here (the fill-in template); an XLSX table of many
    # agencies is read with sakip.collection.read_collection.
    if not (Path(args.file).is_dir() or Path(args.file).suffix.casefold() == ".csv"):
        return _report(args, out, err)  # one data file
    from sakip.collection import write_reports  # noqa: PLC0415 - lazy

    refused = _many_refusal(args)
    if refused is not None:
        print(refused, file=err)
        return EXIT_BAD_FILE
    try:
        written, failed = write_reports(
            args.file,
            args.output,
            format=args.format,
            year=args.year,
            lang=args.lang,
            jobs=args.jobs,
        )
    except SakipError as error:
        print(str(error), file=err)
        return EXIT_BAD_FILE
    except OSError as error:
        print(f"{args.output}: {error.strerror or error}", file=err)
        return EXIT_BAD_FILE
    for problem in failed:  # the files that cannot be read first, each agency in file order
        print(problem, file=err)
    count = len(written)
    wrote = ngettext(
        "{count} berkas ditulis ke {path}",
        "{count} berkas ditulis ke {path}",
        count,
        lang=args.lang,
        count=count,
        path=args.output,
    )
    print(wrote, file=err)
    return EXIT_BAD_FILE if failed else EXIT_OK


# --- audit ----------------------------------------------------------------------------------


def _audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from sakip.audit import StatedFigureError, audit  # noqa: PLC0415 - lazy, see _load

    output = None if args.output in (None, "-") else args.output  # "-" is standard output
    refused = _audit_output_refusal(args, output)
    if refused is not None:
        print(f"sakip audit: {refused}", file=err)
        return EXIT_BAD_FILE
    dataset = _load(args.file, err, args.lang)
    if dataset is None:
        return EXIT_BAD_FILE
    try:
        cap = None if args.cap is None else _cap(args.cap)
        result = audit(dataset, scale=args.scale, cap=cap, places=args.places)
    except StatedFigureError as group:
        count = len(group.exceptions)
        unchecked = ngettext(
            "{count} angka yang dinyatakan tidak dapat diperiksa",
            "{count} angka yang dinyatakan tidak dapat diperiksa",
            count,
            lang=args.lang,
            count=count,
        )
        print(f"{args.file}: {unchecked}", file=err)
        for problem in group.exceptions:
            # A group's items may be groups in general; audit() puts in figures only.
            said = cast("BadStatedFigureError", problem).describe(args.lang)
            print(f"{args.file}: {said}", file=err)
        return EXIT_BAD_FILE
    except SakipError as error:
        print(f"{args.file}: {error}", file=err)
        return EXIT_BAD_FILE
    written = _write_audit(args, result, output, out, err)
    if written != EXIT_OK:
        return written
    return EXIT_OK if result.ok else EXIT_DISAGREES


def _audit_output_refusal(args: argparse.Namespace, output: str | None) -> str | None:
    """Why the audit cannot run as asked (a cap, where its output goes), in its language."""
    from sakip.present import AUDIT_FORMATS  # noqa: PLC0415 - the registry, without renderers

    if args.cap is not None and _cap(args.cap) is None:
        return gettext(
            "--cap {value}: tulis batas capaian berupa angka positif (100, 120)",
            lang=args.lang,
            value=args.cap,
        )
    if AUDIT_FORMATS[args.format].binary and output is None:
        return gettext(
            "--format {format} perlu --output PATH (sebuah berkas)",
            lang=args.lang,
            format=args.format,
        )
    if output is not None and _same_file(output, args.file):
        return gettext(
            "--output {path} adalah berkas data; pilih path lain", lang=args.lang, path=output
        )
    return None


def _write_audit(
    args: argparse.Namespace, result: Any, output: str | None, out: TextIO, err: TextIO
) -> int:
    """The audit in its format, to standard output or written whole to ``output``."""
    from sakip.io._safe import atomic_write  # noqa: PLC0415 - lazy, see _load
    from sakip.present import AUDIT_FORMATS  # noqa: PLC0415

    name = Path(args.file).name
    try:
        shown = AUDIT_FORMATS[args.format].function(
            result, name=name, everything=args.all, lang=args.lang
        )
        data = shown.encode("utf-8") if isinstance(shown, str) else shown
        if output is not None:
            atomic_write(Path(output), data)
    except MissingDependencyError as missing:
        print(f"sakip audit: {missing.describe(args.lang)}", file=err)
        return EXIT_BAD_FILE
    except OSError as error:
        print(f"{output}: {error.strerror or error}", file=err)
        return EXIT_BAD_FILE
    if output is None:
        out.write(data.decode())
    else:
        print(gettext("ditulis: {path}", lang=args.lang, path=output), file=err)
    return EXIT_OK


# --- rules ----------------------------------------------------------------------------------


def _detail(rule: Any) -> str:
    """What a rule computes, in one line, from whichever fields its kind has."""
    if hasattr(rule, "bands"):
        return "; ".join(f"{band.label} {band.describe()}" for band in rule.bands)
    if isinstance(rule, LevelScale):
        return " < ".join(rule.levels)
    if hasattr(rule, "components"):
        return "; ".join(f"{c.name} {c.weight}" for c in rule.components)
    for field in ("expression", "rule"):
        value = getattr(rule, field, None)
        if isinstance(value, str):
            return value.replace("{R}", "R").replace("{T}", "T")
    return ""


def _rule_data() -> list[dict[str, Any]]:
    registries = []
    for where, registry in builtin_registries().items():
        rules = []
        for rule in registry:
            source: Source | None = getattr(rule, "source", None)
            rules.append(
                {
                    "name": rule.name,
                    "title": getattr(rule, "title", ""),
                    "years": list(rule.years),
                    "rule": _detail(rule),
                    "source": None if source is None else str(source),
                    "grade": None if source is None else source.grade.value,
                    "note": None if source is None else source.note,
                }
            )
        registries.append({"kind": registry.kind, "registry": where, "rules": rules})
    return registries


def _rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.format == "markdown":
        out.write(markdown_table())
        return EXIT_OK
    data = _rule_data()
    if args.format == "json":
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    out.write("\n".join(_rules_text(data, args.lang)))
    return EXIT_OK


def _said(line: str) -> str:
    return "      " + line  # under the rule's name


def _rules_text(data: list[dict[str, Any]], lang: str) -> list[str]:
    """The rules as lines: each registry headed by its kind of rule, in ``lang``."""
    registries = builtin_registries()
    lines: list[str] = []
    for registry in data:
        kind = gettext(next(iter(registries[registry["registry"]])).rule_kind, lang=lang)
        lines += [f"{kind} ({registry['registry']})", ""]
        for rule in registry["rules"]:
            lines.append(f"  {rule['name']}: {rule['title']}")
            if rule["rule"]:
                lines.append(f"      {rule['rule']}")
            if rule["source"]:
                lines.append(_said(gettext("sumber: {source}", lang=lang, source=rule["source"])))
            if rule["note"]:
                lines.append(_said(gettext("catatan: {note}", lang=lang, note=rule["note"])))
        lines.append("")
    return lines


# --- lke -----------------------------------------------------------------------------------


def _add_lke(commands: Any) -> None:
    from sakip.lke._cli import PARSER_OPTIONS, add_arguments  # noqa: PLC0415 - for the parser

    lke = _command(commands, "lke", **PARSER_OPTIONS)
    add_arguments(lke)
    _add_wording(lke)


def _lke(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from sakip.lke._cli import run  # noqa: PLC0415 - lazy, see _load

    return run(args, out, err)


# --- vectors -------------------------------------------------------------------------------


def _vectors(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from sakip import vectors  # noqa: PLC0415 - only this command needs it

    data = vectors.json_schema() if args.schema else vectors.generate()
    if args.output is None:
        out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        vectors.write(args.output, data)
    return EXIT_OK


# --- entry point ----------------------------------------------------------------------------


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the ``sakip`` command and return its exit status.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` when ``None``.
        out: Where output goes; standard output when ``None``.
        err: Where problems go; standard error when ``None``.
    """
    stdout = _utf8(sys.stdout) if out is None else out
    stderr = _utf8(sys.stderr) if err is None else err
    arguments = sys.argv[1:] if argv is None else list(argv)
    # Help and usage errors come before parsing: they speak the --lang the arguments hold.
    with speaking(command_lang(arguments)):
        parser = _parser()
        if not arguments:  # a bare `sakip` shows what it can do
            parser.print_help(stdout)
            return EXIT_OK
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                args = parser.parse_args(arguments)
        except SystemExit as exit_:  # --help, --version and usage errors
            return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_FILE
    commands = {
        "report": _report_many,
        "audit": _audit,
        "rules": _rules,
        "lke": _lke,
        "vectors": _vectors,
        "validate": lambda args, out, err: _cli_data.validate(args, out, err, _load),
        "init": _cli_data.init,
        "upgrade": _cli_data.upgrade,
        "template": _cli_data.template,
    }
    try:
        return _worded(commands[args.command], args, stdout, stderr)
    except (
        BrokenPipeError
    ):  # pragma: no cover - a reader such as `head` left; tested in a subprocess
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the exit's flush does not fail again
        return EXIT_OK
    except Exception as error:  # a fault inside sakip: never read as findings (exit 1)
        lang = getattr(args, "lang", "id")  # a command without --lang speaks Indonesian
        return _internal_error(error, stderr, debug=args.debug, lang=lang)


def _worded(command: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the command inside the agency's wording given with ``--wording``, if any.

    A file that cannot be layered prints its problems, one per line, and exits with status 2
    before the command reads anything.
    """
    path = getattr(args, "wording", None)
    if path is None:
        return int(command(args, out, err))
    from sakip.text import wording  # noqa: PLC0415 - Babel's tools load only when asked for
    from sakip.text.layer import Wording, WordingError  # noqa: PLC0415

    try:
        layer = Wording.read(path, lang=args.lang)
    except WordingError as error:
        print(error.describe(args.lang), file=err)
        return EXIT_BAD_FILE
    except OSError as error:
        print(f"{path}: {error.strerror or error}", file=err)
        return EXIT_BAD_FILE
    with wording(layer, lang=args.lang):
        return int(command(args, out, err))


def _internal_error(error: Exception, err: TextIO, *, debug: bool, lang: str) -> int:
    """One line saying sakip failed (the traceback with ``--debug``), and exit status 3."""
    if debug:
        traceback.print_exception(error, file=err)
    fault = f"{type(error).__name__}: {error}"  # Python's own words, as a report quotes them
    said = _INTERNAL_ERROR if debug else _INTERNAL_ERROR_HINT
    print(gettext(said, lang=lang, error=fault), file=err)
    return EXIT_INTERNAL


_INTERNAL_ERROR = N_("sakip: galat internal ({error}), mohon laporkan")
_INTERNAL_ERROR_HINT = N_(
    "sakip: galat internal ({error}), mohon laporkan; jalankan dengan --debug untuk jejaknya"
)


def _utf8(stream: TextIO) -> TextIO:
    """The console stream, writing UTF-8 whatever its encoding (cp1252 on Windows, say)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
        reconfigure(encoding="utf-8")
    return stream
