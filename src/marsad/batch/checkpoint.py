"""The run's manifest, which is also its checkpoint: DIR/manifest.json.

It records the run's options, every committed shard with its counts, and the position of the
first document not yet committed. A shard is written (atomically) before the manifest names it,
so after a kill at any moment the manifest only names complete shards; a resumed run starts at
the recorded position and rewrites the one shard that was in progress. The manifest holds no
times or host names, so a resumed run's manifest is byte-identical to an uninterrupted run's.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from marsad.batch.atomic import write_atomically
from marsad.batch.documents import STATUSES, Position
from marsad.batch.errors import RunMismatchError

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


@dataclass
class ShardEntry:
    file: str
    documents: int
    ok: int = 0
    skipped: int = 0
    error: int = 0


@dataclass
class Checkpoint:
    options: dict
    shards: list[ShardEntry] = field(default_factory=list)
    next: Position = Position()
    complete: bool = False

    @classmethod
    def open(cls, out_dir: Path, options: dict) -> Checkpoint:
        """The run recorded in `out_dir`, or a new one; refuses a folder holding a run with other options."""
        path = out_dir / MANIFEST
        if not path.exists():
            return cls(options=options)
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("options") != options:
            raise RunMismatchError(
                f"{out_dir} holds a batch run with other inputs or options; "
                "give another --out folder, or delete this one to start again"
            )
        return cls(
            options=options,
            shards=[ShardEntry(**entry) for entry in saved["shards"]],
            next=Position(*saved["next"]),
            complete=saved["complete"],
        )

    def commit(self, out_dir: Path, entry: ShardEntry, next_position: Position) -> None:
        self.shards.append(entry)
        self.next = next_position
        self._save(out_dir)

    def finish(self, out_dir: Path) -> None:
        self.complete = True
        self._save(out_dir)

    def totals(self) -> dict[str, int]:
        return {status: sum(getattr(entry, status) for entry in self.shards) for status in STATUSES}

    def _save(self, out_dir: Path) -> None:
        content = {
            "format": FORMAT_VERSION,
            "options": self.options,
            "complete": self.complete,
            "next": list(self.next),
            "totals": self.totals(),
            "shards": [asdict(entry) for entry in self.shards],
        }
        write_atomically(
            out_dir / MANIFEST, json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")
        )
