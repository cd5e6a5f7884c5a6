/* Completing postal addresses with the commune and the province. */
#include "case/postal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/sbuf.h"
#include "base/text.h"

/* True when the folded text holds the folded words of name (at word
 * boundaries). */
static bool mentions(const char *text_fold, const char *name)
{
	char *n = dlg_text_fold(name);
	bool found = false;
	size_t len = strlen(n);
	if (len)
		for (const char *p = strstr(text_fold, n); p && !found; p = strstr(p + 1, n))
			found =
			    (p == text_fold || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' ');
	free(n);
	return found;
}

/* The name without its kind: "xã Liên Minh" -> "Liên Minh", "thành phố Hà
 * Nội" -> "Hà Nội". */
static const char *core(const char *name)
{
	static const char *const kinds[] = {"xã ",       "Xã ",       "phường ",    "Phường ",
	                                    "thị trấn ", "Thị trấn ", "thành phố ", "Thành phố ",
	                                    "tỉnh ",     "Tỉnh ",     "TP. ",       "TP "};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strncmp(name, kinds[i], strlen(kinds[i])))
			return name + strlen(kinds[i]);
	return name;
}

/* An administrative unit's word in the folded address ("xa", "phuong"...). */
static bool names_a_unit(const char *fold)
{
	static const char *const words[] = {"xa",   "phuong", "thi tran",  "huyen",
	                                    "quan", "tinh",   "thanh pho", "tp"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (mentions(fold, words[i]))
			return true;
	return false;
}

char *dlg_postal_complete(const dlg_conf *conf, const char *address, const char *village)
{
	char *a = dlg_xstrdup(address && *address ? address : village ? village : "");
	dlg_text_squeeze(a);
	size_t n = strlen(a);
	while (n && (a[n - 1] == ',' || a[n - 1] == '.' || a[n - 1] == ' '))
		a[--n] = '\0';
	if (!*a)
		return a;
	const char *commune = dlg_conf_get(conf, "office", "commune");
	const char *province = dlg_conf_get(conf, "office", "province");
	char *fold = dlg_text_fold(a);
	bool here = *commune && mentions(fold, core(commune));
	bool has_province = *province && mentions(fold, core(province));
	dlg_sbuf b = {0};
	dlg_sbuf_adds(&b, a);
	if (!here && !has_province && !names_a_unit(fold) && *commune) {
		dlg_sbuf_printf(&b, ", %s", commune);
		here = true;
	}
	if (here && !has_province && *province)
		dlg_sbuf_printf(&b, ", %s", province);
	free(fold);
	free(a);
	return dlg_sbuf_take(&b);
}
