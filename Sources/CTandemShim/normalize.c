// Text normalization for matching: ICU NFC plus typographic and Vietnamese folding, with a
// map from every output byte back to the input bytes it came from.
#include "tandem_shim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

struct tandem_normalizer {
    const UNormalizer2 *nfc;
    // UTF-8 output and its per-byte origin: one block, the starts then (at `originCapacity`)
    // the ends. The caller may take the block (`tandem_normalizer_take_origins`); the next
    // call then allocates another.
    uint8_t *output;
    int32_t *origins;
    int32_t *originStart;
    int32_t *originEnd;
    int32_t outputCapacity;
    int32_t originCapacity;
    // Scratch for one normalization segment.
    UChar segment[64];
    UChar normalized[192];
};

tandem_normalizer *tandem_normalizer_open(int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) {
        if (status) *status = (int32_t)error;
        return NULL;
    }
    tandem_normalizer *normalizer = (tandem_normalizer *)calloc(1, sizeof(tandem_normalizer));
    normalizer->nfc = nfc;
    if (status) *status = 0;
    return normalizer;
}

void tandem_normalizer_close(tandem_normalizer *normalizer) {
    if (!normalizer) return;
    free(normalizer->output);
    free(normalizer->origins);
    free(normalizer);
}

/// Typographic folding of one code point. Returns the replacement, -1 to drop it, or the
/// code point itself when it is kept as is. U+2026 is handled by the caller.
static UChar32 fold_point(UChar32 c) {
    switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return ' ';
    case 0x2028: case 0x2029: case 0x0085:
        return '\n';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return -1;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
        return '"';
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    default:
        break;
    }
    if (c >= 0x2000 && c <= 0x200A) return ' ';
    if (c >= 0x2010 && c <= 0x2015) return '-';
    return c;
}

/// NFC-stable without a look at neighbours: Latin-1, Latin Extended-A/B and Latin
/// Extended Additional (all Vietnamese precomposed letters) are NFC_QC=Yes.
static int is_stable_alone(UChar32 c) {
    return c < 0x0300 || (c >= 0x1E00 && c <= 0x1EFF);
}

// MARK: Vietnamese tone placement

// Tone order: grave, acute, hook above, tilde, dot below.
static const UChar32 toned_a[2][5] = {{0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1}, {0x00C0, 0x00C1, 0x1EA2, 0x00C3, 0x1EA0}};
static const UChar32 toned_e[2][5] = {{0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9}, {0x00C8, 0x00C9, 0x1EBA, 0x1EBC, 0x1EB8}};
static const UChar32 toned_y[2][5] = {{0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5}, {0x1EF2, 0x00DD, 0x1EF6, 0x1EF8, 0x1EF4}};
static const UChar32 toned_o[2][5] = {{0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD}, {0x00D2, 0x00D3, 0x1ECE, 0x00D5, 0x1ECC}};
static const UChar32 toned_u[2][5] = {{0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5}, {0x00D9, 0x00DA, 0x1EE6, 0x0168, 0x1EE4}};

/// Finds `c` in a toned-vowel table: returns tone index 0-4 and sets `*upper`, or -1.
static int tone_of(const UChar32 table[2][5], UChar32 c, int *upper) {
    for (int u = 0; u < 2; u++)
        for (int t = 0; t < 5; t++)
            if (table[u][t] == c) {
                *upper = u;
                return t;
            }
    return -1;
}

/// The output as it is written, one code point at a time, with the tone placement that
/// waits for the point after a toned vowel.
///
/// Tones of open syllables "oa", "oe", "uy" move to the first vowel (hoà -> hòa, thuỷ ->
/// thủy), the placement the rule tables are written in: a toned a/e after o, or a toned y
/// after u (not after "qu": quý keeps its tone), is a candidate, and it is swapped once the
/// next point turns out not to be a letter (closed syllables such as hoàng, thuyền stay).
typedef struct {
    tandem_normalizer *n;
    int32_t out;
    // The candidate: the o/u byte's offset, its replacement and the plain vowel.
    int pending;
    int32_t pendingOffset;
    UChar32 pendingFirst;
    UChar32 pendingPlain;
} writer;

static inline __attribute__((always_inline)) void write_bytes(writer *w, UChar32 c, int32_t start, int32_t end) {
    tandem_normalizer *n = w->n;
    int32_t before = w->out;
    if (c < 0x80) {
        n->output[w->out++] = (uint8_t)c;
    } else {
        U8_APPEND_UNSAFE(n->output, w->out, c);
    }
    for (int32_t b = before; b < w->out; b++) {
        n->originStart[b] = start;
        n->originEnd[b] = end;
    }
}

/// Moves the pending candidate's tone onto its first vowel.
static void swap_tone(writer *w) {
    tandem_normalizer *n = w->n;
    int32_t offset = w->pendingOffset;
    int32_t firstStart = n->originStart[offset], firstEnd = n->originEnd[offset];
    int32_t vowelStart = n->originStart[offset + 1], vowelEnd = n->originEnd[offset + 1];
    w->out = offset;
    write_bytes(w, w->pendingFirst, firstStart, firstEnd);
    write_bytes(w, w->pendingPlain, vowelStart, vowelEnd);
}

/// Settles a pending candidate given the point that follows it (`next` < 0: none).
static inline void settle(writer *w, UChar32 next) {
    w->pending = 0;
    int letter = next < 0 ? 0 : next < 0x80 ? ((next | 0x20) >= 'a' && (next | 0x20) <= 'z') : u_isalpha(next);
    if (!letter) swap_tone(w);
}

/// Whether `c`, written right after the output so far, is a tone-placement candidate;
/// if so, records it.
static void consider(writer *w, UChar32 c) {
    tandem_normalizer *n = w->n;
    int32_t out = w->out;
    // The point before is o/u only if the last output byte is that ASCII letter.
    if (out < 1) return;
    uint8_t first = n->output[out - 1];
    if (first != 'o' && first != 'O' && first != 'u' && first != 'U') return;
    int upper = 0, tone = -1;
    const UChar32(*target)[5] = NULL;
    if (first == 'o' || first == 'O') {
        tone = tone_of(toned_a, c, &upper);
        if (tone < 0) tone = tone_of(toned_e, c, &upper);
        target = toned_o;
    } else {
        if (out >= 2 && (n->output[out - 2] == 'q' || n->output[out - 2] == 'Q')) return;
        tone = tone_of(toned_y, c, &upper);
        target = toned_u;
    }
    if (tone < 0) return;
    int firstUpper = first == 'O' || first == 'U';
    w->pending = 1;
    w->pendingOffset = out - 1;
    w->pendingFirst = target[firstUpper][tone];
    w->pendingPlain = (c == toned_y[upper][tone]) ? (upper ? 'Y' : 'y')
                      : (c == toned_a[upper][tone]) ? (upper ? 'A' : 'a')
                                                     : (upper ? 'E' : 'e');
}

/// Writes one output code point with its input byte range.
static inline __attribute__((always_inline)) void emit(writer *w, UChar32 c, int32_t start, int32_t end) {
    if (w->pending) settle(w, c);
    if (c >= 0xC0) consider(w, c);
    write_bytes(w, c, start, end);
}

/// Makes room for `capacity` output bytes and their origins; 0 when memory ran out.
static int ensure_output(tandem_normalizer *n, int32_t capacity) {
    if (capacity > n->outputCapacity) {
        uint8_t *grown = (uint8_t *)realloc(n->output, (size_t)capacity);
        if (!grown) return 0;
        n->output = grown;
        n->outputCapacity = capacity;
    }
    if (!n->origins || capacity > n->originCapacity) {
        free(n->origins);
        n->origins = (int32_t *)malloc(2 * sizeof(int32_t) * (size_t)capacity);
        n->originCapacity = n->origins ? capacity : 0;
    }
    n->originStart = n->origins;
    n->originEnd = n->origins + n->originCapacity;
    return n->origins != NULL;
}

int32_t *tandem_normalizer_take_origins(tandem_normalizer *n, int32_t *capacity) {
    int32_t *origins = n->origins;
    *capacity = n->originCapacity;
    n->origins = NULL;
    n->originStart = NULL;
    n->originEnd = NULL;
    n->originCapacity = 0;
    return origins;
}

/// The byte length of the precomposed letter at `text[i]` — Latin-1 and Latin Extended
/// (C3-C6 xx: U+00C0-U+01BF, but × and ÷) or Latin Extended Additional, where every
/// precomposed Vietnamese letter is (E1 B8-BB xx: U+1E00-U+1EFF) — or 0. All are NFC-stable
/// alone (`is_stable_alone`) and untouched by folding (`fold_point`).
static inline int32_t letter_size(const uint8_t *text, int32_t i, int32_t length) {
    uint8_t lead = text[i];
    if (lead >= 0xC3 && lead <= 0xC6) {
        if (i + 1 >= length) return 0;
        if (lead == 0xC3 && (text[i + 1] == 0x97 || text[i + 1] == 0xB7)) return 0;
        return 2;
    }
    if (lead == 0xE1 && i + 2 < length && text[i + 1] >= 0xB8 && text[i + 1] <= 0xBB) return 3;
    return 0;
}

int tandem_is_ascii(const uint8_t *text, int32_t length) {
    uint8_t any = 0;
    for (int32_t i = 0; i < length; i++) any |= text[i];
    return any < 0x80;
}

int32_t tandem_normalize(tandem_normalizer *n, const uint8_t *text, int32_t length, const uint8_t **output) {
    // NFC grows UTF-8 at most threefold; the ellipsis (3 bytes to 3) does not grow it.
    if (!ensure_output(n, 3 * length + 16)) return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
    writer w = {n, 0, 0, 0, 0, 0};
    int32_t i = 0;
    while (i < length) {
        // Runs of ASCII need no look at their neighbours, but for the byte before a
        // possible combining mark.
        if (i + 1 < length && text[i] < 0x80 && text[i + 1] < 0x80) {
            if (w.pending) settle(&w, text[i]);
            // The run of ASCII bytes from i (eight at a time), all but its last byte copied
            // with an identity map in loops the compiler vectorizes.
            int32_t run = i + 2;
            while (run + 8 <= length) {
                uint64_t word;
                memcpy(&word, text + run, 8);
                if (word & 0x8080808080808080ULL) break;
                run += 8;
            }
            while (run < length && text[run] < 0x80) run++;
            // The run's last byte is copied too when what follows cannot combine with it: the
            // end, a lead byte below U+0300, or a precomposed Vietnamese letter (E1 B8-BB).
            // Otherwise it goes the general way (a combining mark may follow).
            int lastCopied = run >= length || text[run] < 0xCC ||
                             (text[run] == 0xE1 && run + 1 < length && text[run + 1] >= 0xB8 && text[run + 1] <= 0xBB);
            int32_t count = run - 1 - i + lastCopied;
            uint8_t *out = n->output + w.out;
            int32_t *starts = n->originStart + w.out, *ends = n->originEnd + w.out;
            memcpy(out, text + i, (size_t)count);
            for (int32_t k = 0; k < count; k++) {
                starts[k] = i + k;
                ends[k] = i + k + 1;
            }
            w.out += count;
            i += count;
            if (i >= length) break;
        }
        // A precomposed Latin or Vietnamese letter followed by ASCII, another such letter or
        // the end is NFC-stable and folds to itself: its bytes are copied. Where a tone move
        // could involve it (after o or u, or a move pending) it goes the general way.
        int32_t size = i < length ? letter_size(text, i, length) : 0;
        if (size > 0 && !w.pending) {
            int32_t after = i + size;
            int stableNext = after >= length || text[after] < 0xCC || letter_size(text, after, length) == 3;
            uint8_t previous = w.out > 0 ? n->output[w.out - 1] : 0;
            int afterVowel = previous == 'o' || previous == 'O' || previous == 'u' || previous == 'U';
            if (stableNext && !afterVowel) {
                for (int32_t b = 0; b < size; b++) {
                    n->output[w.out] = text[i + b];
                    n->originStart[w.out] = i;
                    n->originEnd[w.out] = after;
                    w.out++;
                }
                i = after;
                continue;
            }
        }
        UChar32 c;
        int32_t start = i;
        U8_NEXT(text, i, length, c);
        if (c < 0) c = 0xFFFD;
        // Does a combining mark follow? Then c starts a multi-point NFC segment.
        int combining = 0;
        // Only a non-starter can follow c inside its NFC segment. Precomposed Vietnamese
        // letters (U+1E00-U+1EFF, E1 B8-BB xx) never are one: skip ICU for them.
        int precomposedLatin = i + 1 < length && text[i] == 0xE1 && text[i + 1] >= 0xB8 && text[i + 1] <= 0xBB;
        if (i < length && text[i] >= 0xCC && !precomposedLatin) {
            int32_t j = i;
            UChar32 next;
            U8_NEXT(text, j, length, next);
            combining = next >= 0 && !unorm2_hasBoundaryBefore(n->nfc, next);
        }
        if (!combining) {
            if (c < 0x80) {
                emit(&w, c, start, i);
                continue;
            }
            if (c == 0x2026) {
                for (int r = 0; r < 3; r++) emit(&w, '.', start, i);
                continue;
            }
            UChar32 folded = fold_point(c);
            if (folded < 0) continue;
            if (folded != c || is_stable_alone(c)) {
                emit(&w, folded, start, i);
                continue;
            }
        }
        // Gather the segment: c and every following code point without an NFC boundary.
        int32_t segmentLength = 0;
        U16_APPEND_UNSAFE(n->segment, segmentLength, c);
        while (i < length && segmentLength < 60) {
            int32_t j = i;
            UChar32 next;
            U8_NEXT(text, j, length, next);
            if (next < 0 || unorm2_hasBoundaryBefore(n->nfc, next)) break;
            U16_APPEND_UNSAFE(n->segment, segmentLength, next);
            i = j;
        }
        UErrorCode error = U_ZERO_ERROR;
        int32_t normalizedLength =
            unorm2_normalize(n->nfc, n->segment, segmentLength, n->normalized, 192, &error);
        if (U_FAILURE(error)) return -(int32_t)error;
        for (int32_t k = 0; k < normalizedLength;) {
            UChar32 point;
            U16_NEXT(n->normalized, k, normalizedLength, point);
            UChar32 folded = fold_point(point);
            if (folded >= 0) emit(&w, folded, start, i);
        }
    }
    if (w.pending) settle(&w, -1);
    n->originStart[w.out] = length;
    n->originEnd[w.out] = length;
    *output = n->output;
    return w.out;
}

int32_t tandem_nfc_utf8(const uint8_t *text, int32_t length, uint8_t **output) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) return -2;
    // UTF-16 is never longer in code units than UTF-8 is in bytes.
    UChar *source = (UChar *)malloc(sizeof(UChar) * (size_t)(length + 1));
    if (!source) return -2;
    int32_t sourceLength = 0;
    u_strFromUTF8(source, length + 1, &sourceLength, (const char *)text, length, &error);
    if (U_FAILURE(error)) { free(source); return -2; }
    if (unorm2_isNormalized(nfc, source, sourceLength, &error) && U_SUCCESS(error)) {
        free(source);
        return -1;
    }
    error = U_ZERO_ERROR;
    // NFC can grow a text (rarely, and at most threefold).
    int32_t capacity = 3 * sourceLength + 1;
    UChar *normalized = (UChar *)malloc(sizeof(UChar) * (size_t)capacity);
    if (!normalized) { free(source); return -2; }
    int32_t normalizedLength = unorm2_normalize(nfc, source, sourceLength, normalized, capacity, &error);
    free(source);
    if (U_FAILURE(error)) { free(normalized); return -2; }
    int32_t bytes = 0;
    error = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &bytes, normalized, normalizedLength, &error);
    error = U_ZERO_ERROR;
    uint8_t *result = (uint8_t *)malloc((size_t)bytes + 1);
    if (!result) { free(normalized); return -2; }
    u_strToUTF8((char *)result, bytes + 1, NULL, normalized, normalizedLength, &error);
    free(normalized);
    if (U_FAILURE(error)) { free(result); return -2; }
    *output = result;
    return bytes;
}
