"""The commands for the people who fill the data files.

``validate``, ``init``, ``template`` and ``upgrade``.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from sakip.exceptions import MissingDependencyError
from sakip.text import LANGUAGES, N_, gettext, ngettext

__all__ = [
    "add_init",
    "add_lang",
    "add_template",
    "add_upgrade",
    "add_validate",
    "init",
    "template",
    "upgrade",
    "validate",
]

EXIT_OK = 0
EXIT_BAD_FILE = 2


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The ``--lang id|en`` option every command of this module takes."""
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="id", help=N_("bahasa: id (bawaan) atau en")
    )


def add_validate(commands: Any, command: Any) -> None:  # Any: argparse's sub-parser type
    """``sakip validate FILE [--year YEAR] [--lang id|en]``."""
    parser = command(
        commands,
        "validate",
        help=N_("periksa berkas data tanpa menulis laporan"),
        description=N_(
            "Baca berkas data dan daftar yang sah tetapi mungkin keliru: tahun di luar Renstra, "
            "indikator tanpa target atau tanpa realisasi pada tahun yang dilaporkan, jumlah "
            "yang diketik dengan titik ribuan Indonesia. Status keluar 0 bila berkas sah "
            "(dengan atau tanpa peringatan), 2 bila tidak dapat dibaca."
        ),
    )
    parser.add_argument(
        "file", metavar="FILE", help=N_("berkas data (.toml, .json, atau buku kerja .xlsx)")
    )
    parser.add_argument(
        "--year",
        type=int,
        help=N_("tahun yang akan dilaporkan (bawaan: tahun terakhir yang berdata)"),
    )
    add_lang(parser)


def add_init(commands: Any, command: Any) -> None:  # Any: argparse's sub-parser type
    """``sakip init --output FILE``."""
    parser = command(
        commands,
        "init",
        help=N_("tulis templat berkas data berkomentar untuk diisi"),
        description=N_(
            "Tulis berkas data TOML berkomentar dengan satu indikator rekaan, yang sah dan "
            "dapat dilaporkan, untuk diganti dengan data instansi Anda."
        ),
    )
    parser.add_argument("--output", metavar="FILE", required=True, help=N_("berkas yang ditulis"))
    add_lang(parser)


def add_upgrade(commands: Any, command: Any) -> None:  # Any: argparse's sub-parser type
    """``sakip upgrade FILE [--output PATH] [--lang id|en]``."""
    parser = command(
        commands,
        "upgrade",
        help=N_("tulis ulang berkas data versi lama sebagai versi format terbaru"),
        description=N_(
            "Tulis ulang berkas data (TOML atau JSON) yang ditulis untuk versi format yang "
            "lebih lama sebagai versi terbaru, tanpa mengubah isinya: hanya baris version yang "
            "diganti bila bisa, dan komentarnya tetap. Berkas yang sudah versi terbaru "
            "dibiarkan. Status keluar 0 bila selesai, 2 bila berkas tidak dapat dibaca."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=N_("berkas data (.toml atau .json)"))
    parser.add_argument(
        "--output",
        metavar="PATH",
        help=N_("tulis ke PATH (berkas sejenis), bukan menimpa FILE"),
    )
    add_lang(parser)


def add_template(commands: Any, command: Any) -> None:  # Any: argparse's sub-parser type
    """``sakip template --format xlsx|toml --output FILE``."""
    parser = command(
        commands,
        "template",
        help=N_("tulis templat kosong untuk diisi: buku kerja XLSX atau berkas TOML"),
        description=N_(
            "Tulis templat untuk diisi. Dengan --format xlsx (bawaan): buku kerja kosong, satu "
            "lembar per bagian data, dengan daftar pilihan dan petunjuk berbahasa Indonesia "
            "di setiap kolom; setelah diisi, buku kerja itu dibaca langsung oleh sakip report, "
            "sakip audit, dan sakip validate. Dengan --format toml: templat yang sama dengan "
            "sakip init. Perlu pustaka tambahan sakip[excel] untuk XLSX."
        ),
    )
    parser.add_argument(
        "--format",
        choices=("xlsx", "toml"),
        default="xlsx",
        help=N_("xlsx (bawaan) atau toml"),
    )
    parser.add_argument("--output", metavar="FILE", required=True, help=N_("berkas yang ditulis"))
    add_lang(parser)


def upgrade(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Rewrite the file as the current version; exit 0 when done or already current."""
    from sakip.io import VERSION, DataFileError, LimitError  # noqa: PLC0415 - for this command
    from sakip.io import upgrade as rewrite  # noqa: PLC0415

    source, output = Path(args.file), args.output
    if output is not None and Path(output).suffix.casefold() != source.suffix.casefold():
        kind = gettext(
            "--output {path} harus berkas {suffix} seperti {file}",
            lang=args.lang,
            path=output,
            suffix=source.suffix or "?",
            file=args.file,
        )
        print(f"sakip upgrade: {kind}", file=err)
        return EXIT_BAD_FILE
    try:
        written = rewrite(source, output=output)
    except (DataFileError, LimitError) as error:
        print(error.describe(args.lang), file=err)
        return EXIT_BAD_FILE
    except OSError as error:
        print(f"{error.filename or args.file}: {error.strerror or error}", file=err)
        return EXIT_BAD_FILE
    if not written:
        said = N_("{file} sudah format versi {version}; tidak ada yang ditulis")
    elif output is None:
        said = N_("{file} ditulis ulang sebagai format versi {version}")
    else:
        said = N_("{file} ditulis sebagai format versi {version} ke {path}")
    words = {"file": args.file, "version": VERSION, "path": output}
    print(gettext(said, lang=args.lang, **words), file=err)
    return EXIT_OK


def validate(args: argparse.Namespace, out: TextIO, err: TextIO, load: Any) -> int:
    """List the file's notices; exit 0 when it loads, 2 when it cannot be read."""
    from sakip.validate import Notice, check_dataset  # noqa: PLC0415 - loads the compute modules

    dataset = load(args.file, err, args.lang)
    if dataset is None:
        return EXIT_BAD_FILE
    from sakip.cascade import CascadeFinding, check_cascade  # noqa: PLC0415 - as above

    notices: list[Notice | CascadeFinding] = [
        *check_dataset(dataset, year=args.year),
        *check_cascade(dataset),
    ]
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
    """Write the TOML template; an existing file is never overwritten."""
    template = resources.files("sakip.templates").joinpath("data.toml").read_bytes()
    return _write_new(args, template, err, "init")


def template(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the empty workbook (or the TOML template); an existing file is never overwritten."""
    if args.format == "toml":
        toml = resources.files("sakip.templates").joinpath("data.toml").read_bytes()
        return _write_new(args, toml, err, "template")
    from sakip.extra.workbook import write_workbook  # noqa: PLC0415 - needs openpyxl

    try:
        book = write_workbook(None, lang=args.lang)
    except MissingDependencyError as missing:
        print(f"sakip template: {missing.describe(args.lang)}", file=err)
        return EXIT_BAD_FILE
    return _write_new(args, book, err, "template")


def _write_new(args: argparse.Namespace, template: bytes, err: TextIO, command: str) -> int:
    target = Path(args.output)
    if target.exists():
        message = gettext(
            "{file} sudah ada; pilih nama lain agar isinya tidak tertimpa",
            lang=args.lang,
            file=args.output,
        )
        print(f"sakip {command}: {message}", file=err)
        return EXIT_BAD_FILE
    try:
        with target.open("xb") as stream:  # exclusive: a file made meanwhile is not replaced
            stream.write(template)
    except OSError as error:
        print(f"{args.output}: {error.strerror or error}", file=err)
        return EXIT_BAD_FILE
    print(gettext("templat ditulis ke {file}", lang=args.lang, file=args.output), file=err)
    return EXIT_OK
