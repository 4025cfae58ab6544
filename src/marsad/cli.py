"""The `marsad` command: a thin layer over plain functions.

Examples:
    marsad extract article.txt --published 2024-07-28
    cat article.txt | marsad extract - --format table
    marsad eval ../shared/corpus/gold
    marsad schema > extraction.schema.json
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

import click

import marsad
from marsad.errors import MarsadError, MissingPackageError, UnexpectedError
from marsad.evaluation.gold import DEFAULT_ARCHIVE
from marsad.inputs import MAX_BYTES, read_article
from marsad.schema.acled import FAMILIES

# Commands that live in marsad.commands.*: name -> "module:attribute", imported on first use.
LAZY_COMMANDS = {
    "ingest": "marsad.commands.store:ingest",
    "events": "marsad.commands.store:events",
    "export": "marsad.commands.store:export",
    "batch": "marsad.commands.batch:batch",
    "serve": "marsad.commands.serve:serve",
    "gazetteer": "marsad.commands.gazetteer:gazetteer",
}


class _Group(click.Group):
    """Turns MarsadError into a one-line message, and loads the outer commands lazily."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MarsadError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:  # `marsad export ... | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as error:  # a bug of ours: one line, not a traceback, and how to report it
            bug = UnexpectedError(
                f"internal error ({type(error).__name__}: {error}); "
                "please report it with the input that caused it (MARSAD_DEBUG=1 shows the traceback)"
            )
            click.echo(f"error: {bug}", err=True)
            if os.environ.get("MARSAD_DEBUG"):
                raise
            sys.exit(2)

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is not None or name not in LAZY_COMMANDS:
            return command
        module_name, attribute = LAZY_COMMANDS[name].split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            return _unavailable(name, (error.name or "?").split(".")[0])
        return getattr(module, attribute)


def _unavailable(name: str, missing: str) -> click.Command:
    # Takes any arguments and options: `marsad ingest x --db y` must name the missing extra,
    # not complain that there is no --db.
    @click.command(
        name,
        help=f"(not installed: needs {missing})",
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    )
    @click.argument("_ignored", nargs=-1, type=click.UNPROCESSED)
    def command(_ignored):
        error = MissingPackageError(
            f"'marsad {name}' needs the Python package {missing!r}; "
            "install it with: pip install 'marsad[all]'"
        )
        click.echo(f"error: {error}", err=True)
        sys.exit(1)

    return command


@click.group(cls=_Group)
@click.version_option(marsad.__version__, prog_name="marsad")
def main() -> None:
    """Marsad: Arabic conflict news to events, places, actors and source-attributed casualty claims."""


@main.command()
@click.argument("path", metavar="FILE|-")
@click.option(
    "--published", metavar="YYYY-MM-DD", help="Publication date: weekdays and 'yesterday' resolve against it."
)
@click.option(
    "--format", "output_format", type=click.Choice(["json", "table"]), default="json", show_default=True
)
@click.option("--id", "document_id", help="Document id to use (default: the text's hash).")
@click.option("--max-bytes", type=int, default=MAX_BYTES, show_default=True, help="Largest article accepted.")
def extract(
    path: str, published: str | None, output_format: str, document_id: str | None, max_bytes: int
) -> None:
    """Extract the events and claims of one Arabic article (FILE, or - for stdin).

    \b
    Examples:
      marsad extract article.txt --published 2024-07-28
      cat article.txt | marsad extract - --format table
    """
    date = marsad.parse_date(published)
    text = read_article(path, max_bytes)
    result = marsad.extract(text, published=date, document_id=document_id)
    if output_format == "json":
        click.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        from marsad.render import table

        click.echo(table(result))


@main.command("eval")
@click.argument("gold_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics and per-article details as JSON.")
@click.option(
    "--archive",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_ARCHIVE,
    show_default=True,
    help='News archive (JSON lines) that "archive:<id>" gold texts come from.',
)
@click.option(
    "--aggregate",
    is_flag=True,
    help="Figures only, no per-article lines (always so in a folder holding .aggregate-only).",
)
@click.option(
    "--family",
    type=click.Choice(FAMILIES),
    help="Score only the events of one ACLED family, gold and system alike (demonstration: protests, riots).",
)
def evaluate(gold_dir: Path, as_json: bool, archive: Path, aggregate: bool, family: str | None) -> None:
    """Score extraction against gold files (format: GOLD.md) and print the table.

    \b
    Examples:
      marsad eval ../shared/corpus/gold
      marsad eval gold/train
      marsad eval gold/test            # a held-out split: aggregate figures only
      marsad eval gold/test --family demonstration   # protests and riots alone
    """
    from marsad.errors import GoldDirError
    from marsad.evaluation import aggregate_only, format_table
    from marsad.evaluation import evaluate as run_evaluation

    if not gold_dir.is_dir():
        raise GoldDirError(f"{gold_dir}: no such folder; give the folder holding *.gold.json files")
    report = run_evaluation(
        gold_dir, lambda text, published: marsad.extract(text, published=published), archive, family
    )
    per_article = not (aggregate or aggregate_only(gold_dir))
    if as_json:
        click.echo(json.dumps(report.to_json(per_article), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report, per_article))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the extraction contract."""
    from marsad.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
