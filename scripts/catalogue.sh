#!/usr/bin/env bash
# Refresh the message catalogues after changing messages in src/ (README: "Translating tthc"):
# extract every _()/ngettext()/N_() message into a template, merge it into each language's .po
# (new messages arrive empty, for a translator to fill), and compile the .po files that tthc reads.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PYBABEL:-.venv/bin/pybabel}
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
"$bin" extract -F babel.cfg --no-location --sort-output --project tthc --version 0.1 \
  --msgid-bugs-address "" -o "$pot" src templates
"$bin" update -i "$pot" -d src/tthc_cli/locale -D tthc --no-fuzzy-matching --ignore-obsolete
"$bin" compile -d src/tthc_cli/locale -D tthc --statistics
