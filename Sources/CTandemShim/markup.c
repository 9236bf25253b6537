// Visible text and metadata from HTML and XML with libxml2: no network, no entity
// expansion, boilerplate (script, style, nav, header, footer, aside …) dropped.
#include "tandem_shim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// Refuses every external entity, DTD or XInclude load, whatever the parse options say.
static xmlParserInputPtr refuse_external_load(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url;
    (void)id;
    (void)context;
    return NULL;
}

void tandem_markup_init(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external_load);
}

// MARK: Growing string buffer

typedef struct {
    char *bytes;
    int32_t length;
    int32_t capacity;
} buffer;

static void buffer_append(buffer *b, const char *bytes, int32_t length) {
    if (b->length + length + 1 > b->capacity) {
        b->capacity = (b->length + length + 1) * 2;
        b->bytes = (char *)realloc(b->bytes, (size_t)b->capacity);
    }
    memcpy(b->bytes + b->length, bytes, (size_t)length);
    b->length += length;
    b->bytes[b->length] = 0;
}

/// Appends text with whitespace runs collapsed to one space; no space at a line start.
static void append_collapsed(buffer *b, const char *text) {
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (b->length == 0) continue;
            char last = b->bytes[b->length - 1];
            if (last == ' ' || last == '\n') continue;
            buffer_append(b, " ", 1);
        } else {
            buffer_append(b, p, 1);
        }
    }
}

/// Ends the current block: trims a trailing space and adds up to `newlines` line breaks.
static void break_block(buffer *b, int newlines) {
    while (b->length > 0 && b->bytes[b->length - 1] == ' ') b->bytes[--b->length] = 0;
    if (b->length == 0) return;
    int have = 0;
    for (int32_t k = b->length - 1; k >= 0 && b->bytes[k] == '\n'; k--) have++;
    while (have++ < newlines) buffer_append(b, "\n", 1);
}

// MARK: Walking the tree

typedef struct {
    buffer text;
    buffer warnings;
    char *language;
    char *published;
    const char *publishedSource;
    int publishedRank;  // 3 meta, 2 json-ld, 1 time
    int isXML;
    int entityReferences;
} walk_state;

static int name_is(const xmlNode *node, const char *name) {
    return node->name && xmlStrcasecmp(node->name, (const xmlChar *)name) == 0;
}

static int name_in(const xmlNode *node, const char *const *names) {
    for (int k = 0; names[k]; k++)
        if (name_is(node, names[k])) return 1;
    return 0;
}

static const char *const skipped_html[] = {"script", "style", "noscript", "template", "nav", "header", "footer",
                                           "aside", "form", "iframe", "svg", "button", "select", "head",
                                           "object", "canvas", "menu", NULL};
static const char *const block_html[] = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                                         "article", "blockquote", "pre", "ul", "ol", "table", "figure",
                                         "figcaption", "dd", "dt", "dl", "main", "hr", "title", "address",
                                         "caption", "td", "th", "body", NULL};

static void offer_date(walk_state *s, const char *value, const char *source, int rank) {
    if (!value || !*value || rank <= s->publishedRank) return;
    free(s->published);
    s->published = strdup(value);
    s->publishedSource = source;
    s->publishedRank = rank;
}

/// Finds `"datePublished": "…"` in a JSON-LD script without a JSON parser.
static void scan_json_ld(walk_state *s, const char *json) {
    const char *key = strstr(json, "\"datePublished\"");
    if (!key) return;
    const char *p = key + strlen("\"datePublished\"");
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p++ != ':') return;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p++ != '"') return;
    const char *end = strchr(p, '"');
    if (!end || end - p > 64) return;
    char value[65];
    memcpy(value, p, (size_t)(end - p));
    value[end - p] = 0;
    offer_date(s, value, "json-ld", 2);
}

static void read_metadata(walk_state *s, xmlNode *node) {
    if (name_is(node, "meta")) {
        xmlChar *property = xmlGetProp(node, (const xmlChar *)"property");
        xmlChar *itemprop = xmlGetProp(node, (const xmlChar *)"itemprop");
        xmlChar *content = xmlGetProp(node, (const xmlChar *)"content");
        if (content && ((property && xmlStrcasecmp(property, (const xmlChar *)"article:published_time") == 0) ||
                        (itemprop && xmlStrcasecmp(itemprop, (const xmlChar *)"datePublished") == 0)))
            offer_date(s, (const char *)content, "meta", 3);
        xmlFree(property);
        xmlFree(itemprop);
        xmlFree(content);
    } else if (name_is(node, "script")) {
        xmlChar *type = xmlGetProp(node, (const xmlChar *)"type");
        if (type && xmlStrcasecmp(type, (const xmlChar *)"application/ld+json") == 0) {
            xmlChar *json = xmlNodeGetContent(node);
            if (json) scan_json_ld(s, (const char *)json);
            xmlFree(json);
        }
        xmlFree(type);
    } else if (name_is(node, "time")) {
        xmlChar *datetime = xmlGetProp(node, (const xmlChar *)"datetime");
        if (datetime) offer_date(s, (const char *)datetime, "time", 1);
        xmlFree(datetime);
    }
}

static int has_visible_text(const xmlNode *node) {
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = child->content; p && *p; p++)
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return 1;
        }
    }
    return 0;
}

static int is_hidden(xmlNode *node) {
    if (xmlHasProp(node, (const xmlChar *)"hidden")) return 1;
    xmlChar *aria = xmlGetProp(node, (const xmlChar *)"aria-hidden");
    int hidden = aria && xmlStrcasecmp(aria, (const xmlChar *)"true") == 0;
    xmlFree(aria);
    return hidden;
}

static void walk(walk_state *s, xmlNode *first, int parentIsContainer) {
    for (xmlNode *node = first; node; node = node->next) {
        switch (node->type) {
        case XML_ELEMENT_NODE: {
            if (!s->isXML) {
                read_metadata(s, node);
                if (name_is(node, "br")) {
                    break_block(&s->text, 1);
                    continue;
                }
                if (name_in(node, skipped_html) || is_hidden(node)) {
                    if (name_is(node, "head")) {
                        for (xmlNode *child = node->children; child; child = child->next)
                            if (child->type == XML_ELEMENT_NODE) read_metadata(s, child);
                    }
                    continue;
                }
                int block = name_in(node, block_html);
                if (block) break_block(&s->text, 2);
                walk(s, node->children, 0);
                if (block) break_block(&s->text, 2);
            } else {
                int container = !has_visible_text(node);
                walk(s, node->children, container);
                if (parentIsContainer) break_block(&s->text, 2);
            }
            break;
        }
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (node->content) append_collapsed(&s->text, (const char *)node->content);
            break;
        case XML_ENTITY_REF_NODE:
            s->entityReferences++;  // never expanded
            break;
        default:
            break;
        }
    }
}

// MARK: Errors

typedef struct {
    int errors;
    int fatal;
    char first[256];
} error_log;

static void collect_error(void *context, xmlErrorPtr error) {
    error_log *log = (error_log *)context;
    if (!error) return;
    // HTML5 element names unknown to libxml2's HTML 4 parser are not errors in the document.
    if (error->domain == XML_FROM_HTML && error->code == XML_HTML_UNKNOWN_TAG) return;
    log->errors++;
    if (error->level == XML_ERR_FATAL) log->fatal++;
    if (log->first[0] == 0 && error->message) {
        snprintf(log->first, sizeof log->first, "line %d: %s", error->line, error->message);
        size_t n = strlen(log->first);
        while (n > 0 && (log->first[n - 1] == '\n' || log->first[n - 1] == ' ')) log->first[--n] = 0;
    }
}

static char *take(buffer *b) {
    if (b->length == 0) {
        free(b->bytes);
        return NULL;
    }
    return b->bytes;
}

static void warn(walk_state *s, const char *message) {
    if (s->warnings.length) buffer_append(&s->warnings, "\n", 1);
    buffer_append(&s->warnings, message, (int32_t)strlen(message));
}

void tandem_markup_extract(const uint8_t *bytes, int32_t length, int32_t isXML, tandem_markup *result) {
    memset(result, 0, sizeof *result);
    error_log log = {0};
    xmlSetStructuredErrorFunc(&log, collect_error);
    xmlDocPtr doc;
    if (isXML) {
        doc = xmlReadMemory((const char *)bytes, length, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOCDATA);
    } else {
        doc = htmlReadMemory((const char *)bytes, length, NULL, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    }
    xmlSetStructuredErrorFunc(NULL, NULL);
    char message[400];
    if (!doc || (isXML && log.fatal)) {
        snprintf(message, sizeof message, "%s could not be parsed: %s", isXML ? "XML" : "HTML",
                 log.first[0] ? log.first : "no document element");
        result->error = strdup(message);
        if (doc) xmlFreeDoc(doc);
        return;
    }
    walk_state s = {0};
    s.isXML = isXML;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root) {
        xmlChar *lang = xmlGetProp(root, (const xmlChar *)"lang");
        if (!lang) lang = xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
        if (lang) {
            result->language = strdup((const char *)lang);
            xmlFree(lang);
        }
        walk(&s, root, 1);
    }
    while (s.text.length > 0 && (s.text.bytes[s.text.length - 1] == '\n' || s.text.bytes[s.text.length - 1] == ' '))
        s.text.bytes[--s.text.length] = 0;
    if (doc->intSubset && doc->intSubset->entities) {
        warn(&s, "the document declares entities; they were not expanded");
    }
    if (s.entityReferences) {
        snprintf(message, sizeof message, "%d entity reference(s) left unexpanded", s.entityReferences);
        warn(&s, message);
    }
    if (!isXML && log.errors) {
        snprintf(message, sizeof message, "malformed HTML recovered by the parser (%d error(s), first at %s)",
                 log.errors, log.first);
        warn(&s, message);
    }
    xmlFreeDoc(doc);
    if (!s.text.bytes) buffer_append(&s.text, "", 0);
    result->text = s.text.bytes;
    result->textLength = s.text.length;
    result->publishedTime = s.published;
    result->publishedSource = s.publishedSource ? strdup(s.publishedSource) : NULL;
    result->warnings = take(&s.warnings);
}

void tandem_markup_free(tandem_markup *result) {
    free(result->text);
    free(result->language);
    free(result->publishedTime);
    free(result->publishedSource);
    free(result->warnings);
    free(result->error);
    memset(result, 0, sizeof *result);
}
