#!/bin/sh
# Eight clerks import at once: no form lost, no reg_id given twice, and the
# same files imported again add nothing.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
dlg init --commune "xã Liên Minh" case >/dev/null
cd case
cp "${TOP:?}/tests/data/case/dlg.conf" "${TOP:?}/tests/data/case/"*.csv .
for w in 1 2 3 4 5 6 7 8; do
	python3 - "$w" >"in$w.csv" <<'PY'
import sys
w = int(sys.argv[1])
print("received,name,phone,topic_procedure")
for i in range(50):
    print(f"2026-06-1{i % 9},Người {w}-{i},09{w}{i:07d},Câu hỏi số {i} của người {w}")
PY
done
for round in 1 2; do
	for w in 1 2 3 4 5 6 7 8; do
		DLG_TODAY=2026-06-20 dlg-register -q --channel paper --into registrations.csv "in$w.csv" &
	done
	wait
done
rows=$(python3 -c "import csv; print(sum(1 for _ in csv.DictReader(open('registrations.csv'))))")
ids=$(python3 -c "import csv; print(len({r['reg_id'] for r in csv.DictReader(open('registrations.csv'))}))")
left=$(ls -A | grep -c '^\.registrations' || true)
if [ "$rows" != 400 ] || [ "$ids" != 400 ] || [ "$left" != 0 ]; then
	echo "register-concurrent: rows=$rows unique ids=$ids temp files left=$left (want 400, 400, 0)"
	exit 1
fi
