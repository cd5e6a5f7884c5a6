/* Postal addresses for envelopes and labels: what people wrote completed
 * with the commune and the province of dlg.conf ([office] commune,
 * province), so that a letter addressed "Thôn Hạ" reaches Thôn Hạ of this
 * commune. */
#ifndef DLG_CASE_POSTAL_H
#define DLG_CASE_POSTAL_H

#include "fmt/conf.h"

/* The address to print: address (else village) completed as follows. An
 * address naming the commune gets the province when it lacks it; an address
 * naming another place (its province, or a xã, phường, thị trấn, huyện,
 * quận, tỉnh or thành phố of its own) is left as written; any other (a
 * village, a house number and street) is in this commune and gets ", xã
 * ..., <province>". An empty province adds nothing. malloc'd; "" when both
 * address and village are empty. */
char *dlg_postal_complete(const dlg_conf *conf, const char *address, const char *village);

#endif
