"""tthc: follow up a Vietnamese provincial TTHC-control plan kept in YAML."""

__version__ = "0.1.0"
