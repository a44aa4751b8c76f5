"""Files that break their schema still take part in the cross-file checks, through the parts that fit."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from tthc_cli.data.salvage import salvage

from .conftest import edit, load_with


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stt: int
    note: str | None = None


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rows: list[Row]


def test_salvage_drops_fields_before_elements_and_maps_paths_back() -> None:
    data = {"rows": [{"stt": 1}, {"stt": "x"}, {"stt": 3, "colour": "red"}, {"stt": 4, "note": ["a"]}]}
    kept = salvage(data, Table)
    assert isinstance(kept.model, Table)
    # Row 2 is set aside (stt is required); row 3 loses its unknown field, row 4 its invalid note.
    assert [(r.stt, r.note) for r in kept.model.rows] == [(1, None), (3, None), (4, None)]
    assert kept.removed == [(("rows",), 1)]
    assert kept.original_path(("rows", 1, "stt")) == ("rows", 2, "stt")
    assert kept.original_path(("rows", 0)) == ("rows", 0)
    assert data["rows"][1] == {"stt": "x"}  # the caller's data is untouched


def test_salvage_gives_up_on_a_broken_root() -> None:
    assert salvage({"rows": "none"}, Table).model is None
    assert salvage({"colour": 1}, Table).model is None  # `rows` is required


def test_a_unit_set_aside_does_not_make_its_references_unknown() -> None:
    """Sở Tư pháp with an invalid type is reported once, at its type — not as an unknown unit at every
    place that names it; an unknown field elsewhere still comes with the cross-file problems."""
    old = "  - name: Sở Tư pháp\n    type: department\n"
    units = edit("units.yaml", old, old.replace("department", "sở"))
    result = load_with(units_yaml=units)
    assert [(d.file, d.line, d.code) for d in result.problems] == [("units.yaml", 71, "invalid-value")]
    assert result.plan is None


def test_an_element_that_lost_a_field_is_not_judged_as_if_it_never_had_one() -> None:
    """A rule's `from` the calendar does not have is one problem, at its line: not also 'only the
    first rule may leave from empty', which the rule did not."""
    from pathlib import Path

    from tthc_cli.data.dataset import assemble

    folder = Path(__file__).parent / "fixtures" / "binh-an-2026"
    files: dict[str, bytes | None] = {p.name: p.read_bytes() for p in folder.glob("*.yaml")}
    regime = (folder / "reporting.yaml").read_text(encoding="utf-8")
    assert "  - from: 2026-02-15\n" in regime
    files["reporting.yaml"] = regime.replace("  - from: 2026-02-15\n", "  - from: 2026-13-45\n").encode()
    found = [(p.code, p.path) for p in assemble(files).problems]
    assert found == [("invalid-date", ("rules", 1, "from"))]
