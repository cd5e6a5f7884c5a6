/* dlg-sign: sign documents dlg made with a digital signature (PAdES) from
 * a USB token (PKCS#11) or a certificate file (PKCS#12), as Decree 30
 * Appendix I describes (issue 17). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmdline.h"
#include "base/diag.h"
#include "case/folder.h"
#include "step/sign.h"

static void usage(void)
{
	printf(_("Usage: %s [OPTION]... PDF...\n"
	         "Sign each PDF digitally (PAdES, ETSI EN 319 142-1 baseline B) as Decree 30\n"
	         "Appendix I describes. A document made with --digital has an empty signature\n"
	         "field over the signer's signature image and one over the office's seal: the\n"
	         "signer's signature fills the first, the office's (the records clerk's) the\n"
	         "second. An attachment sent as a separate file takes the office's signature\n"
	         "at the top right of its first page, showing its number and the signing\n"
	         "time. Each file is replaced by its signed copy; the signing time is recorded\n"
	         "in the outgoing register with the number.\n"
	         "\n"
	         "      --as ROLE        office (the default) or signer\n"
	         "      --pkcs11 MODULE  the token's PKCS#11 module (default [sign] ROLE_pkcs11)\n"
	         "      --token LABEL    the token's label (default [sign] ROLE_token; else\n"
	         "                       the first token plugged in)\n"
	         "      --key LABEL      the certificate's label on the token (default [sign]\n"
	         "                       ROLE_key; else the first with its private key)\n"
	         "      --pkcs12 FILE    a certificate file (.p12, .pfx) instead of a token\n"
	         "      --pin-file FILE  the PIN (or the file's password) on its first line\n"
	         "                       (default: $DLG_OFFICE_PIN or $DLG_SIGNER_PIN, else\n"
	         "                       asked on the terminal)\n"
	         "      --attachment     an attachment: the office's signature at the top\n"
	         "                       right of the first page, no image\n"
	         "      --number SYMBOL  the document's number and symbol (\"05/BC-UBND\"):\n"
	         "                       shown on an attachment, and where the register\n"
	         "                       records the signing time\n"
	         "  -o, --output FILE    with one PDF: write the signed copy to FILE\n"
	         "  -C DIR               use the case folder DIR\n"
	         "  -h, --help           show this help and exit\n"
	         "      --version        show the version and exit\n"),
	       dlg_progname());
}

enum {
	OPT_AS = 256,
	OPT_PKCS11,
	OPT_TOKEN,
	OPT_KEY,
	OPT_PKCS12,
	OPT_PIN_FILE,
	OPT_ATTACHMENT,
	OPT_NUMBER,
};

/* The command line into o; usage errors exit 2. */
static void parse_args(int argc, char **argv, const char **dir, dlg_sign_opts *o)
{
	static const struct option longopts[] = {
	    {"as", required_argument, NULL, OPT_AS},
	    {"pkcs11", required_argument, NULL, OPT_PKCS11},
	    {"token", required_argument, NULL, OPT_TOKEN},
	    {"key", required_argument, NULL, OPT_KEY},
	    {"pkcs12", required_argument, NULL, OPT_PKCS12},
	    {"pin-file", required_argument, NULL, OPT_PIN_FILE},
	    {"attachment", no_argument, NULL, OPT_ATTACHMENT},
	    {"number", required_argument, NULL, OPT_NUMBER},
	    {"output", required_argument, NULL, 'o'},
	    DLG_OPTION_HELP,
	    DLG_OPTION_VERSION,
	    {NULL, 0, NULL, 0},
	};
	dlg_common_opts common = {0};
	int c;
	while ((c = getopt_long(argc, argv, "o:C:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_AS:
			if (strcmp(optarg, "office") && strcmp(optarg, "signer"))
				dlg_usage_error(_("--as takes office or signer, not \"%s\""),
				                optarg);
			o->key.role = optarg;
			break;
		case OPT_PKCS11:
			o->key.pkcs11 = optarg;
			break;
		case OPT_TOKEN:
			o->key.token = optarg;
			break;
		case OPT_KEY:
			o->key.key = optarg;
			break;
		case OPT_PKCS12:
			o->key.pkcs12 = optarg;
			break;
		case OPT_PIN_FILE:
			o->key.pin_file = optarg;
			break;
		case OPT_ATTACHMENT:
			o->attachment = true;
			break;
		case OPT_NUMBER:
			o->number = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		default:
			dlg_common_option(c, &common, usage);
		}
	}
	*dir = common.dir;
	o->files = argv + optind;
	o->nfiles = (size_t)(argc - optind);
	if (!o->nfiles)
		dlg_usage_error(_("which PDF? give the files to sign"));
	if (o->output && o->nfiles > 1)
		dlg_usage_error(_("-o writes one signed copy: give one PDF"));
	if (o->number && o->nfiles > 1)
		dlg_usage_error(_("--number is one document's: give one PDF"));
	if (o->attachment && !o->number)
		dlg_usage_error(_("an attachment shows its number: give --number SYMBOL"));
	if (o->attachment && o->key.role && strcmp(o->key.role, "office"))
		dlg_usage_error(_("an attachment takes the office's signature (--as office)"));
}

int main(int argc, char **argv)
{
	dlg_diag_init(argv[0]);
	const char *dir = NULL;
	dlg_sign_opts o = {0};
	parse_args(argc, argv, &dir, &o);
	dlg_case cs;
	if (!dlg_case_open(&cs, dir))
		return DLG_EXIT_ERROR;
	int status = dlg_sign_run(&cs, &o);
	dlg_case_close(&cs);
	return status;
}
