#!/bin/sh
# A clerk's import killed at any moment (kill -9, a power cut) leaves the
# register as it was before or as it is after, whole, never a half file, and
# the next import goes through. Many runs, each killed after a random delay
# between 0 and a little more than one import takes.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "${TOP:?}/tests/data/case/dlg.conf" "${TOP:?}/tests/data/case/"*.csv .
export DLG_TODAY=2026-06-20
python3 -c "
print('received,name,phone,topic_procedure')
for i in range(60000): print(f'2026-06-1{i % 9},Người {i},09{i:08d},Câu hỏi số {i} về thủ tục cấp giấy chứng nhận quyền sử dụng đất')
" >big.csv
printf 'received,name,phone,topic_procedure\n2026-06-15,An,0912345678,Hỏi\n' >first.csv
dlg-register -q --channel paper --into registrations.csv first.csv
cp registrations.csv old.csv
cp old.csv new.csv
t0=$(date +%s%N)
dlg-register -q --channel paper --into new.csv big.csv
ms=$((($(date +%s%N) - t0) / 1000000 + 1))
runs=${DLG_KILL_RUNS:-60}
old=0 new=0 i=0
while [ $i -lt $runs ]; do
	i=$((i + 1))
	cp old.csv registrations.csv
	delay=$(awk -v s="$$$i" -v ms="$ms" 'BEGIN { srand(s); printf "%.3f", rand() * ms * 1.3 / 1000 }')
	dlg-register -q --channel paper --into registrations.csv big.csv &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	if cmp -s registrations.csv old.csv; then
		old=$((old + 1))
	elif cmp -s registrations.csv new.csv; then
		new=$((new + 1))
	else
		echo "register-killed: run $i (killed after ${delay}s) left a register that is neither the old nor the new one"
		wc -l registrations.csv old.csv new.csv
		exit 1
	fi
	# kill -9 may leave the temporary file; it is never taken for the
	# register and the next import is not hindered by it
done
cp old.csv registrations.csv
dlg-register -q --channel paper --into registrations.csv big.csv
cmp -s registrations.csv new.csv || { echo "register-killed: the import after the kills differs"; exit 1; }
if [ $old = 0 ] || [ $new = 0 ]; then
	echo "register-killed: note: $runs runs gave $old old and $new new registers (import takes ${ms} ms)"
fi
[ -z "${DLG_TEST_VERBOSE:-}" ] || echo "register-killed: $runs runs killed within $((ms * 13 / 10)) ms: $old old, $new new"
exit 0
