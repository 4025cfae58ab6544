"""Coded, actionable errors: each says what is wrong and how to fix it, in one line.

`CODES` is the one list of Marsad's error codes: each code, the class that carries it and what it
means. The core's classes are declared here; the store's, the batch runner's and the API's beside
them (`store/errors.py`, `batch/errors.py`, `api/errors.py`). Every class registers when it is
created: one whose code is not listed here under its name fails at import, so the list cannot
drift from the code. `docs/errors.md` is this list as a table (`markdown()` writes it, and
`tests/test_errors.py` checks both). Like `schema`, this module imports nothing else of ours.
"""

from __future__ import annotations

# Ranges: E0xx the core (input, data files, evaluation), E1xx the store, E2xx batch runs,
# E3xx the API, E4xx the gazetteer, E999 a bug.
_LIST = (
    # code, class (module.Class), what it means
    ("E000", "marsad.errors.MarsadError", "the base of every coded error (never raised itself)"),
    ("E001", "marsad.errors.InvalidDateError", "a date is not a date: give it as YYYY-MM-DD"),
    ("E002", "marsad.errors.InputReadError", "an article cannot be read: no such file, or not UTF-8"),
    (
        "E003",
        "marsad.errors.InputTooLargeError",
        "an article is over the size limit: split it or raise --max-bytes",
    ),
    (
        "E004",
        "marsad.errors.BinaryInputError",
        "an input looks binary (NUL bytes), not a text or HTML article",
    ),
    ("E005", "marsad.errors.GoldDirError", "the gold folder given to `marsad eval` does not exist"),
    ("E006", "marsad.errors.GoldArchiveError", "the news archive holding the gold texts cannot be read"),
    (
        "E007",
        "marsad.errors.DataFileError",
        "a shipped data file (lexicon, actors, countries, outlets) is malformed: the message names the line",
    ),
    (
        "E010",
        "marsad.errors.MissingPackageError",
        "a command needs a Python package that is not installed: pip install 'marsad[all]'",
    ),
    (
        "E011",
        "marsad.errors.UnknownStageError",
        "`pipeline.run(until=...)` names no stage: give one of the stage names",
    ),
    (
        "E100",
        "marsad.store.errors.StoreUrlError",
        "`--db` is not a store address (a path, sqlite:/// or postgresql://)",
    ),
    (
        "E101",
        "marsad.store.errors.StoreOpenError",
        "the event store cannot be opened: check the path or server",
    ),
    (
        "E102",
        "marsad.store.errors.StoreSchemaError",
        "the event store was written by a newer Marsad: upgrade Marsad",
    ),
    ("E103", "marsad.store.errors.ExportFormatError", "an unknown export format"),
    (
        "E104",
        "marsad.store.errors.IngestInputError",
        "an input given to `marsad ingest` is not an article it reads",
    ),
    (
        "E105",
        "marsad.store.errors.StoreDependencyError",
        "an export needs a package that is not installed (pyarrow)",
    ),
    ("E201", "marsad.batch.errors.EmptyDocumentError", "a batch document is empty"),
    ("E202", "marsad.batch.errors.NoArticleTextError", "a batch document's HTML holds no article text"),
    (
        "E203",
        "marsad.batch.errors.ExtractionFailedError",
        "the extraction failed on a batch document (a bug: report it)",
    ),
    (
        "E204",
        "marsad.batch.errors.RunMismatchError",
        "the --out folder holds a run with other inputs or options",
    ),
    ("E205", "marsad.batch.errors.InputNotFoundError", "a batch input is no file, folder or feed URL"),
    ("E206", "marsad.batch.errors.BadRecordError", "a JSON-lines record is not a JSON object with a text"),
    ("E207", "marsad.batch.errors.FeedError", "a feed is not a readable RSS or Atom feed"),
    ("E208", "marsad.batch.errors.WarcError", "a WARC file cannot be read"),
    (
        "E209",
        "marsad.batch.errors.EngineUnavailableError",
        "the batch engine asked for is not installed (Ray)",
    ),
    ("E210", "marsad.batch.errors.StoreUnavailableError", "--db needs the store, which is not installed"),
    ("E211", "marsad.batch.errors.BadOptionError", "a batch option or input cannot be used as given"),
    ("E300", "marsad.api.errors.ApiError", "an HTTP error without a more specific code"),
    ("E301", "marsad.api.errors.NotFoundError", "no such route or document (404)"),
    ("E302", "marsad.api.errors.MethodNotAllowedError", "the method is not allowed on the route (405)"),
    ("E303", "marsad.api.errors.InvalidRequestError", "a JSON body or parameter with wrong fields (422)"),
    ("E304", "marsad.api.errors.RequestTooLargeError", "the request body is over the size limit (413)"),
    ("E305", "marsad.api.errors.UnauthorizedError", "a route that writes needs the bearer token (401)"),
    ("E306", "marsad.api.errors.ReadOnlyError", "the server is read-only: no MARSAD_TOKEN is set (403)"),
    ("E307", "marsad.api.errors.NoStoreError", "the server has no event store (503)"),
    ("E308", "marsad.api.errors.StoreMissingError", "the event store's packages are not installed (503)"),
    (
        "E309",
        "marsad.api.errors.InternalError",
        "a bug or a stopped worker; the server log has the details (500)",
    ),
    (
        "E310",
        "marsad.api.errors.ExtractionTooSlowError",
        "the text took longer than the extraction budget (413)",
    ),
    (
        "E311",
        "marsad.api.errors.ExtractionBusyError",
        "every extraction worker stayed busy: retry later (503)",
    ),
    ("E312", "marsad.api.errors.ClientGoneError", "the client closed the connection (499)"),
    ("E313", "marsad.api.errors.InvalidBodyError", "the request body is not UTF-8 JSON (400)"),
    ("E314", "marsad.api.errors.MalformedHttpError", "the request is not well-formed HTTP (400)"),
    ("E400", "marsad.errors.BuildError", "a gazetteer source cannot be read: unknown, missing or malformed"),
    ("E401", "marsad.errors.GazetteerError", "the gazetteer file cannot be opened or is not a gazetteer"),
    (
        "E402",
        "marsad.errors.GazetteerQueryError",
        "a query of the open gazetteer failed: the file is damaged or was replaced",
    ),
    (
        "E999",
        "marsad.errors.UnexpectedError",
        "a bug of ours, caught by the command line: report it with its input",
    ),
)
CODES: dict[str, tuple[str, str]] = {code: (where, meaning) for code, where, meaning in _LIST}


class MarsadError(Exception):
    """A problem with the user's input or setup; the CLI prints it on one line and exits 1."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"{self.code}: {message}")
        self.message = message  # without the code

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
    rows = "".join(f"| `{code}` | `{where}` | {meaning} |\n" for code, (where, meaning) in CODES.items())
    return (
        "# Error codes\n\n"
        "Every error Marsad reports starts with its code: the command line prints `error: CODE: message`\n"
        "on one line and exits 1 (2 for `E999`); the API answers "
        '`{"ok": false, "error": {"code", "message"}, "status"}`.\n'
        "This page is `marsad.errors.CODES`, written by `marsad.errors.markdown()` (`tests/test_errors.py`\n"
        "checks that it is up to date).\n\n"
        "| code | class | meaning |\n| --- | --- | --- |\n" + rows
    )
