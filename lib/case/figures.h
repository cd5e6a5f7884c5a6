/* The figures of one conference, counted once for every document that
 * prints them (the minutes, the conclusion notice, the results report), so
 * that they agree (issue 13). People present come from attendance.csv;
 * every question is counted once: answered at the conference, or in writing
 * (which includes those sent up to a higher level and the complaints,
 * denunciations and disputes redirected to the proper channel). */
#ifndef DLG_CASE_FIGURES_H
#define DLG_CASE_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "case/conference.h"

typedef struct {
	size_t people_present;            /* registrants present (attendance.csv, floor) */
	size_t people_registered_present; /* ... who registered beforehand */
	size_t people_floor;              /* ... who spoke from the floor */
	size_t people_absent;             /* registrants not present */
	size_t askers;                    /* registrants with a question */
	size_t questions;                 /* every question of the conference */
	size_t registered_questions;      /* ... registered beforehand */
	size_t floor_questions;           /* ... raised from the floor */
	size_t answered_live;             /* answered at the conference */
	size_t in_writing;                /* answered in writing: questions - answered_live */
	size_t escalated;                 /* ... of which sent up to a higher level */
	size_t redirected;                /* ... of which redirected (complaints, denunciations) */
	size_t in_writing_answers;        /* in_writing - escalated - redirected */
	size_t depts_present;             /* departments present (attendance.csv) */
	size_t depts_absent;              /* departments marked absent */
} dlg_figures;

/* Count the figures of sd's conference. */
void dlg_figures_count(dlg_figures *f, const dlg_sessdata *sd);

/* True when a question is redirected (a complaint, denunciation or dispute):
 * no document but the registrant's own letter shows it with a name, village
 * or content (Luật Tố cáo 2018 art. 47); the others count it. */
bool dlg_sd_item_protected(const dlg_sd_item *it);

/* True when every question of p is protected: p is left out of lists of
 * names (an absentee list, an invitation, a posted list). */
bool dlg_sd_person_protected(const dlg_sessdata *sd, const dlg_sd_person *p);

/* True when p is counted among the registrants who came or stayed away:
 * false for someone who only made a complaint, denunciation or dispute and
 * was not marked present, since such a person is not invited and is not on
 * the attendance list; counting them as absent would point at their village
 * (Luật Tố cáo 2018 art. 47) and contradict the list of absentees. */
bool dlg_sd_person_counted(const dlg_sessdata *sd, const dlg_sd_person *p);

#endif
