"""reporting.yaml, validated against its schema (data/models.ReportingFile) -> the regime's values
(domain/reporting.py), with the rules a schema cannot say: every fact has its source or is marked
an assumption, only the first rule may leave out `from` and the rules follow each other in time, a
rule names each period once, a periodic report has its window and the ad hoc one none, and every
reporter is registered in units.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from tthc_cli.data.models import RegimeRule, ReportingFile, Sourced
from tthc_cli.domain.plan_files import REPORTING
from tthc_cli.domain.problems import Path, Problem, problem
from tthc_cli.domain.report_periods import PeriodKind
from tthc_cli.domain.reporting import Flow, Regime, RegimeReport, Rule, Source
from tthc_cli.domain.units import Registry


def _source(fact: Sourced) -> Source:
    return Source(fact.basis, fact.assumption, fact.note)


def _facts(file: ReportingFile) -> Iterator[tuple[Sourced, Path]]:
    for i, rule in enumerate(file.rules):
        yield rule, ("rules", i)
        for j, report in enumerate(rule.reports):
            yield report, ("rules", i, "reports", j)
        for j, flow in enumerate(rule.flows):
            yield flow, ("rules", i, "flows", j)
            yield flow.send, ("rules", i, "flows", j, "send")


def check_reporting_file(file: ReportingFile, registry: Registry) -> Iterator[Problem]:
    """The rules of reporting.yaml a schema cannot say, each problem at its field."""
    for fact, path in _facts(file):
        if fact.basis is None and not fact.assumption:
            yield problem("reporting-unsourced").at(REPORTING, path, key=True)
    previous = None
    for i, rule in enumerate(file.rules):
        if rule.from_ is None and i > 0:
            yield problem("reporting-rule-order", "missing-from").at(REPORTING, ("rules", i), key=True)
        elif rule.from_ is not None and previous is not None and rule.from_ <= previous:
            yield problem("reporting-rule-order", day=rule.from_, previous=previous).at(
                REPORTING, ("rules", i, "from")
            )
        previous = rule.from_ or previous
        yield from _reports_of(rule, ("rules", i))
        yield from _reporters_of(rule, ("rules", i), registry)


def _reports_of(rule: RegimeRule, at: tuple[str, int]) -> Iterator[Problem]:
    """One report per period in a rule, and a data window for each but the ad hoc."""
    seen: set[str] = set()
    for j, report in enumerate(rule.reports):
        path = (*at, "reports", j)
        if report.period in seen:
            yield problem("reporting-duplicate", period=report.period).at(REPORTING, (*path, "period"))
        seen.add(report.period)
        if report.period == "ad_hoc" and report.window is not None:
            yield problem("reporting-window", "ad-hoc").at(REPORTING, (*path, "window"))
        elif report.period != "ad_hoc" and report.window is None:
            yield problem("reporting-window", "missing", period=report.period).at(REPORTING, path, key=True)


def _reporters_of(rule: RegimeRule, at: tuple[str, int], registry: Registry) -> Iterator[Problem]:
    """Who sends, named as the registry names units and groups."""
    for j, flow in enumerate(rule.flows):
        for k, ref in enumerate(flow.by):
            if registry.resolve(ref) is None:
                look = registry.lookup(ref)
                close = (look.candidates or look.suggestions)[:3]
                yield problem("unknown-unit", name=ref, suggestions=close).at(
                    REPORTING, (*at, "flows", j, "by", k)
                )


def regime_of(file: ReportingFile, registry: Registry) -> Regime:
    """The regime reporting.yaml describes, reporters by their canonical names (one the registry does
    not know is left out: check_reporting_file reports it)."""
    rules = []
    for i, rule in enumerate(file.rules):
        reports = tuple(
            RegimeReport(
                kind=None if r.period == "ad_hoc" else PeriodKind(r.period),
                window=r.window,
                source=_source(r),
                owed=r.owed,
                title=r.title,
                path=("rules", i, "reports", j),
            )
            for j, r in enumerate(rule.reports)
        )
        flows = tuple(
            Flow(
                by=tuple(dict.fromkeys(n for n in (registry.resolve(ref) for ref in f.by) if n is not None)),
                to=f.to,
                send=f.send.text,
                source=_source(f),
                send_source=_source(f.send),
                path=("rules", i, "flows", j),
            )
            for j, f in enumerate(rule.flows)
        )
        rules.append(
            Rule(
                start=rule.from_,
                title=rule.title,
                source=_source(rule),
                reports=reports,
                flows=flows,
                path=("rules", i),
            )
        )
    return Regime(title=file.title, rules=tuple(rules))
