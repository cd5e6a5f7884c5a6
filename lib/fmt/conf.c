/* dlg.conf reader. Every key the toolkit knows is in `known` with its default. */
#include "fmt/conf.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/diag.h"
#include "base/text.h"

enum kind { TEXT, COUNT, DAY_KIND, MODE, DOCNO, YEAR, SEQUENCE, MM };

struct known_key {
	const char *section;
	const char *key;
	const char *def;
	enum kind kind;
};

static const struct known_key known[] = {
    {"office", "commune", "<<xã ...>>", TEXT},
    {"office", "place", "<<địa danh ghi ở dòng ngày tháng>>", TEXT},
    {"office", "agency_parent", "", TEXT},
    {"office", "agency_line1", "ỦY BAN NHÂN DÂN", TEXT},
    {"office", "agency_line2", "<<XÃ ...>>", TEXT},
    {"office", "agency_short", "UBND", TEXT},
    {"office", "office_name", "<<Văn phòng HĐND - UBND xã ...>>", TEXT},
    {"office", "office_short", "VP", TEXT},
    {"office", "address", "<<địa chỉ trụ sở UBND xã>>", TEXT},
    {"office", "email", "<<thư điện tử của văn phòng>>", TEXT},
    {"office", "phone", "", TEXT},
    {"office", "website", "<<trang thông tin điện tử của xã>>", TEXT},
    {"office", "register_url", "<<địa chỉ trang đăng ký trực tuyến>>", TEXT},
    {"office", "seal_image", "", TEXT},
    {"office", "seal_mm", "", MM},
    {"office", "province", "", TEXT},
    {"office", "radio", "Đài truyền thanh xã", TEXT},
    {"office", "chief", "", TEXT},
    {"signer", "authority", "TM. ỦY BAN NHÂN DÂN", TEXT},
    {"signer", "deputy", "KT. CHỦ TỊCH", TEXT},
    {"signer", "title", "PHÓ CHỦ TỊCH", TEXT},
    {"signer", "name", "<<họ và tên người ký>>", TEXT},
    {"signer", "signature_image", "", TEXT},
    {"signer", "signature_mm", "", MM},
    {"rules", "register_days_before", "10", COUNT},
    {"rules", "announce_days_before", "7", COUNT},
    {"rules", "answer_days", "5", COUNT},
    {"rules", "answer_day_kind", "calendar", DAY_KIND},
    {"rules", "publish_days_after", "10", COUNT},
    {"rules", "soon_days", "2", COUNT},
    {"numbering", "sequence", "type", SEQUENCE},
    {"numbering", "year", "", YEAR},
    {"numbering", "first", "", DOCNO},
    {"numbering", "invite", "", DOCNO},
    {"numbering", "minutes", "", DOCNO},
    {"numbering", "notice", "", DOCNO},
    {"numbering", "reply", "", DOCNO},
    {"numbering", "report", "", DOCNO},
    {"numbering", "slip", "", DOCNO},
    {"files", "registrations", "registrations.csv", TEXT},
    {"files", "items", "items.csv", TEXT},
    {"files", "answers", "answers.csv", TEXT},
    {"files", "closures", "closures.csv", TEXT},
    {"files", "attendance", "attendance.csv", TEXT},
    {"files", "sessions", "sessions.csv", TEXT},
    {"files", "departments", "departments.csv", TEXT},
    {"files", "routes", "routes.csv", TEXT},
    {"files", "villages", "villages.csv", TEXT},
    {"files", "holidays", "holidays.csv", TEXT},
    {"files", "notes", "notes", TEXT},
    {"files", "personal_mode", "0600", MODE},
    {"files", "participants", "participants.csv", TEXT},
    {"files", "outgoing", "outgoing.csv", TEXT},
    {"mail", "from", "", TEXT},
    {"mail", "sendmail", "/usr/sbin/sendmail", TEXT},
    {"sign", "office_pkcs11", "", TEXT},
    {"sign", "office_token", "", TEXT},
    {"sign", "office_key", "", TEXT},
    {"sign", "office_pkcs12", "", TEXT},
    {"sign", "signer_pkcs11", "", TEXT},
    {"sign", "signer_token", "", TEXT},
    {"sign", "signer_key", "", TEXT},
    {"sign", "signer_pkcs12", "", TEXT},
};
#define NKNOWN (sizeof known / sizeof known[0])

/* Sections whose keys are free text: [intake] maps column headers
 * ("Số ĐT người gửi = phone") to the register's fields. */
static const char *const free_sections[] = {"intake"};

struct dlg_conf {
	char *value[NKNOWN]; /* NULL: not set in the file */
	struct entry {
		char *section, *key, *value;
		long line;
	} * entries; /* of the free sections, in file order */
	size_t nentries;
	char *path;
};

static bool free_section(const char *section)
{
	for (size_t i = 0; i < sizeof free_sections / sizeof free_sections[0]; i++)
		if (!strcmp(free_sections[i], section))
			return true;
	return false;
}

static long find_key(const char *section, const char *key)
{
	for (size_t i = 0; i < NKNOWN; i++)
		if (!strcmp(known[i].section, section) && !strcmp(known[i].key, key))
			return (long)i;
	return -1;
}

static bool known_section(const char *section)
{
	if (free_section(section))
		return true;
	for (size_t i = 0; i < NKNOWN; i++)
		if (!strcmp(known[i].section, section))
			return true;
	return false;
}

static bool parse_count(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > 3650)
		return false;
	*out = v;
	return true;
}

static bool check_value(enum kind kind, const char *v)
{
	long n;
	switch (kind) {
	case COUNT:
		return parse_count(v, &n);
	case DAY_KIND:
		return !strcmp(v, "calendar") || !strcmp(v, "working");
	case MODE: {
		/* octal permissions the owner can read and write: 0600, 0640... */
		char *end;
		long m = strtol(v, &end, 8);
		return *v >= '0' && *v <= '7' && !*end && m >= 0 && m <= 0777 && (m & 0600) == 0600;
	}
	case SEQUENCE:
		return !strcmp(v, "type") || !strcmp(v, "shared");
	case MM: { /* empty, or a size in millimetres */
		char *end;
		double mm = strtod(v, &end);
		return !*v || (end != v && !*end && mm > 0 && mm <= 300);
	}
	case DOCNO:
	case YEAR: {
		char *end;
		errno = 0;
		long x = strtol(v, &end, 10);
		if (!*v)
			return true;
		if (errno || end == v || *end)
			return false;
		return kind == DOCNO ? x >= 1 && x <= 999999 : x >= 1900 && x <= 9999;
	}
	default:
		return true;
	}
}

static const struct {
	const char *section, *comment;
} section_comments[] = {
    {"office", "Cơ quan ban hành văn bản (Nghị định 30/2020/NĐ-CP)"},
    {"signer", "Người ký văn bản"},
    {"rules", "Thời hạn (ngày): đăng ký trước hội nghị, thông báo trước hội nghị, trả lời "
              "(calendar: ngày lịch, working: ngày làm việc), công bố kết quả sau hội nghị"},
    {"numbering",
     "Số văn bản lấy từ sổ đăng ký văn bản đi (outgoing.csv), bắt đầu từ 01 mỗi năm. "
     "sequence = type: mỗi loại văn bản một dãy số; shared: một dãy số chung. "
     "Nếu trong năm `year` sổ của cơ quan đã cấp số ngoài dlg, ghi số đầu tiên dlg được cấp "
     "cho giấy mời, biên bản, thông báo, công văn trả lời, báo cáo, phiếu chuyển "
     "(công văn trả lời và phiếu chuyển cùng là công văn), hoặc `first` với dãy số chung"},
    {"files",
     "Tên các tệp trong thư mục hồ sơ; personal_mode: quyền của các tệp chứa dữ liệu cá nhân "
     "(0600: chỉ người tạo đọc được; 0640: cả nhóm đọc được)"},
    {"mail", "Gửi thư điện tử"},
    {"sign", "Ký số (dlg-sign): chữ ký số của cơ quan (office_: Văn thư) và của người ký "
             "(signer_): thư viện PKCS#11 của USB token, nhãn token, nhãn khóa; hoặc tệp "
             "chứng thư số .p12"},
};

bool dlg_conf_is_placeholder(const char *v)
{
	size_t n = strlen(v);
	return n >= 4 && !strncmp(v, "<<", 2) && !strcmp(v + n - 2, ">>");
}

/* The commune's name without its kind ("xã Liên Minh" → "Liên Minh"). */
static const char *bare_name(const char *commune)
{
	static const char *const kinds[] = {"xã ", "phường ", "đặc khu ", "thị trấn "};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t n = strlen(kinds[i]);
		if (!strncasecmp(commune, kinds[i], n) && commune[n])
			return commune + n;
	}
	return commune;
}

bool dlg_conf_write_defaults(FILE *f, const char *commune)
{
	fputs("# dlg.conf: cấu hình của thư mục hồ sơ đối thoại (UTF-8, \"khóa = giá trị\").\n", f);
	fputs("# Thay mọi giá trị <<...>> bằng thông tin của xã trước khi ban hành văn bản.\n", f);
	const char *section = "";
	for (size_t i = 0; i < NKNOWN; i++) {
		if (strcmp(section, known[i].section)) {
			section = known[i].section;
			for (size_t k = 0; k < sizeof section_comments / sizeof section_comments[0];
			     k++)
				if (!strcmp(section_comments[k].section, section))
					fprintf(f, "\n# %s\n", section_comments[k].comment);
			fprintf(f, "[%s]\n", section);
		}
		char *value = NULL;
		if (commune && !strcmp(section, "office")) {
			const char *key = known[i].key;
			if (!strcmp(key, "commune"))
				value = dlg_xstrdup(commune);
			else if (!strcmp(key, "place"))
				value = dlg_xstrdup(bare_name(commune));
			else if (!strcmp(key, "agency_line2")) {
				value = dlg_xstrdup(commune);
				dlg_text_upper(value);
			} else if (!strcmp(key, "office_name"))
				value = dlg_xasprintf("Văn phòng HĐND - UBND %s", commune);
		}
		fprintf(f, "%s = %s\n", known[i].key, value ? value : known[i].def);
		free(value);
	}
	return !ferror(f);
}

char *dlg_conf_placeholders(const dlg_conf *c)
{
	char *list = NULL;
	for (size_t i = 0; i < NKNOWN; i++) {
		const char *v = c && c->value[i] ? c->value[i] : known[i].def;
		if (!dlg_conf_is_placeholder(v))
			continue;
		char *more = dlg_xasprintf("%s%s%s.%s", list ? list : "", list ? ", " : "",
		                           known[i].section, known[i].key);
		free(list);
		list = more;
	}
	return list;
}

dlg_conf *dlg_conf_defaults(void)
{
	return dlg_xcalloc(1, sizeof(dlg_conf));
}

static void strip(char *s)
{
	dlg_text_squeeze(s);
}

dlg_conf *dlg_conf_load(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		dlg_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	dlg_conf *c = dlg_conf_defaults();
	c->path = dlg_xstrdup(path);
	char section[64] = "";
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	bool ok = true;
	while ((n = getline(&line, &cap, f)) > 0) {
		lineno++;
		char *s = line;
		if (lineno == 1 && !strncmp(s, "\xEF\xBB\xBF", 3))
			s += 3, n -= 3;
		if (!dlg_utf8_valid(s, strlen(s), NULL) || (size_t)n != strlen(s)) {
			dlg_warn_at(path, lineno,
			            _("invalid UTF-8 or NUL byte; save the file as UTF-8"));
			ok = false;
			continue;
		}
		strip(s);
		if (!*s || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');
			if (!close || close[1]) {
				dlg_warn_at(path, lineno, _("malformed section header \"%s\""), s);
				ok = false;
				continue;
			}
			*close = '\0';
			snprintf(section, sizeof section, "%s", s + 1);
			strip(section);
			if (!known_section(section)) {
				dlg_warn_at(path, lineno, _("unknown section [%s]"), section);
				ok = false;
			}
			continue;
		}
		char *eq = strchr(s, '=');
		if (!eq) {
			dlg_warn_at(path, lineno, _("expected \"key = value\", found \"%s\""), s);
			ok = false;
			continue;
		}
		*eq = '\0';
		char *key = s, *val = eq + 1;
		strip(key);
		strip(val);
		if (!*section) {
			dlg_warn_at(path, lineno, _("\"%s\" comes before any [section]"), key);
			ok = false;
			continue;
		}
		if (!known_section(section))
			continue; /* already reported */
		if (free_section(section)) {
			c->entries =
			    dlg_xrealloc(c->entries, (c->nentries + 1) * sizeof *c->entries);
			c->entries[c->nentries++] = (struct entry){
			    dlg_xstrdup(section), dlg_text_nfc(key, strlen(key), NULL),
			    dlg_text_nfc(val, strlen(val), NULL), lineno};
			continue;
		}
		long k = find_key(section, key);
		if (k < 0) {
			dlg_warn_at(path, lineno, _("unknown key \"%s\" in [%s]"), key, section);
			ok = false;
			continue;
		}
		if (!check_value(known[k].kind, val)) {
			const char *why;
			switch (known[k].kind) {
			case DAY_KIND:
				why = _("%s must be \"calendar\" or \"working\", not \"%s\"");
				break;
			case SEQUENCE:
				why = _("%s must be \"type\" or \"shared\", not \"%s\"");
				break;
			case DOCNO:
				why = _("%s must be a document number (1 to 999999) or empty, not "
				        "\"%s\"");
				break;
			case YEAR:
				why = _("%s must be a year (YYYY) or empty, not \"%s\"");
				break;
			case MM:
				why =
				    _("%s must be a size in millimetres (such as 36), not \"%s\"");
				break;
			case MODE:
				why = _("%s must be octal permissions the owner can read and write "
				        "(such as 0600 or 0640), not \"%s\"");
				break;
			default:
				why = _("%s must be a number of days (0 to 3650), not \"%s\"");
			}
			dlg_warn_at(path, lineno, why, key, val);
			ok = false;
			continue;
		}
		size_t len;
		char *nfc = dlg_text_nfc(val, strlen(val), &len);
		free(c->value[k]);
		c->value[k] = nfc;
	}
	if (ferror(f)) {
		dlg_warn("%s: %s", path, strerror(errno));
		ok = false;
	}
	free(line);
	fclose(f);
	if (!ok) {
		dlg_conf_free(c);
		return NULL;
	}
	return c;
}

const char *dlg_conf_get(const dlg_conf *c, const char *section, const char *key)
{
	long k = find_key(section, key);
	if (k < 0)
		return "";
	if (c && c->value[k])
		return c->value[k];
	return known[k].def;
}

long dlg_conf_get_long(const dlg_conf *c, const char *section, const char *key)
{
	long v = 0;
	if (!parse_count(dlg_conf_get(c, section, key), &v))
		return 0;
	return v;
}

void dlg_conf_free(dlg_conf *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < NKNOWN; i++)
		free(c->value[i]);
	for (size_t i = 0; i < c->nentries; i++) {
		free(c->entries[i].section);
		free(c->entries[i].key);
		free(c->entries[i].value);
	}
	free(c->entries);
	free(c->path);
	free(c);
}

bool dlg_conf_entry(const dlg_conf *c, const char *section, size_t i, const char **key,
                    const char **value, char **where)
{
	if (!c)
		return false;
	for (size_t k = 0; k < c->nentries; k++) {
		if (strcmp(c->entries[k].section, section) || i-- > 0)
			continue;
		*key = c->entries[k].key;
		*value = c->entries[k].value;
		if (where)
			*where = dlg_xasprintf("%s:%ld", c->path ? c->path : "dlg.conf",
			                       c->entries[k].line);
		return true;
	}
	return false;
}
