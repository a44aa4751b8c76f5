"""Files on disk, handled so that hostile ones cost nothing: bounded reads of regular files only, -o
targets checked, writes complete or absent (temporary file, fsync, rename), locks. No words here: an
error carries the path and the kind of file it found (present/ says it in the reader's language), so
i18n can read its own catalogue through read_regular too."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from enum import StrEnum


class FileKind(StrEnum):
    """What a path that is not a regular file turned out to be."""

    FOLDER = "folder"
    FIFO = "fifo"
    SOCKET = "socket"
    DEVICE = "device"
    OTHER = "other"


def file_kind(mode: int) -> FileKind:
    if stat.S_ISDIR(mode):
        return FileKind.FOLDER
    if stat.S_ISFIFO(mode):
        return FileKind.FIFO
    if stat.S_ISSOCK(mode):
        return FileKind.SOCKET
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return FileKind.DEVICE
    return FileKind.OTHER


class FileKindError(OSError):
    """The path exists but is not a regular file (a folder, device, FIFO or socket)."""

    def __init__(self, path: str, kind: FileKind) -> None:
        super().__init__(f"{path}: {kind}")
        self.path, self.kind = path, kind


class Oversized(bytes):
    """The first bytes of a file longer than the bound it was read with (one byte over it, so a
    caller can tell), and `size`: the file's real size, for the message that refuses it."""

    size: int

    def __new__(cls, head: bytes, size: int) -> Oversized:
        read = super().__new__(cls, head)
        read.size = max(size, len(head))
        return read


def read_regular(path: str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the regular file `path` (so a caller can tell 'too large': then an
    Oversized, which knows the file's size). A FIFO,
    device or socket — or a symlink to one — is refused before it is opened: /dev/zero would never
    end and a FIFO would block forever. The file is opened non-blocking and checked again, so one
    swapped in between the two looks cannot hang the reader either."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise FileKindError(path, file_kind(st.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileKindError(path, file_kind(st.st_mode))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks) if left > 0 else Oversized(b"".join(chunks), os.fstat(fd).st_size)
    finally:
        os.close(fd)


def output_target(path: str) -> str:
    """The file `-o path` should replace: `path` itself, or the regular file a symlink points to
    (written through, as `>` would). A device, FIFO, socket or folder — directly or through a
    symlink — raises FileKindError: replacing /dev/null with a regular file, or blocking on a FIFO,
    is never what was meant."""
    try:
        st = os.stat(path)  # follows links the kernel resolves, /dev/stdout -> pipe:[…] included
    except FileNotFoundError:
        return os.path.realpath(path)
    if not stat.S_ISREG(st.st_mode):
        raise FileKindError(path, file_kind(st.st_mode))
    return os.path.realpath(path)


def atomic_write(path: str, data: bytes, *, mode: int | None = None, follow_symlinks: bool = True) -> None:
    """Replace `path` with `data`. A crash, Ctrl-C or full disk at any moment leaves either the old
    file or the new one, never a mix: rename within one folder is atomic on POSIX and Windows.
    A symlink is written through (the file it points to is replaced, the link stays); an existing
    file keeps its permissions and, where the system allows, its owner and group. `mode` forces the
    permissions (0o600 for private caches); follow_symlinks=False replaces a symlink itself (a cache
    must never write where a link planted in a shared folder points)."""
    path = os.path.realpath(path) if follow_symlinks else os.path.abspath(path)
    folder = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            old = os.stat(path) if follow_symlinks else None
        except FileNotFoundError:
            old = None
        if mode is not None:
            os.chmod(tmp, mode)
        elif old is not None:
            os.chmod(tmp, old.st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        if old is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root (or the owner, for the group) may
                os.chown(tmp, old.st_uid, old.st_gid)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def locked(path: str, timeout: float = 60) -> Iterator[None]:
    """Hold an exclusive lock for `path` (a lock file beside it, since the file itself is replaced by
    rename). Other tthc processes appending to the same file wait their turn."""
    from filelock import FileLock, Timeout

    folder, name = os.path.split(os.path.realpath(path))
    lock = FileLock(os.path.join(folder, f".{name}.lock"), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        # The library's own sentence is English; the reason is said where errors are worded.
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), path) from None
    try:
        yield
    finally:
        lock.release()


def create_folder_with(target: str, files: dict[str, bytes]) -> None:
    """Create the folder `target` holding exactly `files`, completely or not at all: they are written
    into a hidden folder beside it, which is then renamed into place. `target` must not exist yet (or
    be an empty folder)."""
    parent = os.path.dirname(os.path.abspath(target))
    staging = tempfile.mkdtemp(
        dir=parent, prefix=f".{os.path.basename(os.path.abspath(target))}.", suffix=".tmp"
    )
    try:
        for name, data in files.items():
            path = os.path.join(staging, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(data)
        os.chmod(staging, 0o777 & ~_umask())
        if os.path.isdir(target):
            os.rmdir(target)  # empty (checked by the caller); rename cannot replace a folder on Windows
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
