#!/bin/sh
# A year of work on a case folder of its own (issue 12): xã Phú Sơn, 2027.
# A conference right after Tết (25/2), one cancelled by a storm (17/6), one
# still planned (14/10); late and incomplete forms, two forms that differ
# only in a column dlg does not read, a duplicate, a denunciation, a
# question for the city, staff edits between the steps, questions raised
# from the floor after routing, a register that is a symbolic link.
# Every step runs as the guide says (records only through --into) and every
# promise of the records is checked: nothing a clerk did is lost, running a
# step twice changes nothing, nothing false is said.
set -u
work=$(mktemp -d)
[ -n "${YEAR_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
fails=0
say() { printf 'year: %s\n' "$*"; }
bad() {
	printf 'year: FAIL: %s\n' "$*"
	fails=$((fails + 1))
}
# check WHAT COMMAND...: the command must succeed
check() {
	what=$1
	shift
	"$@" || bad "$what"
}
# csv FILE EXPR: evaluate a Python expression over rows (list of dicts)
csv() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(eval(sys.argv[2]))
PY
}
. "${TOP:?}/tests/scripts/lib/staff.sh"
pdftext() { pdftotext -q "$1" - | tr '\n' ' ' | tr -s ' '; }

cd "$work"
dlg init --commune "xã Phú Sơn" phu-son >/dev/null || exit 2
mkdir so-dang-ky
cd phu-son
# the office fills in dlg.conf, its villages, conferences and departments
sed -i -e 's/^address = .*/address = thôn Đông, xã Phú Sơn, tỉnh Hòa Bình/' \
	-e 's/^email = .*/email = vanphong.phuson@example.vn/' \
	-e 's/^website = .*/website = https:\/\/phuson.example.vn/' \
	-e 's/^register_url = .*/register_url = https:\/\/phuson.example.vn\/dang-ky/' \
	-e 's/^name = <<.*/name = Đinh Văn Quang/' dlg.conf
cat >villages.csv <<'EOF'
village,kind,head,aliases
Thôn Đông,thôn,Quách Văn Một,
Thôn Tây,thôn,Bùi Thị Hai,
Thôn Nam,thôn,Đinh Văn Ba,
Thôn Bắc,thôn,Xa Văn Bốn,
Tổ dân phố Chợ,tổ dân phố,Lò Thị Năm,phố Chợ
EOF
cat >sessions.csv <<'EOF'
session,date,time,venue,chair,secretary,status,note
2027-1,2027-02-25,08:00,"Hội trường UBND xã Phú Sơn, thôn Đông",Đinh Văn Quang - Phó Chủ tịch UBND xã,Hà Thị Sáu - Công chức Văn phòng HĐND - UBND xã,planned,
2027-2,2027-06-17,08:00,"Hội trường UBND xã Phú Sơn, thôn Đông",Đinh Văn Quang - Phó Chủ tịch UBND xã,Hà Thị Sáu - Công chức Văn phòng HĐND - UBND xã,planned,
2027-3,2027-10-14,08:00,"Hội trường UBND xã Phú Sơn, thôn Đông",Đinh Văn Quang - Phó Chủ tịch UBND xã,Hà Thị Sáu - Công chức Văn phòng HĐND - UBND xã,planned,
EOF
staff departments.csv '
for r in rows:
    if r["dept"] == "KT":
        r["name"] = "Phòng Kinh tế - Hạ tầng và Đô thị"
'
# holidays.csv with one row for 2027 (a make-up Saturday): Tết stays off
printf 'date,name,kind\n2027-02-20,Làm bù ngày 12/02,work\n' >holidays.csv

mkdir inbox
cat >inbox/phieu-giay.csv <<'EOF'
received,name,phone,address,village,topic_procedure,topic_handling,so_phieu
2027-01-20,Trần Văn Hòa,0912000001,"xóm 1, Thôn Đông",Thôn Đông,Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu cần những giấy tờ gì?,,P-01
2027-01-22,Lê Thị Mai,0912000002,Thôn Tây,Thôn Tây,Đăng ký khai sinh cho con ở đâu khi bố mẹ ở hai xã khác nhau?,,P-02
2027-01-25,Phạm Văn Nam,0912000003,Thôn Nam,Thôn Nam,,Tôi tố cáo cán bộ địa chính nhận tiền bồi dưỡng mới làm hồ sơ cho dân.,P-03
2027-01-26,Hoàng Văn Bắc,0912000004,Thôn Bắc,Thôn Bắc,Kiến nghị UBND thành phố sửa đổi quy định về diện tích tối thiểu được tách thửa ở nông thôn.,,P-04
2027-01-27,Đỗ Thị Lan,,,,Hỏi về chế độ cho người khuyết tật.,,P-05
2027-01-28,,0912000006,Thôn Nam,Thôn Nam,Thủ tục chuyển mục đích sử dụng đất vườn sang đất ở.,,P-06
2027-01-29,Ngô Văn Tư,,Tổ dân phố Chợ,Tổ dân phố Chợ,,,P-17
2027-01-29,Ngô Văn Tư,,Tổ dân phố Chợ,Tổ dân phố Chợ,,,P-18
2027-02-18,Vũ Thị Hạnh,0912000009,Thôn Đông,Thôn Đông,Thủ tục cấp đổi căn cước cho người trên 60 tuổi.,,P-09
2027-02-20,Bùi Văn Khánh,0912000010,Thôn Tây,Thôn Tây,Hộ kinh doanh nhỏ có phải đăng ký thuế không?,,P-10
EOF
cat >inbox/email.csv <<'EOF'
received,channel,name,phone,email,address,topic_procedure
2027-01-21,email,Trần Văn Hòa,0912 000 001,hoa.tv@example.vn,Thôn Đông,Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu cần những giấy tờ gì?
2027-02-01,email,Lường Thị Chợ,0912000012,cho.lt@example.vn,Tổ dân phố Chợ,Thủ tục đăng ký kết hôn có cần giấy xác nhận tình trạng hôn nhân không?
EOF

say "1. pipelines without a record"
dlg-register --channel paper inbox/phieu-giay.csv 2>err | dlg-route 2>/dev/null |
	dlg-deadline --today 2027-02-01 >pipe.csv
check "register | route | deadline runs" test -s pipe.csv
dlg-register --channel paper inbox/phieu-giay.csv 2>/dev/null >pipe-regs.csv
check "every input row comes out with a status" [ "$(csv pipe-regs.csv 'len(rows) == 10 and all(r["status"] for r in rows)')" = True ]
check "pipeline ids are provisional" [ "$(csv pipe.csv 'all(r["reg_id"].startswith("tam-") for r in rows) and len(rows) > 0')" = True ]
check "no file named - left" test ! -e -
dlg-register --channel paper --into - inbox/phieu-giay.csv 2>err
[ $? = 2 ] && grep -q "not standard output" err || bad "--into - refused with a clear message"
check "--into - leaves no file" test ! -e -
timeout 20 dlg-register --channel paper --into /dev/stdout inbox/phieu-giay.csv 2>err | cat >/dev/null
rc=$?
[ $rc != 124 ] && grep -q "not a regular file" err || bad "--into /dev/stdout does not hang (rc $rc)"
[ -c /dev/null ] || bad "/dev/null is still a device"

say "2. intake into the register (every form comes out, late is late)"
DLG_TODAY=2027-02-21 dlg-register --into registrations.csv --channel paper inbox/phieu-giay.csv 2>err ||
	bad "register paper"
grep -q "10 forms read: 4 accepted, 2 late, 4 incomplete, 0 duplicate; 10 added" err ||
	bad "summary accounts for every paper form: $(cat err)"
check "two forms that differ only in so_phieu are two" [ "$(csv registrations.csv 'sum(r["name"] == "Ngô Văn Tư" for r in rows)')" = 2 ]
check "each keeps its own so_phieu" [ "$(csv registrations.csv '",".join(r["so_phieu"] for r in rows if r["name"] == "Ngô Văn Tư")')" = "P-17,P-18" ]
late=$(csv registrations.csv '[r["note"] for r in rows if r["name"] == "Vũ Thị Hạnh"][0]')
case $late in *"sau hạn đăng ký 15/02/2027 của hội nghị 2027-1"*) ;; *) bad "late note names the cutoff: $late" ;; esac
check "late form stays with 2027-1" [ "$(csv registrations.csv '[r["session"] + r["status"] for r in rows if r["name"] == "Vũ Thị Hạnh"][0]')" = 2027-1late ]
# the register moves to a shared folder; the case keeps a symbolic link
mv registrations.csv ../so-dang-ky/registrations.csv
ln -s ../so-dang-ky/registrations.csv registrations.csv
DLG_TODAY=2027-02-21 dlg-register --into registrations.csv inbox/email.csv 2>err || bad "register email"
grep -q "2 forms read: 1 accepted, 0 late, 0 incomplete, 1 duplicate; 2 added" err || bad "email summary: $(cat err)"
check "the register is still a link" test -L registrations.csv
check "the link's target got the rows" [ "$(csv ../so-dang-ky/registrations.csv 'len(rows)')" = 12 ]
dup=$(csv registrations.csv '[r["note"] for r in rows if r["status"] == "duplicate"][0]')
case $dup in *"R0001"*) ;; *) bad "duplicate names the earlier form: $dup" ;; esac
# the same exports again, on another day: nothing added
cp ../so-dang-ky/registrations.csv before.csv
DLG_TODAY=2027-02-22 dlg-register --into registrations.csv --channel paper inbox/phieu-giay.csv 2>err
grep -q "10 forms read: .*0 added to registrations.csv, 10 already there" err || bad "same paper forms again: $(cat err)"
DLG_TODAY=2027-02-22 dlg-register --into registrations.csv inbox/email.csv 2>/dev/null
check "importing again changes nothing" cmp -s before.csv ../so-dang-ky/registrations.csv
# the office takes Vũ Thị Hạnh's late form to the June conference
hanh=$(csv registrations.csv '[r["reg_id"] for r in rows if r["name"] == "Vũ Thị Hạnh"][0]')
DLG_TODAY=2027-02-22 dlg-register --into registrations.csv --carry-over "$hanh" 2>/dev/null || bad "carry over"
check "carried over to 2027-2, accepted" [ "$(csv registrations.csv "[r['session'] + r['status'] for r in rows if r['reg_id'] == '$hanh'][0]")" = 2027-2accepted ]
cp ../so-dang-ky/registrations.csv carried.csv
DLG_TODAY=2027-02-23 dlg-register --into registrations.csv --carry-over "$hanh" 2>/dev/null
check "carrying over twice changes nothing" cmp -s carried.csv ../so-dang-ky/registrations.csv

say "3. routing into the record, staff edits, floor questions"
DLG_TODAY=2027-02-03 dlg-route --sent 2027-02-03 --into items.csv registrations.csv 2>/dev/null ||
	bad "route --into"
n1=$(csv items.csv 'len(rows)')
check "items for accepted forms" [ "$n1" = 6 ]
mai=$(csv registrations.csv '[r["reg_id"] for r in rows if r["name"] == "Lê Thị Mai"][0]')
# staff: Mai's question goes to the office, not its routed department; a cc,
# a note, an earlier sent date and a column of their own
staff items.csv "
header.append('ghi_chu_vp')
for r in rows:
    r['ghi_chu_vp'] = ''
    if r['reg_id'] == '$mai':
        r['dept'] = 'VP'
        r['cc'] = 'CA'
        r['note'] = 'Văn phòng trả lời trực tiếp'
        r['sent'] = '2027-02-02'
        r['ghi_chu_vp'] = 'đã gọi điện hẹn'
"
cp items.csv edited.csv
# routing waits for the folder's lock, the one dlg-register takes
if command -v flock >/dev/null 2>&1; then
	flock . sleep 2 &
	sleep 0.5
	t0=$(date +%s)
	DLG_TODAY=2027-02-04 dlg-route --into items.csv registrations.csv 2>/dev/null
	t1=$(date +%s)
	wait
	[ $((t1 - t0)) -ge 1 ] || bad "dlg-route --into waits for the folder lock"
fi
DLG_TODAY=2027-02-04 dlg-route --sent 2027-02-04 --into items.csv registrations.csv 2>/dev/null
check "routing again keeps every staff edit" cmp -s edited.csv items.csv
# a failed run (a registrations file cut short) leaves the record whole
head -c 300 ../so-dang-ky/registrations.csv >broken.csv
dlg-route --into items.csv broken.csv 2>/dev/null
[ $? = 2 ] || bad "routing a broken file fails"
check "a failed run leaves items.csv whole" cmp -s edited.csv items.csv
# the guidance letter for the denunciation goes out the next day
DLG_TODAY=2027-02-04 dlg-reply --session 2027-1 --guidance -o huong-dan/ 2>err || bad "reply --guidance: $(cat err)"
nam=$(csv registrations.csv '[r["reg_id"] for r in rows if r["name"] == "Phạm Văn Nam"][0]')
check "guidance letter written" test -f "huong-dan/$nam.pdf"
check "guidance closes the denunciation" [ "$(csv closures.csv "[r['how'] + ' ' + r['date'] for r in rows if r['item_id'] == '$nam-2'][0]")" = "guidance 2027-02-04" ]
check "the closure carries the letter's number" [ -n "$(csv closures.csv "[r['number'] for r in rows if r['item_id'] == '$nam-2'][0]")" ]
pdftext "huong-dan/$nam.pdf" | grep -q "Luật Tố cáo" || bad "guidance letter guides to the denunciation channel"
cp closures.csv closures-once.csv
DLG_TODAY=2027-02-05 dlg-reply --session 2027-1 --guidance -o huong-dan/ 2>/dev/null
check "guidance twice records nothing new" cmp -s closures-once.csv closures.csv
# acknowledgements: late and incomplete forms
DLG_TODAY=2027-02-21 dlg-reply --session 2027-1 --acknowledge -o bao-nhan/ 2>err || bad "acknowledge"
grep -q "no address and no usable e-mail" err || bad "a form with no contact is named: $(cat err)"
khanh=$(csv registrations.csv '[r["reg_id"] for r in rows if r["name"] == "Bùi Văn Khánh"][0]')
noname=$(csv registrations.csv '[r["reg_id"] for r in rows if r["phone"] == "0912000006"][0]')
pdftext "bao-nhan/$khanh.pdf" | grep -q "sau thời hạn đăng ký của Hội nghị (ngày 15 tháng 02 năm 2027" ||
	bad "late letter names the cutoff"
pdftext "bao-nhan/$khanh.pdf" | grep -q "nêu ý kiến trực tiếp tại Hội nghị" || bad "late letter says what happens"
pdftext "bao-nhan/$noname.pdf" | grep -q "còn thiếu họ và tên người đăng ký" || bad "incomplete letter says what is missing"
check "the carried-over form gets no late letter" test ! -e "bao-nhan/$hanh.pdf"

say "4. due dates over Tết, reminders, closures"
# sent 3/2, 5 days: 8/2 is Tết (mùng 3); off until 11/2: due 12/2
check "due date skips Tết" [ "$(dlg-deadline --today 2027-02-12 items.csv | python3 -c "
import csv, sys
print([r['due'] for r in csv.DictReader(sys.stdin) if r['item_id'] == '$nam-2'][0])")" = 2027-02-12 ]
dlg-deadline --holidays 2027 >hol.csv
check "one holidays.csv row never removes Tết" [ "$(csv hol.csv 'sum(r["date"] in ("2027-02-06","2027-02-08","2027-02-09") for r in rows)')" = 3 ]
check "the make-up Saturday works" [ "$(csv hol.csv '[r["kind"] for r in rows if r["date"] == "2027-02-20"][0]')" = work ]
# the city question is reported up on 10/2
bac=$(csv registrations.csv '[r["reg_id"] for r in rows if r["name"] == "Hoàng Văn Bắc"][0]')
check "the city question is escalated" [ "$(csv items.csv "[r['action'] for r in rows if r['item_id'] == '$bac-1'][0]")" = escalate ]
DLG_TODAY=2027-02-12 dlg-escalate --session 2027-1 -o bao-cao-cap-tren.pdf 2>/dev/null || bad "dlg-escalate"
check "the report closes the escalated item" [ "$(csv closures.csv "[r['how'] for r in rows if r['item_id'] == '$bac-1'][0]")" = escalated ]
# departments answer two questions (a staff edit of answers.csv)
hoa=$(csv registrations.csv '[r["reg_id"] for r in rows if r["name"] == "Trần Văn Hòa"][0]')
staff answers.csv "
rows.append({'item_id': '$hoa-1', 'date': '2027-02-12', 'by': 'KT', 'channel': 'written', 'answer': 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.'})
rows.append({'item_id': '$mai-1', 'date': '2027-02-15', 'by': 'VP', 'channel': 'written', 'answer': 'Đăng ký khai sinh tại UBND xã nơi cư trú của cha hoặc mẹ.'})
"
DLG_TODAY=2027-02-16 dlg-deadline --remind --answers answers.csv items.csv >remind.txt
rc=$?
[ $rc = 1 ] || bad "reminders exit 1 with something overdue (got $rc)"
grep -q "$nam-2\|$bac-1" remind.txt && bad "closed items are not reminded of"
grep -q "quá hạn" remind.txt || bad "the open questions are reminded of"
# a row cut short in items.csv: reported with its line, the rest reminded
python3 -c "
lines = open('items.csv', encoding='utf-8').read().split('\n')
lines[2] = ','.join(lines[2].split(',')[:5])
open('items-bad.csv', 'w', encoding='utf-8').write('\n'.join(lines))"
DLG_TODAY=2027-02-16 dlg-deadline --remind --answers answers.csv items-bad.csv >remind-bad.txt 2>err
rc=$?
[ $rc = 2 ] || bad "a bad row makes --remind exit 2 (got $rc)"
grep -q "items-bad.csv:3:" err || bad "the bad row is named by file and line: $(cat err)"
check "good rows still reminded" test -s remind-bad.txt
# answers.csv naming a department that does not exist
cp answers.csv answers-bad.csv
staff answers-bad.csv "rows[0]['by'] = 'KTX'"

say "5. floor questions after routing, the conference held"
cat >inbox/hoi-nghi.csv <<'EOF'
received,channel,name,phone,address,village,topic_procedure
2027-02-25,conference,Quách Thị Bảy,0912000021,Tổ dân phố Chợ,Tổ dân phố Chợ,Thủ tục xin giấy phép xây dựng nhà ở nông thôn có cần không?
2027-02-25,conference,Xa Văn Tám,0912000022,Thôn Đông,Thôn Đông,Cấp lại sổ hộ nghèo khi bị mất làm ở đâu?
EOF
DLG_TODAY=2027-02-25 dlg-register --into registrations.csv inbox/hoi-nghi.csv 2>/dev/null || bad "register floor"
cp items.csv before-floor.csv
DLG_TODAY=2027-02-25 dlg-route --into items.csv registrations.csv 2>/dev/null || bad "route floor"
check "floor questions added" [ "$(csv items.csv 'len(rows)')" = $((n1 + 2)) ]
check "rows before them untouched" [ "$(head -n $((n1 + 1)) items.csv | cmp -s - before-floor.csv && echo same)" = same ]
check "floor items sent on their day" [ "$(csv items.csv 'sorted({r["sent"] for r in rows if r["channel"] == "conference"})')" = "['2027-02-25']" ]
# before the conference is marked held neither minutes nor replies are written
dlg-minutes --session 2027-1 -o bb.pdf 2>/dev/null
[ $? = 2 ] || bad "minutes refuse a planned conference"
dlg-reply --session 2027-1 -o tl/ 2>/dev/null
[ $? = 2 ] || bad "replies refuse a planned conference"
# coverage before: Thôn Bắc registered
DLG_TODAY=2027-02-24 dlg-report --session 2027-1 --check 2>err
grep -q "Thôn Bắc" err && bad "before the conference Thôn Bắc counts its registration"
# held; Hoàng Văn Bắc (Thôn Bắc) absent, so is Lê Thị Mai
sed -i 's/^\(2027-1,.*\),planned,$/\1,held,/' sessions.csv
python3 - "$hoa" "$mai" "$bac" "$nam" >marked.csv <<'PY'
import sys
hoa, mai, bac, nam = sys.argv[1:]
print("session,who,present,reason")
print(f"2027-1,{hoa},x,")
print(f"2027-1,{mai},vắng,Ốm")
print(f"2027-1,{bac},vắng,")
print(f"2027-1,{nam},x,")
print("2027-1,KT,x,")
print("2027-1,VP,x,")
PY
dlg-attend --into attendance.csv marked.csv 2>err || bad "attendance: $(cat err)"
DLG_TODAY=2027-02-26 dlg-report --session 2027-1 --check 2>err
rc=$?
[ $rc = 1 ] || bad "coverage check finds a gap (got $rc)"
grep -q "no registrant from Thôn Bắc attended" err || bad "Thôn Bắc, whose registrant was absent, is not covered: $(cat err)"
grep -q "Tổ dân phố Chợ" err && bad "Tổ dân phố Chợ is covered by a question from the floor"
DLG_TODAY=2027-02-26 dlg-report --session 2027-1 --table coverage >cov.csv
check "coverage table: Thôn Bắc registered, nobody came" [ "$(csv cov.csv '[r["accepted"] + "/" + r["attended"] + "/" + r["covered"] for r in rows if r["village"] == "Thôn Bắc"][0]')" = 1/0/no ]
check "coverage table: a floor question covers Tổ dân phố Chợ" [ "$(csv cov.csv '[r["covered"] for r in rows if r["village"] == "Tổ dân phố Chợ"][0]')" = yes ]
check "coverage table has the attended column" [ "$(csv cov.csv '"attended" in rows[0]')" = True ]
DLG_TODAY=2027-02-26 dlg-report --session 2027-1 --markdown | grep -q "2/5 thôn, cụm dân cư, tổ dân phố chưa có người tham dự Hội nghị: Thôn Tây, Thôn Bắc" ||
	bad "the report's sentence counts who attended"
# figures: the closed items count as handled, not overdue
DLG_TODAY=2027-02-26 dlg-report --session 2027-1 --table timeliness >tl.csv
over=$(csv tl.csv '[r["overdue"] for r in rows if r["dept"] == "total"][0]')
ans=$(csv tl.csv '[r["answered"] for r in rows if r["dept"] == "total"][0]')
# 2027-1: Hòa answered on time, Mai late, Nam closed by guidance, Bắc by the
# report to the city; Lường Thị Chợ's question overdue; the floor's not due
check "closures counted as answered ($ans of 4), not overdue ($over of 1)" [ "$ans/$over" = 4/1 ]
# an answer by an unknown department: an error, not a line of the minutes
mkdir -p notes
printf '## Khai mạc\n\nĐồng chí Đinh Văn Quang khai mạc Hội nghị.\n\n## Kết luận\n\nCác phòng trả lời đúng hạn.\n' >notes/2027-1.md
dlg-minutes --session 2027-1 --answers answers-bad.csv -o bb-bad.pdf 2>err
[ $? = 2 ] && grep -q "answers-bad.csv:2: answer by \"KTX\"" err || bad "unknown department in answers: $(cat err)"
check "no minutes from bad answers" test ! -e bb-bad.pdf
DLG_TODAY=2027-02-26 dlg-minutes --session 2027-1 -o bien-ban.pdf 2>err || bad "minutes: $(cat err)"
DLG_TODAY=2027-02-27 dlg-reply --session 2027-1 --pending -o tra-loi/ 2>err || bad "replies: $(cat err)"
check "the denunciation is not answered again" test ! -e "tra-loi/$nam.pdf"
pdftext "tra-loi/$bac.pdf" | grep -q "đã tổng hợp, báo cáo" || bad "the reply says the city question was reported"

say "6. the June conference is cancelled"
sed -i 's/^\(2027-2,.*\),planned,$/\1,cancelled,Bão số 2./' sessions.csv
DLG_TODAY=2027-06-18 dlg-route --into items.csv registrations.csv 2>/dev/null || bad "route after carry-over"
check "the carried-over form is routed for 2027-2" [ "$(csv items.csv "[r['session'] for r in rows if r['reg_id'] == '$hanh'][0]")" = 2027-2 ]
DLG_TODAY=2027-06-20 dlg-reply --session 2027-2 --pending -o tra-loi-2/ 2>/dev/null || bad "replies for the cancelled one"
pdftext "tra-loi-2/$hanh.pdf" | grep -q "không tổ chức được" || bad "the cancelled conference's letter"
dlg-minutes --session 2027-2 -o bb2.pdf 2>/dev/null
[ $? = 2 ] || bad "no minutes for a cancelled conference"

say "7. several communes"
cp -R "${TOP:?}/tests/data/hong-van" ../hong-van
dlg-report -C . -C ../hong-van --table departments >depts.csv 2>/dev/null || bad "report over two folders"
check "Phú Sơn's KT under its own name" [ "$(csv depts.csv '[r["dept_name"] for r in rows if r.get("commune") == "xã Phú Sơn" and r["dept"] == "KT"][0]')" = "Phòng Kinh tế - Hạ tầng và Đô thị" ]
hv=$(csv depts.csv '[r["dept_name"] for r in rows if r.get("commune") == "xã Hồng Vân" and r["dept"] == "KT"]')
case $hv in *"Hạ tầng và Đô thị"*) bad "Hồng Vân's KT is named after Phú Sơn's: $hv" ;; esac

say "8. the records were never the target of >"
left=$(ls -A | grep '^\.' | grep -v '\.lock$' | tr '\n' ' ')
[ -z "$left" ] || bad "no temporary files left: $left"
check "the register link still points to the shared folder" [ "$(readlink registrations.csv)" = ../so-dang-ky/registrations.csv ]

if [ $fails != 0 ]; then
	echo "year: $fails checks failed"
	exit 1
fi
say "every check passed"
