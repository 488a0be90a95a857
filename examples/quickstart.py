# %% [markdown]
# # sakip quickstart: the key figures of the LKjIP 2024 of Dinas Sosial Kota Metro
#
# Run it with `uv run python examples/quickstart.py`, or cell by cell in an editor that
# understands `# %%` cells (VS Code, Spyder, Jupytext).

# %%
from decimal import Decimal

import sakip

# %% PPKS handled (PPKS tertangani) as a share of all PPKS: the realization of the IKU
ppks = sakip.percentage(part=13773, whole=14460)
print("PPKS tertangani 2024:      ", ppks.explain())

# %% Achievement of the IKU against its 2024 target of 94,6 %; the report prints 101,1 %
iku = sakip.achievement(realization=95, target=Decimal("94.6"))
print("Capaian IKU PPKS:          ", iku.explain(), "→", sakip.classify(iku).label)

# %% Achievement of the Nilai SAKIP indicator; the report prints 101,54 %
nilai = sakip.achievement(realization=Decimal("69.16"), target=Decimal("68.14"))
print("Capaian Nilai SAKIP:       ", nilai.explain(), "→", sakip.classify(nilai).label)

# %% The evaluation score 69,16 on the SAKIP predicate scale
predicate = sakip.classify(Decimal("69.16"), scale=sakip.scales.SAKIP_PREDICATE)
print("Predikat Nilai SAKIP 69,16:", predicate.label, f"({predicate.band.meaning})")
