#!/bin/sh
# dlg-route --slips-csv on a full disk: the lists cannot be written, so the
# command exits 2 with a message naming the list, and leaves no list half
# written and no temporary file (it exited 0 after six write errors).
set -u
work=$(mktemp -d)
trap 'cd /; umount "$work/small" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() {
	echo "slips-full-disk.sh: $*" >&2
	exit 1
}
mkdir "$work/small"
if ! mount -t tmpfs -o size=48k tmpfs "$work/small" 2>/dev/null; then
	echo "slips-full-disk.sh: cannot mount a tmpfs here: skipped"
	exit 77
fi
cd "$work" || exit 1
cp "$TOP/tests/data/case/dlg.conf" "$TOP/tests/data/case/"*.csv . || exit 1
python3 -c "
print('reg_id,session,received,channel,name,organization,phone,email,address,village,topic_procedure,topic_handling,status,note')
topics = ['đăng ký khai sinh', 'cấp giấy chứng nhận quyền sử dụng đất', 'đăng ký kinh doanh hộ cá thể', 'bảo hiểm y tế', 'chứng thực bản sao', 'thuế đất']
for i in range(2000):
    print(f'R{i+1:05d},2026-1,2026-06-10,paper,Người số {i},,0912{i:06d},,Thôn 1,Thôn 1,Xin hỏi thủ tục {topics[i % 6]} ' + 'chi tiết ' * 20 + ',,accepted,')
" >registrations.csv
DLG_TODAY=2026-07-01 dlg-route --sent 2026-07-07 --slips-csv small/lists registrations.csv >/dev/null 2>err
s=$?
[ $s = 2 ] || fail "exit $s on a full disk, not 2: $(head -c 500 err)"
grep -q 'small/lists/.*\(No space\|not written\)' err || fail "no message naming the list: $(head -c 500 err)"
left=$(find small -name '.*' -type f)
[ -z "$left" ] || fail "temporary files left: $left"
# whatever list is there is whole: every one ends with a full line
for f in small/lists/*.csv; do
	[ -e "$f" ] || continue
	[ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" = '\n' ] || fail "$f is cut short"
done
# with room, the same run writes every list and exits 0
DLG_TODAY=2026-07-01 dlg-route --sent 2026-07-07 --slips-csv lists registrations.csv >/dev/null 2>err ||
	fail "dlg-route --slips-csv failed with room: $(head -c 500 err)"
[ "$(ls lists | wc -l)" -ge 4 ] || fail "only $(ls lists | wc -l) lists written"
echo "slips-full-disk.sh: exit 2 naming the list, nothing half written"
exit 0
