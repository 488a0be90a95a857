"""The worksheets that feed criteria (kertas kerja evaluasi, KKE): a share, then a letter.

Each worksheet counts something over a list (indicators meeting each SMART-C quality,
indicators aligned with the level above, recommendations followed up) and gives the share
(0–100) and its letter on :data:`~sakip.lke.catalogue.SHARE_LETTERS` (a > 90 %, b > 75 %, c > 40 %,
d > 10 %, e ≤ 10 %). The letter, or the share itself, is then a criterion's answer.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal

import attrs

from sakip._decimal import HUNDRED, exact, round_half_up
from sakip._display import Displayed
from sakip.exceptions import InvalidValueError, NotFoundError
from sakip.lke._words import say
from sakip.lke.catalogue import A_TO_E, YES_NO, AnswerScale
from sakip.locale import format_number
from sakip.model import Dataset

__all__ = [
    "SMART_C",
    "FollowUp",
    "ShareResult",
    "cascading",
    "follow_up",
    "smart_c",
]

SMART_C = ("specific", "measurable", "achievable", "relevant", "time-bound", "challenging")
"""The six qualities of a good indicator the SMART-C worksheet asks about, in order."""

_QUALITY_WORDS = {
    "spesifik": "specific",
    "terukur": "measurable",
    "dapat dicapai": "achievable",
    "relevan": "relevant",
    "berjangka waktu": "time-bound",
    "menantang": "challenging",
}


_NAMES = {"smart-c": "kke.smart", "cascading": "kke.cascading", "follow-up": "kke.follow_up"}


class FollowUp(enum.Enum):
    """The state of a recommendation's follow-up (status tindak lanjut)."""

    BELUM = "Belum"
    """Not started."""
    PROSES = "Proses"
    """Under way."""
    TUNTAS = "Tuntas"
    """Completed."""


@attrs.frozen(kw_only=True, repr=False)
class ShareResult(Displayed):
    """A worksheet's count, its share and the letter it gives.

    Attributes:
        worksheet: Which worksheet ("smart-c", "cascading", "follow-up").
        count: How many items meet it.
        total: How many were counted.
        share: ``count / total × 100``, exact.
        letter: The share's letter on the A–E scale.
        items: Per item (indicator, recommendation), whether it meets it.
    """

    worksheet: str
    count: int
    total: int
    share: Decimal
    letter: str
    items: tuple[tuple[str, bool], ...]

    def explain(self, lang: str = "id") -> str:
        """The count, share and letter.

        >>> from sakip.lke import follow_up
        >>> follow_up({"R1": "Tuntas", "R2": "Proses", "R3": "Tuntas", "R4": "Tuntas"}).explain()
        'Tindak lanjut rekomendasi: 3 dari 4 = 75,00 % → C'
        """
        return say(
            "kke",
            lang,
            name=say(_NAMES[self.worksheet], lang),
            count=self.count,
            total=self.total,
            share=format_number(round_half_up(self.share), 2, lang=lang),
            letter=self.letter,
        )


def _result(worksheet: str, items: list[tuple[str, bool]], count: int, total: int) -> ShareResult:
    if total == 0:
        raise InvalidValueError(worksheet, items, "at least one item to count")
    with exact():
        share = Decimal(count) * HUNDRED / total
    return ShareResult(
        worksheet=worksheet,
        count=count,
        total=total,
        share=share,
        letter=A_TO_E.from_share(share),
        items=tuple(items),
    )


def _yes(value: object, name: str, scale: AnswerScale = YES_NO) -> bool:
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise InvalidValueError(name, value, "Y or T (or True / False)")
    return scale.value(value) == 1


def _quality(name: str) -> str:
    key = name.strip().casefold().replace("_", "-")
    key = _QUALITY_WORDS.get(key.replace("-", " "), key)
    if key not in SMART_C:
        raise NotFoundError("SMART-C quality", name, SMART_C)
    return key


def _from_data(dataset: Dataset, code: str) -> dict[str, bool]:
    """The qualities the data can show: measurable and time-bound."""
    indicator = dataset.plan.indicator(code)
    plans = [p for p in dataset.plan.indicator_plans if p.indicator == code]
    targets = plans[0].targets if plans else ()
    return {
        "measurable": bool(targets) and indicator.description is not None,
        "time-bound": {year for year, _ in targets} == set(dataset.plan.years),
    }


def smart_c(
    answers: Mapping[str, Mapping[str, object]], *, dataset: Dataset | None = None
) -> ShareResult:
    """The SMART-C worksheet: each indicator's six qualities, the share met, its letter.

    Args:
        answers: Per indicator code, the evaluator's Y/T per quality (``"specific"``,
            ``"measurable"``, ``"achievable"``, ``"relevant"``, ``"time-bound"``,
            ``"challenging"``, or their Indonesian names).
        dataset: When given, its indicators are the ones counted, and the qualities the
            data shows are filled in where the evaluator gave none: *measurable* (a
            definition, the definisi operasional, and yearly targets) and *time-bound* (a
            target for every year of the plan).

    Raises:
        InvalidValueError: An indicator lacks a quality's answer, or nothing is counted.

    >>> from sakip.lke import smart_c
    >>> q = dict.fromkeys(["specific", "measurable", "achievable", "relevant", "time-bound"], "Y")
    >>> smart_c({"IKU-1": {**q, "challenging": "T"}, "IKU-2": {**q, "challenging": "Y"}}).letter
    'A'
    """
    codes = [i.code for i in dataset.plan.indicators] if dataset is not None else list(answers)
    items, count = [], 0
    for code in codes:
        given = {_quality(q): _yes(v, f"{code}.{q}") for q, v in answers.get(code, {}).items()}
        known = {**(_from_data(dataset, code) if dataset is not None else {}), **given}
        missing = [q for q in SMART_C if q not in known]
        if missing:
            raise InvalidValueError(
                f"SMART-C of {code}", sorted(given), "Y/T for " + ", ".join(missing)
            )
        for quality in SMART_C:
            items.append((f"{code}.{quality}", known[quality]))
            count += known[quality]
    return _result("smart-c", items, count, len(items))


def cascading(
    aligned: Mapping[str, object] | None = None, *, dataset: Dataset | None = None
) -> ShareResult:
    """The cascading worksheet: items aligned with the level above, out of all.

    Args:
        aligned: Per item (an indicator, or a budget line's code), whether it is aligned
            (Y/T or True/False).
        dataset: When given, every budget line (program, activity, sub-activity) is an item,
            aligned when it serves an indicator of the plan; ``aligned`` overrides a line
            the evaluator judged otherwise.

    >>> from sakip.lke import cascading
    >>> cascading({"IKU-1": "Y", "IKU-2": "Y", "IKU-3": "T"}).letter
    'C'
    """
    given = {code: _yes(value, code) for code, value in (aligned or {}).items()}
    found: dict[str, bool] = {}
    if dataset is not None:
        known = {indicator.code for indicator in dataset.plan.indicators}
        for top in dataset.budget:
            for line in top.walk():
                found[line.code] = any(code in known for code in line.indicators)
    items = list({**found, **given}.items())
    return _result("cascading", items, sum(ok for _, ok in items), len(items))


def follow_up(statuses: Mapping[str, FollowUp | str]) -> ShareResult:
    """The follow-up worksheet: recommendations completed (Tuntas), out of all.

    Args:
        statuses: Per recommendation, ``"Belum"``, ``"Proses"`` or ``"Tuntas"``.
    """
    items = []
    for code, status in statuses.items():
        state = status if isinstance(status, FollowUp) else _status(code, status)
        items.append((code, state is FollowUp.TUNTAS))
    return _result("follow-up", items, sum(ok for _, ok in items), len(items))


def _status(code: str, status: str) -> FollowUp:
    for state in FollowUp:
        if status.strip().casefold() == state.value.casefold():
            return state
    raise NotFoundError(f"follow-up status of {code}", status, (s.value for s in FollowUp))
