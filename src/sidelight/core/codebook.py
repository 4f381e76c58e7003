"""The codebook: the codes researchers apply to spans, and the fields they fill per document.

A workspace keeps its codebook in ``codebook.yaml`` so that it can be read, edited by hand and
reviewed in git like everything else. Every code has a stable id: renaming or recolouring a code
never touches annotation files, and merging code A into B only marks A as ``merged_into: B`` so
that annotations made with A (by any reviewer) count as B from then on.

A :class:`Codebook` is an immutable value; each edit returns a new one. That is what makes undo
trivial (the command keeps the codebook before and after) and keeps the GUI from seeing a
half-made change.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from sidelight.core import metadata, palette
from sidelight.core.errors import SidelightError
from sidelight.core.field_reader import FieldReader

CODEBOOK_FILE = "codebook.yaml"
CODEBOOK_SCHEMA = 1
FIELD_KINDS = ("choice", "text", "code", "stances")
AXIS_MIN, AXIS_MAX = -2, 2


@dataclass(frozen=True)
class Code:
    id: str
    name: str
    group: str
    colour: str
    description: str = ""
    retired: bool = False
    merged_into: str | None = None


@dataclass(frozen=True)
class CodeGroup:
    """A family of codes; *exclusive* groups allow one code per annotation (e.g. polarity)."""

    id: str
    name: str
    description: str = ""
    exclusive: bool = False
    enabled: bool = True


@dataclass(frozen=True)
class DocumentField:
    """One document-level field: kind is choice, text, code (from *group*) or stances."""

    id: str
    label: str
    kind: str
    choices: tuple[str, ...] = ()
    group: str | None = None
    description: str = ""


@dataclass(frozen=True)
class PerspectiveAxis:
    """A researcher-defined axis; documents sit from -2 (*low* pole) to +2 (*high* pole)."""

    id: str
    name: str
    low: str
    high: str
    description: str = ""


@dataclass(frozen=True)
class Codebook:
    groups: tuple[CodeGroup, ...] = ()
    codes: tuple[Code, ...] = ()
    document_fields: tuple[DocumentField, ...] = ()
    axes: tuple[PerspectiveAxis, ...] = ()

    # -- looking up ------------------------------------------------------------------------
    @cached_property
    def _code_index(self) -> dict[str, Code]:
        return {c.id: c for c in self.codes}

    def get(self, code_id: str) -> Code | None:
        return self._code_index.get(code_id)

    def code(self, code_id: str) -> Code:
        found = self._code_index.get(code_id)
        if found is None:
            raise SidelightError(CODEBOOK_FILE, f"no code with id '{code_id}'")
        return found

    def group(self, group_id: str) -> CodeGroup:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise SidelightError(CODEBOOK_FILE, f"no code group with id '{group_id}'")

    def axis(self, axis_id: str) -> PerspectiveAxis:
        for axis in self.axes:
            if axis.id == axis_id:
                return axis
        raise SidelightError(CODEBOOK_FILE, f"no perspective axis with id '{axis_id}'")

    def resolve(self, code_id: str) -> str:
        """The code an id stands for now, following merges (A merged into B gives B)."""
        seen = {code_id}
        code = self.get(code_id)
        while code is not None and code.merged_into and code.merged_into not in seen:
            seen.add(code.merged_into)
            code_id = code.merged_into
            code = self.get(code_id)
        return code_id

    def codes_in(self, group_id: str, include_retired: bool = False) -> list[Code]:
        return [c for c in self.codes if c.group == group_id and (include_retired or not c.retired)]

    def active_codes(self) -> list[Code]:
        """Codes to offer when coding: not retired, in an enabled group."""
        enabled = {g.id for g in self.groups if g.enabled}
        return [c for c in self.codes if not c.retired and c.group in enabled]

    def colour_of(self, code_id: str) -> str:
        code = self.get(self.resolve(code_id))
        return code.colour if code else "#BBBBBB"

    def name_of(self, code_id: str) -> str:
        code = self.get(self.resolve(code_id))
        return code.name if code else f"unknown code '{code_id}'"

    # -- editing (each returns a new codebook) -----------------------------------------------
    def add_code(self, name: str, group_id: str, description: str = "", colour: str | None = None) -> tuple[Codebook, Code]:
        self.group(group_id)
        name = _clean_name(name, "code")
        base = metadata.slugify(f"{group_id}-{name}", limit=48)
        code_id, n = base, 2
        while code_id in self._code_index:
            code_id, n = f"{base}-{n}", n + 1
        colour = colour or palette.next_colour(c.colour for c in self.codes_in(group_id, include_retired=True))
        code = Code(code_id, name, group_id, _checked_colour(colour), description)
        # after the last code of its group: the order codebook.yaml lists them in
        at = max((i + 1 for i, c in enumerate(self.codes) if c.group == group_id), default=len(self.codes))
        return dataclasses.replace(self, codes=self.codes[:at] + (code,) + self.codes[at:]), code

    def rename_code(self, code_id: str, name: str) -> Codebook:
        return self._replace_code(code_id, name=_clean_name(name, "code"))

    def recolour_code(self, code_id: str, colour: str) -> Codebook:
        return self._replace_code(code_id, colour=_checked_colour(colour))

    def describe_code(self, code_id: str, description: str) -> Codebook:
        return self._replace_code(code_id, description=description.strip())

    def retire_code(self, code_id: str, retired: bool = True) -> Codebook:
        return self._replace_code(code_id, retired=retired)

    def merge_codes(self, code_id: str, into_id: str) -> Codebook:
        into = self.code(self.resolve(into_id))
        if self.resolve(code_id) == into.id:
            raise SidelightError(CODEBOOK_FILE, f"cannot merge '{self.name_of(code_id)}' into itself")
        return self._replace_code(code_id, retired=True, merged_into=into.id)

    def set_group_enabled(self, group_id: str, enabled: bool) -> Codebook:
        group = self.group(group_id)
        groups = tuple(dataclasses.replace(g, enabled=enabled) if g is group else g for g in self.groups)
        return dataclasses.replace(self, groups=groups)

    def put_axis(self, name: str, low: str, high: str, description: str = "", axis_id: str | None = None) -> tuple[Codebook, PerspectiveAxis]:
        """Add an axis, or change the one with *axis_id* (its id stays)."""
        taken = {a.id for a in self.axes}
        if axis_id is None:
            base = metadata.slugify(_clean_name(name, "axis"), limit=40)
            axis_id, n = base, 2
            while axis_id in taken:
                axis_id, n = f"{base}-{n}", n + 1
        elif axis_id not in taken:
            self.axis(axis_id)
        axis = PerspectiveAxis(axis_id, _clean_name(name, "axis"), _clean_name(low, "pole"), _clean_name(high, "pole"), description.strip())
        if axis_id in taken:
            axes = tuple(axis if a.id == axis_id else a for a in self.axes)
        else:
            axes = self.axes + (axis,)
        return dataclasses.replace(self, axes=axes), axis

    def remove_axis(self, axis_id: str) -> Codebook:
        self.axis(axis_id)
        return dataclasses.replace(self, axes=tuple(a for a in self.axes if a.id != axis_id))

    def _replace_code(self, code_id: str, **changes: Any) -> Codebook:
        old = self.code(code_id)
        new = dataclasses.replace(old, **changes)
        return dataclasses.replace(self, codes=tuple(new if c.id == code_id else c for c in self.codes))

    # -- YAML --------------------------------------------------------------------------------
    def as_yaml(self) -> dict[str, Any]:
        groups = []
        for group in self.groups:
            entry: dict[str, Any] = {"id": group.id, "name": group.name}
            if group.description:
                entry["description"] = group.description
            if group.exclusive:
                entry["exclusive"] = True
            if not group.enabled:
                entry["enabled"] = False
            entry["codes"] = [_code_yaml(c) for c in self.codes if c.group == group.id]
            groups.append(entry)
        return {
            "schema": CODEBOOK_SCHEMA,
            "groups": groups,
            "document_fields": [_field_yaml(f) for f in self.document_fields],
            "axes": [_drop_empty(dataclasses.asdict(a)) for a in self.axes],
        }

    @classmethod
    def from_yaml(cls, data: Any, path: str | Path | None = CODEBOOK_FILE) -> Codebook:
        top = FieldReader(data, path, "codebook")
        schema = top.data.get("schema")
        if schema != CODEBOOK_SCHEMA:
            raise top.fail(f"unsupported schema version {schema!r} (this Sidelight reads {CODEBOOK_SCHEMA})", "schema")
        groups: list[CodeGroup] = []
        codes: list[Code] = []
        for gi, raw_group in enumerate(top.records("groups"), 1):
            g = FieldReader(raw_group, path, f"group {gi}", ("groups", gi - 1))
            group = CodeGroup(g.text("id"), g.text("name"), g.text("description", ""), g.flag("exclusive", False), g.flag("enabled", True))
            groups.append(group)
            used: list[str] = []
            for ci, raw_code in enumerate(g.records("codes"), 1):
                c = FieldReader(raw_code, path, f"group '{group.id}', code {ci}", ("groups", gi - 1, "codes", ci - 1))
                colour = c.text("colour", "") or c.text("color", "")
                if colour and not palette.is_colour(colour):
                    raise c.fail(f"colour {colour!r} is not of the form #RRGGBB", "colour")
                colour = colour or palette.next_colour(used)
                used.append(colour)
                merged = c.text("merged_into", "") or None
                codes.append(Code(c.text("id"), c.text("name"), group.id, colour, c.text("description", ""), c.flag("retired", bool(merged)), merged))
        fields = []
        for fi, raw_field in enumerate(top.records("document_fields"), 1):
            f = FieldReader(raw_field, path, f"document field {fi}", ("document_fields", fi - 1))
            kind = f.text("kind")
            if kind not in FIELD_KINDS:
                raise f.fail(f"kind {kind!r} is not one of {', '.join(FIELD_KINDS)}", "kind")
            fields.append(DocumentField(f.text("id"), f.text("label"), kind, f.texts("choices"), f.text("group", "") or None, f.text("description", "")))
        axes = []
        for ai, raw_axis in enumerate(top.records("axes"), 1):
            a = FieldReader(raw_axis, path, f"axis {ai}", ("axes", ai - 1))
            axes.append(PerspectiveAxis(a.text("id"), a.text("name"), a.text("low"), a.text("high"), a.text("description", "")))
        book = cls(tuple(groups), tuple(codes), tuple(fields), tuple(axes))
        book._check_ids(path)
        return book

    def _check_ids(self, path: str | Path | None) -> None:
        for label, ids in (("group", [g.id for g in self.groups]), ("code", [c.id for c in self.codes]),
                           ("document field", [f.id for f in self.document_fields]), ("axis", [a.id for a in self.axes])):
            seen: set[str] = set()
            for item_id in ids:
                if item_id in seen:
                    raise SidelightError(path, f"{label} id '{item_id}' is used twice")
                seen.add(item_id)
        for code in self.codes:
            if code.merged_into and code.merged_into not in self._code_index:
                raise SidelightError(path, f"code '{code.id}' is merged into unknown code '{code.merged_into}'")


def default_codebook() -> Codebook:
    """The codebook every new workspace starts from (shipped as package data)."""
    from sidelight.io import yaml_store

    text = resources.files("sidelight").joinpath("data", "default_codebook.yaml").read_text(encoding="utf-8")
    return Codebook.from_yaml(yaml_store.loads(text, "default_codebook.yaml"), "default_codebook.yaml")


def load_codebook(path: str | Path) -> Codebook:
    from sidelight.io import yaml_store

    return Codebook.from_yaml(yaml_store.load_file(path), path)


def _code_yaml(code: Code) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": code.id, "name": code.name, "colour": code.colour}
    if code.description:
        entry["description"] = code.description
    if code.retired:
        entry["retired"] = True
    if code.merged_into:
        entry["merged_into"] = code.merged_into
    return entry


def _field_yaml(f: DocumentField) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": f.id, "label": f.label, "kind": f.kind}
    if f.choices:
        entry["choices"] = list(f.choices)
    if f.group:
        entry["group"] = f.group
    if f.description:
        entry["description"] = f.description
    return entry


def _drop_empty(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if v not in ("", None)}


def _clean_name(name: str, what: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise SidelightError(CODEBOOK_FILE, f"a {what} needs a name")
    return cleaned


def _checked_colour(colour: str) -> str:
    if not palette.is_colour(colour):
        raise SidelightError(CODEBOOK_FILE, f"colour {colour!r} is not of the form #RRGGBB")
    return colour.upper()


