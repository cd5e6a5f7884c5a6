#!/bin/sh
# Minutes, conclusion notice and written answers (dlg-minutes, dlg-reply) on
# the small case folder of tests/cases/reply-missing-answer: valid PDFs;
# every question and every answer given at the conference in the minutes'
# text; the notice's tasks and recipients; letters for the absent (with and
# without a reason), the unanswered, a redirected complaint (guidance only),
# an escalated question (to whom), a registrant with two questions answered
# by two departments, every registrant of a cancelled conference; a missing
# answer is an error unless --pending; the e-mail parsed by Python's email
# package with the PDF attachment intact.
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "minutes.sh: $*" >&2
	exit 1
}
export DLG_TODAY=2026-07-28
cp -R "$TOP/tests/data/case/." "$w/" || exit 1
cp -R "$TOP/tests/cases/reply-missing-answer/." "$w/" || exit 1
cd "$w" || exit 1
rm -f cmd expected-*

check_pdf() {
	qpdf --check "$1" >/dev/null 2>&1 || fail "$1: qpdf --check failed"
}
# the text of a PDF on one line, page numbers dropped, spaces squeezed
flat() {
	pdftotext "$1" - | grep -v '^[0-9]*$' | tr '\n' ' ' | tr -s ' '
}
has() { # file text...
	f=$1
	shift
	for s in "$@"; do
		grep -qF -- "$s" "$f" || fail "$f: \"$s\" not found"
	done
}
hasnt() {
	f=$1
	shift
	for s in "$@"; do
		grep -qF -- "$s" "$f" && fail "$f: \"$s\" should not be there"
	done
	return 0
}

# --- the minutes
dlg-minutes --session 2026-1 -o bb.pdf || fail "dlg-minutes failed"
check_pdf bb.pdf
flat bb.pdf >bb.txt
has bb.txt "BIÊN BẢN" "Số: 08/BB-UBND" "THƯ KÝ" "CHỦ TỌA" "Bùi Tuấn Anh" "Nguyễn Hữu Minh" \
	"08 giờ 00 phút, thứ Năm, ngày 16 tháng 7 năm 2026" "kết thúc vào 11 giờ 15 phút" \
	"Bảo hiểm xã hội cơ sở Đan Phượng" "Vắng mặt: Chi nhánh số 9" "(Dự họp tại Thành phố)" \
	"Trần Thị Bình, Thôn 2 (không báo lý do)" "(Ốm)" "Cụm dân cư Bãi Tháp" "Tổng cộng" \
	"Ý kiến phát biểu trực tiếp tại Hội nghị" "Kết luận của chủ trì" "Nhiệm vụ giao" \
	"báo cáo Ủy ban nhân dân thành phố Hà Nội" "nhà kho * 2 tầng <kho> # A?" \
	"01 nội dung khiếu nại, tố cáo, tranh chấp không thuộc phạm vi Hội nghị đối thoại đã được hướng dẫn" \
	"Nơi nhận:" "Lưu: VT, Hồ sơ."
# the complaint (redirected) is counted, never shown with its name or content
hasnt bb.txt "Liên Minh, ngày" "Câu hỏi trùng" "Lê Văn Cường" "khiếu nại Quyết định"
python3 - bb.txt items.csv answers.csv <<'PY' || fail "a question or answer is missing from the minutes"
import csv, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def norm(s):
    s = re.sub(r"\*+", "", s)                      # Markdown emphasis
    s = re.sub(r"(?m)^\s*(-|\d+\.)\s+", "", s)     # list markers
    return " ".join(s.split())
flat = " ".join(text.replace("- ", " ").split())
ok = True
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    if r["action"] == "redirect":
        continue  # counted, never shown (Luật Tố cáo 2018 art. 47)
    if r["session"] == "2026-1" and r["status"] == "accepted" and " ".join(r["text"].split()) not in flat:
        print("question %s not in the minutes" % r["item_id"]); ok = False
for r in csv.DictReader(open(sys.argv[3], encoding="utf-8")):
    if r["channel"] != "conference":
        continue
    for para in re.split(r"\n\s*\n|\n(?=\s*-)", r["answer"]):
        p = " ".join(norm(para).replace("- ", " ").split())
        if p and p not in flat:
            print("answer %s not in the minutes: %r" % (r["item_id"], p)); ok = False
sys.exit(0 if ok else 1)
PY

# --- the notice
dlg-minutes --notice --session 2026-1 -o tb.pdf || fail "dlg-minutes --notice failed"
check_pdf tb.pdf
flat tb.pdf >tb.txt
has tb.txt "THÔNG BÁO" "Số: 187/TB-UBND" "Liên Minh, ngày 28 tháng 7 năm 2026" \
	"Kết luận của đồng chí Nguyễn Hữu Minh, Phó Chủ tịch UBND xã" "Ghi nhận ý kiến thẳng thắn" \
	"bổ sung ghế chờ" "Nơi nhận:" "Phòng Kinh tế;" "Công an xã;" "Trưởng thôn 1 (Nguyễn Văn Hùng);" \
	"Tổ trưởng tổ dân phố Phương Nội" "R0007-1" "Đã trả lời ngày 20/07/2026" "TM. ỦY BAN NHÂN DÂN" \
	"chậm nhất ngày 27 tháng 7 năm 2026" "01 nội dung khiếu nại, tố cáo, tranh chấp đã được hướng dẫn"
hasnt tb.txt "R0006-1" "Lê Văn Cường" "R0003-1" "Ngày ngày"

# --- a cancelled conference has no minutes
dlg-minutes --session 2026-2 -o x.pdf 2>err && fail "minutes of a cancelled conference"
grep -q "dlg-reply" err || fail "the message does not point to dlg-reply: $(cat err)"
[ -e x.pdf ] && fail "x.pdf written for a cancelled conference"

# --- letters: a missing answer is an error, --pending writes it is being considered
dlg-reply --session 2026-1 -o tl 2>err && fail "dlg-reply accepted a missing answer"
grep -q "R0007-1" err || fail "the missing answer is not named: $(cat err)"
[ -e tl ] && fail "letters written despite a missing answer"
dlg-reply --session 2026-1 --pending -o tl --one-file all.pdf --mail mail ||
	fail "dlg-reply --pending failed"
[ "$(ls tl | tr '\n' ' ')" = "R0002.pdf R0003.pdf R0004.pdf R0005.pdf R0007.pdf postal.csv recipients.csv " ] ||
	fail "unexpected letters: $(ls tl | tr '\n' ' ')"
for f in tl/*.pdf all.pdf; do check_pdf "$f"; done
cols() { # the columns of recipients.csv that say who gets what and how
	python3 -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(",".join(r[k] for k in ("reg_id", "delivery", "number", "page", "reason", "items")))' "$1" | tr '\n' ' '
}
[ "$(cols tl/recipients.csv)" = "R0002,email,12,1,absent,R0002-1;R0002-2 R0003,post,13,1,unanswered,R0003-1 R0004,post,14,1,unanswered,R0004-1 R0005,post,15,1,absent,R0005-1 R0007,post,16,1,unanswered,R0007-1 " ] ||
	fail "recipients.csv: $(cat tl/recipients.csv)"
grep -q "^R0002" tl/postal.csv && fail "postal.csv lists the registrant with e-mail"
[ "$(wc -l <tl/postal.csv)" = 5 ] || fail "postal.csv: $(cat tl/postal.csv)"

flat tl/R0002.pdf >a.txt
has a.txt "Số: 12/UBND-VP" "V/v trả lời ý kiến, kiến nghị của Ông/Bà Trần Thị Bình" \
	"Kính gửi: Ông/Bà Trần Thị Bình" "nhưng vắng mặt." "ý kiến của Phòng Kinh tế" \
	"ý kiến của Chi nhánh số 9 Trung tâm Phục vụ hành chính công Thành phố" \
	"sử dụng hóa đơn điện tử" "bổ sung 20 ghế chờ" "Nơi nhận:" "Như trên;" "Lưu: VT, VP."
flat tl/R0003.pdf >c.txt
has c.txt "Hướng dẫn:" "theo Luật Khiếu nại năm 2011"
hasnt c.txt "Trả lời (ý kiến"
flat tl/R0004.pdf >d.txt
has d.txt "vượt thẩm quyền" "báo cáo Ủy ban nhân dân thành phố Hà Nội xem xét"
flat tl/R0005.pdf >e.txt
has e.txt "Ông/Bà Hoàng Văn Em, đại diện Công ty TNHH Em Xinh" "(lý do: ốm)" "nhà kho * 2 tầng <kho> # A?" \
	"Nhà kho thuộc diện phải có giấy phép xây dựng"
flat tl/R0007.pdf >g.txt
has g.txt "đang được Bảo hiểm xã hội cơ sở Đan Phượng xem xét"
[ "$(pdfinfo all.pdf | awk '/^Pages:/ { print $2 }')" -ge 5 ] || fail "all.pdf has fewer pages than letters"

# --- the e-mail, parsed by a real MIME parser
[ "$(ls mail | tr '\n' ' ')" = "R0002.eml " ] || fail "mail/: $(ls mail | tr '\n' ' ')"
python3 - mail/R0002.eml tl/R0002.pdf <<'PY' || fail "the e-mail message is wrong"
import sys
from email import policy
from email.parser import BytesParser
m = BytesParser(policy=policy.default).parse(open(sys.argv[1], "rb"))
ok = True
def check(cond, what):
    global ok
    if not cond:
        print(what); ok = False
check("Trả lời ý kiến, kiến nghị" in m["subject"] and "12/UBND-VP" in m["subject"], "subject: %r" % m["subject"])
check(m["to"].addresses[0].addr_spec == "binh.tran@example.vn", "to: %r" % m["to"])
check(m["to"].addresses[0].display_name == "Trần Thị Bình", "to name: %r" % m["to"])
check(m["from"].addresses[0].addr_spec == "vp@lienminh.example.vn", "from: %r" % m["from"])
body = m.get_body(("plain",)).get_content()
check("Kính gửi: Ông/Bà Trần Thị Bình" in body, "body: %r" % body[:200])
att = [p for p in m.iter_attachments()]
check(len(att) == 1, "attachments: %d" % len(att))
if att:
    check(att[0].get_content_type() == "application/pdf", "type %s" % att[0].get_content_type())
    check(att[0].get_filename() == "R0002.pdf", "file name %r" % att[0].get_filename())
    check(att[0].get_content() == open(sys.argv[2], "rb").read(), "the attached PDF differs from the letter")
sys.exit(0 if ok else 1)
PY

# --- a cancelled conference: every registrant answered in writing
# written after the answer of 16/10 (a letter quotes no answer dated after it)
DLG_TODAY=2026-10-20 dlg-reply --session 2026-2 -o tl2 || fail "dlg-reply for the cancelled conference failed"
[ "$(ls tl2 | tr '\n' ' ')" = "R0008.pdf postal.csv recipients.csv " ] || fail "tl2: $(ls tl2 | tr '\n' ' ')"
check_pdf tl2/R0008.pdf
flat tl2/R0008.pdf >h.txt
has h.txt "không tổ chức được vì lý do bất khả kháng (Mưa lớn gây ngập úng diện rộng)" \
	"mục II.3" "tờ khai đăng ký kết hôn"

# --- a planned conference has no written answers yet
sed 's/,held,/,planned,/' sessions.csv >s && mv s sessions.csv
dlg-reply --session 2026-1 -o tl3 2>/dev/null && fail "dlg-reply for a planned conference"
exit 0
