"""Loading the package's data files (lexicons, gazetteer, actor tables).

Every data file is a TSV with `#` comment lines (its source and meaning) and a header row.
Loaders validate at start-up so that a broken file fails with a coded message (`DataFileError`,
E007) naming the file and line. Like `schema`, this module imports nothing else of ours but `errors`.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from marsad.errors import DataFileError

__all__ = ["DataFileError", "data_path", "read_tsv"]


def data_path(package: str, name: str) -> Path:
    """Path of a data file shipped in `package`'s `data/` folder."""
    return Path(str(resources.files(package).joinpath("data", name)))


def read_tsv(package: str, name: str, columns: tuple[str, ...] | None = None) -> Iterator[dict[str, str]]:
    """Rows of `package/data/name` as dicts keyed by the header row (the first non-comment line).

    With `columns`, the header must start with exactly those names. Missing trailing cells read
    as empty strings; extra cells are an error.
    """
    path = data_path(package, name)
    header: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if columns is not None and tuple(header[: len(columns)]) != columns:
                    raise DataFileError(f"{path}:{number}: header {header} must start with {list(columns)}")
                continue
            if len(cells) > len(header):
                raise DataFileError(f"{path}:{number}: {len(cells)} cells for {len(header)} columns")
            cells += [""] * (len(header) - len(cells))
            yield dict(zip(header, (cell.strip() for cell in cells)))
