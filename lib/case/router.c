/* Routing rules compiled into a trie over folded words.
 *
 * Every phrase of every keyword is folded (dlg_text_fold) and split into
 * words; each distinct word gets a number from a hash table, and the phrases
 * form a trie keyed by (node, word number), kept in a second hash table. A
 * text is folded one code point at a time through a cache and cut into
 * words as it is read, each word looked up once; the trie is walked from
 * every word with at most `maxdepth` walks in flight. So the cost per text is
 * one hash lookup per word plus a few per candidate phrase, whatever the
 * number of rules. */
#include "case/router.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/hashmap.h"
#include "fmt/table.h"
#include "base/text.h"
#include "base/vocab.h"

#define MAX_PHRASE_WORDS 16
#define MAX_WORD_BYTES 64

enum rule_class { CLS_TOPIC, CLS_CONDUCT, CLS_REDIRECT, CLS_ESCALATE, NCLASS };
static const char *const class_names[NCLASS] = {"topic", "conduct", "redirect", "escalate"};

struct part {
	char **alt; /* the alternatives as written */
	size_t nalt;
};

struct keyword {
	size_t rule;
	struct part *part;
	size_t nparts;
	size_t part_off; /* into the per-text part scratch */
};

struct rule {
	char *field, *field_name, *dept, *level, *cc, *note;
	int priority;
	enum rule_class cls;
	long line;
};

/* A trie node's payload: phrase `alt` of part `part` of keyword `kw`. */
struct ref {
	uint32_t kw;
	uint16_t part, alt;
};

struct node {
	struct ref *ref;
	uint32_t nref;
	uint16_t depth; /* words from the root */
};

struct match {
	long start, end; /* word positions, inclusive */
	uint32_t node;
	bool dead;
	bool negated; /* right after "không", "chưa", ...: no complaint or dispute */
};

/* Words that deny what follows ("không tranh chấp" is not a dispute). */
static bool negator(const char *w, size_t len)
{
	static const char *const words[] = {"khong", "ko", "khg", "chua", "k"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == len && !memcmp(words[i], w, len))
			return true;
	return false;
}

struct dept {
	char *code, *level;
};

struct dlg_router {
	struct dept *dept;
	size_t ndept;
	struct rule *rule;
	size_t nrule;
	struct keyword *kw;
	size_t nkw;
	size_t nparts_total;
	bool finished;

	/* words: open addressing, value id+1, 0 empty */
	char **word;
	size_t nword, word_cap;
	uint32_t *word_slot;
	size_t word_slots;

	/* trie */
	struct node *node;
	size_t nnode, node_cap;
	uint64_t *tr_key;
	uint32_t *tr_val;
	size_t tr_slots, ntr;
	int maxdepth;

	/* per-text scratch */
	uint32_t gen;
	uint32_t *kw_gen;
	size_t *touched_kw;
	size_t ntouched_kw;
	uint16_t *part_words; /* best word count per part, 0 none */
	uint16_t *part_alt;
	uint32_t *rule_gen;
	int *rule_score;
	long *rule_best_kw;
	int *rule_best_w;
	size_t *touched_rule;
	size_t ntouched_rule;
	struct match *match;
	size_t nmatch, match_cap;
	uint32_t active[MAX_PHRASE_WORDS + 1];
	int nactive;
	long pos;
	bool prev_negator[MAX_PHRASE_WORDS + 2]; /* by word position, modulo */
	char *buf;                               /* rule text */
	size_t buf_cap;
	char *ccbuf;
	size_t cc_cap;
};

/* ---------- words of a text ---------- */

struct word_adapter {
	void (*word)(void *, const char *, size_t);
	void *ctx;
};

static void adapt_word(void *ctx, const char *w, size_t len)
{
	struct word_adapter *a = ctx;
	a->word(a->ctx, w, len > MAX_WORD_BYTES ? 0 : len);
}

/* Calls word(ctx, bytes, len) for every folded word of text, in order; a
 * word longer than MAX_WORD_BYTES is passed with len 0 (no keyword has it). */
static void each_word(const char *text, void (*word)(void *, const char *, size_t), void *ctx)
{
	struct word_adapter a = {word, ctx};
	dlg_text_fold_words(text, adapt_word, &a);
}

/* ---------- hash tables ---------- */

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

static long word_find(const dlg_router *r, const char *w, size_t n)
{
	if (!r->word_slots || !n)
		return -1;
	size_t mask = r->word_slots - 1;
	for (size_t i = dlg_hash(DLG_HASH_SEED, w, n) & mask;; i = (i + 1) & mask) {
		uint32_t v = r->word_slot[i];
		if (!v)
			return -1;
		const char *cand = r->word[v - 1];
		if (strlen(cand) == n && !memcmp(cand, w, n))
			return (long)v - 1;
	}
}

static void word_rehash(dlg_router *r, size_t slots)
{
	free(r->word_slot);
	r->word_slot = dlg_xcalloc(slots, sizeof *r->word_slot);
	r->word_slots = slots;
	for (size_t k = 0; k < r->nword; k++) {
		size_t mask = slots - 1;
		size_t i = dlg_hash(DLG_HASH_SEED, r->word[k], strlen(r->word[k])) & mask;
		while (r->word_slot[i])
			i = (i + 1) & mask;
		r->word_slot[i] = (uint32_t)k + 1;
	}
}

static uint32_t word_add(dlg_router *r, const char *w, size_t n)
{
	long id = word_find(r, w, n);
	if (id >= 0)
		return (uint32_t)id;
	if (r->nword == r->word_cap) {
		r->word_cap = r->word_cap ? r->word_cap * 2 : 256;
		r->word = dlg_xreallocarray(r->word, r->word_cap, sizeof *r->word);
	}
	char *copy = dlg_xmalloc(n + 1);
	memcpy(copy, w, n);
	copy[n] = '\0';
	r->word[r->nword++] = copy;
	if ((r->nword + 1) * 2 > r->word_slots)
		word_rehash(r, r->word_slots ? r->word_slots * 2 : 512);
	else {
		size_t mask = r->word_slots - 1;
		size_t i = dlg_hash(DLG_HASH_SEED, w, n) & mask;
		while (r->word_slot[i])
			i = (i + 1) & mask;
		r->word_slot[i] = (uint32_t)r->nword;
	}
	return (uint32_t)r->nword - 1;
}

#define TR_EMPTY UINT64_MAX

static long tr_get(const dlg_router *r, uint32_t node, uint32_t word)
{
	uint64_t key = ((uint64_t)node << 32) | word;
	size_t mask = r->tr_slots - 1;
	for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
		if (r->tr_key[i] == key)
			return r->tr_val[i];
		if (r->tr_key[i] == TR_EMPTY)
			return -1;
	}
}

static void tr_put_raw(uint64_t *keys, uint32_t *vals, size_t slots, uint64_t key, uint32_t val)
{
	size_t mask = slots - 1;
	size_t i = mix64(key) & mask;
	while (keys[i] != TR_EMPTY)
		i = (i + 1) & mask;
	keys[i] = key;
	vals[i] = val;
}

static void tr_grow(dlg_router *r)
{
	size_t slots = r->tr_slots ? r->tr_slots * 2 : 1024;
	uint64_t *keys = dlg_xmalloc(slots * sizeof *keys);
	uint32_t *vals = dlg_xmalloc(slots * sizeof *vals);
	for (size_t i = 0; i < slots; i++)
		keys[i] = TR_EMPTY;
	for (size_t i = 0; i < r->tr_slots; i++)
		if (r->tr_key[i] != TR_EMPTY)
			tr_put_raw(keys, vals, slots, r->tr_key[i], r->tr_val[i]);
	free(r->tr_key);
	free(r->tr_val);
	r->tr_key = keys;
	r->tr_val = vals;
	r->tr_slots = slots;
}

static uint32_t node_new(dlg_router *r, uint16_t depth)
{
	if (r->nnode == r->node_cap) {
		r->node_cap = r->node_cap ? r->node_cap * 2 : 256;
		r->node = dlg_xreallocarray(r->node, r->node_cap, sizeof *r->node);
	}
	r->node[r->nnode] = (struct node){NULL, 0, depth};
	return (uint32_t)r->nnode++;
}

static uint32_t tr_child(dlg_router *r, uint32_t node, uint32_t word)
{
	if ((r->ntr + 1) * 2 > r->tr_slots)
		tr_grow(r);
	long c = tr_get(r, node, word);
	if (c >= 0)
		return (uint32_t)c;
	uint32_t child = node_new(r, (uint16_t)(r->node[node].depth + 1));
	tr_put_raw(r->tr_key, r->tr_val, r->tr_slots, ((uint64_t)node << 32) | word, child);
	r->ntr++;
	return child;
}

/* ---------- building ---------- */

dlg_router *dlg_router_new(void)
{
	dlg_router *r = dlg_xcalloc(1, sizeof *r);
	node_new(r, 0); /* the root */
	tr_grow(r);
	return r;
}

void dlg_router_free(dlg_router *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ndept; i++) {
		free(r->dept[i].code);
		free(r->dept[i].level);
	}
	free(r->dept);
	for (size_t i = 0; i < r->nrule; i++) {
		struct rule *u = &r->rule[i];
		free(u->field);
		free(u->field_name);
		free(u->dept);
		free(u->level);
		free(u->cc);
		free(u->note);
	}
	free(r->rule);
	for (size_t i = 0; i < r->nkw; i++) {
		for (size_t p = 0; p < r->kw[i].nparts; p++) {
			for (size_t a = 0; a < r->kw[i].part[p].nalt; a++)
				free(r->kw[i].part[p].alt[a]);
			free(r->kw[i].part[p].alt);
		}
		free(r->kw[i].part);
	}
	free(r->kw);
	for (size_t i = 0; i < r->nword; i++)
		free(r->word[i]);
	free(r->word);
	free(r->word_slot);
	for (size_t i = 0; i < r->nnode; i++)
		free(r->node[i].ref);
	free(r->node);
	free(r->tr_key);
	free(r->tr_val);
	free(r->kw_gen);
	free(r->touched_kw);
	free(r->part_words);
	free(r->part_alt);
	free(r->rule_gen);
	free(r->rule_score);
	free(r->rule_best_kw);
	free(r->rule_best_w);
	free(r->touched_rule);
	free(r->match);
	free(r->buf);
	free(r->ccbuf);
	free(r);
}

static const char *const levels[] = {"commune", "agency", "city", "national"};

static int level_rank(const char *level)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(level, levels[i]))
			return i;
	return -1;
}

bool dlg_route_level_above_commune(const char *level)
{
	return level_rank(level) >= 2;
}

static const struct dept *find_dept(const dlg_router *r, const char *code)
{
	for (size_t i = 0; i < r->ndept; i++)
		if (!strcmp(r->dept[i].code, code))
			return &r->dept[i];
	return NULL;
}

const char *dlg_router_dept_level(const dlg_router *r, const char *code)
{
	const struct dept *d = find_dept(r, code);
	return d ? d->level : NULL;
}

const char *dlg_router_review_dept(const dlg_router *r)
{
	if (find_dept(r, "VP"))
		return "VP";
	return r->ndept ? r->dept[0].code : "VP";
}

void dlg_router_add_dept(dlg_router *r, const char *code, const char *level)
{
	r->dept = dlg_xreallocarray(r->dept, r->ndept + 1, sizeof *r->dept);
	r->dept[r->ndept].code = dlg_xstrdup(code);
	r->dept[r->ndept].level = dlg_xstrdup(level && *level ? level : "commune");
	r->ndept++;
}

bool dlg_router_load_departments(dlg_router *r, const char *path)
{
	static const char *const req[] = {"dept", NULL};
	dlg_table t;
	if (!dlg_table_load(&t, path, req))
		return false;
	int cd = dlg_table_col(&t, "dept"), cl = dlg_table_col(&t, "level");
	bool ok = true;
	for (size_t i = 0; i < t.nrows && ok; i++) {
		const char *code = dlg_table_get(&t, i, cd), *level = dlg_table_get(&t, i, cl);
		if (!*code)
			continue;
		if (find_dept(r, code)) {
			dlg_warn_at(t.path, t.line[i], _("department \"%s\" listed twice"), code);
			ok = false;
		} else if (*level && level_rank(level) < 0) {
			dlg_warn_at(t.path, t.line[i], _("unknown level \"%s\""), level);
			ok = false;
		} else {
			dlg_router_add_dept(r, code, level);
		}
	}
	dlg_table_free(&t);
	return ok;
}

/* Split s at sep into trimmed, non-empty pieces (malloc'd, NULL-ended). */
static char **split(const char *s, char sep, size_t *n)
{
	char **v = NULL;
	*n = 0;
	const char *p = s;
	for (;;) {
		const char *e = strchr(p, sep);
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *piece = dlg_xmalloc(len + 1);
		memcpy(piece, p, len);
		piece[len] = '\0';
		dlg_text_squeeze(piece);
		if (*piece) {
			v = dlg_xreallocarray(v, *n + 2, sizeof *v);
			v[(*n)++] = piece;
			v[*n] = NULL;
		} else {
			free(piece);
		}
		if (!e)
			break;
		p = e + 1;
	}
	return v;
}

static void free_split(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

struct collect {
	uint32_t ids[MAX_PHRASE_WORDS + 1];
	int n;
	dlg_router *r;
};

static void collect_word(void *ctx, const char *w, size_t len)
{
	struct collect *c = ctx;
	if (c->n <= MAX_PHRASE_WORDS)
		c->ids[c->n] = len ? word_add(c->r, w, len) : 0;
	c->n++;
}

/* Add the phrase `text` to the trie for (kw, part, alt). */
static bool add_phrase(dlg_router *r, const char *text, uint32_t kw, uint16_t part, uint16_t alt,
                       const char *file, long line)
{
	struct collect c = {.n = 0, .r = r};
	each_word(text, collect_word, &c);
	if (c.n == 0) {
		dlg_warn_at(file, line, _("keyword \"%s\" has no letters or digits"), text);
		return false;
	}
	if (c.n > MAX_PHRASE_WORDS) {
		dlg_warn_at(file, line, _("keyword \"%s\" is longer than %d words"), text,
		            MAX_PHRASE_WORDS);
		return false;
	}
	uint32_t node = 0;
	for (int i = 0; i < c.n; i++)
		node = tr_child(r, node, c.ids[i]);
	struct node *nd = &r->node[node];
	nd->ref = dlg_xreallocarray(nd->ref, nd->nref + 1, sizeof *nd->ref);
	nd->ref[nd->nref++] = (struct ref){kw, part, alt};
	if (c.n > r->maxdepth)
		r->maxdepth = c.n;
	return true;
}

static bool parse_priority(const char *s, int *out)
{
	if (!*s) {
		*out = 0;
		return true;
	}
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < -1000 || v > 1000)
		return false;
	*out = (int)v;
	return true;
}

#define S(x) ((x) ? (x) : "")

bool dlg_router_add_rule(dlg_router *r, const dlg_route_spec *sp, const char *file, long line)
{
	const char *field = S(sp->field), *dept = S(sp->dept), *level = S(sp->level);
	const char *cls = S(sp->class_);
	if (!*field) {
		dlg_warn_at(file, line, "%s", _("rule without a field"));
		return false;
	}
	const struct dept *d = find_dept(r, dept);
	if (!d) {
		dlg_warn_at(file, line, _("unknown department \"%s\""), dept);
		return false;
	}
	if (*level && level_rank(level) < 0) {
		dlg_warn_at(file, line, _("unknown level \"%s\""), level);
		return false;
	}
	int prio;
	if (!parse_priority(S(sp->priority), &prio)) {
		dlg_warn_at(file, line, _("bad priority \"%s\" (a whole number)"), sp->priority);
		return false;
	}
	enum rule_class c = CLS_TOPIC;
	if (*cls) {
		int k;
		for (k = 0; k < NCLASS; k++)
			if (!strcmp(cls, class_names[k]))
				break;
		if (k == NCLASS) {
			dlg_warn_at(file, line,
			            _("unknown class \"%s\" (topic, conduct, redirect, escalate)"),
			            cls);
			return false;
		}
		c = (enum rule_class)k;
	}
	size_t ncc;
	char **cc = split(S(sp->cc), ';', &ncc);
	for (size_t i = 0; i < ncc; i++)
		if (!find_dept(r, cc[i])) {
			dlg_warn_at(file, line, _("unknown department \"%s\""), cc[i]);
			free_split(cc, ncc);
			return false;
		}
	/* cc normalised to "A;B" */
	size_t cclen = 1;
	for (size_t i = 0; i < ncc; i++)
		cclen += strlen(cc[i]) + 1;
	char *ccs = dlg_xmalloc(cclen);
	ccs[0] = '\0';
	for (size_t i = 0; i < ncc; i++) {
		if (i)
			strcat(ccs, ";");
		strcat(ccs, cc[i]);
	}
	free_split(cc, ncc);

	size_t nk;
	char **kws = split(S(sp->keywords), ';', &nk);
	if (!nk) {
		dlg_warn_at(file, line, _("rule \"%s\" has no keywords"), field);
		free(ccs);
		return false;
	}
	size_t ri = r->nrule;
	r->rule = dlg_xreallocarray(r->rule, r->nrule + 1, sizeof *r->rule);
	r->rule[ri] = (struct rule){dlg_xstrdup(field),
	                            dlg_xstrdup(S(sp->field_name)),
	                            dlg_xstrdup(dept),
	                            dlg_xstrdup(*level ? level : d->level),
	                            ccs,
	                            dlg_xstrdup(S(sp->note)),
	                            prio,
	                            c,
	                            line};
	r->nrule++;
	bool ok = true;
	for (size_t k = 0; k < nk && ok; k++) {
		size_t np;
		char **parts = split(kws[k], '+', &np);
		if (!np) {
			free(parts);
			continue;
		}
		uint32_t kwi = (uint32_t)r->nkw;
		r->kw = dlg_xreallocarray(r->kw, r->nkw + 1, sizeof *r->kw);
		struct keyword *kw = &r->kw[kwi];
		kw->rule = ri;
		kw->nparts = np;
		kw->part = dlg_xmalloc(np * sizeof *kw->part);
		kw->part_off = r->nparts_total;
		r->nparts_total += np;
		r->nkw++;
		for (size_t p = 0; p < np; p++) {
			kw->part[p].alt = split(parts[p], '|', &kw->part[p].nalt);
			for (size_t a = 0; a < kw->part[p].nalt && ok; a++)
				ok = add_phrase(r, kw->part[p].alt[a], kwi, (uint16_t)p,
				                (uint16_t)a, file, line);
		}
		free_split(parts, np);
	}
	free_split(kws, nk);
	return ok;
}

bool dlg_router_load_rules(dlg_router *r, const char *path)
{
	static const char *const req[] = {"field", "dept", "keywords", NULL};
	dlg_table t;
	if (!dlg_table_load(&t, path, req))
		return false;
	bool ok = true;
	for (size_t i = 0; i < t.nrows && ok; i++) {
		dlg_route_spec sp = {
		    dlg_table_val(&t, i, "field"),    dlg_table_val(&t, i, "field_name"),
		    dlg_table_val(&t, i, "dept"),     dlg_table_val(&t, i, "level"),
		    dlg_table_val(&t, i, "keywords"), dlg_table_val(&t, i, "priority"),
		    dlg_table_val(&t, i, "class"),    dlg_table_val(&t, i, "cc"),
		    dlg_table_val(&t, i, "note"),
		};
		bool blank = !*sp.field && !*sp.dept && !*sp.keywords;
		if (!blank)
			ok = dlg_router_add_rule(r, &sp, t.path, t.line[i]);
	}
	dlg_table_free(&t);
	return ok;
}

/* Complaints, denunciations and disputes: used when routes.csv has no rule
 * of class redirect. The default routes.csv carries the same rules. */
static const struct {
	const char *field, *name, *keywords, *note;
} builtin_redirect[] = {
    {"complaint", "Khiếu nại", "khiếu nại; đơn khiếu nại; đơn thư; khiếu kiện",
     "Nội dung khiếu nại không thuộc phạm vi Hội nghị đối thoại về thủ tục hành chính "
     "(mục II.1 Kế hoạch). Đề nghị ông/bà gửi đơn khiếu nại đến cơ quan, người có thẩm "
     "quyền theo Luật Khiếu nại năm 2011, hoặc đến Bộ phận tiếp công dân của UBND xã để "
     "được hướng dẫn."},
    {"denunciation", "Tố cáo", "tố cáo; tố giác; tham nhũng; hối lộ",
     "Nội dung tố cáo không thuộc phạm vi Hội nghị đối thoại về thủ tục hành chính "
     "(mục II.1 Kế hoạch). Đề nghị ông/bà gửi đơn tố cáo đến cơ quan, người có thẩm "
     "quyền theo Luật Tố cáo năm 2018, hoặc đến Bộ phận tiếp công dân của UBND xã để được "
     "hướng dẫn; người tố cáo được giữ bí mật và bảo vệ theo quy định."},
    {"dispute", "Tranh chấp", "tranh chấp; khởi kiện; kiện ra tòa; đi kiện",
     "Tranh chấp không thuộc phạm vi Hội nghị đối thoại về thủ tục hành chính (mục II.1 "
     "Kế hoạch). Tranh chấp đất đai được hòa giải tại UBND xã theo Luật Đất đai năm 2024 "
     "trước khi đề nghị cơ quan có thẩm quyền hoặc Tòa án nhân dân giải quyết; đề nghị "
     "ông/bà liên hệ Bộ phận tiếp công dân của UBND xã để được hướng dẫn."},
};

bool dlg_router_finish(dlg_router *r)
{
	if (!r->ndept) {
		dlg_warn("%s", _("no departments"));
		return false;
	}
	bool has_redirect = false;
	for (size_t i = 0; i < r->nrule; i++)
		if (r->rule[i].cls == CLS_REDIRECT)
			has_redirect = true;
	if (!has_redirect) {
		for (size_t i = 0; i < sizeof builtin_redirect / sizeof builtin_redirect[0]; i++) {
			dlg_route_spec sp = {.field = builtin_redirect[i].field,
			                     .field_name = builtin_redirect[i].name,
			                     .dept = dlg_router_review_dept(r),
			                     .keywords = builtin_redirect[i].keywords,
			                     .class_ = "redirect",
			                     .note = builtin_redirect[i].note};
			if (!dlg_router_add_rule(r, &sp, "built-in", 0))
				return false;
		}
	}
	r->kw_gen = dlg_xcalloc(r->nkw + 1, sizeof *r->kw_gen);
	r->touched_kw = dlg_xmalloc((r->nkw + 1) * sizeof *r->touched_kw);
	r->part_words = dlg_xmalloc((r->nparts_total + 1) * sizeof *r->part_words);
	r->part_alt = dlg_xmalloc((r->nparts_total + 1) * sizeof *r->part_alt);
	r->rule_gen = dlg_xcalloc(r->nrule + 1, sizeof *r->rule_gen);
	r->rule_score = dlg_xmalloc((r->nrule + 1) * sizeof *r->rule_score);
	r->rule_best_kw = dlg_xmalloc((r->nrule + 1) * sizeof *r->rule_best_kw);
	r->rule_best_w = dlg_xmalloc((r->nrule + 1) * sizeof *r->rule_best_w);
	r->touched_rule = dlg_xmalloc((r->nrule + 1) * sizeof *r->touched_rule);
	r->finished = true;
	return true;
}

/* ---------- routing ---------- */

static void on_text_word(void *ctx, const char *w, size_t len)
{
	dlg_router *r = ctx;
	long id = word_find(r, w, len);
	long pos = r->pos++;
	r->prev_negator[pos % (MAX_PHRASE_WORDS + 2)] = negator(w, len);
	if (id < 0) {
		r->nactive = 0;
		return;
	}
	uint32_t next[MAX_PHRASE_WORDS + 1];
	int nn = 0;
	for (int k = -1; k < r->nactive; k++) {
		uint32_t from = k < 0 ? 0 : r->active[k];
		long c = tr_get(r, from, (uint32_t)id);
		if (c < 0)
			continue;
		const struct node *nd = &r->node[c];
		if (nd->depth < r->maxdepth)
			next[nn++] = (uint32_t)c;
		if (nd->nref) {
			if (r->nmatch == r->match_cap) {
				r->match_cap = r->match_cap ? r->match_cap * 2 : 64;
				r->match =
				    dlg_xreallocarray(r->match, r->match_cap, sizeof *r->match);
			}
			long start = pos - nd->depth + 1;
			bool neg =
			    start > 0 && r->prev_negator[(start - 1) % (MAX_PHRASE_WORDS + 2)];
			r->match[r->nmatch++] = (struct match){start, pos, (uint32_t)c, false, neg};
		}
	}
	memcpy(r->active, next, (size_t)nn * sizeof *next);
	r->nactive = nn;
}

/* Drop matches lying inside a longer match. Matches come in order of their
 * end; a container ends at most maxdepth words later. */
static void suppress_contained(dlg_router *r)
{
	for (size_t i = 0; i < r->nmatch; i++) {
		struct match *m = &r->match[i];
		long span = m->end - m->start;
		size_t j = i;
		while (j > 0 && r->match[j - 1].end == m->end)
			j--;
		for (; j < r->nmatch && r->match[j].end - m->end < r->maxdepth; j++) {
			const struct match *o = &r->match[j];
			if (o->start <= m->start && o->end >= m->end && o->end - o->start > span) {
				m->dead = true;
				break;
			}
		}
	}
}

static void buf_add(char **buf, size_t *cap, size_t *len, const char *s)
{
	size_t n = strlen(s);
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = dlg_xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/* Append "field:alt + alt" of keyword kw to r->buf. */
static void describe(dlg_router *r, size_t *len, long kw)
{
	const struct keyword *k = &r->kw[kw];
	buf_add(&r->buf, &r->buf_cap, len, r->rule[k->rule].field);
	buf_add(&r->buf, &r->buf_cap, len, ":");
	for (size_t p = 0; p < k->nparts; p++) {
		if (p)
			buf_add(&r->buf, &r->buf_cap, len, " + ");
		buf_add(&r->buf, &r->buf_cap, len, k->part[p].alt[r->part_alt[k->part_off + p]]);
	}
}

static bool better(const dlg_router *r, size_t a, long b)
{
	if (b < 0)
		return true;
	if (r->rule_score[a] != r->rule_score[b])
		return r->rule_score[a] > r->rule_score[b];
	if (r->rule[a].priority != r->rule[b].priority)
		return r->rule[a].priority > r->rule[b].priority;
	return a < (size_t)b;
}

static bool cc_has(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !memcmp(p, code, n))
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

static const char escalate_note[] =
    "Nội dung vượt thẩm quyền của xã: đơn vị tiếp thu, tổng hợp báo cáo cấp trên xem xét, "
    "giải quyết (mục II.3 Kế hoạch).";

void dlg_router_route(dlg_router *r, const char *text, dlg_route_result *out)
{
	char *nfc = NULL;
	size_t tlen = strlen(text);
	if (!dlg_text_is_nfc_fast(text, tlen))
		text = nfc = dlg_text_nfc(text, tlen, NULL);
	if (++r->gen == 0) {
		memset(r->kw_gen, 0, r->nkw * sizeof *r->kw_gen);
		memset(r->rule_gen, 0, r->nrule * sizeof *r->rule_gen);
		r->gen = 1;
	}
	r->nmatch = 0;
	r->nactive = 0;
	r->pos = 0;
	each_word(text, on_text_word, r);
	free(nfc);
	suppress_contained(r);

	r->ntouched_kw = 0;
	for (size_t i = 0; i < r->nmatch; i++) {
		if (r->match[i].dead)
			continue;
		const struct node *nd = &r->node[r->match[i].node];
		for (uint32_t k = 0; k < nd->nref; k++) {
			const struct ref *f = &nd->ref[k];
			struct keyword *kw = &r->kw[f->kw];
			if (r->match[i].negated && r->rule[kw->rule].cls == CLS_REDIRECT)
				continue;
			if (r->kw_gen[f->kw] != r->gen) {
				r->kw_gen[f->kw] = r->gen;
				memset(r->part_words + kw->part_off, 0,
				       kw->nparts * sizeof *r->part_words);
				r->touched_kw[r->ntouched_kw++] = f->kw;
			}
			size_t slot = kw->part_off + f->part;
			if (nd->depth > r->part_words[slot] ||
			    (nd->depth == r->part_words[slot] && f->alt < r->part_alt[slot])) {
				r->part_words[slot] = nd->depth;
				r->part_alt[slot] = f->alt;
			}
		}
	}
	r->ntouched_rule = 0;
	for (size_t t = 0; t < r->ntouched_kw; t++) {
		size_t ki = r->touched_kw[t];
		const struct keyword *kw = &r->kw[ki];
		int w = 0;
		bool all = true;
		for (size_t p = 0; p < kw->nparts; p++) {
			if (!r->part_words[kw->part_off + p])
				all = false;
			w += r->part_words[kw->part_off + p];
		}
		if (!all)
			continue;
		size_t ru = kw->rule;
		if (r->rule_gen[ru] != r->gen) {
			r->rule_gen[ru] = r->gen;
			r->rule_score[ru] = 0;
			r->rule_best_kw[ru] = -1;
			r->rule_best_w[ru] = 0;
			r->touched_rule[r->ntouched_rule++] = ru;
		}
		r->rule_score[ru] += w;
		if (w > r->rule_best_w[ru] ||
		    (w == r->rule_best_w[ru] && (long)ki < r->rule_best_kw[ru])) {
			r->rule_best_w[ru] = w;
			r->rule_best_kw[ru] = (long)ki;
		}
	}
	long best[NCLASS] = {-1, -1, -1, -1};
	for (size_t t = 0; t < r->ntouched_rule; t++) {
		size_t ru = r->touched_rule[t];
		enum rule_class c = r->rule[ru].cls;
		if (better(r, ru, best[c]))
			best[c] = (long)ru;
	}

	size_t len = 0;
	if (!r->buf) {
		r->buf_cap = 64;
		r->buf = dlg_xmalloc(r->buf_cap);
	}
	r->buf[0] = '\0';
	size_t cclen = 0;
	if (!r->ccbuf) {
		r->cc_cap = 64;
		r->ccbuf = dlg_xmalloc(r->cc_cap);
	}
	r->ccbuf[0] = '\0';

	long win = best[CLS_REDIRECT] >= 0  ? best[CLS_REDIRECT]
	           : best[CLS_CONDUCT] >= 0 ? best[CLS_CONDUCT]
	           : best[CLS_TOPIC] >= 0   ? best[CLS_TOPIC]
	                                    : best[CLS_ESCALATE];
	if (win < 0) {
		const char *d = dlg_router_review_dept(r);
		const char *lv = dlg_router_dept_level(r, d);
		*out = (dlg_route_result){
		    "", d, lv ? lv : "commune", dlg_action_code(DLG_ACT_REVIEW), "none", "", "", 0};
		buf_add(&r->buf, &r->buf_cap, &len, "none");
		out->rule = r->buf;
		return;
	}
	const struct rule *u = &r->rule[win];
	describe(r, &len, r->rule_best_kw[win]);
	buf_add(&r->ccbuf, &r->cc_cap, &cclen, u->cc);
	out->field = u->field;
	out->dept = u->dept;
	out->level = u->level;
	out->note = u->note;
	out->score = r->rule_score[win];
	if (u->cls == CLS_REDIRECT) {
		out->action = dlg_action_code(DLG_ACT_REDIRECT);
	} else if (u->cls == CLS_CONDUCT) {
		out->action = dlg_action_code(DLG_ACT_ANSWER);
		long tp = best[CLS_TOPIC];
		if (tp >= 0 && strcmp(r->rule[tp].dept, u->dept) &&
		    !cc_has(r->ccbuf, r->rule[tp].dept)) {
			if (cclen)
				buf_add(&r->ccbuf, &r->cc_cap, &cclen, ";");
			buf_add(&r->ccbuf, &r->cc_cap, &cclen, r->rule[tp].dept);
		}
	} else {
		long es = best[CLS_ESCALATE];
		bool up = dlg_route_level_above_commune(u->level) || es >= 0;
		out->action = dlg_action_code(up ? DLG_ACT_ESCALATE : DLG_ACT_ANSWER);
		if (es >= 0 && es != win) {
			if (level_rank(r->rule[es].level) > level_rank(out->level))
				out->level = r->rule[es].level;
			buf_add(&r->buf, &r->buf_cap, &len, ", ");
			describe(r, &len, r->rule_best_kw[es]);
		}
		if (up && !dlg_route_level_above_commune(out->level))
			out->level = "city";
		if (up && !*out->note)
			out->note = es >= 0 && *r->rule[es].note ? r->rule[es].note : escalate_note;
	}
	out->rule = r->buf;
	out->cc = r->ccbuf;
}

bool dlg_router_rule_gives(const dlg_router *r, const char *rule, const char *dept)
{
	size_t n = strcspn(rule, ":,");
	if (n == 6 && !strncmp(rule, "manual", 6))
		return false;
	if (n == 4 && !strncmp(rule, "none", 4))
		return !strcmp(dept, dlg_router_review_dept(r));
	for (size_t i = 0; i < r->nrule; i++)
		if (strlen(r->rule[i].field) == n && !strncmp(r->rule[i].field, rule, n) &&
		    !strcmp(r->rule[i].dept, dept))
			return true;
	return false;
}
