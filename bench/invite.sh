#!/bin/sh
# Benchmark dlg-invite: 1,000 invitations as one print-ready PDF (goal < 1 s)
# and as 1,000 separate files (goal < 10 s on 2 cores, each < 60 KB).
# Generates its own registrations. Usage: bench/invite.sh [BINDIR] [N]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$top/build/bin}
n=${2:-1000}
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
# a copy of the example commune's case folder (commands stop without one,
# and document commands write its outgoing register)
rm -rf "$w/case" && cp -R "$top/tests/data/case" "$w/case"
export DLG_DIR=$w/case
export DLG_SHARE=$top/share DLG_TODAY=2026-07-01 LC_ALL=C.UTF-8
python3 - "$n" >"$w/reg.csv" <<'PY'
import random, sys
random.seed(7)
n = int(sys.argv[1])
ho = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
dem = ["Văn", "Thị", "Hữu", "Minh", "Thu", "Đức", "Ngọc"]
ten = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Mai", "Nga", "Sơn", "Tuấn", "Yến"]
q1 = ["Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất cho thửa đất ông bà để lại",
      "Thủ tục đăng ký kinh doanh hộ cá thể cần những giấy tờ gì",
      "Đề nghị niêm yết công khai đầy đủ thủ tục chứng thực tại bộ phận một cửa"]
q2 = ["Cán bộ một cửa hẹn trả kết quả nhiều lần, không có giấy tiếp nhận và hẹn trả kết quả",
      "Hồ sơ trễ hạn mười ngày mà không có văn bản xin lỗi",
      ""]
import csv
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow("reg_id session received channel name organization phone email address village topic_procedure topic_handling status note".split())
for i in range(n):
    name = "%s %s %s" % (random.choice(ho), random.choice(dem), random.choice(ten))
    org = "Công ty TNHH Thương mại %d" % i if i % 10 == 0 else ""
    v = random.randint(1, 12)
    out.writerow(["2026-%04d" % (i + 1), "2026-1", "2026-06-%02d" % random.randint(1, 30), "paper",
                  name, org, "09%08d" % i, "", "Thôn %d, xã Liên Minh" % v, "Thôn %d" % v,
                  random.choice(q1), random.choice(q2), "accepted", ""])
PY
now() { date +%s.%N; }
t0=$(now)
"$bin/dlg-invite" --session 2026-1 --one-file "$w/all.pdf" "$w/reg.csv"
t1=$(now)
"$bin/dlg-invite" --session 2026-1 -o "$w/files" "$w/reg.csv"
t2=$(now)
DLG_JOBS=1 "$bin/dlg-invite" --session 2026-1 -o "$w/files1" "$w/reg.csv"
t3=$(now)
count=$(ls "$w/files" | grep -c '\.pdf$')
max=$(for f in "$w"/files/*.pdf; do wc -c <"$f"; done | sort -n | tail -1)
pages=$(pdfinfo "$w/all.pdf" | awk '/^Pages:/ { print $2 }')
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$n" -v count="$count" -v max="$max" \
	-v pages="$pages" -v size="$(wc -c <"$w/all.pdf")" -v jobs="$(nproc)" 'BEGIN {
	printf "one file:   %d invitations, %d pages, %d KB in %.2f s (goal < 1 s)\n", n, pages, size / 1024, b - a
	printf "many files: %d files in %.2f s with %d workers (goal < 10 s), largest %d bytes (goal < 60 KB)\n", count, c - b, jobs, max
	printf "many files: %.2f s with one worker (%.1f ms per file)\n", d - c, (d - c) * 1000 / n
}'
