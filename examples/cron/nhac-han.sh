#!/bin/sh
# Daily reminders for one case folder (called from cron; see crontab).
# Prints the reminder list (cron mails it to the office) and sends each
# department its own list with the CSV attached, through sendmail.
# Exit status: that of dlg-deadline (1 when something is overdue).
# Installed by `make install` as PREFIX/share/dlg/cron/nhac-han.sh.
set -u
case=${1:?usage: nhac-han.sh CASE-FOLDER}
# cron's PATH is /usr/bin:/bin: find the dlg commands installed beside this
# script (PREFIX/share/dlg/cron -> PREFIX/bin) before any other
here=$(cd "$(dirname "$0")" && pwd)
for bin in "$here/../../../bin" "$here/../../build/bin"; do
	if [ -x "$bin/dlg-deadline" ]; then
		PATH=$(cd "$bin" && pwd):$PATH
		break
	fi
done
export PATH
# Vietnamese messages even where no vi_VN.UTF-8 locale was generated
: "${LANGUAGE:=vi}"
export LANGUAGE
cd "$case" || exit 2
out=mail/$(date +%Y-%m-%d)
mkdir -p mail
# the messages are also kept in mail/DATE/ as a record of what was sent
dlg-deadline --remind --mail "$out" --sendmail --answers answers.csv items.csv
