import pytest

from marsad.knowledge.country_parts import country_part


@pytest.mark.parametrize(
    "iso3, bearing, name",
    [
        ("SYR", 0, "Northern Syria"),
        ("SYR", 315.2, "Northwestern Syria"),
        ("IRQ", 180, "Southern Iraq"),
        ("SYR", 225, "Southwestern Syria"),
        ("UKR", 90, "Eastern Ukraine"),
        ("CMR", 0, "Northern Cameroon"),
    ],
)
def test_country_parts_a_direction_names_the_part_of_the_country(iso3, bearing, name):
    assert country_part(iso3, bearing).name == name


@pytest.mark.parametrize("iso3, bearing", [("SYR", 123), (None, 0), ("SYR", None), ("XXX", 0)])
def test_country_parts_no_part_for_an_unknown_direction_or_country(iso3, bearing):
    assert country_part(iso3, bearing) is None
