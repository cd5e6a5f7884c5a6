#!/bin/sh
# dlg-report --table fields over 1,000,000 items (with 500,000 answers, so the
# due dates and states are computed too) against
# `mlr --icsv --ocsv count-distinct -f field` over the same items, in the same
# run. Goal: ratio (dlg-report / mlr) at most 0.5, with memory that does not
# grow with the items (also measured on a tenth of them).
# Usage: bench/report.sh [BINDIR] [ITEMS]   (defaults: build/bin, 1000000)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=${1:-$top/build/bin}
n=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DLG_SHARE=$top/share LC_ALL=C.UTF-8 DLG_TODAY=2026-12-31
PATH=$bindir:$PATH

gen() { # N FILE: items as dlg-route writes them, fields and departments from routes.csv
	awk -F, -v n="$1" -v routes="$top/share/data/routes.csv" 'BEGIN {
		srand(2026)
		while ((getline line < routes) > 0)
			if (++r > 1) { split(line, f, ","); field[++nf] = f[1] }
		split("VP VHXH KT DVTH MTTQ CA QS THUE BHXH TTPV VPDKDD TP", dept, " ")
		split("answer answer answer answer escalate redirect review", action, " ")
		split("Nguyễn Văn An|Trần Thị Bình|Lê Văn Cường|Phạm Thị Dung|Hoàng Văn Em", who, "|")
		print "reg_id,session,received,channel,name,organization,phone,email,address," \
		      "village,topic_procedure,topic_handling,status,note,item_id,kind,text,field," \
		      "dept,level,action,rule,cc,sent"
		for (i = 1; i <= n; i++) {
			m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
			sent = sprintf("2026-%02d-%02d", m, d)
			v = 1 + i % 14
			printf "R%07d,2026-%d,%s,paper,%s,,0912%06d,,\"Số %d, Thôn %d\",Thôn %d," \
			       "Thủ tục đăng ký hộ kinh doanh,,accepted,,R%07d-%d,%s," \
			       "\"Hồ sơ nộp ngày %s, hẹn trả kết quả nhưng chưa nhận được\",%s,%s," \
			       "commune,%s,auto,,%s\n",
			       int(i / 2), 1 + i % 2, sent, who[1 + i % 5], i % 1000000, i % 300, v, v,
			       int(i / 2), 1 + i % 2, i % 3 ? "procedure" : "handling", sent,
			       field[1 + int(rand() * nf)], dept[1 + i % 12], action[1 + i % 7], sent
		}
	}' >"$2"
	awk -v n="$1" 'BEGIN {
		srand(7)
		print "item_id,date,by,channel,answer"
		for (i = 1; i <= n / 2; i++) {
			k = 1 + int(rand() * n)
			printf "R%07d-%d,2026-%02d-%02d,KT,written,\"Đã trả lời, văn bản số %d\"\n",
			       int(k / 2), 1 + k % 2, 1 + int(rand() * 12), 1 + int(rand() * 28), i
		}
	}' >"${2%.csv}-answers.csv"
}

dlg init --commune "xã Liên Minh" "$work/case" >/dev/null
cp "$top/tests/data/case/dlg.conf" "$top/tests/data/case/"*.csv "$work/case/"
gen "$n" "$work/items.csv"
gen $((n / 10)) "$work/items-small.csv"
echo "items: $n ($(du -h "$work/items.csv" | cut -f1)), answers: $((n / 2))"

measure() { # label, command...
	label=$1
	shift
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
		cat "$work/err" >&2
		exit 1
	}
	set -- $(cat "$work/time")
	printf '%-46s %7.2f s %8d KB\n' "$label" "$1" "$2"
	last_s=$1 last_kb=$2
}
measure "mlr count-distinct -f field" mlr --icsv --ocsv count-distinct -f field "$work/items.csv"
mlr_s=$last_s
measure "dlg-report --table fields" \
	dlg-report -C "$work/case" --table fields "$work/items.csv" "$work/items-answers.csv"
dlg_s=$last_s dlg_kb=$last_kb
# the same counts per field as Miller's
mlr --icsv --ocsv count-distinct -f field "$work/items.csv" | tail -n +2 | sort >"$work/a"
mlr --icsv --ocsv --headerless-csv-output filter '$field != "total"' then cut -o -f field,questions \
	"$work/out" | sort >"$work/b"
if ! cmp -s "$work/a" "$work/b"; then
	echo "dlg-report and mlr disagree:" >&2
	diff "$work/a" "$work/b" | head >&2
	exit 1
fi
measure "dlg-report --table fields (n/10)" \
	dlg-report -C "$work/case" --table fields "$work/items-small.csv" "$work/items-small-answers.csv"
small_kb=$last_kb
measure "dlg-report --table fields, no answers" dlg-report -C "$work/case" --table fields "$work/items.csv"
measure "dlg-report --table fields, no answers (n/10)" \
	dlg-report -C "$work/case" --table fields "$work/items-small.csv"
awk -v d="$dlg_s" -v m="$mlr_s" -v k="$dlg_kb" -v s="$small_kb" 'BEGIN {
	printf "ratio dlg-report / mlr: %.2f  (goal <= 0.5); peak memory %d KB (n/10: %d KB)\n",
	       (m > 0 ? d / m : 0), k, s
}'
