"""Rating scales (skala nilai peringkat kinerja) and classification.

A :class:`RatingScale` is data: ordered :class:`Band` objects whose bounds say explicitly
whether they are open or closed, checked when the scale is built to cover its domain with no
gap and no overlap. Two scales are built in and registered in :data:`SCALES`:

- :data:`PERMENDAGRI_86_2017`, the performance rating scale of Permendagri 54/2010 as carried
  into Permendagri 86/2017 (the one LKjIPs print), with its alternative label set in
  :data:`PERMENDAGRI_86_2017_BAIK`;
- :data:`SAKIP_PREDICATE`, the predicate of a SAKIP evaluation score (AA ... D).
"""

from __future__ import annotations

import functools
from bisect import bisect_left as _bisect_left
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeAlias, cast

import attrs

from sakip._decimal import CONTEXT, MAX_EXPONENT, Number, in_range, to_decimal
from sakip._display import Displayed
from sakip._figures import typed
from sakip.exceptions import InvalidValueError
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_

__all__ = [
    "PERMENDAGRI_86_2017",
    "PERMENDAGRI_86_2017_BAIK",
    "SAKIP_PREDICATE",
    "SCALES",
    "Band",
    "Classifiable",
    "PrintedPercent",
    "Rating",
    "RatingScale",
    "classify",
]


class PrintedPercent(Protocol):
    """A result with a printed percentage: an achievement, a roll-up, a percentage, ..."""

    @property
    def percent(self) -> Decimal | None:
        """The printed figure (2 places, half-up); ``None`` where the result has none."""


Classifiable: TypeAlias = Number | PrintedPercent
"""What a scale classifies, a number or a result (whose printed figure is classified)."""


def _classified(value: object) -> Decimal:
    """The number to classify: a result's printed figure, else the number itself."""
    if isinstance(value, int | float | str | Decimal):
        return to_decimal(value, "value")
    percent = getattr(value, "percent", None)
    if not isinstance(percent, Decimal):
        raise InvalidValueError(
            "value", value, "a number or a result with a printed percentage (.percent)"
        )
    return percent


# A plain function per bound: mypy's attrs plugin types the __init__ parameter from it.


def _lower(value: Number | None) -> Decimal | None:
    return None if value is None else to_decimal(value, "lower")


def _upper(value: Number | None) -> Decimal | None:
    return None if value is None else to_decimal(value, "upper")


@attrs.frozen(kw_only=True, repr=False)
class Band(Displayed):
    """One band of a rating scale: a label for the values between two bounds.

    Attributes:
        label: The rating printed in a report ("Sangat Tinggi", "B").
        code: A short code for tables and colours; the label when not given.
        lower: The lower bound; ``None`` for no lower bound.
        upper: The upper bound; ``None`` for no upper bound.
        lower_closed: Whether ``lower`` itself belongs to the band (``≥``) or not (``>``, the
            default); always ``False`` without a lower bound.
        upper_closed: Whether ``upper`` itself belongs to the band (``≤``, the default) or not
            (``<``); always ``False`` without an upper bound.
        meaning: What the label means, when the label is a code ("Baik" for "B").
    """

    label: str
    code: str = attrs.field(default=attrs.Factory(lambda self: self.label, takes_self=True))
    lower: Decimal | None = attrs.field(default=None, converter=_lower)
    upper: Decimal | None = attrs.field(default=None, converter=_upper)
    lower_closed: bool = False
    upper_closed: bool = True
    meaning: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.label.strip():
            raise InvalidValueError("label", self.label, "a non-empty text")
        # An open end has no bound to include; normalising keeps equality meaningful.
        if self.lower is None:
            object.__setattr__(self, "lower_closed", False)
        if self.upper is None:
            object.__setattr__(self, "upper_closed", False)
        if self.lower is not None and self.upper is not None:
            point = self.lower == self.upper and self.lower_closed and self.upper_closed
            if self.lower > self.upper or (self.lower == self.upper and not point):
                raise InvalidValueError(
                    "upper", self.upper, f"a bound that leaves band {self.label!r} some values"
                )

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, Decimal | int):
            return False
        if self.lower is not None and (
            value < self.lower or (value == self.lower and not self.lower_closed)
        ):
            return False
        return (
            self.upper is None or value < self.upper or (value == self.upper and self.upper_closed)
        )

    def _headline(self) -> str:
        return f"{self.label} {self.describe()}"

    def describe(self) -> str:
        """The band's interval in Indonesian notation, e.g. ``> 75 – ≤ 90``."""
        parts = []
        if self.lower is not None:
            parts.append(f"{'≥' if self.lower_closed else '>'} {typed(self.lower)}")
        if self.upper is not None:
            parts.append(f"{'≤' if self.upper_closed else '<'} {typed(self.upper)}")
        return " – ".join(parts)


@attrs.frozen(kw_only=True, repr=False)
class Rating(Displayed):
    """The band a value falls in.

    Attributes:
        value: The number that was classified.
        band: The band it falls in.
        scale: The scale that was used.
    """

    value: Decimal
    band: Band
    scale: RatingScale

    @property
    def label(self) -> str:
        """The band's label ("Sangat Tinggi")."""
        return self.band.label

    @property
    def code(self) -> str:
        """The band's code."""
        return self.band.code

    def _headline(self) -> str:
        return f"{self.label}: {typed(self.value)} on {self.scale.name}"

    def __str__(self) -> str:
        return self.label


# Rating(value=..., band=..., scale=...) through the fields' slots, without attrs' frozen
# __setattr__ look-up per field; a test checks it gives what __init__ gives.
_new_object = object.__new__
_set_value = cast(Any, Rating).value.__set__
_set_band = cast(Any, Rating).band.__set__
_set_scale = cast(Any, Rating).scale.__set__


def _rating(value: Decimal, band: Band, scale: RatingScale) -> Rating:
    rating = _new_object(Rating)
    _set_value(rating, value)
    _set_band(rating, band)
    _set_scale(rating, scale)
    return rating


def _bands(value: Sequence[Band]) -> tuple[Band, ...]:
    return tuple(value)


@attrs.frozen
class _Bounds:
    """A scale's bands as a search needs them: where each band after the first starts."""

    starts: tuple[Decimal, ...]  # the lower bound of every band after the first
    closed: tuple[bool, ...]  # whether each of those bounds belongs to the band it starts
    bounded_below: bool  # whether the lowest band has a lower bound, which needs a check
    bounded_above: bool  # whether the highest band has an upper bound

    @classmethod
    def of(cls, bands: tuple[Band, ...]) -> _Bounds:
        # Every band after the first has a lower bound (RatingScale checks its bands).
        rest = bands[1:]
        return cls(
            tuple(cast(Decimal, band.lower) for band in rest),
            tuple(band.lower_closed for band in rest),
            bands[0].lower is not None,
            bands[-1].upper is not None,
        )


_text = CONTEXT.to_sci_string  # str() would follow the caller's context: "1e+500" if capitals=0


def _plain(value: Decimal) -> bool:
    """Whether a decimal is finite and within range, cheaply in the common case."""
    if not value.is_finite():
        return False
    text = _text(value)  # without an exponent, the text shows every digit (see in_range)
    return ("E" not in text and len(text) <= MAX_EXPONENT) or in_range(value)


@attrs.frozen(kw_only=True, repr=False)
class RatingScale(Displayed, DescribedRule):
    """A rating scale: bands from the lowest to the highest, with no gap and no overlap.

    Attributes:
        name: The registered name ("permendagri-86-2017").
        title: What it is called in the regulation.
        bands: The bands, lowest first. Neighbours must meet at one bound that exactly one of
            them includes.
        source: Where the scale comes from.
    """

    rule_kind = N_("Skala penilaian capaian")

    name: str
    title: str
    bands: tuple[Band, ...] = attrs.field(converter=_bands)
    source: Source

    def __attrs_post_init__(self) -> None:
        if not self.bands:
            raise InvalidValueError("bands", self.bands, "at least one band")
        for name in ("label", "code"):
            values = [getattr(band, name) for band in self.bands]
            if len(set(values)) != len(values):
                raise InvalidValueError(f"band {name}s", values, f"a different {name} per band")
        for below, above in zip(self.bands, self.bands[1:], strict=False):
            meets = below.upper is not None and below.upper == above.lower
            if not meets or below.upper_closed == above.lower_closed:
                raise InvalidValueError(
                    f"band {above.label!r}",
                    above.describe(),
                    f"a band that starts where band {below.label!r} ({below.describe()}) ends, "
                    "with the shared bound in exactly one of them",
                )

    @property
    def lowest(self) -> Decimal | None:
        """The lower end of the domain; ``None`` when the scale is unbounded below."""
        return self.bands[0].lower

    @property
    def highest(self) -> Decimal | None:
        """The upper end of the domain; ``None`` when the scale is unbounded above."""
        return self.bands[-1].upper

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels, lowest band first."""
        return tuple(band.label for band in self.bands)

    def __contains__(self, value: object) -> bool:
        return any(value in band for band in self.bands)

    @functools.cached_property
    def _bounds(self) -> _Bounds:
        # Built once and kept on the instance (no field: equality and hashing ignore it).
        return _Bounds.of(self.bands)

    def classify(self, value: Classifiable) -> Rating:
        """The rating of ``value``; a value outside the scale's domain raises.

        A result (an :class:`~sakip.Achievement`, a roll-up, ...) is rated by its printed
        figure, so that a table never contradicts itself: :func:`sakip.classify` gives the same.
        """
        number = value if type(value) is Decimal and _plain(value) else _classified(value)
        bounds = self._bounds
        starts = bounds.starts
        # How many bands' starts the number has passed: every start below it, and a start
        # equal to it that belongs to its band (at most one equal start does: the first).
        index = _bisect_left(starts, number)
        last = len(starts)
        if index < last and bounds.closed[index] and starts[index] == number:
            index += 1
        band = self.bands[index]
        # A band between two others holds every number that passed its start and not the
        # next; only the two ends of the domain can leave a number out.
        outside = (index == 0 and bounds.bounded_below) or (index == last and bounds.bounded_above)
        if outside and number not in band:
            domain = f"{self.bands[0].describe()} ... {self.bands[-1].describe()}"
            shown = number if hasattr(value, "percent") else value  # a result: its figure
            raise InvalidValueError("value", shown, f"inside the domain of {self.name} ({domain})")
        return _rating(number, band, self)

    def relabel(
        self, labels: Sequence[str], *, name: str, title: str | None = None
    ) -> RatingScale:
        """The same bands under other labels, lowest band first (a label set is data)."""
        if len(labels) != len(self.bands):
            raise InvalidValueError("labels", labels, f"{len(self.bands)} labels, lowest first")
        bands = [
            attrs.evolve(band, label=label, code=label, meaning=None)
            for band, label in zip(self.bands, labels, strict=True)
        ]
        return attrs.evolve(self, name=name, title=title or self.title, bands=bands)


SCALES: Registry[RatingScale] = Registry("rating scale")
"""Every rating scale, by name; :meth:`~sakip.Registry.register` adds your own."""

_PERMENDAGRI_NOTE = (
    "The regulation prints integer bands (91 ke atas, 76-90, 66-75, 51-65, "
    "50 ke bawah) that leave gaps such as 90,5; reports that print decimals "
    "(75,1-90,0) show lower bounds are exclusive. Above 100 is {top}."
)

PERMENDAGRI_86_2017 = SCALES.register(
    RatingScale(
        name="permendagri-86-2017",
        title="Skala Nilai Peringkat Kinerja",
        bands=[
            Band(label="Sangat Rendah", code="SR", upper=50),
            Band(label="Rendah", code="R", lower=50, upper=65),
            Band(label="Sedang", code="S", lower=65, upper=75),
            Band(label="Tinggi", code="T", lower=75, upper=90),
            Band(label="Sangat Tinggi", code="ST", lower=90),
        ],
        source=Source(
            reference="Permendagri 86/2017, continuing Permendagri 54/2010",
            location="Lampiran, Skala Nilai Peringkat Kinerja",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note=_PERMENDAGRI_NOTE.format(top="Sangat Tinggi"),
        ),
    )
)
"""Skala Nilai Peringkat Kinerja, Sangat Rendah ... Sangat Tinggi, lower bounds exclusive."""
_BAIK = PERMENDAGRI_86_2017.relabel(
    ["Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"],
    name="permendagri-86-2017-baik",
)
PERMENDAGRI_86_2017_BAIK = SCALES.register(
    # the note names the top band, so it speaks this label set's words
    attrs.evolve(
        _BAIK, source=attrs.evolve(_BAIK.source, note=_PERMENDAGRI_NOTE.format(top="Sangat Baik"))
    )
)
"""The same bands labelled Sangat Kurang ... Sangat Baik."""
SAKIP_PREDICATE = SCALES.register(
    RatingScale(
        name="sakip-predicate",
        title="Predikat Nilai Evaluasi SAKIP",
        bands=[
            Band(label="D", lower=0, lower_closed=True, upper=30, meaning="Sangat Kurang"),
            Band(label="C", lower=30, upper=50, meaning="Kurang"),
            Band(label="CC", lower=50, upper=60, meaning="Cukup"),
            Band(label="B", lower=60, upper=70, meaning="Baik"),
            Band(label="BB", lower=70, upper=80, meaning="Sangat Baik"),
            Band(label="A", lower=80, upper=90, meaning="Memuaskan"),
            Band(label="AA", lower=90, upper=100, meaning="Sangat Memuaskan"),
        ],
        source=Source(
            reference="PermenPANRB 12/2015, kept by PermenPANRB 88/2021",
            location="Lampiran, kategori nilai hasil evaluasi",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note="Lower bounds exclusive: 90 is A, 90,01 is AA.",
        ),
    )
)
"""The SAKIP evaluation predicate D ... AA over scores 0-100."""


def classify(value: Classifiable, scale: RatingScale | str = PERMENDAGRI_86_2017) -> Rating:
    """Rate a value on a scale (kategori capaian).

    Args:
        value: A number, or a result with a printed percentage (an :class:`~sakip.Achievement`,
            a roll-up, a percentage), whose printed (rounded) figure is classified so that a
            table never contradicts itself.
        scale: A scale or its registered name; the Permendagri 86/2017 scale by default.

    >>> classify(Decimal("100.42")).label
    'Sangat Tinggi'
    >>> classify(90).label
    'Tinggi'
    >>> classify(Decimal("69.16"), scale="sakip-predicate").band.meaning
    'Baik'
    """
    return (scale if type(scale) is RatingScale else SCALES.resolve(scale)).classify(value)
