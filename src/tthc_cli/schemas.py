"""JSON Schemas of the data files, for editors (yaml-language-server modelines) and peer validators."""

from __future__ import annotations

import json
import os
from typing import Any

from .fsutil import atomic_write
from .models import SCHEMA_MODELS


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of data file: plan, appendix, units or progress."""
    schema = SCHEMA_MODELS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "appendix_*.yaml" if name == "appendix" else f"{name}.yaml"
    return schema


def schema_file_name(name: str) -> str:
    return f"{name}.schema.json"


def write_schemas(folder: str) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    written = []
    for name in SCHEMA_MODELS:
        path = os.path.join(folder, schema_file_name(name))
        text = json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    return written
