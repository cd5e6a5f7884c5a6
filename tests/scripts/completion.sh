#!/bin/sh
# Bash completion never runs data: a received case folder whose sessions.csv
# holds "$(...)" and backquotes, template files named like commands, and a -C
# word with a command substitution complete literally and create nothing.
# --opt=value completes like --opt value. Skips when bash is missing.
set -u
command -v bash >/dev/null 2>&1 || { echo "completion.sh: no bash: skipped"; exit 77; }
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "completion.sh: $*" >&2
	exit 1
}
cd "$w" || exit 1
mkdir -p case/templates
cp "$TOP/tests/data/case/dlg.conf" case/
cat >case/sessions.csv <<'CSV'
session,date
2026-1,2026-07-16
$(touch PWNED1),2026-07-17
`touch PWNED2`,2026-07-18
2026-x;touch PWNED3,2026-07-19
"$(touch PWNED4)",2026-07-20
*,2026-07-21
CSV
: >'case/templates/$(touch PWNED5).md'
: >'case/templates/giay-moi-rieng.md'
: >'case/$(touch PWNED6).csv'
cat >"$w/complete.bash" <<'SH'
. "$1"
cd "$2"
comp() { # words...: print the completions of the last word, one a line
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
	_dlg
	printf '%s\n' "${COMPREPLY[@]}" | sort
	echo --
}
comp dlg-invite --session ''
comp dlg-invite --session 2026
comp dlg-invite --session '$'
comp dlg-invite --session=2026
comp dlg-invite --session = ''
comp dlg-invite --session = 202
comp dlg-pdf -t ''
comp dlg-deadline ''
comp dlg-invite -C '$(touch PWNED7)' --session ''
comp dlg-invite -C '`touch PWNED8`' --session ''
comp dlg '$(touch PWNED9)' --s
comp dlg-register --channel=p
SH
out=$(cd "$w" && PATH=$BINDIR:$PATH bash "$w/complete.bash" "$TOP/completion/dlg.bash" "$w/case" 2>&1)
found=$(find "$w" -name 'PWNED*' | sort | tr '\n' ' ')
[ -z "$found" ] || fail "completion ran data: $found"
expect='$(touch PWNED1)
$(touch PWNED4)
*
2026-1
2026-x;touch PWNED3
`touch PWNED2`
--
2026-1
2026-x;touch PWNED3
--
$(touch PWNED1)
$(touch PWNED4)
--
--session=2026-1
--session=2026-x;touch PWNED3
--
$(touch PWNED1)
$(touch PWNED4)
*
2026-1
2026-x;touch PWNED3
`touch PWNED2`
--
2026-1
2026-x;touch PWNED3
--'
got=$(printf '%s\n' "$out" | awk '/^--$/ { n++ } { print } n == 6 { exit }')
[ "$got" = "$expect" ] || fail "session completion gave
$got
expected
$expect"
printf '%s\n' "$out" | grep -qx '$(touch PWNED5)' || fail "template named \$(...) not offered literally"
printf '%s\n' "$out" | grep -qx 'giay-moi-rieng' || fail "the case's own template not offered"
printf '%s\n' "$out" | grep -qx '$(touch PWNED6).csv' || fail "a CSV named \$(...) not offered literally"
printf '%s\n' "$out" | grep -qx -- '--channel=paper' || fail "--channel=p did not complete to --channel=paper"
echo "completion.sh: hostile session ids, template and file names complete literally; nothing ran"
exit 0
