#!/bin/sh
# Replay every input of tests/fuzz/crashes/ (named HARNESS-crash-HASH or
# HARNESS-timeout-HASH) through its harness built by `make fuzz-replay`
# (with ASan and UBSan): each must run to the end, in 30 s at most.
# Usage: replay.sh DIR-OF-HARNESSES
set -u
dir=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
n=0
fail=0
for f in "$top"/tests/fuzz/crashes/*; do
	[ -f "$f" ] || continue
	h=$(basename "$f")
	h=${h%%-*}
	if [ ! -x "$dir/$h" ]; then
		echo "fuzz-replay: no harness $h for $(basename "$f")"
		fail=$((fail + 1))
		continue
	fi
	if ! DLG_SHARE=$top/share ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
		timeout 30 "$dir/$h" "$f" >/dev/null 2>"$dir/replay.err"; then
		echo "--- fuzz-replay: $(basename "$f") fails again:"
		tail -20 "$dir/replay.err"
		fail=$((fail + 1))
	fi
	n=$((n + 1))
done
echo "fuzz-replay: $n inputs of tests/fuzz/crashes/ replayed, $fail failed"
[ $fail = 0 ]
