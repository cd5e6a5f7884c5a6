import sys, unicodedata
# Usage: to-vni.py FILE > OUT (FILE in UTF-8)
# VNI-Windows, written from the font layout: base letter, then one byte for
# the mark (or the mark pair) the font draws over it.
TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
CIRC = {None: 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}
BREVE = {None: 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}
I = {"\u0301": 0xED, "\u0300": 0xEC, "\u0309": 0xE6, "\u0303": 0xF3, "\u0323": 0xF2}
def enc(ch):
    if ch == "đ": return bytes([0xF1])
    if ch == "Đ": return bytes([0xD1])
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0], d[1:]
    up = base.isupper()
    low = lambda b: b - 0x20 if up else b
    tone = next((m for m in marks if m in TONE), None)
    if "\u031b" in marks:  # horn: ơ ư are whole letters
        out = bytes([low({"o": 0xF4, "u": 0xF6}[base.lower()])])
        return out + (bytes([low(TONE[tone])]) if tone else b"")
    if base.lower() == "i" and tone:
        return bytes([low(I[tone])])
    if base.lower() == "y" and tone == "\u0323":
        return bytes([low(0xEE)])
    if "\u0302" in marks:
        return base.encode() + bytes([low(CIRC[tone])])
    if "\u0306" in marks:
        return base.encode() + bytes([low(BREVE[tone])])
    if tone:
        return base.encode() + bytes([low(TONE[tone])])
    assert ord(ch) < 128, ch
    return ch.encode()
text = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.buffer.write(b"".join(enc(c) for c in text))
