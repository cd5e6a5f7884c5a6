/* Column headers as people write them: which of the register's fields a
 * header names, after folding away case, diacritics, punctuation, numbering
 * ("1.", "a)", "II.", "Câu 3:") and text in brackets ("(nếu có)"). */
#ifndef DLG_FMT_HEADER_H
#define DLG_FMT_HEADER_H

#include <stdbool.h>
#include <stddef.h>

/* The folded form of a header used for matching: dlg_text_fold of the
 * header without its bracketed text and leading numbering ("1. Về thủ tục
 * hành chính (chất lượng…)" → "ve thu tuc hanh chinh"). malloc'd. */
char *dlg_header_fold(const char *header);

/* The canonical field name ("name", "phone", "topic_procedure", ...) a
 * header names, or NULL when it names none: the English name itself, a
 * known wording (exact after folding), else a field whose key words the
 * header contains ("Số điện thoại liên hệ" → "phone"). Static string. */
const char *dlg_header_field(const char *header);

/* The field a header names by one of the long-known wordings only (exact
 * after folding, no key words, none of the short ones that mean a field
 * only on a form, like "Tên"), or NULL: what every command's CSV reader
 * uses. */
const char *dlg_header_known(const char *header);

/* Headers a user mapped to fields (--map 'Header=field', the [intake]
 * section of dlg.conf), matched after folding. */
typedef struct dlg_header_map dlg_header_map;

dlg_header_map *dlg_header_map_new(void);
void dlg_header_map_free(dlg_header_map *m);

/* Add "header" → field (field "" or "-": a column that is no form field,
 * kept as it is without a warning). The strings are copied. A later entry
 * for the same folded header replaces an earlier one. */
void dlg_header_map_add(dlg_header_map *m, const char *header, const char *field);

/* The field mapped for header: true and *field set ("" for a column mapped
 * to no field), false when the map does not name it. */
bool dlg_header_map_find(const dlg_header_map *m, const char *header, const char **field);

#endif
