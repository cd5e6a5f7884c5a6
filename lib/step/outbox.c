/* The outbox: sender, sendmail program, .eml files, the pipe to sendmail. */
#include "step/outbox.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/atomic.h"
#include "base/diag.h"
#include "base/env.h"
#include "case/folder.h"

bool dlg_outbox_open(dlg_outbox *ob, const dlg_conf *cf, const char *dir, bool pipe)
{
	memset(ob, 0, sizeof *ob);
	ob->dir = dir;
	ob->pipe = pipe;
	const char *conf_from = dlg_conf_get(cf, "mail", "from");
	if (!*conf_from)
		conf_from = dlg_conf_get(cf, "office", "email");
	/* [mail] from may be "Name <address>" */
	if (!dlg_mail_split_addr(conf_from, &ob->from_name, &ob->from))
		dlg_warn(_("no usable sender address: set [mail] from in dlg.conf"));
	ob->sendmail = dlg_env_sendmail();
	if (!ob->sendmail)
		ob->sendmail = dlg_conf_get(cf, "mail", "sendmail");
	if (dir && mkdir(dir, 0777) < 0 && errno != EEXIST) {
		dlg_warn("%s: %s", dir, strerror(errno));
		return false;
	}
	return true;
}

bool dlg_outbox_write(const dlg_outbox *ob, const dlg_mail *m, const char *name)
{
	if (!ob->dir)
		return true;
	char *base = dlg_xasprintf("%s.eml", name);
	char *path = dlg_path_join(ob->dir, base);
	bool ok = false;
	dlg_atomic a;
	if (dlg_atomic_begin(&a, path, DLG_MODE_PERSONAL)) {
		if (!dlg_mail_write(m, a.f)) {
			dlg_warn("%s: %s", path, strerror(errno));
			dlg_atomic_abort(&a);
		} else {
			ok = dlg_atomic_commit(&a);
		}
	}
	free(path);
	free(base);
	return ok;
}

bool dlg_outbox_send(const dlg_outbox *ob, const dlg_mail *m)
{
	return !ob->pipe || dlg_mail_sendmail(m, ob->sendmail);
}

void dlg_outbox_close(dlg_outbox *ob)
{
	free(ob->from_name);
	free(ob->from);
	ob->from_name = ob->from = NULL;
}
