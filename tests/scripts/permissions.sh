#!/bin/sh
# Permissions follow the data: the example's whole year run under umask 077
# leaves nothing readable by group or others; under umask 022, files holding
# personal data (records, letters, address lists, mail, slips) are 0600 and
# the rest follow the umask; [files] personal_mode = 0640 is honoured (less
# the umask); temporary files a killed run left are removed by the next run,
# while one a live run is writing is not.
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "permissions.sh: $*" >&2
	exit 1
}
mode() { stat -c %a "$1"; }

for u in 077 022; do
	(umask $u && sh "$TOP/examples/lien-minh/run.sh" "$w/run$u" >"$w/run$u.log" 2>&1) ||
		{ tail -20 "$w/run$u.log"; fail "run.sh failed under umask $u"; }
done
# umask 077: nothing for group or others, files or folders
loose=$(find "$w/run077" -perm /077 | head -5)
[ -z "$loose" ] || fail "under umask 077 these are open to others: $loose"
# umask 022: personal data 0600
cd "$w/run022" || exit 1
n=0
for f in registrations.csv items.csv giay-moi/*.pdf giay-moi.pdf tra-loi/*/*.pdf \
	giay-moi/recipients.csv tra-loi/*/postal.csv tra-loi/*/recipients.csv thu-moi/*.eml \
	phieu-chuyen/*.pdf bien-ban-2026-1.pdf giay-moi-thanh-phan/*.pdf giay-moi-thanh-phan/*.csv \
	danh-sach-dai-bieu-2026-1.pdf danh-sach-dai-bieu-2026-1.csv bao-cao-lanh-dao-2026-1.pdf \
	phong-bi-2026-*.pdf nhan-giay-moi-thanh-phan.pdf closures.csv; do
	[ -e "$f" ] || continue
	[ "$(mode "$f")" = 600 ] || fail "$f holds personal data but is $(mode "$f")"
	n=$((n + 1))
done
[ $n -ge 20 ] || fail "only $n personal files checked"
# what the shell wrote follows the umask as always, and so do folders
[ "$(mode deadline.csv)" = 644 ] || fail "deadline.csv (shell >) is $(mode deadline.csv)"
[ "$(mode giay-moi)" = 755 ] || fail "folder giay-moi is $(mode giay-moi)"

# [files] personal_mode
mkdir "$w/c" && cd "$w/c" || exit 1
cp "$TOP/tests/data/case/dlg.conf" "$TOP/tests/data/case/"*.csv .
printf '[files]\npersonal_mode = 0640\n' >>dlg.conf
printf 'received,name,phone,topic_procedure\n2026-06-15,An,0912345678,Hỏi\n' >in.csv
(umask 022 && DLG_TODAY=2026-06-20 dlg-register -q --channel paper --into registrations.csv in.csv) ||
	fail "dlg-register with personal_mode failed"
[ "$(mode registrations.csv)" = 640 ] || fail "personal_mode 0640 gave $(mode registrations.csv)"
rm registrations.csv
(umask 077 && DLG_TODAY=2026-06-20 dlg-register -q --channel paper --into registrations.csv in.csv)
[ "$(mode registrations.csv)" = 600 ] || fail "personal_mode 0640 under umask 077 gave $(mode registrations.csv)"
printf '[files]\npersonal_mode = 0444\n' >>dlg.conf
DLG_TODAY=2026-06-20 dlg-register -q --channel paper --into registrations.csv in.csv 2>err && fail "personal_mode 0444 accepted"
grep -q 'personal_mode must be octal permissions' err || fail "no clear message for a bad personal_mode: $(cat err)"
sed -i '$d' dlg.conf
sed -i '$d' dlg.conf

# a killed run's temporary file is removed by the next run; a live one stays
printf 'half' >.registrations.csv.AbC123
printf 'live' >.registrations.csv.XyZ789
if command -v flock >/dev/null 2>&1; then
	flock .registrations.csv.XyZ789 sleep 30 &
	holder=$!
	sleep 0.3
else
	holder=
fi
DLG_TODAY=2026-06-20 dlg-register -q --channel paper --into registrations.csv in.csv || fail "dlg-register failed"
[ ! -e .registrations.csv.AbC123 ] || fail "a killed run's temporary file was left"
if [ -n "$holder" ]; then
	[ -e .registrations.csv.XyZ789 ] || fail "a temporary file still being written was removed"
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
fi
[ -z "$(find . -name '.registrations.csv.??????' ! -name '*XyZ789')" ] || fail "temporary files left"
echo "permissions.sh: umask 077 and 022, $n personal files 0600, personal_mode, stale temporary files"
exit 0
