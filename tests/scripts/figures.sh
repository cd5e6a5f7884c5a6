#!/bin/sh
# Figures that agree, denouncers protected, numbers from the register, on the
# hand-counted case folder tests/data/figures (its README gives every figure
# and how it was counted):
# - the notice, the minutes and the report print exactly the hand-counted
#   figures (people present, questions answered at the conference and in
#   writing, each counted once);
# - redirected questions (a complaint, two denunciations) never appear with
#   a name, village or content in the notice, the minutes, the report, the
#   list dlg-report --public prints, or an invitation; the documents count
#   them ("03 nội dung khiếu nại, tố cáo, tranh chấp"); a registrant whose
#   every question was redirected gets no invitation, only the guidance
#   letter;
# - every document takes its number from the outgoing register: numbers
#   below 10 print "03", running every command a second time changes nothing
#   in the register, and no two documents share a number.
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "figures.sh: $*" >&2
	exit 1
}
cp -R "$TOP/tests/data/figures/." "$w/" || exit 1
cd "$w" || exit 1
rm -f README

# the text of a PDF on one line, page numbers dropped, spaces squeezed
flat() {
	pdftotext "$1" - | grep -v '^[0-9]*$' | tr '\n' ' ' | tr -s ' '
}
has() { # file text...
	f=$1
	shift
	for s in "$@"; do
		grep -qF -- "$s" "$f" || fail "$f: \"$s\" not found in: $(cut -c1-3000 "$f")"
	done
}
hasnt() {
	f=$1
	shift
	for s in "$@"; do
		grep -qF -- "$s" "$f" && fail "$f: \"$s\" must not be there"
	done
	return 0
}

run_all() { # the documents of the conference, as the office issues them
	DLG_TODAY=2026-07-02 dlg-invite --session 2026-1 -o gm --one-file gm.pdf registrations.csv ||
		fail "dlg-invite failed"
	DLG_TODAY=2026-07-02 dlg-invite --session 2026-1 --departments -o gmp items.csv ||
		fail "dlg-invite --departments failed"
	DLG_TODAY=2026-07-16 dlg-minutes --session 2026-1 -o bb.pdf || fail "dlg-minutes failed"
	DLG_TODAY=2026-07-20 dlg-minutes --notice --session 2026-1 -o tb.pdf ||
		fail "dlg-minutes --notice failed"
	DLG_TODAY=2026-07-23 dlg-reply --session 2026-1 -o tl || fail "dlg-reply failed"
	DLG_TODAY=2026-07-25 dlg-report --session 2026-1 --pdf bc.pdf || fail "dlg-report --pdf failed"
	DLG_TODAY=2026-07-25 dlg-report --session 2026-1 --public >public.md ||
		fail "dlg-report --public failed"
}
run_all 2>err.txt
[ -s err.txt ] && fail "unexpected messages: $(cat err.txt)"

# --- the figures, as counted by hand
flat tb.pdf >tb.txt
has tb.txt "Số: 01/TB-UBND" \
	"đại diện lãnh đạo 05 phòng, ban, ngành, cơ quan, đơn vị liên quan và 07 người dân" \
	"Có 10 người dân, tổ chức, doanh nghiệp nêu 13 nội dung ý kiến, kiến nghị (11 nội dung đăng ký trước, 02 nội dung phát biểu trực tiếp tại Hội nghị)" \
	"trả lời trực tiếp tại Hội nghị 05 nội dung; 08 nội dung được trả lời bằng văn bản, gồm 04 nội dung các cơ quan, đơn vị trả lời, 01 nội dung vượt thẩm quyền được báo cáo cấp trên và 03 nội dung khiếu nại, tố cáo, tranh chấp đã được hướng dẫn theo quy định" \
	"Vào ngày 16 tháng 7 năm 2026" "(lần 1)"
hasnt tb.txt "Ngày ngày" "2026-1"
flat bb.pdf >bb.txt
has bb.txt "Số: 03/BB-UBND" \
	"07 người có mặt (05 người đăng ký trước, 02 người đăng ký phát biểu tại Hội nghị); 02 người đăng ký vắng mặt" \
	"03 nội dung khiếu nại, tố cáo, tranh chấp không thuộc phạm vi Hội nghị đối thoại đã được hướng dẫn theo quy định" \
	"Nơi nhận:" "Lưu: VT, Hồ sơ."
pdftotext -layout bb.pdf - | grep -Eq "Tổng cộng +7 +2" ||
	fail "bb.pdf: the attendance table's total is not 7 present, 2 absent (the denouncer is neither)"
flat bc.pdf >bc.txt
has bc.txt "Số: 01/BC-UBND" "năm 2026 (lần 1)" \
	"đại diện lãnh đạo 05 phòng, ban, ngành, cơ quan, đơn vị và 07 người dân" \
	"trả lời trực tiếp tại Hội nghị 05 nội dung; 08 nội dung được trả lời bằng văn bản, gồm 04 nội dung các cơ quan, đơn vị trả lời, 01 nội dung vượt thẩm quyền được báo cáo cấp trên và 03 nội dung khiếu nại, tố cáo, tranh chấp đã được hướng dẫn theo quy định" \
	"Tổng số phiếu đăng ký: 11, trong đó hợp lệ 10, quá hạn đăng ký 1" "Tổng số nội dung: 13"
hasnt bc.txt "Hội nghị 2026-1" "(2026-1)"

# --- denouncers protected: no name, village or content of a redirected question
for f in tb bb bc; do
	hasnt $f.txt "khiếu nại Quyết định xử phạt" "lấn chiếm hành lang" "nhận tiền của người làm hồ sơ" \
		"Lê Văn Cường" "Lý Thị Kim" "Trịnh Văn X"
done
# R0005's ordinary question is in the minutes, his denunciation is not
has bb.txt "Hoàng Văn Em" "đăng ký khai sinh trực tuyến"
hasnt public.md "Lê Văn Cường" "Lý Thị Kim" "khiếu nại Quyết định xử phạt" "lấn chiếm hành lang" "nhận tiền của người làm hồ sơ"
has public.md "Hoàng Văn Em" "Không ghi tên 02 người đăng ký chỉ có nội dung khiếu nại, tố cáo, tranh chấp"
# invitations: none to R0003 and R0010, R0005's lists only his ordinary question
[ -e gm/R0003.pdf ] && fail "an invitation to R0003, whose only question is a complaint"
[ -e gm/R0010.pdf ] && fail "an invitation to R0010, whose only question is a denunciation"
[ -e gm/R0005.pdf ] || fail "no invitation to R0005: $(ls gm)"
flat gm.pdf >gm.txt
flat gm/R0005.pdf >gm5.txt
has gm5.txt "đăng ký khai sinh trực tuyến"
for f in gm.txt gmp.txt; do
	[ $f = gmp.txt ] && for p in gmp/*.pdf; do flat "$p"; done >gmp.txt
	hasnt $f "khiếu nại Quyết định xử phạt" "lấn chiếm hành lang" "nhận tiền của người làm hồ sơ" \
		"Lê Văn Cường" "Lý Thị Kim"
done
# every invitation shares one number: one document, its copies personalised
[ "$(grep -o 'Số: [0-9]*/GM-UBND' gm.txt | sort -u)" = "Số: 01/GM-UBND" ] ||
	fail "the invitations do not share one number: $(grep -o 'Số: [0-9]*/GM-UBND' gm.txt | sort -u | tr '\n' ' ')"
# the guidance letters go to R0003 and R0010 themselves
flat tl/R0003.pdf >g3.txt
has g3.txt "Hướng dẫn:" "Luật Khiếu nại năm 2011"
flat tl/R0010.pdf >g10.txt
has g10.txt "Hướng dẫn:" "Luật Tố cáo năm 2018"

# --- numbers: each document its own, letters numbered 01.. in the register
python3 - outgoing.csv <<'PY' || fail "outgoing.csv: numbers shared or missing"
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
seen = collections.Counter((r["year"], r["type"], r["seq"]) for r in rows)
dup = [k for k, n in seen.items() if n > 1]
docs = collections.Counter(r["doc"] for r in rows)
ok = not dup and docs == {"invite": 1, "invite-departments": 1, "minutes": 1, "notice": 1,
                          "reply": 8, "report": 1}
if not ok:
    print(dup, dict(docs))
sys.exit(0 if ok else 1)
PY
cp outgoing.csv outgoing.first
# a second run of every command: the same numbers, nothing new in the register
for f in gm.pdf gmp bb.pdf tb.pdf tl bc.pdf; do mv "$f" "$f.1"; done
run_all 2>err.txt
cmp -s outgoing.csv outgoing.first || fail "a second run changed the register: $(diff outgoing.first outgoing.csv)"
cmp -s bb.pdf bb.pdf.1 || fail "the minutes differ on a second run"
cmp -s tb.pdf tb.pdf.1 || fail "the notice differs on a second run"
for f in tl/*.pdf; do
	cmp -s "$f" "tl.1/$(basename "$f")" || fail "$f differs on a second run"
done
# a notice dated after the publish-by day warns (16/07 + 10 days = Sunday
# 26/07, so Monday 27/07: Civil Code art. 148)
DLG_TODAY=2026-07-28 dlg-minutes --notice --session 2026-1 -o late.pdf 2>err.txt ||
	fail "a late notice failed"
grep -q "warning: the notice is dated 28/07/2026, after 27/07/2026" err.txt ||
	fail "no warning for a late notice: $(cat err.txt)"
cp outgoing.first outgoing.csv # (the late notice is the same document: same number)
# --number: recorded, and a number that does not fit is an error
DLG_TODAY=2026-10-20 dlg-reply --session 2026-1 -o tl2 --number 3 2>err.txt &&
	fail "--number 3 accepted for letters that already have numbers"
grep -q "already registered" err.txt || fail "--number error: $(cat err.txt)"
cmp -s outgoing.csv outgoing.first || fail "a refused --number changed the register"
exit 0
