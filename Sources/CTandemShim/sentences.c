// Sentence boundaries with ICU's break iterator. The UTF-8 text is converted to UTF-16
// first (one fast pass): ICU's rule engine over a UTF-16 buffer runs several times faster
// than over a UTF-8 UText. Boundaries are mapped back to UTF-8 offsets in one forward walk.
// ICU breaks after every line break and never looks across one, so each paragraph is
// broken on its own, and a paragraph that cannot hold a boundary before its end (no
// terminator but the closing one) is not given to ICU at all.
#include "tandem_shim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

struct tandem_sentence_breaker {
    UBreakIterator *iterator;
    UText *text;
    UChar *utf16;
    int32_t utf16Capacity;
    int32_t *boundaries;
    int32_t capacity;
};

tandem_sentence_breaker *tandem_sentence_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        if (status) *status = (int32_t)error;
        return NULL;
    }
    tandem_sentence_breaker *breaker = (tandem_sentence_breaker *)calloc(1, sizeof(tandem_sentence_breaker));
    breaker->iterator = iterator;
    if (status) *status = 0;
    return breaker;
}

void tandem_sentence_breaker_close(tandem_sentence_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker->utf16);
    free(breaker->boundaries);
    free(breaker);
}

static int push_boundary(tandem_sentence_breaker *breaker, int32_t *count, int32_t offset) {
    if (*count == breaker->capacity) {
        int32_t capacity = breaker->capacity ? breaker->capacity * 2 : 256;
        int32_t *grown = (int32_t *)realloc(breaker->boundaries, sizeof(int32_t) * (size_t)capacity);
        if (!grown) return 0;
        breaker->boundaries = grown;
        breaker->capacity = capacity;
    }
    breaker->boundaries[(*count)++] = offset;
    return 1;
}

/// ICU's boundaries in `text[0, length)`, shifted by `base`, appended after `*count` (the
/// first boundary, 0, is left out when `skipFirst`).
static int32_t icu_breaks(tandem_sentence_breaker *breaker, const uint8_t *text, int32_t length, int32_t base,
                          int skipFirst, int32_t *count) {
    UErrorCode error = U_ZERO_ERROR;
    // UTF-16 never needs more code units than UTF-8 has bytes.
    if (breaker->utf16Capacity < length + 1) {
        int32_t capacity = length + 1 > 1024 ? length + 1 : 1024;
        UChar *grown = (UChar *)malloc(sizeof(UChar) * (size_t)capacity);
        if (!grown) return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
        free(breaker->utf16);
        breaker->utf16 = grown;
        breaker->utf16Capacity = capacity;
    }
    int32_t units = 0;
    u_strFromUTF8(breaker->utf16, breaker->utf16Capacity, &units, (const char *)text, length, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    ubrk_setText(breaker->iterator, breaker->utf16, units, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    // Walk the UTF-8 text alongside: `byte` is the UTF-8 offset of UTF-16 offset `unit`.
    int32_t unit = 0;
    int32_t byte = 0;
    for (int32_t offset = ubrk_first(breaker->iterator); offset != UBRK_DONE;
         offset = ubrk_next(breaker->iterator)) {
        while (unit < offset && byte < length) {
            uint8_t lead = text[byte];
            int32_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            byte += bytes;
            unit += bytes == 4 ? 2 : 1;
        }
        if (skipFirst && offset == 0) continue;
        if (!push_boundary(breaker, count, base + byte)) return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
    }
    return 0;
}

int32_t tandem_sentence_breaks_whole(tandem_sentence_breaker *breaker, const uint8_t *text, int32_t length,
                                     const int32_t **boundaries) {
    int32_t count = 0;
    int32_t status = icu_breaks(breaker, text, length, 0, 0, &count);
    if (status < 0) return status;
    *boundaries = breaker->boundaries;
    return count;
}

static int is_close(uint8_t byte) {
    return byte == ' ' || byte == '\t' || byte == '"' || byte == '\'' || byte == ')' || byte == ']' || byte == '}';
}

static int is_alnum(uint8_t byte) {
    return (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
}

/// Whether ICU could break inside `line` (a paragraph without its line break): a `!` or `?`
/// before the closing run, a `.` not glued to a letter or digit (4.500 and U.S.A never break;
/// 1.B may), or a character outside ASCII and Vietnamese that might be a terminator. A line
/// whose only terminators close it is one sentence.
static int line_may_break_inside(const uint8_t *line, int32_t length) {
    int32_t end = length;
    while (end > 0 && is_close(line[end - 1])) end--;
    while (end > 0 && (line[end - 1] == '.' || line[end - 1] == '!' || line[end - 1] == '?')) end--;
    for (int32_t i = 0; i < end; i++) {
        uint8_t byte = line[i];
        if (byte < 0x80) {
            if (byte == '!' || byte == '?') return 1;
            if (byte == '.') {
                uint8_t next = i + 1 < length ? line[i + 1] : ' ';
                if (!is_alnum(next)) return 1;
                if (i > 0 && line[i - 1] >= '0' && line[i - 1] <= '9' && next >= 'A' && next <= 'Z') return 1;
            }
            continue;
        }
        // Latin letters (C3-C6 leads) and Vietnamese letters (E1 B8-BB) hold no terminator;
        // anything else goes to ICU.
        if (byte >= 0xC3 && byte <= 0xC6) {
            i += 1;
            continue;
        }
        if (byte >= 0x80 && byte < 0xC0) continue;
        if (byte == 0xE1 && i + 1 < length && line[i + 1] >= 0xB8 && line[i + 1] <= 0xBB) {
            i += 2;
            continue;
        }
        return 1;
    }
    return 0;
}

int32_t tandem_sentence_breaks(tandem_sentence_breaker *breaker, const uint8_t *text, int32_t length,
                               const int32_t **boundaries) {
    // A carriage return (CR LF is one break for ICU) takes the whole-text path.
    if (memchr(text, '\r', (size_t)length)) return tandem_sentence_breaks_whole(breaker, text, length, boundaries);
    int32_t count = 0;
    if (!push_boundary(breaker, &count, 0)) return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
    int32_t lineStart = 0;
    while (lineStart < length) {
        const uint8_t *newline = (const uint8_t *)memchr(text + lineStart, '\n', (size_t)(length - lineStart));
        int32_t lineEnd = newline ? (int32_t)(newline - text) : length;
        // ICU breaks after every line break (a paragraph separator), and never looks past one.
        int32_t next = newline ? lineEnd + 1 : length;
        if (line_may_break_inside(text + lineStart, lineEnd - lineStart)) {
            int32_t status = icu_breaks(breaker, text + lineStart, next - lineStart, lineStart, 1, &count);
            if (status < 0) return status;
        } else if (!push_boundary(breaker, &count, next)) {
            return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
        }
        lineStart = next;
    }
    *boundaries = breaker->boundaries;
    return count;
}
