"""Measure PDF documents against the layout of Decree 30/2020/ND-CP, Appendix I.

    python3 nd30check.py LIST FOLDER WHERE

LIST names the documents to measure, one group a line: "PROFILE WHERE GLOB..."
(tests/scripts/nd30-documents.txt); the lines whose WHERE matches are measured,
their globs taken relative to FOLDER; a glob that matches nothing is a failure
(the document kind was not produced). Every failure is printed as
"FILE: NORM: measured VALUE (wanted ...)"; the exit status is 1 when there is
one, 0 otherwise.

Profiles:
  document  a typed document (GIẤY MỜI, THÔNG BÁO, BÁO CÁO, ...): header,
            date line, type name and summary, body, page numbers,
            "Nơi nhận" and the signature block
  letter    a công văn: the same with no type name, and the "V/v" summary
            centred under the number, 6 pt below it
  minutes   form 1.9: no date line, THƯ KÝ left, CHỦ TỌA right, "Nơi nhận"
            under THƯ KÝ ending with "Lưu: VT, Hồ sơ."
  sheet     a list to sign or fill in (DANH SÁCH ...): the header without a
            number, date line, type name and summary, page numbers; no
            "Nơi nhận" or signature block needed
  form      a form with no agency header (the registration form): national
            title, type name, margins
  book      the outgoing register book: A4 landscape, margins

Measured with PyMuPDF (Debian python3-fitz): text spans with their box,
baseline, size, font and bold/italic flags.
"""

import glob
import os
import re
import sys

import fitz

MM = 72 / 25.4
A4 = (595.28, 841.89)
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
TOL = 1.0  # pt: what rounding in the writer and the reader may move

failures = []


def fail(doc, norm, measured, wanted):
    failures.append("%s: %s: measured %s (wanted %s)" % (doc, norm, measured, wanted))


def bold(s):
    return bool(s["flags"] & 16) or "Bold" in s["font"]


def italic(s):
    return bool(s["flags"] & 2) or "Italic" in s["font"] or "Ital" in s["font"]


def lines_of(page):
    """The page's lines: (x0, y0, x1, y1, baseline, text, spans)."""
    out = []
    for b in page.get_text("dict")["blocks"]:
        for l in b.get("lines", []):
            spans = [s for s in l["spans"] if s["text"].strip()]
            if not spans:
                continue
            x0 = min(s["bbox"][0] for s in spans)
            x1 = max(s["bbox"][2] for s in spans)
            y0 = min(s["bbox"][1] for s in spans)
            y1 = max(s["bbox"][3] for s in spans)
            text = "".join(s["text"] for s in spans).strip()
            out.append({"x0": x0, "x1": x1, "y0": y0, "y1": y1,
                        "base": spans[0]["origin"][1], "text": text, "spans": spans,
                        "size": max(s["size"] for s in spans)})
    out.sort(key=lambda l: (round(l["base"], 1), l["x0"]))
    return out


def centre(l):
    return (l["x0"] + l["x1"]) / 2


def find(lines, pattern, after=None):
    for l in lines:
        if re.search(pattern, l["text"]) and (after is None or l["y0"] >= after):
            return l
    return None


def is_page_number(l, page_w):
    return re.fullmatch(r"\d+", l["text"]) and l["y1"] <= TOP + TOL


def check_page_size(doc, page, landscape):
    w, h = page.rect.width, page.rect.height
    want = (A4[1], A4[0]) if landscape else A4
    if abs(w - want[0]) > TOL or abs(h - want[1]) > TOL:
        fail(doc, "page size (A4%s)" % (" landscape" if landscape else ""),
             "%.1f x %.1f pt" % (w, h), "%.1f x %.1f pt" % want)


def check_margins(doc, pno, page, lines):
    w, h = page.rect.width, page.rect.height
    for l in lines:
        if is_page_number(l, w):
            continue
        for what, bad, val, want in (
                ("left margin 30 mm", l["x0"] < LEFT - TOL, l["x0"] / MM, ">= 30"),
                ("right margin 15 mm", l["x1"] > w - RIGHT + TOL, (w - l["x1"]) / MM, ">= 15"),
                ("top margin 20 mm", l["y0"] < TOP - TOL, l["y0"] / MM, ">= 20"),
                ("bottom margin 20 mm", l["y1"] > h - BOTTOM + TOL, (h - l["y1"]) / MM, ">= 20")):
            if bad:
                fail(doc, "page %d: %s" % (pno + 1, what),
                     "%.1f mm at \"%s\"" % (val, l["text"][:40]), want + " mm")
                return


def check_fonts(doc, pdf):
    for pno in range(len(pdf)):
        for f in pdf.get_page_fonts(pno):
            ext, name = f[1], f[3]
            if ext == "n/a":
                fail(doc, "fonts embedded", "%s not embedded" % name, "every font embedded")
            if not re.search(r"LiberationSerif|Times|NotoColorEmoji|DejaVu|Noto", name):
                fail(doc, "font (Times New Roman or its metric twin)", name,
                     "Times New Roman / Liberation Serif")


def check_header(doc, lines, profile, frame_centre):
    """Agency, number, national title, motto and date line of page 1."""
    title = find(lines, r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$")
    motto = find(lines, r"^Độc lập - Tự do - Hạnh phúc$")
    if not title or not motto:
        fail(doc, "national title and motto", "missing", "CỘNG HÒA ... / Độc lập - Tự do - Hạnh phúc")
        return None
    for l, size, name in ((title, (12, 13), "national title"), (motto, (13, 14), "motto")):
        if not all(bold(s) for s in l["spans"]):
            fail(doc, name + " bold", "not bold", "bold")
        if not size[0] - 0.1 <= l["size"] <= size[1] + 0.1:
            fail(doc, name + " size", "%.1f pt" % l["size"], "%g-%g pt" % size)
    if abs(centre(title) - centre(motto)) > 2:
        fail(doc, "motto centred under the national title",
             "%.1f pt off" % (centre(motto) - centre(title)), "within 2 pt")
    if profile == "form":
        return motto
    agency = [l for l in lines if l["y0"] < motto["y1"] + 2 and centre(l) < frame_centre
              and l["text"].upper() == l["text"]]
    if not agency:
        fail(doc, "agency name", "missing", "the issuing agency on the left")
        return motto
    for l in agency:
        if not all(bold(s) for s in l["spans"]):
            # the parent agency (regular) may stand above the agency itself
            if l is not agency[0] or len(agency) < 2:
                fail(doc, "agency name bold", "\"%s\" regular" % l["text"], "bold")
        if not 12 - 0.1 <= l["size"] <= 13.1:
            fail(doc, "agency name size", "%.1f pt" % l["size"], "12-13 pt")
    num = find(lines, r"^Số:")
    if not num and profile != "sheet":
        fail(doc, "number (Số:)", "missing", "\"Số: 05/GM-UBND\"")
    elif num:
        m = re.match(r"^Số: (\d+)/[A-ZĐ]+-[A-ZĐ]+$", num["text"])
        if not m:
            fail(doc, "number and symbol", "\"%s\"" % num["text"], "\"Số: NN/TYPE-AGENCY\"")
        elif len(m.group(1)) < 2:
            fail(doc, "number below 10 with a leading zero", "\"%s\"" % num["text"], "\"Số: 0N/...\"")
        if abs(num["size"] - 13) > 0.1:
            fail(doc, "number size", "%.1f pt" % num["size"], "13 pt")
        if abs(centre(num) - centre(agency[-1])) > 2:
            fail(doc, "number centred under the agency", "%.1f pt off" % (centre(num) - centre(agency[-1])),
                 "within 2 pt")
    date = find(lines, r", ngày .* tháng .* năm ")
    header_bottom = max(l["y1"] for l in [motto] + ([num] if num else []))
    if profile == "minutes":
        if date and date["y0"] < header_bottom + 4:
            fail(doc, "minutes have no place-and-date line (form 1.9)", "\"%s\"" % date["text"], "none")
        return num or motto
    if not date or date["y0"] > header_bottom + 20:
        fail(doc, "place-and-date line", "missing", "\"Place, ngày DD tháng M năm YYYY\" under the motto")
        return num or motto
    m = re.match(r"^\S.*, ngày (\d+) tháng (\d+) năm (\d{4})$", date["text"])
    if not m:
        fail(doc, "place-and-date line", "\"%s\"" % date["text"], "\"Place, ngày DD tháng M năm YYYY\"")
    else:
        d, mo = m.group(1), m.group(2)
        if len(d) != 2 or (int(mo) < 3) != (len(mo) == 2 and mo[0] == "0"):
            fail(doc, "date: day below 10 and months 1, 2 with a leading zero", "\"%s\"" % date["text"],
                 "ngày 05 tháng 02, ngày 16 tháng 7")
    if not all(italic(s) for s in date["spans"]):
        fail(doc, "place-and-date line italic", "not italic", "italic")
    if not 13 - 0.1 <= date["size"] <= 14.1:
        fail(doc, "place-and-date line size", "%.1f pt" % date["size"], "13-14 pt")
    if abs(centre(date) - centre(motto)) > 3:
        fail(doc, "place-and-date line centred under the motto", "%.1f pt off" % (centre(date) - centre(motto)),
             "within 3 pt")
    return date


def check_title(doc, lines, profile, after, frame_centre):
    """The type name and summary (typed documents) or the V/v line (letters)."""
    if profile == "letter":
        num = find(lines, r"^Số:")
        vv = find(lines, r"^V/v ")
        if not vv:
            fail(doc, "letter summary (V/v)", "missing", "\"V/v ...\" under the number")
            return after
        if num:
            gap = vv["y0"] - num["y1"]
            # with no extra space the boxes of two lines nearly touch (about 1 pt)
            if gap < 5:
                fail(doc, "V/v line 6 pt below the number (App. I, II.5.b)", "%.1f pt between the lines" % gap,
                     ">= 6 pt added")
            if abs(centre(vv) - centre(num)) > 3:
                fail(doc, "V/v line centred under the number", "%.1f pt off" % (centre(vv) - centre(num)),
                     "within 3 pt")
        if not 12 - 0.1 <= vv["size"] <= 13.1 or any(bold(s) for s in vv["spans"]):
            fail(doc, "V/v line 12-13 pt regular", "%.1f pt%s" % (vv["size"], " bold" if any(bold(s) for s in vv["spans"]) else ""),
                 "12-13 pt regular")
        return after
    below = [l for l in lines if l["y0"] > after["y1"]]
    if not below:
        fail(doc, "type name", "missing", "bold capitals centred")
        return after
    t = below[0]
    if t["text"].upper() != t["text"] or not all(bold(s) for s in t["spans"]):
        fail(doc, "type name in bold capitals", "\"%s\"" % t["text"], "bold capitals")
    if not 13 - 0.1 <= t["size"] <= 14.1:
        fail(doc, "type name size", "%.1f pt" % t["size"], "13-14 pt")
    if abs(centre(t) - frame_centre) > 3:
        fail(doc, "type name centred", "%.1f pt off" % (centre(t) - frame_centre), "within 3 pt")
    if profile == "form":
        return t
    s = below[1] if len(below) > 1 else None
    if not s or s["y0"] - t["y1"] > 8 or not all(bold(x) for x in s["spans"]):
        fail(doc, "summary in bold under the type name", "\"%s\"" % (s["text"] if s else ""), "bold, centred")
        return t
    if abs(centre(s) - frame_centre) > 4:
        fail(doc, "summary centred", "%.1f pt off" % (centre(s) - frame_centre), "within 4 pt")
    # the summary's lines: bold, one under the other
    last = s
    for l in below[2:]:
        if l["y0"] - last["y1"] > 4 or not all(bold(x) for x in l["spans"]):
            break
        last = l
    return last


def body_lines(lines, left, right):
    """Lines of body text: 13-14 pt, starting at the margin or an indent, wide
    (not the addressee's centred "Kính gửi" line)."""
    return [l for l in lines if 12.9 <= l["size"] <= 14.1 and left - TOL <= l["x0"] <= left + 40
            and l["x1"] - l["x0"] > 0.45 * (right - left) and not l["text"].startswith("Kính gửi")]


def check_body(doc, pdf, profile, start_y):
    w = pdf[0].rect.width
    left, right = LEFT, w - RIGHT
    sizes, full, short_ends, indents, pitches, para_gaps, line_gaps = {}, 0, [], [], [], [], []
    for pno in range(len(pdf)):
        lines = [l for l in lines_of(pdf[pno]) if not is_page_number(l, w)]
        if pno == 0:
            lines = [l for l in lines if l["y0"] > start_y]
        for l in lines:
            for s in l["spans"]:
                sizes[round(s["size"])] = sizes.get(round(s["size"]), 0) + len(s["text"])
        body = body_lines(lines, left, right)
        for l in body:
            if 20 < l["x0"] - left < 45:
                indents.append((l["x0"] - left, pno, l))
        for a, b in zip(body, body[1:]):
            pitch = b["base"] - a["base"]
            if pitch <= 0 or pitch > 2.2 * a["size"] + 8:
                continue
            cont = abs(b["x0"] - left) <= TOL and abs(a["size"] - b["size"]) < 0.2
            if cont:
                # a's paragraph goes on: a is a full, justified line
                full += 1
                if right - a["x1"] > 3:
                    short_ends.append((pno, a))
                pitches.append(pitch / a["size"])
                line_gaps.append(b["y0"] - a["y1"])
            elif b["x0"] - left > 20 and right - a["x1"] > 20:
                para_gaps.append((b["y0"] - a["y1"], pno, b))

    if sizes:
        body_size = max(sizes, key=sizes.get)
        if not 13 <= body_size <= 14:
            fail(doc, "body text size", "%d pt" % body_size, "13-14 pt")
    if full >= 3 and len(short_ends) > 0.1 * full:
        pno, a = short_ends[0]
        fail(doc, "body justified", "%d of %d full lines end short of the right margin, e.g. page %d \"%s\" %.1f pt short"
             % (len(short_ends), full, pno + 1, a["text"][:30], right - a["x1"]), "both edges aligned")
    bad = [i for i in indents if not (abs(i[0] - 1.0 / 2.54 * 72) <= 1.5 or abs(i[0] - 1.27 / 2.54 * 72) <= 1.5)]
    if bad:
        o, pno, l = bad[0]
        fail(doc, "first-line indent 1 cm or 1.27 cm", "%.2f cm at page %d \"%s\"" % (o / 72 * 2.54, pno + 1, l["text"][:30]),
             "1 or 1.27 cm")
    if profile in ("document", "letter", "minutes") and not indents:
        fail(doc, "first-line indent", "no indented paragraph", "1 or 1.27 cm")
    if pitches:
        lo, hi = min(pitches), max(pitches)
        if lo < 0.99 or hi > 1.55:
            fail(doc, "line spacing single to 1.5 lines", "%.2f-%.2f lines" % (lo, hi), "1.0-1.5")
    if para_gaps and line_gaps:
        inner = sorted(line_gaps)[len(line_gaps) // 2]
        small = [g for g in para_gaps if g[0] - inner < 6 - TOL]
        if small:
            g, pno, b = min(small)
            fail(doc, "6 pt between paragraphs", "%.1f pt before page %d \"%s\"" % (g - inner, pno + 1, b["text"][:30]),
                 ">= 6 pt")


def check_page_numbers(doc, pdf, frame_centre):
    w = pdf[0].rect.width
    for pno in range(len(pdf)):
        nums = [l for l in lines_of(pdf[pno]) if is_page_number(l, w)]
        if pno == 0:
            if nums:
                fail(doc, "no page number on page 1", "\"%s\"" % nums[0]["text"], "none")
            continue
        if not nums:
            fail(doc, "page %d: page number in the top margin" % (pno + 1), "missing", "centred, from page 2")
            continue
        n = nums[0]
        if n["text"] != str(pno + 1):
            fail(doc, "page %d: page number" % (pno + 1), "\"%s\"" % n["text"], str(pno + 1))
        if abs(centre(n) - frame_centre) > 3:
            fail(doc, "page %d: page number centred" % (pno + 1), "%.1f pt off" % (centre(n) - frame_centre),
                 "within 3 pt")
        if not 13 - 0.1 <= n["size"] <= 14.1:
            fail(doc, "page number size", "%.1f pt" % n["size"], "13-14 pt")


def check_end(doc, pdf, profile, frame_centre):
    """Nơi nhận and the signature block, on the last page(s)."""
    lines = []
    for pno in range(max(0, len(pdf) - 2), len(pdf)):
        lines += [dict(l, page=pno) for l in lines_of(pdf[pno])]
    nn = [l for l in lines if l["text"] == "Nơi nhận:"]
    if profile == "minutes":
        tk = [l for l in lines if l["text"] == "THƯ KÝ"]
        ct = [l for l in lines if l["text"] == "CHỦ TỌA"]
        if not tk or not ct:
            fail(doc, "signatures THƯ KÝ and CHỦ TỌA (form 1.9)", "missing", "THƯ KÝ left, CHỦ TỌA right")
            return
        tk, ct = tk[-1], ct[-1]
        if not (centre(tk) < frame_centre < centre(ct)) or abs(tk["base"] - ct["base"]) > 1:
            fail(doc, "THƯ KÝ left and CHỦ TỌA right on one line", "x %.0f / %.0f" % (centre(tk), centre(ct)),
                 "left / right of %.0f" % frame_centre)
        for l in (tk, ct):
            if not all(bold(s) for s in l["spans"]):
                fail(doc, l["text"] + " bold", "regular", "bold")
        if not nn or nn[-1]["page"] < tk["page"] or (nn[-1]["page"] == tk["page"] and nn[-1]["y0"] < tk["y1"]):
            fail(doc, "Nơi nhận under THƯ KÝ (form 1.9)", "missing" if not nn else "above it", "under the signatures")
            return
    elif not nn:
        fail(doc, "Nơi nhận", "missing", "\"Nơi nhận:\" on the left")
        return
    n = nn[-1]
    if not (bold(n["spans"][0]) and italic(n["spans"][0])) or abs(n["size"] - 12) > 0.1:
        fail(doc, "\"Nơi nhận:\" 12 pt bold italic", "%.1f pt%s%s" % (n["size"], " bold" if bold(n["spans"][0]) else "",
                                                                  " italic" if italic(n["spans"][0]) else ""),
             "12 pt bold italic")
    if abs(n["x0"] - LEFT) > TOL:
        fail(doc, "\"Nơi nhận:\" at the left margin", "%.1f mm" % (n["x0"] / MM), "30 mm")
    entries = [l for l in lines if l["page"] == n["page"] and l["y0"] > n["y0"] and l["x0"] < frame_centre
               and l["size"] < 11.5]
    starts = [l for l in entries if l["text"].startswith("- ")]
    if not starts:
        fail(doc, "Nơi nhận entries", "none", "\"- ...;\" 11 pt")
        return
    for l in entries:
        if abs(l["size"] - 11) > 0.1:
            fail(doc, "Nơi nhận entries 11 pt", "%.1f pt" % l["size"], "11 pt")
            break
    last = starts[-1]["text"]
    if profile == "minutes":
        if last != "- Lưu: VT, Hồ sơ.":
            fail(doc, "minutes: \"- Lưu: VT, Hồ sơ.\" last under Nơi nhận", "\"%s\"" % last, "\"- Lưu: VT, Hồ sơ.\"")
        return
    if not last.startswith("- Lưu"):
        fail(doc, "Nơi nhận ends with \"- Lưu: ...\"", "\"%s\"" % last, "\"- Lưu: VT, ...\"")
    # the signature block: capitals in bold on the right, beside Nơi nhận
    block = [l for l in lines if l["page"] == n["page"] and centre(l) > frame_centre and l["y0"] >= n["y0"] - 20]
    caps = [l for l in block if l["text"].upper() == l["text"] and re.search(r"[A-ZĐ]", l["text"])]
    if not caps:
        fail(doc, "signature block", "missing", "authority and title in bold capitals on the right")
        return
    names = [l for l in block if l["y0"] > caps[-1]["y1"] and all(bold(s) for s in l["spans"])]
    for l in caps:
        if not all(bold(s) for s in l["spans"]) or not 13 - 0.1 <= l["size"] <= 14.1:
            fail(doc, "signature block titles bold 13-14 pt", "\"%s\" %.1f pt" % (l["text"], l["size"]),
                 "bold 13-14 pt")
    if not names:
        fail(doc, "signer's name in bold under the titles", "missing", "bold, centred")
        return
    name = names[0]
    if name["y0"] - caps[-1]["y1"] < 40:
        fail(doc, "room to sign", "%.0f pt" % (name["y0"] - caps[-1]["y1"]), ">= 40 pt")
    if abs(centre(name) - centre(caps[0])) > 3:
        fail(doc, "signer's name centred under the titles", "%.1f pt off" % (centre(name) - centre(caps[0])),
             "within 3 pt")


def measure(path, profile, folder):
    doc = os.path.relpath(path, folder)
    pdf = fitz.open(path)
    landscape = profile == "book"
    w = pdf[0].rect.width
    frame_centre = (LEFT + w - RIGHT) / 2
    for pno in range(len(pdf)):
        check_page_size(doc, pdf[pno], landscape)
        check_margins(doc, pno, pdf[pno], lines_of(pdf[pno]))
    check_fonts(doc, pdf)
    if profile == "book":
        return
    first = lines_of(pdf[0])
    after = check_header(doc, first, profile, frame_centre)
    if after is None:
        return
    t = check_title(doc, first, profile, after, frame_centre)
    if profile == "form":
        return
    if profile != "sheet":
        check_body(doc, pdf, profile, t["y1"])
    check_page_numbers(doc, pdf, frame_centre)
    if profile != "sheet":
        check_end(doc, pdf, profile, frame_centre)


def main():
    listfile, folder, where = sys.argv[1:4]
    profiles = {"document", "letter", "minutes", "sheet", "form", "book"}
    n = 0
    for lineno, line in enumerate(open(listfile, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].split()
        if not line:
            continue
        profile, w, globs = line[0], line[1], line[2:]
        if profile not in profiles:
            print("%s:%d: unknown profile %s" % (listfile, lineno, profile))
            return 2
        if w != where:
            continue
        for g in globs:
            files = sorted(glob.glob(os.path.join(folder, g)))
            if not files:
                failures.append("%s: %s:%d: no document matches (the command did not make it)" % (g, listfile, lineno))
            for f in files:
                measure(f, profile, folder)
                n += 1
    for f in failures:
        print(f)
    print("nd30check: %d documents of %s measured, %d failures" % (n, where, len(failures)), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
