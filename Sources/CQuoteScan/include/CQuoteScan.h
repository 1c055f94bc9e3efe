#ifndef CQUOTESCAN_H
#define CQUOTESCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Scan kernels for the hot loops that look for a rare unit in long runs of text. Each returns the
// first index in [start, end) whose unit or byte stops the scan, or `end` when none does. With
// SSE2 (every x86-64) they read 16 bytes at a time; on a processor with AVX2 (chosen when the
// library is loaded) the scans of UTF-16 units, the JSON scan and the widenings read 32. The
// scans read a range's last block again, ending at its end, rather than unit by unit.
// Elsewhere they are plain loops with the same answers. Swift's SIMD types compiled these loops
// lane by lane, slower than scalar code.

/// 0: the widest blocks the processor runs; 1: the plain loops only; 2: SSE2 blocks, not AVX2
/// (for tests: each path must give the same answers).
extern int qscan_plain_only;

/// First UTF-16 unit that is not ASCII or is a quotation mark of ASCII: `"`, `'` or a backtick.
size_t qscan_u16_quote_stop(const uint16_t *units, size_t start, size_t end);

/// First UTF-16 unit below `limit` (at most 0x80) or at or above 0x80 (with `limit` 0, the first
/// unit that is not ASCII).
size_t qscan_u16_outside(const uint16_t *units, size_t start, size_t end, uint16_t limit);

/// First UTF-16 unit equal to `value`.
size_t qscan_u16_find(const uint16_t *units, size_t start, size_t end, uint16_t value);

/// First UTF-16 unit that is not printable ASCII or a space (U+0020-007F), or is a full stop,
/// an exclamation mark or a question mark: the units a sentence break can depend on.
size_t qscan_u16_sentence_stop(const uint16_t *units, size_t start, size_t end);

/// First byte of a JSON string literal's content that ends a plain run: a quotation mark, a
/// backslash, a control character (below 0x20) or DEL.
size_t qscan_u8_json_stop(const uint8_t *bytes, size_t start, size_t end);

/// Widens the ASCII bytes at the start of `source[0..<count]` into UTF-16 units at
/// `destination`; returns how many (the index of the first byte at or above 0x80, or `count`).
size_t qscan_widen_ascii(const uint8_t *source, size_t count, uint16_t *destination);

/// Widens the bytes at the start of `source[0..<count]` that a JSON string literal holds as they
/// are (ASCII but control characters, DEL, `"` and `\`) into UTF-16 units at `destination`;
/// returns how many (the index of the first other byte, or `count`). `destination` has room for
/// `count` units: those past the run may be written too (the block that holds its end, whole).
size_t qscan_widen_json(const uint8_t *source, size_t count, uint16_t *destination);

/// Narrows the ASCII units at the start of `source[0..<count]` into bytes at `destination`;
/// returns how many (the index of the first unit at or above 0x80, or `count`).
size_t qscan_narrow_ascii(const uint16_t *source, size_t count, uint8_t *destination);

#ifdef __cplusplus
}
#endif

#endif
