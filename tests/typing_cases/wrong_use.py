"""A user's script that ``mypy --strict`` must refuse, at each line marked ``# error``."""

import sakip

target = sakip.Target([1, 2])  # error
indicator = sakip.Indicator(code="IKU-1", name="PPKS", unit="%", polarity=3.5)  # error
realization = sakip.Realization(indicator="IKU-1", year="2024", value=94)  # error
