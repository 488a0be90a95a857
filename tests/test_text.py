"""The text layer: complete catalogs, plural forms, contexts and an agency's own wording."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest

import sakip
from sakip import text
from sakip.reasons import Missing, Part, Reason
from sakip.text import _catalogs
from sakip.text.layer import Flaw, Wording, WordingError, WordingProblem, known_messages
from sakip.text.reasons import PHRASES

NO_TARGET = "tidak ada target untuk tahun {year}"


def _po(path: Path, *entries: tuple[str, str]) -> Path:
    body = "".join(f'msgid "{msgid}"\nmsgstr "{msgstr}"\n\n' for msgid, msgstr in entries)
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n{body}', encoding="utf-8")
    return path


def test_every_catalog_is_complete() -> None:
    """Every message the code uses is translated, with its placeholders, and nothing else."""
    assert [] == _catalogs.check()


def test_the_catalog_check_finds_what_is_wrong(tmp_path: Path, monkeypatch) -> None:
    """An untranslated, fuzzy, unused or misplaced entry and a stale .mo are each named."""
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "sakip.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        f'msgid "{NO_TARGET}"\nmsgstr "no target in {{years}}"\n\n'
        '#, fuzzy\nmsgid "realisasi tahun sebelumnya 0"\nmsgstr "zero"\n\n'
        'msgid "tren memerlukan realisasi sekurang-kurangnya dua tahun"\nmsgstr ""\n\n'
        'msgid "tidak dipakai"\nmsgstr "unused"\n\n'
        '#~ msgid "lama"\n#~ msgstr "old"\n',
        encoding="utf-8",
    )
    (folder / "sakip.mo").write_bytes(b"")
    monkeypatch.setattr(_catalogs, "LOCALE", tmp_path)
    problems = "\n".join(_catalogs.check())
    assert "has other placeholders" in problems
    assert "marked fuzzy" in problems
    assert "is not translated" in problems
    assert "'tidak dipakai' is in the catalog but no longer used" in problems
    assert "used in the code but not in the catalog" in problems
    assert "1 obsolete entries" in problems
    assert "run compile" in problems


def test_the_catalog_tool_updates_compiles_and_checks(tmp_path: Path, monkeypatch, capsys) -> None:
    """``update`` adds the code's messages untranslated; ``check`` then exits 1."""
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "sakip.po").write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n', "utf-8")
    monkeypatch.setattr(_catalogs, "LOCALE", tmp_path)
    assert 0 == _catalogs.main(["update"])
    assert 0 == _catalogs.main(["compile"])
    assert NO_TARGET in (folder / "sakip.po").read_text("utf-8")
    assert 1 == _catalogs.main(["check"])
    assert "is not translated" in capsys.readouterr().out
    assert 2 == _catalogs.main(["translate"])


def test_the_catalog_tool_says_when_all_is_well(capsys) -> None:
    """``check`` on the repository's own catalogs exits 0."""
    assert 0 == _catalogs.main([])
    assert "the catalogs are complete" in capsys.readouterr().out


def test_indonesian_is_the_message_itself() -> None:
    """Indonesian needs no catalog: the message id is printed, placeholders filled."""
    assert "tidak ada target untuk tahun 2024" == text.gettext(NO_TARGET, year=2024)
    assert "Keterangan" == text.pgettext("kolom", "Keterangan", lang="id")


def test_english_comes_from_the_catalog() -> None:
    """English is looked up; a message the catalog lacks prints as it is."""
    assert "2024 has no target" == text.gettext(NO_TARGET, lang="en", year=2024)
    assert "tidak dikenal" == text.pgettext("kolom", "tidak dikenal", lang="en")


def test_english_plural_follows_the_count() -> None:
    """English has two forms and Indonesian one, chosen by CLDR's rule for the count."""
    message = "{agree} sesuai, {bad} tidak sesuai"
    one = text.ngettext(message, message, 1, lang="en", agree=2, bad=1)
    two = text.ngettext(message, message, 2, lang="en", agree=1, bad=2)
    assert ("2 agree, 1 does not", "1 agree, 2 do not") == (one, two)
    assert "1 sesuai, 2 tidak sesuai" == text.ngettext(message, message, 2, agree=1, bad=2)


def test_an_unknown_language_is_refused() -> None:
    """Only Indonesian and English are written."""
    with pytest.raises(sakip.InvalidValueError, match="'lang' must be one of 'id', 'en'"):
        text.gettext(NO_TARGET, lang="fr", year=2024)


def test_every_reason_has_a_phrase() -> None:
    """Each reason code has its phrase, and a Missing explains itself in both languages."""
    assert set(Reason) == set(PHRASES)
    missing = Missing(
        reason=Reason.YEARS_MISSING, part=Part.YEARS, values=(("years", (2022, 2023)),)
    )
    assert missing.explain().endswith("tidak ada realisasi tahun 2022, 2023")
    assert "no realization in 2022, 2023" in missing.explain(lang="en")
    zero = Missing(reason=Reason.ZERO_TARGET, values=(("realization", Decimal("5.5")),))
    assert "realisasi 5,5 terhadap target 0" in zero.explain()
    assert "a realization of 5.5 against" in zero.explain(lang="en")
    assert zero.value("year") is None


def test_an_agency_layers_its_own_wording(tmp_path: Path) -> None:
    """A .po of the agency's words replaces sakip's inside the block, and only there."""
    po = _po(tmp_path / "provinsi.po", (NO_TARGET, "target {year} belum ditetapkan"))
    with text.wording(po) as layer:
        assert "target 2024 belum ditetapkan" == text.gettext(NO_TARGET, year=2024)
        assert "2024 has no target" == text.gettext(NO_TARGET, lang="en", year=2024)
        assert "realisasi tahun sebelumnya 0" == text.gettext("realisasi tahun sebelumnya 0")
    assert "tidak ada target untuk tahun 2024" == text.gettext(NO_TARGET, year=2024)
    assert str(po) == layer.path


def test_layers_stack_and_hold_for_one_thread(tmp_path: Path) -> None:
    """The innermost wording wins; another thread prints sakip's own words."""
    outer = Wording.read(_po(tmp_path / "a.po", (NO_TARGET, "A {year}")))
    inner = _po(tmp_path / "b.po", (NO_TARGET, "B {year}"))
    seen: list[str] = []
    with text.wording(outer), text.wording(inner):
        assert "B 1" == text.gettext(NO_TARGET, year=1)
        thread = threading.Thread(target=lambda: seen.append(text.gettext(NO_TARGET, year=1)))
        thread.start()
        thread.join()
    assert ["tidak ada target untuk tahun 1"] == seen


def test_english_wording_layers_over_english(tmp_path: Path) -> None:
    """An English wording file changes the English words."""
    po = _po(tmp_path / "en.po", (NO_TARGET, "no target was set for {year}"))
    with text.wording(po, lang="en"):
        assert "no target was set for 2024" == text.gettext(NO_TARGET, lang="en", year=2024)


def test_a_wording_with_an_unknown_message_suggests_the_nearest(tmp_path: Path) -> None:
    """A typo in a msgid is refused, naming its line and the message meant."""
    po = _po(tmp_path / "typo.po", ("tidak ada target untuk tahun {year}!", "x {year}"))
    with pytest.raises(WordingError) as raised:
        Wording.read(po)
    assert 1 == len(raised.value.problems)
    assert "line 5" in str(raised.value)
    assert f"did you mean {NO_TARGET!r}?" in str(raised.value)


def test_a_wording_with_a_foreign_placeholder_is_refused(tmp_path: Path) -> None:
    """A translation may not use a placeholder its message does not fill."""
    po = _po(tmp_path / "bad.po", (NO_TARGET, "tahun {tahun}"), ("zzzz", "y"))
    with pytest.raises(WordingError) as raised:
        Wording.read(po)
    assert "{tahun} is not a placeholder of" in str(raised.value)
    assert "it has {year}" in str(raised.value)
    assert "sakip has no message 'zzzz'" in str(raised.value)
    assert raised.value.path == str(po)


def test_a_file_that_is_not_a_catalog_is_refused(tmp_path: Path) -> None:
    """Garbage is a WordingError, not a crash; an unknown language too."""
    bad = tmp_path / "bad.po"
    bad.write_bytes(b'msgid "a"\nmsgstr "b\n\x00garbage')
    with pytest.raises(WordingError, match=r"not a gettext \.po file"):
        Wording.read(bad)
    with pytest.raises(sakip.InvalidValueError), text.wording(bad, lang="fr"):
        pass


def test_known_messages_are_the_catalogs() -> None:
    """Every message an agency can reword is one sakip prints."""
    assert NO_TARGET in known_messages()


def test_the_catalog_tools_run_as_a_script(monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m sakip.text._catalogs check` exits 0 when the catalogs are complete."""
    import runpy
    import sys

    monkeypatch.setattr(sys, "argv", ["_catalogs", "check"])
    monkeypatch.delitem(sys.modules, "sakip.text._catalogs")  # run fresh, as `python -m` does
    with pytest.raises(SystemExit) as exit_:
        runpy.run_module("sakip.text._catalogs", run_name="__main__")
    assert 0 == exit_.value.code


def test_a_wording_problem_is_said_in_either_language(tmp_path: Path) -> None:
    """The command prints the problems in its language; ``str()`` stays English."""
    po = _po(tmp_path / "bad.po", (NO_TARGET, "tahun {tahun}"), ("zzzz", "y"))
    with pytest.raises(WordingError) as raised:
        Wording.read(po)
    said = raised.value.describe()
    assert f"{po}: redaksi tidak dapat dipakai:" in said
    assert f"{{tahun}} bukan placeholder {NO_TARGET!r}; placeholder-nya: {{year}}" in said
    assert "sakip tidak memiliki pesan 'zzzz'\n" in said + "\n"
    assert str(raised.value) == raised.value.describe(lang="en")
    assert [Flaw.FOREIGN_PLACEHOLDER, Flaw.UNKNOWN_MESSAGE] == [
        problem.flaw for problem in raised.value.problems
    ]


def test_a_message_without_placeholders_has_none() -> None:
    """A foreign placeholder in a message that fills none says so."""
    problem = WordingProblem(
        flaw=Flaw.FOREIGN_PLACEHOLDER, line=3, message="Capaian", extra=("x",)
    )
    assert "line 3: {x} is not a placeholder of 'Capaian'; it has none" == str(problem)
