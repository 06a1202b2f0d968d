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
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#endif
