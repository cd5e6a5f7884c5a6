/* Routing rules: classify a citizen's question into a field and the body that
 * must answer it (routes.csv; DESIGN §4 items, issue 4).
 *
 * A rule is a row of routes.csv: field, field_name, dept, level, keywords and
 * the optional priority, class, cc and note. Keywords are separated by `;`.
 * A keyword is a phrase matched on folded text at word boundaries; `a + b`
 * needs both parts somewhere in the text, and `x | y` inside a part accepts
 * either phrase. A phrase found inside a longer phrase that also matched
 * (of any rule) does not count, so "giấy chứng nhận quyền sử dụng đất" is
 * not also "sử dụng đất". A rule scores the sum of the word counts of its
 * distinct matched keywords; the highest score wins, then the higher
 * priority, then the earlier row.
 *
 * Classes, strongest first: `redirect` (complaints, denunciations,
 * disputes: not taken by the conference), `conduct` (how officials handled a
 * dossier: wins over topics, the topic's body goes in copy), `topic` (the
 * default), and `escalate` (a request to change a law or a higher-level
 * regulation: turns the topic's action into escalate). */
#ifndef DLG_CASE_ROUTER_H
#define DLG_CASE_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dlg_router dlg_router;

/* The decision for one text. Strings are owned by the router; `rule` lives
 * in a buffer of the router that the next dlg_router_route overwrites. */
typedef struct {
	const char *field;  /* "" when nothing matched */
	const char *dept;   /* department code */
	const char *level;  /* commune, agency, city or national */
	const char *action; /* answer, escalate, redirect or review */
	const char *rule;   /* "field:keyword" that decided, or "none" */
	const char *cc;     /* department codes in copy, separated by ";" */
	const char *note;   /* guidance for the person (Vietnamese), or "" */
	int score;          /* the winning rule's score (0 for review) */
} dlg_route_result;

/* One routes.csv row, as text (not copied by the caller's side: the router
 * copies what it keeps). NULL members mean empty. */
typedef struct {
	const char *field, *field_name, *dept, *level, *keywords, *priority, *class_, *cc, *note;
} dlg_route_spec;

/* An empty router; add departments and rules, then dlg_router_finish. The
 * caller frees it with dlg_router_free. */
dlg_router *dlg_router_new(void);
void dlg_router_free(dlg_router *r);

/* Add a department code and its level (commune, agency, city, national). */
void dlg_router_add_dept(dlg_router *r, const char *code, const char *level);

/* Read departments.csv (columns dept and level). false after a diagnostic
 * naming file and line. */
bool dlg_router_load_departments(dlg_router *r, const char *path);

/* Add one rule; file and line are used in messages (an unknown department,
 * an empty keyword, a bad priority, class or level). false after a
 * diagnostic. Departments must be added first. */
bool dlg_router_add_rule(dlg_router *r, const dlg_route_spec *spec, const char *file, long line);

/* Read every rule of a routes.csv file. false after a diagnostic. */
bool dlg_router_load_rules(dlg_router *r, const char *path);

/* Compile the rules. When no rule has class redirect, built-in rules for
 * complaints, denunciations and disputes are added first, so a case folder's
 * older routes.csv never lets them through as answers. false after a
 * diagnostic (no department at all). */
bool dlg_router_finish(dlg_router *r);

/* Route one text (valid UTF-8). Fills *out; see dlg_route_result. */
void dlg_router_route(dlg_router *r, const char *text, dlg_route_result *out);

/* The level of a department code, or NULL when the code is unknown. */
const char *dlg_router_dept_level(const dlg_router *r, const char *code);

/* The department that reviews what no rule matched (VP when it exists). */
const char *dlg_router_review_dept(const dlg_router *r);

/* True when `rule` (as written in an items file's rule column) could have
 * produced `dept` automatically: then a row carrying both was not edited by
 * hand. "manual" gives false. */
bool dlg_router_rule_gives(const dlg_router *r, const char *rule, const char *dept);

/* True when level is city or national: beyond the commune. */
bool dlg_route_level_above_commune(const char *level);

#endif
