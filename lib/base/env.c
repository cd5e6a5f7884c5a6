/* The environment variables dlg reads. */
#include "base/env.h"

#include <stdlib.h>
#include <string.h>

static const char *get(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

const char *dlg_env_dir(void)
{
	return get("DLG_DIR");
}

const char *dlg_env_share(void)
{
	return get("DLG_SHARE");
}

const char *dlg_env_today(void)
{
	return get("DLG_TODAY");
}

const char *dlg_env_sendmail(void)
{
	return get("DLG_SENDMAIL");
}

const char *dlg_env_jobs(void)
{
	return get("DLG_JOBS");
}

const char *dlg_env_pin(const char *role)
{
	return get(!strcmp(role, "signer") ? "DLG_SIGNER_PIN" : "DLG_OFFICE_PIN");
}

const char *dlg_env_language(void)
{
	return get("LANGUAGE");
}

bool dlg_env_threads(void)
{
	const char *v = get("DLG_THREADS");
	return !(v && !strcmp(v, "0"));
}
