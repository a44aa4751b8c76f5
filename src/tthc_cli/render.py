"""The only Jinja user: templates turn query results into text, Markdown and HTML."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .catalog import Entry, Plan, PlanItem
from .output import deadline_text, dmy, due_cell, markdown_cell
from .reports import STATUS_ORDER, Brief, Report
from .status import ItemStatus

LANGUAGES = ("vi", "en")


@lru_cache(maxsize=4)
def environment(template_dir: str | None = None) -> jinja2.Environment:
    """Shipped templates, or an office's own from `template_dir` (sandboxed: a template cannot reach
    Python internals or the file system)."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.PackageLoader("tthc_cli", "templates"))
    # Everything from the data is escaped in HTML; Markdown cells go through the `md` filter.
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "html.j2", "svg"], default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["dmy"] = dmy
    env.filters["md"] = markdown_cell
    env.filters["pct"] = lambda v: "—" if v is None else f"{v:.0%}"
    return env


def render(name: str, template_dir: str | None = None, **context: Any) -> str:
    return environment(template_dir).get_template(name).render(**context)


def item_text(item: PlanItem, ds: Plan, status: ItemStatus, log: list[Entry], as_of: date) -> str:
    return render(
        "item.txt.j2",
        item=item,
        kind_label=ds.meta.kind_labels().get(item.kind, item.kind),
        deadline=deadline_text(item),
        due=due_cell(item),
        children=ds.children(item.id),
        status=status,
        log=log,
        as_of=as_of,
    )


def render_brief(brief: Brief, ds: Plan, lang: str = "vi", template_dir: str | None = None) -> str:
    return render(
        "brief.md.j2", template_dir, brief=brief, plan=ds.meta, year=ds.year, lang=lang, order=STATUS_ORDER
    )


def render_report(
    report: Report, ds: Plan, fmt: str, lang: str = "vi", template_dir: str | None = None
) -> str:
    return render(f"report.{fmt}.j2", template_dir, report=report, plan=ds.meta, year=ds.year, lang=lang)
