"""The command line: the fast entry, the Typer app, the commands, completion and usage messages."""
