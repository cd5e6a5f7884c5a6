#!/bin/sh
# Run each fuzzer for SECONDS, seeded from tests/cases and tests/fuzz/corpus;
# crashes are kept in tests/fuzz/crashes/ to become regression cases.
# Usage: run.sh SECONDS FUZZER...
set -eu
seconds=$1
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$top/tests/fuzz/crashes"
for f in "$@"; do
	name=$(basename "$f")
	corpus=$top/build-fuzz/corpus-$name
	mkdir -p "$corpus"
	seeds=$top/tests/fuzz/corpus/$name
	[ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null || true
	case $name in
	fuzz_csv) find "$top/tests/cases" -name '*.csv' -size -64k -exec cp {} "$corpus"/ \; ;;
	fuzz_conf) cp "$top"/examples/*/dlg.conf "$corpus"/ 2>/dev/null || true ;;
	esac
	echo "== $name for ${seconds}s"
	"$f" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$top/tests/fuzz/crashes/$name-" -print_final_stats=1 "$corpus" 2>&1 |
		grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|.*ERROR|SUMMARY)' || true
done
