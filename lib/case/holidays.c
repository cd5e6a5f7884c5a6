/* Public holidays: holidays.csv for the years it covers, the Labour Code's
 * days computed with the lunar calendar for the others. */
#include "case/holidays.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "case/lunar.h"
#include "fmt/table.h"

#define YEAR_MIN 1800
#define YEAR_MAX 2199
#define NYEARS (YEAR_MAX - YEAR_MIN + 1)
#define MAX_COMPUTED 32

enum { F_OFF = 1, F_WORK = 2 };

struct year {
	dlg_day first;
	int len;
	unsigned char flag[366];
	dlg_holiday *list;
	size_t n;
};

struct dlg_holidays {
	dlg_holiday *file; /* rows of holidays.csv, names owned */
	size_t nfile, capfile;
	bool file_year[NYEARS];
	struct year *year[NYEARS];
	struct year *last; /* the year looked up last */
};

dlg_holidays *dlg_holidays_new(void)
{
	dlg_holidays *h = dlg_xmalloc(sizeof *h);
	memset(h, 0, sizeof *h);
	return h;
}

static void drop_cache(dlg_holidays *h)
{
	for (int i = 0; i < NYEARS; i++) {
		if (h->year[i]) {
			free(h->year[i]->list);
			free(h->year[i]);
			h->year[i] = NULL;
		}
	}
	h->last = NULL;
}

void dlg_holidays_free(dlg_holidays *h)
{
	if (!h)
		return;
	drop_cache(h);
	for (size_t i = 0; i < h->nfile; i++)
		free((char *)h->file[i].name);
	free(h->file);
	free(h);
}

bool dlg_holidays_load(dlg_holidays *h, const char *path)
{
	static const char *const required[] = {"date", "name", NULL};
	dlg_table t;
	if (!dlg_table_load(&t, path, required))
		return false;
	int cdate = dlg_table_col(&t, "date"), cname = dlg_table_col(&t, "name");
	int ckind = dlg_table_col(&t, "kind");
	bool ok = true;
	for (size_t r = 0; r < t.nrows; r++) {
		const char *ds = dlg_table_get(&t, r, cdate);
		const char *kind = dlg_table_get(&t, r, ckind);
		dlg_day d;
		int y, m, dd;
		if (!dlg_date_parse_iso(ds, &d)) {
			dlg_warn_at(t.path, t.line[r],
			            _("invalid date \"%s\" (expected YYYY-MM-DD)"), ds);
			ok = false;
			continue;
		}
		dlg_date_to_ymd(d, &y, &m, &dd);
		if (y < YEAR_MIN || y > YEAR_MAX) {
			dlg_warn_at(t.path, t.line[r], _("year %d is out of range (%d to %d)"), y,
			            YEAR_MIN, YEAR_MAX);
			ok = false;
			continue;
		}
		bool work;
		if (!*kind || !strcmp(kind, "off"))
			work = false;
		else if (!strcmp(kind, "work"))
			work = true;
		else {
			dlg_warn_at(t.path, t.line[r],
			            _("kind must be \"off\" or \"work\", not \"%s\""), kind);
			ok = false;
			continue;
		}
		if (work) {
			dlg_holiday legal[MAX_COMPUTED];
			size_t nl = dlg_holidays_compute(y, legal, MAX_COMPUTED);
			bool is_legal = false;
			for (size_t i = 0; i < nl && !is_legal; i++)
				if (legal[i].day == d) {
					dlg_warn_at(
					    t.path, t.line[r],
					    _("%s is a public holiday (%s): it cannot be made a "
					      "working day"),
					    ds, legal[i].name);
					is_legal = true;
				}
			if (is_legal) {
				ok = false;
				continue;
			}
		}
		if (h->nfile == h->capfile) {
			h->capfile = h->capfile ? 2 * h->capfile : 64;
			h->file = dlg_xreallocarray(h->file, h->capfile, sizeof *h->file);
		}
		h->file[h->nfile++] =
		    (dlg_holiday){d, dlg_xstrdup(dlg_table_get(&t, r, cname)), work, DLG_HOL_FILE};
		h->file_year[y - YEAR_MIN] = true;
	}
	dlg_table_free(&t);
	drop_cache(h);
	return ok;
}

bool dlg_holidays_from_file(const dlg_holidays *h, int year)
{
	return year >= YEAR_MIN && year <= YEAR_MAX && h->file_year[year - YEAR_MIN];
}

/* 0 = Sunday ... 6 = Saturday; 1970-01-01 was a Thursday. */
static int weekday(dlg_day d)
{
	return (int)(((d % 7) + 7 + 4) % 7);
}

static bool weekend(dlg_day d)
{
	int w = weekday(d);
	return w == 0 || w == 6;
}

static int cmp_day(const void *a, const void *b)
{
	const dlg_holiday *x = a, *y = b;
	return (x->day > y->day) - (x->day < y->day);
}

static bool listed(const dlg_holiday *v, size_t n, dlg_day d)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].day == d)
			return true;
	return false;
}

size_t dlg_holidays_compute(int year, dlg_holiday *out, size_t cap)
{
	dlg_holiday v[MAX_COMPUTED];
	size_t n = 0;
#define ADD(d, nm) (v[n++] = (dlg_holiday){(d), (nm), false, DLG_HOL_COMPUTED})
	ADD(dlg_date_from_ymd(year, 1, 1), "Tết Dương lịch");
	dlg_day tet = dlg_lunar_tet(year);
	ADD(tet - 1, "Tết Nguyên đán (ngày cuối năm âm lịch)");
	ADD(tet, "Tết Nguyên đán (mùng 1)");
	ADD(tet + 1, "Tết Nguyên đán (mùng 2)");
	ADD(tet + 2, "Tết Nguyên đán (mùng 3)");
	ADD(tet + 3, "Tết Nguyên đán (mùng 4)");
	dlg_day hung;
	if (dlg_lunar_to_day((dlg_lunar){year, 3, 10, false}, &hung))
		ADD(hung, "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
	dlg_day d304 = dlg_date_from_ymd(year, 4, 30);
	if (!listed(v, n, d304))
		ADD(d304, "Ngày Chiến thắng (30/4)");
	ADD(dlg_date_from_ymd(year, 5, 1), "Ngày Quốc tế Lao động (1/5)");
	/* 2/9 and one adjacent day (art. 112(1)(đ)); the Prime Minister picks
	 * it each year. We take the one that joins the weekend: 1/9 when 2/9 is
	 * a Tuesday, Friday or Saturday, else 3/9 (as in 2021-2025). */
	dlg_day d29 = dlg_date_from_ymd(year, 9, 2);
	int w = weekday(d29);
	dlg_day adj = (w == 2 || w == 5 || w == 6) ? d29 - 1 : d29 + 1;
	ADD(d29, "Quốc khánh (2/9)");
	ADD(adj, "Quốc khánh (ngày liền kề)");
	qsort(v, n, sizeof v[0], cmp_day);
	/* nghỉ bù: a holiday on a weekly rest day gives the next working day
	 * off (art. 111(3)), in date order so that blocks like Tết push their
	 * compensatory days past their end. */
	size_t base = n;
	for (size_t i = 0; i < base; i++) {
		if (!weekend(v[i].day))
			continue;
		dlg_day c = v[i].day + 1;
		while (weekend(c) || listed(v, n, c))
			c++;
		const char *nm = "Nghỉ bù";
		if (!strncmp(v[i].name, "Tết Dương", 9))
			nm = "Nghỉ bù Tết Dương lịch";
		else if (!strncmp(v[i].name, "Tết Nguyên", 10))
			nm = "Nghỉ bù Tết Nguyên đán";
		else if (!strncmp(v[i].name, "Giỗ Tổ", 6))
			nm = "Nghỉ bù Giỗ Tổ Hùng Vương";
		else if (!strncmp(v[i].name, "Ngày Chiến", 10))
			nm = "Nghỉ bù Ngày Chiến thắng";
		else if (!strncmp(v[i].name, "Ngày Quốc tế", 13))
			nm = "Nghỉ bù Ngày Quốc tế Lao động";
		else if (!strncmp(v[i].name, "Quốc khánh", 10))
			nm = "Nghỉ bù Quốc khánh";
		ADD(c, nm);
	}
#undef ADD
	qsort(v, n, sizeof v[0], cmp_day);
	for (size_t i = 0; i < n && i < cap; i++)
		out[i] = v[i];
	return n;
}

static struct year *get_year(dlg_holidays *h, int y)
{
	if (y < YEAR_MIN || y > YEAR_MAX)
		return NULL;
	struct year *yr = h->year[y - YEAR_MIN];
	if (yr)
		return yr;
	yr = dlg_xmalloc(sizeof *yr);
	memset(yr, 0, sizeof *yr);
	yr->first = dlg_date_from_ymd(y, 1, 1);
	yr->len = (int)(dlg_date_from_ymd(y + 1, 1, 1) - yr->first);
	/* the legal minimum first, always (Labour Code art. 112, lunar
	 * calendar); then the file's rows for the year: days off it adds, and
	 * weekend days it makes working days. The file never removes a legal
	 * day off (a "work" row on one was refused when it was read). */
	dlg_holiday v[MAX_COMPUTED];
	size_t nc = dlg_holidays_compute(y, v, MAX_COMPUTED);
	size_t nf = 0;
	for (size_t i = 0; i < h->nfile; i++)
		if (h->file[i].day >= yr->first && h->file[i].day < yr->first + yr->len)
			nf++;
	yr->list = dlg_xmalloc((nc + nf) * sizeof *yr->list);
	/* the file's rows first, so that for a date listed twice its name wins */
	for (size_t i = 0; i < h->nfile; i++)
		if (h->file[i].day >= yr->first && h->file[i].day < yr->first + yr->len)
			yr->list[yr->n++] = h->file[i];
	memcpy(yr->list + yr->n, v, nc * sizeof *v);
	yr->n += nc;
	/* stable order by date; the first entry for a date wins */
	for (size_t i = 1; i < yr->n; i++) {
		dlg_holiday x = yr->list[i];
		size_t j = i;
		while (j > 0 && yr->list[j - 1].day > x.day) {
			yr->list[j] = yr->list[j - 1];
			j--;
		}
		yr->list[j] = x;
	}
	size_t k = 0;
	for (size_t i = 0; i < yr->n; i++)
		if (k == 0 || yr->list[k - 1].day != yr->list[i].day)
			yr->list[k++] = yr->list[i];
	yr->n = k;
	for (size_t i = 0; i < yr->n; i++)
		yr->flag[yr->list[i].day - yr->first] = yr->list[i].work ? F_WORK : F_OFF;
	h->year[y - YEAR_MIN] = yr;
	return yr;
}

size_t dlg_holidays_year(dlg_holidays *h, int year, const dlg_holiday **out)
{
	struct year *yr = get_year(h, year);
	*out = yr ? yr->list : NULL;
	return yr ? yr->n : 0;
}

bool dlg_holidays_is_off(dlg_holidays *h, dlg_day d)
{
	struct year *yr = h->last;
	if (!yr || d < yr->first || d >= yr->first + yr->len) {
		int y, m, dd;
		dlg_date_to_ymd(d, &y, &m, &dd);
		yr = get_year(h, y);
		if (!yr)
			return weekend(d);
		h->last = yr;
	}
	unsigned char f = yr->flag[d - yr->first];
	if (f & F_OFF)
		return true;
	return weekend(d) && !(f & F_WORK);
}
