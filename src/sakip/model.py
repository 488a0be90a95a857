"""The performance model: plans, indicators, targets, realizations and budget lines.

Every object here is frozen, validated when it is built, compares by value and is hashable.
Change one with :func:`attrs.evolve`. Numbers become :class:`~decimal.Decimal` on the way in
(see :func:`sakip.achievement` for what counts as a number); enumerations accept their
Indonesian names too (``"negatif"``, ``"jumlah"``, ``"kota"``).
"""

from __future__ import annotations

import enum
import functools
import numbers
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Self, TypeAlias, cast

import attrs

from sakip._decimal import HUNDRED, Number, exact, to_decimal
from sakip._display import Displayed
from sakip._figures import typed
from sakip.exceptions import InvalidValueError, NotFoundError
from sakip.levels import LEVEL_SCALES, LevelScale

__all__ = [
    "Agency",
    "AgencyLevel",
    "Aggregation",
    "AliasedEnum",
    "AuthorAnalysis",
    "BudgetLevel",
    "BudgetLine",
    "CascadeItem",
    "Claim",
    "Comparator",
    "ComparatorTarget",
    "Dataset",
    "FundingSource",
    "Goal",
    "Indicator",
    "IndicatorPlan",
    "LevelTarget",
    "NationalStandard",
    "Objective",
    "PerformanceAgreement",
    "PeriodBasis",
    "PeriodTarget",
    "Polarity",
    "Realization",
    "Settings",
    "StatedFigure",
    "StrategicPlan",
    "Target",
    "TargetLike",
    "TargetRange",
]


class AliasedEnum(enum.Enum):
    """An enumeration that also accepts its Indonesian and alternative names, in any case."""

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {}

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            key = " ".join(value.strip().casefold().replace("_", " ").replace("-", " ").split())
            for member in cls:
                if key == member.value.replace("-", " "):
                    return member
            aliases = cls._aliases()
            alias = aliases.get(key, aliases.get(value.strip()))
            if alias is not None:
                return cls(alias)
        return None

    @classmethod
    def parse(cls, value: object, name: str) -> Self:
        """The member ``value`` names, or an :class:`~sakip.InvalidValueError` naming ``name``."""
        try:
            return cls(value)
        except ValueError:
            known = ", ".join(repr(member.value) for member in cls)
            raise InvalidValueError(name, value, f"one of {known}") from None

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return ()

    @classmethod
    def accepted_words(cls) -> tuple[str, ...]:
        """The words a file may use, Indonesian first: ``("positif", "negatif", "positive", …)``.

        The Indonesian names come first because they are what a data file is written in.
        """
        words = (*cls._indonesian(), *(str(member.value) for member in cls))
        return tuple(dict.fromkeys(words))  # APBN is both

    def __str__(self) -> str:
        return str(self.value)


class Polarity(AliasedEnum):
    """Polarity (polaritas): whether a higher realization is better."""

    POSITIVE = "positive"
    """Higher is better (positif, maksimal)."""
    NEGATIVE = "negative"
    """Lower is better (negatif, minimal), as for mortality, poverty or complaints."""

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return ("positif", "negatif")

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {
            "positif": "positive",
            "+": "positive",
            "higher is better": "positive",
            "maksimal": "positive",
            "negatif": "negative",
            "-": "negative",
            "lower is better": "negative",
            "minimal": "negative",
        }


class Claim(AliasedEnum):
    """A narrative claim (pernyataan naratif) a report makes, checked against the data."""

    BELOW_NATIONAL_STANDARD = "below-national-standard"
    """The realization is below the national standard (di bawah standar nasional)."""
    ABOVE_NATIONAL_STANDARD = "above-national-standard"
    """The realization is above the national standard (di atas standar nasional)."""
    IMPROVED = "improved"
    """The realization improved on the previous year (membaik)."""
    WORSENED = "worsened"
    """The realization worsened on the previous year (memburuk)."""
    TARGET_MET = "target-met"
    """The year's target was met (target tercapai)."""
    TARGET_NOT_MET = "target-not-met"
    """The year's target was not met (target tidak tercapai)."""

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return tuple(_CLAIM_WORDS)

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return _CLAIM_WORDS


_CLAIM_WORDS = {
    "di bawah standar nasional": "below-national-standard",
    "di atas standar nasional": "above-national-standard",
    "membaik": "improved",
    "memburuk": "worsened",
    "target tercapai": "target-met",
    "target tidak tercapai": "target-not-met",
}


class Aggregation(AliasedEnum):
    """How sub-year values make a year's value (cara agregasi), declared per indicator."""

    SUM = "sum"
    """The quarters add up (jumlah), as counts and money do."""
    LAST = "last"
    """The latest reported value (nilai akhir), for levels, percentages and indices."""
    AVERAGE = "average"
    """The mean of the reported values (rata-rata)."""
    RATIO = "ratio"
    """Σ numerator / Σ denominator × 100, never an average of ratios (rasio)."""

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return ("jumlah", "akhir", "rata-rata", "rasio")

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {
            "jumlah": "sum",
            "akumulasi": "sum",
            "akhir": "last",
            "terakhir": "last",
            "nilai akhir": "last",
            "rata rata": "average",
            "mean": "average",
            "rasio": "ratio",
        }


class PeriodBasis(AliasedEnum):
    """What an indicator's quarterly and monthly targets count (sifat target periodik).

    An indicator with targets below the year declares which, because the same numbers read
    both ways: a TW III target of 750 is either the total from January to September or the
    third quarter's own figure. sakip never guesses it.
    """

    CUMULATIVE = "cumulative"
    """Each period's target is the total to date (kumulatif, "s.d. TW III"), as for counts."""
    PER_PERIOD = "per-period"
    """Each period's target is that period's own figure (per periode), as for levels."""

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return ("kumulatif", "per periode")

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {
            "kumulatif": "cumulative",
            "s.d.": "cumulative",
            "sampai dengan": "cumulative",
            "per periode": "per-period",
            "periode": "per-period",
            "non kumulatif": "per-period",
            "tidak kumulatif": "per-period",
        }


class FundingSource(AliasedEnum):
    """Funding source (sumber dana) of a budget line."""

    APBN = "APBN"
    """The national budget (Anggaran Pendapatan dan Belanja Negara)."""
    APBD = "APBD"
    """A regional budget (Anggaran Pendapatan dan Belanja Daerah)."""
    OTHER = "other"
    """Anything else (lainnya), such as grants, BLUD or CSR."""

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return ("APBN", "APBD", "lainnya")

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {"apbn": "APBN", "apbd": "APBD", "lainnya": "other", "lain lain": "other"}


class BudgetLevel(AliasedEnum):
    """Level of a budget line in the program structure."""

    PROGRAM = "program"
    ACTIVITY = "activity"
    """Kegiatan."""
    SUB_ACTIVITY = "sub-activity"
    """Sub kegiatan."""

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return ("program", "kegiatan", "sub kegiatan")

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {
            "kegiatan": "activity",
            "sub kegiatan": "sub-activity",
            "subkegiatan": "sub-activity",
        }


class AgencyLevel(AliasedEnum):
    """Kind of government body (jenis instansi); it decides, for one, the report deadline."""

    MINISTRY = "ministry"
    """Kementerian."""
    INSTITUTION = "institution"
    """Lembaga (non-ministerial central institution)."""
    PROVINCE = "province"
    """Pemerintah provinsi."""
    REGENCY = "regency"
    """Pemerintah kabupaten."""
    CITY = "city"
    """Pemerintah kota."""
    REGIONAL_DEPARTMENT = "regional-department"
    """Perangkat daerah (OPD), a dinas, badan or kantor of a province, regency or city."""

    @classmethod
    def _indonesian(cls) -> tuple[str, ...]:
        return ("kementerian", "lembaga", "provinsi", "kabupaten", "kota", "perangkat daerah")

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {
            "kementerian": "ministry",
            "lembaga": "institution",
            "provinsi": "province",
            "kabupaten": "regency",
            "kota": "city",
            "perangkat daerah": "regional-department",
            "opd": "regional-department",
        }

    @property
    def is_regional(self) -> bool:
        """Whether the body belongs to a regional government (pemerintah daerah)."""
        return self not in (AgencyLevel.MINISTRY, AgencyLevel.INSTITUTION)


# --- converters and validators shared by the classes below -------------------------------


# Each converter below is a plain function with a typed first parameter: mypy's attrs plugin
# makes that type the ``__init__`` parameter's, so a caller's ``mypy --strict`` catches
# ``Target([1, 2])``. One function per field lets an error name the field it came from.


def _value(value: Number) -> Decimal:
    return to_decimal(value, "value")


def _low(value: Number) -> Decimal:
    return to_decimal(value, "low")


def _high(value: Number) -> Decimal:
    return to_decimal(value, "high")


def _ceiling(value: Number) -> Decimal:
    return to_decimal(value, "ceiling")


def _optional(value: Number | None, name: str) -> Decimal | None:
    return None if value is None else to_decimal(value, name)


def _optional_value(value: Number | None) -> Decimal | None:
    # None while a ratio's value is still to be computed from its counts, or for a level.
    return _optional(value, "value")


def _per(value: Number) -> Decimal:
    per = to_decimal(value, "per")
    if per <= 0:
        raise InvalidValueError("per", per, "a positive multiplier (100, 1000, 100000)")
    return per


def _cap(value: Number | None) -> Decimal | None:
    cap = _optional(value, "cap")
    if cap is not None and cap <= 0:
        raise InvalidValueError("cap", cap, "a positive limit on an achievement (100, 120)")
    return cap


_MOST_PLACES = 6
"""The most decimal places a figure may be set to print with (:attr:`Settings.places`)."""


def _optional_places(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    # a bool is an int in Python, and True would silently print one decimal
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MOST_PLACES:
        raise InvalidValueError(
            attribute.name, value, f"a whole number of decimal places from 0 to {_MOST_PLACES}"
        )


def _baseline(value: Number | None) -> Decimal | None:
    return _optional(value, "baseline")


def _numerator(value: Number | None) -> Decimal | None:
    return _optional(value, "numerator")


def _denominator(value: Number | None) -> Decimal | None:
    return _optional(value, "denominator")


def _revised_ceiling(value: Number | None) -> Decimal | None:
    return _optional(value, "revised_ceiling")


def _spent(value: Number | None) -> Decimal | None:
    return _optional(value, "spent")


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(attribute.name, value, "a non-empty text")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidValueError(attribute.name, value, "a text or None")


def _optional_level(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidValueError(attribute.name, value, "a level as printed (a text) or None")


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _checked_year(value, attribute.name)


def _checked_year(value: object, name: str = "year") -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2200:
        raise InvalidValueError(name, value, "a year between 1900 and 2200")
    return value


# Collections: a typed converter per element type (mypy's attrs plugin cannot bind a TypeVar).


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _indicators(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(value)


def _objectives(value: Iterable[Objective]) -> tuple[Objective, ...]:
    return tuple(value)


def _goals(value: Iterable[Goal]) -> tuple[Goal, ...]:
    return tuple(value)


def _indicator_plans(value: Iterable[IndicatorPlan]) -> tuple[IndicatorPlan, ...]:
    return tuple(value)


def _realizations(value: Iterable[Realization]) -> tuple[Realization, ...]:
    return tuple(value)


def _budget_lines(value: Iterable[BudgetLine]) -> tuple[BudgetLine, ...]:
    return tuple(value)


def _agreements(value: Iterable[PerformanceAgreement]) -> tuple[PerformanceAgreement, ...]:
    return tuple(value)


def _standards(value: Iterable[NationalStandard]) -> tuple[NationalStandard, ...]:
    return tuple(value)


def _stated_figures(value: Iterable[StatedFigure]) -> tuple[StatedFigure, ...]:
    return tuple(value)


def _cascade_items(value: Iterable[CascadeItem]) -> tuple[CascadeItem, ...]:
    return tuple(value)


def _analyses(value: Iterable[AuthorAnalysis]) -> tuple[AuthorAnalysis, ...]:
    return tuple(value)


def _period_targets(value: Iterable[PeriodTarget]) -> tuple[PeriodTarget, ...]:
    return tuple(value)


# Enumerations: the member itself, or any of its names (English or Indonesian, any case).


def _polarity(value: Polarity | str) -> Polarity:
    return Polarity.parse(value, "polarity")


def _optional_scale(value: LevelScale | str | None) -> LevelScale | None:
    return None if value is None else LEVEL_SCALES.resolve(value)


def _optional_polarity(value: Polarity | str | None) -> Polarity | None:
    return None if value is None else Polarity.parse(value, "polarity")


def _optional_claim(value: Claim | str | None) -> Claim | None:
    return None if value is None else Claim.parse(value, "claim")


def _aggregation(value: Aggregation | str) -> Aggregation:
    return Aggregation.parse(value, "aggregation")


def _optional_period_basis(value: PeriodBasis | str | None) -> PeriodBasis | None:
    return None if value is None else PeriodBasis.parse(value, "period_basis")


def _budget_level(value: BudgetLevel | str) -> BudgetLevel:
    return BudgetLevel.parse(value, "level")


def _funding_source(value: FundingSource | str) -> FundingSource:
    return FundingSource.parse(value, "funding_source")


def _agency_level(value: AgencyLevel | str) -> AgencyLevel:
    return AgencyLevel.parse(value, "level")


def code_key(code: str) -> str:
    """A code as codes are compared: Unicode NFC, then case folded (``IKU-1`` is ``iku-1``)."""
    return unicodedata.normalize("NFC", code).casefold()


def _unique(kind: str, codes: Iterable[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        key = code_key(code)
        if key in seen:
            raise InvalidValueError(f"{kind} code", code, f"a {kind} code used once only")
        seen.add(key)


# --- targets ------------------------------------------------------------------------------


@attrs.frozen
class Target(Displayed):
    """A target (target kinerja): one number the realization is measured against.

    >>> Target("94.6")
    Target(value=Decimal('94.6'))
    """

    value: Decimal = attrs.field(converter=_value)

    def __str__(self) -> str:
        return str(self.value)

    def _headline(self) -> str:
        return typed(self.value)


@attrs.frozen
class TargetRange(Displayed):
    """A target range (target rentang): any realization from ``low`` to ``high`` meets it.

    PermenPANRB 8/2021 (p. 99-100, 110) scores a realization inside the range 100 % and one
    outside it against the nearer bound.

    >>> TargetRange(80, 90)
    TargetRange(low=Decimal('80'), high=Decimal('90'))
    """

    low: Decimal = attrs.field(converter=_low)
    high: Decimal = attrs.field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise InvalidValueError("high", self.high, f"at least the low bound {self.low}")

    def __contains__(self, value: object) -> bool:
        """Whether a number lies in the range (a float through its shortest repr: ``70.0``)."""
        if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
            return False
        try:
            number = to_decimal(value, "value")
        except InvalidValueError:  # NaN, an infinity, beyond the supported magnitude
            return False
        return self.low <= number <= self.high

    def __str__(self) -> str:
        return f"{self.low}-{self.high}"

    def _headline(self) -> str:
        return f"{typed(self.low)}–{typed(self.high)}"


class Comparator(enum.Enum):
    """How a comparator target bounds the realization (pembanding)."""

    AT_LEAST = "≥"
    """At least the bound (minimal, paling sedikit, sekurang-kurangnya); higher is better."""
    MORE_THAN = ">"
    """More than the bound (lebih dari); higher is better, the bound itself misses."""
    AT_MOST = "≤"
    """At most the bound (maksimal, paling banyak, tidak lebih dari); lower is better."""
    LESS_THAN = "<"
    """Less than the bound (kurang dari); lower is better, the bound itself misses."""

    @property
    def polarity(self) -> Polarity:
        """The polarity the comparator implies."""
        if self in (Comparator.AT_LEAST, Comparator.MORE_THAN):
            return Polarity.POSITIVE
        return Polarity.NEGATIVE

    @property
    def strict(self) -> bool:
        """Whether a realization equal to the bound misses the target (``>`` and ``<``)."""
        return self in (Comparator.MORE_THAN, Comparator.LESS_THAN)


def _bound(value: Number) -> Decimal:
    return to_decimal(value, "bound")


@attrs.frozen
class ComparatorTarget(Displayed):
    """A comparator target (target dengan pembanding): ``≥ 80``, ``< 0,49``.

    The achievement % is the polarity's formula against the bound, as reports print
    ``R / 80`` for ``≥ 80``; whether the target is met is the comparator's own condition.

    >>> ComparatorTarget(Comparator.AT_LEAST, 80)
    ComparatorTarget(comparator=<Comparator.AT_LEAST: '≥'>, bound=Decimal('80'))
    >>> ComparatorTarget(Comparator.LESS_THAN, "0.49").is_met_by(Decimal("0.49"))
    False
    """

    comparator: Comparator = attrs.field(converter=Comparator)
    bound: Decimal = attrs.field(converter=_bound)

    @property
    def polarity(self) -> Polarity:
        """The polarity the comparator implies."""
        return self.comparator.polarity

    def is_met_by(self, realization: Decimal) -> bool:
        """Whether ``realization`` satisfies the comparator exactly (no rounding)."""
        if self.comparator is Comparator.AT_LEAST:
            return realization >= self.bound
        if self.comparator is Comparator.MORE_THAN:
            return realization > self.bound
        if self.comparator is Comparator.AT_MOST:
            return realization <= self.bound
        return realization < self.bound

    def __str__(self) -> str:
        return f"{self.comparator.value} {self.bound}"


def _scale(value: LevelScale | str) -> LevelScale:
    return LEVEL_SCALES.resolve(value)


@attrs.frozen
class LevelTarget(Displayed):
    """A level target (target tingkatan): a level of an ordered :class:`~sakip.LevelScale`.

    The level is stored as the scale prints it, whatever the spelling given.

    >>> LevelTarget("wajar tanpa pengecualian", "opini-bpk").level
    'WTP'
    """

    level: str
    scale: LevelScale = attrs.field(converter=_scale)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "level", self.scale.level(self.level))

    @property
    def rank(self) -> int:
        """The target level's place on its scale, counted from 1 at the lowest."""
        return self.scale.rank(self.level)

    def __str__(self) -> str:
        return self.level


TargetLike: TypeAlias = Target | TargetRange | ComparatorTarget | LevelTarget
"""Any kind of target: one number, a range, a comparator target or a level target."""


def to_target(value: object, name: str = "target") -> TargetLike:
    """A target of any kind, as given, or a :class:`Target` from a number."""
    if isinstance(value, Target | TargetRange | ComparatorTarget | LevelTarget):
        return value
    return Target(to_decimal(value, name))


TargetInput: TypeAlias = Target | TargetRange | ComparatorTarget | LevelTarget | Number
"""What a target may be given as: a target of any kind, or a number."""


def _standard_value(
    value: Target | TargetRange | ComparatorTarget | Number,
) -> Target | TargetRange | ComparatorTarget:
    found = to_target(value, "value")
    if isinstance(found, LevelTarget):  # a standard is a figure a realization is compared with
        raise InvalidValueError("value", found.level, "a number, a range or a comparator target")
    return found


def _end_target(value: TargetInput | None) -> TargetLike | None:
    return None if value is None else to_target(value, "end_target")


def _year_targets(
    value: Mapping[int, TargetInput] | Iterable[tuple[int, TargetInput]],
) -> tuple[tuple[int, TargetLike], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    result = tuple(
        sorted(
            ((_checked_year(year), to_target(target, f"target {year}")) for year, target in pairs),
            key=lambda pair: pair[0],
        )
    )
    _unique("target year", (str(year) for year, _ in result))
    return result


# --- the plan -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Indicator(Displayed):
    """A performance indicator (indikator kinerja; a key one is an IKU).

    Attributes:
        code: Unique within a plan ("IKU-1").
        name: As printed in the report.
        unit: Unit (satuan): ``"%"``, ``"orang"``, ``"nilai"``, ``"per 100.000 KH"``.
        polarity: Whether higher is better.
        formula: Name of the achievement formula; ``None`` takes the polarity's default.
        aggregation: How quarterly values make a year's value.
        cumulative: A flow indicator whose realization to date is the sum of the years.
        period_basis: Whether its quarterly and monthly targets (:class:`PeriodTarget`) are
            totals to date or each period's own figure; ``None`` when it has none. A dataset
            refuses period targets for an indicator that does not declare it.
        description: Definition or computation method (definisi operasional).
        data_source: Where the realization comes from (sumber data).
        per: For a ratio, the multiplier of numerator / denominator (per N): 100 for a
            percentage, 1.000 for infant mortality per 1.000 live births, 100.000 for
            maternal mortality per 100.000.
        scale: The name of the rating scale for this indicator's achievements, overriding
            the dataset's (:class:`Settings`); ``None`` leaves it to the dataset.
        cap: A cap on this indicator's achievements, overriding the dataset's; ``None``
            leaves it to the dataset.
        places: The decimals this indicator's own figures print with (its targets,
            realizations, changes and projections), overriding the dataset's; ``None``
            leaves it to the dataset (:attr:`Settings.places`).
        levels: For an indicator measured in levels (the audit opinion, a predicate), the
            :class:`~sakip.LevelScale` or its registered name (``"opini-bpk"``): its targets
            are levels of the scale and its realizations give a ``level``. ``formula`` then
            names the level rule (``"rank-ratio"``, the default, or ``"met-or-not"``).
    """

    code: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    unit: str = attrs.field(validator=_non_empty)
    polarity: Polarity = attrs.field(default=Polarity.POSITIVE, converter=_polarity)
    formula: str | None = attrs.field(default=None, validator=_optional_text)
    aggregation: Aggregation = attrs.field(default=Aggregation.LAST, converter=_aggregation)
    cumulative: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    description: str | None = attrs.field(default=None, validator=_optional_text)
    data_source: str | None = attrs.field(default=None, validator=_optional_text)
    per: Decimal = attrs.field(default=HUNDRED, converter=_per)
    scale: str | None = attrs.field(default=None, validator=_optional_text)
    cap: Decimal | None = attrs.field(default=None, converter=_cap)
    places: int | None = attrs.field(default=None, validator=_optional_places)
    period_basis: PeriodBasis | None = attrs.field(default=None, converter=_optional_period_basis)
    levels: LevelScale | None = attrs.field(default=None, converter=_optional_scale)

    @property
    def per_unit(self) -> bool:
        """Whether the indicator is a rate per N other than a percentage (``per`` is not 100)."""
        return self.per != HUNDRED

    def __attrs_post_init__(self) -> None:
        if self.levels is None:
            return
        # a level is a state: the higher the better, and never summed over the years
        if self.polarity is not Polarity.POSITIVE:
            raise InvalidValueError("polarity", self.polarity.value, "positive, for levels")
        if self.cumulative:
            raise InvalidValueError("cumulative", True, "false, for levels")

    def check_target(self, target: TargetLike, name: str = "target") -> None:
        """Refuse a target this indicator cannot be measured against.

        A level indicator takes levels of its own scale only; any other indicator takes no
        level. A comparator's polarity (``≥`` higher, ``≤`` lower is better) must be the
        indicator's declared one.

        Raises:
            InvalidValueError: The target contradicts the indicator; the message says why.
        """
        if self.levels is not None:
            if not isinstance(target, LevelTarget) or target.scale.name != self.levels.name:
                known = ", ".join(self.levels.levels)
                raise InvalidValueError(
                    f"{name} of {self.code}",
                    str(target),
                    f"a level of {self.levels.name!r} ({known})",
                )
            return
        if isinstance(target, LevelTarget):
            raise InvalidValueError(
                f"{name} of {self.code}",
                target.level,
                f"a number; an indicator measured in levels declares levels={target.scale.name!r}",
            )
        if isinstance(target, ComparatorTarget) and target.polarity is not self.polarity:
            raise InvalidValueError(
                f"polarity of {self.code}",
                self.polarity.value,
                f"{target.polarity.value}, as the {name} {target} says",
            )


@attrs.frozen(kw_only=True, repr=False)
class Objective(Displayed):
    """A strategic objective (sasaran strategis) and the indicators that measure it."""

    code: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)

    def __attrs_post_init__(self) -> None:
        _unique("indicator", (indicator.code for indicator in self.indicators))


@attrs.frozen(kw_only=True, repr=False)
class Goal(Displayed):
    """A goal (tujuan), its own indicators and the objectives under it."""

    code: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    objectives: tuple[Objective, ...] = attrs.field(default=(), converter=_objectives)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)

    def __attrs_post_init__(self) -> None:
        _unique("objective", (objective.code for objective in self.objectives))
        _unique("indicator", (indicator.code for indicator in self.all_indicators()))

    def all_indicators(self) -> Iterator[Indicator]:
        """The goal's own indicators, then those of each objective, in order."""
        yield from self.indicators
        for objective in self.objectives:
            yield from objective.indicators


@attrs.frozen(kw_only=True, repr=False)
class IndicatorPlan(Displayed):
    """The Renstra line of one indicator: baseline, yearly targets and end target.

    Attributes:
        indicator: The indicator's code.
        baseline: Starting value (kondisi awal), usually of the year before the plan.
        baseline_year: The year the baseline was measured.
        targets: Yearly targets as ``(year, target)`` pairs, sorted; a mapping is accepted.
        end_target: Target at the end of the plan (kondisi akhir); when ``None``, the target of
            the plan's last year.
    """

    indicator: str = attrs.field(validator=_non_empty)
    baseline: Decimal | None = attrs.field(default=None, converter=_baseline)
    baseline_year: int | None = attrs.field(default=None, validator=_year)
    targets: tuple[tuple[int, TargetLike], ...] = attrs.field(
        factory=tuple, converter=_year_targets
    )
    end_target: TargetLike | None = attrs.field(default=None, converter=_end_target)

    @functools.cached_property
    def _by_year(self) -> dict[int, TargetLike]:
        # Built on first look-up and kept on the instance (attrs gives it a slot); it is no
        # field, so it takes no part in equality, hashing, repr or a saved file.
        return dict(self.targets)

    def target(self, year: int) -> TargetLike:
        """The target for ``year``; a year without one raises :class:`NotFoundError`."""
        found = self._by_year.get(year)
        if found is not None:
            return found
        raise NotFoundError(
            f"target year of {self.indicator}", str(year), (str(y) for y, _ in self.targets)
        )

    @property
    def years(self) -> tuple[int, ...]:
        """The years that have a target."""
        return tuple(year for year, _ in self.targets)


def _check_plan_targets(indicator: Indicator, plan: IndicatorPlan) -> None:
    for year, target in plan.targets:
        indicator.check_target(target, f"target {year}")
    if plan.end_target is not None:
        indicator.check_target(plan.end_target, "end_target")


@attrs.frozen(kw_only=True, repr=False)
class StrategicPlan(Displayed):
    """A five-year strategic plan (Renstra, from the RPJMD) with its targets.

    Validated when built: the period runs forward, every indicator code is used once, every
    :class:`IndicatorPlan` names an indicator of the plan, and its target years lie inside the
    period.
    """

    name: str = attrs.field(validator=_non_empty)
    start_year: int = attrs.field(validator=_year)
    end_year: int = attrs.field(validator=_year)
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=_goals)
    indicator_plans: tuple[IndicatorPlan, ...] = attrs.field(
        default=(), converter=_indicator_plans
    )
    vision: str | None = attrs.field(default=None, validator=_optional_text)
    missions: tuple[str, ...] = attrs.field(default=(), converter=_texts)

    def __attrs_post_init__(self) -> None:
        if self.end_year < self.start_year:
            raise InvalidValueError("end_year", self.end_year, f"{self.start_year} or later")
        _unique("goal", (goal.code for goal in self.goals))
        _unique("indicator", (indicator.code for indicator in self.indicators))
        _unique("indicator plan", (plan.indicator for plan in self.indicator_plans))
        known = self._indicator_index
        for plan in self.indicator_plans:
            if plan.indicator not in known:
                raise InvalidValueError("indicator", plan.indicator, "an indicator of the plan")
            _check_plan_targets(known[plan.indicator], plan)
            for year in plan.years:
                if not self.start_year <= year <= self.end_year:
                    raise InvalidValueError(
                        f"target year of {plan.indicator}",
                        year,
                        f"a year from {self.start_year} to {self.end_year}",
                    )
            if plan.baseline_year is not None and plan.baseline_year > self.start_year:
                raise InvalidValueError(
                    f"baseline_year of {plan.indicator}",
                    plan.baseline_year,
                    f"{self.start_year} or earlier",
                )

    @property
    def years(self) -> range:
        """The years of the plan period."""
        return range(self.start_year, self.end_year + 1)

    # The tuples and look-up tables below are built once, on first use, and kept on the
    # instance (attrs gives each cached property a slot). They are no fields: they take no
    # part in equality, hashing, repr, pickling or a saved file.

    @functools.cached_property
    def objectives(self) -> tuple[Objective, ...]:
        """Every objective, goal by goal."""
        return tuple(objective for goal in self.goals for objective in goal.objectives)

    @functools.cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, goal by goal."""
        return tuple(indicator for goal in self.goals for indicator in goal.all_indicators())

    @functools.cached_property
    def _indicator_index(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    @functools.cached_property
    def _objective_index(self) -> dict[str, Objective]:
        return {objective.code: objective for objective in self.objectives}

    @functools.cached_property
    def _plan_index(self) -> dict[str, IndicatorPlan]:
        return {plan.indicator: plan for plan in self.indicator_plans}

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code."""
        found = self._indicator_index.get(code)
        if found is not None:
            return found
        raise NotFoundError("indicator", code, (i.code for i in self.indicators))

    def objective(self, code: str) -> Objective:
        """The objective with this code."""
        found = self._objective_index.get(code)
        if found is not None:
            return found
        raise NotFoundError("objective", code, (o.code for o in self.objectives))

    def plan_for(self, code: str) -> IndicatorPlan:
        """The Renstra line (baseline and targets) of the indicator with this code."""
        self.indicator(code)
        found = self._plan_index.get(code)
        if found is not None:
            return found
        raise NotFoundError("indicator plan", code, (p.indicator for p in self.indicator_plans))

    def target(self, code: str, year: int) -> TargetLike:
        """The Renstra target of an indicator for a year."""
        return self.plan_for(code).target(year)

    def end_target(self, code: str) -> TargetLike:
        """The end-of-plan target of an indicator (kondisi akhir).

        It is the indicator's own ``end_target`` or, failing that, the target of the plan's last
        year. A cumulative indicator needs its own: its yearly targets may be each year's flow
        or a running total, and sakip does not guess which.
        """
        plan = self.plan_for(code)
        if plan.end_target is not None:
            return plan.end_target
        if self.indicator(code).cumulative:
            raise NotFoundError(f"end target of cumulative indicator {code}", "end_target", ())
        return plan.target(self.end_year)


# --- what happened ------------------------------------------------------------------------


def _quarter(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in (1, 2, 3, 4):
        raise InvalidValueError(attribute.name, value, "a quarter 1, 2, 3 or 4, or None")


def _month(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 12
    ):
        raise InvalidValueError(attribute.name, value, "a month 1 to 12, or None")


def _one_period(quarter: int | None, month: int | None) -> None:
    """A value belongs to a quarter or to a month, not to both (a month knows its quarter)."""
    if quarter is not None and month is not None:
        raise InvalidValueError(
            "month", month, f"no month when the quarter is given (quarter {quarter})"
        )


def period_key(quarter: int | None, month: int | None) -> tuple[int, int]:
    """Where a value of a quarter, a month or the year (both ``None``) sorts in its year.

    The year's own value comes first, then each quarter after the months it closes.
    """
    if month is not None:
        return (month, 0)
    if quarter is not None:
        return (quarter * 3, 1)
    return (0, 0)


@attrs.frozen(kw_only=True, repr=False)
class Realization(Displayed):
    """A realization (realisasi): what an indicator measured in a year or a quarter.

    A ratio indicator keeps its numerator and denominator (PPKS handled, all PPKS) so that
    quarters aggregate as Σ numerator / Σ denominator. Given the counts, the value may be
    left out: it is then their rate, numerator × per / denominator, with the indicator's
    multiplier ``per`` (100 when the realization stands alone; a :class:`Dataset` applies its
    indicator's, so 51 deaths in 5.350 live births are 9,53 per 1.000).
    An indicator measured in levels (see :attr:`Indicator.levels`) realizes a ``level``
    ("WTP") and no value.

    >>> Realization(indicator="PPKS", year=2024, numerator=3, denominator=4).value
    Decimal('75')
    >>> Realization.of_counts(
    ...     indicator="AKB", year=2024, numerator=51, denominator=5350, per=1000
    ... ).value
    Decimal('9.532710280373831775700934579')

    Attributes:
        indicator: The indicator's code.
        year: The fiscal year.
        value: The realized value (for a ratio given by its counts alone, their rate).
        quarter: 1-4 for a quarterly value (triwulan); ``None`` for the year.
        numerator: For a ratio indicator, the count on top.
        denominator: For a ratio indicator, the count below.
        from_counts: Whether the value was computed from the counts (none was given). It
            takes no part in equality: a value given equal to the computed one is the same.
        month: 1-12 for a monthly value (bulanan, the rencana aksi); ``None`` otherwise. A
            realization has a quarter or a month, never both; a monthly value takes no part
            in the year's value (:func:`~sakip.year_value` reads the quarters or the year).
        level: For an indicator measured in levels, the level realized, as the report
            prints it ("WTP"); ``value`` is then ``None``.
    """

    indicator: str = attrs.field(validator=_non_empty)
    year: int = attrs.field(validator=_year)
    value: Decimal | None = attrs.field(default=None, converter=_optional_value)
    quarter: int | None = attrs.field(default=None, validator=_quarter)
    numerator: Decimal | None = attrs.field(default=None, converter=_numerator)
    denominator: Decimal | None = attrs.field(default=None, converter=_denominator)
    month: int | None = attrs.field(default=None, validator=_month)
    level: str | None = attrs.field(default=None, validator=_optional_level)
    from_counts: bool = attrs.field(default=False, init=False, eq=False)

    @property
    def yearly(self) -> bool:
        """Whether the value is the whole year's (neither a quarter's nor a month's)."""
        return self.quarter is None and self.month is None

    def __attrs_post_init__(self) -> None:
        _one_period(self.quarter, self.month)
        if self.level is not None:
            if self.value is not None or self.numerator is not None:
                raise InvalidValueError("level", self.level, "given without a value or counts")
            return
        if (self.numerator is None) != (self.denominator is None):
            raise InvalidValueError(
                "denominator", self.denominator, "given together with the numerator"
            )
        if self.value is not None:
            return
        object.__setattr__(self, "value", self._rate(HUNDRED))  # frozen: set once, while built
        object.__setattr__(self, "from_counts", True)

    def _rate(self, per: Decimal) -> Decimal:
        if self.numerator is None or self.denominator is None:
            raise InvalidValueError("value", None, "a number, or a numerator and a denominator")
        if self.denominator.is_zero():
            raise InvalidValueError(
                "denominator", self.denominator, "a count other than 0 when no value is given"
            )
        with exact():
            return self.numerator * per / self.denominator

    @classmethod
    def of_counts(
        cls,
        *,
        indicator: str,
        year: int,
        numerator: Number,
        denominator: Number,
        per: Number = HUNDRED,
        quarter: int | None = None,
    ) -> Realization:
        """A realization given by its counts: value = numerator × per / denominator.

        Raises:
            InvalidValueError: A count is not a number, ``per`` is not positive, or the
                denominator is 0.
        """
        counted = cls(
            indicator=indicator,
            year=year,
            quarter=quarter,
            numerator=numerator,
            denominator=denominator,
        )
        return _rated(counted, _per(per))


def _rated(realization: Realization, per: Decimal) -> Realization:
    """``realization`` again, its value computed from its counts with the multiplier ``per``."""
    rated = attrs.evolve(realization, value=realization.value)
    object.__setattr__(rated, "value", realization._rate(per))
    object.__setattr__(rated, "from_counts", True)
    return rated


@attrs.frozen(kw_only=True, repr=False)
class NationalStandard(Displayed):
    """A national (or provincial) standard an indicator is compared with (standar nasional).

    Attributes:
        indicator: The indicator's code.
        value: The standard: a number, a range or a comparator target (``≥ 80``).
        source: Who sets it and where ("SPM Bidang Sosial, Permensos 9/2018").
        year: The year it applies to; ``None`` for every year.
    """

    indicator: str = attrs.field(validator=_non_empty)
    value: Target | TargetRange | ComparatorTarget = attrs.field(converter=_standard_value)
    source: str = attrs.field(validator=_non_empty)
    year: int | None = attrs.field(default=None, validator=_year)


def _period_target(value: TargetInput) -> TargetLike:
    return to_target(value, "target")


@attrs.frozen(kw_only=True, repr=False)
class PeriodTarget(Displayed):
    """A target below the year (target periodik): one quarter's or one month's.

    The quarterly targets of a performance agreement's action plan (rencana aksi) and the
    monthly ones of agencies that monitor monthly. What the number counts, the total to date
    or the period's own figure, is the indicator's :attr:`Indicator.period_basis`.

    >>> PeriodTarget(indicator="K1", year=2024, quarter=2, target=600).target
    Target(value=Decimal('600'))

    Attributes:
        indicator: The indicator's code.
        year: The fiscal year.
        target: The period's target, a number or a range.
        quarter: 1-4 for a quarter's target.
        month: 1-12 for a month's target; exactly one of ``quarter`` and ``month`` is given.
    """

    indicator: str = attrs.field(validator=_non_empty)
    year: int = attrs.field(validator=_year)
    target: TargetLike = attrs.field(converter=_period_target)
    quarter: int | None = attrs.field(default=None, validator=_quarter)
    month: int | None = attrs.field(default=None, validator=_month)

    def __attrs_post_init__(self) -> None:
        _one_period(self.quarter, self.month)
        if self.quarter is None and self.month is None:
            raise InvalidValueError("quarter", None, "a quarter 1-4 or a month 1-12")


# --- money --------------------------------------------------------------------------------


def _quarterly(value: Iterable[Number | None] | None) -> tuple[Decimal | None, ...]:
    if value is None:
        return ()
    result = tuple(
        None if amount is None else to_decimal(amount, f"quarterly_spent[{index}]")
        for index, amount in enumerate(value)
    )
    if len(result) > 4:
        raise InvalidValueError("quarterly_spent", value, "at most four quarters")
    while result and result[-1] is None:  # a quarter left out and one given as None are alike
        result = result[:-1]
    return result


@attrs.frozen(kw_only=True, repr=False)
class BudgetLine(Displayed):
    """A budget line (pagu and realisasi anggaran) of a program, activity or sub-activity.

    Attributes:
        code: Budget code ("1.06.02").
        name: As printed.
        level: Program, activity (kegiatan) or sub-activity (sub kegiatan).
        funding_source: APBN, APBD or other.
        ceiling: The original ceiling (pagu awal/murni).
        revised_ceiling: The revised ceiling (pagu perubahan), when there is one.
        spent: Spending for the year (realisasi), when reported as one figure.
        quarterly_spent: Spending per quarter, TW I first; ``None`` marks a quarter not
            reported (never read as zero). Unreported quarters at the end are dropped:
            ``[10, None]`` is the same as ``[10]``.
        indicators: Codes of the indicators the line serves.
        children: The lines under this one.
    """

    code: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    level: BudgetLevel = attrs.field(default=BudgetLevel.PROGRAM, converter=_budget_level)
    funding_source: FundingSource = attrs.field(
        default=FundingSource.APBD, converter=_funding_source
    )
    ceiling: Decimal = attrs.field(converter=_ceiling)
    revised_ceiling: Decimal | None = attrs.field(default=None, converter=_revised_ceiling)
    spent: Decimal | None = attrs.field(default=None, converter=_spent)
    quarterly_spent: tuple[Decimal | None, ...] = attrs.field(default=(), converter=_quarterly)
    indicators: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    children: tuple[BudgetLine, ...] = attrs.field(default=(), converter=_budget_lines)

    def __attrs_post_init__(self) -> None:
        _unique("budget line", (child.code for child in self.children))

    @property
    def effective_ceiling(self) -> Decimal:
        """The ceiling that absorption is measured against, the revised one when there is one."""
        return self.ceiling if self.revised_ceiling is None else self.revised_ceiling

    def walk(self) -> Iterator[BudgetLine]:
        """This line, then every line under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen(kw_only=True, repr=False)
class CascadeItem(Displayed):
    """A program, activity or sub-activity of the cascade (program, kegiatan, sub kegiatan).

    The cascade runs objective (sasaran) → program → activity → sub-activity. A program
    serves one or more objectives and carries outcome indicators; an activity serves a
    program and a sub-activity an activity, each with output indicators. Each level has its
    own yearly targets and may name its budget line (pagu and realisasi), which stays in the
    dataset's budget. Realizations of its indicators are the dataset's realizations.

    >>> output = Indicator(code="OUT-1", name="Lansia terlayani", unit="orang")
    >>> item = CascadeItem(
    ...     code="1.06.02.2.01",
    ...     name="Penyediaan kebutuhan dasar lansia",
    ...     level="sub kegiatan",
    ...     parent="1.06.02",
    ...     indicators=[output],
    ...     plans=[IndicatorPlan(indicator="OUT-1", targets={2024: 120})],
    ... )
    >>> item.level, item.plan_for("OUT-1").target(2024)
    (<BudgetLevel.SUB_ACTIVITY: 'sub-activity'>, Target(value=Decimal('120')))

    Attributes:
        code: The program's, activity's or sub-activity's code ("1.06.02").
        name: As printed.
        level: Program, activity (kegiatan) or sub-activity (sub kegiatan).
        objectives: For a program, the codes of the objectives (sasaran) it serves.
        parent: For an activity, the code of its program; for a sub-activity, of its
            activity.
        indicators: Its own indicators: outcome for a program, output below.
        plans: Baseline, yearly targets and end target of its indicators, one per indicator.
        budget: The code of its line in the dataset's budget (any depth), if it has one.
        unit: The unit responsible (unit penanggung jawab), as printed.
    """

    code: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    level: BudgetLevel = attrs.field(default=BudgetLevel.PROGRAM, converter=_budget_level)
    objectives: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    parent: str | None = attrs.field(default=None, validator=_optional_text)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    plans: tuple[IndicatorPlan, ...] = attrs.field(default=(), converter=_indicator_plans)
    budget: str | None = attrs.field(default=None, validator=_optional_text)
    unit: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.level is BudgetLevel.PROGRAM and self.parent is not None:
            raise InvalidValueError(
                f"parent of program {self.code}", self.parent, "None: a program serves objectives"
            )
        if self.level is not BudgetLevel.PROGRAM and self.objectives:
            raise InvalidValueError(
                f"objectives of {self.level.value} {self.code}",
                list(self.objectives),
                "none: an activity serves its program, a sub-activity its activity",
            )
        _unique("indicator", (indicator.code for indicator in self.indicators))
        _unique("indicator plan", (plan.indicator for plan in self.plans))
        codes = {indicator.code for indicator in self.indicators}
        for plan in self.plans:
            if plan.indicator not in codes:
                raise NotFoundError(f"indicator of {self.code}", plan.indicator, sorted(codes))

    @property
    def parent_level(self) -> BudgetLevel | None:
        """The level one up, which the item serves (``None`` for a program)."""
        if self.level is BudgetLevel.SUB_ACTIVITY:
            return BudgetLevel.ACTIVITY
        if self.level is BudgetLevel.ACTIVITY:
            return BudgetLevel.PROGRAM
        return None

    def plan_for(self, code: str) -> IndicatorPlan:
        """The targets of one of its indicators."""
        for plan in self.plans:
            if plan.indicator == code:
                return plan
        raise NotFoundError(
            f"indicator plan of {self.code}", code, (p.indicator for p in self.plans)
        )


@attrs.frozen(kw_only=True, repr=False)
class AuthorAnalysis(Displayed):
    """The author's analysis of an indicator's result (analisis capaian kinerja).

    PermenPANRB 53/2014 asks chapter III to explain the causes of success or failure, the
    solutions taken and the programs behind the result. These are the author's own texts:
    sakip carries them to the report as written and never writes them.

    Attributes:
        indicator: The indicator's code (of the plan or of the cascade).
        year: The year analysed.
        quarter: 1-4 for a quarter's analysis (triwulan); ``None`` for the year.
        supporting: Supporting factors (faktor pendukung).
        obstacles: Obstacles (faktor penghambat).
        measures: Measures taken (upaya / solusi).
        follow_up: Follow-up planned (rencana tindak lanjut).
        programs: Codes of the cascade's programs, activities or sub-activities behind the
            result.
    """

    indicator: str = attrs.field(validator=_non_empty)
    year: int = attrs.field(validator=_year)
    quarter: int | None = attrs.field(default=None, validator=_quarter)
    supporting: str | None = attrs.field(default=None, validator=_optional_text)
    obstacles: str | None = attrs.field(default=None, validator=_optional_text)
    measures: str | None = attrs.field(default=None, validator=_optional_text)
    follow_up: str | None = attrs.field(default=None, validator=_optional_text)
    programs: tuple[str, ...] = attrs.field(default=(), converter=_texts)

    @property
    def texts(self) -> tuple[tuple[str, str], ...]:
        """The texts given, as ``(field name, text)`` in the order of the fields."""
        found = (
            ("supporting", self.supporting),
            ("obstacles", self.obstacles),
            ("measures", self.measures),
            ("follow_up", self.follow_up),
        )
        return tuple((name, text) for name, text in found if text is not None)


def _code_targets(
    value: Mapping[str, TargetInput] | Iterable[tuple[str, TargetInput]],
) -> tuple[tuple[str, TargetLike], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((code, to_target(target, f"target {code}")) for code, target in pairs)


@attrs.frozen(kw_only=True, repr=False)
class PerformanceAgreement(Displayed):
    """A performance agreement (Perjanjian Kinerja, PK) signed for one year.

    A PK can be revised during the year (PK Perubahan, "PK-P"): the revision is kept beside
    the original, and the revised target is the one a report measures against.

    >>> pk = PerformanceAgreement(
    ...     year=2024, targets={"PPKS": "94.6"}, revised_targets={"PPKS": 96}
    ... )
    >>> pk.target("PPKS"), pk.original_target("PPKS")
    (Target(value=Decimal('96')), Target(value=Decimal('94.6')))

    Attributes:
        year: The fiscal year it covers.
        targets: The signed targets as ``(indicator code, target)`` pairs; a mapping is
            accepted.
        budget: The budget of the programs behind the targets.
        signed_on: The date it was signed.
        signatory: Who signed it (the head of the body).
        revised_targets: The targets of the revised agreement (PK-P), for the indicators it
            revises, as ``(indicator code, target)`` pairs; a mapping is accepted. Each names
            an indicator of ``targets``.
        revised_on: The date the revision was signed.
    """

    year: int = attrs.field(validator=_year)
    targets: tuple[tuple[str, TargetLike], ...] = attrs.field(converter=_code_targets)
    budget: tuple[BudgetLine, ...] = attrs.field(default=(), converter=_budget_lines)
    signed_on: date | None = attrs.field(default=None)
    signatory: str | None = attrs.field(default=None, validator=_optional_text)
    revised_targets: tuple[tuple[str, TargetLike], ...] = attrs.field(
        default=(), converter=_code_targets
    )
    revised_on: date | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        _unique("indicator", (code for code, _ in self.targets))
        _unique("revised indicator", (code for code, _ in self.revised_targets))
        signed = {code for code, _ in self.targets}
        for code, _ in self.revised_targets:
            if code not in signed:  # a revision changes a signed target; it adds none
                raise NotFoundError(
                    "indicator in the agreement", code, (c for c, _ in self.targets)
                )

    @functools.cached_property
    def _by_code(self) -> dict[str, TargetLike]:
        # Built on first look-up and kept on the instance; no field (see StrategicPlan).
        return dict(self.targets)

    @functools.cached_property
    def _revised_by_code(self) -> dict[str, TargetLike]:
        return dict(self.revised_targets)

    def target(self, code: str) -> TargetLike:
        """The target of an indicator that is measured against: the revised one (PK-P) if any."""
        revised = self._revised_by_code.get(code)
        return revised if revised is not None else self.original_target(code)

    def original_target(self, code: str) -> TargetLike:
        """The target of an indicator as first signed, before any revision."""
        found = self._by_code.get(code)
        if found is not None:
            return found
        raise NotFoundError("indicator in the agreement", code, (c for c, _ in self.targets))

    def revised_target(self, code: str) -> TargetLike | None:
        """The revised target of an indicator (target PK-P), ``None`` when it was not revised.

        Raises:
            NotFoundError: The agreement has no target for the indicator.
        """
        self.original_target(code)
        return self._revised_by_code.get(code)

    @property
    def revised(self) -> bool:
        """Whether the agreement was revised (a PK-P exists)."""
        return bool(self.revised_targets)


# --- the body and everything it reports ---------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Agency(Displayed):
    """A government body (instansi pemerintah; a regional department is an OPD)."""

    name: str = attrs.field(validator=_non_empty)
    level: AgencyLevel = attrs.field(
        default=AgencyLevel.REGIONAL_DEPARTMENT, converter=_agency_level
    )
    region: str | None = attrs.field(default=None, validator=_optional_text)


def _operands(values: Iterable[Number]) -> tuple[Decimal, ...]:
    return tuple(to_decimal(value, f"operands[{index}]") for index, value in enumerate(values))


@attrs.frozen(kw_only=True, repr=False)
class StatedFigure(Displayed):
    """A figure as a published report prints it, kept so that it can be recomputed.

    The :mod:`sakip.audit` module defines the kinds it can check and what each needs.

    Attributes:
        kind: What the figure is ("achievement", "percentage", "sum", ...).
        stated: The figure as printed, in the report's own notation ("101,1").
        location: Where it is printed ("Tabel 3.3, hal. 27").
        indicator: The indicator it belongs to, if any.
        year: The year it belongs to, if any.
        operands: The printed inputs it was computed from, in the order the kind defines.
        claim: For a narrative claim, what it says (:class:`Claim`; its code or Indonesian
            words are accepted).
        polarity: For an achievement given by its operands, the polarity that decides its
            formula, where no ``indicator`` says it.
        formula: Likewise, the formula's name, where it is not the polarity's default.
        objective: For an objective's average (``objective-average``) read from the data,
            the objective's code.
        budget_line: For a figure of the budget (``absorption``, ``unspent``) read from the
            data, the budget line's code.
        quarter: For a figure of one quarter (``period``), 1-4 (triwulan I-IV).
        scale: For a rating label (``category``), the rating scale's name; the default scale
            (Permendagri 86/2017) when not given.
        convention: For an efficiency figure (``efficiency``), the convention's name;
            ``difference`` when not given.
    """

    kind: str = attrs.field(validator=_non_empty)
    stated: str = attrs.field(validator=_non_empty)
    location: str | None = attrs.field(default=None, validator=_optional_text)
    indicator: str | None = attrs.field(default=None, validator=_optional_text)
    year: int | None = attrs.field(default=None, validator=_year)
    operands: tuple[Decimal, ...] = attrs.field(default=(), converter=_operands)
    claim: Claim | None = attrs.field(default=None, converter=_optional_claim)
    polarity: Polarity | None = attrs.field(default=None, converter=_optional_polarity)
    formula: str | None = attrs.field(default=None, validator=_optional_text)
    objective: str | None = attrs.field(default=None, validator=_optional_text)
    budget_line: str | None = attrs.field(default=None, validator=_optional_text)
    quarter: int | None = attrs.field(default=None, validator=_quarter)
    scale: str | None = attrs.field(default=None, validator=_optional_text)
    convention: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True, repr=False)
class Settings(Displayed):
    """Settings where agencies differ (pengaturan laporan), kept with the data.

    Each is a choice a body makes and says in its report; ``None`` leaves it to sakip's
    default. An indicator's own ``formula``, ``scale``, ``cap``, ``places`` and
    ``data_source`` override these, and an argument of :func:`~sakip.build_report` (or a
    command-line option) overrides both: argument > indicator > dataset > sakip's default.

    Attributes:
        scale: The name of the rating scale (and so its label set) for achievements, one of
            :data:`sakip.scales.SCALES` (``"permendagri-86-2017-baik"``); sakip's default is
            ``"permendagri-86-2017"``.
        formula: The name of an achievement formula (:data:`sakip.formulas.FORMULAS`) for
            the indicators of its polarity that name none (``"inverse"`` for every
            lower-is-better indicator); sakip's default is ``direct`` and ``mirror``.
        cap: A cap on every achievement (100, 120), the uncapped figure kept; none by default.
        efficiency: The name of the efficiency convention of table (f)
            (:data:`sakip.budget.EFFICIENCY_CONVENTIONS`); sakip's default is ``difference``.
        data_source: Where the realizations come from, for indicators that name none.
        places: The decimals every indicator's own figures print with (targets,
            realizations, changes, projections), 0 to 6, rounded half-up and padded (2 prints
            95 as ``95,00``); by default each prints as the data gives it. Achievements keep
            2 places, the figure their rating is read from.
    """

    scale: str | None = attrs.field(default=None, validator=_optional_text)
    formula: str | None = attrs.field(default=None, validator=_optional_text)
    cap: Decimal | None = attrs.field(default=None, converter=_cap)
    efficiency: str | None = attrs.field(default=None, validator=_optional_text)
    data_source: str | None = attrs.field(default=None, validator=_optional_text)
    places: int | None = attrs.field(default=None, validator=_optional_places)


def _settings(value: Settings | Mapping[str, Any] | None) -> Settings:
    if value is None:
        return Settings()
    if isinstance(value, Settings):
        return value
    if isinstance(value, Mapping):
        return Settings(**value)
    raise InvalidValueError("settings", value, "a sakip.Settings or a mapping of its fields")


def _check_realization(indicator: Indicator, realization: Realization) -> None:
    """A level indicator realizes a level of its scale; any other indicator a number."""
    name = f"realization of {indicator.code} in {realization.year}"
    if indicator.levels is None:
        if realization.level is not None:
            raise InvalidValueError(
                name,
                realization.level,
                "a number; an indicator measured in levels declares levels",
            )
        return
    if realization.level is None:
        raise InvalidValueError(name, realization.value, f"a level of {indicator.levels.name!r}")
    indicator.levels.level(realization.level, name)


@attrs.frozen(kw_only=True, repr=False)
class Dataset(Displayed):
    """Everything one body reports for its plan: the input of a report and of an audit.

    Validated when built: realizations, standards, agreements, period targets and stated
    figures name indicators of the plan (realizations and analyses may name the cascade's);
    a period has one target per indicator, and an indicator with period targets declares its
    :attr:`~Indicator.period_basis`. ``settings`` holds the choices where agencies differ
    (:class:`Settings`).
    """

    agency: Agency
    plan: StrategicPlan
    realizations: tuple[Realization, ...] = attrs.field(default=(), converter=_realizations)
    budget: tuple[BudgetLine, ...] = attrs.field(default=(), converter=_budget_lines)
    agreements: tuple[PerformanceAgreement, ...] = attrs.field(default=(), converter=_agreements)
    standards: tuple[NationalStandard, ...] = attrs.field(default=(), converter=_standards)
    stated: tuple[StatedFigure, ...] = attrs.field(default=(), converter=_stated_figures)
    cascade: tuple[CascadeItem, ...] = attrs.field(default=(), converter=_cascade_items)
    analyses: tuple[AuthorAnalysis, ...] = attrs.field(default=(), converter=_analyses)
    settings: Settings = attrs.field(factory=Settings, converter=_settings)
    period_targets: tuple[PeriodTarget, ...] = attrs.field(default=(), converter=_period_targets)

    def __attrs_post_init__(self) -> None:
        self._check_cascade()
        for real in self.realizations:
            self.indicator(real.indicator)  # a cascade indicator's realizations live here too
        self._apply_per()
        self._check_period_targets()
        codes = [s.indicator for s in self.standards]
        codes += [code for agreement in self.agreements for code, _ in agreement.targets]
        codes += [figure.indicator for figure in self.stated if figure.indicator is not None]
        for code in codes:
            self.plan.indicator(code)
        for agreement in self.agreements:
            for code, target in (*agreement.targets, *agreement.revised_targets):
                self.plan.indicator(code).check_target(target, f"target {agreement.year}")
        for realization in self.realizations:
            _check_realization(self.indicator(realization.indicator), realization)
        for standard in self.standards:
            self.plan.indicator(standard.indicator).check_target(standard.value, "standard")
        _unique("agreement year", (str(agreement.year) for agreement in self.agreements))
        self._check_analyses()

    def _check_cascade(self) -> None:
        """Codes used once; what each item serves, its budget line and target years exist."""
        _unique("cascade item", (item.code for item in self.cascade))
        plan_codes = {indicator.code for indicator in self.plan.indicators}
        _unique(
            "indicator",
            [*plan_codes, *(i.code for item in self.cascade for i in item.indicators)],
        )
        budget = {line.code for root in self.budget for line in root.walk()}
        for item in self.cascade:
            for objective in item.objectives:
                self.plan.objective(objective)
            if item.parent is not None:
                parent = self.cascade_item(item.parent)
                if parent.level is not item.parent_level:
                    raise InvalidValueError(
                        f"parent of {item.code}",
                        item.parent,
                        f"the code of its {cast(BudgetLevel, item.parent_level).value}",
                    )
            if item.budget is not None and item.budget not in budget:
                raise NotFoundError(f"budget line of {item.code}", item.budget, budget)
            for line in item.plans:
                self._check_years(item.code, line)

    def _check_years(self, code: str, line: IndicatorPlan) -> None:
        plan = self.plan
        for year in line.years:
            if not plan.start_year <= year <= plan.end_year:
                raise InvalidValueError(
                    f"target year of {line.indicator} ({code})",
                    year,
                    f"a year from {plan.start_year} to {plan.end_year}",
                )

    def _check_analyses(self) -> None:
        seen: set[tuple[str, int, int | None]] = set()
        for analysis in self.analyses:
            self.indicator(analysis.indicator)
            for code in analysis.programs:
                self.cascade_item(code)
            key = (analysis.indicator, analysis.year, analysis.quarter)
            if key in seen:
                raise InvalidValueError(
                    "analysis",
                    f"{analysis.indicator} {analysis.year}",
                    "one analysis per indicator and period",
                )
            seen.add(key)

    def _apply_per(self) -> None:
        """Compute each value given by its counts alone with its indicator's multiplier.

        Every such value is computed again, so a dataset evolved with another ``per`` (back to
        100, say) never keeps the old multiplier's figure.
        """
        rated = tuple(
            _rated(r, self.indicator(r.indicator).per) if r.from_counts else r
            for r in self.realizations
        )
        object.__setattr__(self, "realizations", rated)  # frozen: set once, while built

    def _check_period_targets(self) -> None:
        seen: set[tuple[str, int, int | None, int | None]] = set()
        for entry in self.period_targets:
            indicator = self.plan.indicator(entry.indicator)
            if indicator.period_basis is None:
                raise InvalidValueError(
                    f"period_basis of {entry.indicator}",
                    None,
                    "'cumulative' or 'per-period', declared for an indicator with period targets",
                )
            key = (code_key(entry.indicator), entry.year, entry.quarter, entry.month)
            if key in seen:
                place = (
                    f"quarter {entry.quarter}" if entry.month is None else f"month {entry.month}"
                )
                raise InvalidValueError(
                    "period target", f"{entry.indicator} {entry.year} {place}", "one target only"
                )
            seen.add(key)

    def _headline(self) -> str:
        plan = self.plan
        return (
            f"{self.agency.name}, {plan.start_year}-{plan.end_year}: "
            f"{len(plan.indicators)} indicators, {len(self.realizations)} realizations"
        )

    @functools.cached_property
    def _realization_index(self) -> dict[str, tuple[Realization, ...]]:
        # One pass over the realizations, built on first look-up and kept on the instance
        # (no field: see StrategicPlan). The sort is stable, so equal keys keep file order.
        grouped: dict[str, list[Realization]] = {}
        for realization in self.realizations:
            grouped.setdefault(realization.indicator, []).append(realization)
        return {
            code: tuple(sorted(found, key=lambda r: (r.year, *period_key(r.quarter, r.month))))
            for code, found in grouped.items()
        }

    @functools.cached_property
    def _cascade_index(self) -> dict[str, CascadeItem]:
        return {item.code: item for item in self.cascade}

    @functools.cached_property
    def _cascade_indicators(self) -> dict[str, tuple[Indicator, CascadeItem]]:
        return {i.code: (i, item) for item in self.cascade for i in item.indicators}

    def cascade_item(self, code: str) -> CascadeItem:
        """The program, activity or sub-activity with this code."""
        found = self._cascade_index.get(code)
        if found is not None:
            return found
        raise NotFoundError("cascade item", code, self._cascade_index)

    def children_of(self, code: str) -> tuple[CascadeItem, ...]:
        """The items one level below, in the cascade's order.

        An objective's programs, a program's activities, an activity's sub-activities.
        """
        if code in self._cascade_index:
            return tuple(item for item in self.cascade if item.parent == code)
        self.plan.objective(code)
        return tuple(item for item in self.cascade if code in item.objectives)

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code, of the plan or of the cascade."""
        found = self._cascade_indicators.get(code)
        if found is not None:
            return found[0]
        try:
            return self.plan.indicator(code)
        except NotFoundError:
            known = [*(i.code for i in self.plan.indicators), *self._cascade_indicators]
            raise NotFoundError("indicator", code, known) from None

    def owner_of(self, code: str) -> CascadeItem | None:
        """The cascade item whose indicator this is; ``None`` for an indicator of the plan."""
        self.indicator(code)
        found = self._cascade_indicators.get(code)
        return None if found is None else found[1]

    def analysis_of(
        self, code: str, year: int, quarter: int | None = None
    ) -> AuthorAnalysis | None:
        """The author's analysis of an indicator in a year (or quarter), if the data has one."""
        self.indicator(code)
        for analysis in self.analyses:
            if (analysis.indicator, analysis.year, analysis.quarter) == (code, year, quarter):
                return analysis
        return None

    def realizations_of(self, code: str) -> tuple[Realization, ...]:
        """The realizations of one indicator, by year then period (the year's own first)."""
        self.indicator(code)
        return self._realization_index.get(code, ())

    @functools.cached_property
    def _budget_index(self) -> dict[str, tuple[BudgetLine, ...]]:
        grouped: dict[str, list[BudgetLine]] = {}
        for line in self.budget:
            for code in dict.fromkeys(line.indicators):  # a code named twice counts once
                grouped.setdefault(code, []).append(line)
        return {code: tuple(lines) for code, lines in grouped.items()}

    def budget_lines_of(self, code: str) -> tuple[BudgetLine, ...]:
        """The budget lines (top level) that serve one indicator, in the order of the budget.

        >>> import sakip.io
        >>> data = sakip.io.load("examples/dinsos-kota-metro-2024.toml")
        >>> [line.code for line in data.budget_lines_of("SAKIP")]
        ['B-SAKIP']
        """
        self.plan.indicator(code)
        return self._budget_index.get(code, ())
