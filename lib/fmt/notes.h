/* The secretary's notes of a conference (notes/ID.md, issue 6): Markdown
 * whose "##" headings divide it into sections. A heading is recognised by
 * its words, without regard to accents or case: "khai mạc" (the opening),
 * "kết luận" (the chair's conclusions), "nhiệm vụ" (the tasks assigned),
 * "bế mạc" or "kết thúc" (the closing); any other heading is kept as it
 * is. A "#" title line at the top is the notes' own title. The start and
 * end times are the first times ("8h00", "8 giờ 30", "08:00") written in
 * the opening and the closing sections. */
#ifndef DLG_FMT_NOTES_H
#define DLG_FMT_NOTES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	DLG_NOTE_OPENING,
	DLG_NOTE_CONCLUSIONS,
	DLG_NOTE_TASKS,
	DLG_NOTE_CLOSING,
	DLG_NOTE_OTHER
} dlg_note_kind;

typedef struct {
	dlg_note_kind kind;
	char *title; /* the heading's text, "" for text before the first heading */
	char *body;  /* Markdown, NFC */
	long line;   /* of the heading */
} dlg_note_section;

typedef struct {
	char *path;
	char *title; /* the "#" title, or "" */
	dlg_note_section *sec;
	size_t n;
	int start_h, start_m, end_h, end_m; /* -1 when not found */
} dlg_notes;

/* Read the notes at path. false after a diagnostic naming the file (and the
 * line of invalid UTF-8). Free with dlg_notes_free. */
bool dlg_notes_load(dlg_notes *n, const char *path);
/* Parse notes held in memory; name is used in messages. */
bool dlg_notes_parse(dlg_notes *n, const char *name, const char *text, size_t len);
void dlg_notes_free(dlg_notes *n);

/* The first section of a kind, or NULL. */
const dlg_note_section *dlg_notes_find(const dlg_notes *n, dlg_note_kind kind);

/* The first time of day written in text: "8h00", "8h", "8 giờ 30", "08:00".
 * false when there is none. */
bool dlg_time_find(const char *text, int *h, int *m);

#endif
