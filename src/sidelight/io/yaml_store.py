"""YAML in and out: safe loaders only, stable key order, libyaml when present.

YAML is the source of truth a researcher can read and diff, so we dump with a fixed key order
(the order of the dicts we build) and block style, and read with the safe loader so that a file
carrying ``!!python/object`` tags is refused rather than executed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sidelight.core.errors import SidelightError
from sidelight.io.atomic import atomic_write_text

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
USING_LIBYAML = SafeLoader is not yaml.SafeLoader


class Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Safe dumper that writes multi-line strings as literal blocks, which diff line by line."""


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


Dumper.add_representer(str, _str_representer)


def dumps(data: Any) -> str:
    return yaml.dump(
        data, Dumper=Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )


def loads(text: str, source: str | Path = "<string>") -> Any:
    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - SafeLoader/CSafeLoader only
    except yaml.constructor.ConstructorError as exc:
        raise SidelightError(source, f"refused: unsafe or unknown YAML tag ({_where(exc)})") from None
    except yaml.YAMLError as exc:
        raise SidelightError(source, f"malformed YAML ({_where(exc)})") from None
    except (ValueError, TypeError, AttributeError, LookupError, OverflowError, RecursionError) as exc:
        # a value the resolver took for a date or number but cannot build: "2024-13-45", "!!int x"
        raise SidelightError(source, f"malformed YAML value ({exc})") from None


def _where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or exc.__class__.__name__
    if mark is not None:
        return f"line {mark.line + 1}: {problem}"
    return str(problem)


def load_file(path: str | Path) -> Any:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SidelightError(path, "file not found") from None
    except UnicodeDecodeError:
        raise SidelightError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise SidelightError(path, f"cannot read ({exc.strerror})") from None
    return loads(text, path)


def dump_file(path: str | Path, data: Any) -> None:
    atomic_write_text(path, dumps(data))
