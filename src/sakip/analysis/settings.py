"""The settings a figure is computed with (pengaturan yang berlaku), by precedence.

Agencies differ in a few choices: the rating scale and its labels, the achievement formula of
an indicator, a cap on achievements, the places its figures print with, the efficiency
convention and the data source. Each can be
given at four levels, and the first that gives it wins:

1. an argument of :func:`~sakip.build_report`, :func:`~sakip.history` or
   :func:`~sakip.analysis.chapter.compute_chapter` (or a command-line option such as
   ``--cap``, ``--places``);
2. the indicator's own field (:attr:`sakip.Indicator.scale`, ``formula``, ``cap``,
   ``places``, ``data_source``);
3. the dataset's :class:`~sakip.Settings` (``[settings]`` in a data file);
4. sakip's default: the Permendagri 86/2017 scale, ``direct`` or ``mirror`` by polarity, no
   cap, each figure printed as the data gives it, the ``difference`` efficiency convention.

The report and the audit both read them through these functions, so an audit recomputes each
figure with the settings its report used.

>>> import attrs
>>> from sakip.analysis.settings import cap_of, scale_of
>>> data = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
>>> data = attrs.evolve(data, settings=sakip.Settings(cap=120, scale="permendagri-86-2017-baik"))
>>> indicator = data.plan.indicator("IKU-1")
>>> scale_of(data, indicator).name, cap_of(data, indicator), cap_of(data, indicator, 100)
('permendagri-86-2017-baik', Decimal('120'), Decimal('100'))
>>> from sakip.analysis.settings import places_of
>>> data = attrs.evolve(data, settings=sakip.Settings(places=2))
>>> places_of(data, indicator), places_of(data, indicator, 0), places_of(data)
(2, 0, 2)
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from sakip._decimal import Number, to_decimal
from sakip.achievement import FORMULAS
from sakip.budget import DIFFERENCE, EFFICIENCY_CONVENTIONS, EfficiencyConvention
from sakip.exceptions import InvalidValueError
from sakip.model import Dataset, Indicator, Settings
from sakip.scales import PERMENDAGRI_86_2017, SCALES, RatingScale

__all__ = [
    "cap_of",
    "data_source_of",
    "efficiency_of",
    "fixed_places",
    "formula_of",
    "overridden",
    "places_of",
    "scale_of",
]


def scale_of(
    dataset: Dataset, indicator: Indicator | None = None, scale: RatingScale | str | None = None
) -> RatingScale:
    """The rating scale: ``scale``, else the indicator's, else the dataset's, else sakip's.

    Raises:
        UnknownRuleError: A name that no scale is registered under, naming the known ones.
    """
    own = None if indicator is None else indicator.scale
    chosen = scale or own or dataset.settings.scale or PERMENDAGRI_86_2017
    return SCALES.resolve(chosen)


def formula_of(dataset: Dataset, indicator: Indicator) -> str | None:
    """The indicator's formula name: its own, else the dataset's when it fits its polarity.

    ``None`` leaves the polarity's default (``direct``, ``mirror``). The dataset's formula is
    for the indicators of that formula's polarity: ``"inverse"`` in the settings changes the
    lower-is-better indicators only.

    Raises:
        UnknownRuleError: The dataset names a formula that is not registered.
    """
    if indicator.formula is not None:
        return indicator.formula
    named = dataset.settings.formula
    if named is None:
        return None
    return named if FORMULAS.get(named).polarity is indicator.polarity else None


def cap_of(
    dataset: Dataset, indicator: Indicator | None = None, cap: Number | None = None
) -> Decimal | None:
    """The cap on achievements: ``cap``, else the indicator's, else the dataset's; or none.

    Raises:
        InvalidValueError: ``cap`` is not a positive number.
    """
    if cap is not None:
        chosen = to_decimal(cap, "cap")
        if chosen <= 0:
            raise InvalidValueError("cap", chosen, "a positive limit on an achievement (100, 120)")
        return chosen
    own = None if indicator is None else indicator.cap
    return own if own is not None else dataset.settings.cap


def places_of(
    dataset: Dataset, indicator: Indicator | None = None, places: int | None = None
) -> int | None:
    """The decimals an indicator's own figures print with, or ``None``: as the data gives them.

    ``places``, else the indicator's own, else the dataset's (:attr:`sakip.Settings.places`).

    Raises:
        InvalidValueError: ``places`` is not a whole number from 0 to 6.
    """
    if places is not None:
        return Settings(places=places).places  # checked as the data's own setting is
    own = None if indicator is None else indicator.places
    return own if own is not None else dataset.settings.places


def fixed_places(dataset: Dataset, places: int | None = None) -> dict[str, int]:
    """The places of each of the plan's indicators whose figures have them set, by code.

    Raises:
        InvalidValueError: ``places`` is not a whole number from 0 to 6.
    """
    chosen = ((i.code, places_of(dataset, i, places)) for i in dataset.plan.indicators)
    return {code: fixed for code, fixed in chosen if fixed is not None}


def efficiency_of(
    dataset: Dataset, efficiency: EfficiencyConvention | str | None = None
) -> EfficiencyConvention:
    """The efficiency convention: ``efficiency``, else the dataset's, else ``difference``.

    Raises:
        UnknownRuleError: A name that no convention is registered under.
    """
    chosen = efficiency or dataset.settings.efficiency or DIFFERENCE
    return EFFICIENCY_CONVENTIONS.resolve(chosen)


def data_source_of(dataset: Dataset, indicator: Indicator) -> str | None:
    """Where the indicator's realizations come from: its own source, else the dataset's."""
    return indicator.data_source or dataset.settings.data_source


def overridden(
    dataset: Dataset,
    *,
    scale: str | None = None,
    cap: Number | None = None,
    places: int | None = None,
) -> Dataset:
    """The dataset with ``scale``, ``cap`` and ``places`` set at every level, as an argument.

    An argument wins over the indicators and the dataset; this writes it into both, for a
    computation that reads the data's settings only (the audit of a report made with
    ``--cap``). Nothing given, the dataset itself.

    Raises:
        InvalidValueError: ``cap`` is not a positive number, or ``places`` no whole number
            from 0 to 6.
        UnknownRuleError: ``scale`` names no registered scale.
    """
    changes: dict[str, object] = {}
    if scale is not None:
        changes["scale"] = SCALES.get(scale).name
    if cap is not None:
        changes["cap"] = cap_of(dataset, None, cap)
    if places is not None:
        changes["places"] = places_of(dataset, None, places)
    if not changes:
        return dataset

    def own(indicator: Indicator) -> Indicator:
        return attrs.evolve(indicator, **changes)  # type: ignore[arg-type]  # the fields' types

    goals = [
        attrs.evolve(
            goal,
            indicators=[own(i) for i in goal.indicators],
            objectives=[
                attrs.evolve(o, indicators=[own(i) for i in o.indicators]) for o in goal.objectives
            ],
        )
        for goal in dataset.plan.goals
    ]
    return attrs.evolve(
        dataset,
        plan=attrs.evolve(dataset.plan, goals=goals),
        settings=attrs.evolve(dataset.settings, **changes),  # type: ignore[arg-type]
    )
