// Sentence boundaries with ICU's break iterator. The UTF-8 text is converted to UTF-16
// first (one fast pass): ICU's rule engine over a UTF-16 buffer runs several times faster
// than over a UTF-8 UText. Boundaries are mapped back to UTF-8 offsets in one forward walk.
#include "tandem_shim.h"

#include <stdlib.h>
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

int32_t tandem_sentence_breaks(tandem_sentence_breaker *breaker, const uint8_t *text, int32_t length,
                               const int32_t **boundaries) {
    UErrorCode error = U_ZERO_ERROR;
    // UTF-16 never needs more code units than UTF-8 has bytes.
    if (breaker->utf16Capacity < length + 1) {
        breaker->utf16Capacity = length + 1 > 1024 ? length + 1 : 1024;
        free(breaker->utf16);
        breaker->utf16 = (UChar *)malloc(sizeof(UChar) * (size_t)breaker->utf16Capacity);
        if (!breaker->utf16) {
            breaker->utf16Capacity = 0;
            return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
        }
    }
    int32_t units = 0;
    u_strFromUTF8(breaker->utf16, breaker->utf16Capacity, &units, (const char *)text, length, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    ubrk_setText(breaker->iterator, breaker->utf16, units, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    int32_t count = 0;
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
        if (count == breaker->capacity) {
            breaker->capacity = breaker->capacity ? breaker->capacity * 2 : 256;
            breaker->boundaries = (int32_t *)realloc(breaker->boundaries, sizeof(int32_t) * (size_t)breaker->capacity);
        }
        breaker->boundaries[count++] = byte;
    }
    *boundaries = breaker->boundaries;
    return count;
}
