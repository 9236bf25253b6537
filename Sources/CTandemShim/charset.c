// Charset detection and conversion with ICU (ucsdet, ucnv).
#include "tandem_shim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

int32_t tandem_charset_detect(const uint8_t *bytes, int32_t length, char *name, int32_t nameCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -(int32_t)status;
    ucsdet_setText(detector, (const char *)bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    if (U_FAILURE(status) || match == NULL) {
        ucsdet_close(detector);
        return -1;
    }
    const char *matchName = ucsdet_getName(match, &status);
    int32_t confidence = ucsdet_getConfidence(match, &status);
    if (nameCapacity > 0) {
        strncpy(name, matchName ? matchName : "", (size_t)nameCapacity - 1);
        name[nameCapacity - 1] = 0;
    }
    ucsdet_close(detector);  // owns the match: copy the name first
    return U_FAILURE(status) ? -(int32_t)status : confidence;
}

/// Counts illegal and unmappable sequences, then substitutes them as ICU's default does.
static void count_and_substitute(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                                 int32_t length, UConverterCallbackReason reason, UErrorCode *status) {
    if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED) {
        int32_t *counter = (int32_t *)context;
        (*counter)++;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, status);
}

int32_t tandem_charset_to_utf8(const char *charset, const uint8_t *bytes, int32_t length, uint8_t **output,
                               int32_t *illegalCount) {
    UErrorCode status = U_ZERO_ERROR;
    *output = NULL;
    *illegalCount = 0;
    UConverter *source = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    UConverter *target = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) {
        ucnv_close(source);
        return -(int32_t)status;
    }
    int32_t counter = 0;
    ucnv_setToUCallBack(source, (UConverterToUCallback)count_and_substitute, &counter, NULL, NULL, &status);
    // Worst case: every input byte becomes a 3-byte UTF-8 sequence (BMP characters).
    int32_t capacity = length * 3 + 16;
    char *buffer = (char *)malloc((size_t)capacity);
    char *cursor = buffer;
    const char *input = (const char *)bytes;
    ucnv_convertEx(target, source, &cursor, buffer + capacity, &input, input + length, NULL, NULL, NULL, NULL,
                   1, 1, &status);
    ucnv_close(source);
    ucnv_close(target);
    if (U_FAILURE(status)) {
        free(buffer);
        return -(int32_t)status;
    }
    *output = (uint8_t *)buffer;
    *illegalCount = counter;
    return (int32_t)(cursor - buffer);
}
