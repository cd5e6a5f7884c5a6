#!/bin/sh
# A document run that fails (a full disk, a read-only folder) or is killed
# leaves no half PDF: every *.pdf left is whole (qpdf --check), no temporary
# file is left by a failed run, and a PDF made earlier under the same name is
# unchanged.
set -eu
work=$(mktemp -d)
mounted=""
cleanup() {
	cd /
	for m in $mounted; do umount "$m" 2>/dev/null || true; done
	chmod -R u+w "$work" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
# the example commune's case folder
cp "$TOP/tests/data/case/dlg.conf" "$TOP/tests/data/case/"*.csv .
export DLG_TODAY=2026-07-02
fail() { echo "docs-failed-run: $*"; exit 1; }
whole() { # every PDF in $1 passes qpdf --check
	for f in "$1"/*.pdf; do
		[ -e "$f" ] || continue
		qpdf --check "$f" >/dev/null 2>&1 || fail "$f is not a whole PDF"
	done
}
python3 -c "
print('reg_id,session,received,channel,name,phone,village,topic_procedure,topic_handling,status,note')
for i in range(40): print(f'R{i+1:04d},2026-1,2026-06-10,paper,Người số {i},0912{i:06d},Thôn 1,' + 'Câu hỏi về thủ tục đăng ký khai sinh ' * 30 + ',,accepted,')
" >regs.csv

# 1. A full disk: a tmpfs with room for a few letters only.
mkdir small
if mount -t tmpfs -o size=160k tmpfs small 2>/dev/null; then
	mounted="$work/small $mounted"
	dlg-pdf -t phieu-dang-ky -o small/phieu.pdf
	cp small/phieu.pdf phieu.orig
	if dlg-invite --session 2026-1 -o small/ regs.csv 2>err; then
		fail "dlg-invite into a full folder succeeded"
	fi
	grep -q 'No space left\|small/' err || fail "no clear message: $(cat err)"
	whole small
	[ -z "$(ls -A small | grep '^\.')" ] || fail "temporary files left: $(ls -A small)"
	cmp -s small/phieu.pdf phieu.orig || fail "the earlier PDF changed"
	# one file with every letter: fails whole, the earlier one stays
	if dlg-invite --session 2026-1 --one-file small/phieu.pdf regs.csv 2>err; then
		fail "dlg-invite --one-file into a full folder succeeded"
	fi
	cmp -s small/phieu.pdf phieu.orig || fail "the earlier PDF was overwritten by a failed run"
	[ -z "$(ls -A small | grep '^\.')" ] || fail "temporary files left: $(ls -A small)"
else
	echo "docs-failed-run: cannot mount a tmpfs here, full-disk part skipped"
fi

# 2. A read-only folder.
mkdir ro
dlg-pdf -t phieu-dang-ky -o ro/phieu.pdf
if [ "$(id -u)" = 0 ]; then
	if mount -t tmpfs -o ro,size=64k tmpfs ro 2>/dev/null; then
		mounted="$work/ro $mounted"
	else
		echo "docs-failed-run: root without mount, read-only part skipped"
		rm -rf ro
	fi
else
	chmod 555 ro
fi
if [ -d ro ]; then
	if dlg-pdf -t phieu-dang-ky -o ro/ regs.csv 2>err; then
		fail "dlg-pdf into a read-only folder succeeded"
	fi
	grep -q 'ro/' err || fail "the message does not name the folder: $(cat err)"
	whole ro
	[ -z "$(ls -A ro | grep '^\.')" ] || fail "temporary files left in ro"
fi

# 3. Killed in the middle: whatever is named *.pdf is whole, and the earlier
# one-file PDF is either the old or a new whole one.
mkdir killed
dlg-pdf -t phieu-dang-ky -o killed/all.pdf
i=0
while [ $i -lt 15 ]; do
	i=$((i + 1))
	delay=$(awk -v s="$$$i" 'BEGIN { srand(s); printf "%.3f", rand() * 0.4 }')
	dlg-invite --session 2026-1 -o killed/ --one-file killed/all.pdf regs.csv 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	sleep 0.05 # workers of a killed run finish their letter
	whole killed
done
exit 0
