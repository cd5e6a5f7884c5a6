#!/bin/sh
# dlg-register on N raw forms against Miller's plain copy of the same file,
# in the same run. Prints seconds, peak memory and the ratio.
# Usage: bench/register.sh [N]   (default 1000000)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000000}
data=$top/bench/data
mkdir -p "$data"
in=$data/registrations-$n.csv
[ -f "$in" ] || python3 "$top/bench/gen-registrations.py" "$n" >"$in"
PATH=$top/build/bin:$PATH
# a copy of the example commune's case folder (commands stop without one,
# and document commands write its outgoing register)
rm -rf "$data/case" && cp -R "$top/tests/data/case" "$data/case"
export DLG_DIR=$data/case
export DLG_SHARE=$top/share DLG_TODAY=2026-06-20

measure() { # label, command...
	label=$1
	shift
	/usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >/dev/null 2>"$data/err.txt" || {
		cat "$data/err.txt" >&2
		exit 1
	}
	set -- $(cat "$data/time.txt")
	printf '%-28s %8.2f s %8d MB\n' "$label" "$1" $(($2 / 1024))
	case $label in mlr*) mlr_s=$1 ;; *) dlg_s=$1 ;; esac
}
echo "rows: $n ($(du -h "$in" | cut -f1))"
measure "mlr cat" mlr --icsv --ocsv cat "$in"
measure "dlg-register" dlg-register -q --channel paper "$in"
python3 -c "print(f'ratio dlg-register / mlr cat: {$dlg_s / $mlr_s:.2f}  (goal <= 1.0)')" 2>/dev/null ||
	echo "ratio: $dlg_s / $mlr_s"
