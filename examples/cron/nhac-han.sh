#!/bin/sh
# Daily reminders for one case folder (called from cron; see crontab).
# Prints the reminder list (cron mails it to the office) and sends each
# department its own list with the CSV attached, through sendmail.
# Exit status: that of dlg-deadline (1 when something is overdue).
set -u
case=${1:?usage: nhac-han.sh CASE-FOLDER}
cd "$case" || exit 2
out=mail/$(date +%Y-%m-%d)
mkdir -p mail
# the messages are also kept in mail/DATE/ as a record of what was sent
dlg-deadline --remind --mail "$out" --sendmail --answers answers.csv items.csv
