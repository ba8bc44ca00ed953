#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <string.h>
#include <libxml/xmlversion.h>
/* libxml2 built with ICU includes <unicode/ucnv.h> from encoding.h; modules that also import
   Foundation (which bundles its own ICU) then see two different definitions of ICU's types.
   Nothing here uses the ICU-specific members of xmlCharEncodingHandler, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/dict.h>
#include <libxml/xmlerror.h>
#endif
