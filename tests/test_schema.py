import json

import pytest
from pydantic import ValidationError

from marsad.schema import Event, Fatalities, Span, json_schema
from marsad.schema.acled import (
    ACLED_TAXONOMY,
    CIVILIANS,
    EVENT_FAMILY,
    INTER_CIVILIANS,
    INTER_EXTERNAL,
    INTER_STATE,
    UNIDENTIFIED_ARMED_GROUP,
    of_country,
)


def test_schema_taxonomy_has_six_types_and_25_subtypes():
    assert len(ACLED_TAXONOMY) == 6
    assert sum(len(v) for v in ACLED_TAXONOMY.values()) == 25


def test_schema_every_event_type_has_one_family():
    assert list(EVENT_FAMILY) == list(ACLED_TAXONOMY)


@pytest.mark.parametrize(
    "kind, country, name",
    [
        (CIVILIANS, "Mali", "Civilians (Mali)"),
        (UNIDENTIFIED_ARMED_GROUP, "Niger", "Unidentified Armed Group (Niger)"),
    ],
)
def test_schema_generic_actor_named_with_its_country(kind, country, name):
    assert of_country(kind, country) == name


def test_schema_inter_codes_bound_the_actor_field():
    properties = json_schema()["$defs"]["Actor"]["properties"]["inter"]
    assert (properties["minimum"], properties["maximum"]) == (INTER_STATE, INTER_EXTERNAL)
    assert INTER_STATE < INTER_CIVILIANS < INTER_EXTERNAL


def test_schema_rejects_a_subtype_of_another_type():
    with pytest.raises(ValidationError):
        Event(
            id="e1",
            event_type="Battles",
            sub_event_type="Suicide bomb",
            time_precision=1,
            fatalities=Fatalities(rule="-"),
            evidence=Span(start=0, end=1, text="x"),
        )


def test_schema_json_schema_is_published_and_serialisable():
    schema = json_schema()
    assert "events" in schema["properties"]
    json.dumps(schema)


def test_schema_published_file_is_up_to_date():
    from pathlib import Path

    published = Path(__file__).resolve().parents[1] / "docs" / "extraction.schema.json"
    assert json.loads(published.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate with: marsad schema > docs/extraction.schema.json"
    )
