/* The attendance record (attendance.csv: session, who, present, reason):
 * reading a mark as people write it, and adding the marks of a signed
 * attendance list to the record. */
#ifndef DLG_CASE_ATTENDANCE_H
#define DLG_CASE_ATTENDANCE_H

#include <stdbool.h>
#include <stddef.h>

/* A mark as people write it in a spreadsheet or on the list: 1 present
 * ("yes", "x", "có", "có mặt", "1", "✓"...), 0 absent ("no", "vắng", "vắng
 * mặt", "không", "0"...), -1 neither (also an empty mark). */
int dlg_attendance_mark(const char *s);

/* One mark to record. Strings belong to the caller. */
typedef struct {
	const char *session, *who, *reason;
	bool present;
	long line; /* in the marked list, for messages */
} dlg_att_mark;

/* Add the marks to the record at path, under the lock of its folder, by an
 * atomic replacement: a mark for a (session, who) the record already has
 * with the same presence changes nothing; one that contradicts it is an
 * error naming both lines (src names the marked list), and so is a who
 * marked twice. Every row, column and edit of the record is kept; new rows
 * are appended in order, present written yes or no. A missing record is
 * created, readable by its owner only. *added gets the number of rows
 * added. false after diagnostics: the record is then unchanged. */
bool dlg_attendance_add(const char *path, const char *src, const dlg_att_mark *m, size_t n,
                        size_t *added);

#endif
