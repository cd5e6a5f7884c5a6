#!/bin/sh
# Check what dlg needs to build and test; install the missing Debian packages
# when we are root on Debian, else print the one command to run.
set -u
missing=""
need() { # package, test command
	pkg=$1; shift
	"$@" >/dev/null 2>&1 || missing="$missing $pkg"
}
hdr() { [ -f "/usr/include/$1" ]; }
need pkg-config command -v pkg-config
need libcsv-dev hdr csv.h
need libcmark-dev pkg-config --exists libcmark
need libutf8proc-dev pkg-config --exists libutf8proc
need libqrencode-dev pkg-config --exists libqrencode
need libfontconfig-dev pkg-config --exists fontconfig
need libharfbuzz-dev pkg-config --exists harfbuzz harfbuzz-subset
need libcmocka-dev pkg-config --exists cmocka
need zlib1g-dev pkg-config --exists zlib
need libzip-dev pkg-config --exists libzip
need libexpat1-dev pkg-config --exists expat
need libgmime-3.0-dev pkg-config --exists gmime-3.0
need libxlsxwriter-dev pkg-config --exists xlsxwriter
need libpng-dev pkg-config --exists libpng
need libssl-dev pkg-config --exists libcrypto
need libp11-dev pkg-config --exists libp11
need softhsm2 command -v softhsm2-util
need opensc command -v pkcs11-tool
need poppler-utils command -v pdftotext
need qpdf command -v qpdf
need valgrind command -v valgrind
need fonts-liberation2 test -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
need fonts-dejavu-core test -d /usr/share/fonts/truetype/dejavu
need gettext command -v msgfmt
need locales test -f /usr/share/i18n/SUPPORTED
need python3 command -v python3
need python3-fitz test -d /usr/lib/python3/dist-packages/fitz
need miller command -v mlr
need make command -v make
need gcc command -v gcc

if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "deps: installing$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null ||
			{ echo "deps: apt-get install failed:$missing" >&2; exit 1; }
	else
		echo "deps: missing packages. Run: sudo apt-get install$missing" >&2
		exit 1
	fi
fi

# Vietnamese messages need the vi_VN.UTF-8 locale.
if ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
	if [ "$(id -u)" = 0 ] && [ -f /etc/locale.gen ]; then
		grep -q '^vi_VN.UTF-8' /etc/locale.gen || echo 'vi_VN.UTF-8 UTF-8' >>/etc/locale.gen
		locale-gen vi_VN.UTF-8 >/dev/null 2>&1 || locale-gen >/dev/null 2>&1
	else
		echo "deps: the vi_VN.UTF-8 locale is missing (tests of Vietnamese messages will skip)" >&2
	fi
fi
exit 0
