"""The English explanations the audit gives: the Indonesian ones, word for word in English."""

from __future__ import annotations

import pytest

import sakip
from sakip.text.writer import explain_in


@pytest.mark.parametrize(
    ("result", "indonesian", "english"),
    [
        (
            sakip.achievement(realization=85, target=sakip.TargetRange(80, 90)),
            "80 ≤ 85 ≤ 90: dalam rentang target = 100,00 %",
            "80 ≤ 85 ≤ 90: inside the target range = 100,00 %",
        ),
        (
            sakip.achievement(realization=70, target=sakip.TargetRange(80, 90)),
            "di luar rentang, batas bawah 80: 70 / 80 × 100 = 87,50 %",
            "outside the range, lower bound 80: 70 / 80 × 100 = 87,50 %",
        ),
        (
            sakip.achievement(realization=0, target=0, polarity="negative"),
            "T = 0 dan R = 0: target nol terpenuhi = 100,00 %",
            "T = 0 and R = 0: a zero target met = 100,00 %",
        ),
        (
            sakip.achievement(realization=130, target=100, cap=100),
            "130 / 100 × 100 = 130,00 %, dibatasi 100 = 100,00 %",
            "130 / 100 × 100 = 130,00 %, limited to 100 = 100,00 %",
        ),
        (
            sakip.achievement(realization=25, target=10, polarity="negative", floor=0),
            "(2 × 10 − 25) / 10 × 100 = -50,00 %, dibatasi 0 = 0,00 %",
            "(2 × 10 − 25) / 10 × 100 = -50,00 %, limited to 0 = 0,00 %",
        ),
        (
            sakip.change(current=5, previous=0),
            (
                "5 − 0 = 5 (naik); pertumbuhan tidak dapat dihitung: realisasi tahun sebelumnya "
                "0; membaik (polaritas positif)"
            ),
            (
                "5 − 0 = 5 (up); growth cannot be computed: the previous year's realization is "
                "0; improved (higher is better)"
            ),
        ),
        (
            sakip.gap(realization=101, end_target=100),
            "100 − 101 = -1; target akhir tercapai (polaritas positif)",
            "100 − 101 = -1; end target met (higher is better)",
        ),
        (
            sakip.compare_with_standard(
                realization=85,
                standard=sakip.NationalStandard(
                    indicator="X", value=sakip.TargetRange(80, 90), source="SPM"
                ),
            ),
            (
                "85 dalam rentang standar 80–90 (SPM): 80 ≤ 85 ≤ 90: dalam rentang target "
                "= 100,00 %; memenuhi standar"
            ),
            (
                "85 within the standard 80–90 (SPM): 80 ≤ 85 ≤ 90: inside the target range "
                "= 100,00 %; meets the standard"
            ),
        ),
    ],
)
def test_the_english_explanation_says_what_the_indonesian_one_says(
    result: object, indonesian: str, english: str
) -> None:
    """Each range, zero-target, cap, floor, trend, gap and standard phrase has its English."""
    assert (indonesian, english) == (explain_in(result, "id"), explain_in(result, "en"))  # type: ignore[arg-type]


def test_a_source_sakip_has_no_words_for_prints_as_given() -> None:
    """The audit's own sources print in the language; a user's source as the user wrote it."""
    from sakip.rules import EvidenceGrade, Source
    from sakip.text.sources import say_source

    own = Source(reference="Perda 3/2023", grade=EvidenceGrade.REGULATION, location="Pasal 7")
    assert "Perda 3/2023, Pasal 7 [REG]" == say_source(own, "en")
    chapter = Source(
        reference="PermenPANRB 53/2014",
        grade=EvidenceGrade.REGULATION,
        location="Lampiran, Bab III B (realisasi anggaran)",
    )
    assert "PermenPANRB 53/2014, Appendix, Chapter III B (budget realization) [REG]" == (
        say_source(chapter, "en")
    )
    assert str(chapter) == say_source(chapter, "id")
