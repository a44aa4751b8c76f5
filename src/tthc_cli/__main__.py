"""`python -m tthc_cli`: the same program as `tthc`."""

try:
    from tthc_cli.cli.entry import main
except KeyboardInterrupt:  # Ctrl-C during start-up: exit as interrupted, without a traceback
    raise SystemExit(130) from None

main()
