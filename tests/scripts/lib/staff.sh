# Sourced by the year scripts (tests/scripts/year.sh, clerk-year.sh).
# staff FILE PYTHON: a clerk edits a record in a spreadsheet: PYTHON runs
# with `rows` (a list of dicts) and `header` (the column names, which it may
# extend), and the file is written back with every column.
staff() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    reader = csv.DictReader(f)
    rows = list(reader)
    header = list(reader.fieldnames or [])
exec(sys.argv[2])
with open(path, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
PY
}
