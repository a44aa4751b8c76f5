"""Writing files completely or not at all: a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator


def atomic_write(path: str, data: bytes) -> None:
    """Replace `path` with `data`. A crash, Ctrl-C or full disk at any moment leaves either the old
    file or the new one, never a mix: rename within one folder is atomic on POSIX and Windows."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def locked(path: str, timeout: float = 60) -> Iterator[None]:
    """Hold an exclusive lock for `path` (a lock file beside it, since the file itself is replaced by
    rename). Other tthc processes appending to the same file wait their turn."""
    from filelock import FileLock

    folder, name = os.path.split(os.path.abspath(path))
    with FileLock(os.path.join(folder, f".{name}.lock"), timeout=timeout):
        yield
