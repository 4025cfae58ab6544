"""`marsad gazetteer build`: a gazetteer file from GeoNames (and OCHA, and facts) tables.

A thin wrapper over `marsad.knowledge.gazetteer.build.build`: any GeoNames country dump
(`XX.txt`, `.gz`, `.zip`), `cities500`, `allCountries.zip`, `alternateNamesV2.zip`, the admin
code tables, a facts table or OCHA admin points, recognised by name (or `.tsv` header).
"""

from __future__ import annotations

from pathlib import Path

import click

from marsad.errors import BuildError
from marsad.knowledge.gazetteer.build import build as build_gazetteer


@click.group()
def gazetteer() -> None:
    """Build and inspect the place gazetteer."""


@gazetteer.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The SQLite file to write (replaced only when the build succeeds).",
)
def build(sources: tuple[Path, ...], out: Path) -> None:
    """Build a gazetteer from GeoNames files and facts tables.

    \b
    Examples:
      G=../shared/data/geonames
      marsad gazetteer build $G/cities500.txt.gz $G/country/ML.txt.gz \\
        $G/admin/admin1CodesASCII.txt --out my-gazetteer.sqlite
    """
    try:
        stats = build_gazetteer(list(sources), out)
    except BuildError as error:
        raise BuildError(
            f"{error.message}; give GeoNames tables (XX.txt, cities500, allCountries, "
            "admin1CodesASCII, admin2Codes, alternateNamesV2) or a facts .tsv"
        ) from None
    click.echo(
        f"{out}: {stats.places} places, {stats.arabic_keys} Arabic keys, "
        f"{stats.skeleton_keys} skeleton keys, {stats.size_bytes / 1e6:.1f} MB"
    )
