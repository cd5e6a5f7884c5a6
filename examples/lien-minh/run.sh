#!/bin/sh
# Run the whole dlg pipeline on the Liên Minh example case folder.
#
#   examples/lien-minh/run.sh [OUTDIR]
#
# Copies this folder to OUTDIR (default: demo-out/lien-minh in the repository)
# and runs there, in the order of the office's work (DESIGN §1), every command
# that is on PATH; a command not built yet is skipped with a line saying so.
# Exits 0 when every command that ran succeeded.  Dates are taken as of
# DLG_TODAY (default 2026-10-26, after both 2026 conferences) so that runs are
# reproducible.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$repo/demo-out/lien-minh}
DLG_TODAY=${DLG_TODAY:-2026-10-26}
export DLG_TODAY

# From a source tree, use the commands just built when none are installed.
if ! command -v dlg-register >/dev/null 2>&1 && [ -d "$repo/build/bin" ]; then
	PATH=$repo/build/bin:$PATH
	export PATH
fi

say() { printf '== %s\n' "$*"; }
fail() {
	printf 'run.sh: %s failed (exit %s)\n' "$1" "$2" >&2
	exit "$2"
}
# have CMD: true when CMD exists; otherwise say it is skipped.
have() {
	command -v "$1" >/dev/null 2>&1 && return 0
	printf 'run.sh: %s is not built yet: skipped\n' "$1" >&2
	return 1
}
# need FILE CMD: true when FILE exists; otherwise say why CMD is skipped.
need() {
	[ -f "$1" ] && return 0
	printf 'run.sh: %s skipped: no %s (its command is not built yet)\n' "$2" "$1" >&2
	return 1
}

# A fresh copy of the case folder.  Only a folder this script made (it holds
# .dlg-demo) or an empty one is overwritten, never someone's real case folder.
if [ -e "$out" ]; then
	if [ -f "$out/.dlg-demo" ]; then
		rm -rf "$out"
	elif [ -d "$out" ] && [ -z "$(ls -A "$out")" ]; then
		rmdir "$out"
	else
		printf 'run.sh: %s exists and was not made by run.sh: not overwritten\n' "$out" >&2
		exit 2
	fi
fi
mkdir -p "$out" || exit 2
cp -R "$here/." "$out/" || exit 2
rm -f "$out/run.sh"
: >"$out/.dlg-demo"
cd "$out" || exit 2
say "case folder: $(pwd) (today: $DLG_TODAY)"

# 0. The announcement of the July conference (time, place, content, how to
# register, with the QR code of the online form) to the village heads, the
# website and the radio, with the radio's script; issued on 5 June, well
# before the 7 days the law asks and before the forms start to arrive.
if have dlg-announce; then
	say "dlg-announce: thong-bao-hoi-nghi-2026-1.pdf, truyen-thanh-2026-1.txt"
	DLG_TODAY=2026-06-05 dlg-announce --session 2026-1 -o thong-bao-hoi-nghi-2026-1.pdf \
		--radio truyen-thanh-2026-1.txt || fail dlg-announce $?
fi

# 1. Intake of the forms, in the order they were imported: the online form's
# export, the paper forms typed in by the clerk, the e-mails of the office's
# mailbox (a maildir: forms typed in the message, one as a CSV attachment),
# and the questions
# raised from the floor on 16 July.  reg_ids follow this order (R0001...), and
# attendance.csv and answers.csv refer to them.
#
if have dlg-register; then
	say "dlg-register: online form, paper, e-mail, from the floor"
	dlg-register --into registrations.csv --channel online inbox/online-export.csv ||
		fail "dlg-register (online)" $?
	dlg-register --into registrations.csv --channel paper inbox/paper.csv ||
		fail "dlg-register (paper)" $?
	dlg-register --into registrations.csv inbox/thu-dien-tu ||
		fail "dlg-register (email)" $?
	dlg-register --into registrations.csv inbox/conference-floor.csv ||
		fail "dlg-register (conference)" $?
	# R0026 came online on 8 July, after the 6 July cutoff of 2026-1: it is
	# late for 2026-1.  On 9 July the office decided to take it to 2026-2.
	DLG_TODAY=2026-07-09 dlg-register --into registrations.csv --carry-over R0026 ||
		fail "dlg-register --carry-over" $?
fi

# 2. Routing: one item per question, to the department that must answer.
if have dlg-route && need registrations.csv dlg-route; then
	say "dlg-route --into items.csv: the questions of registrations.csv, slips in phieu-chuyen/"
	# The office forwarded the questions the day after the cutoff of 2026-1,
	# with a transfer slip (phiếu chuyển) to each department.  --into adds
	# the items of registrations items.csv has none for and keeps every row
	# staff edited there; a record is never the target of a shell ">".
	dlg-route --sent 2026-07-07 --slips phieu-chuyen/ --session 2026-1 \
		--into items.csv registrations.csv || fail dlg-route $?
fi

# 2b. Right after routing: the guidance letters for the complaint and the
# denunciation (plan III.2; recorded in closures.csv, so they are handled,
# not overdue), and a letter to each registrant whose form came late or
# incomplete saying what happens to it or what is missing.
if have dlg-reply && need items.csv "dlg-reply --guidance"; then
	say "dlg-reply --guidance: huong-dan/2026-1/; --acknowledge: bao-nhan/2026-1/"
	DLG_TODAY=2026-07-08 dlg-reply --session 2026-1 --guidance -o huong-dan/2026-1/ ||
		fail "dlg-reply --guidance" $?
	DLG_TODAY=2026-07-10 dlg-reply --session 2026-1 --acknowledge -o bao-nhan/2026-1/ ||
		fail "dlg-reply --acknowledge" $?
fi

# 3. Invitations to the registrants of the July conference.
if have dlg-invite && need registrations.csv dlg-invite; then
	say "dlg-invite: giay-moi/"
	# Issued on 2 July, two weeks before the conference.
	DLG_TODAY=2026-07-02 dlg-invite --session 2026-1 -o giay-moi/ --one-file giay-moi.pdf \
		<registrations.csv || fail dlg-invite $?
	DLG_TODAY=2026-07-02 dlg-invite --session 2026-1 --departments -o giay-moi-phong/ \
		<items.csv || fail "dlg-invite --departments" $?
	# The standing participants of the plan (participants.csv) and the village
	# heads; those with an e-mail address get it by e-mail (thu-moi/*.eml), the
	# others are listed in giay-moi-thanh-phan/postal.csv for the post.
	DLG_TODAY=2026-07-02 dlg-invite --session 2026-1 --participants -o giay-moi-thanh-phan/ \
		--mail thu-moi/ || fail "dlg-invite --participants" $?
fi

# 4. Due dates and answers; reminders as cron would send them (exit 1 means
# some are overdue, which this example has on purpose).
if have dlg-deadline && need items.csv dlg-deadline; then
	say "dlg-deadline: deadline.csv, nhac-viec.txt"
	dlg-deadline --answers answers.csv <items.csv >deadline.csv || fail dlg-deadline $?
	dlg-deadline --remind --answers answers.csv <items.csv >nhac-viec.txt
	rc=$?
	[ "$rc" -le 1 ] || fail "dlg-deadline --remind" "$rc"
fi

# 4b. Two days before the conference the office briefs the chair: every
# question with the department's written answer, or none yet.
if have dlg-brief && need items.csv dlg-brief; then
	say "dlg-brief: bao-cao-lanh-dao-2026-1.pdf"
	DLG_TODAY=2026-07-14 dlg-brief --session 2026-1 -o bao-cao-lanh-dao-2026-1.pdf ||
		fail dlg-brief $?
fi

# 4c. The attendance list to sign at the door (danh-sach-dai-bieu.pdf), with
# the same list as CSV to mark afterwards.  The example's attendance.csv
# holds what the clerk recorded on 16 July; marking the list again with the
# same marks records what it lacks (participants, village heads) and changes
# nothing else, the way a clerk would run it after the conference.
if have dlg-attend && need items.csv dlg-attend; then
	say "dlg-attend: danh-sach-dai-bieu-2026-1.pdf, .csv; marks into attendance.csv"
	DLG_TODAY=2026-07-14 dlg-attend --session 2026-1 -o danh-sach-dai-bieu-2026-1.pdf ||
		fail dlg-attend $?
	# the marks as the clerk typed them from the signed paper (session and who
	# are the list's first two columns): absent as in attendance.csv, the
	# Veterans' Association and the head of Thôn 11 absent
	awk -F, 'BEGIN { OFS = "," }
		NR == FNR { if ($3 == "no") away[$2] = 1; next }
		FNR == 1 { print "session", "who", "present"; next }
		{ print $1, $2, ($2 in away || $2 == "CCB" || $2 == "Thôn 11") ? "vắng" : "x" }' \
		attendance.csv danh-sach-dai-bieu-2026-1.csv >danh-sach-dai-bieu-2026-1-da-danh-dau.csv
	dlg-attend --into attendance.csv danh-sach-dai-bieu-2026-1-da-danh-dau.csv ||
		fail "dlg-attend --into" $?
fi

# 5. Minutes and the conclusion notice of the held conference.
if have dlg-minutes && need items.csv dlg-minutes; then
	say "dlg-minutes: bien-ban-2026-1.pdf, thong-bao-2026-1.pdf"
	# The minutes are signed the day of the conference; the notice follows
	# four days later, before the results must be published (10 days).
	DLG_TODAY=2026-07-16 dlg-minutes --session 2026-1 -o bien-ban-2026-1.pdf ||
		fail dlg-minutes $?
	DLG_TODAY=2026-07-20 dlg-minutes --notice --session 2026-1 -o thong-bao-2026-1.pdf ||
		fail "dlg-minutes --notice" $?
fi

# 6. The questions beyond the commune go to the city in one report (issued
# on 24 July; it closes them in closures.csv, so the letters below say so).
if have dlg-escalate && need items.csv dlg-escalate; then
	say "dlg-escalate: bao-cao-cap-tren-2026-1.pdf"
	DLG_TODAY=2026-07-24 dlg-escalate --session 2026-1 -o bao-cao-cap-tren-2026-1.pdf ||
		fail dlg-escalate $?
fi

# 6b. Written answers: absent registrants, questions answered later, redirected
# and escalated items of 2026-1, and every registrant of the cancelled 2026-2.
if have dlg-reply && need items.csv dlg-reply; then
	say "dlg-reply: tra-loi/2026-1/, tra-loi/2026-2/"
	dlg-reply --session 2026-1 --pending -o tra-loi/2026-1/ || fail "dlg-reply 2026-1" $?
	dlg-reply --session 2026-2 --pending -o tra-loi/2026-2/ || fail "dlg-reply 2026-2" $?
fi

# 6c. Envelopes and labels for the letters that go by post: DL envelopes for
# the written answers of 2026-1 and C5 for the cancelled 2026-2 (addresses
# such as "Thôn 10" completed with the commune and the province), labels for
# the invitations to the participants who have no e-mail address.
if have dlg-post && need tra-loi/2026-1/postal.csv dlg-post; then
	say "dlg-post: phong-bi-2026-1.pdf, phong-bi-2026-2.pdf, nhan-giay-moi-thanh-phan.pdf"
	dlg-post --envelope dl -o phong-bi-2026-1.pdf tra-loi/2026-1/postal.csv ||
		fail "dlg-post 2026-1" $?
	dlg-post --envelope c5 -o phong-bi-2026-2.pdf tra-loi/2026-2/postal.csv ||
		fail "dlg-post 2026-2" $?
	if [ -f giay-moi-thanh-phan/postal.csv ]; then
		dlg-post --labels -o nhan-giay-moi-thanh-phan.pdf giay-moi-thanh-phan/postal.csv ||
			fail "dlg-post --labels" $?
	fi
fi

# 7. The results report.
if have dlg-report && need items.csv dlg-report; then
	say "dlg-report: bao-cao-2026-1.pdf"
	dlg-report --session 2026-1 --pdf bao-cao-2026-1.pdf || fail dlg-report $?
fi

# 8. The blank registration form, for the one-stop desk and the village halls.
if have dlg-pdf; then
	say "dlg-pdf: phieu-dang-ky.pdf"
	# printed when the plan is published, for the year's conferences
	DLG_TODAY=2026-06-01 dlg-pdf -t phieu-dang-ky -o phieu-dang-ky.pdf </dev/null ||
		fail dlg-pdf $?
fi

# 9. The outgoing register: every number the documents above took, as the
# register book the văn thư prints and binds.
if have dlg-outgoing; then
	say "dlg-outgoing: so-van-ban-di-2026.pdf"
	dlg-outgoing --year 2026 --pdf so-van-ban-di-2026.pdf || fail dlg-outgoing $?
fi

say "done: $(pwd)"
exit 0
