"""The rings of ../shared/STYLE.md: who may import whom, read from every import in the source (at
the top of a module or inside a function)."""

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "marsad"

# What each inner ring may import besides itself and the base (`marsad.errors`, `marsad.resources`:
# coded errors and the data-file reader, which import nothing else of ours): rings, or modules.
ALLOWED = {
    "schema": set(),
    "lang": {"schema", "knowledge"},
    "knowledge": {"schema", "lang"},
    "pipeline": {"schema", "lang", "knowledge"},
    "store": {"schema", "marsad.pipeline.reconcile"},  # the reconciliation it persists
}
BASE = {"errors", "resources"}
# The arrows against the rings that stay, each with why (design questions, not oversights).
AGAINST = {
    ("marsad.store.fulltext", "marsad.lang.ar.normalize"): "the search index folds Arabic as the extraction "
    "does, whoever opens the store, or the words indexed and the words sought would differ",
    ("marsad.store.database", "marsad"): "Store.ingest(text) extracts the article (marsad.extract) and reads "
    "its date (marsad.parse_date) before storing the extraction",
    ("marsad.store.query", "marsad"): "a filter's dates are read as the extraction reads a publication "
    "date (marsad.parse_date: E001 for a date that is none)",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name for name in names if name == "marsad" or name.startswith("marsad.")}


def _ring(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "marsad"


def _arrows(ring: str) -> list[tuple[str, str]]:
    """(module, what it imports) for every module of `ring`."""
    arrows = []
    for path in sorted(SOURCE.rglob("*.py")):
        module = _module_name(path)
        if _ring(module) == ring:
            arrows += [(module, imported) for imported in sorted(_imported(path))]
    return arrows


@pytest.mark.parametrize("ring", sorted(ALLOWED))
def test_rings_an_inner_ring_imports_only_what_it_may(ring):
    against = [
        f"{module} -> {imported}"
        for module, imported in _arrows(ring)
        if _ring(imported) not in {ring, *ALLOWED[ring], *BASE}
        and imported not in ALLOWED[ring]
        and (module, imported) not in AGAINST
    ]
    assert not against, "against the rings of STYLE.md: " + ", ".join(against)


def test_rings_the_base_imports_nothing_else_of_ours():
    arrows = [(module, imported) for ring in BASE for module, imported in _arrows(ring)]
    assert {_ring(imported) for _, imported in arrows} <= BASE


def test_rings_every_arrow_said_to_stay_is_still_there():
    present = {arrow for ring in ALLOWED for arrow in _arrows(ring)}
    assert set(AGAINST) <= present
