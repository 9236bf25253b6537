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

int tandem_utf8_valid(const uint8_t *bytes, int64_t length) {
    int64_t i = 0;
    while (i < length) {
        // ASCII eight bytes at a time, up to the first byte that is not.
        if (i + 8 <= length) {
            uint64_t word;
            memcpy(&word, bytes + i, 8);
            uint64_t high = word & 0x8080808080808080ULL;
            if (high == 0) {
                i += 8;
                continue;
            }
            i += __builtin_ctzll(high) >> 3;
        }
        uint8_t lead = bytes[i];
        if (lead < 0x80) {
            i++;
            continue;
        }
        // Well-formed sequences as in the Unicode Standard, Table 3-7: no overlong forms,
        // no surrogates, nothing past U+10FFFF.
        if (lead >= 0xC2 && lead <= 0xDF) {
            if (i + 1 >= length || (bytes[i + 1] & 0xC0) != 0x80) return 0;
            i += 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            if (i + 2 >= length) return 0;
            uint8_t second = bytes[i + 1];
            uint8_t low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
            if (second < low || second > high || (bytes[i + 2] & 0xC0) != 0x80) return 0;
            i += 3;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            if (i + 3 >= length) return 0;
            uint8_t second = bytes[i + 1];
            uint8_t low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
            if (second < low || second > high || (bytes[i + 2] & 0xC0) != 0x80 || (bytes[i + 3] & 0xC0) != 0x80)
                return 0;
            i += 4;
        } else {
            return 0;
        }
    }
    return 1;
}
