#!/bin/sh
# Run each fuzzer for SECONDS, seeded from tests/cases and tests/fuzz/corpus/NAME;
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
	fuzz_template) # the cases' templates, behind a row whose "*" fills every column
		for t in "$top"/tests/cases/*/*.md; do
			[ -f "$t" ] || continue
			{ printf '*=Nguyễn Văn A\trows=2\n'; cat "$t"; } \
				>"$corpus/case-$(basename "$(dirname "$t")").md"
		done ;;
	fuzz_markdown) # the cases' conference notes (drawn with dlg_md_draw), indent 0
		for t in "$top"/tests/cases/*/notes/*.md; do
			[ -f "$t" ] || continue
			{ printf '\000'; cat "$t"; } >"$corpus/case-$(basename "$(dirname "$(dirname "$t")")").md"
		done ;;
	esac
	echo "== $name for ${seconds}s"
	"$f" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$top/tests/fuzz/crashes/$name-" -print_final_stats=1 "$corpus" 2>&1 |
		grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|.*ERROR|SUMMARY)' || true
done
