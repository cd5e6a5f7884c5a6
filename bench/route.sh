#!/bin/sh
# dlg-route against `mlr --icsv --ocsv cat` on the same 1,000,000 generated
# registrations, in the same run: wall time of each, their ratio (goal: at
# most 1.5) and the peak memory of each (GNU time's maximum resident size).
# Usage: bench/route.sh [BINDIR] [ROWS]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=${1:-$top/build/bin}
rows=${2:-1000000}
tmp=${TMPDIR:-/tmp}/dlg-bench-route.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
in=$tmp/registrations.csv
# a copy of the example commune's case folder (commands stop without one,
# and document commands write its outgoing register)
rm -rf "$tmp/case" && cp -R "$top/tests/data/case" "$tmp/case"
export DLG_DIR=$tmp/case

# Questions are put together from pieces written the way citizens write
# (with and without diacritics), so the texts vary and many words are unknown
# to the rules; about 40% of the forms fill both parts, 8% are not accepted.
python3 - "$rows" "$in" <<'PY'
import csv, random, sys
random.seed(2026)
n, path = int(sys.argv[1]), sys.argv[2]
openers = ["Tôi muốn hỏi", "xin hoi", "Kính gửi lãnh đạo xã, cho tôi hỏi", "Đề nghị hướng dẫn",
           "Gia đình tôi cần biết", "cho em hoi", "Xin cho biết", ""]
topics = ["thủ tục sang tên sổ đỏ cho con", "cap doi so do sang mau moi", "đăng ký khai sinh cho cháu",
          "dang ky tam tru cho cong nhan thue tro", "làm căn cước cho trẻ em", "thuế khoán hộ kinh doanh",
          "gia hạn thẻ bảo hiểm y tế", "giấy phép xây dựng nhà ở riêng lẻ", "chứng thực bản sao hộ khẩu",
          "trợ cấp cho người cao tuổi", "tuyển sinh lớp 1", "đăng ký nghĩa vụ quân sự",
          "nộp hồ sơ trực tuyến bị lỗi", "thu hồi đất làm đường liên thôn", "rác thải không được thu gom",
          "hỗ trợ giống lúa sau lũ", "chế độ cho thương binh", "mức bồi thường giải phóng mặt bằng"]
tails = ["thì cần những giấy tờ gì?", "mất bao lâu", "nộp ở đâu ạ", "phí bao nhiêu", "", "?",
         "vì nhà tôi ở thôn %d", "từ tháng %d đến nay chưa xong"]
handling = ["Cán bộ một cửa thái độ chưa tốt", "ho so bi tre hen %d ngay", "Không được nhận biên lai thu phí",
            "Phòng chờ chật, thiếu ghế ngồi", "Tôi khiếu nại việc chậm giải quyết hồ sơ",
            "Công chức hướng dẫn tận tình, chu đáo", "phai di lai nhieu lan moi xong"]
villages = ["Thôn %d" % i for i in range(1, 12)]
names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Hoa"]
status = ["accepted"] * 92 + ["late"] * 4 + ["incomplete"] * 2 + ["duplicate"] * 2
def fill(s):
    return s % random.randint(1, 12) if "%d" in s else s
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["reg_id", "session", "received", "channel", "name", "organization", "phone", "email",
                "address", "village", "topic_procedure", "topic_handling", "status", "note"])
    for i in range(n):
        proc = " ".join(x for x in (random.choice(openers), random.choice(topics), fill(random.choice(tails))) if x)
        hand = fill(random.choice(handling)) if random.random() < 0.4 else ""
        st = random.choice(status)
        v = random.choice(villages)
        w.writerow(["R%07d" % (i + 1), "2026-1", "2026-06-%02d" % random.randint(1, 30), "online",
                    random.choice(names), "", "09%08d" % random.randint(0, 99999999), "",
                    "Số %d, %s, xã Liên Minh" % (random.randint(1, 200), v), v, proc, hand, st,
                    "" if st == "accepted" else "nộp sau hạn"])
PY
size=$(wc -c <"$in")
echo "input: $rows registrations, $size bytes"

run() { # label, command...: prints seconds and peak KiB
	label=$1
	shift
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || {
		echo "$label failed:"
		cat "$tmp/err"
		exit 1
	}
	read -r secs kib <"$tmp/time"
	printf '%-10s %7.2f s  peak %7d KiB  %s output rows\n' "$label" "$secs" "$kib" \
		"$(($(wc -l <"$tmp/out") - 1))"
	eval "${label}_s=$secs"
}
cd "$tmp"
run mlr mlr --icsv --ocsv cat "$in"
run dlgroute env DLG_SHARE="$top/share" "$bindir/dlg-route" --today 2026-06-20 "$in"
awk -v a="$dlgroute_s" -v b="$mlr_s" 'BEGIN { printf "ratio dlg-route / mlr cat: %.2f (goal <= 1.5)\n", a / b }'
