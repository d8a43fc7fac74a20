"""What every command shares: the `--db` option, opening the local store, consoles, progress bars, errors.

Command modules import this module, never the `claimreview.cli` package itself, so there is no import
cycle. Nothing here imports SQLAlchemy, Textual, FastAPI or httpx: `claimreview --help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from typer.core import TyperArgument, TyperCommand

from claimreview.errors import DatabaseError
from claimreview.paths import default_db_path, demo_db_path
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    # SQLAlchemy and SQLModel take ~0.25 s to import: loaded by the commands that open a database,
    # not by --help or argument errors.
    from claimreview.store import Store

# soft_wrap: one-line summaries stay one line in a pipe or a log; tables still fit the width.
stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        metavar="PATH",
        help="Local database file (default: $CLAIMREVIEW_DB, then the user data dir).",
    ),
]


def report_error(message: str) -> None:
    # Plain write, not Rich: an error must stay on one line whatever the terminal width.
    sys.stderr.write(f"claimreview: error: {one_line(message)}\n")


def db_path(db: Path | None) -> Path:
    return db if db is not None else default_db_path()


@contextmanager
def opened(db: Path | None, *, create: bool = True) -> Iterator[Store]:
    """The local store at ``--db`` (or the default path), closed when the block ends."""
    from claimreview.store import Store

    path = db_path(db)
    if not create and not path.exists():
        raise DatabaseError(missing_database(path, given=db is not None))
    store = Store.open(path, create=create)
    try:
        yield store
    finally:
        store.close()


def missing_database(path: Path, *, given: bool) -> str:
    """Why there is nothing at ``path``, and what to do: extract something, or use the demo's database."""
    message = f"{path}: no such database; run 'claimreview extract FILE...' first"
    demo = demo_db_path()
    if demo.exists() and path != demo:
        message += f", or use the demo's database: --db {demo}"
        if not given:
            message += " (or set CLAIMREVIEW_DB to it)"
    return message


def progress_bar(label: str = "{task.description}", *, eta: bool = True) -> Progress:
    """A bar on stderr, only on a terminal: a pipe or a log file gets the summary line and nothing else."""
    columns: list[ProgressColumn] = [TextColumn(label), BarColumn(), MofNCompleteColumn()]
    if eta:
        columns.append(TimeRemainingColumn())
    return Progress(*columns, console=stderr, disable=not stderr.is_terminal, transient=True)


# -- help text --------------------------------------------------------------------------------------


def _argument_usage(param: TyperArgument) -> str:
    name = param.metavar or (param.name or "").upper()
    if param.nargs != 1:
        name += "..."
    return name if param.required else f"[{name}]"


class Command(TyperCommand):
    """Help in the classic form, `extract [OPTIONS] FILE...` and `--db PATH`.

    Typer's own rendering shows `{files}...` and `<list[Path]>`, which read as template placeholders.
    Options name their value with ``metavar=``; arguments are drawn here because typer adds their type
    whatever their metavar says.
    """

    # Any: typer vendors click in recent versions, so the Context and HelpFormatter classes move between
    # releases; only their standard methods are used.
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces += [_argument_usage(p) for p in self.get_params(ctx) if isinstance(p, TyperArgument)]
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                if not param.hidden:
                    arguments.append((_argument_usage(param).strip("[]"), param.help or ""))
            elif (record := param.get_help_record(ctx)) is not None:
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


F = TypeVar("F", bound=Callable[..., Any])


def command(app: typer.Typer, name: str | None = None) -> Callable[[F], F]:
    """``app.command`` with the help layout above; every claimreview command is registered through it."""
    return app.command(name, cls=Command)
