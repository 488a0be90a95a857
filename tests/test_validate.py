"""`sakip validate` and `sakip init`: what a valid file may still hold, and a template to start."""

from __future__ import annotations

import io
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest

import sakip
from sakip.cli import main
from sakip.io import load
from sakip.validate import Notice, NoticeCode, check_dataset

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
CASCADE = Path(__file__).parent / "data" / "cascade.toml"
TEMPLATE = Path(str(resources.files("sakip.templates").joinpath("data.toml")))


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def template() -> sakip.Dataset:
    return load(TEMPLATE)


def _codes(dataset: sakip.Dataset, **options: int) -> list[tuple[NoticeCode, str, int]]:
    return [(n.code, n.indicator, n.year) for n in check_dataset(dataset, **options)]


def test_the_template_holds_nothing_to_warn_of(template: sakip.Dataset) -> None:
    """The file `sakip init` writes loads, validates without a warning and reports."""
    assert () == check_dataset(template)
    assert "Bidang Layanan Dinas Contoh" in sakip.build_report(template).tables[0].data_sources


def test_an_indicator_without_target_or_realization_in_the_year(template: sakip.Dataset) -> None:
    """The year reported is checked for every indicator of the plan."""
    assert [
        (NoticeCode.NO_REALIZATION, "IKU-1", 2025),
    ] == _codes(template, year=2025)
    seed = load(SEED)
    assert [
        (NoticeCode.NO_ANALYSIS, "SAKIP", 2024),
        (NoticeCode.NO_TARGET, "MISKIN", 2024),
        (NoticeCode.NO_REALIZATION, "MISKIN", 2024),
        (NoticeCode.NO_ANALYSIS, "IKU-1", 2024),
    ] == _codes(seed)


def test_an_indicator_realized_without_the_authors_analysis(template: sakip.Dataset) -> None:
    """A realized indicator with no analysis of the year is listed; a quarter's counts."""
    bare = attrs.evolve(template, analyses=[])
    found = check_dataset(bare)
    assert [(NoticeCode.NO_ANALYSIS, "IKU-1", 2024)] == _codes(bare)
    assert "indikator IKU-1 tidak memiliki analisis capaian tahun 2024" == found[0].explain()
    assert "indicator IKU-1 has no analysis of its result for 2024" == found[0].explain("en")
    quarter = sakip.AuthorAnalysis(indicator="IKU-1", year=2024, quarter=2, obstacles="x")
    assert () == check_dataset(attrs.evolve(template, analyses=[quarter]))
    assert [(NoticeCode.NO_ANALYSIS, "IKU-1", 2023)] == _codes(bare, year=2023)


def test_years_outside_the_plan(template: sakip.Dataset) -> None:
    """A realization after the plan or before its baseline year (a target is refused)."""
    late = sakip.Realization(indicator="IKU-1", year=2027, value=90)
    early = sakip.Realization(indicator="IKU-1", year=2018, value=70)
    baseline = sakip.Realization(indicator="IKU-1", year=2020, value=80)  # the year before
    data = attrs.evolve(template, realizations=[*template.realizations, late, early, baseline])
    found = check_dataset(data, year=2024)
    assert [
        (NoticeCode.REALIZATION_OUTSIDE_PLAN, 2027),
        (NoticeCode.REALIZATION_OUTSIDE_PLAN, 2018),
    ] == [(n.code, n.year) for n in found]
    assert (2021, 2026) == found[0].plan_years
    assert "realisasi IKU-1 tahun 2027 di luar periode rencana 2021–2026" == found[0].explain()
    english = found[1].explain("en")
    assert "the realization of IKU-1 for 2018 is outside the plan period 2021–2026" == english


def test_counts_typed_with_a_thousands_point(template: sakip.Dataset) -> None:
    """13.773 as a count is thirteen thousand seven hundred and seventy-three, most likely."""
    counted = sakip.Realization(
        indicator="IKU-1", year=2023, numerator="13.773", denominator=14460
    )
    summed = attrs.evolve(template.plan.indicators[0], aggregation="sum")
    goal = template.plan.goals[0]
    objective = attrs.evolve(goal.objectives[0], indicators=[summed])
    plan = attrs.evolve(template.plan, goals=[attrs.evolve(goal, objectives=[objective])])
    values = [
        sakip.Realization(indicator="IKU-1", year=2022, value=Decimal("1.250")),  # flagged
        sakip.Realization(indicator="IKU-1", year=2021, value=Decimal("2.000")),  # whole
        sakip.Realization(indicator="IKU-1", year=2020, value=Decimal("1.25")),  # two places
    ]
    data = attrs.evolve(template, plan=plan, realizations=[counted, *values])
    found = [n for n in check_dataset(data) if n.code is NoticeCode.BARE_THOUSANDS]
    assert [(Decimal("13.773"), 2023), (Decimal("1.250"), 2022)] == [
        (n.value, n.year) for n in found
    ]
    assert (
        "jumlah 13.773 pada realisasi IKU-1 tahun 2023 tampaknya memakai titik ribuan; "
        "bila yang dimaksud 13.773, tulis 13.773 tanpa titik"
    ) == found[0].explain()
    assert "if 13,773 is meant, write 13,773 without the point" in found[0].explain("en")
    assert "bare-thousands" == NoticeCode.BARE_THOUSANDS.value


def test_a_value_that_is_not_summed_is_no_count(template: sakip.Dataset) -> None:
    """A ratio's value with three decimals (95.125 %) is a value, not thousands."""
    real = sakip.Realization(indicator="IKU-1", year=2024, value=Decimal("95.125"))
    assert () == check_dataset(attrs.evolve(template, realizations=[real]))


def test_no_realization_at_all_checks_no_year(template: sakip.Dataset) -> None:
    """Without a realization there is no year a report would cover: nothing to check there."""
    assert () == check_dataset(attrs.evolve(template, realizations=[]))


def test_a_notice_reads_in_english_in_a_notebook() -> None:
    """Its repr says it in English, as every sakip value's does."""
    notice = Notice(code=NoticeCode.NO_TARGET, indicator="IKU-1", year=2024)
    assert "indicator IKU-1 has no target for 2024" in repr(notice)


# --- the commands ---------------------------------------------------------------------------


def test_validate_lists_the_warnings_and_exits_0() -> None:
    """A valid file with warnings: each on a line, a summary, exit status 0."""
    code, out, err = _run("validate", str(SEED))
    assert (0, "") == (code, err)
    assert [
        f"{SEED}: peringatan: indikator SAKIP tidak memiliki analisis capaian tahun 2024",
        f"{SEED}: peringatan: indikator MISKIN tidak memiliki target tahun 2024",
        f"{SEED}: peringatan: indikator MISKIN tidak memiliki realisasi tahun 2024",
        f"{SEED}: peringatan: indikator IKU-1 tidak memiliki analisis capaian tahun 2024",
        f"{SEED}: data sah, 4 peringatan",
    ] == out.splitlines()
    english = _run("validate", str(SEED), "--lang", "en", "--year", "2023")[1]
    *warnings, summary = english.splitlines()
    assert f"{SEED}: valid, {len(warnings)} warnings" == summary
    assert all(line.startswith(f"{SEED}: warning: indicator ") for line in warnings)


def test_validate_lists_the_cascades_findings() -> None:
    """The cascade's findings are warnings too, after the indicators' notices."""
    code, out, _ = _run("validate", str(CASCADE), "--lang", "en")
    assert 0 == code
    budget = (
        f"{CASCADE}: warning: the budget of 1.06 differs from the sum of the budgets below it:"
    )
    assert [
        f"{CASCADE}: warning: objective S2 is served by no program",
        f"{budget} 1.06 ceiling: 600 + 300 = 900; stated 1,000: differs by 100",
        f"{budget} 1.06 spending: 500 + 300 = 800; stated 850: differs by 50",
        f"{CASCADE}: warning: program 1.07 serves no objective",
        f"{CASCADE}: valid, 4 warnings",
    ] == out.splitlines()


def test_validate_refuses_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    """An invalid file: its problems on standard error, exit status 2."""
    bad = tmp_path / "data.toml"
    bad.write_text("x = \n", encoding="utf-8")
    code, out, err = _run("validate", str(bad))
    assert (2, "") == (code, out)
    assert "bukan TOML yang sah" in err


def test_init_writes_a_template_that_validates(tmp_path: Path) -> None:
    """Init --output FILE, then sakip validate FILE: valid, no warning, in English too."""
    target = tmp_path / "data.toml"
    assert (0, "", f"templat ditulis ke {target}\n") == _run("init", "--output", str(target))
    assert TEMPLATE.read_bytes() == target.read_bytes()
    assert "# Templat berkas data sakip" in target.read_text(encoding="utf-8")
    assert (0, f"{target}: valid, 0 warnings\n", "") == _run(
        "validate", str(target), "--lang", "en"
    )


def test_init_never_overwrites_a_file(tmp_path: Path) -> None:
    """An existing file is left as it is, exit status 2."""
    target = tmp_path / "data.toml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = _run("init", "--output", str(target))
    assert 2 == code
    assert f"sakip init: {target} sudah ada; pilih nama lain" in err
    assert "mine" == target.read_text(encoding="utf-8")


def test_init_into_a_missing_folder_says_why(tmp_path: Path) -> None:
    """The system's reason, one line, exit status 2."""
    target = tmp_path / "no" / "data.toml"
    assert (2, "", f"{target}: No such file or directory\n") == _run(
        "init", "--output", str(target)
    )


def test_init_needs_an_output() -> None:
    """Without --output: a usage error."""
    code, _, err = _run("init")
    assert 2 == code
    assert "--output" in err


# --- period targets -------------------------------------------------------------------------


def _periodic(
    basis: str = "cumulative",
    realizations: tuple[tuple[int | None, int | None], ...] = (),
    targets: tuple[tuple[int | None, int | None, object], ...] = (),
    **indicator: object,
) -> sakip.Dataset:
    """One indicator ``K`` of 2024 with quarterly or monthly realizations and targets."""
    chosen = sakip.Indicator(
        code="K",
        name="Jumlah",
        unit="orang",
        period_basis=basis,
        **indicator,  # type: ignore[arg-type]
    )
    plan = sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T", name="Tujuan", indicators=[chosen])],
        indicator_plans=[sakip.IndicatorPlan(indicator="K", targets={2024: 100})],
    )
    return sakip.Dataset(
        agency=sakip.Agency(name="Dinas"),
        plan=plan,
        realizations=[
            sakip.Realization(indicator="K", year=2024, quarter=q, month=m, value=1)
            for q, m in realizations
        ],
        period_targets=[
            sakip.PeriodTarget(indicator="K", year=2024, quarter=q, month=m, target=t)  # type: ignore[arg-type]
            for q, m, t in targets
        ],
    )


def _period_notices(dataset: sakip.Dataset) -> list[tuple[str, int | None, int | None]]:
    return [
        (n.code.value, n.quarter, n.month)
        for n in check_dataset(dataset, year=2024)
        if n.code.value.endswith("period-target")
    ]


def test_a_realized_period_without_its_target_is_named() -> None:
    """A quarter realized without a target, beside targeted ones, is a notice in 2 languages."""
    data = _periodic(
        realizations=((1, None), (2, None), (None, 5)),
        targets=((1, None, 10), (None, 4, 3)),
    )
    notices = [n for n in check_dataset(data) if n.code is NoticeCode.MISSING_PERIOD_TARGET]
    assert [(2, None), (None, 5)] == [(n.quarter, n.month) for n in notices]
    assert (
        "indikator K memiliki realisasi TW II 2024 tetapi tidak memiliki target TW II 2024, "
        "padahal periode lain tahun 2024 memiliki target"
    ) == notices[0].explain()
    assert (
        "indicator K has a realization for May 2024 but no target for May 2024, while other "
        "periods of 2024 have one"
    ) == notices[1].explain("en")


def test_period_targets_are_not_asked_of_an_indicator_without_any() -> None:
    """Quarters realized with no period target at all, or a quarter of its months', are fine."""
    assert [] == _period_notices(_periodic(realizations=((1, None), (2, None))))
    months = tuple((None, m, m) for m in (1, 2, 3))
    assert [] == _period_notices(_periodic(realizations=((1, None),), targets=months))


@pytest.mark.parametrize(
    ("basis", "indicator", "expected"),
    [
        ("cumulative", {"aggregation": "sum"}, [("falling-period-target", 3, None)]),
        ("cumulative", {"aggregation": "last"}, [("falling-period-target", 3, None)]),
        ("cumulative", {"aggregation": "last", "polarity": "negative"}, []),
        (
            "cumulative",
            {"aggregation": "sum", "polarity": "negative"},
            [("falling-period-target", 3, None)],
        ),
        ("per-period", {"aggregation": "sum"}, []),
    ],
)
def test_a_falling_cumulative_target_is_named(
    basis: str, indicator: dict[str, object], expected: list[object]
) -> None:
    """A total to date that falls, of a sum or of a higher-is-better indicator, is a notice."""
    targets = ((1, None, 30), (2, None, 60), (3, None, 50), (4, None, sakip.TargetRange(1, 2)))
    assert expected == _period_notices(_periodic(basis, targets=targets, **indicator))


def test_a_falling_monthly_target_names_both_months() -> None:
    """Months compare with the month targeted before, skipping untargeted ones."""
    data = _periodic(targets=((None, 1, 30), (None, 3, 20), (1, None, 25)))
    (notice,) = [n for n in check_dataset(data) if n.code is NoticeCode.FALLING_PERIOD_TARGET]
    assert (3, 1, Decimal(20), Decimal(30)) == (
        notice.month,
        notice.previous,
        notice.value,
        notice.earlier,
    )
    assert notice.explain().startswith(
        "target kumulatif K Maret 2024 (20) lebih rendah daripada target Januari 2024 (30)"
    )
    assert notice.explain("en").startswith(
        "the cumulative target of K for March 2024 (20) is lower than the target for "
        "January 2024 (30)"
    )
