"""The one list of error codes (`marsad.errors.CODES`): unique, complete, documented, and every
error the code raises coded."""

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import marsad
from marsad import errors
from marsad.errors import CODES, BuildError, DataFileError, GazetteerError, MarsadError

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "marsad"

# The raises that are not coded errors, each with why that is right.
UNCODED = {
    ("marsad.schema", "ValueError"): "pydantic validators raise ValueError: the API answers E303, and an "
    "extraction that breaks the contract is a bug (E999, E309)",
    ("marsad.api.fields", "ValueError"): "pydantic validators of request fields: the API answers E303",
    ("marsad.api.extraction", "_OutOfTime"): "control flow, answered with E310 in the same module",
    ("marsad.api.extraction", "EOFError"): "control flow: a worker that stopped, answered with E309",
    ("marsad.api.limits", "_BodyTooLarge"): "control flow, answered with E304 in the same module",
    ("marsad.api.local_server", "RuntimeError"): "a helper for tests and benchmarks that starts a server",
    ("marsad.pipeline", "RuntimeError"): "stages in an order that cannot run: a programming error at import",
    ("marsad.knowledge.gazetteer.writer", "ValueError"): "caught where it is raised and given as a "
    "BuildError naming the line",
    ("marsad.errors", "TypeError"): "a coded error class missing from CODES: a programming error, at import",
}
_RANGE = re.compile(r"\bE\d{3}-E\d{3}\b")  # "E100-E199" names a range, not a code
_CODE = re.compile(r"\bE\d{3}\b")


def all_modules() -> list:
    names = ["marsad", *(info.name for info in pkgutil.walk_packages(marsad.__path__, "marsad."))]
    return [importlib.import_module(name) for name in names]


def coded_classes() -> list[type]:
    found, pending = [], [MarsadError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return [cls for cls in found if "code" in vars(cls)]


def test_errors_codes_are_unique_and_well_formed():
    codes = [row[0] for row in errors._LIST]
    classes = [row[1] for row in errors._LIST]
    assert len(set(codes)) == len(codes) and len(set(classes)) == len(classes)
    assert codes == sorted(codes) and all(re.fullmatch(r"E\d{3}", code) for code in codes)
    assert all(code.meaning and "\n" not in code.meaning for code in CODES.values())


@pytest.mark.parametrize(
    "code, kind",
    [
        ("E001", "input"),
        ("E211", "input"),
        ("E007", "setup"),
        ("E101", "setup"),
        ("E401", "setup"),
        ("E999", "bug"),
    ],
)
def test_errors_every_code_has_a_kind_and_its_errors_carry_it(code, kind):
    assert all(entry.kind in errors.KINDS for entry in CODES.values())
    module, name = CODES[code].where.rsplit(".", 1)
    assert getattr(importlib.import_module(module), name)("a message").kind == kind


@pytest.mark.parametrize("code", sorted(CODES))
def test_errors_every_listed_class_carries_its_code(code):
    module, name = CODES[code].where.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, MarsadError) and cls.code == code


def test_errors_every_coded_class_is_listed():
    all_modules()
    listed = {f"{cls.__module__}.{cls.__qualname__}": cls.code for cls in coded_classes()}
    assert listed == {entry.where: code for code, entry in CODES.items()}


@pytest.mark.parametrize("code", ["E998", "E001"])
def test_errors_a_class_not_listed_under_its_code_fails_at_once(code):
    with pytest.raises(TypeError, match=f"{code} is not listed"):
        type("StrayError", (MarsadError,), {"code": code})


def _raised_names(path: Path) -> list[tuple[int, str]]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            names.append((node.lineno, ast.unparse(target)))
    return names


def test_errors_every_raise_is_a_listed_coded_error_or_says_why_not():
    modules = all_modules()
    coded = {cls.__name__: cls for cls in coded_classes()}
    strays = []
    for module in modules:
        path = Path(module.__file__)
        for line, name in _raised_names(path):
            raised = getattr(module, name, None) or coded.get(name)  # a class imported where it is raised
            if isinstance(raised, type) and issubclass(raised, MarsadError) and raised.code in CODES:
                continue
            if (module.__name__, name) not in UNCODED:
                strays.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert not strays, "raise a coded error (marsad.errors.CODES) or say why not in UNCODED: " + ", ".join(
        strays
    )


def test_errors_codes_written_in_the_source_and_readme_are_listed():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SOURCE.rglob("*.py"))]
    texts.append((ROOT / "README.md").read_text(encoding="utf-8"))
    written = {code for text in texts for code in _CODE.findall(_RANGE.sub("", text))}
    assert written - set(CODES) == set()


def test_errors_docs_page_is_the_list_and_the_readme_links_it():
    assert (ROOT / "docs" / "errors.md").read_text(encoding="utf-8") == errors.markdown(), (
        "regenerate it: "
        """python -c "import marsad.errors as e; print(e.markdown(), end='')" > docs/errors.md"""
    )
    assert "docs/errors.md" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("error", "code"), [(DataFileError, "E007"), (BuildError, "E400"), (GazetteerError, "E401")]
)
def test_errors_message_starts_with_the_code_and_keeps_the_message(error, code):
    raised = error("countries.tsv:3: lat/lon must be numbers")
    assert str(raised) == f"{code}: countries.tsv:3: lat/lon must be numbers"
    assert raised.message == "countries.tsv:3: lat/lon must be numbers"


@pytest.mark.parametrize("error", [DataFileError, BuildError])
def test_errors_data_and_build_errors_stay_value_errors(error):
    assert issubclass(error, ValueError) and issubclass(error, MarsadError)
