#ifndef GYOSEI_CLIBXML2_SHIM_H
#define GYOSEI_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and its encoding.h then includes the system's
 * <unicode/ucnv.h>. Swift's Foundation carries its own, newer ICU (_FoundationICU), and the two
 * definitions of UErrorCode clash in a clean build. gyosei never touches ICU through libxml2:
 * undefining LIBXML_ICU_ENABLED after xmlversion.h keeps the system ICU headers out. The only
 * layout it changes is the tail of xmlCharEncodingHandler (two ICU converter pointers), a struct
 * gyosei neither allocates nor reads. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlreader.h>

#include <stddef.h>
#include <string.h>

/* The 1-based line of a <!DOCTYPE before the root element, or 0 when there is none.
 * gyosei refuses documents that declare one before libxml2 parses anything, so no entity is
 * ever declared, let alone expanded. `text` is UTF-8 (a BOM is skipped). */
static inline int gyosei_doctype_line(const unsigned char *text, size_t count) {
  size_t index = (count >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF) ? 3 : 0;
  int line = 1;
  while (index < count) {
    unsigned char byte = text[index];
    if (byte == '\n') { line += 1; index += 1; continue; }
    if (byte == ' ' || byte == '\t' || byte == '\r') { index += 1; continue; }
    if (byte != '<') return 0;
    const char *terminator;
    if (count - index >= 2 && memcmp(text + index, "<?", 2) == 0) {
      terminator = "?>";
    } else if (count - index >= 4 && memcmp(text + index, "<!--", 4) == 0) {
      terminator = "-->";
    } else if (count - index >= 9 && memcmp(text + index, "<!DOCTYPE", 9) == 0) {
      return line;
    } else {
      return 0;
    }
    size_t length = strlen(terminator);
    while (index < count && !(count - index >= length && memcmp(text + index, terminator, length) == 0)) {
      if (text[index] == '\n') line += 1;
      index += 1;
    }
    index += length;
  }
  return 0;
}

#endif
