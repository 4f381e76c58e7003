"""The ``sidelight`` command: the same core as the window, for scripts and pipelines.

``sidelight`` alone (or ``sidelight PATH``) opens the window; ``sidelight COMMAND ...`` runs a
subcommand. Each subcommand lives in its own module and registers itself with :func:`command`;
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from sidelight import __version__
from sidelight.cli.console import survive_narrow_consoles
from sidelight.core.errors import SidelightError
from sidelight.core.labels import plural as plural  # re-exported for the command modules

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {}


def command(name: str, help: str, configure: Callable[[argparse.ArgumentParser], None]):
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = (help, configure, handler)
        return handler

    return register


EXIT_STATUS = (
    "exit status: 0 when all went well; 1 when the command ran but found problems or refused "
    "files (check, import, compare); 2 for a usage or input error (an unknown option, a missing "
    "workspace or source, a bad argument); 130 when interrupted."
)


def _load_commands() -> None:
    """Import every module of this package: importing one registers its commands."""
    import importlib
    import pkgutil

    import sidelight.cli as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"sidelight.cli.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    _load_commands()
    parser = argparse.ArgumentParser(
        prog="sidelight",
        description="Compare how news outlets cover the same event. "
        "Run without a command (or with a workspace PATH) to open the window.",
        epilog=EXIT_STATUS,
    )
    parser.add_argument("--version", action="version", version=f"sidelight {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("workspace", nargs="?", help="workspace folder (default: current folder if it is one)")
    for name, (help_text, configure, _handler) in sorted(COMMANDS.items()):
        configure(sub.add_parser(name, help=help_text, description=help_text, epilog=EXIT_STATUS))
    return parser


_MEANT = {"export": "compare --format html", "report": "compare --format html", "open": "gui"}


def _looks_like_a_command(word: str) -> bool:
    """A bare word that names no file or folder is a mistyped command, not a workspace to open
    ("sidelight exprot" must not open a window saying the folder does not exist)."""
    from pathlib import Path

    return word.isascii() and word.replace("-", "").isalpha() and not Path(word).exists()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or (argv[0] not in COMMANDS and argv[0] != "gui" and not argv[0].startswith("-")):
        if argv and _looks_like_a_command(argv[0]):
            import difflib

            near = [_MEANT[argv[0]]] if argv[0] in _MEANT else difflib.get_close_matches(argv[0], [*COMMANDS, "gui"], n=1)
            hint = f"; did you mean '{near[0]}'?" if near else f"; commands: {', '.join(sorted(COMMANDS))}"
            print(f"sidelight: unknown command '{argv[0]}'{hint} (to open a folder, give its path)", file=sys.stderr)
            return 2
        argv = ["gui", *argv]
    args = parser.parse_args(argv)
    survive_narrow_consoles(getattr(args, "format", None))
    try:
        if args.command == "gui":
            from sidelight.gui.app import run_app  # Qt only from here on

            return run_app(args.workspace)
        return COMMANDS[args.command][2](args)
    except SidelightError as exc:
        print(f"sidelight: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the output cannot be written: a full disk, a closed terminal
        print(f"sidelight: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return 2

