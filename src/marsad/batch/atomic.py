"""Write a file so that readers (and a resumed run) see either the old content or the new, never half."""

from __future__ import annotations

import os
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}{TEMP_SUFFIX}")
    with open(temp, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, path)


def remove_leftovers(folder: Path) -> None:
    """Temp files a killed run left behind."""
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        temp.unlink()
