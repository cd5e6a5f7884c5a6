#!/bin/sh
# dlg-deadline over 1,000,000 items with a 500,000-row answers file, against
# `mlr --icsv --ocsv cat` over the same items, in the same run.
# Goal: ratio (dlg-deadline / mlr) at most 1.5.
# Usage: bench/deadline.sh [BINDIR] [ITEMS]   (defaults: build/bin, 1000000)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=${1:-$top/build/bin}
n=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a copy of the example commune's case folder (commands stop without one,
# and document commands write its outgoing register)
rm -rf "$work/case" && cp -R "$top/tests/data/case" "$work/case"
export DLG_DIR=$work/case
export DLG_SHARE=$top/share LC_ALL=C.UTF-8

awk -v n="$n" 'BEGIN {
	srand(2026)
	split("VP VHXH KT DVTH MTTQ CA QS THUE BHXH TTPV VPDKDD TP", dept, " ")
	split("Nguyễn Văn An|Trần Thị Bình|Lê Văn Cường|Phạm Thị Dung|Hoàng Văn Em", who, "|")
	print "reg_id,session,received,channel,name,organization,phone,email,address,village," \
	      "topic_procedure,topic_handling,status,note,item_id,kind,text,field,dept,level," \
	      "action,rule,sent"
	for (i = 1; i <= n; i++) {
		d = 1 + int(rand() * 28); m = 1 + int(rand() * 12)
		sent = sprintf("2026-%02d-%02d", m, d)
		printf "R%07d,2026-1,%s,paper,%s,,0912%06d,,\"Số %d, Thôn %d\",Thôn %d," \
		       "Thủ tục đăng ký hộ kinh doanh,,accepted,,R%07d-1,procedure," \
		       "\"Hồ sơ nộp ngày %s, hẹn trả kết quả nhưng chưa nhận được\",business,%s," \
		       "commune,answer,kinh-doanh,%s\n",
		       i, sent, who[1 + i % 5], i % 1000000, i % 300, 1 + i % 12, 1 + i % 12,
		       i, sent, dept[1 + i % 12], sent
	}
}' > "$work/items.csv"
awk -v n="$n" 'BEGIN {
	srand(7)
	print "item_id,date,by,channel,answer"
	for (i = 1; i <= n / 2; i++) {
		k = 1 + int(rand() * n)
		printf "R%07d-1,2026-%02d-%02d,KT,written,\"Đã trả lời, xem văn bản số %d\"\n",
		       k, 1 + int(rand() * 12), 1 + int(rand() * 28), i
	}
}' > "$work/answers.csv"

now() { date +%s.%N; }
t0=$(now)
/usr/bin/time -f %M -o "$work/dlg.kb" \
	"$bindir/dlg-deadline" --today 2026-06-20 --answers "$work/answers.csv" "$work/items.csv" \
	> "$work/out.csv"
t1=$(now)
/usr/bin/time -f %M -o "$work/mlr.kb" mlr --icsv --ocsv cat "$work/items.csv" > "$work/mlr.csv"
t2=$(now)
rows=$(($(wc -l < "$work/out.csv") - 1))
[ "$rows" -eq "$n" ] || { echo "deadline: $rows rows out, $n in" >&2; exit 1; }
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$n" -v dk="$(cat "$work/dlg.kb")" \
	-v mk="$(cat "$work/mlr.kb")" 'BEGIN {
	d = b - a; m = c - b
	printf "items %d, answers %d\n", n, n / 2
	printf "dlg-deadline --answers: %.2f s, peak %d KB\n", d, dk
	printf "mlr --icsv --ocsv cat:  %.2f s, peak %d KB\n", m, mk
	printf "ratio: %.2f (goal <= 1.5)\n", d / m
}'
