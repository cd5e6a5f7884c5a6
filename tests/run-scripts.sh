#!/bin/sh
# Run the integration scripts tests/scripts/*.sh (concurrency, documents,
# faults). Each gets BINDIR and TOP in the environment and exits 0 on success.
set -u
bindir=$1
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0
fail=0
for t in "$top"/tests/scripts/*.sh; do
	[ -f "$t" ] || continue
	if BINDIR=$bindir TOP=$top PATH=$bindir:$PATH DLG_SHARE=$top/share LC_ALL=C.UTF-8 sh "$t"; then
		pass=$((pass + 1))
	else
		echo "--- $(basename "$t") failed"
		fail=$((fail + 1))
	fi
done
echo "scripts: $pass passed, $fail failed"
[ $fail = 0 ]
