"""The workspace: a folder of sources and annotations that a researcher opens as one project.

The workspace is the aggregate the rest of Sidelight works on. It reads every good source and
collects the bad ones as problems (so one broken file never hides the other forty), and it
imports new files transactionally: a source folder appears complete or not at all.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sidelight.core import cleaning, importers, metadata, textio
from sidelight.core.errors import DuplicateImport, SidelightError, WorkspaceError
from sidelight.core.field_reader import FieldError
from sidelight.core.sources import HTML_LEFT_OUT, UNKNOWN, Source, SourceMeta, content_hash, content_hash_bytes
from sidelight.io import yaml_store
from sidelight.io.atomic import atomic_write_bytes, fsync_dir, new_folder_mode

log = logging.getLogger(__name__)

SOURCES = "sources"
ANNOTATIONS = "annotations"
META_FILE = "source.yaml"
TEXT_FILE = "text.txt"

Progress = Callable[[int, int, str], None]


@dataclass
class ImportReport:
    imported: list[Source] = field(default_factory=list)
    refused: list[SidelightError] = field(default_factory=list)


def is_workspace(path: str | Path) -> bool:
    return (Path(path) / SOURCES).is_dir()


class Workspace:
    def __init__(self, root: Path):
        self.root = root
        self.sources: list[Source] = []
        self.problems: list[SidelightError] = []

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path) -> Workspace:
        root = Path(path).expanduser().resolve()
        if not root.exists():
            raise WorkspaceError(root, "folder does not exist")
        if not root.is_dir():
            raise WorkspaceError(root, "is a file, not a workspace folder")
        if not is_workspace(root):
            raise WorkspaceError(root, f"not a Sidelight workspace (no '{SOURCES}/' folder inside)")
        ws = cls(root)
        ws.reload()
        return ws

    @classmethod
    def create(cls, path: str | Path) -> Workspace:
        root = Path(path).expanduser().resolve()
        try:
            (root / SOURCES).mkdir(parents=True, exist_ok=True)
            (root / ANNOTATIONS).mkdir(exist_ok=True)
            ignore = root / ".gitignore"
            if not ignore.exists():  # shared through git: the cache is rebuilt, never committed
                ignore.write_text(".sidelight-cache/\n", encoding="utf-8")
        except OSError as exc:
            raise WorkspaceError(root, f"cannot create a workspace here ({exc.strerror})") from None
        return cls.open(root)

    @property
    def sources_dir(self) -> Path:
        return self.root / SOURCES

    def reload(self) -> None:
        self.sources, self.problems = [], []
        for folder in sorted(p for p in self.sources_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
            try:
                self.sources.append(load_source(folder))
            except SidelightError as exc:
                self.problems.append(exc)
        self.sources.sort(key=lambda s: (s.published == UNKNOWN, s.published, s.title.lower()))

    def unreadable_folders(self) -> set[str]:
        """Names of the source folders that are there but could not be read (see :attr:`problems`)."""
        return {exc.path.relative_to(self.sources_dir).parts[0] for exc in self.problems
                if exc.path is not None and exc.path.is_relative_to(self.sources_dir) and exc.path != self.sources_dir}

    def changed_on_disk(self) -> list[str]:
        """What changed in the sources folder since it was read: a text edited or gone, a source
        folder added or removed (by hand, by a sync tool). Empty when nothing did."""
        changes = []
        for source in self.sources:
            try:
                text = (source.folder / TEXT_FILE).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                changes.append(f"{SOURCES}/{source.folder.name}: gone or no longer readable")
                continue
            if text != source.text:
                changes.append(f"{SOURCES}/{source.folder.name}/{TEXT_FILE}: edited")
        read = {s.folder.name for s in self.sources} | self.unreadable_folders()
        try:
            folders = [p.name for p in self.sources_dir.iterdir() if p.is_dir() and not p.name.startswith(".")]
        except OSError:
            folders = []
        changes.extend(f"{SOURCES}/{name}: new" for name in sorted(set(folders) - read))
        return changes

    def get(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        if source_id in self.unreadable_folders():  # its folder is there, but it could not be read
            problem = next(p for p in self.problems if p.path is not None and p.path.is_relative_to(self.sources_dir / source_id))
            raise WorkspaceError(problem.path, f"source '{source_id}' could not be read: {problem.problem}")
        known = ", ".join(s.id for s in self.sources) or "none"
        raise WorkspaceError(self.root, f"no source with id '{source_id}' (known: {known})")

    # -- importing -------------------------------------------------------------------------
    def import_files(
        self,
        paths: Iterable[str | Path],
        outlet: str | None = None,
        progress: Progress | None = None,
        allow_duplicates: bool = False,
    ) -> ImportReport:
        files = [Path(p) for p in paths]
        report = ImportReport()
        self._check_writable()
        for index, path in enumerate(files):
            if progress:
                progress(index, len(files), path.name)
            try:
                report.imported.append(self.import_file(path, outlet=outlet, allow_duplicates=allow_duplicates))
            except SidelightError as exc:
                report.refused.append(exc)
            except Exception as exc:  # a bug met by one file: name the file, import the others, keep the details
                log.exception("importing %s failed", path)
                report.refused.append(SidelightError(path, f"could not be imported: unexpected error "
                                                           f"({exc.__class__.__name__}: {exc})"))
        if progress:
            progress(len(files), len(files), "")
        return report

    def import_file(self, path: str | Path, outlet: str | None = None, allow_duplicates: bool = False) -> Source:
        """Import one file as a new source; the same bytes twice only when *allow_duplicates*."""
        path = Path(path)
        extract = importers.importer_for(path)  # refuse unknown kinds before reading anything
        decoded = textio.read_text_file(path)
        if not allow_duplicates:
            self._refuse_duplicate(path, decoded.raw)
        extracted = extract(path, decoded.text)
        cleaned = cleaning.clean_text(extracted.text)
        if not cleaned.text.strip():
            raise SidelightError(path, "no article text is left after removing web boilerplate")
        if not allow_duplicates:
            self._refuse_same_text(path, cleaned.text)
        meta = self._metadata_for(path, decoded, extracted, cleaned, outlet)
        self._check_writable()
        folder = self._write_source(meta, cleaned.text, decoded.raw)
        source = Source(meta, cleaned.text, folder)
        self.sources.append(source)
        self.sources.sort(key=lambda s: (s.published == UNKNOWN, s.published, s.title.lower()))
        return source

    def _metadata_for(self, path, decoded, extracted, cleaned, outlet) -> SourceMeta:
        found = dict(cleaned.found)
        given = extracted.meta
        first = cleaned.text.split("\n", 1)[0]
        title = given.get("title") or metadata.title_of(first, path.name)
        extra = {k: v for k, v in found.items() if k in ("section", "publication", "contributors")}
        return SourceMeta(
            # A title with nothing to spell in ASCII (emoji, say) leaves the file's name to go by.
            id=self._free_id(metadata.slugify(title) if metadata.slugify(title) != "source"
                             else metadata.slugify(path.stem)),
            title=title,
            outlet=outlet or given.get("outlet") or metadata.guess_outlet(cleaned.text, found),
            author=metadata.clean_author(given.get("author")) or metadata.guess_author(cleaned.text, found),
            published=metadata.parse_date(given.get("published") or found.get("published")),
            url=given.get("url") or UNKNOWN,
            language=given.get("language") or metadata.guess_language(cleaned.text),
            content_hash=content_hash(cleaned.text),
            imported=datetime.now(UTC).replace(microsecond=0).isoformat(),
            original_file="original" + (path.suffix.lower() or ".txt"),
            original_name=path.name,
            original_encoding=decoded.encoding,
            original_hash=content_hash_bytes(decoded.raw),
            extra=extra,
            cleaning={
                "removed": [{"rule": HTML_LEFT_OUT, "line": line, "text": text}
                            for line, text in extracted.dropped] + [c.as_dict() for c in cleaned.removed],
                "repaired": [c.as_dict() for c in cleaned.repaired],
                "notes": extracted.notes + ([decoded.guess_note] if decoded.guess_note else []),
            },
        )

    def _refuse_duplicate(self, path: Path, raw: bytes) -> None:
        """A second copy of a source would split its annotations and double its claims."""
        original_hash = content_hash_bytes(raw)
        for source in self.sources:
            if source.meta.original_hash == original_hash:
                raise DuplicateImport(path, source.id)

    def _refuse_same_text(self, path: Path, text: str) -> None:
        """The same article saved in another encoding or as HTML instead of text: other bytes,
        the same cleaned text, the same duplicate."""
        wanted = content_hash(text)
        for source in self.sources:
            if content_hash(source.text) == wanted:
                raise DuplicateImport(path, source.id)

    def _free_id(self, base: str) -> str:
        taken = {s.id for s in self.sources} | {p.name for p in self.sources_dir.iterdir()}
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _check_writable(self) -> None:
        if not os.access(self.sources_dir, os.W_OK):
            raise WorkspaceError(self.sources_dir, "folder is read-only; nothing was imported")

    def _write_source(self, meta: SourceMeta, text: str, raw: bytes) -> Path:
        """Write into a hidden temporary folder, then rename it into place in one step."""
        final = self.sources_dir / meta.id
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{meta.id}.", dir=self.sources_dir))
        except OSError as exc:
            raise WorkspaceError(self.sources_dir, f"cannot write ({exc.strerror}); nothing was imported") from None
        try:
            os.chmod(tmp, new_folder_mode())  # mkdtemp's 0700 would hide the source from colleagues
            atomic_write_bytes(tmp / TEXT_FILE, text.encode("utf-8"))
            atomic_write_bytes(tmp / meta.original_file, raw)
            yaml_store.dump_file(tmp / META_FILE, meta.as_yaml())
            os.rename(tmp, final)
            fsync_dir(self.sources_dir)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise WorkspaceError(final, f"cannot write ({exc.strerror}); nothing was imported") from None
        return final


def load_source(folder: Path) -> Source:
    meta_path = folder / META_FILE
    data = yaml_store.load_file(meta_path)
    if not isinstance(data, dict):
        raise SidelightError(meta_path, "expected a mapping of metadata fields")
    if data.get("schema") != 1:
        raise FieldError(meta_path, f"unsupported schema version {data.get('schema')!r} (expected 1)", ("schema",))
    for required in ("id", "title"):
        if not data.get(required):
            raise SidelightError(meta_path, f"missing required field '{required}'")
    for key in ("id", "title", "outlet", "author", "published", "url", "language"):
        if isinstance(data.get(key), (list, dict)):
            raise FieldError(meta_path, f"'{key}' must be one line of text, not a "
                             f"{'list' if isinstance(data[key], list) else 'mapping'}", (key,))
    for key in ("extra", "cleaning"):
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise FieldError(meta_path, f"'{key}' must be a mapping of fields", (key,))
    if str(data["id"]) != folder.name:
        # compare, annotations and the JSON's offsets all point at sources/<id>/
        raise FieldError(meta_path, f"id '{data['id']}' is not the name of its folder, '{folder.name}': "
                         f"set id: {folder.name}, or rename the folder to {data['id']}", ("id",))
    try:
        meta = SourceMeta.from_yaml(data)
    except TypeError as exc:
        raise SidelightError(meta_path, f"bad metadata ({exc})") from None
    text_path = folder / TEXT_FILE
    try:
        text = text_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SidelightError(text_path, "cleaned text is missing") from None
    except UnicodeDecodeError:
        raise SidelightError(text_path, "cleaned text is not UTF-8") from None
    return Source(meta, text, folder)
