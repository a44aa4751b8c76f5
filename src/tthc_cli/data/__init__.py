"""The plan's files: finding and reading them, YAML with positions, the Pydantic models and JSON
Schemas, the checks across files, building the domain plan, and the compiled-plan cache."""
