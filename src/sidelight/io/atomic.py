"""Atomic file writes.

A researcher's files must be either the old version or the new one, never half of each: we write
to a temporary file in the same folder, fsync it, then rename it over the target (an atomic step
on POSIX and Windows), and fsync the folder so the rename itself survives a power cut.

``tempfile`` makes its files and folders private (0600, 0700) whatever the umask says. A
workspace is often shared on a server, so a replaced file keeps the mode it had and a new one
gets the mode the user's umask gives any file they create (0644 and 0755 under umask 022).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp_name, _mode_to_keep(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def fsync_dir(folder: str | Path) -> None:
    """Make a rename inside *folder* durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def new_file_mode() -> int:
    """The mode an ordinary new file gets: 0666 less the umask."""
    return 0o666 & ~current_umask()


def new_folder_mode() -> int:
    """The mode an ordinary new folder gets: 0777 less the umask."""
    return 0o777 & ~current_umask()


def _mode_to_keep(path: Path) -> int:
    """The permission bits of the file about to be replaced, or a new file's when there is none."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return new_file_mode()


def current_umask() -> int:
    """The process's umask, read without setting it.

    ``os.umask`` can only read by setting, and a thread creating a file in between would get
    the wrong mode; Linux shows the umask in /proc/self/status. Elsewhere we fall back to the
    umask seen when this module was imported.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return _UMASK_AT_IMPORT


def _read_umask_by_setting() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK_AT_IMPORT = _read_umask_by_setting()
