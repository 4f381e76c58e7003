"""The YAML format of one reviewer's annotations on one source, and its migrations.

The layout is written for people and for ``git diff``: fixed key order, one record per list
entry, records sorted by position, empty optional fields left out. See
``docs/annotation-format.md``. Each file carries ``schema: N``; files from older versions are
upgraded on reading by the migrator functions registered below (one per version step), and old
sample files live in ``tests/data`` so that a format change cannot silently break them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from sidelight.core.anchoring import Selector
from sidelight.core.annotations import (
    RELATIONS,
    AnnotationFile,
    DocumentAnnotation,
    Link,
    LinkEnd,
    SpanAnnotation,
    Stance,
)
from sidelight.core.field_reader import FieldError, FieldReader
from sidelight.io import yaml_store

ANNOTATION_SCHEMA = 1
Migrator = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migrator] = {}


def migrator(from_version: int) -> Callable[[Migrator], Migrator]:
    """Register a function that turns a file of *from_version* into one of the next version."""

    def register(func: Migrator) -> Migrator:
        MIGRATIONS[from_version] = func
        return func

    return register


@migrator(0)
def _from_0(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 (before release): ``version: 0``, one ``code`` per annotation, offsets and
    ``text`` at the top level of each annotation, ``comment`` and ``date``."""
    out: dict[str, Any] = {"schema": 1, "source": data.get("source"), "reviewer": data.get("reviewer")}
    spans = []
    for old in data.get("annotations") or []:
        if not isinstance(old, dict):
            spans.append(old)  # left for the reader to report with its position
            continue
        code = old.get("code")
        spans.append({
            "id": old.get("id"),
            "codes": [code] if code is not None else [],
            "note": old.get("comment") or "",
            "reviewer": data.get("reviewer"),
            "created": old.get("date") or "",
            "modified": old.get("date") or "",
            "selector": {
                "start": old.get("start"), "end": old.get("end"), "exact": old.get("text"),
                "prefix": "", "suffix": "", "source_hash": "",
            },
        })
    out["annotations"] = spans
    out["links"] = []
    return out


def schema_of(data: Any) -> Any:
    if not isinstance(data, dict):
        return None
    return data.get("schema", data.get("version"))


def migrate(data: Any, path: str | Path | None) -> dict[str, Any]:
    """*data* upgraded to the current schema (a copy when anything changes)."""
    version = schema_of(data)
    if not isinstance(data, dict):
        raise FieldError(path, "expected a mapping with 'schema', 'source' and 'annotations'")
    if version == ANNOTATION_SCHEMA:
        return data
    if isinstance(version, bool) or not isinstance(version, int):
        raise FieldError(path, f"missing or unreadable schema version {version!r} (expected schema: {ANNOTATION_SCHEMA})", ("schema",))
    if version > ANNOTATION_SCHEMA:
        raise FieldError(path, f"schema version {version} was written by a newer Sidelight (this one reads up to {ANNOTATION_SCHEMA})", ("schema",))
    if version not in MIGRATIONS:
        raise FieldError(path, f"unsupported schema version {version} (expected {ANNOTATION_SCHEMA})", ("schema",))
    data = copy.deepcopy(data)
    while version < ANNOTATION_SCHEMA:
        data = MIGRATIONS[version](data)
        version += 1
    return data


# -- reading --------------------------------------------------------------------------------
def file_from_yaml(data: dict[str, Any], path: str | Path | None, source_id: str | None = None, reviewer: str | None = None) -> AnnotationFile:
    """An AnnotationFile from current-schema *data*; *source_id*/*reviewer* are what the path says."""
    top = FieldReader(data, path, "file")
    file_source = top.text("source")
    file_reviewer = top.text("reviewer")
    if source_id is not None and file_source != source_id:
        raise top.fail(f"the file is named for source '{source_id}' but says source '{file_source}'", "source")
    if reviewer is not None and file_reviewer != reviewer:
        raise top.fail(f"the file is in reviewer '{reviewer}''s folder but says reviewer '{file_reviewer}'", "reviewer")
    result = AnnotationFile(file_source, file_reviewer)
    seen: set[str] = set()
    for index, raw in enumerate(top.records("annotations")):
        span = _span(FieldReader(raw, path, f"annotation {index + 1}", ("annotations", index)), file_source, file_reviewer)
        _unique(span.id, seen, top, ("annotations", index, "id"))
        result.spans[span.id] = span
    if top.data.get("document") is not None:
        result.document = _document(top.child("document", "document annotation"), file_source, file_reviewer)
        _unique(result.document.id, seen, top, ("document", "id"))
    for index, raw in enumerate(top.records("links")):
        link = _link(FieldReader(raw, path, f"link {index + 1}", ("links", index)), file_source, file_reviewer)
        _unique(link.id, seen, top, ("links", index, "id"))
        result.links[link.id] = link
    return result


def _unique(record_id: str, seen: set[str], top: FieldReader, location: tuple[str | int, ...]) -> None:
    if record_id in seen:
        raise FieldError(top.path, f"duplicate id '{record_id}' in this file", location)
    seen.add(record_id)


def _record_owner(r: FieldReader, reviewer: str) -> str:
    value = r.text("reviewer", reviewer)
    if value != reviewer:
        raise r.fail(f"says reviewer '{value}' in a file of reviewer '{reviewer}'", "reviewer")
    return value


def _span(r: FieldReader, source_id: str, reviewer: str) -> SpanAnnotation:
    return SpanAnnotation(
        id=r.text("id"), source_id=source_id, reviewer=_record_owner(r, reviewer),
        selector=_selector(r.child("selector", f"{r.where}, selector")),
        codes=r.texts("codes"), note=r.text("note", ""), target=r.text("target", ""),
        created=r.text("created", ""), modified=r.text("modified", ""),
    )


def _selector(r: FieldReader) -> Selector:
    start, end = r.integer("start"), r.integer("end")
    if start < 0 or end <= start:
        raise r.fail(f"offsets {start}-{end} do not make a span (start must be >= 0 and below end)", "start")
    exact = r.text("exact")
    if not exact:
        raise r.fail("the quote ('exact') is empty", "exact")
    return Selector(start, end, exact, r.text("prefix", ""), r.text("suffix", ""), r.text("source_hash", ""))


def _document(r: FieldReader, source_id: str, reviewer: str) -> DocumentAnnotation:
    values = {}
    for key, value in r.mapping("values").items():
        if isinstance(value, (dict, list)) or value is None:
            raise r.fail(f"value of '{key}' should be text", "values")
        values[str(key)] = str(value)
    stances = []
    for index, raw in enumerate(r.records("stances")):
        s = FieldReader(raw, r.path, f"{r.where}, stance {index + 1}", r.location + ("stances", index))
        stances.append(Stance(s.text("actor"), s.text("stance")))
    axes = {}
    for key, value in r.mapping("axes").items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise r.fail(f"position on axis '{key}' should be a whole number from -2 to 2", "axes")
        axes[str(key)] = value
    return DocumentAnnotation(
        id=r.text("id"), source_id=source_id, reviewer=_record_owner(r, reviewer), values=values,
        stances=tuple(stances), axes=axes, note=r.text("note", ""),
        created=r.text("created", ""), modified=r.text("modified", ""),
    )


def _link(r: FieldReader, source_id: str, reviewer: str) -> Link:
    relation = r.text("relation")
    if relation not in RELATIONS:
        raise r.fail(f"relation '{relation}' is not one of {', '.join(RELATIONS)}", "relation")
    a = _link_end(r.child("a", f"{r.where}, end a"))
    if a.source_id != source_id:
        raise r.fail(f"end a is in source '{a.source_id}'; a link belongs in the file of its end a", "a")
    return Link(
        id=r.text("id"), reviewer=_record_owner(r, reviewer), relation=relation, a=a,
        b=_link_end(r.child("b", f"{r.where}, end b")), note=r.text("note", ""),
        created=r.text("created", ""), modified=r.text("modified", ""),
    )


def _link_end(r: FieldReader) -> LinkEnd:
    return LinkEnd(r.text("source"), _selector(r.child("selector", f"{r.where}, selector")))


# -- writing --------------------------------------------------------------------------------
class AnnotationDumper(yaml_store.Dumper):
    """Multi-line notes as literal blocks; text with edge newlines or spaces (a quote's context
    often starts or ends with a paragraph break) double-quoted with escapes, which reads and
    diffs better than YAML's ``|+`` and ``|2-`` blocks."""


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if "\n" in data:
        plain_edges = data == data.strip() and not any(line != line.rstrip() for line in data.split("\n"))
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if plain_edges else '"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


AnnotationDumper.add_representer(str, _str_representer)


def dumps(afile: AnnotationFile) -> str:
    return yaml.dump(file_to_yaml(afile), Dumper=AnnotationDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


def file_to_yaml(afile: AnnotationFile) -> dict[str, Any]:
    data: dict[str, Any] = {"schema": ANNOTATION_SCHEMA, "source": afile.source_id, "reviewer": afile.reviewer}
    if afile.document is not None:
        data["document"] = _document_yaml(afile.document)
    data["annotations"] = [_span_yaml(a) for a in afile.sorted_spans()]
    data["links"] = [_link_yaml(k) for k in afile.sorted_links()]
    return data


def _span_yaml(a: SpanAnnotation) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": a.id, "codes": list(a.codes)}
    if a.target:
        entry["target"] = a.target
    if a.note:
        entry["note"] = a.note
    entry.update(reviewer=a.reviewer, created=a.created, modified=a.modified, selector=_selector_yaml(a.selector))
    return entry


def _selector_yaml(s: Selector) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix, "source_hash": s.source_hash}


def _document_yaml(d: DocumentAnnotation) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": d.id, "reviewer": d.reviewer, "created": d.created, "modified": d.modified}
    if d.values:
        entry["values"] = dict(d.values)
    if d.stances:
        entry["stances"] = [{"actor": s.actor, "stance": s.stance} for s in d.stances]
    if d.axes:
        entry["axes"] = dict(d.axes)
    if d.note:
        entry["note"] = d.note
    return entry


def _link_yaml(k: Link) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": k.id, "relation": k.relation}
    if k.note:
        entry["note"] = k.note
    entry.update(
        reviewer=k.reviewer, created=k.created, modified=k.modified,
        a={"source": k.a.source_id, "selector": _selector_yaml(k.a.selector)},
        b={"source": k.b.source_id, "selector": _selector_yaml(k.b.selector)},
    )
    return entry
