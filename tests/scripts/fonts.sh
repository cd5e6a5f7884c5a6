#!/bin/sh
# Fonts: a damaged font file ("Times New Roman.ttf" from the web) is either
# read safely or refused with a message naming the file and exit 2, never a
# crash (tests/scripts/corrupt-fonts.py makes ten damaged copies of Liberation
# Serif: wrapped cmap offsets, a huge format-12 group count, numGlyphs = 0,
# composite glyphs pointing outside the font, a truncated file...). And a
# character the font lacks: drawn from a fallback font (DejaVu has 😀 and ★)
# or as a visible U+FFFD, with the text layer giving back every character.
# The ASan build is used when there is one (make check builds it first).
set -u
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
fail() {
	echo "fonts.sh: $*" >&2
	exit 1
}
bin=${BINDIR:?}
# (when it is not older than BINDIR's: a stale one would test old code)
[ -x "$TOP/build-asan/bin/dlg-pdf" ] && ! [ "$bin/dlg-pdf" -nt "$TOP/build-asan/bin/dlg-pdf" ] &&
	bin=$TOP/build-asan/bin
serif=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
dejavu=/usr/share/fonts/truetype/dejavu
[ -f "$serif" ] || fail "no $serif (mk/deps.sh installs fonts-liberation2)"
export DLG_TODAY=2026-07-01
cd "$w" || exit 1
cp "$TOP/tests/data/case/dlg.conf" "$TOP/tests/data/case/"*.csv . || exit 1
# fontconfig sees only the folders given: fonts_conf NAME DIR...
fonts_conf() {
	n=$1
	shift
	{
		echo '<?xml version="1.0"?><fontconfig>'
		for d in "$@"; do echo "<dir>$d</dir>"; done
		echo "<cachedir>$w/cache-$n</cachedir></fontconfig>"
	} >"$w/$n.conf"
}

# 1. Damaged fonts.
python3 "$TOP/tests/scripts/corrupt-fonts.py" "$serif" "$w/bad" || fail "corrupt-fonts.py failed"
made=0
refused=0
for d in "$w"/bad/*/; do
	n=$(basename "$d")
	fonts_conf "$n" "$d"
	FONTCONFIG_FILE=$w/$n.conf "$bin/dlg-pdf" -t phieu-dang-ky -o "$n.pdf" 2>"$n.err"
	s=$?
	case $s in
	0)
		qpdf --check "$n.pdf" >/dev/null 2>&1 || fail "$n: the PDF made with it is damaged"
		pdftotext "$n.pdf" - | grep -q 'PHIẾU ĐĂNG KÝ' || fail "$n: the PDF lost its text"
		made=$((made + 1))
		;;
	2)
		# the message names the font file, or says no font was found
		grep -q "$d\|no font found" "$n.err" || fail "$n: exit 2 without naming the file: $(cat "$n.err")"
		[ ! -e "$n.pdf" ] || fail "$n: refused, yet a PDF was left"
		refused=$((refused + 1))
		;;
	*) fail "$n: dlg-pdf exited $s: $(head -c 2000 "$n.err")" ;;
	esac
done
[ $refused -ge 5 ] || fail "only $refused damaged fonts refused"

# 2. Characters the font lacks, with a fallback font (DejaVu) and without.
text='Nguyễn Văn An 😀 ★ 中 hỏi? có phải không? a ? b'
mkdir -p templates
printf -- '---\ntype: THÔNG BÁO\n---\n\n%s\n' "$text" >templates/thu.md
printf 'name\nx\n' >rows.csv
for setup in fallback alone; do
	if [ $setup = fallback ]; then
		[ -d "$dejavu" ] || fail "no $dejavu (mk/deps.sh installs fonts-dejavu-core)"
		fonts_conf $setup "$(dirname "$serif")" "$dejavu"
	else
		fonts_conf $setup "$(dirname "$serif")"
	fi
	FONTCONFIG_FILE=$w/$setup.conf "$bin/dlg-pdf" -t thu -o $setup.pdf rows.csv 2>err ||
		fail "$setup: dlg-pdf failed: $(cat err)"
	got=$(pdftotext $setup.pdf - | grep 'Nguyễn Văn An')
	[ "$got" = "$text" ] || fail "$setup: the text layer gives \"$got\", not \"$text\""
	fonts=$(pdffonts $setup.pdf | tail -n +3 | awk '{ print $1 }' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
	case $setup in
	fallback) echo "$fonts" | grep -q DejaVu || fail "fallback: no DejaVu font used ($fonts)" ;;
	alone) echo "$fonts" | grep -q DejaVu && fail "alone: DejaVu used though not installed" ;;
	esac
	# U+FFFD stands for what no font has: it is drawn (its glyph is in the subset)
	qpdf --check $setup.pdf >/dev/null 2>&1 || fail "$setup: qpdf --check failed"
done
echo "fonts.sh: $made damaged fonts read safely, $refused refused naming the file; fallback and replacement keep the text"
exit 0
