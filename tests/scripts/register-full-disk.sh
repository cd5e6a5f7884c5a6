#!/bin/sh
# A write that fails (a full disk) leaves the register whole and exits 2.
# /dev/full makes every write fail; we point the record's folder at a tiny
# tmpfs when we may mount one, else skip (exit 77: reported as skipped).
set -eu
work=$(mktemp -d)
trap 'cd /; umount "$work/small" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$work/small"
if ! mount -t tmpfs -o size=64k tmpfs "$work/small" 2>/dev/null; then
	echo "register-full-disk: cannot mount a tmpfs here, skipped"
	exit 77
fi
# the case folder is $work (found from small/ upwards)
cp "${TOP:?}/tests/data/case/dlg.conf" "${TOP:?}/tests/data/case/"*.csv "$work"/
cd "$work/small"
printf 'received,name,phone,topic_procedure\n2026-06-15,An,0912345678,Hỏi\n' >first.csv
DLG_TODAY=2026-06-20 dlg-register -q --channel paper --into registrations.csv first.csv
cp registrations.csv "$work/before.csv"
python3 -c "
print('received,name,phone,topic_procedure')
for i in range(3000): print(f'2026-06-15,Người {i},0912{i:06d},' + 'Câu hỏi dài ' * 5)
" >"$work/big.csv"
if DLG_TODAY=2026-06-20 dlg-register -q --channel paper --into registrations.csv "$work/big.csv" 2>"$work/err"; then
	echo "register-full-disk: expected a failure on a full disk"
	exit 1
fi
cmp -s registrations.csv "$work/before.csv" || { echo "register-full-disk: the register changed"; exit 1; }
grep -q 'old file is unchanged\|write error' "$work/err" || { echo "register-full-disk: no clear message:"; cat "$work/err"; exit 1; }
[ -z "$(ls -A | grep '^\.registrations')" ] || { echo "register-full-disk: temporary file left"; exit 1; }
