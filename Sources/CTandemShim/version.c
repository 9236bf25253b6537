// Versions of the linked libraries, and the shared free function.
#include "tandem_shim.h"

#include <stdlib.h>
#include <unicode/uversion.h>
#include <libxml/globals.h>
#include <libxml/xmlversion.h>

const char *tandem_icu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, buffer);
    return buffer;
}

const char *tandem_libxml2_version(void) { return xmlParserVersion; }

void tandem_free(void *pointer) { free(pointer); }
