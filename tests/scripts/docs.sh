#!/bin/sh
# Documents: dlg-pdf and dlg-invite make valid PDFs with embedded fonts, the
# Vietnamese text comes back out, hostile text prints literally and inside
# the margins, page numbers start on page 2, output is byte-identical on a
# second run, and file names made from data are safe.
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "docs.sh: $*" >&2
	exit 1
}
export DLG_TODAY=2026-07-01
cd "$w" || exit 1
# the example commune's case folder
cp "$TOP/tests/data/case/dlg.conf" "$TOP/tests/data/case/"*.csv . || exit 1

long=$(python3 -c 'import sys; w=["thủ","tục","đất","đai","**đậm**","#","<b>","{{name}}","giấy"]; s=" ".join(w[i%len(w)] for i in range(600)); print(s[:3000])')
nospace=$(python3 -c 'print("x"*1000)')
cat >reg.csv <<CSV
reg_id,session,received,channel,name,organization,phone,email,address,village,topic_procedure,topic_handling,status,note
2026-0001,2026-1,2026-06-15,online,Nguyễn Văn An,,0912345678,an@example.vn,"Thôn 3, xã Liên Minh",Thôn 3,Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất,,accepted,
2026-0002,2026-1,2026-06-16,paper,Trần Thị Bình,Công ty TNHH Bình Minh,0912345679,,"xóm 5",Thôn 5,"$long",$nospace,accepted,
2026-0003,2026-1,2026-06-17,paper,Lê Văn Cường,,0912345670,,Thôn 7,Thôn 7,Hỏi về đăng ký kinh doanh,,late,
../../x,2026-1,2026-06-17,paper,Phạm Thị Dung,,0912345670,,Thôn 8,Thôn 8,**Hỏi** <i>về</i> # chứng thực,,accepted,
-rf .hidden,2026-1,2026-06-17,paper,Hoàng Văn Em,,0912345670,,Thôn 9,Thôn 9,Hỏi,,accepted,
CSV

dlg-invite --session 2026-1 -o out --one-file all.pdf reg.csv || fail "dlg-invite failed"
dlg-invite --session 2026-1 -o out2 --one-file all2.pdf reg.csv || fail "dlg-invite failed (2)"
cmp -s all.pdf all2.pdf || fail "one-file output differs between two runs"
for f in out/*.pdf; do
	cmp -s "$f" "out2/$(basename "$f")" || fail "$f differs between two runs"
done

# safe names: no path, no leading dot or dash, the late registrant left out
ls out >names.txt
[ "$(cat names.txt | tr '\n' ' ')" = "2026-0001.pdf 2026-0002.pdf recipients.csv rf_.hidden.pdf x.pdf " ] ||
	fail "unexpected file names: $(cat names.txt | tr '\n' ' ')"
[ "$(find . -name "x*.pdf" ! -path "./out/*" ! -path "./out2/*")" = "" ] || fail "a file escaped the output folder"
grep -q '^2026-0002,Trần Thị Bình,Công ty TNHH Bình Minh,xóm 5,,2026-0002.pdf,1$' out/recipients.csv ||
	fail "recipients.csv: $(cat out/recipients.csv)"

for f in all.pdf out/*.pdf; do
	qpdf --check "$f" >/dev/null 2>&1 || fail "$f: qpdf --check failed"
	pdffonts "$f" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' ||
		fail "$f: a font is not embedded"
	size=$(wc -c <"$f")
	[ "$size" -lt 61440 ] || fail "$f: $size bytes (goal under 60 KB)"
done

pdftotext -layout out/2026-0001.pdf a.txt 2>err.txt || fail "pdftotext failed"
[ -s err.txt ] && fail "pdftotext complained: $(cat err.txt)"
for s in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "ỦY BAN NHÂN DÂN" \
	"XÃ LIÊN MINH" "Số:" "/GM-UBND" "Liên Minh, ngày 01 tháng 7 năm 2026" "GIẤY MỜI" \
	"Kính gửi: Ông/Bà Nguyễn Văn An" "TM. ỦY BAN NHÂN DÂN" "Nguyễn Hữu Minh" "Nơi nhận:" \
	"ngày 16 tháng 7 năm 2026" "08 giờ 00 phút, thứ Năm"; do
	grep -qF "$s" a.txt || fail "out/2026-0001.pdf: \"$s\" not found in the text"
done
python3 - a.txt <<'PY' || fail "text is not NFC"
import sys, unicodedata
t = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if t == unicodedata.normalize("NFC", t) else 1)
PY

# hostile text prints literally
pdftotext out/x.pdf x.txt
grep -qF '**Hỏi** <i>về</i> # chứng thực' x.txt || fail "hostile text not printed literally"
pdftotext out/2026-0002.pdf b.txt
grep -qF '**đậm** # <b> {{name}}' b.txt || fail "placeholder-like text in data not printed literally"

# the long question goes onto page 2; every word inside the margins; page
# numbers on page 2 and after, in the top margin, and not on page 1
pages=$(pdfinfo out/2026-0002.pdf | awk '/^Pages:/ { print $2 }')
[ "$pages" -ge 2 ] || fail "the 3000-character question did not reach page 2"
pdftotext -bbox out/2026-0002.pdf bbox.html
python3 - bbox.html <<'PY' || fail "text outside the margins or wrong page numbers"
import re, sys
mm = 72 / 25.4
left, right, top, bottom = 30 * mm, 595.28 - 15 * mm, 20 * mm, 841.89 - 20 * mm
page = 0
ok = True
numbers = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if "<page " in line:
        page += 1
        continue
    m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
    if not m:
        continue
    x0, y0, x1, y1 = map(float, m.groups()[:4])
    word = m.group(5)
    if y1 <= top:
        numbers.setdefault(page, []).append(word)
        continue
    if x0 < left - 0.5 or x1 > right + 0.5 or y0 < top - 0.5 or y1 > bottom + 0.5:
        print("outside the margins on page %d: %r at %.1f,%.1f-%.1f,%.1f" % (page, word, x0, y0, x1, y1))
        ok = False
if 1 in numbers:
    print("page 1 has something in the top margin: %r" % numbers[1]); ok = False
for p in range(2, page + 1):
    if numbers.get(p) != [str(p)]:
        print("page %d: top margin has %r, expected its number" % (p, numbers.get(p))); ok = False
sys.exit(0 if ok else 1)
PY

# the blank form: one page, the office's address and e-mail, a QR code
dlg-pdf -t phieu-dang-ky -o form.pdf || fail "dlg-pdf -t phieu-dang-ky failed"
qpdf --check form.pdf >/dev/null 2>&1 || fail "form.pdf: qpdf --check failed"
[ "$(pdfinfo form.pdf | awk '/^Pages:/ { print $2 }')" = 1 ] || fail "the form is not one page"
pdftotext form.pdf - | tr "\n" " " >f.txt
for s in "PHIẾU ĐĂNG KÝ THAM GIA ĐỐI THOẠI" "Kính gửi: UBND xã Liên Minh." "buituanh_lienminh@hanoi.gov.vn" \
	"số 121 đường Nam Sông Hồng" "NGƯỜI ĐĂNG KÝ" "Về giải quyết thủ tục hành chính" \
	"https://lienminh.hanoi.gov.vn"; do
	grep -qF "$s" f.txt || fail "form.pdf: \"$s\" not found"
done
dlg-pdf -t phieu-dang-ky -o form2.pdf && cmp -s form.pdf form2.pdf || fail "form differs between two runs"

# dlg-pdf: one file per row named safely, and all rows in one file
printf 'reg_id,name\n../a b,Nguyễn Thị Hoa\n../a b,Trần Văn Ba\n' >rows.csv
cat >t.md <<'MD'
---
type: THÔNG BÁO
number: "01/TB-UBND"
---
Xin chào **{{name}}**.
MD
dlg-pdf -t ./t.md -o rows/ rows.csv || fail "dlg-pdf -o rows/ failed"
[ "$(ls rows | tr '\n' ' ')" = "a_b-2.pdf a_b.pdf " ] || fail "dlg-pdf names: $(ls rows | tr '\n' ' ')"
dlg-pdf -t ./t.md -o rows.pdf rows.csv || fail "dlg-pdf -o rows.pdf failed"
[ "$(pdfinfo rows.pdf | awk '/^Pages:/ { print $2 }')" = 2 ] || fail "rows.pdf should have 2 pages"
pdftotext rows.pdf - | grep -q "Xin chào Trần Văn Ba." || fail "rows.pdf: second row missing"
exit 0
