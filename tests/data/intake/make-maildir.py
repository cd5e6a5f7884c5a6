#!/usr/bin/env python3
"""Write a maildir of forms sent by e-mail, with python's email package (not
GMime, which dlg reads them with): a form typed in the message's text
(quoted-printable UTF-8), the same message delivered twice, an HTML-only
form, a message with a CSV attachment of two forms, one with an Excel attachment and
a CSV that is no list of forms, one with only a scanned photo, and a file that
is no message at all."""
import os
import sys
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta

top = sys.argv[1] if len(sys.argv) > 1 else "hop-thu"
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(top, sub), exist_ok=True)
ict = timezone(timedelta(hours=7))


def message(n, sender, date, subject, msgid):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "Văn phòng HĐND - UBND xã Liên Minh <buituanh_lienminh@hanoi.gov.vn>"
    m["Subject"] = subject
    m["Date"] = format_datetime(date)
    m["Message-ID"] = msgid
    return m


def save(sub, name, m):
    with open(os.path.join(top, sub, name), "wb") as f:
        f.write(m if isinstance(m, bytes) else m.as_bytes())


# 1. The form typed into the message, as the plan's form has it.
m = message(1, "Phan Văn Hùng <hungpv.lm@gmail.com>", datetime(2026, 6, 9, 7, 58, tzinfo=ict),
            "Phiếu đăng ký tham gia đối thoại", "<20260609075800.1@mail.gmail.com>")
m.set_content("""Kính gửi: UBND xã Liên Minh.

Họ và tên : Phan Văn Hùng
Điện thoại: (+84) 912 668 224
Địa chỉ (ghi rõ số nhà, thôn (tổ dân phố, cụm dân cư), xã, tỉnh): Số 14, thôn 6, xã Liên Minh
Email: .....

Đăng ký tham gia Hội nghị đối thoại với Lãnh UBND xã:

1. Về thủ tục hành chính (chất lượng nội dung, tổ chức công khai, sáng kiến...)
Xin hỏi thủ tục tách thửa đất ở để chia cho các con hiện nay
làm ở xã hay ở Văn phòng đăng ký đất đai?

2. Về giải quyết thủ tục hành chính (cơ sở vật chất; thái độ giao tiếp, ...):
.....

--
Phan Văn Hùng
""", cte="quoted-printable")
save("cur", "1780966680.M1P1.lienminh:2,S", m)
save("new", "1780966681.M2P1.lienminh", m)  # delivered twice

# 2. An HTML-only message.
m = message(2, "\"Trịnh Thu Hà\" <ha.trinhthu@yahoo.com.vn>", datetime(2026, 6, 10, 20, 11, tzinfo=ict),
            "Đăng ký đối thoại", "<html.2@yahoo.com.vn>")
m.set_content("<html><body><p>Họ và tên: Trịnh Thu Hà</p><p>Điện thoại: (0912) 345-678</p>"
              "<p>Địa chỉ: Thôn 11, xã Liên Minh</p>"
              "<p>2. Về giải quyết thủ tục hành chính:</p>"
              "<p>Bộ phận một cửa hẹn trả kết quả chứng thực nhưng quá hạn 3 ngày &amp; không báo lý do.</p>"
              "</body></html>", subtype="html")
save("cur", "1781053860.M3P1.lienminh:2,S", m)

# 3. A message with a CSV attachment: a village head sends two forms.
m = message(3, "Trưởng thôn 12 <truongthon12.lm@gmail.com>", datetime(2026, 6, 11, 9, 0, tzinfo=ict),
            "Gửi phiếu đăng ký của thôn 12", "<att.3@gmail.com>")
m.set_content("Kính gửi Văn phòng, thôn 12 gửi kèm danh sách 2 phiếu đăng ký.\n")
m.add_attachment(
    "Họ và tên,Số điện thoại,Địa chỉ,Về thủ tục hành chính\r\n"
    "Đinh Văn Lộc,０９７５ ８６４ ２１３,\"Thôn 12, xã Liên Minh\",Thủ tục đăng ký khai tử cho người mất ở bệnh viện tỉnh khác?\r\n"
    "Mai Thị Sen,0389 123 456,\"Thôn 12, xã Liên Minh\",Xin hướng dẫn đăng ký hộ kinh doanh bán hàng tạp hóa.\r\n"
    .encode("utf-8"), maintype="text", subtype="csv", filename="phieu-thon-12.csv")
save("cur", "1781143200.M4P1.lienminh:2,S", m)

# 4. Only a scanned paper form: the clerk must read it.
m = message(4, "Lương Văn Tài <tailv1960@gmail.com>", datetime(2026, 6, 12, 16, 30, tzinfo=ict),
            "phiếu", "<scan.4@gmail.com>")
m.set_content("Tôi gửi phiếu đã điền, nhờ cán bộ xem giúp.\n")
m.add_attachment(b"\xff\xd8\xff\xe0 not really a photo", maintype="image", subtype="jpeg",
                 filename="phieu-dang-ky.jpg")
save("new", "1781256600.M5P1.lienminh", m)

# 5. A village sends its sheet as an Excel attachment (made by make-xlsx.py:
#    phones stored as numbers, dates as date cells), and a list that is no
#    list of forms (no name column): that one is left to the clerk.
if os.path.exists("forms.xlsx"):
    m = message(5, "Thôn 2 <thon2.lienminh@gmail.com>", datetime(2026, 6, 13, 8, 0, tzinfo=ict),
                "Bảng phiếu thôn 2", "<xlsx.5@gmail.com>")
    m.set_content("Thôn 2 gửi bảng phiếu đăng ký và bảng kê.\n")
    m.add_attachment(open("forms.xlsx", "rb").read(), maintype="application",
                     subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     filename="phieu-thon-2.xlsx")
    m.add_attachment("STT,Nội dung\r\n1,Bảng kê số phiếu đã nhận\r\n".encode("utf-8"),
                     maintype="text", subtype="csv", filename="bang-ke.csv")
    save("cur", "1781312400.M7P1.lienminh:2,S", m)

# 6. Not a message: a clerk's note saved in the wrong folder.
save("new", "1781300000.M6P1.lienminh", b"\x00\x01\x02 ghi chu \xff\xfe\n")
