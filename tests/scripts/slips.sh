#!/bin/sh
# Transfer slips: dlg-route --slips writes one valid PDF per department with
# its name, every question it must answer with its due date (Civil Code
# count, calendar and working days), the questions it is copied on, NFC text
# (from decomposed input), numbers from the outgoing register counted up from
# [numbering] slip (printed "07"), safe
# file names, no temporary files left, and the same bytes on a second run.
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "slips.sh: $*" >&2
	exit 1
}
export DLG_TODAY=2026-07-01
cd "$w" || exit 1
dlg init --commune "xã Liên Minh" case >/dev/null || fail "dlg init failed"
cd case || exit 1
# the example commune's settings and departments
cp "$TOP/tests/data/case/dlg.conf" "$TOP/tests/data/case/"*.csv . || exit 1
sed -i 's/^slip *=.*/slip = 7\nyear = 2026/' dlg.conf
# a department whose code is not a safe file name
printf '%s\n' '../ĐB,Ban Đặc biệt xã,commune,Trưởng ban,,' >>departments.csv

# Decomposed (NFD) Vietnamese in the input must come out composed.
nfd=$(python3 -c 'import unicodedata; print(unicodedata.normalize("NFD", "Xin hỏi thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất"))')
cat >reg.csv <<CSV
reg_id,session,received,channel,name,organization,phone,email,address,village,topic_procedure,topic_handling,status,note
R0001,2026-1,2026-06-10,paper,Nguyễn Văn An,,0912345678,,"Số 5, thôn 5",Thôn 5,$nfd,Cán bộ một cửa thái độ hách dịch,accepted,
R0002,2026-1,2026-06-11,online,Trần Thị Bình,,,,,Thôn 1,Thủ tục đăng ký khai sinh cho con cần giấy tờ gì?,,accepted,
R0003,2026-1,2026-06-12,online,Lê Văn Cường,,,,,Thôn 2,tôi khiếu nại quyết định thu hồi đất,,accepted,
R0004,2026-1,2026-06-12,online,Phạm Thị Dung,,,,,Thôn 3,Hỏi về cấp giấy chứng nhận quyền sử dụng đất lần đầu,,late,
CSV

# what dlg-route prints (a view: records are written with --into)
dlg-route --sent 2026-07-07 --slips pc reg.csv >routed.csv 2>err.txt || fail "dlg-route --slips failed: $(cat err.txt)"
[ -s err.txt ] && [ "$(cat err.txt)" != "dlg-route: 1 registrations not accepted, not routed (late 1)" ] &&
	fail "unexpected diagnostics: $(cat err.txt)"
# the items are the same as without --slips
dlg-route --sent 2026-07-07 reg.csv >routed2.csv 2>/dev/null
cmp -s routed.csv routed2.csv || fail "--slips changed the items written"

# one slip per department with something to answer or copied on; the
# complaint (redirect) is forwarded to nobody
ls -A pc | tr '\n' ' ' >names.txt
want="TTPV.pdf VHXH.pdf VP.pdf VPDKDD.pdf "
[ "$(cat names.txt)" = "$want" ] || fail "slip files: $(cat names.txt), expected $want"

text() { pdftotext -raw "$1" - 2>/dev/null | tr '\n' ' ' | tr -s ' '; }
for f in pc/*.pdf; do
	qpdf --check "$f" >/dev/null 2>&1 || fail "$f: qpdf --check failed"
	pdftotext -raw "$f" - >t.txt 2>err.txt || fail "$f: pdftotext failed"
	[ -s err.txt ] && fail "$f: pdftotext complained: $(cat err.txt)"
	python3 - t.txt <<'PY' || fail "$f: text is not NFC"
import sys, unicodedata
t = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if t == unicodedata.normalize("NFC", t) else 1)
PY
done

# 07/07/2026 + 5 days = Sunday 12/07: due on Monday 13/07 (art. 148)
t=$(text pc/VPDKDD.pdf)
for s in "Kính gửi: Chi nhánh Văn phòng Đăng ký đất đai Đan Phượng" \
	"Số: 10/UBND-VP" "V/v chuyển nội dung đăng ký đối thoại năm 2026" \
	"Liên Minh, ngày 07 tháng 7 năm 2026" "STT Mã số Người đăng ký Nội dung đăng ký Hạn trả lời" \
	"1 R0001-1 Nguyễn Văn An, Thôn 5 Xin hỏi thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất 13/07/2026" \
	"chậm nhất sau 05 ngày kể từ ngày nhận được nội dung" "Nơi nhận:" "TM. ỦY BAN NHÂN DÂN" \
	"Nguyễn Hữu Minh"; do
	case $t in *"$s"*) ;; *) fail "VPDKDD.pdf: \"$s\" not found in: $t" ;; esac
done
t=$(text pc/VHXH.pdf)
for s in "Kính gửi: Phòng Văn hóa - Xã hội" "Số: 08/UBND-VP" \
	"1 R0001-2 Nguyễn Văn An, Thôn 5 Cán bộ một cửa thái độ hách dịch 13/07/2026"; do
	case $t in *"$s"*) ;; *) fail "VHXH.pdf: \"$s\" not found in: $t" ;; esac
done
case $t in *"phối hợp với đơn vị chủ trì"*) fail "VHXH.pdf: a copies section without copies" ;; esac
t=$(text pc/VP.pdf)
for s in "Kính gửi: Văn phòng HĐND - UBND xã" "Số: 07/UBND-VP" \
	"1 R0002-1 Trần Thị Bình, Thôn 1 Thủ tục đăng ký khai sinh cho con cần giấy tờ gì? 13/07/2026"; do
	case $t in *"$s"*) ;; *) fail "VP.pdf: \"$s\" not found in: $t" ;; esac
done
case $t in *"khiếu nại"*) fail "VP.pdf: the complaint was forwarded" ;; esac
# the desk's owner is copied on the conduct question
t=$(text pc/TTPV.pdf)
for s in "Kính gửi: Chi nhánh số 9 Trung tâm Phục vụ hành chính công Thành phố" "Số: 09/UBND-VP" \
	"phối hợp với đơn vị chủ trì trả lời 01 nội dung sau:" \
	"1 R0001-2 Nguyễn Văn An, Thôn 5 Cán bộ một cửa thái độ hách dịch Phòng Văn hóa - Xã hội (hạn 13/07/2026)"; do
	case $t in *"$s"*) ;; *) fail "TTPV.pdf: \"$s\" not found in: $t" ;; esac
done

# the slips are in the outgoing register, one row each
rows=$(python3 -c 'import csv; print(" ".join(r["symbol"] + ":" + r["recipient"] for r in csv.DictReader(open("outgoing.csv"))))')
[ "$rows" = "07/UBND-VP:VP@2026-07-07 08/UBND-VP:VHXH@2026-07-07 09/UBND-VP:TTPV@2026-07-07 10/UBND-VP:VPDKDD@2026-07-07" ] ||
	fail "outgoing.csv: $rows"
cp outgoing.csv outgoing.before
# a second run gives the same bytes, and the same numbers: nothing new registered
dlg-route --sent 2026-07-07 --slips pc2 reg.csv >/dev/null 2>&1 || fail "second run failed"
cmp -s outgoing.csv outgoing.before || fail "a second run changed the register"
for f in pc/*.pdf; do
	cmp -s "$f" "pc2/$(basename "$f")" || fail "$f differs between two runs"
done

# a folder named like the template is not taken for it (second run: it exists)
for i in 1 2; do
	dlg-route --sent 2026-07-07 --slips phieu-chuyen/ reg.csv >/dev/null 2>err.txt ||
		fail "--slips phieu-chuyen/ (run $i): $(cat err.txt)"
done
cmp -s pc/VP.pdf phieu-chuyen/VP.pdf || fail "phieu-chuyen/VP.pdf differs from pc/VP.pdf"

# working days: 07/07 (Tuesday) + 5 working days = 14/07; the department
# set by hand (rule = manual) gets the question, under a safe file name
sed -i 's/^answer_day_kind *=.*/answer_day_kind = working/' dlg.conf
mlr --icsv --ocsv put 'if ($item_id == "R0002-1") { $dept = "../ĐB" }' routed.csv >edited.csv
dlg-route --slips pc3 edited.csv >/dev/null 2>err.txt || fail "re-run on items failed: $(cat err.txt)"
[ -f "pc3/ĐB.pdf" ] || fail "no pc3/ĐB.pdf: $(ls -A pc3 | tr '\n' ' ')"
[ -z "$(find "$w" -name '*.pdf' ! -path '*/pc/*' ! -path '*/pc2/*' ! -path '*/pc3/*' ! -path '*/phieu-chuyen/*')" ] ||
	fail "a slip escaped its folder"
t=$(text "pc3/ĐB.pdf")
case $t in *"Thủ tục đăng ký khai sinh cho con cần giấy tờ gì? 14/07/2026"*) ;;
*) fail "ĐB.pdf: working-day due date not found in: $t" ;; esac
case $t in *"chậm nhất sau 05 ngày làm việc"*) ;; *) fail "ĐB.pdf: no working-day period" ;; esac

# no temporary files left behind
[ -z "$(ls -A pc pc2 pc3 | grep -v '\.pdf$' | grep -v '^pc.*:$' | grep -v '^$')" ] ||
	fail "files other than slips: $(ls -A pc pc2 pc3)"

# questions forwarded on two days: one slip a day, each dated that day
mlr --icsv --ocsv put 'if ($item_id == "R0001-1") { $dept = "VP"; $sent = "2026-07-16" }' \
	routed.csv >twodays.csv
dlg-route --slips pc5 twodays.csv >/dev/null 2>err.txt || fail "two days: $(cat err.txt)"
[ -f pc5/VP-2026-07-07.pdf ] && [ -f pc5/VP-2026-07-16.pdf ] ||
	fail "two days: expected VP-2026-07-07.pdf and VP-2026-07-16.pdf, got $(ls pc5 | tr '\n' ' ')"
case $(text pc5/VP-2026-07-16.pdf) in *"ngày 16 tháng 7 năm 2026"*) ;; *) fail "not dated 16/07" ;; esac
case $(text pc5/VP-2026-07-07.pdf) in *R0001-1*) fail "R0001-1 on the slip of 07/07" ;; esac

# an unknown department in cc is an error naming file and line, exit 2
mlr --icsv --ocsv put 'if ($item_id == "R0002-1") { $cc = "NOPE"; $rule = "manual" }' routed.csv >bad.csv
dlg-route --slips pc4 bad.csv >/dev/null 2>err.txt
rc=$?
[ $rc = 2 ] || fail "unknown cc department: exit $rc, expected 2"
grep -q 'bad.csv:4: unknown department "NOPE"' err.txt || fail "unknown cc department: $(cat err.txt)"
[ -z "$(ls -A pc4)" ] || fail "slips written despite the error: $(ls -A pc4)"
exit 0
