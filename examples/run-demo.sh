#!/bin/sh
# `make demo`: run the Liên Minh example with the commands just built and say
# where the documents are.
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo" || exit 2
PATH=$repo/build/bin:$PATH
export PATH

sh examples/lien-minh/run.sh demo-out/lien-minh || exit $?

pdfs=$(find demo-out/lien-minh -name '*.pdf' | sort)
if [ -n "$pdfs" ]; then
	printf 'PDFs (%s) in %s/demo-out/lien-minh:\n' "$(printf '%s\n' "$pdfs" | wc -l | tr -d ' ')" "$repo"
	printf '%s\n' "$pdfs" | sed 's|^demo-out/lien-minh/|  |'
else
	printf 'No PDFs yet (the document commands are not built); the case folder is in %s/demo-out/lien-minh\n' "$repo"
fi
