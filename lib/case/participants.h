/* The standing participants of a conference (the plan's "Thành phần"
 * besides the registrants): the rows of participants.csv (who, group,
 * title, name, organization, email, address; group front, department,
 * agency, press or another word) and the head of every village of
 * villages.csv (group village), kept there once. */
#ifndef DLG_CASE_PARTICIPANTS_H
#define DLG_CASE_PARTICIPANTS_H

#include <stdbool.h>
#include <stddef.h>

#include "case/folder.h"
#include "fmt/table.h"

/* One participant. Strings belong to the list. */
typedef struct {
	const char *who;   /* participants.csv code, or the village's name */
	const char *group; /* front, department, agency, village, press, ... */
	const char *title; /* "Chủ tịch Ủy ban MTTQ Việt Nam xã", "Trưởng thôn 1" */
	const char *name;  /* the person's name, or "" */
	const char *organization, *email, *address;
	long line; /* in participants.csv; 0 for a village head */
} dlg_participant;

typedef struct {
	dlg_participant *p;
	size_t n;
	char *path; /* participants.csv read, or NULL (owned) */
	dlg_table parts, villages;
	char **own; /* strings made for village heads */
	size_t nown;
} dlg_participants;

/* Read path (NULL: the case folder's participants.csv, else share/data's)
 * and the case's villages.csv. A missing participants.csv lists the village
 * heads alone; a row without who, or a who given twice, is an error with
 * file and line. false after diagnostics; free l even then. */
bool dlg_participants_load(dlg_participants *l, const dlg_case *c, const char *path);
void dlg_participants_free(dlg_participants *l);

/* How a document names a village's head: "Thôn 1" gives "Trưởng thôn 1",
 * "Tổ dân phố X" gives "Tổ trưởng tổ dân phố X". malloc'd. */
char *dlg_village_head_title(const char *village);

#endif
