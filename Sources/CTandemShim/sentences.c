// Sentence boundaries with ICU's break iterator over UTF-8 text (no UTF-16 copy).
#include "tandem_shim.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct tandem_sentence_breaker {
    UBreakIterator *iterator;
    UText *text;
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
    free(breaker->boundaries);
    free(breaker);
}

int32_t tandem_sentence_breaks(tandem_sentence_breaker *breaker, const uint8_t *text, int32_t length,
                               const int32_t **boundaries) {
    UErrorCode error = U_ZERO_ERROR;
    breaker->text = utext_openUTF8(breaker->text, (const char *)text, length, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    ubrk_setUText(breaker->iterator, breaker->text, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    int32_t count = 0;
    for (int32_t offset = ubrk_first(breaker->iterator); offset != UBRK_DONE;
         offset = ubrk_next(breaker->iterator)) {
        if (count == breaker->capacity) {
            breaker->capacity = breaker->capacity ? breaker->capacity * 2 : 256;
            breaker->boundaries = (int32_t *)realloc(breaker->boundaries, sizeof(int32_t) * (size_t)breaker->capacity);
        }
        breaker->boundaries[count++] = offset;
    }
    *boundaries = breaker->boundaries;
    return count;
}
