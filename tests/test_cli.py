import ast
import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ansongo.ar.txt"


def marsad(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli", *args], input=stdin, capture_output=True, cwd=ROOT
    )


def test_cli_extract_prints_the_contract_as_json():
    run = marsad("extract", str(EXAMPLE), "--published", "2025-03-12")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert set(result) == {"schema_version", "document", "events"}
    assert result["document"]["published"] == "2025-03-12"


def test_cli_extract_reads_stdin_and_prints_a_table():
    run = marsad("extract", "-", "--format", "table", stdin=EXAMPLE.read_bytes())
    assert run.returncode == 0, run.stderr
    assert "event(s)" in run.stdout.decode()


@pytest.mark.parametrize(
    "content, code",
    [
        (b"\x00\x01\x02binary", "E004"),
        ("قتل جندي".encode("cp1256"), "E002"),
    ],
)
def test_cli_extract_bad_file_is_a_one_line_error(tmp_path, content, code):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    run = marsad("extract", str(path))
    assert run.returncode == 1
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and code in lines[0]


def test_cli_extract_invalid_date_is_a_one_line_error():
    run = marsad("extract", str(EXAMPLE), "--published", "2024-13-01")
    assert run.returncode == 1
    assert run.stderr.decode().count("\n") == 1 and "E001" in run.stderr.decode()


def test_cli_extract_missing_file_is_a_one_line_error():
    run = marsad("extract", "no-such-article.txt")
    assert run.returncode == 1 and "E002" in run.stderr.decode()


def test_cli_extract_too_large_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("قتل جندي في هجوم. " * 1000, encoding="utf-8")
    run = marsad("extract", str(path), "--max-bytes", "1000")
    assert run.returncode == 1 and "E003" in run.stderr.decode()


@pytest.mark.parametrize("content", ["", "   \n\n", "The army said two soldiers were killed on Monday."])
def test_cli_extract_empty_or_foreign_text_gives_a_valid_empty_result(tmp_path, content):
    path = tmp_path / "article.txt"
    path.write_text(content, encoding="utf-8")
    run = marsad("extract", str(path))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["events"] == []


def test_cli_schema_prints_json_schema():
    run = marsad("schema")
    assert run.returncode == 0 and "properties" in json.loads(run.stdout)


# Run as `python -c`: the store's database layer is missing, as before `pip install -e '.[all]'`.
_WITHOUT_THE_EXTRAS = (
    "import sys; sys.modules['sqlalchemy'] = None; sys.argv = ['marsad'] + sys.argv[1:]; "
    "from marsad.cli import main; main()"
)


@pytest.mark.parametrize(
    "args",
    [
        ("ingest", "article.txt", "--db", "x.db"),
        ("events", "--country", "MLI"),
        ("export", "--format", "acled-csv", "--out", "events.csv"),
    ],
)
def test_cli_command_without_its_extra_names_the_install_command(args):
    run = subprocess.run([sys.executable, "-c", _WITHOUT_THE_EXTRAS, *args], capture_output=True, cwd=ROOT)
    [line] = run.stderr.decode().splitlines()
    assert run.returncode == 1 and line.startswith("error: E010:") and "pip install 'marsad[all]'" in line


def _distribution_closure(requirements: list[str], extras: set[str]) -> set[str]:
    """The distributions `pip install` brings for these requirements (and extras), recursively."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: set[str] = set()
    pending = [(r, extras) for r in requirements]
    while pending:
        text, wanted = pending.pop()
        requirement = Requirement(text)
        if requirement.marker and not any(requirement.marker.evaluate({"extra": e}) for e in wanted | {""}):
            continue
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        found.add(name)
        with contextlib.suppress(metadata.PackageNotFoundError):
            pending += [(r, set(requirement.extras)) for r in metadata.requires(requirement.name) or []]
    return found


# Modules that only a build step or an optional extra beyond [all] imports (named in pyproject.toml).
_BEYOND_ALL = {"marsad/knowledge/gazetteer/build.py": "build", "marsad/batch/engine_ray.py": "ray"}


def test_cli_imports_nothing_the_documented_install_does_not_bring():
    from importlib import metadata

    from packaging.utils import canonicalize_name

    installed = _distribution_closure(metadata.requires("marsad"), {"all"}) | {"marsad"}
    providers = metadata.packages_distributions()
    source = ROOT / "src"
    strays = []
    for path in sorted((source / "marsad").rglob("*.py")):
        if path.relative_to(source).as_posix() in _BEYOND_ALL:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else (
                    [node.module]
                    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                    else []
                )
            )
            for top in {n.split(".")[0] for n in names} - set(sys.stdlib_module_names) - {"marsad"}:
                if not {canonicalize_name(d) for d in providers.get(top, [])} & installed:
                    strays.append(f"{path.relative_to(source)}: {top}")
    assert not strays, "imports outside pip install -e '.[all]': " + ", ".join(strays)
