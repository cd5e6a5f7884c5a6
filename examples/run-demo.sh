#!/bin/sh
# `make demo`: run the whole pipeline on the example case folder.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/demo-out
PATH=$top/build/bin:$PATH
export PATH
rm -rf "$out"
mkdir -p "$out"
if [ -x "$top/examples/lien-minh/run.sh" ]; then
	sh "$top/examples/lien-minh/run.sh" "$out/lien-minh"
else
	dlg init "$out/lien-minh"
fi
echo "demo: the case folder and its documents are in $out/lien-minh"
