#!/bin/sh
# Routing quality: run dlg-route over the labelled questions of
# examples/eval/routing.csv (id, kind, text, field, dept, action) and print the
# accuracy of field, dept and action, and every miss with -v.
# Usage: eval-route.sh BINDIR [-v]
# Exit 1 when an accuracy is below 90% or a complaint, denunciation or
# dispute is routed as `answer`.
set -eu
bindir=$1
verbose=${2:-}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a case folder of its own: the test commune's departments and rules
cp -R "$top/tests/data/case/." "$tmp"
mlr --icsv --ocsv put '
	$reg_id = "E" . fmtnum($id, "%04d");
	$topic_procedure = $kind == "handling" ? "" : $text;
	$topic_handling = $kind == "handling" ? $text : "";
	$status = "accepted"
' then cut -o -f reg_id,topic_procedure,topic_handling,status "$top/examples/eval/routing.csv" >"$tmp/regs.csv"
DLG_SHARE=$top/share "$bindir/dlg-route" -C "$tmp" --today 2026-06-20 "$tmp/regs.csv" >"$tmp/items.csv"
python3 - "$top/examples/eval/routing.csv" "$tmp/items.csv" "$verbose" <<'PY'
import csv, sys
want = {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    k = 2 if r["kind"] == "handling" else 1
    want["E%04d-%d" % (int(r["id"]), k)] = r
got = {r["item_id"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
n = len(want)
ok = {"field": 0, "dept": 0, "action": 0}
bad_redirect = 0
for iid, w in want.items():
    g = got.get(iid, {})
    miss = []
    for col in ok:
        if g.get(col, "?") == w[col]:
            ok[col] += 1
        else:
            miss.append("%s %s (want %s)" % (col, g.get(col, "?"), w[col]))
    if w["action"] == "redirect" and g.get("action") == "answer":
        bad_redirect += 1
    if miss and sys.argv[3] == "-v":
        print("  %s %s\n      %s  [%s]" % (iid, w["text"], "; ".join(miss), g.get("rule", "")))
fail = bad_redirect > 0
for col in ("field", "dept", "action"):
    pct = 100.0 * ok[col] / n
    fail = fail or pct < 90
    print("%-7s %3d/%d  %5.1f%%" % (col, ok[col], n, pct))
print("complaints/denunciations/disputes routed as answer: %d" % bad_redirect)
sys.exit(1 if fail else 0)
PY
