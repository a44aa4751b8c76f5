"""The compiled plan: a validated data set saved as JSON, keyed by the exact bytes it came from.

Reading YAML and validating it with Pydantic costs far more than answering a question. Once a set of
files has validated, its compiled form is saved; the next run whose files (and tthc itself) are
byte-for-byte the same reads it back instead. Anything different — one byte of one file, another
tthc version, an edited module — misses, and the files are validated again. Invalid data is never
saved, so problems are always reported from the files themselves.
The file is kept in the cache folder (cache.py: private, digested, bounded) and checked for shape
before use; on any doubt the files are validated again, silently.
"""

from __future__ import annotations

import json
import os
from datetime import date

from tthc_cli import __version__
from tthc_cli.data.cache import FORMAT, hasher, prune, read_private, write_private
from tthc_cli.data.holiday_cache import holidays_stamp
from tthc_cli.domain.calendar import iso_date
from tthc_cli.domain.deadlines import Deadline, DeadlineKind, DeadlineWarning, Occurrence
from tthc_cli.domain.plan import AppendixInfo, Entry, Plan, PlanItem, PlanMeta
from tthc_cli.domain.records import many_records
from tthc_cli.domain.units import GroupInfo, Registry, UnitInfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from tthc_cli.data.diagnostics import Diagnostic


def _code_stamp() -> str:
    """Changes whenever tthc's own code does (a developer's edit in any module of the package
    included), or the holiday package that decided the effective due dates."""
    parts = [f"{__version__}/{FORMAT}", f"holidays:{holidays_stamp()}"]
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # tthc_cli/, every layer
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and d != "locale")
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                parts.append(
                    f"{os.path.relpath(os.path.join(folder, name), package)}:{st.st_size}:{st.st_mtime_ns}"
                )
    return "|".join(parts)


def fingerprint(files: Mapping[str, bytes | None]) -> str:
    h = hasher(_code_stamp().encode())
    for name in sorted(files):
        raw = files[name]
        h.update(f"\0{name}\0{-1 if raw is None else len(raw)}\0".encode())
        if raw is not None:
            h.update(raw)
    return str(h.hexdigest())


def cache_path(base: str | None, data_dir: str) -> str | None:
    """Where the compiled plan of `data_dir` is kept in the cache folder `base` (None: no cache)."""
    if base is None:
        return None
    # The user is part of the name: two people sharing one TTHC_CACHE_DIR never read each other's.
    user = getattr(os, "geteuid", lambda: "")()
    key = hasher(f"{user}\0{os.path.realpath(data_dir)}".encode()).hexdigest()[:24]
    return os.path.join(base, f"{key}.json")


# --- Plan <-> JSON -----------------------------------------------------------------------------------


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _deadline_to_json(d: Deadline) -> dict[str, Any]:
    return {
        "text": d.text,
        "kind": d.kind.value,
        "start": iso_date(d.start),
        "due": iso_date(d.due),
        "window_end": iso_date(d.window_end),
        "tentative": d.tentative,
        "every": d.every,
        "every_day": d.every_day,
        "effective_due": iso_date(d.effective_due),
        "occurrences": [
            [o.period, iso_date(o.start), iso_date(o.due), iso_date(o.effective_due)] for o in d.occurrences
        ],
        "warnings": [[w.code, w.message] for w in d.warnings],
        "start_by": iso_date(d.start_by),
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
    out["period_start"], out["period_end"] = iso_date(meta.period_start), iso_date(meta.period_end)
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


_SHAPE = {"year": int, "units": list, "groups": list, "derived": dict, "items": list, "progress": list}


def _payload(base: str | None, data_dir: str, key: str) -> dict[str, Any] | None:
    """The saved entry for exactly these files, parsed, or None."""
    path = cache_path(base, data_dir)
    if path is None:
        return None
    body = read_private(path)
    if body is None:
        return None
    with many_records():
        try:
            payload = json.loads(body)
            return payload if isinstance(payload, dict) and payload.get("key") == key else None
        except Exception:  # whatever is wrong with a cache, the answer is to recompute
            return None


def read(base: str | None, data_dir: str, key: str) -> Plan | None:
    """The compiled plan saved in the cache folder `base` for exactly these files, or None. A
    damaged, edited, foreign or oddly shaped cache is only a miss."""
    payload = _payload(base, data_dir, key)
    if payload is None:
        return None
    with many_records():
        try:
            plan = payload["plan"]
            if not all(isinstance(plan[k], t) for k, t in _SHAPE.items()):
                return None
            return from_json(plan)
        except Exception:  # whatever is wrong with a cache, the answer is to recompute
            return None


_WARNING_SHAPE = (str, int, int, str, str, str)  # file name, line, column, code, path, message


def read_warnings(
    base: str | None, data_dir: str, key: str, labels: Mapping[str, str], lang: str
) -> list[Diagnostic] | None:
    """What validation said about exactly these files when they were compiled — warnings only, as
    errors are never saved — in `lang`, each shown at its path in `labels`; None when not saved (or
    saved in another language). `tthc validate` on files that validated before reads this."""
    from tthc_cli.data.diagnostics import Diagnostic, Severity

    payload = _payload(base, data_dir, key)
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
    base: str | None,
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
    path = cache_path(base, data_dir)
    if path is None:
        return
    payload: dict[str, Any] = {"key": key, "plan": to_json(plan)}
    if diagnostics is not None and labels is not None and lang is not None:
        names = {label: name for name, label in labels.items()}
        if all(d.file in names and d.severity == "warning" for d in diagnostics):
            rows = [[names[d.file], d.line, d.column, d.code, d.path, d.message] for d in diagnostics]
            payload["warnings"] = {"lang": lang, "rows": rows}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    write_private(path, text.encode("utf-8"))
    prune(os.path.dirname(path))
