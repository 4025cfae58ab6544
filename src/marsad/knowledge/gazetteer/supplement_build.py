"""Writing the OpenStreetMap supplement for Sudan (`supplement`, `data/gazetteer_sdn_osm.tsv`) from the
shared HOT export of Sudan's populated places and OCHA's admin points (for each place's state: the
state of the nearest locality centroid, which a point near a state border may miss):

    python -m marsad.knowledge.gazetteer.supplement_build OSM_TSV OCHA_TSV > FILE

The same tables give the same file byte for byte: rows sorted by Arabic name, then OSM id.
"""

from __future__ import annotations

import sys
from pathlib import Path

from marsad.knowledge.gazetteer.sources import _tsv_dicts, arabic_label
from marsad.knowledge.gazetteer.supplement import COLUMNS, SETTLEMENT_KINDS, TOWN_KINDS
from marsad.knowledge.place_cues import distance_km

_LOCALITY_LEVEL = "2"
_NODES = "nodes"  # the export's points: an OSM id is a node's
_HEADER = """\
# Populated places of Sudan with an Arabic name, from OpenStreetMap (HOT export of 2025-12-02 via
# the Raw Data API, as kept in the project's shared data folder). (c) OpenStreetMap contributors.
# This file is a database derived from OpenStreetMap and is made available under the Open Database
# License 1.0 (https://opendatacommons.org/licenses/odbl/1.0/); its contents under the Database
# Contents License (https://opendatacommons.org/licenses/dbcl/1.0/). It is licensed apart from
# the rest of Marsad and from gazetteer.sqlite (GeoNames, CC BY 4.0): see NOTICE.
# admin1: the state of the nearest locality centroid of OCHA's COD-AB Sudan admin points (v03,
# 2020-08-31, CC BY-IGO), an approximation near state borders. Written by
# `python -m marsad.knowledge.gazetteer.supplement_build OSM_TSV OCHA_TSV`; do not edit by hand.
"""


def rows(osm: Path, ocha: Path) -> list[tuple[str, ...]]:
    """The supplement's rows: OSM nodes with an Arabic name of a known kind, each with the state
    of the nearest OCHA locality centroid, sorted by Arabic name then OSM id."""
    localities = [
        (float(point["lat"]), float(point["lon"]), point["adm1_name_en"])
        for _, point in _tsv_dicts(ocha)
        if point.get("admin_level") == _LOCALITY_LEVEL
    ]
    found = []
    for _, node in _tsv_dicts(osm):
        label = arabic_label([node.get("name_ar", "")])
        kind = node.get("place")
        if label is None or node.get("osm_type") != _NODES or kind not in (*TOWN_KINDS, *SETTLEMENT_KINDS):
            continue
        lat, lon = float(node["lat"]), float(node["lon"])
        _, _, admin1 = min(localities, key=lambda point: distance_km(lat, lon, point[0], point[1]))
        population = node.get("population", "")
        found.append(
            (
                node["osm_id"],
                label,
                _latin_name(node),
                node["lat"],
                node["lon"],
                kind,
                population if population.isdigit() else "",
                admin1,
            )
        )
    return sorted(found, key=lambda row: (row[1], int(row[0])))


def _latin_name(node: dict[str, str]) -> str:
    """The node's English name, else its name if written in Latin letters (Kuma), else none."""
    name = node.get("name", "")
    return node.get("name_en", "") or (name if name.isascii() else "")


def main(argv: list[str]) -> None:
    osm, ocha = map(Path, argv)
    sys.stdout.write(_HEADER)
    print("\t".join(COLUMNS))
    for row in rows(osm, ocha):
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1:])
