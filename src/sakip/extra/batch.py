"""Batch achievement (capaian kinerja massal): many indicator-years at once, exactly.

:func:`~sakip.batch.achievements` computes the printed achievement figure and its rating for
whole columns of realizations and targets, a million rows in well under a second, and gives row
for row the same figures as :func:`sakip.achievement` and :func:`sakip.classify`. It needs
NumPy (the ``sakip[pandas]`` extra), imported only when the function runs.

How it stays exact: every number is turned into a whole number of millionths at most
(``94.6`` becomes ``946`` tenths), and the percentage in hundredths is the quotient of two
whole numbers, rounded half-up in integer arithmetic. A float is taken as its shortest repr,
exactly as :func:`sakip.achievement` reads it. A row whose numbers need more than six decimal
places, or are too large for 64-bit integer arithmetic, or whose formula is not one of the
built-in ones, goes through the scalar API instead: slower, and just as exact. Nothing
overflows silently.

Rows that cannot be computed (a missing realization, a realization against a zero target, a
negative target, a bad cell) get a reason and no figure; the other rows go on.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import sys
from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from sakip._decimal import CONTEXT, to_decimal, to_hundredths
from sakip._optional import require
from sakip.achievement import (
    DIRECT,
    FORMULAS,
    INVERSE,
    MIRROR,
    AchievementFormula,
    achievement,
    resolve_formula,
)
from sakip.exceptions import InvalidValueError, SakipError, UndefinedAchievementError
from sakip.model import Polarity, Target, TargetRange
from sakip.scales import PERMENDAGRI_86_2017, SCALES, RatingScale

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing
    import numpy.typing as npt
    import pandas

__all__ = ["MAX_PLACES", "BatchResult", "Coded", "achievements", "printed_hundredths"]

MAX_PLACES = 6
"""Decimal places a number may have to take the integer path (more go through the scalar API)."""

_LIMIT = 10**14
"""Largest scaled magnitude on the integer path: 3 × 10^14 × 10^4 × 2 stays inside int64."""
_HUNDRED_PERCENT = 10_000  # 100 % in hundredths
_FINITE = "a finite number"
_NOT_REPORTED = "{name} is missing (not reported)"
_BUILT_IN = ((DIRECT, 0), (MIRROR, 1), (INVERSE, 2))  # formulas the integer path knows
_UNDEFINED = (
    "",
    "a realization other than 0 against a target of 0 has no percentage",
    "the formula needs a target above zero",
    "the inverse formula T / R needs a realization above zero",
)  # the reasons sakip.achievement gives, by status of the integer path


@attrs.frozen(kw_only=True, eq=False)
class BatchResult:
    """Achievements of many rows: the printed figure in hundredths, the rating, the reasons.

    Attributes:
        hundredths: The printed achievement (2 places, half-up) times 100, as whole numbers:
            ``10042`` is 100,42 %. An ``int64`` array, or an ``object`` array of Python ints
            when a figure does not fit 64 bits; 0 where :attr:`computable` is false.
        computable: Whether the row has a figure.
        label: The rating label of each row (``None`` where there is no rating).
        reason: Why a row has no figure or no rating (``None`` when it has both).
        scale: The rating scale used.
        index: The index of the input Series, kept for :meth:`to_frame`; ``None`` otherwise.
    """

    # The public fields are typed NDArray[Any] so that the docs name no private alias.
    hundredths: numpy.typing.NDArray[Any]
    computable: numpy.typing.NDArray[Any]
    label: numpy.typing.NDArray[Any]
    reason: numpy.typing.NDArray[Any]
    scale: RatingScale
    index: Any = None

    def __len__(self) -> int:
        return len(self.hundredths)

    def percent(self) -> numpy.typing.NDArray[Any]:
        """The printed figures as ``Decimal`` objects with two places (``None`` where none).

        This builds one ``Decimal`` per row; keep :attr:`hundredths` for fast work.
        """
        import numpy as np  # noqa: PLC0415 - NumPy is an optional dependency

        out = np.full(len(self), None, dtype=object)
        for row in np.flatnonzero(self.computable):
            out[row] = Decimal(int(self.hundredths[row])).scaleb(-2, context=CONTEXT)
        return out

    def printed(self) -> numpy.typing.NDArray[Any]:
        """The printed figures in Indonesian notation (``"100,42"``; ``None`` where none).

        Written from the whole hundredths, without a ``Decimal`` per row; the same text as
        ``sakip.format_number(percent, 2)``.
        """
        import numpy as np  # noqa: PLC0415 - see BatchResult.percent

        out = np.full(len(self), None, dtype=object)
        rows = np.flatnonzero(self.computable)
        out[rows] = [printed_hundredths(int(h)) for h in self.hundredths[rows].tolist()]
        return out

    def to_frame(self) -> pandas.DataFrame:
        """The results as a DataFrame: ``percent`` (Decimal), ``printed``, ``rating``, ``reason``.

        The columns are named as in :func:`sakip.io.results_frame`'s frame.
        """
        import pandas as pd  # noqa: PLC0415 - pandas is an optional dependency

        return pd.DataFrame(
            {
                "percent": self.percent(),
                "printed": self.printed(),
                "rating": self.label,
                "reason": self.reason,
            },
            index=self.index,
            dtype=object,  # None stays None, not NaN
        )


def printed_hundredths(hundredths: int) -> str:
    """A figure given in hundredths as a report prints it (``10042`` → ``"100,42"``).

    >>> from sakip.batch import printed_hundredths
    >>> printed_hundredths(-123456789)
    '-1.234.567,89'
    """
    sign = "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), 100)
    if whole < 1000:  # most figures: no thousands to group
        return f"{sign}{whole},{part:02d}"
    return f"{sign}{whole:,}.{part:02d}".translate(_INDONESIAN)


_INDONESIAN = str.maketrans(",.", ".,")


@attrs.frozen(eq=False)
class Coded:
    """A column given as its distinct values and, per row, the position of the row's value.

    A table repeats its figures: a column of 220,000 cells may hold a few thousand distinct
    texts. Given this way (``values[codes[row]]`` is row ``row``'s cell), each distinct value
    is read and scaled once, and the rows take theirs by position; the figures are the same
    as for the column written out. ``None`` among the values is a missing cell.

    >>> import numpy as np
    >>> from sakip.batch import Coded, achievements
    >>> targets = Coded(["94.6", "80"], np.array([0, 0, 1]))
    >>> achievements(Coded(["95", "60"], np.array([0, 1, 1])), targets).hundredths.tolist()
    [10042, 6342, 7500]
    """

    values: Sequence[object]
    codes: Any  # a 1-D integer array: the position in ``values`` of each row's value


@attrs.define(eq=False)
class _Column:
    """One input column, read: what the integer path needs and what the scalar path needs.

    ``places`` is the fewest decimal places at which every row that can be a whole number of
    units small enough for int64 is one; rows needing more go through the scalar API.
    """

    name: str
    kind: str  # "float", "int" or "object"
    data: npt.NDArray[Any]  # float64, int64, or object of Decimal | None
    missing: npt.NDArray[np.bool_]
    invalid: dict[int, str] = attrs.Factory(dict)
    row_places: npt.NDArray[np.int8] | None = None  # object columns: places per row
    places: int = 0
    source: tuple[npt.NDArray[np.intp], _Column] | None = None  # a coded column's distinct values
    _cache: dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]] = attrs.Factory(dict)

    def scaled(self, places: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
        """Each value times 10**places as int64, and where that is exact and small enough."""
        if places not in self._cache:
            self._cache[places] = self._scale(places)
        return self._cache[places]

    def _scale(self, places: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
        import numpy as np  # noqa: PLC0415 - see BatchResult.percent

        if self.source is not None:  # each distinct value scaled once, taken by every row
            codes, distinct = self.source
            whole, fits = distinct.scaled(places)
            return whole[codes], fits[codes]
        factor = 10**places
        if self.kind == "float":
            with np.errstate(all="ignore"):  # inf and NaN rows simply do not fit
                whole = np.rint(self.data * float(factor))
                fits = whole / float(factor) == self.data
                if not (whole.max(initial=0) <= _LIMIT and whole.min(initial=0) >= -_LIMIT):
                    fits &= np.abs(whole) <= _LIMIT  # some rows are too large (or NaN)
                whole[~fits] = 0
                return whole.astype(np.int64), fits
        if self.kind == "int":
            fits = np.abs(self.data) <= _LIMIT // factor
            return np.where(fits, self.data, 0) * factor, fits
        out = np.zeros(len(self.data), dtype=np.int64)
        fits = np.zeros(len(self.data), dtype=bool)
        assert self.row_places is not None  # object columns always have them
        rows = np.flatnonzero(self.row_places <= places)
        wholes = list(map(_scaled, self.data[rows].tolist(), itertools.repeat(places)))
        try:
            numbers = np.array(wholes, dtype=np.int64)
        except OverflowError:  # some beyond 64 bits: they do not fit, the others may
            numbers = np.array([n if abs(n) <= _LIMIT else 0 for n in wholes], dtype=np.int64)
            small = np.array([abs(n) <= _LIMIT for n in wholes], dtype=bool)
        else:
            small = (numbers <= _LIMIT) & (numbers >= -_LIMIT)
        out[rows[small]] = numbers[small]
        fits[rows[small]] = True
        return out, fits

    def texts(self, rows: list[int]) -> list[str]:
        """The values of some rows as ``str`` of their ``Decimal`` (as an error prints them)."""
        if self.kind == "float":
            return [str(Decimal(repr(value))) for value in self.data[rows].tolist()]
        return [str(value) for value in self.data[rows].tolist()]

    def decimal(self, row: int) -> Decimal:
        """The exact value of one row, read as :func:`sakip.achievement` reads it."""
        value = self.data[row]
        if self.kind == "object":
            return value  # type: ignore[no-any-return]  # a Decimal: checked when read
        if self.kind == "float":
            return to_decimal(float(value), self.name)
        return Decimal(int(value))


def _is_missing(value: object) -> bool:
    """None, a float NaN or pandas' NA: a cell with nothing in it."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and math.isnan(value)


def _array(values: object, name: str) -> npt.NDArray[Any]:
    """A 1-D array of the values: float or int when every cell is one, else object."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    if hasattr(values, "__array__"):  # a NumPy array, a pandas Series
        array = np.asarray(values)
    else:  # a list: NumPy would turn [True, 5] into [1, 5] and [5, "x"] into text
        listed: list[Any] = list(cast("Iterable[Any]", values))
        array = np.empty(len(listed), dtype=np.object_)
        for row, cell in enumerate(listed):  # cell by cell: nested lists stay cells
            array[row] = cell
        kinds = {type(cell) for cell in listed}
        if kinds == {float}:
            array = array.astype(np.float64)
        elif kinds == {int} and all(abs(cell) < 2**63 for cell in listed):
            array = array.astype(np.int64)
    if array.ndim != 1:
        raise InvalidValueError(name, f"an array of shape {array.shape}", "a 1-D array or Series")
    if array.dtype.kind == "b":
        raise InvalidValueError(name, f"an array of {array.dtype}", "numbers, not booleans")
    if array.dtype.kind == "f" and array.dtype.itemsize < 8:
        # Each float32 through its own shortest repr ("94.6"), not its float64 widening
        # (94.5999984741211), which would print some figures one hundredth low.
        return array.astype(str).astype(np.float64)
    if array.dtype.kind in "fi" or (array.dtype.kind == "u" and array.dtype.itemsize < 8):
        return array
    return array.astype(object)  # uint64 may not fit int64; anything else cell by cell


def _places_of_sample(data: npt.NDArray[np.float64]) -> int:
    """The places some rows spread over a column need: the column needs at least as many."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    sample = data[:: max(1, len(data) // 1000)]
    needed = np.full(len(sample), MAX_PLACES + 1)
    for places in range(MAX_PLACES, -1, -1):
        with np.errstate(all="ignore"):
            whole = np.rint(sample * 10.0**places)
            fits = (whole / 10.0**places == sample) & (np.abs(whole) <= _LIMIT)
        needed[fits] = places
    fitting = needed[needed <= MAX_PLACES]
    return int(fitting.max()) if len(fitting) else 0


def _read(values: object, name: str) -> _Column:
    """Read a column: floats and ints as arrays, anything else one cell at a time."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    if isinstance(values, Coded):
        return _read_coded(values, name)
    array = _array(values, name)
    if array.dtype.kind == "f":
        return _read_floats(array.astype(np.float64), name)
    if array.dtype.kind in "iu":
        return _Column(name, "int", array.astype(np.int64), np.zeros(len(array), dtype=bool))
    return _read_cells(array, name)


def _read_coded(coded: Coded, name: str) -> _Column:
    """A coded column: its distinct values read once, each row given its value's reading."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    codes = np.asarray(coded.codes, dtype=np.intp)
    if codes.ndim != 1:
        raise InvalidValueError(name, f"codes of shape {codes.shape}", "a 1-D array of codes")
    if len(codes) and not 0 <= int(codes.min()) <= int(codes.max()) < len(coded.values):
        raise InvalidValueError(
            name, "a code outside its values", f"codes from 0 to {len(coded.values) - 1}"
        )
    distinct = _read(list(coded.values), name)
    invalid = {
        int(row): message
        for code, message in distinct.invalid.items()
        for row in np.flatnonzero(codes == code)
    }
    places_of = None if distinct.row_places is None else distinct.row_places[codes]
    return _Column(
        name,
        distinct.kind,
        distinct.data[codes],
        distinct.missing[codes],
        invalid,
        places_of,
        distinct.places,
        (codes, distinct),
    )


def _read_floats(array: npt.NDArray[np.float64], name: str) -> _Column:
    """A float column, with the fewest places at which every row that can fit does."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    column = _Column(name, "float", array, np.isnan(array))
    for row in np.flatnonzero(np.isinf(array)).tolist():
        column.invalid[row] = str(InvalidValueError(name, float(array[row]), _FINITE))
    finite = np.isfinite(array)
    finite_rows = int(np.count_nonzero(finite))
    for places in range(_places_of_sample(array[finite]), MAX_PLACES + 1):
        column.places = places
        _, fits = column.scaled(places)
        if np.count_nonzero(fits) == finite_rows:
            break
        with np.errstate(all="ignore"):
            reachable = finite & (np.abs(array) * 10.0**places <= _LIMIT)
        if not (reachable & ~fits).any():
            break
    return column


def _read_cells(array: npt.NDArray[Any], name: str) -> _Column:
    """A column of any cells, read one by one as :func:`sakip.achievement` reads them."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    size = len(array)
    values = array.tolist()
    if set(map(type, values)) == {Decimal}:  # the common case: every cell a Decimal
        try:
            row_places = list(map(_places, values))
        except TypeError:  # a signalling NaN has no hash: read cell by cell below
            row_places = [-1]
        if -1 not in row_places:  # and every one finite
            cells = np.empty(size, dtype=object)
            cells[:] = values
            places_of = np.array(row_places, dtype=np.int8)
            fitting = places_of[places_of <= MAX_PLACES]
            places = int(fitting.max()) if len(fitting) else 0
            return _Column(
                name, "object", cells, np.zeros(size, dtype=bool), {}, places_of, places
            )
    numbers: list[Decimal | None] = [None] * size
    row_places = [MAX_PLACES + 1] * size
    missing_rows: list[int] = []
    invalid: dict[int, str] = {}
    for row, value in enumerate(values):
        if type(value) is Decimal and value.is_finite():  # the common case, first
            number = value
        elif value is None or _is_missing(value):
            missing_rows.append(row)
            continue
        else:
            try:
                number = _cell(value, name)
            except SakipError as error:
                invalid[row] = str(error)
                continue
        numbers[row] = number
        row_places[row] = _places(number)
    cells = np.empty(size, dtype=object)
    cells[:] = numbers
    missing = np.zeros(size, dtype=bool)
    missing[missing_rows] = True
    places_of = np.array(row_places, dtype=np.int8)
    fitting = places_of[places_of <= MAX_PLACES]
    places = int(fitting.max()) if len(fitting) else 0
    return _Column(name, "object", cells, missing, invalid, places_of, places)


@functools.lru_cache(maxsize=1 << 16)
def _places(number: Decimal) -> int:
    """The decimal places a number is written with (at most ``MAX_PLACES + 1``), -1 if not finite.

    Each number is looked at once (a bounded cache): tables repeat their figures. An equal
    number written with other places (1.0, 1.00) has the same fraction, so the places of
    any of them scale it to a whole number exactly.
    """
    if not number.is_finite():
        return -1
    exponent = int(number.as_tuple().exponent)
    return 0 if exponent >= 0 else min(-exponent, MAX_PLACES + 1)


@functools.lru_cache(maxsize=1 << 16)
def _scaled(number: Decimal, places: int) -> int:
    """A number times ``10**places`` as a whole number (its places are at most ``places``)."""
    return int(number.scaleb(places, context=CONTEXT))


def _cell(value: object, name: str) -> Decimal:
    cell = value.value if isinstance(value, Target) else value
    if isinstance(cell, float):  # NumPy's float64 reprs as "np.float64(...)"
        cell = float(cell)
    return to_decimal(cell, name)


def _split_ranges(values: object) -> tuple[object, object | None]:
    """Target cells holding :class:`~sakip.TargetRange` objects, split into low and high."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    if isinstance(values, Coded):  # the distinct values split, the rows' codes kept
        low, high = _split_ranges(list(values.values))
        return (
            Coded(cast("Sequence[object]", low), values.codes),
            None if high is None else Coded(cast("Sequence[object]", high), values.codes),
        )
    array = np.asarray(values)
    if array.dtype != object or not any(isinstance(cell, TargetRange) for cell in array.flat):
        return values, None
    cells = list(array.flat)
    low = [cell.low if isinstance(cell, TargetRange) else cell for cell in cells]
    high = [cell.high if isinstance(cell, TargetRange) else None for cell in cells]
    return np.array(low, dtype=object), np.array(high, dtype=object)


def _polarities(
    polarity: object, length: int, reasons: dict[int, str]
) -> tuple[npt.NDArray[np.int8], Polarity | None]:
    """Polarity per row: 0 positive, 1 negative, -1 unreadable (with a reason).

    Also the polarity of every row when a single one was given, else ``None``.
    """
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    if isinstance(polarity, Polarity | str):
        chosen: Polarity = Polarity.parse(polarity, "polarity")
        code = 0 if chosen is Polarity.POSITIVE else 1
        return np.full(length, code, dtype=np.int8), chosen
    if isinstance(polarity, Coded):  # each distinct value parsed once; None is missing
        codes = np.asarray(polarity.codes, dtype=np.intp)
        uniques = list(polarity.values)
        codes = np.where([value is None for value in uniques], -1, np.arange(len(uniques)))[codes]
    else:
        array = np.asarray(polarity, dtype=object)
        if array.shape != (length,):
            raise InvalidValueError("polarity", f"{array.shape} values", f"one or {length} values")
        codes, uniques = _factorize(array)
    if len(codes) != length:
        raise InvalidValueError("polarity", f"{len(codes)} values", f"one or {length} values")
    mapping = np.full(len(uniques) + 1, -1, dtype=np.int8)
    for position, value in enumerate(uniques):
        if value is None:
            continue
        try:
            parsed = Polarity.parse(value, "polarity")
        except InvalidValueError as error:
            for row in np.flatnonzero(codes == position):
                reasons[int(row)] = str(error)
        else:
            mapping[position] = 0 if parsed is Polarity.POSITIVE else 1
    for row in np.flatnonzero(codes < 0):  # missing cells
        reasons[int(row)] = str(InvalidValueError("polarity", None, "'positive' or 'negative'"))
    return mapping[codes], None


def _factorize(array: npt.NDArray[np.object_]) -> tuple[npt.NDArray[np.intp], list[object]]:
    """Codes and distinct values of a column (-1 for a missing cell), pandas' way if present."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    pandas = sys.modules.get("pandas")  # hashing beats sorting; without pandas, the loop below
    if pandas is not None:
        with contextlib.suppress(TypeError):  # an unhashable cell or a signalling NaN
            codes, uniques = pandas.factorize(array, use_na_sentinel=True)
            return np.asarray(codes, dtype=np.intp), list(uniques)
    seen: dict[str, int] = {}  # keyed by the text of each value: any cell has one
    values: list[object] = []
    positions = []
    for value in array.tolist():
        if _is_missing(value):
            positions.append(-1)
            continue
        key = f"{type(value).__qualname__}:{value!r}"
        if key not in seen:
            seen[key] = len(values)
            values.append(value)
        positions.append(seen[key])
    return np.array(positions, dtype=np.intp), values


def _round_half_up(
    numerator: npt.NDArray[np.int64], denominator: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The quotient, rounded half away from zero (the denominators are above zero)."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    negative = numerator < 0
    if not negative.any():
        return (2 * numerator + denominator) // (2 * denominator)
    magnitude = (2 * np.abs(numerator) + denominator) // (2 * denominator)
    return np.where(negative, -magnitude, magnitude)


def _integer_path(
    realization: npt.NDArray[np.int64],
    compared: npt.NDArray[np.int64],
    inside: npt.NDArray[np.bool_] | None,
    formula: npt.NDArray[np.int8],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int8]]:
    """Hundredths per row and a status: 0 computed, else the index of its reason."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    positive = compared > 0
    inverse = formula == 2
    any_inverse = bool(inverse.any())
    computes = positive & ~(inverse & (realization <= 0)) if any_inverse else positive.copy()
    if inside is not None:
        computes &= ~inside
    numerator = np.where(inverse, compared, realization) if any_inverse else realization.copy()
    np.subtract(2 * compared, realization, out=numerator, where=formula == 1)
    numerator *= 10_000
    denominator = np.where(inverse, realization, compared) if any_inverse else compared.copy()
    refused = ~computes
    denominator[refused] = 1
    hundredths = _round_half_up(numerator, denominator)
    met = (compared == 0) & (realization == 0)
    if inside is not None:
        met |= inside
    hundredths[refused] = 0
    hundredths[met] = _HUNDRED_PERCENT
    undefined = refused & ~met
    status = np.zeros(len(realization), dtype=np.int8)
    status[undefined & positive] = 3  # the inverse formula at R <= 0
    status[undefined & (compared < 0)] = 2
    status[undefined & (compared == 0)] = 1
    return hundredths, status


def _bound_starts(scale: RatingScale) -> tuple[list[int], int | None, int | None]:
    """The smallest hundredth in each band after the first, and the domain's ends."""

    def lowest(bound: Decimal, closed: bool) -> int:
        hundred = bound.scaleb(2, context=CONTEXT)
        if closed:
            return int(hundred.to_integral_value(rounding=ROUND_CEILING, context=CONTEXT))
        return int(hundred.to_integral_value(rounding=ROUND_FLOOR, context=CONTEXT)) + 1

    def highest(bound: Decimal, closed: bool) -> int:
        hundred = bound.scaleb(2, context=CONTEXT)
        if closed:
            return int(hundred.to_integral_value(rounding=ROUND_FLOOR, context=CONTEXT))
        return int(hundred.to_integral_value(rounding=ROUND_CEILING, context=CONTEXT)) - 1

    bands = scale.bands
    starts = [lowest(b.lower, b.lower_closed) for b in bands[1:] if b.lower is not None]
    first, last = bands[0], bands[-1]
    low = None if first.lower is None else lowest(first.lower, first.lower_closed)
    high = None if last.upper is None else highest(last.upper, last.upper_closed)
    return starts, low, high


def _classify(
    hundredths: npt.NDArray[Any],
    computable: npt.NDArray[np.bool_],
    scale: RatingScale,
    reasons: dict[int, str],
) -> npt.NDArray[np.object_]:
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    starts, low, high = _bound_starts(scale)
    bounds = [*starts, *(b for b in (low, high) if b is not None)]
    int64 = np.iinfo(np.int64)
    wide = hundredths.dtype == object or any(not int64.min <= b <= int64.max for b in bounds)
    kind = object if wide else np.int64
    values = hundredths.astype(kind)
    band = np.zeros(len(values), dtype=np.intp)
    for start in starts:  # a handful of bands: comparisons beat a binary search
        band += values >= start
    inside = computable.copy()
    if low is not None:
        inside &= values >= low
    if high is not None:
        inside &= values <= high
    labels = np.array([*scale.labels, None], dtype=object)
    for row in np.flatnonzero(computable & ~inside):
        try:
            scale.classify(Decimal(int(values[row])).scaleb(-2, context=CONTEXT))
        except InvalidValueError as error:
            reasons[int(row)] = str(error)
    out: npt.NDArray[np.object_] = labels[np.where(inside, band, len(scale.bands))]
    return out


@attrs.frozen
class _Inputs:
    """The columns of one call, for the rows that need a ``Decimal`` look."""

    realization: _Column
    target: _Column
    high: _Column | None

    def ranged(self, row: int) -> bool:
        """Whether the row's target is a range."""
        return self.high is not None and not self.high.missing[row]

    def bound(self, row: int) -> Decimal:
        """The bound of a range row's target that the realization is compared with."""
        assert self.high is not None  # only range rows are asked
        high = self.high.decimal(row)
        return high if self.realization.decimal(row) > high else self.target.decimal(row)


def _undefined_reasons(
    rows: list[int], status: npt.NDArray[np.int8], inputs: _Inputs, reasons: dict[int, str]
) -> None:
    """The reason :func:`sakip.achievement` gives for each row the integer path refused."""
    templates = [str(UndefinedAchievementError(text, "{R}", "{T}")) for text in _UNDEFINED]
    realizations = inputs.realization.texts(rows)
    targets = inputs.target.texts(rows)
    for position, row in enumerate(rows):
        target = str(inputs.bound(row)) if inputs.ranged(row) else targets[position]
        reasons[row] = templates[status[row]].format(R=realizations[position], T=target)


def _scalar_row(
    row: int, inputs: _Inputs, polarity: Polarity, formula: AchievementFormula | None
) -> int:
    """The hundredths of one row through :func:`sakip.achievement`; raises what it raises."""
    low = inputs.target.decimal(row)
    target: Decimal | TargetRange = low
    if inputs.high is not None and inputs.ranged(row):
        target = TargetRange(low, inputs.high.decimal(row))
    figure = achievement(
        realization=inputs.realization.decimal(row),
        target=target,
        polarity=polarity,
        formula=formula,
    )
    return to_hundredths(figure.value)


def achievements(
    realization: object,
    target: object,
    *,
    target_high: object = None,
    polarity: Polarity | str | object = Polarity.POSITIVE,
    formula: AchievementFormula | str | None = None,
    scale: RatingScale | str = PERMENDAGRI_86_2017,
) -> BatchResult:
    """Achievement (capaian kinerja) and rating of many rows at once, exactly.

    Row ``i`` gets the figure ``sakip.achievement(realization=R[i], target=T[i], ...)`` prints
    and the label ``sakip.classify`` gives it; the rows are matched by position.

    Args:
        realization: Realizations: a NumPy array, a pandas Series, or a list. Floats are read
            through their shortest repr (a float32 array through its own, so ``6.4`` is 6.4);
            ``Decimal``, ``int`` and ``str`` cells (Python notation) are read one by one.
            NaN, ``None`` and ``pandas.NA`` are missing. Any column may also come as its
            distinct values and codes (:class:`Coded`), each value read once.
        target: Targets, in the same forms; a cell may also hold a :class:`~sakip.Target` or
            :class:`~sakip.TargetRange`.
        target_high: For range targets, the upper bounds: a row with a value here has the
            target range ``[target, target_high]``; a missing cell means a plain target.
        polarity: One polarity for every row, or one per row (``"positive"``,
            ``"negatif"``, :class:`~sakip.Polarity`, ...).
        formula: A formula or its name for every row; ``None`` takes ``direct`` for positive
            and ``mirror`` for negative rows. It must serve every row's polarity.
        scale: The rating scale or its name.

    Returns:
        The figures in hundredths, the labels, and a reason for every row that has no figure
        or no rating.

    Raises:
        InvalidValueError: The columns have different lengths or are not 1-D, a column holds
            booleans, or the formula does not fit the polarity.
        UnknownRuleError: No formula or scale has that name.

    >>> from sakip.batch import achievements
    >>> result = achievements([95, 8, 5], ["94.6", 10, 0], polarity=["positif", "negatif", "+"])
    >>> result.hundredths.tolist()
    [10042, 12000, 0]
    >>> result.label.tolist()
    ['Sangat Tinggi', 'Sangat Tinggi', None]
    >>> result.reason[2].startswith("achievement is not computable: a realization other than 0")
    True
    """
    require("numpy", "batch computations")
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    chosen_scale = SCALES.resolve(scale)
    pandas = sys.modules.get("pandas")  # a Series can only come from pandas already imported
    index = realization.index if pandas and isinstance(realization, pandas.Series) else None
    r_col, t_col, h_col = _columns(realization, target, target_high)
    length = len(r_col.data)
    reasons: dict[int, str] = {}
    codes, single = _polarities(polarity, length, reasons)
    chosen, formula_codes = _formulas(formula, codes, single)

    usable = _usable(r_col, t_col, h_col, reasons)
    inputs = _Inputs(r_col, t_col, h_col)
    hundredths, computable = _compute(
        inputs, usable=usable, formula_codes=formula_codes, reasons=reasons
    )
    rest = np.flatnonzero(usable & ~computable).tolist()
    hundredths = _scalar_rows(
        rest,
        inputs,
        codes=codes,
        formula=chosen,
        hundredths=hundredths,
        computable=computable,
        reasons=reasons,
    )
    label = _classify(hundredths, computable, chosen_scale, reasons)
    reason = np.full(length, None, dtype=object)
    reason[list(reasons)] = list(reasons.values())
    return BatchResult(
        hundredths=hundredths,
        computable=computable,
        label=label,
        reason=reason,
        scale=chosen_scale,
        index=index,
    )


def _usable(
    r_col: _Column, t_col: _Column, h_col: _Column | None, reasons: dict[int, str]
) -> npt.NDArray[np.bool_]:
    """Where no cell is bad or missing; the others get one reason each (the realization's)."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    for column in (h_col, t_col, r_col):
        if column is not None:
            reasons.update(column.invalid)
            reasons.update(
                (row, _NOT_REPORTED.format(name=column.name))
                for row in np.flatnonzero(column.missing).tolist()
                if column is not h_col  # a missing upper bound: a plain target
            )
    usable = np.ones(len(r_col.data), dtype=bool)
    usable[list(reasons)] = False
    return usable


def _scalar_rows(
    rows: list[int],
    inputs: _Inputs,
    *,
    codes: npt.NDArray[np.int8],
    formula: AchievementFormula | None,
    hundredths: npt.NDArray[Any],
    computable: npt.NDArray[np.bool_],
    reasons: dict[int, str],
) -> npt.NDArray[Any]:
    """Fill in the rows the integer path left, through :func:`sakip.achievement`.

    Returns the hundredths, as an ``object`` array once a figure does not fit 64 bits.
    """
    polarity_of = (Polarity.POSITIVE, Polarity.NEGATIVE)
    for row in rows:
        if row in reasons:
            continue
        try:
            value = _scalar_row(row, inputs, polarity_of[codes[row]], formula)
        except SakipError as error:
            reasons[row] = str(error)
            continue
        if not -(2**63) <= value < 2**63:
            hundredths = hundredths.astype(object)
        hundredths[row], computable[row] = value, True
    return hundredths


def _columns(
    realization: object, target: object, target_high: object
) -> tuple[_Column, _Column, _Column | None]:
    """The three input columns, read and checked for length."""
    target, ranges = _split_ranges(target)
    if ranges is not None:
        if target_high is not None:
            raise InvalidValueError("target_high", "given", "absent when targets are ranges")
        target_high = ranges
    r_col, t_col = _read(realization, "realization"), _read(target, "target")
    h_col = None if target_high is None else _read(target_high, "target_high")
    for column in (t_col, h_col):
        if column is not None and len(column.data) != len(r_col.data):
            raise InvalidValueError(
                column.name,
                f"{len(column.data)} values",
                f"{len(r_col.data)} values, one per realization",
            )
    return r_col, t_col, h_col


def _formulas(
    formula: AchievementFormula | str | None,
    codes: npt.NDArray[np.int8],
    single: Polarity | None,
) -> tuple[AchievementFormula | None, npt.NDArray[np.int8]]:
    """The formula asked for, and per row 0 direct, 1 mirror, 2 inverse or 3 another one."""
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    if formula is None:
        return None, (codes == 1).astype(np.int8)  # direct for positive, mirror for negative
    chosen = FORMULAS.resolve(formula)
    if single is not None:
        resolve_formula(single, chosen)
    else:
        wanted = 0 if chosen.polarity is Polarity.POSITIVE else 1
        other = np.flatnonzero((codes >= 0) & (codes != wanted))
        if len(other):
            raise InvalidValueError(
                "formula",
                chosen.name,
                f"a formula for the polarity of every row (row {other[0]} is not "
                f"{chosen.polarity})",
            )
    code = next((code for known, code in _BUILT_IN if known is chosen), 3)
    return chosen, np.full(len(codes), code, dtype=np.int8)


def _compute(
    inputs: _Inputs,
    *,
    usable: npt.NDArray[np.bool_],
    formula_codes: npt.NDArray[np.int8],
    reasons: dict[int, str],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """The integer path: hundredths of every row it can take, and where it took them.

    Rows it refuses as not computable get their reason here; rows it cannot take (too many
    places, too large, another formula, a range upside down) are left for the scalar API.
    """
    import numpy as np  # noqa: PLC0415 - see BatchResult.percent

    r_col, t_col, h_col = inputs.realization, inputs.target, inputs.high
    places = max(c.places for c in (r_col, t_col, h_col) if c is not None)
    r_int, r_fits = r_col.scaled(places)
    t_int, t_fits = t_col.scaled(places)
    fast = usable & r_fits & t_fits & (formula_codes < 3)
    inside = None
    compared = t_int
    if h_col is not None:
        h_int, h_fits = h_col.scaled(places)
        is_range = ~h_col.missing
        fast &= ~is_range | (h_fits & (t_int <= h_int))
        inside = is_range & (r_int >= t_int) & (r_int <= h_int)
        compared = np.where(is_range & (r_int > h_int), h_int, t_int)
    hundredths, status = _integer_path(r_int, compared, inside, formula_codes)
    refused = np.flatnonzero(fast & (status != 0)).tolist()
    _undefined_reasons(refused, status, inputs, reasons)
    computable = fast & (status == 0)
    hundredths[~computable] = 0  # rows it did not take hold 0 until the scalar API fills them
    return hundredths, computable
