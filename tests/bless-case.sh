#!/bin/sh
# Record the current output of golden cases as expected (review the diff!).
# Usage: tests/bless-case.sh BINDIR CASE...
set -u
bindir=$1
shift
top=$(cd "$(dirname "$0")/.." && pwd)
for name in "$@"; do
	dir=$top/tests/cases/$name
	work=$(mktemp -d)
	# the scratch folder as tests/run-cases.sh makes it
	[ -f "$dir/bare" ] || { cp -R "$top/tests/data/case/." "$work" && rm -f "$work/README"; }
	cp -R "$dir/." "$work"
	in=/dev/null
	[ -f "$dir/stdin" ] && in=$dir/stdin
	(cd "$work" && PATH=$bindir:$PATH DLG_SHARE=$top/share DLG_TODAY=2026-06-20 LC_ALL=C.UTF-8 \
		LANGUAGE= TOP=$top sh ./cmd <"$in" >"$work/.out" 2>"$work/.err"; echo $? >"$work/.status")
	rm -f "$dir/expected-stdout" "$dir/expected-stderr" "$dir/expected-status"
	[ -s "$work/.out" ] && cp "$work/.out" "$dir/expected-stdout"
	[ -s "$work/.err" ] && cp "$work/.err" "$dir/expected-stderr"
	[ "$(cat "$work/.status")" != 0 ] && cp "$work/.status" "$dir/expected-status"
	rm -rf "$work"
	echo "blessed $name"
done
