#!/bin/sh
# Digitally signed documents (Decree 30 Appendix I, II.7; issue 17): the
# example's reply letters made with --digital carry the signer's signature
# image centred between the signer's title and name and the office's seal at
# its real size over the left third of the signature, each under an empty
# signature field; a paper letter keeps its blank space. The images are made
# here (tests/scripts/stamp-png.py): a blue signature and a red round seal,
# transparent.
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
exit 0
