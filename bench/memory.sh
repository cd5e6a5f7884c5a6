#!/bin/sh
# Peak memory of the streaming commands as the input grows: 100,000, 1,000,000
# and 3,000,000 forms (set SIZES to change). dlg-route and dlg-report keep
# flat memory; dlg-register remembers every form for duplicate detection
# (two 16-byte hash slots a form), so its memory grows with the input.
# Usage: bench/memory.sh [BINDIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=${1:-$top/build/bin}
sizes=${SIZES:-100000 1000000 3000000}
data=$top/bench/data
mkdir -p "$data"
# a copy of the example commune's case folder (commands stop without one,
# and document commands write its outgoing register)
rm -rf "$data/case" && cp -R "$top/tests/data/case" "$data/case"
export DLG_DIR=$data/case
export DLG_SHARE=$top/share DLG_TODAY=2026-06-20
peak() { # command... -> prints seconds and peak KB
	/usr/bin/time -f "%e %M" -o "$data/mem.txt" "$@" >"$data/mem.out" 2>/dev/null
	cat "$data/mem.txt"
}
printf '%-10s %-30s %10s %12s\n' rows command seconds "peak KB"
for n in $sizes; do
	in=$data/registrations-$n.csv
	[ -f "$in" ] || python3 "$top/bench/gen-registrations.py" "$n" >"$in"
	set -- $(peak "$bindir/dlg-register" -q --channel paper "$in")
	printf '%-10s %-30s %10s %12s\n' "$n" "dlg-register" "$1" "$2"
	# stdout mode leaves reg_id empty (ids come with --into): number the rows.
	awk 'NR == 1 { print; next } { print "R" (NR - 1) $0 }' "$data/mem.out" >"$data/reg-$n.csv"
	set -- $(peak "$bindir/dlg-route" "$data/reg-$n.csv")
	printf '%-10s %-30s %10s %12s\n' "$n" "dlg-route" "$1" "$2"
	cp "$data/mem.out" "$data/items-$n.csv"
	set -- $(peak "$bindir/dlg-deadline" "$data/items-$n.csv")
	printf '%-10s %-30s %10s %12s\n' "$n" "dlg-deadline (no answers)" "$1" "$2"
	set -- $(peak "$bindir/dlg-report" --table fields "$data/items-$n.csv")
	printf '%-10s %-30s %10s %12s\n' "$n" "dlg-report --table fields" "$1" "$2"
	rm -f "$data/reg-$n.csv" "$data/items-$n.csv"
done
