"""Estimated CO₂ of travel to in-person exchanges.

Factors in kg CO₂-equivalent per passenger-kilometre, rounded from the public tables below
(well-to-wheel, including the non-CO₂ effects of aviation, "radiative forcing", for planes):

- UK Government GHG Conversion Factors for Company Reporting 2023 (DESNZ/DEFRA), "Business
  travel – air" (long-haul economy class with RF ≈ 0.15–0.20, short-haul ≈ 0.15–0.25) and
  "Business travel – land" (national rail ≈ 0.035, average car ≈ 0.17 per vehicle-km,
  average local bus ≈ 0.10, coach ≈ 0.027).
  https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting
- ADEME, Base Empreinte® / "Impact CO₂" (2023): long-haul plane ≈ 0.152 without and ≈ 0.23
  with contrails, TGV ≈ 0.003, TER ≈ 0.03, thermal car ≈ 0.22 per vehicle-km, coach ≈ 0.03.
  https://impactco2.fr/outils/transport

The figures used are deliberately middle-of-the-road values: an *estimate* to compare
exchanges with one another, not an inventory. A car's factor is per vehicle: it is divided
by the number of travellers sharing it.
"""

from decimal import ROUND_HALF_UP, Decimal

from partners.models import TravelMode

FACTORS_KG_PER_KM = {
    # mode: (factor, "per passenger" or "per vehicle")
    TravelMode.PLANE: (Decimal("0.200"), "passenger"),
    TravelMode.TRAIN: (Decimal("0.030"), "passenger"),
    TravelMode.CAR: (Decimal("0.190"), "vehicle"),
    TravelMode.BUS: (Decimal("0.060"), "passenger"),
}


def leg_co2_kg(*, mode: str, distance_km: int, travellers: int = 1, round_trip: bool = True) -> Decimal:
    """kg CO₂e of one leg for all its travellers (a car is shared: counted once)."""
    factor, basis = FACTORS_KG_PER_KM[mode]
    people = 1 if basis == "vehicle" else max(int(travellers or 1), 1)
    trips = 2 if round_trip else 1
    value = factor * Decimal(int(distance_km or 0)) * people * trips
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
