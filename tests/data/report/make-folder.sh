#!/bin/sh
# Build a small case folder for the dlg-report golden cases: `dlg init`,
# the example commune's settings and tables (tests/data/case/), then the
# hand-made records of tests/data/report/NAME/ (their counts are
# worked out by hand in tests/data/report/README).
# Usage: make-folder.sh DIR [lienminh|hongha]
set -eu
dir=$1
name=${2:-lienminh}
src=$(cd "$(dirname "$0")" && pwd)/$name
dlg init --commune "xã Liên Minh" "$dir" >/dev/null
cp "$src/../../case/"*.csv "$src/../../case/dlg.conf" "$dir"/
cp "$src"/*.csv "$dir"/
if [ "$name" = hongha ]; then
	sed -i 's/^commune = .*/commune = xã Hồng Hà/' "$dir/dlg.conf"
	grep -q '^commune = xã Hồng Hà$' "$dir/dlg.conf"
fi
