"""JSON Schemas of the data files, for editors (yaml-language-server modelines) and peer validators."""

from __future__ import annotations

import json
import os
from typing import Any

from .fsutil import atomic_write
from .models import ALL_FILES as DATA_FILES


def schema_for(file_name: str) -> dict[str, Any]:
    model = DATA_FILES[file_name]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = file_name
    return schema


def schema_file_name(file_name: str) -> str:
    return file_name.removesuffix(".yaml") + ".schema.json"


def write_schemas(folder: str) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    written = []
    for name in DATA_FILES:
        path = os.path.join(folder, schema_file_name(name))
        text = json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    return written
