"""Reading fields out of hand-editable YAML mappings, with errors a researcher can act on.

Codebook and annotation files are edited by hand and merged with git, so any value can turn up
with any type. Every reader here either returns the expected type or raises a
:class:`SidelightError` that names the file, the record and the field.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from sidelight.core.errors import SidelightError

Location = tuple[str | int, ...]


class FieldError(SidelightError):
    """A bad field; *location* is its key path in the file (e.g. ``("annotations", 2, "codes")``),
    which lets ``sidelight check`` report the line it is on."""

    def __init__(self, path: str | Path | None, problem: str, location: Location = ()):
        super().__init__(path, problem)
        self.location = location


class FieldReader:
    """Typed access to one mapping; *where* names the record in messages ("annotation 3")."""

    def __init__(self, data: Any, path: str | Path | None, where: str, location: Location = ()):
        self.data = data
        self.path = path
        self.where = where
        self.location = location
        if not isinstance(data, dict):
            raise self.fail(f"expected a mapping of fields, found {_kind(data)}")

    def fail(self, message: str, key: str | int | None = None) -> FieldError:
        location = self.location if key is None else self.location + (key,)
        return FieldError(self.path, f"{self.where}: {message}", location)

    def child(self, key: str, where: str) -> FieldReader:
        """The mapping under *key*, read with its own name in messages."""
        return FieldReader(self.data.get(key), self.path, where, self.location + (key,))

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key)
        if value is None:
            if default is None:
                raise self.fail(f"missing required field '{key}'")
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float, datetime, date)):
            raise self.fail(f"field '{key}' should be text, found {_kind(value)}", key)
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        return str(value)

    def integer(self, key: str, default: int | None = None) -> int:
        value = self.data.get(key)
        if value is None and default is not None:
            return default
        if value is None:
            raise self.fail(f"missing required field '{key}'")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"field '{key}' should be a whole number, found {_kind(value)}", key)
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(f"field '{key}' should be true or false, found {_kind(value)}", key)
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            raise self.fail(f"field '{key}' should be a list, found {_kind(value)}", key)
        out = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise self.fail(f"field '{key}' should list text values, found {_kind(item)}", key)
            out.append(str(item))
        return tuple(out)

    def records(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"field '{key}' should be a list, found {_kind(value)}", key)
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(f"field '{key}' should be a mapping, found {_kind(value)}", key)
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}
    return names.get(type(value), type(value).__name__)
