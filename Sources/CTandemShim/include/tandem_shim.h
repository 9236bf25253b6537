// Public header of Tandem's C shim over the system ICU and libxml2.
//
// It uses <stdint.h> types and opaque pointers only and must never include an ICU or
// libxml2 header: Swift files that import Foundation also see the toolchain's private
// ICU, and the two sets of ICU declarations clash (see DESIGN.md).
//
// Conventions: all text is UTF-8. Handles are not thread-safe: open one per worker and
// reuse it across documents. Buffers returned through `const` pointers belong to the
// handle and stay valid until the next call on it.
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The version of the ICU library linked at run time, e.g. "72.1".
const char *tandem_icu_version(void);

/// The version of libxml2 linked at run time, e.g. "20914".
const char *tandem_libxml2_version(void);

/// Frees memory that a tandem_* function allocated with malloc.
void tandem_free(void *pointer);

// MARK: - Charsets

/// Runs ICU's charset detector. Writes the best match's name into `name` and returns its
/// confidence (0-100), or a negative value when nothing was detected.
int32_t tandem_charset_detect(const uint8_t *bytes, int32_t length, char *name, int32_t nameCapacity);

/// Converts `length` bytes in `charset` (any ICU converter name) to UTF-8.
/// On success returns the UTF-8 length and stores a malloc'd buffer in `*output` (free it
/// with tandem_free) and the number of illegal or unmappable input sequences in
/// `*illegalCount`. Returns a negative ICU error code on failure.
int32_t tandem_charset_to_utf8(const char *charset, const uint8_t *bytes, int32_t length,
                               uint8_t **output, int32_t *illegalCount);

// MARK: - Normalization

/// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points past
/// U+10FFFF): the check Swift's String makes, in one pass with ASCII eight bytes at a time.
int tandem_utf8_valid(const uint8_t *bytes, int64_t length);

/// A per-worker normalizer (ICU NFC plus Tandem's text folding).
typedef struct tandem_normalizer tandem_normalizer;

tandem_normalizer *tandem_normalizer_open(int32_t *status);
void tandem_normalizer_close(tandem_normalizer *normalizer);

/// Normalizes valid UTF-8 text: NFC; NBSP and other spaces to ' '; typographic quotes to
/// ASCII quotes; dashes and minus to '-'; zero-width characters and soft hyphens dropped;
/// Vietnamese tone placement on "oa", "oe", "uy" moved to the first vowel (hoà -> hòa).
///
/// Returns the output length in bytes (or a negative error). `*output` receives the
/// normalized UTF-8, valid until the next call on this normalizer; for every output byte,
/// the half-open range of input bytes it was produced from is kept for
/// `tandem_normalizer_take_origins`. (All-ASCII text needs none of this: callers test
/// `tandem_is_ascii` first, as such text is its own normalized form.)
int32_t tandem_normalize(tandem_normalizer *normalizer, const uint8_t *text, int32_t length,
                         const uint8_t **output);

/// Takes the origins of the last `tandem_normalize` call: one `malloc` block, the starts
/// at index 0 and the ends at index `*capacity`, for the caller to `free`. The next call
/// allocates a new block; without this call it reuses the block.
int32_t *tandem_normalizer_take_origins(tandem_normalizer *normalizer, int32_t *capacity);

/// Whether every byte of `text` is ASCII (such text is its own normalized form, each byte
/// one scalar).
int tandem_is_ascii(const uint8_t *text, int32_t length);

/// ICU NFC of valid UTF-8 text, nothing else (set-up time: rule tables, lexicons). Returns
/// -1 when the text is already NFC (`*output` untouched), -2 when ICU fails, otherwise the
/// length of the NFC text in `*output`, a `malloc` block for the caller to `free`.
int32_t tandem_nfc_utf8(const uint8_t *text, int32_t length, uint8_t **output);

// MARK: - Sentence breaking

/// A per-worker ICU sentence break iterator.
typedef struct tandem_sentence_breaker tandem_sentence_breaker;

tandem_sentence_breaker *tandem_sentence_breaker_open(const char *locale, int32_t *status);
void tandem_sentence_breaker_close(tandem_sentence_breaker *breaker);

/// Finds sentence boundaries in UTF-8 text. Returns the number of boundaries (including 0
/// and `length`) and stores their UTF-8 byte offsets in `*boundaries`, valid until the next
/// call. Returns a negative ICU error code on failure. Paragraphs (lines) of Latin and
/// Vietnamese text are broken by UAX #29's rules without ICU's engine: the result is the
/// same as `tandem_sentence_breaks_whole`, faster.
int32_t tandem_sentence_breaks(tandem_sentence_breaker *breaker, const uint8_t *text, int32_t length,
                               const int32_t **boundaries);

/// The same boundaries from ICU over the whole text at once (the reference the tests compare
/// the fast path with).
int32_t tandem_sentence_breaks_whole(tandem_sentence_breaker *breaker, const uint8_t *text, int32_t length,
                                     const int32_t **boundaries);

// MARK: - The ICU floor (benchmarks)

/// The least any ICU-based pipeline does: UTF-8 to UTF-16, NFC, word-break iteration.
typedef struct tandem_floor tandem_floor;

tandem_floor *tandem_floor_open(int32_t *status);
void tandem_floor_close(tandem_floor *floor);
/// Runs the floor over UTF-8 text; returns the number of word boundaries (or a negative error).
int32_t tandem_floor_run(tandem_floor *floor, const uint8_t *text, int32_t length);

// MARK: - Markup (libxml2)

/// Must be called once, on the main thread, before any worker parses markup.
void tandem_markup_init(void);

/// What libxml2 extracted from an HTML or XML document. Strings are malloc'd and
/// NUL-terminated, or NULL when absent. Free the whole result with tandem_markup_free.
typedef struct tandem_markup {
    /// Visible text, blocks separated by "\n\n", whitespace runs collapsed.
    char *text;
    int32_t textLength;
    /// `<html lang>` (or `xml:lang` on the root), as written.
    char *language;
    /// Publication date from article:published_time, JSON-LD datePublished or <time datetime>.
    char *publishedTime;
    /// Where `publishedTime` came from ("meta", "json-ld", "time").
    char *publishedSource;
    /// Newline-separated warnings (ignored entity declarations, parser recoveries).
    char *warnings;
    /// Non-NULL when the document could not be parsed at all.
    char *error;
} tandem_markup;

/// Parses UTF-8 HTML (`isXML` == 0) or XML (`isXML` != 0) with network access and entity
/// expansion disabled. Always fills `result`; check `result->error`.
void tandem_markup_extract(const uint8_t *bytes, int32_t length, int32_t isXML, tandem_markup *result);
void tandem_markup_free(tandem_markup *result);

// MARK: - TMX writing (libxml2 xmlTextWriter)

/// A TMX 1.4b document being written to memory.
typedef struct tandem_tmx tandem_tmx;

/// Starts a TMX document with every required header attribute.
tandem_tmx *tandem_tmx_open(const char *creationTool, const char *creationToolVersion,
                            const char *sourceLanguage, const char *adminLanguage,
                            const char *creationDate);
/// Starts a <tu>; the props are written as <prop type="..."> children.
int32_t tandem_tmx_begin_unit(tandem_tmx *tmx, const char *unitID);
int32_t tandem_tmx_prop(tandem_tmx *tmx, const char *type, const char *value);
/// Writes one <tuv xml:lang="..."><seg>text</seg></tuv>.
int32_t tandem_tmx_variant(tandem_tmx *tmx, const char *language, const char *segment);
int32_t tandem_tmx_end_unit(tandem_tmx *tmx);
/// Finishes the document; returns its length and a malloc'd UTF-8 buffer in `*output`.
int32_t tandem_tmx_finish(tandem_tmx *tmx, uint8_t **output);

#ifdef __cplusplus
}
#endif
