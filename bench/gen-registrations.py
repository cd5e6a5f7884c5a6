#!/usr/bin/env python3
"""Generate N realistic raw registration forms (English headers) on stdout.

Usage: gen-registrations.py N [SEED]
Names, villages, phone styles and questions are drawn from the kinds of forms
the commune office receives; about 2% repeat an earlier form (duplicates).
"""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân"]
given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hằng", "Hùng", "Lan", "Long", "Mai", "Nam",
         "Nga", "Phương", "Quân", "Sơn", "Thảo", "Tuấn", "Việt", "Yến"]
villages = [f"Thôn {i}" for i in range(1, 13)] + ["Cụm dân cư Bãi Tháp", "Tổ dân phố Phương Nội"]
procedure = [
    "Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu cho đất ông bà để lại cần những giấy tờ gì?",
    "Thủ tục đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn thế nào?",
    "Tôi muốn chuyển hộ khẩu thường trú về nhà mới thì làm ở đâu, mất bao lâu?",
    "Đăng ký hộ kinh doanh cá thể bán tạp hóa cần chuẩn bị hồ sơ gì?",
    "Thuế khoán hộ kinh doanh năm nay tính thế nào, có được giảm không?",
    "Gia hạn thẻ BHYT hộ gia đình nộp ở đâu?",
    "Xin giấy phép xây dựng nhà ở riêng lẻ 3 tầng trên đất thổ cư",
    "Chứng thực bản sao sổ đỏ có làm được trên dịch vụ công trực tuyến không?",
    "",
]
handling = [
    "Cán bộ một cửa hẹn trả kết quả ba lần vẫn chưa có, đề nghị xem xét.",
    "Nộp hồ sơ rồi lại bị yêu cầu bổ sung giấy tờ không có trong quy định.",
    "Thái độ hướng dẫn của công chức chưa nhiệt tình.",
    "Không nhận được giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
    "",
    "",
]
phones = ["09{:08d}", "+84 9{:08d}", "09{:02d}.{:03d}.{:03d}"]
print("received,name,organization,phone,email,address,village,topic_procedure,topic_handling")
earlier = []
for i in range(n):
    if earlier and rng.random() < 0.02:
        print(rng.choice(earlier))
        continue
    name = f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)}"
    org = "Công ty TNHH Minh Phát" if rng.random() < 0.05 else ""
    p = rng.randrange(10**8)
    style = rng.randrange(3)
    phone = (f"09{p:08d}" if style == 0 else f"+84 9{p:08d}" if style == 1
             else f"09{p // 10**6:02d}.{p // 1000 % 1000:03d}.{p % 1000:03d}")
    email = f"nguoidan{i}@gmail.com" if rng.random() < 0.4 else ""
    v = rng.choice(villages)
    addr = f"Số {rng.randrange(1, 200)}, {v}, xã Liên Minh"
    vcol = v if rng.random() < 0.5 else ""
    day = rng.randrange(1, 31)
    tp = rng.choice(procedure)
    th = rng.choice(handling) if tp else handling[0]
    line = f'2026-06-{day:02d},{name},{org},{phone},{email},"{addr}",{vcol},"{tp}","{th}"'
    if len(earlier) < 1000:
        earlier.append(line)
    print(line)
