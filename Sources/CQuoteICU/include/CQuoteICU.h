#ifndef CQUOTEICU_H
#define CQUOTEICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Finds sentence boundaries in UTF-16 text with ICU's UBRK_SENTENCE rules (locale `en`).
/// Writes boundary offsets (UTF-16 units, excluding 0, including `length`) into `boundaries`
/// and returns their count, or -1 when ICU fails (`*status` then holds the ICU error code).
/// When more than `capacity` boundaries exist, returns the full count and writes only the first
/// `capacity`; call again with a larger buffer.
int32_t qicu_sentence_boundaries(const uint16_t *text, int32_t length,
                                 int32_t *boundaries, int32_t capacity, int32_t *status);

/// The Sentence_Break property of a code point as ICU has it: a USentenceBreak value
/// (0 Other, 1 ATerm, 2 Close, 3 Format, 4 Lower, 5 Numeric, 6 OLetter, 7 Sep, 8 Sp, 9 STerm,
/// 10 Upper, 11 CR, 12 Extend, 13 LF, 14 SContinue).
int32_t qicu_sentence_break_class(int32_t codePoint);

/// Maps a name to its matching key with the ICU transform
/// `Any-Latin; Latin-ASCII; Lower; [^a-z0-9] Remove` ("al-Dabagh" -> "aldabagh").
/// Returns the key length in UTF-16 units (may exceed `capacity`), or -1 on ICU failure.
int32_t qicu_name_key(const uint16_t *text, int32_t length,
                      uint16_t *out, int32_t capacity, int32_t *status);

/// The ICU version string, for diagnostics ("72.1").
const char *qicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
