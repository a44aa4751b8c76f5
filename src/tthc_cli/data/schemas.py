"""JSON Schemas of the data files, for editors (yaml-language-server modelines) and peer validators."""

from __future__ import annotations

import json
import os
import re
from typing import Any

from tthc_cli.data.models import SCHEMA_MODELS
from tthc_cli.fsutil import atomic_write


def _integer_text(low: int | None, high: int | None) -> str:
    """A pattern for the digits tthc reads as an integer in [low, high]."""
    if low is not None and high is not None and 0 <= low <= high and high - low <= 200:
        return "^0*(?:" + "|".join(str(n) for n in range(high, low - 1, -1)) + ")$"
    return "^0*[1-9][0-9]*$" if low == 1 else "^[0-9]+$"


# A date as the office writes it, D/M/YYYY (also with '.' or '-'), from 1900 to 2999: the day fits the
# month, with 29/2 in every year (a pattern cannot count leap years; tthc itself refuses 29/2/2021).
_DAY_MONTH = (
    r"(?:(?:0?[1-9]|1[0-9]|2[0-9])[/.-](?:0?[1-9]|1[0-2])"
    r"|30[/.-](?:0?[13-9]|1[0-2])"
    r"|31[/.-](?:0?[13578]|1[02]))"
)
_DMY_DATE = "^" + _DAY_MONTH + r"[/.-](?:19|2[0-9])[0-9]{2}$"
_ISO_YEARS = r"^(?:19|2[0-9])[0-9]{2}-"


def _as_tthc_reads(node: Any) -> Any:
    """tthc reads every scalar of a data file as text and lets the model convert it (`stt: "6"` is row
    6; `title: 2021` is the text "2021"), whereas an editor's YAML parser types `6`, `"6"` and `2021`
    itself. So that both accept the same files: an integer may also be written as its digits in
    quotes, and a text that could be all digits may also be an unquoted number. A date may be written
    YYYY-MM-DD or D/M/YYYY, as tthc reads it (data/schema_check.py)."""
    if isinstance(node, list):
        return [_as_tthc_reads(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _as_tthc_reads(v) for k, v in node.items()}
    kind = node.get("type")
    if kind == "string" and node.get("format") == "date":
        iso = {"type": "string", "format": "date", "pattern": _ISO_YEARS}
        words = {k: v for k, v in node.items() if k in ("title", "description", "default")}
        return {"anyOf": [iso, {"type": "string", "pattern": _DMY_DATE}], **words}
    if kind == "integer":
        digits = {"type": "string", "pattern": _integer_text(node.get("minimum"), node.get("maximum"))}
        return {"anyOf": [{k: v for k, v in node.items() if k not in ("title", "description")}, digits]} | {
            k: v for k, v in node.items() if k in ("title", "description", "default")
        }
    if kind == "string" and "format" not in node and "enum" not in node and "const" not in node:
        pattern = node.get("pattern")
        if pattern is None or re.search(pattern, "1"):
            node["type"] = ["string", "number"]
            node["minimum"] = 0  # a negative number is never a number as the plan writes them
    return node


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of data file: plan, appendix, units or progress, widened to accept
    exactly what tthc accepts (see _as_tthc_reads)."""
    schema: dict[str, Any] = _as_tthc_reads(SCHEMA_MODELS[name].model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "appendix_*.yaml" if name == "appendix" else f"{name}.yaml"
    return schema


def schema_file_name(name: str) -> str:
    return f"{name}.schema.json"


def schema_texts() -> dict[str, str]:
    """File name -> text of every schema, as `tthc schema` writes them."""
    return {
        schema_file_name(name): json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"
        for name in SCHEMA_MODELS
    }


def write_schemas(folder: str) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    written = []
    for file_name, text in schema_texts().items():
        path = os.path.join(folder, file_name)
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    return written
