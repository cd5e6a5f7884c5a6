#!/usr/bin/env python3
"""Write forms.xlsx as Excel does: shared strings, phones stored as numbers
(the leading zero lost), the received date as a date serial with a date
style, an inline string, a second sheet. Only the zipfile module: no Excel
library, so the reader is tested on files it did not write itself."""
import sys
import zipfile
from xml.sax.saxutils import escape

out = sys.argv[1] if len(sys.argv) > 1 else "forms.xlsx"
strings = []


def s(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)


def col(i):
    return "ABCDEFGHIJKLMNOP"[i]


def sheet(rows):
    xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<sheetData>']
    for r, row in enumerate(rows, 1):
        xml.append('<row r="%d">' % r)
        for c, v in enumerate(row):
            ref = "%s%d" % (col(c), r)
            if v is None:
                continue
            if isinstance(v, tuple) and v[0] == "date":
                xml.append('<c r="%s" s="1"><v>%s</v></c>' % (ref, v[1]))
            elif isinstance(v, tuple) and v[0] == "inline":
                xml.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v[1])))
            elif isinstance(v, (int, float)):
                xml.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                xml.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, s(v)))
        xml.append('</row>')
    xml.append('</sheetData></worksheet>')
    return "".join(xml)


forms = [
    ["Dấu thời gian", "Họ và tên", "Số điện thoại", "Địa chỉ", "Email",
     "1. Về thủ tục hành chính (chất lượng nội dung, tổ chức công khai, sáng kiến...)",
     "2. Về giải quyết thủ tục hành chính (cơ sở vật chất; ...)"],
    # 2026-06-10 08:30 is serial 46183.354166...
    [("date", "46183.3541666667"), "Hoàng Văn Nam", 912345678, "Thôn 2, xã Liên Minh", None,
     "Thủ tục đăng ký kết hôn có cần giấy xác nhận tình trạng hôn nhân không?", None],
    [("date", "46184"), "Bùi Thị Lan", 2438861234, "Thôn 8, xã Liên Minh", "lan.bt@gmail.com",
     None, ("inline", "Bộ phận một cửa không có ghế chờ cho người cao tuổi.")],
    [None, None, None, None, None, None, None],
    [("date", "46185.5"), "Ngô Đức Thắng", 987654321.0, "Tổ dân phố Phương Nội", None,
     "Xin hỏi lệ phí cấp đổi giấy phép lái xe?", None],
]
other = [["Ghi chú"], ["Bảng này không phải phiếu đăng ký"]]
# a clerk's sheet: a title, a blank row, then the header
village = [["DANH SÁCH PHIẾU ĐĂNG KÝ THAM GIA ĐỐI THOẠI - THÔN 5"], [None],
           ["STT", "Họ tên", "SĐT", "Địa chỉ", "Nội dung về thủ tục hành chính"],
           [1, "Kiều Văn Sơn", 389777666, "Thôn 5, xã Liên Minh", "Cấp đổi căn cước cho người già có làm tại nhà được không?"]]

files = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '</Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Câu trả lời biểu mẫu 1" sheetId="1" r:id="rId2"/>'
        '<sheet name="Ghi chú" sheetId="2" r:id="rId3"/>'
        '<sheet name="Thôn 5" sheetId="3" r:id="rId5"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>'
        '</Relationships>',
    "xl/styles.xml":
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm:ss"/></numFmts>'
        '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '</styleSheet>',
    "xl/worksheets/sheet1.xml": sheet(forms),
    "xl/worksheets/sheet2.xml": sheet(other),
    "xl/worksheets/sheet3.xml": sheet(village),
}
files["xl/sharedStrings.xml"] = (
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
    + "".join("<si><t>%s</t></si>" % escape(t) if i % 2 == 0 else
              "<si><r><t>%s</t></r><r><rPr><b/></rPr><t>%s</t></r></si>" % (escape(t[:3]), escape(t[3:]))
              for i, t in enumerate(strings))
    + "</sst>")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in files.items():
        z.writestr(name, data)
