#!/bin/sh
# make install into a temporary DESTDIR: the commands run from there with
# DLG_SHARE unset and find their share files and Vietnamese messages; the man
# pages and the bash completion are there; make uninstall removes it all.
set -eu
top=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
dest=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$dest" "$work"' EXIT
fail() { echo "install: $*"; exit 1; }
make -s -C "$top" install PREFIX=/usr/local DESTDIR="$dest" >"$work/log" 2>&1 ||
	{ cat "$work/log"; fail "make install failed"; }
bin=$dest/usr/local/bin
for c in "$top"/cmd/*.c; do
	c=$(basename "$c" .c)
	[ -x "$bin/$c" ] || fail "$c not installed"
	[ -f "$dest/usr/local/share/man/man1/$c.1" ] || fail "no man page for $c"
	[ -e "$dest/usr/local/share/bash-completion/completions/$c" ] || fail "no completion for $c"
done
[ -f "$dest/usr/local/share/dlg/data/departments.csv" ] || fail "share/ not installed as share/dlg"
[ -f "$dest/usr/local/share/locale/vi/LC_MESSAGES/dlg.mo" ] || fail "no message catalogue"

# An installed command finds its share files (templates, default data) without DLG_SHARE.
cd "$work"
env -u DLG_SHARE PATH="$bin:$PATH" dlg init --commune "xã Liên Minh" case >/dev/null || fail "installed dlg init failed"
[ -f case/departments.csv ] && [ -d case/templates ] || fail "dlg init did not copy the share files"
cp "$top/tests/data/case/sessions.csv" case/ # the example commune's conferences
(cd case && env -u DLG_SHARE DLG_TODAY=2026-06-20 "$bin/dlg-pdf" -t phieu-dang-ky -o ../form.pdf 2>/dev/null) ||
	fail "installed dlg-pdf did not find its template"
qpdf --check form.pdf >/dev/null || fail "installed dlg-pdf wrote a bad PDF"

# Vietnamese help from the installed catalogue, when the locale exists here.
if locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
	env -u DLG_SHARE -u LC_ALL -u LANGUAGE LANG=vi_VN.UTF-8 "$bin/dlg-route" --help | head -1 |
		grep -q '^Cách dùng:' || fail "dlg-route --help is not Vietnamese under vi_VN.UTF-8"
fi

# The man page renders.
if command -v man >/dev/null 2>&1; then
	MANPATH=$dest/usr/local/share/man MANPAGER=cat MANWIDTH=80 man dlg-route 2>/dev/null |
		grep -q 'dlg-route' || fail "man dlg-route shows nothing"
fi

# Cron as installed: the reminder script and its crontab, run the way
# Debian's cron runs it (PATH=/usr/bin:/bin, no locale, nothing else).
cron=$dest/usr/local/share/dlg/cron
[ -x "$cron/nhac-han.sh" ] || fail "make install did not install cron/nhac-han.sh"
grep -q '^PATH=/usr/local/bin:/usr/bin:/bin$' "$cron/crontab" &&
	grep -q '^LANGUAGE=vi$' "$cron/crontab" || fail "the installed crontab sets no PATH or LANGUAGE=vi"
cp "$top/tests/data/case/departments.csv" "$top/tests/cases/deadline-sendmail/items.csv" \
	"$top/tests/cases/deadline-sendmail/answers.csv" case/
mkdir "$work/sent"
cat >"$work/sendmail" <<'SH'
#!/bin/sh
[ "$1" = -t ] && [ "$2" = -i ] || exit 64
cat >"$(dirname "$0")/sent/$$.eml"
SH
chmod +x "$work/sendmail"
env -i PATH=/usr/bin:/bin SHELL=/bin/sh HOME="$work" LOGNAME=dlg LANGUAGE=vi \
	DLG_TODAY=2026-06-22 DLG_SENDMAIL="$work/sendmail" \
	/bin/sh -c "$cron/nhac-han.sh $work/case" >"$work/cron.out" 2>"$work/cron.err" && s=0 || s=$?
[ $s -le 1 ] || fail "nhac-han.sh under cron's environment exited $s: $(cat "$work/cron.err")"
grep -q 'quá hạn\|sắp đến hạn\|hạn' "$work/cron.out" || fail "the cron mail is not in Vietnamese: $(head -3 "$work/cron.out")"
[ "$(ls "$work/sent" | wc -l)" -ge 1 ] || fail "nhac-han.sh sent no message"
ls "$work/case/mail/"*/*.eml >/dev/null 2>&1 || fail "nhac-han.sh kept no copy in mail/DATE/"

# Bash completion: options from --help, session ids from the case folder.
if command -v bash >/dev/null 2>&1; then
	cat >"$work/complete.bash" <<'SH'
. "$1"
comp() { # words...: print the completions of the last word
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
	_dlg; printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '; echo
}
comp dlg-route --rou
comp dlg-invite --session ''
comp dlg invite --sess
comp dlg rep
comp dlg-register --channel p
SH
	out=$(cd case && env -u DLG_SHARE PATH="$bin:$PATH" bash "$work/complete.bash" \
		"$dest/usr/local/share/bash-completion/completions/dlg")
	expect='--routes 
2026-1 2026-2 
--session 
reply report 
paper post '
	[ "$out" = "$expect" ] || fail "completion gave
$out
expected
$expect"
fi

make -s -C "$top" uninstall PREFIX=/usr/local DESTDIR="$dest" >"$work/log" 2>&1 ||
	{ cat "$work/log"; fail "make uninstall failed"; }
left=$(find "$dest" -type f -o -type l)
[ -z "$left" ] || fail "left after uninstall: $left"
exit 0
