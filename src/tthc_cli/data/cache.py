"""The cache folder: where it is, and files in it that only this user can have written.

tthc keeps two kinds of files there: compiled plans (plan_cache.py) and Vietnam's holiday tables
(holiday_cache.py). A cache can never change an answer: each file carries a digest of its own content
keyed with a secret only this user can read (an edited or planted file fails it), is used only when it
is a regular file owned by this user and readable by nobody else (0600), is read with a size bound,
and is checked for shape by its reader. On any doubt the caller recomputes, silently. The folder is
bounded: old compiled plans and stale temporary files are removed as new ones are written.
"""

from __future__ import annotations

import contextlib
import os
import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

FORMAT = 2
CACHE_DIR_ENV = "TTHC_CACHE_DIR"
NO_CACHE_ENV = "TTHC_NO_CACHE"


def cache_dir(environ: Mapping[str, str]) -> str | None:
    """The cache folder the environment asks for (TTHC_CACHE_DIR, else $XDG_CACHE_HOME/tthc, else
    ~/.cache/tthc), or None when TTHC_NO_CACHE is set. Read once, by the command line."""
    if environ.get(NO_CACHE_ENV):
        return None
    return environ.get(CACHE_DIR_ENV) or os.path.join(
        environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tthc"
    )


def hasher(data: bytes) -> Any:
    try:  # CPython's built-in BLAKE2: hashlib would also load OpenSSL (~3 ms) for nothing here.
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    return blake2b(data, digest_size=32)


MAX_CACHE_BYTES = 512 * 1024 * 1024  # a compiled 100,000-item plan is ~60 MB
_MAGIC = b"tthc-cache"
_SECRET = f"secret-{getattr(os, 'geteuid', lambda: '')()}.key"


def _private_file(path: str) -> int | None:
    """An open descriptor for `path` if it is a regular file (not a symlink) owned by this user and
    closed to everyone else; else None. Checked on the open file, so nothing can be swapped in."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    st = os.fstat(fd)
    geteuid = getattr(os, "geteuid", None)
    if (
        not stat.S_ISREG(st.st_mode)
        or st.st_size > MAX_CACHE_BYTES
        or (geteuid is not None and (st.st_uid != geteuid() or st.st_mode & 0o077))
    ):
        os.close(fd)
        return None
    return fd


def _read_fd(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = limit + 1
    try:
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 24))):
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _secret(base: str, create: bool) -> bytes | None:
    """This user's key for the cache digests, made on first use (32 random bytes, 0600)."""
    path = os.path.join(base, _SECRET)
    fd = _private_file(path)
    if fd is not None:
        key = _read_fd(fd, 64)
        if len(key) == 32:
            return key
    if not create:
        return None
    from tthc_cli.fsutil import atomic_write

    key = os.urandom(32)
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        atomic_write(path, key, mode=0o600, follow_symlinks=False)
    except OSError:
        return None
    return key


def _digest(secret: bytes, body: bytes) -> bytes:
    try:  # see _hasher
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    return blake2b(body, key=secret, digest_size=32).hexdigest().encode()


def read_private(path: str) -> bytes | None:
    """The body of a cache file this user wrote and nobody changed since; None on any doubt."""
    fd = _private_file(path)
    if fd is None:
        return None
    raw = _read_fd(fd, MAX_CACHE_BYTES)
    header, _, body = raw.partition(b"\n")
    parts = header.split(b" ")
    if (
        len(raw) > MAX_CACHE_BYTES
        or len(parts) != 3
        or parts[0] != _MAGIC
        or parts[1] != str(FORMAT).encode()
    ):
        return None
    secret = _secret(os.path.dirname(path), create=False)
    if secret is None:
        return None
    import hmac

    return body if hmac.compare_digest(parts[2], _digest(secret, body)) else None


def write_private(path: str, body: bytes) -> None:
    """Save a cache file (0600, digest first); any failure (read-only home, full disk) means no cache."""
    from tthc_cli.fsutil import atomic_write

    base = os.path.dirname(path)
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        secret = _secret(base, create=True)
        if secret is None:
            return
        header = b" ".join([_MAGIC, str(FORMAT).encode(), _digest(secret, body)])
        atomic_write(path, header + b"\n" + body, mode=0o600, follow_symlinks=False)
    except OSError:
        pass


KEEP_PLANS = 32  # compiled plans kept: one per data folder used, the least recently written go first
_PLAN_FILE = re.compile(r"^[0-9a-f]{24}\.json$")
# Holiday tables kept: one per year asked about and version of the `holidays` package (a new version
# writes new tables; the old ones would otherwise stay for ever).
KEEP_HOLIDAY_TABLES = 64
_HOLIDAY_FILE = re.compile(r"^holidays-VN-[0-9]{4}-[0-9-]+\.json$")


def holiday_file(year: int, stamp: str) -> str:
    """The name of a year's holiday table computed by the `holidays` package whose stamp is `stamp`."""
    return f"holidays-VN-{year}-{stamp}.json"


_STALE_TMP_SECONDS = 3600


def prune(
    base: str, keep: int = KEEP_PLANS, now: float | None = None, keep_tables: int = KEEP_HOLIDAY_TABLES
) -> None:
    """Bound the cache folder: keep the `keep` most recently written compiled plans and the
    `keep_tables` most recent holiday tables, and drop the temporary files a killed writer left
    behind more than an hour ago. Never raises."""
    import time

    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(base))
    except OSError:
        return
    plans: list[tuple[float, str]] = []
    tables: list[tuple[float, str]] = []
    for entry in entries:
        try:
            kept = (
                plans if _PLAN_FILE.match(entry.name) else tables if _HOLIDAY_FILE.match(entry.name) else None
            )
            if kept is not None and entry.is_file(follow_symlinks=False):
                kept.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
            elif (
                entry.name.startswith(".")
                and entry.name.endswith(".tmp")
                and now - entry.stat(follow_symlinks=False).st_mtime > _STALE_TMP_SECONDS
            ):
                os.unlink(entry.path)
        except OSError:
            continue
    plans.sort(reverse=True)
    tables.sort(reverse=True)
    for _mtime, path in plans[keep:] + tables[keep_tables:]:
        with contextlib.suppress(OSError):
            os.unlink(path)
