#!/bin/sh
# Decree 30 conformance and privacy of every document kind: runs the example
# (examples/lien-minh/run.sh) and the hand-counted case with a complaint and
# two denunciations (tests/data/figures), measures every document listed in
# tests/scripts/nd30-documents.txt with tests/scripts/nd30check.py (margins,
# header block, date line, type name and summary, body size, indent, spacing
# and justification, page numbers, Nơi nhận, signature block; a failure names
# the document, the norm and the measured value), and checks that no
# redirected question (complaint, denunciation, dispute) of the example
# appears with its content, or with the name of whom only complained or
# denounced, in the notice, the minutes, the report, the posted list, an
# invitation, the announcement, the chair's briefing, the report to the
# higher level or the attendance list. A new document kind: add a line to nd30-documents.txt.
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "conformance.sh: $*" >&2
	exit 1
}
# Debian's python3 has fitz (python3-fitz); another python3 first on PATH may not
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import fitz' 2>/dev/null; then
		py=$p
		break
	fi
done
[ -n "$py" ] || fail "no python3 with fitz (Debian python3-fitz; make deps installs it)"

# --- the example
sh "$TOP/examples/lien-minh/run.sh" "$w/example" >"$w/example.log" 2>&1 ||
	fail "examples/lien-minh/run.sh failed: $(tail -5 "$w/example.log")"

# --- the case with denunciations, its documents as the office issues them
cp -R "$TOP/tests/data/figures" "$w/figures" || exit 1
(
	cd "$w/figures" || exit 1
	DLG_TODAY=2026-07-02 dlg-invite --session 2026-1 -o gm registrations.csv &&
		DLG_TODAY=2026-07-02 dlg-invite --session 2026-1 --departments -o gmp items.csv &&
		DLG_TODAY=2026-07-16 dlg-minutes --session 2026-1 -o bb.pdf &&
		DLG_TODAY=2026-07-20 dlg-minutes --notice --session 2026-1 -o tb.pdf &&
		DLG_TODAY=2026-07-23 dlg-reply --session 2026-1 -o tl &&
		DLG_TODAY=2026-07-25 dlg-report --session 2026-1 --pdf bc.pdf
) >"$w/figures.log" 2>&1 || fail "the figures case failed: $(tail -5 "$w/figures.log")"

# --- Decree 30, measured
status=0
for where in example figures; do
	"$py" "$TOP/tests/scripts/nd30check.py" "$TOP/tests/scripts/nd30-documents.txt" \
		"$w/$where" $where >"$w/nd30-$where.txt" 2>"$w/nd30-$where.err" || {
		sed "s|^|conformance.sh: $where: |" "$w/nd30-$where.txt" >&2
		status=1
	}
	grep -q " measured, 0 failures" "$w/nd30-$where.err" || status=1
done
cat "$w"/nd30-*.err >&2 # the count of documents measured
[ $status = 0 ] || exit 1

# --- the example's denouncers: nowhere with content, nor by name when that is all they asked
cd "$w/example" || exit 1
DLG_TODAY=2026-10-26 dlg-report --session 2026-1 --public >public.md || fail "dlg-report --public failed"
for f in thong-bao-2026-1.pdf bien-ban-2026-1.pdf bao-cao-2026-1.pdf giay-moi/*.pdf giay-moi-phong/*.pdf \
	thong-bao-hoi-nghi-2026-1.pdf bao-cao-lanh-dao-2026-1.pdf bao-cao-cap-tren-2026-1.pdf \
	danh-sach-dai-bieu-2026-1.pdf giay-moi-thanh-phan/*.pdf; do
	pdftotext "$f" - | tr '\n' ' ' | tr -s ' '
	echo
done >docs.txt
cat public.md >>docs.txt
"$py" - items.csv docs.txt <<'PY' || fail "a redirected question shows in the documents"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["session"] == "2026-1"]
text = " ".join(open(sys.argv[2], encoding="utf-8").read().split())
redirected = [r for r in rows if r["action"] == "redirect"]
if not redirected:
    print("the example has no redirected question to protect"); sys.exit(1)
ok = True
for r in redirected:
    words = " ".join(r["text"].split())
    for k in range(0, max(1, len(words) - 40), 40):  # any 40 characters of it
        if words[k:k + 40] in text:
            print("%s: its content shows: %r" % (r["item_id"], words[k:k + 40])); ok = False; break
    others = [x for x in rows if x["reg_id"] == r["reg_id"] and x["action"] != "redirect"]
    if not others and r["name"] in text:
        print("%s: %s, who only complained or denounced, is named" % (r["item_id"], r["name"])); ok = False
sys.exit(0 if ok else 1)
PY
exit 0
