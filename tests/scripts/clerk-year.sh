#!/bin/sh
# The clerk's year (user acceptance): xã Tân Phú, tỉnh Đồng Nai, 2027, run
# step by step as docs/huong-dan.md says, on data under tests/data/clerk-year/
# (see its README). tests/scripts/year.sh checks the records through a year;
# this one checks what the clerk hands out: every document of the guide is
# made, its text is correct Vietnamese with Decree 30 dates, its number comes
# from the outgoing register and is never reused, the figures of minutes,
# notice and report agree, and no document but the denouncer's own letter
# shows the denouncer's name, village or words (Luật Tố cáo 2018 art. 47).
# YEAR_KEEP=1 keeps the folder.
set -u
data=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/data/clerk-year
work=$(mktemp -d)
[ -n "${YEAR_KEEP:-}" ] && echo "clerk-year: folder $work" || trap 'rm -rf "$work"' EXIT
fails=0
say() { printf 'clerk-year: %s\n' "$*"; }
bad() {
	printf 'clerk-year: FAIL: %s\n' "$*"
	fails=$((fails + 1))
}
# run WHAT DAY COMMAND...: a step of the guide on DAY; it must succeed
run() {
	what=$1 day=$2
	shift 2
	DLG_TODAY=$day "$@" 2>err || bad "$what: exit $?: $(cat err)"
}
# text PDF: the text of a PDF on one line
text() { pdftotext -q "$1" - | tr '\n' ' ' | tr -s ' '; }
# has FILE WORDS...: each phrase is in FILE's text
has() {
	f=$1
	shift
	t=$(text "$f")
	for w in "$@"; do
		case $t in *"$w"*) ;; *) bad "$f: \"$w\" not found" ;; esac
	done
}
. "${TOP:?}/tests/scripts/lib/staff.sh"
# same FILE COMMAND...: running a step a second time leaves FILE unchanged
same() {
	f=$1
	shift
	cp "$f" "$work/before"
	"$@" >/dev/null 2>&1
	cmp -s "$f" "$work/before" || bad "running again changed $f: $*"
}

cd "$work" || exit 2
say "1. the case folder"
dlg init --commune "xã Tân Phú" tan-phu || exit 2
cd tan-phu || exit 2
sed -i -e 's/^address = .*/address = Ấp 1, xã Tân Phú, tỉnh Đồng Nai/' \
	-e 's/^email = <<.*/email = vanphong.tanphu@example.vn/' \
	-e 's|^website = .*|website = https://tanphu.example.vn|' \
	-e 's|^register_url = .*|register_url = https://tanphu.example.vn/dang-ky|' \
	-e 's/^name = <<.*/name = Võ Minh Tâm/' -e 's/^province = .*/province = tỉnh Đồng Nai/' \
	-e 's/^chief = .*/chief = Lâm Văn Phước/' dlg.conf
cp "$data/villages.csv" "$data/sessions.csv" .
staff departments.csv '
for r in rows:
    if r["dept"] == "KT": r["email"] = "kinhte.tanphu@example.vn"
    if r["dept"] == "VPDKDD": r["name"] = "Chi nhánh Văn phòng Đăng ký đất đai khu vực Tân Phú"
'
DLG_TODAY=2027-01-12 dlg-deadline --sessions >lich.csv 2>err || bad "deadline --sessions: $(cat err)"
grep -q '^2027-1,2027-02-24,planned,2027-02-14,33,2027-02-17,36,2027-03-08,55$' lich.csv ||
	bad "the calendar of 2027-1: $(cat lich.csv)"

say "2. announcement"
run announce 2027-01-12 dlg-announce --session 2027-1 -o thong-bao-hoi-nghi.pdf --radio truyen-thanh.txt
has thong-bao-hoi-nghi.pdf "Số: 01/TB-UBND" "Tân Phú, ngày 12 tháng 01 năm 2027" \
	"thứ Tư, ngày 24 tháng 02 năm 2027" "chậm nhất ngày 14 tháng 02 năm 2027" "Trưởng ấp Phú Lợi (Lê Văn Tư)"
grep -q "ngày 24 tháng 02 năm 2027" truyen-thanh.txt || bad "the radio text has no date"
same outgoing.csv env DLG_TODAY=2027-01-13 dlg-announce --session 2027-1 -o thong-bao-hoi-nghi.pdf

say "3. registration"
mkdir inbox
cp -R "$data/online-export.csv" "$data/phieu-giay.csv" "$data/phieu-muon.csv" "$data/thu" inbox/
run "register online" 2027-01-25 dlg-register --into registrations.csv --channel online inbox/online-export.csv
grep -q 'online-export.csv:1: .*"Bạn biết Hội nghị qua đâu?"' err || bad "the unmatched column is not named: $(cat err)"
run "register paper" 2027-01-28 dlg-register --into registrations.csv --channel paper inbox/phieu-giay.csv
run "register e-mail" 2027-02-02 dlg-register --into registrations.csv inbox/thu
# the guide's preview commands (section 2), as written: nothing recorded
cp registrations.csv "$work/before"
export DLG_TODAY=2027-01-28
dlg-register --channel paper inbox/phieu-giay.csv 2>err | dlg-route 2>>err | dlg-deadline >xem.csv 2>>err
grep -q '^tam-0001,.*,tam-0001-1,' xem.csv || bad "the guide's preview pipeline: $(cat err)"
dlg-register --channel paper --xlsx phieu-moi.xlsx inbox/phieu-giay.csv 2>err || bad "register --xlsx: $(cat err)"
[ "$(stat -c %a phieu-moi.xlsx 2>/dev/null)" = 600 ] || bad "phieu-moi.xlsx is missing or readable by others"
unset DLG_TODAY
cmp -s registrations.csv "$work/before" || bad "a preview changed registrations.csv"
run "register late" 2027-02-18 dlg-register --into registrations.csv --channel paper inbox/phieu-muon.csv
same registrations.csv env DLG_TODAY=2027-02-19 dlg-register --into registrations.csv --channel online inbox/online-export.csv
same registrations.csv env DLG_TODAY=2027-02-19 dlg-register --into registrations.csv inbox/thu
st() { python3 -c "import csv,sys; print(' '.join(r['reg_id']+':'+r['status'] for r in csv.DictReader(open('registrations.csv',encoding='utf-8'))))"; }
[ "$(st)" = "R0001:accepted R0002:accepted R0003:accepted R0004:duplicate R0005:accepted R0006:accepted R0007:accepted R0008:incomplete R0009:accepted R0010:late" ] ||
	bad "statuses: $(st)"
grep -q '^R0009,.*,accepted,"Mục ""Về giải quyết thủ tục hành chính"" ghi ""Không có."", coi như để trống."' registrations.csv ||
	bad "the e-mail's \"Không có.\" is not left blank with a note"
grep -q '"Bạn biết Hội nghị qua đâu?"\|Bạn biết Hội nghị qua đâu?' registrations.csv || bad "the form's own column was dropped"

say "4. routing, slips, staff edits"
run route 2027-02-03 dlg-route --sent 2027-02-03 --slips chuyen/ --slips-csv danh-sach/ --into items.csv registrations.csv
grep -q '^R0009,.*R0009-2' items.csv && bad "an item was made of \"Không có.\""
grep -q ',R0003-2,handling,.*,denunciation,VP,commune,redirect,' items.csv || bad "the denunciation is not redirected"
grep -q ',R0005-1,.*,escalate,' items.csv || bad "the request to change a decree is not escalated"
has chuyen/VP.pdf "Số: 01/UBND-VP" "Tân Phú, ngày 03 tháng 02 năm 2027" "12/02/2027"
for f in chuyen/*.pdf; do text "$f" | grep -q "Phan Quốc Bảo\|Nguyễn Văn X" && bad "$f names the denouncer"; done
staff items.csv '
header.append("ghi_chu_vp")
for r in rows:
    r["ghi_chu_vp"] = "đã gọi điện" if r["item_id"] == "R0006-1" else ""
    if r["item_id"] == "R0001-1": r["dept"] = "TTPV"
'
same items.csv env DLG_TODAY=2027-02-04 dlg-route --into items.csv registrations.csv

say "5. guidance, acknowledgements, reminders"
run guidance 2027-02-04 dlg-reply --session 2027-1 --guidance -o huong-dan/2027-1/
grep -q '^R0003-2,2027-02-04,guidance,' closures.csv || bad "the guidance is not in closures.csv"
run acknowledge 2027-02-18 dlg-reply --session 2027-1 --acknowledge -o bao-nhan/2027-1/
[ -e bao-nhan/2027-1/R0010.pdf ] || bad "no acknowledgement for the late form"
grep -q 'R0008' err || bad "the incomplete form without address is not named: $(cat err)"
cat "$data/answers-add.csv" >>answers.csv
DLG_TODAY=2027-02-15 dlg-deadline --remind --answers answers.csv <items.csv >nhac.txt 2>err
[ $? = 1 ] || bad "reminders with overdue items do not exit 1"
grep -q "Ngày 15/02/2027: 5 nội dung quá hạn." nhac.txt || bad "reminders: $(head -3 nhac.txt)"
grep -q "Phan Quốc Bảo" nhac.txt && bad "the reminders list the guided denunciation"

say "6. invitations, briefing, escalation, attendance list"
run invite 2027-02-16 dlg-invite --session 2027-1 -o giay-moi/ --one-file giay-moi.pdf <registrations.csv
[ "$(ls giay-moi | tr '\n' ' ')" = "R0001.pdf R0002.pdf R0005.pdf R0006.pdf R0007.pdf R0009.pdf recipients.csv " ] ||
	bad "invitations: $(ls giay-moi | tr '\n' ' ')"
has giay-moi/R0002.pdf "Số: 01/GM-UBND" "Kính gửi: Ông/Bà Bùi Thị Hạnh, đại diện Hộ kinh doanh Hạnh Phát"
has giay-moi/R0009.pdf "Số: 01/GM-UBND"
text giay-moi/R0009.pdf | grep -q "Không có" && bad "the invitation lists \"Không có.\""
run "invite departments" 2027-02-16 dlg-invite --session 2027-1 --departments -o giay-moi-phong/ <items.csv
run "invite participants" 2027-02-16 dlg-invite --session 2027-1 --participants -o giay-moi-thanh-phan/
has "giay-moi-thanh-phan/Khu_phố_Chợ.pdf" "Kính gửi: Ông/Bà Phạm Thị Thu, Trưởng khu phố Chợ"
run brief 2027-02-22 dlg-brief --session 2027-1 -o bao-cao-lanh-dao.pdf
has bao-cao-lanh-dao.pdf "Số: 01/BC-VP" "Tổng số 07 nội dung của 06 người dân" "01 nội dung khiếu nại, tố cáo"
run attend 2027-02-23 dlg-attend --session 2027-1 -o danh-sach-dai-bieu.pdf
grep -q ',R0003,' danh-sach-dai-bieu.csv && bad "the denouncer is on the attendance list"

say "7. the conference day"
cp "$data/hoi-nghi.csv" inbox/tai-hoi-nghi.csv
run "register floor" 2027-02-24 dlg-register --into registrations.csv --channel conference inbox/tai-hoi-nghi.csv
run "route floor" 2027-02-24 dlg-route --into items.csv registrations.csv
grep -q ',R0011-1,' items.csv || bad "the question from the floor is not routed"
grep -q 'đã gọi điện' items.csv && grep -q '^R0001,.*,R0001-1,.*,TTPV,' items.csv ||
	bad "the staff's edits of items.csv were lost"
staff danh-sach-dai-bieu.csv '
for r in rows:
    r["present"] = "x"
    if r["who"] == "R0007": r["present"], r["reason"] = "vắng", "ốm"
    if r["who"] in ("R0005", "QS"): r["present"] = "vắng"
rows.append({"session": "2027-1", "who": "R0011", "section": "citizens", "present": "x"})
'
run attendance 2027-02-24 dlg-attend --into attendance.csv danh-sach-dai-bieu.csv
same attendance.csv dlg-attend --into attendance.csv danh-sach-dai-bieu.csv
cat "$data/answers-conf.csv" >>answers.csv
cp "$data/notes-2027-1.md" notes/2027-1.md
sed -i '2s/,planned$/,held/' sessions.csv

say "8. minutes, notice, replies, report: one count"
run minutes 2027-02-26 dlg-minutes --session 2027-1 -o bien-ban.pdf
run notice 2027-02-26 dlg-minutes --notice --session 2027-1 -o thong-bao.pdf
has bien-ban.pdf "Số: 01/BB-UBND" "05 người có mặt (04 người đăng ký trước, 01 người đăng ký phát biểu tại Hội nghị); 02 người đăng ký vắng mặt" \
	"Người đăng ký vắng mặt: Đỗ Thanh Tùng, Ấp Phú Lợi (không báo lý do); Trương Văn Sáu, Khu phố Chợ (ốm)" \
	"Hội nghị kết thúc vào 10 giờ 45 phút cùng ngày" "01 nội dung khiếu nại, tố cáo, tranh chấp"
pdftotext -layout bien-ban.pdf - | grep -Eq "Tổng cộng +5 +2" || bad "the minutes' attendance total is not 5 present, 2 absent"
pdftotext -layout bien-ban.pdf - | grep -Eq "Khu phố Chợ +1 +1" ||
	bad "the minutes count the denouncer as absent in his village"
has thong-bao.pdf "Số: 02/TB-UBND" "Tân Phú, ngày 26 tháng 02 năm 2027" "và 05 người dân" \
	"trả lời trực tiếp tại Hội nghị 03 nội dung; 06 nội dung được trả lời bằng văn bản"
run replies 2027-02-27 dlg-reply --session 2027-1 --pending -o tra-loi/2027-1/
[ "$(cut -d, -f1 tra-loi/2027-1/recipients.csv | tr '\n' ' ')" = "reg_id R0002 R0005 R0006 R0007 " ] ||
	bad "reply recipients: $(cut -d, -f1 tra-loi/2027-1/recipients.csv | tr '\n' ' ')"
has tra-loi/2027-1/R0007.pdf "Kính gửi: Ông/Bà Trương Văn Sáu" "vắng mặt (lý do: ốm)"
has tra-loi/2027-1/R0005.pdf "vượt thẩm quyền"
run escalate 2027-02-27 dlg-escalate --session 2027-1 -o bao-cao-cap-tren.pdf
grep -q '^R0005-1,2027-02-27,escalated,' closures.csv || bad "the escalation is not in closures.csv"
same closures.csv env DLG_TODAY=2027-02-28 dlg-escalate --session 2027-1 -o bao-cao-cap-tren.pdf
same outgoing.csv env DLG_TODAY=2027-02-28 dlg-reply --session 2027-1 --pending -o tra-loi/2027-1/
run report 2027-03-01 dlg-report --session 2027-1 --pdf bao-cao.pdf
has bao-cao.pdf "Tân Phú, ngày 01 tháng 3 năm 2027" "5 người dân" \
	"trả lời trực tiếp tại Hội nghị 03 nội dung; 06 nội dung được trả lời bằng văn bản"
DLG_TODAY=2027-03-01 dlg-report --session 2027-1 --public >niem-yet.md 2>err || bad "public list: $(cat err)"
grep -q "0913 \\\\\*\\\\\*\\\\\* 333\|0913 \*\*\* 333" niem-yet.md || bad "the public list does not mask phones"
DLG_TODAY=2027-03-01 dlg-report --session 2027-1 --check >/dev/null 2>err || bad "coverage: every village came: $(cat err)"

say "9. the cancelled conference"
DLG_TODAY=2027-03-02 dlg-report --session 2027-1 --table channels >kenh-truoc.csv
run "carry over" 2027-03-02 dlg-register --into registrations.csv --carry-over R0010
same registrations.csv env DLG_TODAY=2027-03-03 dlg-register --into registrations.csv --carry-over R0010
# R0010 was late for 2027-1: carried over, it is still that conference's late form
DLG_TODAY=2027-03-02 dlg-report --session 2027-1 --table channels >kenh-sau.csv
cmp -s kenh-truoc.csv kenh-sau.csv || bad "carrying R0010 over changed the 2027-1 report: $(diff kenh-truoc.csv kenh-sau.csv | tr '\n' ' ')"
run "route 2" 2027-05-20 dlg-route --sent 2027-05-20 --into items.csv registrations.csv
sed -i '3s/,planned$/,cancelled/' sessions.csv
run "replies 2" 2027-06-17 dlg-reply --session 2027-2 --pending -o tra-loi/2027-2/
has tra-loi/2027-2/R0010.pdf "Tân Phú, ngày 17 tháng 6 năm 2027" "không tổ chức được"
DLG_TODAY=2027-06-17 dlg-minutes --session 2027-2 -o bb2.pdf 2>err
[ $? = 2 ] && [ ! -e bb2.pdf ] && grep -q 'sessions.csv:3:' err || bad "minutes of a cancelled conference: $(cat err)"

say "10. envelopes, the outgoing register"
run envelopes 2027-06-18 dlg-post --envelope dl -o phong-bi.pdf tra-loi/2027-1/postal.csv
has phong-bi.pdf "Kính gửi: Ông/Bà Bùi Thị Hạnh" "Ấp 2, xã Tân Phú, tỉnh Đồng Nai"
run labels 2027-06-18 dlg-post --labels -o nhan.pdf tra-loi/2027-2/postal.csv
run register-book 2027-12-30 dlg-outgoing --year 2027 --pdf so-van-ban-di-2027.pdf
dups=$(cut -d, -f1 outgoing.csv | sort | uniq -d)
[ -z "$dups" ] || bad "numbers issued twice: $dups"
for n in 01/TB-UBND 02/TB-UBND 01/GM-UBND 01/BB-UBND 01/BC-VP 01/UBND-VP 13/UBND-VP; do
	grep -q "^$n," outgoing.csv || bad "$n is not in outgoing.csv"
done

say "11. no document shows the denouncer"
# (the outgoing register is the văn thư's own book: it names the addressee of
# every letter, the denouncer's guidance too, but never what it is about)
text so-van-ban-di-2027.pdf | grep -q "Nguyễn Văn X\|tố cáo cán bộ\|hướng dẫn nội dung tố cáo" &&
	bad "the outgoing register tells what the denunciation is about"
find . -name '*.pdf' ! -path './huong-dan/*' ! -name so-van-ban-di-2027.pdf | while read -r f; do
	text "$f" | grep -q "Phan Quốc Bảo\|Nguyễn Văn X\|tố cáo cán bộ\|0988" && echo "$f"
done >leaks
[ -s leaks ] && bad "documents that show the denouncer: $(tr '\n' ' ' <leaks)"
grep -q "Phan Quốc Bảo" niem-yet.md && bad "the public list names the denouncer"
text huong-dan/2027-1/R0003.pdf | grep -q "Kính gửi: Ông/Bà Phan Quốc Bảo" || bad "the denouncer's own guidance letter"
for f in registrations.csv items.csv giay-moi/R0001.pdf tra-loi/2027-1/R0002.pdf; do
	[ "$(stat -c %a "$f")" = 600 ] || bad "$f is readable by others ($(stat -c %a "$f"))"
done

[ $fails = 0 ] && say "every check passed" && exit 0
say "$fails checks failed"
exit 1
