// The ICU floor for benchmarks: convert, NFC-normalize and word-break, nothing else.
#include "tandem_shim.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

struct tandem_floor {
    const UNormalizer2 *nfc;
    UBreakIterator *words;
    UChar *source;
    UChar *normalized;
    int32_t capacity;
};

tandem_floor *tandem_floor_open(int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    tandem_floor *floor = (tandem_floor *)calloc(1, sizeof(tandem_floor));
    floor->nfc = unorm2_getNFCInstance(&error);
    floor->words = ubrk_open(UBRK_WORD, "vi", NULL, 0, &error);
    if (status) *status = (int32_t)error;
    if (U_FAILURE(error)) {
        tandem_floor_close(floor);
        return NULL;
    }
    return floor;
}

void tandem_floor_close(tandem_floor *floor) {
    if (!floor) return;
    if (floor->words) ubrk_close(floor->words);
    free(floor->source);
    free(floor->normalized);
    free(floor);
}

int32_t tandem_floor_run(tandem_floor *floor, const uint8_t *text, int32_t length) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = length * 2 + 16;
    if (needed > floor->capacity) {
        floor->capacity = needed;
        floor->source = (UChar *)realloc(floor->source, sizeof(UChar) * (size_t)needed);
        floor->normalized = (UChar *)realloc(floor->normalized, sizeof(UChar) * (size_t)needed);
    }
    int32_t sourceLength = 0;
    u_strFromUTF8(floor->source, floor->capacity, &sourceLength, (const char *)text, length, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    int32_t normalizedLength =
        unorm2_normalize(floor->nfc, floor->source, sourceLength, floor->normalized, floor->capacity, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    ubrk_setText(floor->words, floor->normalized, normalizedLength, &error);
    if (U_FAILURE(error)) return -(int32_t)error;
    int32_t count = 0;
    for (int32_t offset = ubrk_first(floor->words); offset != UBRK_DONE; offset = ubrk_next(floor->words)) count++;
    return count;
}
