// TMX 1.4b output through libxml2's xmlTextWriter, so every text is escaped correctly.
#include "tandem_shim.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/xmlwriter.h>

struct tandem_tmx {
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
    int failed;
};

static void check(tandem_tmx *tmx, int rc) {
    if (rc < 0) tmx->failed = 1;
}

tandem_tmx *tandem_tmx_open(const char *creationTool, const char *creationToolVersion, const char *sourceLanguage,
                            const char *adminLanguage, const char *creationDate) {
    tandem_tmx *tmx = (tandem_tmx *)calloc(1, sizeof(tandem_tmx));
    tmx->buffer = xmlBufferCreate();
    tmx->writer = xmlNewTextWriterMemory(tmx->buffer, 0);
    xmlTextWriterSetIndent(tmx->writer, 1);
    check(tmx, xmlTextWriterStartDocument(tmx->writer, "1.0", "UTF-8", NULL));
    check(tmx, xmlTextWriterStartElement(tmx->writer, BAD_CAST "tmx"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "version", BAD_CAST "1.4"));
    check(tmx, xmlTextWriterStartElement(tmx->writer, BAD_CAST "header"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "creationtool", BAD_CAST creationTool));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "creationtoolversion", BAD_CAST creationToolVersion));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "segtype", BAD_CAST "sentence"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "o-tmf", BAD_CAST "tandem-jsonl"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "adminlang", BAD_CAST adminLanguage));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "srclang", BAD_CAST sourceLanguage));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "datatype", BAD_CAST "plaintext"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "o-encoding", BAD_CAST "UTF-8"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "creationdate", BAD_CAST creationDate));
    check(tmx, xmlTextWriterEndElement(tmx->writer));
    check(tmx, xmlTextWriterStartElement(tmx->writer, BAD_CAST "body"));
    return tmx;
}

int32_t tandem_tmx_begin_unit(tandem_tmx *tmx, const char *unitID) {
    check(tmx, xmlTextWriterStartElement(tmx->writer, BAD_CAST "tu"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "tuid", BAD_CAST unitID));
    return tmx->failed ? -1 : 0;
}

int32_t tandem_tmx_prop(tandem_tmx *tmx, const char *type, const char *value) {
    check(tmx, xmlTextWriterStartElement(tmx->writer, BAD_CAST "prop"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "type", BAD_CAST type));
    check(tmx, xmlTextWriterWriteString(tmx->writer, BAD_CAST value));
    check(tmx, xmlTextWriterEndElement(tmx->writer));
    return tmx->failed ? -1 : 0;
}

int32_t tandem_tmx_variant(tandem_tmx *tmx, const char *language, const char *segment) {
    check(tmx, xmlTextWriterStartElement(tmx->writer, BAD_CAST "tuv"));
    check(tmx, xmlTextWriterWriteAttribute(tmx->writer, BAD_CAST "xml:lang", BAD_CAST language));
    check(tmx, xmlTextWriterWriteElement(tmx->writer, BAD_CAST "seg", BAD_CAST segment));
    check(tmx, xmlTextWriterEndElement(tmx->writer));
    return tmx->failed ? -1 : 0;
}

int32_t tandem_tmx_end_unit(tandem_tmx *tmx) {
    check(tmx, xmlTextWriterEndElement(tmx->writer));
    return tmx->failed ? -1 : 0;
}

int32_t tandem_tmx_finish(tandem_tmx *tmx, uint8_t **output) {
    check(tmx, xmlTextWriterEndDocument(tmx->writer));
    xmlFreeTextWriter(tmx->writer);
    int32_t length = -1;
    *output = NULL;
    if (!tmx->failed) {
        length = (int32_t)xmlBufferLength(tmx->buffer);
        *output = (uint8_t *)malloc((size_t)length + 1);
        memcpy(*output, xmlBufferContent(tmx->buffer), (size_t)length);
        (*output)[length] = 0;
    }
    xmlBufferFree(tmx->buffer);
    free(tmx);
    return length;
}
