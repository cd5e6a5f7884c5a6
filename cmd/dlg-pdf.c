/* dlg-pdf: a Markdown template merged with CSV rows, laid out as Decree 30 documents. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmdline.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/merge.h"

static void usage(void)
{
	printf(_("Usage: %s -t TEMPLATE [OPTION]... [CSV]\n"
	         "Lay out a Markdown template as a Decree 30 document: one document for each\n"
	         "row of CSV (its columns fill the {{column}} placeholders), or one document\n"
	         "when no CSV is given.\n"
	         "\n"
	         "  -t, --template T   a template file, or the name of one in the case folder's\n"
	         "                     templates/ or in the built-in templates\n"
	         "  -o, --output PATH  a folder: one PDF per row; a file: one PDF with all rows\n"
	         "                     (default: standard output)\n"
	         "      --one-file     put every row's document into the one file -o names\n"
	         "      --name-by COL  name each file in the folder after column COL\n"
	         "                     (default reg_id when there is one, else the row number)\n"
	         "      --digital      to be signed digitally (dlg-sign): the signature and seal\n"
	         "                     images of dlg.conf in the signer's block, each with an\n"
	         "                     empty signature field\n"
	         "      --table NAME=CSV  rows of CSV for the template's ```table NAME block\n"
	         "  -C DIR             use the case folder DIR\n"
	         "      --from ENC     the CSV's encoding when not UTF-8 (e.g. cp1258)\n"
	         "      --today DATE   take DATE (YYYY-MM-DD) as today\n"
	         "  -h, --help         show this help and exit\n"
	         "      --version      show the version and exit\n"),
	       dlg_progname());
}

enum { OPT_ONE = 256, OPT_NAME_BY, OPT_TABLE, OPT_DIGITAL };

static bool is_dir(const char *path)
{
	struct stat st;
	size_t n = strlen(path);
	return (n && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* The command line into o; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, dlg_merge_opts *o)
{
	static const struct option longopts[] = {
	    {"template", required_argument, NULL, 't'},
	    {"output", required_argument, NULL, 'o'},
	    {"one-file", no_argument, NULL, OPT_ONE},
	    {"name-by", required_argument, NULL, OPT_NAME_BY},
	    {"table", required_argument, NULL, OPT_TABLE},
	    {"digital", no_argument, NULL, OPT_DIGITAL},
	    DLG_OPTION_FROM,
	    DLG_OPTION_TODAY,
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	bool one = false;
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "t:o:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			o->tmpl = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case OPT_ONE:
			one = true;
			break;
		case OPT_NAME_BY:
			o->name_by = optarg;
			break;
		case OPT_DIGITAL:
			o->digital = true;
			break;
		case OPT_TABLE:
			if (o->ntables == DLG_MERGE_MAX_TABLES)
				dlg_usage_error(_("at most %d --table options"),
				                DLG_MERGE_MAX_TABLES);
			if (!strchr(optarg, '=') || *optarg == '=')
				dlg_usage_error(_("--table wants NAME=CSV, not \"%s\""), optarg);
			o->table[o->ntables++] = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	*dir = common.dir;
	o->today = common.today;
	o->from = common.from;
	if (!o->tmpl)
		dlg_usage_error(_("no template; give one with -t"));
	if (argc - optind > 1)
		dlg_usage_error(_("one CSV file at most"));
	o->csv = optind < argc ? argv[optind] : NULL;
	o->to_dir = o->out && is_dir(o->out);
	if (one && o->to_dir)
		dlg_usage_error(_("--one-file needs -o FILE, and %s is a folder"), o->out);
	if (o->to_dir && !o->csv)
		dlg_usage_error(_("-o %s is a folder: give a CSV file with one row per document"),
		                o->out);
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	const char *dir = NULL;
	dlg_merge_opts o = {0};
	parse_args(argc, argv, &dir, &o);
	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	int status = dlg_merge_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
