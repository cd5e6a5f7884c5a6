#!/bin/sh
# Digitally signed documents (Decree 30 Appendix I, II.7-8; issue 17).
# 1. The example's reply letters made with --digital carry the signer's
#    signature image centred between the signer's title and name and the
#    office's seal at its real size over the left third of the signature,
#    each under an empty signature field; a paper letter keeps its blank
#    space. The images are made here (tests/scripts/stamp-png.py): a blue
#    signature and a red round seal, transparent.
# 2. dlg-sign signs them: the signer with a certificate file (PKCS#12), the
#    office with a SoftHSM2 token (PKCS#11). A test CA and certificates are
#    made here with openssl; nothing is committed. pdfsig reports every
#    signature valid and the last covering the whole file, qpdf --check
#    passes, one changed byte makes pdfsig report it, the rendered page shows
#    the blue signature and the red seal where the fields are. Signing twice,
#    a wrong PIN and a missing field fail and change nothing.
# 3. An attachment signed by the office: at the top right of page 1, the
#    number and the signing time, recorded in the outgoing register.
# 4. dlg-reply --mail --sign signs the letters that go by e-mail only.
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "sign.sh: $*" >&2
	exit 1
}
here=$TOP/tests/scripts
export DLG_TODAY=2026-10-26

# The example case folder, run up to the reply letters.
sh "$TOP/examples/lien-minh/run.sh" "$w/case" >"$w/run.log" 2>&1 || {
	cat "$w/run.log" >&2
	fail "examples/lien-minh/run.sh failed"
}
cd "$w/case" || exit 1
python3 "$here/stamp-png.py" signature chu-ky.png || fail "cannot make the signature image"
python3 "$here/stamp-png.py" seal con-dau.png 36 || fail "cannot make the seal image"

# --digital without the images named in dlg.conf: an error naming the key
dlg-reply --session 2026-1 --pending --digital -o none/ 2>err.txt && fail "--digital with no images succeeded"
grep -q 'signature_image' err.txt || fail "no message naming signature_image: $(cat err.txt)"
[ ! -e none ] || fail "a failed run left none/"

python3 - <<'PY' || fail "cannot edit dlg.conf"
s = open("dlg.conf", encoding="utf-8").read()
s = s.replace("[signer]\n", "[signer]\nsignature_image = chu-ky.png\n", 1)
s = s.replace("[office]\n", "[office]\nseal_image = con-dau.png\n", 1)
open("dlg.conf", "w", encoding="utf-8").write(s)
PY
dlg-reply --session 2026-1 --pending --digital -o ky/ || fail "dlg-reply --digital failed"
dlg-reply --session 2026-1 --pending -o giay/ || fail "dlg-reply failed"
n=0
for f in ky/*.pdf; do
	qpdf --check "$f" >/dev/null || fail "qpdf --check $f"
	# two images, each with its soft mask (the transparency)
	[ "$(pdfimages -list "$f" | grep -c ' smask ')" = 2 ] || fail "$f: not two images with transparency"
	n=$((n + 1))
done
[ $n -ge 5 ] || fail "only $n letters"
[ "$(pdfimages -list giay/R0009.pdf | tail -n +3 | wc -l)" = 0 ] || fail "the paper letter has images"

# Where they are: the fields (over the images) against the words around them.
python3 - ky/R0009.pdf <<'PY' || fail "the images are not where Decree 30 puts them"
import json, re, subprocess, sys
pdf = sys.argv[1]
objs = json.loads(subprocess.run(["qpdf", "--json=1", "--json-key=objects", pdf],
                                 capture_output=True, check=True).stdout)["objects"]
rect = {}
for o in objs.values():
    if isinstance(o, dict) and o.get("/FT") == "/Sig":
        rect[o["/T"].lstrip("u:")] = o["/Rect"]
assert set(rect) == {"signer", "office"}, rect
H = 841.89
words = re.findall(r'yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
                   subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                                   check=True, text=True).stdout)
xmin = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<',
                  subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                                 check=True, text=True).stdout)
# the signer's title line "PHÓ CHỦ TỊCH" and the name line, from pdftotext
lines = {}
for (ymin, xmax, ymax, t), (x0, _, _) in zip(words, xmin):
    lines.setdefault(round(float(ymin), 1), []).append((float(x0), float(xmax), float(ymax), t))
def line_with(text):
    for y, ws in lines.items():
        if " ".join(w[3] for w in ws) == text:
            return y, min(w[0] for w in ws), max(w[1] for w in ws), max(w[2] for w in ws)
    raise SystemExit("no line %r" % text)
ty, tx0, tx1, tbot = line_with("PHÓ CHỦ TỊCH")
ny, nx0, nx1, _ = line_with("Nguyễn Hữu Minh")
sx0, sy0, sx1, sy1 = rect["signer"]
kx0, ky0, kx1, ky1 = rect["office"]
top, bottom = H - sy1, H - sy0  # y downwards, as pdftotext
assert tbot - 2 <= top and bottom <= ny + 2, ("signature not between title and name", top, bottom, tbot, ny)
assert abs((sx0 + sx1) / 2 - (tx0 + tx1) / 2) < 1.5, ("signature not centred under the title", sx0, sx1, tx0, tx1)
mm = 72 / 25.4
assert abs((kx1 - kx0) - 36 * mm) < 0.5 and abs((ky1 - ky0) - 36 * mm) < 0.5, ("seal not 36 mm", kx1 - kx0)
third = sx0 + (sx1 - sx0) / 3
assert abs(kx1 - third) < 0.5, ("seal does not cover the left third", kx1, third)
assert abs((ky0 + ky1) / 2 - (sy0 + sy1) / 2) < 0.5, "seal not level with the signature"
print("signature %.1f x %.1f pt between title and name; seal %.1f mm over its left third"
      % (sx1 - sx0, sy1 - sy0, (kx1 - kx0) / mm))
PY

# ---- 2. keys: a test CA, the office's certificate on a SoftHSM2 token, the
# signer's in a PKCS#12 file
module=
for m in /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
	/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so; do
	[ -f "$m" ] && module=$m && break
done
[ -n "$module" ] || fail "no SoftHSM2 module (apt-get install softhsm2)"
command -v pkcs11-tool >/dev/null || fail "no pkcs11-tool (apt-get install opensc)"
command -v pdfsig >/dev/null || fail "no pdfsig (apt-get install poppler-utils)"
k=$w/keys
mkdir -p "$k/tokens"
cat >"$k/x509.cnf" <<'CNF'
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = CA:false
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
(
	cd "$k" || exit 1
	openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
		-subj "/C=VN/O=dlg test/CN=dlg test CA" -config x509.cnf -extensions ca &&
	for who in office signer; do
		openssl req -newkey rsa:2048 -nodes -keyout $who.key -out $who.csr -utf8 \
			-subj "/C=VN/O=UBND xã Liên Minh/CN=$who test" -config x509.cnf &&
		openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
			-out $who.pem -days 2 -extfile x509.cnf -extensions leaf || exit 1
	done &&
	openssl pkcs12 -export -inkey signer.key -in signer.pem -certfile ca.pem \
		-out signer.p12 -passout pass:mật-khẩu &&
	openssl pkcs8 -topk8 -nocrypt -in office.key -outform DER -out office.key.der &&
	openssl x509 -in office.pem -outform DER -out office.der &&
	openssl x509 -in ca.pem -outform DER -out ca.der
) >"$k/openssl.log" 2>&1 || {
	cat "$k/openssl.log" >&2
	fail "cannot make the test certificates"
}
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$k" >"$k/softhsm2.conf"
SOFTHSM2_CONF=$k/softhsm2.conf
export SOFTHSM2_CONF
p11() { pkcs11-tool --module "$module" --token-label VanThu --login --pin 246810 "$@" >>"$k/p11.log" 2>&1; }
softhsm2-util --init-token --free --label VanThu --pin 246810 --so-pin 13579135 >"$k/p11.log" 2>&1 &&
	p11 --write-object "$k/office.key.der" --type privkey --id 01 --label con-dau &&
	p11 --write-object "$k/office.der" --type cert --id 01 --label con-dau &&
	p11 --write-object "$k/ca.der" --type cert --id 02 --label "CA" || {
	cat "$k/p11.log" >&2
	fail "cannot set up the SoftHSM2 token"
}
printf '246810\n' >"$k/pin"
printf 'mật-khẩu\n' >"$k/p12pass"

# signing what is not there: a paper letter has no field; a wrong PIN
cp giay/R0009.pdf paper.pdf
dlg-sign --as signer --pkcs12 "$k/signer.p12" --pin-file "$k/p12pass" paper.pdf 2>err.txt &&
	fail "signed a paper letter that has no signature field"
grep -q 'signer' err.txt || fail "no message naming the field: $(cat err.txt)"
cmp -s paper.pdf giay/R0009.pdf || fail "a failed signing changed the file"
cp ky/R0009.pdf wrong.pdf
printf '111111\n' >"$k/badpin"
dlg-sign --pkcs11 "$module" --token VanThu --pin-file "$k/badpin" wrong.pdf 2>err.txt &&
	fail "a wrong PIN signed"
grep -q 'PIN' err.txt || fail "no message about the PIN: $(cat err.txt)"
cmp -s wrong.pdf ky/R0009.pdf || fail "a wrong PIN changed the file"

# not a PDF, or one rewritten with cross-reference streams: refused, unchanged
printf 'không phải PDF' >x.pdf
dlg-sign --pkcs11 "$module" --token VanThu --pin-file "$k/pin" x.pdf 2>err.txt &&
	fail "signed a file that is no PDF"
grep -q 'x.pdf: cannot read this PDF' err.txt || fail "not a PDF: $(cat err.txt)"
qpdf --object-streams=generate ky/R0009.pdf objstm.pdf || fail "qpdf --object-streams"
cp objstm.pdf objstm.orig
dlg-sign --pkcs11 "$module" --token VanThu --pin-file "$k/pin" objstm.pdf 2>err.txt &&
	fail "signed a PDF with cross-reference streams"
grep -q 'cross-reference streams' err.txt || fail "object streams: $(cat err.txt)"
cmp -s objstm.pdf objstm.orig || fail "a refused PDF was changed"

# the signer's signature (certificate file), then the office's (token)
cp -R ky signed
DLG_SIGNER_PIN=mật-khẩu dlg-sign --as signer --pkcs12 "$k/signer.p12" signed/*.pdf ||
	fail "dlg-sign --as signer failed"
dlg-sign --pkcs11 "$module" --token VanThu --key con-dau --pin-file "$k/pin" signed/*.pdf ||
	fail "dlg-sign (office, token) failed"
cp signed/R0009.pdf again.pdf
dlg-sign --pkcs11 "$module" --token VanThu --pin-file "$k/pin" again.pdf 2>err.txt &&
	fail "the office's signature went on twice"
grep -q 'office' err.txt || fail "signing twice: $(cat err.txt)"
cmp -s again.pdf signed/R0009.pdf || fail "signing twice changed the file"
for f in signed/*.pdf; do
	qpdf --check "$f" >/dev/null || fail "qpdf --check $f"
	pdfsig "$f" >sig.txt 2>/dev/null || fail "pdfsig $f failed"
	[ "$(grep -c 'Signature Validation: Signature is Valid.' sig.txt)" = 2 ] || {
		cat sig.txt >&2
		fail "$f: not two valid signatures"
	}
	grep -q 'Signature Field Name: signer' sig.txt && grep -q 'Signature Field Name: office' sig.txt ||
		fail "$f: fields"
	grep -q 'Signature Type: ETSI.CAdES.detached' sig.txt || fail "$f: not ETSI.CAdES.detached"
	grep -q 'Signing Hash Algorithm: SHA-256' sig.txt || fail "$f: not SHA-256"
	[ "$(grep -c 'Total document signed' sig.txt)" = 1 ] || fail "$f: the last signature does not cover the file"
	grep -q 'not signed' sig.txt && fail "$f: a field left unsigned"
	grep -aq '/Extensions << /ESIC << /BaseVersion /1.7' "$f" || fail "$f: no ESIC extension"
	[ "$(grep -ac '/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached' "$f")" = 2 ] ||
		fail "$f: not two PAdES signature dictionaries"
done
# the signing times are in the register with each letter's number (dlg wrote
# the number into the PDF)
python3 - "$(ls signed/*.pdf | wc -l)" <<'PY' || fail "the register does not hold the letters' signing times"
import csv, sys
rows = [r for r in csv.DictReader(open("outgoing.csv", encoding="utf-8")) if r["doc"] == "reply"
        and r["session"] == "2026-1"]
both = [r for r in rows if r.get("signed_office", "").endswith("+07:00") and r.get("signed_signer")]
assert len(both) == len(rows) == int(sys.argv[1]), (len(both), len(rows), sys.argv[1])
PY
# the CMS: PAdES baseline B attributes, no signing-time, chain verifies
python3 - signed/R0009.pdf "$w/cms.der" "$w/signed.bin" <<'PY' || fail "cannot take the CMS out"
import re, sys
d = open(sys.argv[1], "rb").read()
br = [tuple(map(int, m.groups())) for m in re.finditer(rb"/ByteRange \[0 (\d+) (\d+) (\d+)\]", d)]
a, b, c = br[-1]
h = d[a + 1:b - 1].rstrip(b"0")
h += b"0" * (len(h) % 2)
open(sys.argv[2], "wb").write(bytes.fromhex(h.decode()))
open(sys.argv[3], "wb").write(d[:a] + d[b:b + c])
PY
openssl cms -verify -binary -inform DER -in "$w/cms.der" -content "$w/signed.bin" \
	-CAfile "$k/ca.pem" -purpose any >/dev/null 2>"$w/cms.err" || {
	cat "$w/cms.err" >&2
	fail "openssl cms -verify fails on the office's signature"
}
openssl cms -cmsout -print -inform DER -in "$w/cms.der" >cms.txt
grep -q 'signingCertificateV2' cms.txt || fail "no signing-certificate-v2 attribute"
grep -q 'messageDigest' cms.txt || fail "no message-digest attribute"
grep -q 'signingTime' cms.txt && fail "a signing-time attribute (PAdES takes /M)"

# one changed byte in the signed part: pdfsig reports it
python3 - signed/R0009.pdf tampered.pdf <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
i = d.index(b"/Producer (dlg)") + len(b"/Producer (dl")
d[i] = ord("G")
open(sys.argv[2], "wb").write(bytes(d))
PY
pdfsig tampered.pdf >sig.txt 2>/dev/null
[ "$(grep -c 'Signature is Valid' sig.txt)" = 0 ] || {
	cat sig.txt >&2
	fail "a changed byte still verifies"
}
grep -q 'Digest Mismatch' sig.txt || fail "pdfsig does not report the change: $(cat sig.txt)"

# the rendered page: blue ink in the signer's field, red in the seal's left of it
pdftoppm -r 60 -f 1 -l 1 signed/R0009.pdf page || fail "pdftoppm"
python3 - page-1.ppm signed/R0009.pdf <<'PY' || fail "the rendered page does not show the images where the fields are"
import json, subprocess, sys
data = open(sys.argv[1], "rb").read()
parts = data.split(b"\n", 3)
W, H = map(int, parts[1].split()); px = parts[3]
objs = json.loads(subprocess.run(["qpdf", "--json=1", "--json-key=objects", sys.argv[2]],
                                 capture_output=True, check=True).stdout)["objects"]
rect = {o["/T"].lstrip("u:"): o["/Rect"] for o in objs.values()
        if isinstance(o, dict) and o.get("/FT") == "/Sig"}
k = 60 / 72.0
def count(r, test):
    x0, y0, x1, y1 = r
    n = 0
    for y in range(int((841.89 - y1) * k), int((841.89 - y0) * k)):
        for x in range(int(x0 * k), int(x1 * k)):
            i = 3 * (y * W + x)
            if test(px[i], px[i + 1], px[i + 2]):
                n += 1
    return n
blue = count(rect["signer"], lambda r, g, b: b > 120 and b > r + 60 and b > g + 40)
sx0, sy0, sx1, sy1 = rect["signer"]
kx0, ky0, kx1, ky1 = rect["office"]
red = count([kx0, ky0, sx0, ky1], lambda r, g, b: r > 150 and r > g + 80 and r > b + 80)
print("rendered page: %d blue pixels in the signer's field, %d red in the seal left of it" % (blue, red))
assert blue > 60 and red > 150, (blue, red)
PY

# ---- 3. an attachment: the office's signature at the top right of page 1
# the report's number, as the register has it
sym=$(python3 -c 'import csv; print([r["symbol"] for r in csv.DictReader(open("outgoing.csv", encoding="utf-8")) if r["doc"] == "report"][0])') ||
	fail "the report is not in the outgoing register"
cp outgoing.csv outgoing.before
cp bao-cao-2026-1.pdf phu-luc.pdf
dlg-sign --attachment --number "$sym" --pkcs11 "$module" --pin-file "$k/pin" phu-luc.pdf ||
	fail "dlg-sign --attachment failed"
pdfsig phu-luc.pdf >sig.txt 2>/dev/null
grep -q 'Signature Field Name: office-attachment' sig.txt && grep -q 'Signature is Valid' sig.txt &&
	grep -q 'Total document signed' sig.txt || fail "attachment: $(cat sig.txt)"
qpdf --check phu-luc.pdf >/dev/null || fail "qpdf --check phu-luc.pdf"
when=$(python3 - "$sym" <<'PY'
import csv, sys
print([r.get("signed_attachment", "") for r in csv.DictReader(open("outgoing.csv", encoding="utf-8"))
       if r["symbol"] == sys.argv[1]][0])
PY
)
case $when in
20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]+07:00) ;;
*) fail "the register does not hold the signing time: $(cat outgoing.csv)" ;;
esac
python3 - <<'PY' || fail "the register changed more than the signing time"
import csv
a = list(csv.reader(open("outgoing.before", encoding="utf-8")))
b = list(csv.reader(open("outgoing.csv", encoding="utf-8")))
assert b[0] == a[0] + ["signed_attachment"], b[0]
assert [r[:-1] for r in b[1:]] == a[1:]
assert sum(1 for r in b[1:] if r[-1]) == 1
PY
# the text, in the appearance: number and time, in the top margin at the right
python3 - phu-luc.pdf "$when" <<'PY' || fail "the attachment's signature is not at the top right with the number and time"
import json, subprocess, sys, zlib
objs = json.loads(subprocess.run(["qpdf", "--json=1", "--json-key=objects", sys.argv[1]],
                                 capture_output=True, check=True).stdout)["objects"]
f = [o for o in objs.values() if isinstance(o, dict) and o.get("/T") in ("office-attachment", "u:office-attachment")][0]
x0, y0, x1, y1 = f["/Rect"]
mm = 72 / 25.4
assert abs(x1 - (595.28 - 15 * mm)) < 0.5, ("not at the right margin", x1)
assert y0 > 841.89 - 20 * mm and y1 < 841.89, ("not in the top margin", y0, y1)
ap = objs[f["/AP"]["/N"]]
font = [v for v in objs.values() if isinstance(v, dict) and v.get("/Subtype") == "/CIDFontType2"]
assert any("Serif" in v["/BaseFont"] or "Times" in v["/BaseFont"] for v in font), font
print("attachment signature at [%.1f %.1f %.1f %.1f], %s" % (x0, y0, x1, y1, sys.argv[2]))
PY
pdftoppm -r 60 -f 1 -l 1 phu-luc.pdf att || fail "pdftoppm"
python3 - att-1.ppm <<'PY' || fail "nothing drawn at the top right of the attachment"
data = open(sys.argv[1] if False else "att-1.ppm", "rb").read()
parts = data.split(b"\n", 3)
W, H = map(int, parts[1].split()); px = parts[3]
k = 60 / 72.0
dark = sum(1 for y in range(int(2 * k), int(20 / 25.4 * 72 * k))
           for x in range(int(300 * k), W - int(15 / 25.4 * 72 * k))
           if px[3 * (y * W + x)] < 100)
assert dark > 100, dark
PY

# ---- 4. dlg-reply --mail --sign: the e-mailed letters signed, the posted ones paper
cat >>dlg.conf <<CONF

[sign]
office_pkcs11 = $module
office_token = VanThu
office_key = con-dau
signer_pkcs12 = $k/signer.p12
CONF
DLG_OFFICE_PIN=246810 DLG_SIGNER_PIN=mật-khẩu dlg-reply --session 2026-1 --pending -o thu/ \
	--mail eml/ --sign 2>err.txt || {
	cat err.txt >&2
	fail "dlg-reply --sign failed"
}
nmail=0
for f in thu/*.pdf; do
	id=$(basename "$f" .pdf)
	n=$(pdfsig "$f" 2>/dev/null | grep -c 'Signature is Valid')
	if [ -f "eml/$id.eml" ]; then
		[ "$n" = 2 ] || fail "$f goes by e-mail with $n valid signatures"
		nmail=$((nmail + 1))
		# the attachment is the signed file
		python3 - "eml/$id.eml" "$f" <<'PY' || fail "eml/$id.eml does not carry the signed letter"
import email, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"))
pdf = [p.get_payload(decode=True) for p in m.walk() if p.get_content_type() == "application/pdf"]
assert pdf and pdf[0] == open(sys.argv[2], "rb").read()
PY
	else
		[ "$n" = 0 ] || fail "$f goes by post but is signed"
		[ "$(pdfimages -list "$f" | tail -n +3 | wc -l)" = 0 ] || fail "$f goes by post with images"
	fi
done
[ $nmail -ge 2 ] || fail "only $nmail letters by e-mail"
# dlg-invite --mail --sign: the same for the invitations
DLG_OFFICE_PIN=246810 DLG_SIGNER_PIN=mật-khẩu dlg-invite --session 2026-1 -o gm/ --mail gme/ \
	--sign registrations.csv 2>err.txt || {
	cat err.txt >&2
	fail "dlg-invite --sign failed"
}
ninv=0
for f in gm/*.pdf; do
	n=$(pdfsig "$f" 2>/dev/null | grep -c 'Signature is Valid')
	if [ -f "gme/$(basename "$f" .pdf).eml" ]; then
		[ "$n" = 2 ] || fail "$f goes by e-mail with $n valid signatures"
		ninv=$((ninv + 1))
	else
		[ "$n" = 0 ] || fail "$f goes by post but is signed"
	fi
done
[ $ninv -ge 2 ] || fail "only $ninv invitations by e-mail"
echo "sign.sh: $(ls signed/*.pdf | wc -l) letters signed by both keys, $nmail signed for e-mail, $ninv invitations"
exit 0
