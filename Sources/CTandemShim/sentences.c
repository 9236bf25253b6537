// Sentence boundaries by Unicode's sentence rules (UAX #29), as ICU's break iterator finds
// them. ICU breaks after every line break and never looks across one, so each paragraph is
// broken on its own. A paragraph made of characters whose Sentence_Break class the table
// below holds (Latin, Vietnamese, common punctuation; read from ICU's own property data) and
// free of format, extend and separator characters is broken here by rules SB6 to SB11:
// the same boundaries, without ICU's UTF-16 conversion and rule engine. Any other paragraph
// goes to ICU: the UTF-8 is converted to UTF-16 (ICU's engine over a UTF-16 buffer runs
// several times faster than over a UTF-8 UText) and boundaries are mapped back to UTF-8
// offsets in one forward walk. The tests compare both paths with ICU over the whole text.
#include "tandem_shim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

/// Code points below this have their Sentence_Break class in a table read from ICU; a
/// paragraph with any other code point goes to ICU, and so does one with a code point of
/// class `UNSUPPORTED` (format, extend and separator characters, which rules SB1 to SB5
/// handle).
#define CLASS_TABLE_SIZE 0x2100
#define UNSUPPORTED 0xFF

struct tandem_sentence_breaker {
    UBreakIterator *iterator;
    UText *text;
    UChar *utf16;
    int32_t utf16Capacity;
    int32_t *boundaries;
    int32_t capacity;
    /// Sentence_Break class (USentenceBreak) by code point, from ICU's own property data.
    uint8_t classes[CLASS_TABLE_SIZE];

    /// One paragraph's terminators (UTF-8 offsets).
    int32_t *terminators;
    int32_t terminatorCapacity;
};

tandem_sentence_breaker *tandem_sentence_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        if (status) *status = (int32_t)error;
        return NULL;
    }
    tandem_sentence_breaker *breaker = (tandem_sentence_breaker *)calloc(1, sizeof(tandem_sentence_breaker));
    if (!breaker) {
        ubrk_close(iterator);
        if (status) *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    for (UChar32 point = 0; point < CLASS_TABLE_SIZE; point++) {
        int32_t class = u_getIntPropertyValue(point, UCHAR_SENTENCE_BREAK);
        int unsupported = class == U_SB_FORMAT || class == U_SB_EXTEND || class == U_SB_SEP || class == U_SB_CR ||
                          class == U_SB_LF || class < 0 || class >= UNSUPPORTED;
        breaker->classes[point] = unsupported ? UNSUPPORTED : (uint8_t)class;
    }

    if (status) *status = 0;
    return breaker;
}

void tandem_sentence_breaker_close(tandem_sentence_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker->utf16);
    free(breaker->boundaries);
    free(breaker->terminators);
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

/// The class of the code point at `line[byte]` and its size in bytes; `UNSUPPORTED` for a
/// code point the table lacks (or a truncated sequence).
static inline uint8_t class_at(const tandem_sentence_breaker *breaker, const uint8_t *line, int32_t length,
                               int32_t byte, int32_t *size) {
    uint8_t lead = line[byte];
    UChar32 point;
    if (lead < 0x80) {
        *size = 1;
        return breaker->classes[lead];
    } else if (lead >= 0xC2 && lead < 0xE0 && byte + 1 < length) {
        point = ((lead & 0x1F) << 6) | (line[byte + 1] & 0x3F);
        *size = 2;
    } else if (lead >= 0xE0 && lead < 0xF0 && byte + 2 < length) {
        point = ((lead & 0x0F) << 12) | ((line[byte + 1] & 0x3F) << 6) | (line[byte + 2] & 0x3F);
        *size = 3;
    } else {
        *size = 1;
        return UNSUPPORTED;
    }
    return point < CLASS_TABLE_SIZE ? breaker->classes[point] : UNSUPPORTED;
}

/// UAX #29's sentence rules (SB6 to SB11) inside one paragraph (a line without its line
/// break) whose code points the class table holds, none of them a format, extend or
/// separator character, so SB1 to SB5 do not arise: a boundary can only follow a
/// terminator, its closing marks and its spaces. Appends the boundaries inside the
/// paragraph, shifted by `base`. Returns 1, 0 when the paragraph needs ICU, -1 when out of
/// memory.
static int32_t native_breaks(tandem_sentence_breaker *breaker, const uint8_t *line, int32_t length, int32_t base,
                             int32_t *boundaryCount) {
    // First pass: every code point supported, and where the terminators are.
    if (breaker->terminatorCapacity < length) {
        int32_t capacity = length > 256 ? length : 256;
        int32_t *grown = (int32_t *)malloc(sizeof(int32_t) * (size_t)capacity);
        if (!grown) return -1;
        free(breaker->terminators);
        breaker->terminators = grown;
        breaker->terminatorCapacity = capacity;
    }
    int32_t *terminators = breaker->terminators;
    int32_t terminatorCount = 0;
    int32_t size;
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (int32_t byte = 0; byte < length;) {
        uint8_t lead = line[byte];
        if (lead < 0x80) {
            // Eight bytes at once: past them when none is a terminator or non-ASCII, else
            // straight to the first that is (the lowest flag of the zero-byte test is exact;
            // only flags above a true one can be false).
            if (byte + 8 <= length) {
                uint64_t word;
                memcpy(&word, line + byte, 8);
                uint64_t dot = word ^ (0x2E * ones), bang = word ^ (0x21 * ones), question = word ^ (0x3F * ones);
                uint64_t zero = ((dot - ones) & ~dot) | ((bang - ones) & ~bang) | ((question - ones) & ~question);
                uint64_t flagged = (zero | word) & highs;
                if (flagged == 0) {
                    byte += 8;
                    continue;
                }
                int32_t skip = (int32_t)(__builtin_ctzll(flagged) >> 3);
                if (skip > 0) {
                    byte += skip;
                    continue;
                }
            }
            if (lead == '.' || lead == '!' || lead == '?') terminators[terminatorCount++] = byte;
            byte++;
            continue;
        }
        // Latin letters (U+00C0-01BF, with × and ÷) and Vietnamese letters (U+1E00-1EFF):
        // neither terminators nor anything that needs ICU. (Branches here beat a table of
        // first bytes: that makes each step wait for two loads.)
        if (lead >= 0xC3 && lead <= 0xC6 && byte + 1 < length) {
            byte += 2;
            continue;
        }
        if (lead == 0xE1 && byte + 2 < length && line[byte + 1] >= 0xB8 && line[byte + 1] <= 0xBB) {
            byte += 3;
            continue;
        }
        uint8_t class = class_at(breaker, line, length, byte, &size);
        if (class == UNSUPPORTED) return 0;
        if (class == U_SB_ATERM || class == U_SB_STERM) terminators[terminatorCount++] = byte;
        byte += size;
    }
    // Then the rules after each terminator.
    for (int32_t index = 0; index < terminatorCount; index++) {
        int32_t at = terminators[index];
        int isATerm = class_at(breaker, line, length, at, &size) == U_SB_ATERM;
        int32_t next = at + size;
        int32_t terminatorEnd = next;
        uint8_t after = 0;
        while (next < length && (after = class_at(breaker, line, length, next, &size)) == U_SB_CLOSE) next += size;
        while (next < length && (after = class_at(breaker, line, length, next, &size)) == U_SB_SP) next += size;
        if (next >= length) break;  // SB9, SB10: the run reaches the paragraph's end.
        int joined = 0;
        if (isATerm && next == terminatorEnd) {
            // SB6: ATerm × Numeric. SB7: (Upper | Lower) ATerm × Upper.
            if (after == U_SB_NUMERIC) joined = 1;
            if (after == U_SB_UPPER && at > 0) {
                int32_t previous = at - 1;
                while (previous > 0 && (line[previous] & 0xC0) == 0x80) previous--;
                uint8_t before = class_at(breaker, line, length, previous, &size);
                if (before == U_SB_UPPER || before == U_SB_LOWER) joined = 1;
            }
        }
        // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
        if (after == U_SB_SCONTINUE || after == U_SB_ATERM || after == U_SB_STERM) joined = 1;
        if (!joined && isATerm) {
            // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
            for (int32_t ahead = next; ahead < length; ahead += size) {
                uint8_t class = class_at(breaker, line, length, ahead, &size);
                if (class == U_SB_LOWER) joined = 1;
                if (class == U_SB_OLETTER || class == U_SB_UPPER || class == U_SB_LOWER || class == U_SB_ATERM ||
                    class == U_SB_STERM)
                    break;
            }
        }
        // SB11: a boundary after the run, unless a rule above joins.
        if (!joined && !push_boundary(breaker, boundaryCount, base + next)) return -1;
    }
    return 1;
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
        // UAX #29's rules here where the paragraph's characters allow, else ICU.
        int32_t native = native_breaks(breaker, text + lineStart, lineEnd - lineStart, lineStart, &count);
        if (native < 0) return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
        if (native > 0) {
            if (!push_boundary(breaker, &count, next)) return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
        } else {
            int32_t status = icu_breaks(breaker, text + lineStart, next - lineStart, lineStart, 1, &count);
            if (status < 0) return status;
        }
        lineStart = next;
    }
    *boundaries = breaker->boundaries;
    return count;
}
