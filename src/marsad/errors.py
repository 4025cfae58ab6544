"""Coded, actionable errors: each says what is wrong and how to fix it, in one line.

`CODES` is the one list of Marsad's error codes: each code, the class that carries it, its kind
(who fixes it: `KINDS`) and what it means. The core's classes are declared here; the store's, the
batch runner's and the API's beside them (`store/errors.py`, `batch/errors.py`, `api/errors.py`).
Every class registers when it is created: one whose code is not listed here under its name fails
at import, so the list cannot drift from the code. `docs/errors.md` is this list as a table
(`markdown()` writes it, and `tests/test_errors.py` checks both). Like `schema`, this module
imports nothing else of ours.
"""

from __future__ import annotations

from typing import NamedTuple

# Who fixes a failure of each code: the API answers "input" with a 4xx, "setup" with 503 and "bug"
# with 500, always in its one JSON error shape.
KINDS = {
    "input": "the caller's: the article, a date, an option or a request as given",
    "setup": "the operator's: the installation, its data files, the gazetteer, the store, a package",
    "bug": "ours: report it with its input",
}


class Code(NamedTuple):
    where: str  # the class that carries the code (module.Class)
    kind: str  # a key of KINDS
    meaning: str


# Ranges: E0xx the core (input, data files, evaluation), E1xx the store, E2xx batch runs,
# E3xx the API, E4xx the gazetteer, E999 a bug.
_LIST = (
    # code, class (module.Class), kind (KINDS: who fixes it), what it means
    ("E000", "marsad.errors.MarsadError", "bug", "the base of every coded error (never raised itself)"),
    ("E001", "marsad.errors.InvalidDateError", "input", "a date is not a date: give it as YYYY-MM-DD"),
    (
        "E002",
        "marsad.errors.InputReadError",
        "input",
        "an article cannot be read: no such file, or not UTF-8",
    ),
    (
        "E003",
        "marsad.errors.InputTooLargeError",
        "input",
        "an article is over the size limit: split it or raise --max-bytes",
    ),
    (
        "E004",
        "marsad.errors.BinaryInputError",
        "input",
        "an input looks binary (NUL bytes), not a text or HTML article",
    ),
    ("E005", "marsad.errors.GoldDirError", "input", "the gold folder given to `marsad eval` does not exist"),
    (
        "E006",
        "marsad.errors.GoldArchiveError",
        "setup",
        "the news archive holding the gold texts cannot be read",
    ),
    (
        "E007",
        "marsad.errors.DataFileError",
        "setup",
        "a shipped data file (lexicon, actors, countries, outlets) is malformed: the message names the line",
    ),
    (
        "E010",
        "marsad.errors.MissingPackageError",
        "setup",
        "a command needs a Python package that is not installed: pip install 'marsad[all]'",
    ),
    (
        "E011",
        "marsad.errors.UnknownStageError",
        "input",
        "`pipeline.run(until=...)` names no stage: give one of the stage names",
    ),
    (
        "E100",
        "marsad.store.errors.StoreUrlError",
        "setup",
        "`--db` is not a store address (a path, sqlite:/// or postgresql://)",
    ),
    (
        "E101",
        "marsad.store.errors.StoreOpenError",
        "setup",
        "the event store cannot be opened: check the path or server",
    ),
    (
        "E102",
        "marsad.store.errors.StoreSchemaError",
        "setup",
        "the event store was written by a newer Marsad: upgrade Marsad",
    ),
    ("E103", "marsad.store.errors.ExportFormatError", "input", "an unknown export format"),
    (
        "E104",
        "marsad.store.errors.IngestInputError",
        "input",
        "an input given to `marsad ingest` is not an article it reads",
    ),
    (
        "E105",
        "marsad.store.errors.StoreDependencyError",
        "setup",
        "an export needs a package that is not installed (pyarrow)",
    ),
    ("E201", "marsad.batch.errors.EmptyDocumentError", "input", "a batch document is empty"),
    (
        "E202",
        "marsad.batch.errors.NoArticleTextError",
        "input",
        "a batch document's HTML holds no article text",
    ),
    (
        "E203",
        "marsad.batch.errors.ExtractionFailedError",
        "bug",
        "the extraction failed on a batch document (a bug: report it)",
    ),
    (
        "E204",
        "marsad.batch.errors.RunMismatchError",
        "input",
        "the --out folder holds a run with other inputs or options",
    ),
    (
        "E205",
        "marsad.batch.errors.InputNotFoundError",
        "input",
        "a batch input is no file, folder or feed URL",
    ),
    (
        "E206",
        "marsad.batch.errors.BadRecordError",
        "input",
        "a JSON-lines record is not a JSON object with a text",
    ),
    ("E207", "marsad.batch.errors.FeedError", "input", "a feed is not a readable RSS or Atom feed"),
    ("E208", "marsad.batch.errors.WarcError", "input", "a WARC file cannot be read"),
    (
        "E209",
        "marsad.batch.errors.EngineUnavailableError",
        "setup",
        "the batch engine asked for is not installed (Ray)",
    ),
    (
        "E210",
        "marsad.batch.errors.StoreUnavailableError",
        "setup",
        "--db needs the store, which is not installed",
    ),
    (
        "E211",
        "marsad.batch.errors.BadOptionError",
        "input",
        "a batch option or input cannot be used as given",
    ),
    ("E300", "marsad.api.errors.ApiError", "input", "an HTTP error without a more specific code"),
    ("E301", "marsad.api.errors.NotFoundError", "input", "no such route or document (404)"),
    (
        "E302",
        "marsad.api.errors.MethodNotAllowedError",
        "input",
        "the method is not allowed on the route (405)",
    ),
    (
        "E303",
        "marsad.api.errors.InvalidRequestError",
        "input",
        "a JSON body or parameter with wrong fields (422)",
    ),
    (
        "E304",
        "marsad.api.errors.RequestTooLargeError",
        "input",
        "the request body is over the size limit (413)",
    ),
    (
        "E305",
        "marsad.api.errors.UnauthorizedError",
        "input",
        "a route that writes needs the bearer token (401)",
    ),
    (
        "E306",
        "marsad.api.errors.ReadOnlyError",
        "input",
        "the server is read-only: no MARSAD_TOKEN is set (403)",
    ),
    ("E307", "marsad.api.errors.NoStoreError", "setup", "the server has no event store (503)"),
    (
        "E308",
        "marsad.api.errors.StoreMissingError",
        "setup",
        "the event store's packages are not installed (503)",
    ),
    (
        "E309",
        "marsad.api.errors.InternalError",
        "bug",
        "a bug or a stopped worker; the server log has the details (500)",
    ),
    (
        "E310",
        "marsad.api.errors.ExtractionTooSlowError",
        "input",
        "the text took longer than the extraction budget (413)",
    ),
    (
        "E311",
        "marsad.api.errors.ExtractionBusyError",
        "setup",
        "every extraction worker stayed busy: retry later (503)",
    ),
    ("E312", "marsad.api.errors.ClientGoneError", "input", "the client closed the connection (499)"),
    ("E313", "marsad.api.errors.InvalidBodyError", "input", "the request body is not UTF-8 JSON (400)"),
    ("E314", "marsad.api.errors.MalformedHttpError", "input", "the request is not well-formed HTTP (400)"),
    (
        "E400",
        "marsad.errors.BuildError",
        "setup",
        "a gazetteer source cannot be read: unknown, missing or malformed",
    ),
    (
        "E401",
        "marsad.errors.GazetteerError",
        "setup",
        "the gazetteer file cannot be opened or is not a gazetteer",
    ),
    (
        "E402",
        "marsad.errors.GazetteerQueryError",
        "setup",
        "a query of the open gazetteer failed: the file is damaged or was replaced",
    ),
    (
        "E999",
        "marsad.errors.UnexpectedError",
        "bug",
        "a bug of ours, caught by the command line: report it with its input",
    ),
)
CODES: dict[str, Code] = {code: Code(where, kind, meaning) for code, where, kind, meaning in _LIST}


class MarsadError(Exception):
    """A problem with the user's input or setup; the CLI prints it on one line and exits 1."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"{self.code}: {message}")
        self.message = message  # without the code

    @property
    def kind(self) -> str:
        """Who fixes it (a key of `KINDS`), as `CODES` lists it for the code."""
        return CODES[self.code].kind

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # A class that states a code registers it; one that takes its code per instance (an
        # error passed on from a worker) carries codes registered by others.
        if "code" in vars(cls) and CODES.get(cls.code, ("",))[0] != f"{cls.__module__}.{cls.__qualname__}":
            raise TypeError(
                f"{cls.__qualname__}: {cls.code} is not listed for it in marsad.errors.CODES; "
                "list the code there with the class and its meaning"
            )


class InvalidDateError(MarsadError):
    code = "E001"


class InputReadError(MarsadError):
    code = "E002"


class InputTooLargeError(MarsadError):
    code = "E003"


class BinaryInputError(MarsadError):
    code = "E004"


class GoldDirError(MarsadError):
    code = "E005"


class GoldArchiveError(MarsadError):
    code = "E006"


class DataFileError(MarsadError, ValueError):
    """A shipped data file is malformed: the message names the file, the line and the problem."""

    code = "E007"


class MissingPackageError(MarsadError):
    code = "E010"


class UnknownStageError(MarsadError):
    code = "E011"


class BuildError(MarsadError, ValueError):
    """A gazetteer source cannot be read: the message names the file and what is wrong."""

    code = "E400"


class GazetteerError(MarsadError):
    code = "E401"


class GazetteerQueryError(GazetteerError):
    code = "E402"


class UnexpectedError(MarsadError):
    code = "E999"


def markdown() -> str:
    """`CODES` as the Markdown page `docs/errors.md`."""
    kinds = "".join(f"- `{kind}`: {who}\n" for kind, who in KINDS.items())
    rows = "".join(f"| `{code}` | `{c.where}` | {c.kind} | {c.meaning} |\n" for code, c in CODES.items())
    return (
        "# Error codes\n\n"
        "Every error Marsad reports starts with its code: the command line prints `error: CODE: message`\n"
        "on one line and exits 1 (2 for `E999`); the API answers "
        '`{"ok": false, "error": {"code", "message"}, "status"}`.\n'
        "This page is `marsad.errors.CODES`, written by `marsad.errors.markdown()` (`tests/test_errors.py`\n"
        "checks that it is up to date).\n\n"
        "Each code has a kind, who fixes it; the API answers `input` with a 4xx status, `setup` with 503\n"
        "and `bug` with 500:\n\n" + kinds + "\n"
        "| code | class | kind | meaning |\n| --- | --- | --- | --- |\n" + rows
    )
