#!/bin/sh
# Render the pictures of the office guide (docs/img/*.png) from the documents
# `make demo` made in demo-out/lien-minh: the first page of each, A4 at 50 dpi
# (414 x 585), the envelope at the same scale. The two pictures of signed
# documents (tra-loi-ky-so.png, ky-so-kem-theo.png) need the signing token and
# are made by hand (docs/huong-dan.md, "Ký số").
# Usage: sh mk/doc-images.sh   (after make demo)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
demo=$top/demo-out/lien-minh
[ -f "$demo/giay-moi.pdf" ] || { echo "doc-images: run make demo first" >&2; exit 2; }
first() { ls "$1"/*.pdf | head -1; }
render() { # png pdf
	pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$2" "$top/docs/img/${1%.png}"
	echo "docs/img/$1 <- ${2#"$demo"/}"
}
render phieu-dang-ky.png "$demo/phieu-dang-ky.pdf"
render thong-bao-hoi-nghi.png "$demo/thong-bao-hoi-nghi-2026-1.pdf"
render giay-moi.png "$demo/giay-moi.pdf"
render giay-moi-phong.png "$(first "$demo/giay-moi-phong")"
render giay-moi-thanh-phan.png "$(first "$demo/giay-moi-thanh-phan")"
render bao-cao-lanh-dao.png "$demo/bao-cao-lanh-dao-2026-1.pdf"
render danh-sach-dai-bieu.png "$demo/danh-sach-dai-bieu-2026-1.pdf"
render bien-ban.png "$demo/bien-ban-2026-1.pdf"
render thong-bao.png "$demo/thong-bao-2026-1.pdf"
render tra-loi.png "$(first "$demo/tra-loi/2026-1")"
render bao-cao-cap-tren.png "$demo/bao-cao-cap-tren-2026-1.pdf"
render phong-bi.png "$demo/phong-bi-2026-1.pdf"
render bao-cao.png "$demo/bao-cao-2026-1.pdf"
