/* Registration intake: normalisation, sessions, status and notes. */
#include "case/intake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/contact.h"
#include "base/diag.h"
#include "base/hashmap.h"
#include "case/sessions.h"
#include "base/text.h"
#include "case/villages.h"
#include "base/vocab.h"

const char *const dlg_reg_columns[REG_NCOLS] = {
    "reg_id", "session", "received", "channel",         "name",           "organization", "phone",
    "email",  "address", "village",  "topic_procedure", "topic_handling", "status",       "note",
};

/* Folded words gathered in a buffer reused from form to form. */
struct gather {
	char *buf;
	size_t len, cap;
};

struct dlg_intake {
	const dlg_case *c;
	dlg_intake_opts opts;
	dlg_sessions sessions;
	dlg_villages *villages;
	dlg_hashmap same_person; /* duplicate key -> index into `ids` */
	dlg_hashmap same_form;   /* identity key -> rows of the register with it */
	dlg_hashmap this_run;    /* identity key and line -> where (rows of this run) */
	uint64_t other;          /* dlg_intake_other_columns for the next row */
	long provisional;        /* provisional ids given */
	char **ids;              /* reg_ids of remembered forms */
	size_t nids, ids_cap;
	char **files; /* names of the inputs, for forms without reg_id */
	size_t nfiles;
	long max_id;
	long register_days_before;
	struct gather folded; /* scratch for form_keys */
};

dlg_intake *dlg_intake_new(const dlg_case *c, const dlg_intake_opts *opts)
{
	dlg_intake *in = dlg_xcalloc(1, sizeof *in);
	in->c = c;
	in->opts = *opts;
	if (!dlg_sessions_load(&in->sessions, c)) {
		free(in);
		return NULL;
	}
	if (opts->session && !dlg_sessions_find(&in->sessions, opts->session)) {
		dlg_warn(_("--session: no session \"%s\" in %s"), opts->session, in->sessions.path);
		dlg_sessions_free(&in->sessions);
		free(in);
		return NULL;
	}
	if (!(in->villages = dlg_villages_load(c))) {
		dlg_sessions_free(&in->sessions);
		free(in);
		return NULL;
	}
	dlg_hashmap_init(&in->same_person);
	dlg_hashmap_init(&in->same_form);
	dlg_hashmap_init(&in->this_run);
	in->register_days_before = dlg_conf_get_long(c->conf, "rules", "register_days_before");
	return in;
}

void dlg_intake_free(dlg_intake *in)
{
	if (!in)
		return;
	dlg_sessions_free(&in->sessions);
	dlg_villages_free(in->villages);
	dlg_hashmap_free(&in->same_person);
	dlg_hashmap_free(&in->same_form);
	dlg_hashmap_free(&in->this_run);
	for (size_t i = 0; i < in->nids; i++)
		free(in->ids[i]);
	free(in->ids);
	free(in->folded.buf);
	for (size_t i = 0; i < in->nfiles; i++)
		free(in->files[i]);
	free(in->files);
	free(in);
}

void dlg_intake_clear(char **values)
{
	for (size_t k = 0; k < REG_NCOLS; k++) {
		free(values[k]);
		values[k] = NULL;
	}
}

static uint64_t hash_str(uint64_t h, const char *s)
{
	/* dlg_hash mixes the length in, so fields cannot run into each other. */
	return dlg_hash(h, s, strlen(s));
}

static void gather_word(void *ctx, const char *w, size_t len)
{
	struct gather *g = ctx;
	if (g->len + len + 1 > g->cap) {
		g->cap = (g->len + len + 1) * 2;
		g->buf = dlg_xrealloc(g->buf, g->cap);
	}
	memcpy(g->buf + g->len, w, len);
	g->len += len;
	g->buf[g->len++] = ' ';
}

/* The start of the note of a form that gave no date it was received: it is
 * taken as received the day it was imported, and the note says so. */
#define NO_RECEIVED "Phiếu không ghi ngày nhận"

/* The two keys of a form: `form` for the same form imported again, `person`
 * for the same person, session and content. Each field is hashed once. A
 * form without a received date of its own (received_known false) is the
 * same form whatever day it is imported. */
static void form_keys(dlg_intake *in, char *const *v, bool received_known, uint64_t *form,
                      uint64_t *person)
{
	uint64_t contact = hash_str(hash_str(DLG_HASH_SEED, v[REG_PHONE]), v[REG_EMAIL]);
	uint64_t content =
	    hash_str(hash_str(DLG_HASH_SEED, v[REG_TOPIC_PROCEDURE]), v[REG_TOPIC_HANDLING]);
	uint64_t h = DLG_HASH_SEED;
	static const int cols[] = {REG_RECEIVED, REG_CHANNEL, REG_NAME, REG_ORGANIZATION,
	                           REG_ADDRESS};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		h = hash_str(h, cols[i] == REG_RECEIVED && !received_known ? "" : v[cols[i]]);
	*form = h ^ (contact * 0x9E3779B97F4A7C15ULL) ^ (content * 0xC2B2AE3D27D4EB4FULL) ^
	        (in->other * 0x165667B19E3779F9ULL);
	in->other = 0;
	if (!*form)
		*form = 1;
	/* The same person: folded name and a phone, else an e-mail; the same
	 * content: the folded questions, so retyped forms match. */
	struct gather *g = &in->folded;
	g->len = 0;
	dlg_text_fold_words(v[REG_NAME], gather_word, g);
	gather_word(g, "|", 1);
	dlg_text_fold_words(v[REG_TOPIC_PROCEDURE], gather_word, g);
	gather_word(g, "|", 1);
	dlg_text_fold_words(v[REG_TOPIC_HANDLING], gather_word, g);
	uint64_t p = dlg_hash(DLG_HASH_SEED, g->buf, g->len);
	p = hash_str(p, v[REG_SESSION]);
	*person = hash_str(p, *v[REG_PHONE] ? v[REG_PHONE] : v[REG_EMAIL]);
}

/* Forms are named in duplicate notes by reg_id, or else by file and line:
 * `where` is then FROM_LINE | file index << 40 | line. */
#define FROM_LINE (1ULL << 63)

static uint64_t where_of(dlg_intake *in, const char *reg_id, const char *file, long line)
{
	if (*reg_id) {
		if (in->nids == in->ids_cap) {
			in->ids_cap = in->ids_cap ? in->ids_cap * 2 : 64;
			in->ids = dlg_xreallocarray(in->ids, in->ids_cap, sizeof *in->ids);
		}
		in->ids[in->nids] = dlg_xstrdup(reg_id);
		return in->nids++;
	}
	size_t f = in->nfiles;
	while (f > 0 && strcmp(in->files[f - 1], file))
		f--;
	if (f == 0) {
		in->files = dlg_xreallocarray(in->files, in->nfiles + 1, sizeof *in->files);
		in->files[in->nfiles++] = dlg_xstrdup(file);
		f = in->nfiles;
	}
	return FROM_LINE | ((uint64_t)(f - 1) << 40) | (uint64_t)line;
}

/* "R0012" or "ở dòng 7 của forms.csv", malloc'd. */
static char *describe(const dlg_intake *in, uint64_t where)
{
	if (!(where & FROM_LINE))
		return dlg_xstrdup(in->ids[where]);
	return dlg_xasprintf("ở dòng %ld của %s", (long)(where & ((1ULL << 40) - 1)),
	                     in->files[(where & ~FROM_LINE) >> 40]);
}

/* where: the form's where_of, or NO_WHERE to make it when needed */
#define NO_WHERE UINT64_MAX
static void remember(dlg_intake *in, char *const *v, const char *file, long line, uint64_t person,
                     uint64_t where)
{
	int st = dlg_reg_status_parse(v[REG_STATUS]);
	if (st != DLG_STATUS_INCOMPLETE && st != DLG_STATUS_DUPLICATE &&
	    !dlg_hashmap_get(&in->same_person, person, NULL))
		dlg_hashmap_add(&in->same_person, person,
		                where != NO_WHERE ? where : where_of(in, v[REG_ID], file, line),
		                NULL);
}

static long id_number(const char *id)
{
	const char *p = id;
	while (*p && (*p < '0' || *p > '9'))
		p++;
	return *p ? strtol(p, NULL, 10) : 0;
}

void dlg_intake_known(dlg_intake *in, char *const *values)
{
	long n = id_number(values[REG_ID]);
	if (n > in->max_id)
		in->max_id = n;
	uint64_t form, person;
	form_keys(in, values, !strstr(values[REG_NOTE], NO_RECEIVED), &form, &person);
	bool added;
	uint64_t *rows = dlg_hashmap_upsert(&in->same_form, form, 1, &added);
	if (!added)
		++*rows;
	remember(in, values, "", 0, person, NO_WHERE);
}

void dlg_intake_other_columns(dlg_intake *in, uint64_t hash)
{
	in->other = hash;
}

/* The key of a row of this run: its identity and its line. */
static uint64_t run_key(uint64_t form, long line)
{
	uint64_t k = dlg_hash(form, &line, sizeof line);
	return k ? k : 1;
}

/* Trimmed, spaces collapsed, control characters dropped. */
static char *clean(const char *s)
{
	char *t = dlg_text_squeeze(dlg_xstrdup(s ? s : ""));
	char *w = t;
	for (char *r = t; *r; r++)
		if ((unsigned char)*r >= 0x20 && *r != 0x7F)
			*w++ = *r;
	*w = '\0';
	return t;
}

const char *dlg_intake_channel(const char *text)
{
	static const struct {
		const char *folded;
		dlg_channel channel;
	} names[] = {
	    {"paper", DLG_CH_PAPER},
	    {"giay", DLG_CH_PAPER},
	    {"ban giay", DLG_CH_PAPER},
	    {"truc tiep", DLG_CH_PAPER},
	    {"online", DLG_CH_ONLINE},
	    {"truc tuyen", DLG_CH_ONLINE},
	    {"qr", DLG_CH_ONLINE},
	    {"website", DLG_CH_ONLINE},
	    {"email", DLG_CH_EMAIL},
	    {"e mail", DLG_CH_EMAIL},
	    {"thu dien tu", DLG_CH_EMAIL},
	    {"post", DLG_CH_POST},
	    {"buu dien", DLG_CH_POST},
	    {"buu chinh", DLG_CH_POST},
	    {"conference", DLG_CH_CONFERENCE},
	    {"tai hoi nghi", DLG_CH_CONFERENCE},
	    {"hoi nghi", DLG_CH_CONFERENCE},
	};
	char *f = dlg_text_fold(text);
	const char *found = NULL;
	for (size_t i = 0; i < sizeof names / sizeof names[0] && !found; i++)
		if (!strcmp(f, names[i].folded))
			found = dlg_channel_code(names[i].channel);
	free(f);
	return found;
}

/* The next conference on or after the day the form was received (a form
 * raised from the floor: the conference of that day); NULL when none is
 * left. A form received after that conference's cutoff is late for it: it
 * is never moved silently to a later one (the office carries it over with
 * dlg-register --carry-over). Its status does not matter: a form keeps the
 * conference it was sent for, even when that conference was later held or
 * cancelled. */
static const dlg_session *pick_session(dlg_intake *in, dlg_day received, bool at_conference)
{
	const dlg_session *next = NULL;
	for (size_t i = 0; i < in->sessions.n; i++) {
		const dlg_session *s = &in->sessions.s[i];
		if (at_conference && s->date == received)
			return s;
		if (s->date < received)
			continue;
		if (!next || s->date < next->date)
			next = s;
	}
	return next;
}

/* True when a topic's text only says there is nothing to ask ("Không có.",
 * "không", "Không ý kiến", "-"): forms and e-mails written after the plan's
 * form often fill both parts, and such a text is no question to route. */
static bool says_nothing(const char *topic)
{
	static const char *const nothing[] = {
	    "",
	    "khong",
	    "khong co",
	    "khong co y kien",
	    "khong y kien",
	    "khong co gi",
	    "chua co",
	    "chua co y kien",
	    "ko",
	    "ko co",
	    "khong co kien nghi",
	    "khong co noi dung",
	    "khong co de xuat",
	    "khong a",
	    "khong co a",
	    "none",
	    "n a",
	};
	if (!*topic || strlen(topic) > 48)
		return false;
	char *f = dlg_text_fold(topic);
	bool none = false;
	for (size_t k = 0; k < sizeof nothing / sizeof *nothing && !none; k++)
		none = !strcmp(f, nothing[k]);
	free(f);
	return none;
}

dlg_intake_result dlg_intake_row(dlg_intake *in, const char *const *raw, bool online_default,
                                 const char *file, long line, char **v)
{
	char *r[REG_NCOLS];
	for (size_t k = 0; k < REG_NCOLS; k++)
		r[k] = clean(raw[k]);

	dlg_day received = in->opts.today;
	bool received_known = *r[REG_RECEIVED] != '\0';
	if (*r[REG_RECEIVED] && !dlg_date_parse_loose(r[REG_RECEIVED], &received)) {
		dlg_warn_at(file, line,
		            _("received date \"%s\" is not a date (YYYY-MM-DD or dd/mm/yyyy)"),
		            r[REG_RECEIVED]);
		dlg_intake_clear(r);
		return INTAKE_ERROR;
	}
	const char *channel = *r[REG_CHANNEL]    ? dlg_intake_channel(r[REG_CHANNEL])
	                      : in->opts.channel ? in->opts.channel
	                      : online_default   ? dlg_channel_code(DLG_CH_ONLINE)
	                                         : NULL;
	if (!channel) {
		if (*r[REG_CHANNEL])
			dlg_warn_at(file, line,
			            _("channel \"%s\" is not one of paper, online, email, post, "
			              "conference"),
			            r[REG_CHANNEL]);
		else
			dlg_warn_at(file, line, "%s",
			            _("no channel: say how these forms came with --channel paper, "
			              "online, email, post or conference"));
		dlg_intake_clear(r);
		return INTAKE_ERROR;
	}
	bool at_conference = dlg_channel_parse(channel) == DLG_CH_CONFERENCE;

	const dlg_session *session = NULL;
	const char *session_id = in->opts.session ? in->opts.session : r[REG_SESSION];
	if (*session_id) {
		session = dlg_sessions_find(&in->sessions, session_id);
		if (!session) {
			dlg_warn_at(file, line, _("no session \"%s\" in %s"), session_id,
			            in->sessions.path);
			dlg_intake_clear(r);
			return INTAKE_ERROR;
		}
	} else {
		session = pick_session(in, received, at_conference);
	}

	/* a part that only says "nothing" is left blank, and the note says so */
	char *said_nothing = dlg_xstrdup("");
	static const struct {
		int col;
		const char *part;
	} parts[] = {{REG_TOPIC_PROCEDURE, "Về thủ tục hành chính"},
	             {REG_TOPIC_HANDLING, "Về giải quyết thủ tục hành chính"}};
	for (size_t k = 0; k < 2; k++) {
		char *t = r[parts[k].col];
		if (!*t || !says_nothing(t))
			continue;
		char *with =
		    dlg_xasprintf("%s%sMục \"%s\" ghi \"%s\", coi như để trống.", said_nothing,
		                  *said_nothing ? " " : "", parts[k].part, t);
		free(said_nothing);
		said_nothing = with;
		*t = '\0';
	}

	for (size_t k = 0; k < REG_NCOLS; k++)
		v[k] = r[k];
	char iso[11];
	dlg_date_format_iso(received, iso);
	free(v[REG_RECEIVED]);
	v[REG_RECEIVED] = dlg_xstrdup(iso);
	free(v[REG_CHANNEL]);
	v[REG_CHANNEL] = dlg_xstrdup(channel);
	free(v[REG_SESSION]);
	v[REG_SESSION] = dlg_xstrdup(session ? session->id : "");

	dlg_text_name_case(v[REG_NAME]);
	char phone[16];
	bool phone_ok = *v[REG_PHONE] && dlg_phone_normalize(v[REG_PHONE], phone, sizeof phone);
	if (phone_ok) {
		free(v[REG_PHONE]);
		v[REG_PHONE] = dlg_xstrdup(phone);
	}
	bool email_ok = *v[REG_EMAIL] && dlg_email_normalize(v[REG_EMAIL]);
	/* The keys first: their table slots are fetched from memory while the
	 * village is looked up. */
	uint64_t form, person;
	form_keys(in, v, received_known, &form, &person);
	dlg_hashmap_prefetch(&in->same_form, form);
	dlg_hashmap_prefetch(&in->same_person, person);
	const char *village = NULL;
	if (*v[REG_VILLAGE])
		village = dlg_villages_match(in->villages, v[REG_VILLAGE]);
	if (!village && *v[REG_VILLAGE])
		village = dlg_villages_find_in(in->villages, v[REG_VILLAGE]);
	if (!village)
		village = dlg_villages_find_in(in->villages, v[REG_ADDRESS]);
	bool village_unknown = !village && *v[REG_VILLAGE] && dlg_villages_count(in->villages);
	if (village) {
		free(v[REG_VILLAGE]);
		v[REG_VILLAGE] = dlg_xstrdup(village);
	}

	/* the very same row again: from the register (one row of it answers
	 * one row read), or earlier in this run (the same file given twice) */
	bool absent;
	uint64_t *in_register = dlg_hashmap_get(&in->same_form, form, NULL)
	                            ? dlg_hashmap_upsert(&in->same_form, form, 0, &absent)
	                            : NULL;
	if (in_register && *in_register > 0) {
		--*in_register;
		{
			free(said_nothing);
			return INTAKE_ALREADY;
		}
	}
	uint64_t rk = run_key(form, line), first;
	bool repeated = dlg_hashmap_get(&in->this_run, rk, &first);
	if (repeated && in->opts.assign_ids) {
		free(said_nothing);
		return INTAKE_ALREADY;
	}

	const char *status = dlg_reg_status_code(DLG_STATUS_ACCEPTED);
	char *note = NULL;
	if (repeated) {
		status = dlg_reg_status_code(DLG_STATUS_DUPLICATE);
		char *which = describe(in, first);
		note = dlg_xasprintf("Trùng với phiếu %s (cùng một dòng của tệp được nhập lại).",
		                     which);
		free(which);
	} else if (!*v[REG_NAME]) {
		status = dlg_reg_status_code(DLG_STATUS_INCOMPLETE);
		note = dlg_xstrdup(*v[REG_ORGANIZATION]
		                       ? "Doanh nghiệp, tổ chức chưa ghi họ và tên người đại diện."
		                       : "Thiếu họ và tên người đăng ký.");
	} else if (!phone_ok && !email_ok && !*v[REG_ADDRESS]) {
		status = dlg_reg_status_code(DLG_STATUS_INCOMPLETE);
		note =
		    dlg_xstrdup(*v[REG_PHONE] || *v[REG_EMAIL]
		                    ? "Số điện thoại, email không hợp lệ và không có địa chỉ: "
		                      "không liên hệ được với người đăng ký."
		                    : "Thiếu thông tin liên hệ (điện thoại, email hoặc địa chỉ).");
	} else if (!*v[REG_TOPIC_PROCEDURE] && !*v[REG_TOPIC_HANDLING]) {
		status = dlg_reg_status_code(DLG_STATUS_INCOMPLETE);
		note = dlg_xstrdup("Chưa ghi nội dung đăng ký đối thoại.");
	}
	uint64_t earlier;
	if (!note && dlg_hashmap_get(&in->same_person, person, &earlier)) {
		status = dlg_reg_status_code(DLG_STATUS_DUPLICATE);
		char *which = describe(in, earlier);
		note = dlg_xasprintf(
		    "Trùng với phiếu %s (cùng người, cùng hội nghị, cùng nội dung).", which);
		free(which);
	}
	if (!note && !session) {
		status = dlg_reg_status_code(DLG_STATUS_LATE);
		note = dlg_xstrdup("Không còn hội nghị đối thoại nào trong kế hoạch để đăng ký.");
	}
	if (!note && !at_conference && received > session->date - in->register_days_before) {
		char got[11], cutoff[11];
		dlg_date_format_dmy(received, got);
		dlg_date_format_dmy(session->date - in->register_days_before, cutoff);
		status = dlg_reg_status_code(DLG_STATUS_LATE);
		note = dlg_xasprintf("Phiếu nhận ngày %s, sau hạn đăng ký %s của hội nghị %s.", got,
		                     cutoff, session->id);
	}
	if (!note &&
	    !((*v[REG_PHONE] && !phone_ok) || (*v[REG_EMAIL] && !email_ok) || village_unknown)) {
		note = dlg_xstrdup("");
	} else if (!note) {
		/* Accepted, but worth a look by the clerk. */
		char *bad_phone =
		    *v[REG_PHONE] && !phone_ok
		        ? dlg_xasprintf("Số điện thoại \"%s\" không hợp lệ. ", v[REG_PHONE])
		        : dlg_xstrdup("");
		char *bad_email = *v[REG_EMAIL] && !email_ok
		                      ? dlg_xasprintf("Email \"%s\" không hợp lệ. ", v[REG_EMAIL])
		                      : dlg_xstrdup("");
		char *bad_village =
		    village_unknown
		        ? dlg_xasprintf("\"%s\" không có trong danh sách thôn, tổ dân phố. ",
		                        v[REG_VILLAGE])
		        : dlg_xstrdup("");
		note = dlg_xasprintf("%s%s%s", bad_phone, bad_email, bad_village);
		dlg_text_squeeze(note);
		free(bad_phone);
		free(bad_email);
		free(bad_village);
	}
	if (!received_known) {
		/* never a guess without saying so */
		char day[11];
		dlg_date_format_dmy(received, day);
		char *with = dlg_xasprintf("%s%s" NO_RECEIVED ", tính là ngày nhập %s.", note,
		                           *note ? " " : "", day);
		free(note);
		note = with;
	}
	if (*said_nothing) {
		char *with = dlg_xasprintf("%s%s%s", note, *note ? " " : "", said_nothing);
		free(note);
		note = with;
	}
	free(said_nothing);
	free(v[REG_STATUS]);
	v[REG_STATUS] = dlg_xstrdup(status);
	free(v[REG_NOTE]);
	v[REG_NOTE] = note;

	bool provisional = false;
	if (in->opts.assign_ids) {
		free(v[REG_ID]);
		v[REG_ID] = dlg_xasprintf("R%04ld", ++in->max_id);
	} else if (!*v[REG_ID]) {
		free(v[REG_ID]);
		v[REG_ID] = dlg_xasprintf("tam-%04ld", ++in->provisional);
		provisional = true;
	}
	/* a repeat names the earlier row by file and line: no id is kept for
	 * every row of a million */
	if (!repeated)
		dlg_hashmap_add(&in->this_run, rk, where_of(in, "", file, line), NULL);
	/* a provisional id lives only in this output: later duplicates name the
	 * form by its file and line, which the clerk can look up */
	remember(in, v, file, line, person, provisional ? where_of(in, "", file, line) : NO_WHERE);
	return INTAKE_NEW;
}
