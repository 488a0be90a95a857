"""Two raters side by side: the unit's own answers (mandiri) and the evaluator's (penetapan).

The evaluator's answer counts where given, the unit's elsewhere. Every criterion the two
answer differently is listed with both answers and what the evaluator's answer does to the
unit's total.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal

import attrs

from sakip._decimal import exact, round_half_up
from sakip._display import Displayed
from sakip.lke._words import say
from sakip.lke.catalogue import CATALOGUES, Catalogue, Criterion
from sakip.lke.scoring import (
    MEAN_TIMES_WEIGHT,
    NO_ROUNDING,
    Answer,
    Rounding,
    Score,
    ScoringMethod,
    read_answers,
    score,
)
from sakip.locale import format_number

__all__ = ["Difference", "RaterComparison", "compare_raters", "final_answers"]


@attrs.frozen(kw_only=True, repr=False)
class Difference(Displayed):
    """A criterion the two raters answer differently (perbedaan jawaban).

    Attributes:
        criterion: The criterion.
        self_answer: The unit's answer; ``None`` when it gave none.
        evaluator_answer: The evaluator's answer.
        effect: What the evaluator's answer alone does to the unit's total, in points;
            ``None`` when the unit's own score of that sub-component is incomplete.
    """

    criterion: Criterion
    self_answer: str | None
    evaluator_answer: str
    effect: Decimal | None

    def explain(self, lang: str = "id") -> str:
        """Both answers and the effect, in words.

        >>> from sakip import lke
        >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
        >>> best = {c.code: c.scale.best for c in cat.criteria}
        >>> lke.compare_raters(cat, best, {"1.a.1": "T"}).differences[0].explain()
        '1.a.1: mandiri Y, evaluator T, pengaruh pada nilai -0,86'
        """
        effect = (
            "–" if self.effect is None else format_number(round_half_up(self.effect), 2, lang=lang)
        )
        return say(
            "difference",
            lang,
            code=self.criterion.code,
            mine=self.self_answer or "–",
            theirs=self.evaluator_answer,
            effect=effect,
        )


@attrs.frozen(kw_only=True, repr=False)
class RaterComparison(Displayed):
    """The unit's score, the final score and their differences.

    Attributes:
        self_score: The unit's own answers scored (partial when the unit left some out).
        final: The final score: the evaluator's answer where given, the unit's elsewhere.
        differences: Each criterion answered differently, in the worksheet's order.
    """

    self_score: Score
    final: Score
    differences: tuple[Difference, ...]

    def _headline(self) -> str:
        mine, final = self.self_score.headline(), self.final.headline()
        return f"{len(self.differences)} differences; self {mine}; final {final}"


def final_answers(
    self_answers: Mapping[str, Answer], evaluator_answers: Mapping[str, Answer]
) -> dict[str, Answer]:
    """The answers that count: the evaluator's where given, the unit's elsewhere."""
    return {**self_answers, **evaluator_answers}


def compare_raters(
    catalogue: Catalogue | str,
    self_answers: Mapping[str, Answer],
    evaluator_answers: Mapping[str, Answer],
    *,
    method: ScoringMethod | str = MEAN_TIMES_WEIGHT,
    rounding: Rounding | str = NO_ROUNDING,
    partial: bool = False,
) -> RaterComparison:
    """Compare the unit's answers with the evaluator's (mandiri vs penetapan).

    Args:
        catalogue: The worksheet or its name.
        self_answers: The unit's answers, by criterion code.
        evaluator_answers: The evaluator's answers, by criterion code; they count where given.
        method: The scoring method.
        rounding: The rounding policy.
        partial: Score the final answers even when some criteria are unanswered.

    >>> from sakip import lke
    >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
    >>> mine = {c.code: c.scale.best for c in cat.criteria}
    >>> result = lke.compare_raters(cat, mine, {"1.a.1": "T"})
    >>> d = result.differences[0]
    >>> d.criterion.code, d.self_answer, d.evaluator_answer, sakip.format_number(d.effect, 4)
    ('1.a.1', 'Y', 'T', '-0,8571')
    >>> result.final.score
    Decimal('99.14')
    """
    chosen = CATALOGUES.resolve(catalogue)
    run = functools.partial(score, chosen, method=method, rounding=rounding)
    mine = read_answers(chosen, self_answers)
    theirs = read_answers(chosen, evaluator_answers)
    own = run(self_answers, partial=True)
    final = run(final_answers(self_answers, evaluator_answers), partial=partial)
    differences = []
    for criterion in chosen.criteria:
        code = criterion.code
        if code not in theirs or (code in mine and mine[code][0] == theirs[code][0]):
            continue
        effect = None
        if code in mine and not own.subscore(chosen.subcomponent_of(criterion).code).missing:
            changed = run({**self_answers, code: theirs[code][0]}, partial=True)
            with exact():
                effect = changed.total - own.total
        differences.append(
            Difference(
                criterion=criterion,
                self_answer=mine[code][0] if code in mine else None,
                evaluator_answer=theirs[code][0],
                effect=effect,
            )
        )
    return RaterComparison(self_score=own, final=final, differences=tuple(differences))
