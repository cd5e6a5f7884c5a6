#!/bin/sh
# Run the command-line golden cases: tests/cases/NAME/ holds
#   cmd              shell snippet run by sh in a scratch copy of the folder
#   stdin            optional standard input
#   expected-stdout  expected standard output (absent: must be empty)
#   expected-stderr  expected standard error  (absent: must be empty)
#   expected-status  expected exit status     (absent: 0)
#   check            optional script run afterwards in the scratch folder; must exit 0
#   bare             optional: start from an empty folder (no case folder)
# The scratch folder is a case folder: a copy of tests/data/case/ (dlg.conf,
# departments, villages, sessions of the example commune), then the case's own
# files over it (its dlg.conf, if any, replaces the shared one).
# Environment: the commands on PATH, DLG_SHARE, DLG_TODAY=2026-06-20, LC_ALL=C.UTF-8.
# Cases run in parallel ($DLG_TEST_JOBS, else one per core).
# Usage: run-cases.sh BINDIR [CASE...]
set -u
bindir=$1
shift
top=$(cd "$(dirname "$0")/.." && pwd)
# (a worker of the parallel run below, "--one NAME", uses its parent's scratch)
if [ "${1:-}" != "--one" ]; then
	scratch=$(mktemp -d)
	trap 'rm -rf "$scratch"' EXIT
fi
# One case: run_case NAME prints its failures and ends with "PASS NAME" or
# "FAIL NAME" (run in parallel below; each case has its own scratch folder).
run_case() {
	name=$1
	dir=$top/tests/cases/$name
	[ -f "$dir/cmd" ] || return 0
	work=$scratch/$name
	rm -rf "$work"
	if [ -f "$dir/bare" ]; then
		mkdir "$work"
	else
		cp -R "$top/tests/data/case" "$work"
		rm -f "$work/README"
	fi
	cp -R "$dir/." "$work"
	in=/dev/null
	[ -f "$dir/stdin" ] && in=$dir/stdin
	(
		cd "$work" &&
			PATH=$bindir:$PATH DLG_SHARE=$top/share DLG_TODAY=2026-06-20 LC_ALL=C.UTF-8 \
				LANGUAGE= TOP=$top sh ./cmd <"$in" >"$scratch/$name.out" 2>"$scratch/$name.err"
		echo $? >"$scratch/$name.status"
	)
	status=$(cat "$scratch/$name.status")
	want_status=0
	[ -f "$dir/expected-status" ] && want_status=$(cat "$dir/expected-status")
	ok=1
	for s in stdout stderr; do
		ext=out
		[ $s = stderr ] && ext=err
		if [ -f "$dir/expected-$s" ]; then
			cmp -s "$dir/expected-$s" "$scratch/$name.$ext" || {
				ok=0
				echo "--- $name: $s differs"
				diff "$dir/expected-$s" "$scratch/$name.$ext" | head -20
			}
		elif [ -s "$scratch/$name.$ext" ]; then
			ok=0
			echo "--- $name: unexpected $s"
			head -20 "$scratch/$name.$ext"
		fi
	done
	if [ "$status" != "$want_status" ]; then
		ok=0
		echo "--- $name: exit status $status, expected $want_status"
	fi
	if [ $ok = 1 ] && [ -f "$dir/check" ]; then
		(cd "$work" && PATH=$bindir:$PATH DLG_SHARE=$top/share DLG_TODAY=2026-06-20 \
			LC_ALL=C.UTF-8 TOP=$top sh "$dir/check") || {
			ok=0
			echo "--- $name: check failed"
		}
	fi
	if [ $ok = 1 ]; then echo "PASS $name"; else echo "FAIL $name"; fi
}

if [ "${1:-}" = "--one" ]; then
	run_case "$2"
	exit 0
fi
if [ $# -gt 0 ]; then cases="$*"; else cases=$(ls "$top/tests/cases"); fi
jobs=${DLG_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
export bindir top scratch
printf '%s\n' $cases | xargs -P "$jobs" -I{} sh "$0" "$bindir" --one {} >"$scratch/all.log"
grep -v '^PASS \|^FAIL ' "$scratch/all.log"
pass=$(grep -c '^PASS ' "$scratch/all.log")
fail=$(grep -c '^FAIL ' "$scratch/all.log")
failed=$(sed -n 's/^FAIL / /p' "$scratch/all.log" | tr -d '\n')
echo "cases: $pass passed, $fail failed"
[ "$fail" = 0 ] || { echo "failed:$failed"; exit 1; }
