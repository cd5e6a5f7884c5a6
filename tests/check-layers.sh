#!/bin/sh
# The families of lib/ are layers: a file in lib/F/ may include only headers
# of F or of a family before it in the list given (the Makefile's
# LIB_FAMILIES, lowest first), always by their folder ("doc/pdf.h"); and no
# two headers include each other, directly or through others.
# Usage: check-layers.sh FAMILY...   Fails naming each file and include.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top/lib" || exit 2
rank() { # family -> its place in the list, or nothing
	i=0
	for f in $families; do
		i=$((i + 1))
		[ "$f" = "$1" ] && { echo $i; return; }
	done
}
families="$*"
bad=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
for fam in $families; do
	for file in "$fam"/*.c "$fam"/*.h; do
		[ -f "$file" ] || continue
		mine=$(rank "$fam")
		for inc in $(sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$file"); do
			case $inc in
			*/*) ;;
			*)
				echo "lib/$file: #include \"$inc\" does not name its family (\"family/$inc\")"
				bad=1
				continue
				;;
			esac
			theirs=$(rank "${inc%%/*}")
			if [ -z "$theirs" ] || [ ! -f "$inc" ]; then
				echo "lib/$file: #include \"$inc\": no such header in lib/"
				bad=1
			elif [ "$theirs" -gt "$mine" ]; then
				echo "lib/$file: #include \"$inc\" goes up a layer ($fam may include only: $(echo "$families" | cut -d' ' -f1-"$mine"))"
				bad=1
			fi
			echo "${file%.*} ${inc%.h}" >>"$edges"
		done
	done
done
# a cycle among modules (a file's .c and .h are one module)
if ! awk '$1 != $2' "$edges" | tsort >/dev/null 2>"$edges.err"; then
	echo "lib/: modules include each other in a circle:"
	sed 's/^/  /' "$edges.err"
	bad=1
fi
rm -f "$edges.err"
# the library never ends the process: exit() is for cmd/ (cmd/cli/), and
# out of memory goes through dlg_out_of_memory (base/diag.c aborts)
for file in $(grep -l -E '(^|[^_a-z])exit[[:space:]]*\(|dlg_die[[:space:]]*\(|dlg_usage_error' */*.c); do
	case $file in base/diag.c) continue ;; esac
	grep -n -E '(^|[^_a-z])exit[[:space:]]*\(|dlg_die[[:space:]]*\(|dlg_usage_error' "$file" |
		sed "s|^|lib/$file:|; s|\$| (the library returns an error; only cmd/ exits)|"
	bad=1
done
[ $bad = 0 ] && echo "layers: lib/ includes go only down ($families); lib/ never exits"
exit $bad
