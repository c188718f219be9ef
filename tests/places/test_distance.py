"""Great-circle distances: the one formula the geoparser, the warnings and the evaluations share."""

import pytest

from frontwatch.places.distance import great_circle_km


def test_distance_between_two_afghan_cities_is_great_circle_kilometres():
    assert great_circle_km(31.61, 65.71, 34.35, 62.20) == pytest.approx(449, abs=10)  # Kandahar to Herat


def test_distance_from_london_to_paris():
    assert great_circle_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1)


def test_a_point_is_no_distance_from_itself_and_antipodes_are_half_the_globe_apart():
    assert great_circle_km(34.535, 69.19, 34.535, 69.19) == 0
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(20015, abs=5)


def test_distances_to_many_points_at_once_are_the_one_by_one_distances():
    import numpy as np

    from frontwatch.places.distance import great_circle_km, great_circle_km_to_many

    lats, lons = np.array([34.53, 31.61, 36.2]), np.array([69.17, 65.71, 37.16])  # Kabul, Kandahar, Aleppo
    many = great_circle_km_to_many(36.72, 68.86, lats, lons)  # from Kunduz
    assert np.allclose(many, [great_circle_km(36.72, 68.86, a, b) for a, b in zip(lats, lons)])
    assert 240 < many[0] < 260
