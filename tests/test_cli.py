import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ansongo.ar.txt"


def marsad(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], input=stdin, capture_output=True, cwd=ROOT)


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


@pytest.mark.parametrize("content, code", [
    (b"\x00\x01\x02binary", "E004"),
    ("قتل جندي".encode("cp1256"), "E002"),
])
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
