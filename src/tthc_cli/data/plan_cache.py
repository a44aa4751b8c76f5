"""The compiled plan: a validated data set saved as JSON, keyed by the exact bytes it came from.

Reading YAML and validating it with Pydantic costs far more than answering a question. Once a set of
files has validated, its compiled form is saved; the next run whose files (and tthc itself) are
byte-for-byte the same reads it back instead. Anything different — one byte of one file, another
tthc version, an edited module — misses, and the files are validated again. Invalid data is never
saved, so problems are always reported from the files themselves.

A cache can never change an answer: each file carries a digest of its own content keyed with a
secret only this user can read (an edited or planted file fails it), is used only when it is a
regular file owned by this user and readable by nobody else (0600), is read with a size bound,
and is checked for shape before use. On any doubt the files are validated again, silently.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
from datetime import date

from tthc_cli import __version__
from tthc_cli.domain.deadlines import Deadline, DeadlineKind, DeadlineWarning, Occurrence
from tthc_cli.domain.plan import AppendixInfo, Entry, Plan, PlanItem, PlanMeta
from tthc_cli.domain.units import GroupInfo, Registry, UnitInfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from tthc_cli.data.diagnostics import Diagnostic

FORMAT = 2
CACHE_DIR_ENV = "TTHC_CACHE_DIR"
NO_CACHE_ENV = "TTHC_NO_CACHE"


def _code_stamp() -> str:
    """Changes whenever tthc's own code does (a developer's edit included), or the holiday package
    that decided the effective due dates."""
    here = os.path.dirname(__file__)
    parts = [f"{__version__}/{FORMAT}", f"holidays:{_holidays_stamp()}"]
    for entry in sorted(os.scandir(here), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            st = entry.stat()
            parts.append(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def _hasher(data: bytes) -> Any:
    try:  # CPython's built-in BLAKE2: hashlib would also load OpenSSL (~3 ms) for nothing here.
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    return blake2b(data, digest_size=32)


def fingerprint(files: Mapping[str, bytes | None]) -> str:
    h = _hasher(_code_stamp().encode())
    for name in sorted(files):
        raw = files[name]
        h.update(f"\0{name}\0{-1 if raw is None else len(raw)}\0".encode())
        if raw is not None:
            h.update(raw)
    return str(h.hexdigest())


def cache_dir() -> str | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    return os.environ.get(CACHE_DIR_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tthc"
    )


def cache_path(data_dir: str) -> str | None:
    base = cache_dir()
    if base is None:
        return None
    # The user is part of the name: two people sharing one TTHC_CACHE_DIR never read each other's.
    user = getattr(os, "geteuid", lambda: "")()
    key = _hasher(f"{user}\0{os.path.realpath(data_dir)}".encode()).hexdigest()[:24]
    return os.path.join(base, f"{key}.json")


# --- Plan <-> JSON -----------------------------------------------------------------------------------


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _deadline_to_json(d: Deadline) -> dict[str, Any]:
    return {
        "text": d.text,
        "kind": d.kind.value,
        "start": _iso(d.start),
        "due": _iso(d.due),
        "window_end": _iso(d.window_end),
        "tentative": d.tentative,
        "every": d.every,
        "every_day": d.every_day,
        "effective_due": _iso(d.effective_due),
        "occurrences": [[o.period, _iso(o.start), _iso(o.due), _iso(o.effective_due)] for o in d.occurrences],
        "warnings": [[w.code, w.message] for w in d.warnings],
        "start_by": _iso(d.start_by),
        "after_days": d.after_days,
    }


def _deadline_from_json(d: dict[str, Any]) -> Deadline:
    return Deadline(
        d["text"],
        DeadlineKind(d["kind"]),
        _day(d["start"]),
        _day(d["due"]),
        _day(d["window_end"]),
        d["tentative"],
        d["every"],
        d["every_day"],
        _day(d["effective_due"]),
        tuple(Occurrence(p, _day(s), _day(e), _day(f)) for p, s, e, f in d["occurrences"]),  # type: ignore[arg-type]
        tuple(DeadlineWarning(code, message) for code, message in d["warnings"]),
        _day(d["start_by"]),
        d["after_days"],
    )


_TUPLES = ("lead", "support", "content", "domains", "notes")


def _item_to_json(item: PlanItem) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in PlanItem.__slots__:
        value = getattr(item, name)
        if name == "deadline":
            value = _deadline_to_json(value)
        elif name == "source":
            value = [value[0], list(value[1])]
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def _item_from_json(d: dict[str, Any]) -> PlanItem:
    values = dict(d)
    values["deadline"] = _deadline_from_json(d["deadline"])
    values["source"] = (d["source"][0], tuple(d["source"][1]))
    for name in _TUPLES:
        values[name] = tuple(d[name])
    values["cells"] = tuple((k, v) for k, v in d["cells"])
    values["regulation"] = tuple(d["regulation"]) if d["regulation"] else None
    return PlanItem(**values)


def _meta_to_json(meta: PlanMeta) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(meta, name) for name in PlanMeta.__slots__}
    out["period_start"], out["period_end"] = _iso(meta.period_start), _iso(meta.period_end)
    out["sections"] = {k: list(v) for k, v in meta.sections.items()}
    out["appendices"] = [
        [a.name, a.number, a.title, a.task, a.unit_role, [list(c) for c in a.columns]]
        for a in meta.appendices
    ]
    return out


def _meta_from_json(d: dict[str, Any]) -> PlanMeta:
    values = dict(d)
    values["period_start"], values["period_end"] = _day(d["period_start"]), _day(d["period_end"])
    values["sections"] = {k: (v[0], v[1]) for k, v in d["sections"].items()}
    values["appendices"] = tuple(
        AppendixInfo(n, num, t, task, role, tuple((c[0], c[1]) for c in cols))
        for n, num, t, task, role, cols in d["appendices"]
    )
    return PlanMeta(**values)


def to_json(plan: Plan) -> dict[str, Any]:
    reg = plan.registry
    return {
        "year": plan.year,
        "meta": _meta_to_json(plan.meta),
        "province": reg.province,
        "units": [[u.name, u.type, list(u.aliases), u.requires_type, u.part_of] for u in reg.units.values()],
        "groups": [
            [
                g.name,
                g.kind,
                list(g.aliases),
                list(g.members),
                None if g.scope is None else list(g.scope),
                g.appendix,
            ]
            for g in reg.groups.values()
        ],
        "derived": {k: list(v) for k, v in reg.derived.items()},
        "items": [_item_to_json(i) for i in plan.items],
        "progress": [[e.id, e.date.isoformat(), e.status, e.note, e.evidence, e.by] for e in plan.progress],
    }


def from_json(d: dict[str, Any]) -> Plan:
    registry = Registry.from_infos(
        [UnitInfo(n, t, tuple(a), r, p) for n, t, a, r, p in d["units"]],
        [
            GroupInfo(n, k, tuple(a), tuple(m), None if s is None else tuple(s), ap)
            for n, k, a, m, s, ap in d["groups"]
        ],
    )
    registry.province = d["province"]
    for kind, names in d["derived"].items():
        registry.set_derived(kind, names)
    plan = Plan(
        year=d["year"],
        meta=_meta_from_json(d["meta"]),
        registry=registry,
        items=[_item_from_json(i) for i in d["items"]],
        progress=[Entry(i, date.fromisoformat(day), s, n, e, b) for i, day, s, n, e, b in d["progress"]],
    )
    plan.index()
    return plan


# --- holiday tables ----------------------------------------------------------------------------------


def _holidays_stamp() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    st = os.stat(os.path.join(os.path.dirname(spec.origin), "version.py"))
    return f"{st.st_size}-{st.st_mtime_ns}"


def cached_holidays(year: int) -> frozenset[date]:
    """The year's holidays from the cache folder when this very `holidays` package computed them
    before; computing them (import and lunar calendar) costs ~85 ms on every validation otherwise."""
    from tthc_cli.domain.deadlines import compute_holidays

    base = cache_dir()
    stamp = _holidays_stamp()
    if base is None or stamp is None:
        return compute_holidays(year)
    path = os.path.join(base, f"holidays-VN-{year}-{stamp}.json")
    body = _read_private(path)
    if body is not None:
        try:
            days = frozenset(date.fromisoformat(d) for d in json.loads(body))
            if len(days) <= 60 and all(d.year == year for d in days):
                return days
        except Exception:  # any doubt about a cache means computing again
            pass
    days = compute_holidays(year)
    _write_private(path, json.dumps(sorted(d.isoformat() for d in days)).encode())
    return days


# --- the cache file ----------------------------------------------------------------------------------

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
    from tthc_cli.data.fsutil import atomic_write

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


def _read_private(path: str) -> bytes | None:
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


def _write_private(path: str, body: bytes) -> None:
    """Save a cache file (0600, digest first); any failure (read-only home, full disk) means no cache."""
    from tthc_cli.data.fsutil import atomic_write

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


_SHAPE = {"year": int, "units": list, "groups": list, "derived": dict, "items": list, "progress": list}


def _payload(data_dir: str, key: str) -> dict[str, Any] | None:
    """The saved entry for exactly these files, parsed, or None."""
    path = cache_path(data_dir)
    if path is None:
        return None
    body = _read_private(path)
    if body is None:
        return None
    was_enabled = gc.isenabled()
    gc.disable()  # as in dataset.assemble: many objects, no cycles
    try:
        payload = json.loads(body)
        return payload if isinstance(payload, dict) and payload.get("key") == key else None
    except Exception:  # whatever is wrong with a cache, the answer is to recompute
        return None
    finally:
        if was_enabled:
            gc.enable()


def read(data_dir: str, key: str) -> Plan | None:
    """The compiled plan saved for exactly these files, or None. A damaged, edited, foreign or
    oddly shaped cache is only a miss."""
    payload = _payload(data_dir, key)
    if payload is None:
        return None
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        plan = payload["plan"]
        if not all(isinstance(plan[k], t) for k, t in _SHAPE.items()):
            return None
        return from_json(plan)
    except Exception:  # whatever is wrong with a cache, the answer is to recompute
        return None
    finally:
        if was_enabled:
            gc.enable()


_WARNING_SHAPE = (str, int, int, str, str, str)  # file name, line, column, code, path, message


def read_warnings(data_dir: str, key: str, labels: Mapping[str, str], lang: str) -> list[Diagnostic] | None:
    """What validation said about exactly these files when they were compiled — warnings only, as
    errors are never saved — in `lang`, each shown at its path in `labels`; None when not saved (or
    saved in another language). `tthc validate` on files that validated before reads this."""
    from tthc_cli.data.diagnostics import Diagnostic, Severity

    payload = _payload(data_dir, key)
    verdict = payload.get("warnings") if payload is not None else None
    if (
        not isinstance(verdict, dict)
        or verdict.get("lang") != lang
        or not isinstance(verdict.get("rows"), list)
    ):
        return None
    found = []
    for row in verdict["rows"]:
        if not (
            isinstance(row, list)
            and len(row) == len(_WARNING_SHAPE)
            and all(isinstance(v, t) for v, t in zip(row, _WARNING_SHAPE, strict=True))
            and row[0] in labels
        ):
            return None
        name, line, column, code, path, message = row
        found.append(Diagnostic(labels[name], line, column, Severity.WARNING, code, path, message))
    return found


def write(
    data_dir: str,
    key: str,
    plan: Plan,
    diagnostics: Sequence[Diagnostic] | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> None:
    """Save the compiled plan, and with it what validation said (`diagnostics`, warnings only, their
    files shown as in `labels`, in the language `lang`); any failure (read-only home, full disk) just
    means no cache."""
    path = cache_path(data_dir)
    if path is None:
        return
    payload: dict[str, Any] = {"key": key, "plan": to_json(plan)}
    if diagnostics is not None and labels is not None and lang is not None:
        names = {label: name for name, label in labels.items()}
        if all(d.file in names and d.severity == "warning" for d in diagnostics):
            rows = [[names[d.file], d.line, d.column, d.code, d.path, d.message] for d in diagnostics]
            payload["warnings"] = {"lang": lang, "rows": rows}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    _write_private(path, text.encode("utf-8"))
    prune(os.path.dirname(path))


KEEP_PLANS = 32  # compiled plans kept: one per data folder used, the least recently written go first
_PLAN_FILE = re.compile(r"^[0-9a-f]{24}\.json$")
_STALE_TMP_SECONDS = 3600


def prune(base: str, keep: int = KEEP_PLANS, now: float | None = None) -> None:
    """Bound the cache folder: keep the `keep` most recently written compiled plans, and drop the
    temporary files a killed writer left behind more than an hour ago. Never raises."""
    import time

    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(base))
    except OSError:
        return
    plans = []
    for entry in entries:
        try:
            if _PLAN_FILE.match(entry.name) and entry.is_file(follow_symlinks=False):
                plans.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
            elif (
                entry.name.startswith(".")
                and entry.name.endswith(".tmp")
                and now - entry.stat(follow_symlinks=False).st_mtime > _STALE_TMP_SECONDS
            ):
                os.unlink(entry.path)
        except OSError:
            continue
    plans.sort(reverse=True)
    for _mtime, path in plans[keep:]:
        with contextlib.suppress(OSError):
            os.unlink(path)
