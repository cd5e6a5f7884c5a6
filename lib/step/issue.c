/* A document's number from the outgoing register. */
#include "step/issue.h"

#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

char *dlg_issue_summary(const dlg_tmpl *t, const dlg_tmpl_data *d)
{
	if (dlg_tmpl_meta(t, "letter_summary"))
		return dlg_tmpl_meta_fill(t, "letter_summary", d);
	if (dlg_tmpl_meta(t, "summary"))
		return dlg_tmpl_meta_fill(t, "summary", d);
	return dlg_tmpl_title(t, d);
}

char *dlg_issue_recipients(const dlg_tmpl *t, const dlg_tmpl_data *d)
{
	char *rec = dlg_tmpl_recipients(t, d);
	static const char same[] = "Như trên";
	if (!rec || strncmp(rec, same, sizeof same - 1) || !dlg_tmpl_meta(t, "to"))
		return rec;
	char *to = dlg_tmpl_meta_fill(t, "to", d);
	if (!to || !*to) {
		free(to);
		return rec;
	}
	char *out = dlg_xasprintf("%s%s", to, rec + sizeof same - 1);
	free(to);
	free(rec);
	return out;
}

bool dlg_issue_one(const dlg_case *cs, const dlg_tmpl *t, const dlg_tmpl_data *d,
                   const dlg_outgoing_doc *doc, const char *number, dlg_outgoing_no *out)
{
	dlg_outgoing_doc x = *doc;
	char *summary = NULL, *recipients = NULL;
	if (!x.summary && !(x.summary = summary = dlg_issue_summary(t, d)))
		return false;
	if (!x.recipients && !(x.recipients = recipients = dlg_issue_recipients(t, d))) {
		free(summary);
		return false;
	}
	bool ok = dlg_outgoing_reserve(cs, &x, 1, number, out);
	free(summary);
	free(recipients);
	return ok;
}
