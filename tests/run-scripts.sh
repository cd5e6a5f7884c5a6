#!/bin/sh
# Run the integration scripts tests/scripts/*.sh (concurrency, documents,
# faults). Each gets BINDIR and TOP in the environment and exits 0 on
# success, 77 when it cannot run here (no tmpfs, no bash...): it is then
# reported as skipped, never counted as passed.
set -u
bindir=$1
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0
fail=0
skip=0
skipped=""
for t in "$top"/tests/scripts/*.sh; do
	[ -f "$t" ] || continue
	BINDIR=$bindir TOP=$top PATH=$bindir:$PATH DLG_SHARE=$top/share LC_ALL=C.UTF-8 sh "$t"
	case $? in
	0) pass=$((pass + 1)) ;;
	77)
		skip=$((skip + 1))
		skipped="$skipped $(basename "$t")"
		;;
	*)
		echo "--- $(basename "$t") failed"
		fail=$((fail + 1))
		;;
	esac
done
echo "scripts: $pass passed, $skip skipped${skipped:+ (}${skipped# }${skipped:+)}, $fail failed"
[ $fail = 0 ]
