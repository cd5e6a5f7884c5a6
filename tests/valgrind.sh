#!/bin/sh
# valgrind: the Liên Minh example pipeline (every command, documents made by
# forked workers too) and a few bad inputs that stop with exit 2, each
# command run under valgrind --leak-check=full. Any invalid access or leak
# in dlg's code fails the test; leaks inside libraries are suppressed in
# tests/valgrind.supp. Skips (exit 0) when valgrind is not installed.
set -u
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind.sh: valgrind is not installed: skipped"
	exit 0
fi
top=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bindir=${BINDIR:-$top/build/bin}
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "valgrind.sh: $*" >&2
	exit 1
}

# A folder of wrappers named like the commands, first on PATH: each runs the
# real binary under valgrind, which exits 9 on an error and logs it.
mkdir -p "$w/wrap" "$w/logs"
for c in "$bindir"/dlg "$bindir"/dlg-*; do
	[ -x "$c" ] || continue
	n=$(basename "$c")
	cat >"$w/wrap/$n" <<SH
#!/bin/sh
exec valgrind -q --leak-check=full --error-exitcode=9 \\
	--suppressions="$top/tests/valgrind.supp" --log-file="$w/logs/$n.%p.log" "$c" "\$@"
SH
	chmod +x "$w/wrap/$n"
done
[ -x "$w/wrap/dlg-pdf" ] || fail "no commands in $bindir"

# The whole example, as `make demo` runs it (about 20 s under valgrind).
PATH=$w/wrap:$PATH sh "$top/examples/lien-minh/run.sh" "$w/lien-minh" >"$w/run.out" 2>&1 ||
	{
		cat "$w/run.out" "$w"/logs/*.log >&2
		fail "the example pipeline failed under valgrind"
	}

# Bad input: the diagnostic and exit 2 paths free what they took too.
sh "$top/tests/run-cases.sh" "$w/wrap" register-bad-unterminated-quote register-bad-invalid-utf8 \
	hostile-route-nul hostile-invite-names hostile-deadline-conf-unknown-key \
	hostile-pdf-template-utf8 pdf-missing-column reply-missing-answer report-bad-table \
	>"$w/cases.out" 2>&1 || {
	cat "$w/cases.out" "$w"/logs/*.log >&2
	fail "golden cases failed under valgrind"
}

n=$(ls "$w/logs" | wc -l)
[ "$n" -ge 20 ] || fail "only $n commands ran under valgrind"
for l in "$w"/logs/*.log; do
	if [ -s "$l" ]; then
		cat "$l" >&2
		fail "valgrind reported errors in $(basename "$l" .log)"
	fi
done
echo "valgrind.sh: $n command runs clean under valgrind"
