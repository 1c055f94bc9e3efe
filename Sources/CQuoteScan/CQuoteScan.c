#include "CQuoteScan.h"

int qscan_plain_only = 0;

#if defined(__SSE2__)
#include <emmintrin.h>

/// The lane of the lowest set bit of a `_mm_movemask_epi8` of 16-bit lanes.
static inline size_t lane16(int mask) { return (size_t)__builtin_ctz((unsigned)mask) / 2; }

/// All-ones lanes where `lanes` (unsigned 16-bit) is below `bound` (1 to 0x8000).
static inline __m128i below16(__m128i lanes, uint16_t bound) {
    // lanes <= bound - 1 exactly when the saturating difference is zero.
    return _mm_cmpeq_epi16(_mm_subs_epu16(lanes, _mm_set1_epi16((short)(bound - 1))), _mm_setzero_si128());
}

/// All-ones byte lanes that end a plain run of a JSON string literal's content: a control
/// character (below 0x20), `"`, `\` or DEL.
static inline __m128i json_specials8(__m128i lanes) {
    // Below 0x20 exactly when max(byte, 0x20) is not the byte.
    __m128i control = _mm_xor_si128(_mm_cmpeq_epi8(_mm_max_epu8(lanes, _mm_set1_epi8(0x20)), lanes), _mm_set1_epi8(-1));
    return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(lanes, _mm_set1_epi8(0x22)), _mm_cmpeq_epi8(lanes, _mm_set1_epi8(0x5C))),
                        _mm_or_si128(_mm_cmpeq_epi8(lanes, _mm_set1_epi8(0x7F)), control));
}

/// The sixteen bytes of `lanes` as UTF-16 units at `destination`.
static inline void store_widened(uint16_t *destination, __m128i lanes) {
    _mm_storeu_si128((__m128i *)destination, _mm_unpacklo_epi8(lanes, _mm_setzero_si128()));
    _mm_storeu_si128((__m128i *)(destination + 8), _mm_unpackhi_epi8(lanes, _mm_setzero_si128()));
}

/// All-ones lanes where `lanes` equals one of `a`, `b` and `c`.
static inline __m128i equals_any16(__m128i lanes, uint16_t a, uint16_t b, uint16_t c) {
    return _mm_or_si128(_mm_cmpeq_epi16(lanes, _mm_set1_epi16((short)a)),
                        _mm_or_si128(_mm_cmpeq_epi16(lanes, _mm_set1_epi16((short)b)),
                                     _mm_cmpeq_epi16(lanes, _mm_set1_epi16((short)c))));
}
#endif

#if defined(__x86_64__) && defined(__clang__)
#define QSCAN_AVX2 1
#include <immintrin.h>
/// A function compiled for AVX2, called only when the processor has it (`qscan_has_avx2`).
#define QSCAN_TARGET_AVX2 __attribute__((target("avx2")))

/// Whether the processor runs AVX2, read once when the library is loaded.
static int qscan_has_avx2 = 0;
__attribute__((constructor)) static void qscan_detect(void) {
    __builtin_cpu_init();
    qscan_has_avx2 = __builtin_cpu_supports("avx2") != 0;
}

/// `below16` on sixteen lanes.
QSCAN_TARGET_AVX2 static inline __m256i below16x2(__m256i lanes, uint16_t bound) {
    return _mm256_cmpeq_epi16(_mm256_subs_epu16(lanes, _mm256_set1_epi16((short)(bound - 1))), _mm256_setzero_si256());
}

/// `equals_any16` on sixteen lanes.
QSCAN_TARGET_AVX2 static inline __m256i equals_any16x2(__m256i lanes, uint16_t a, uint16_t b, uint16_t c) {
    return _mm256_or_si256(_mm256_cmpeq_epi16(lanes, _mm256_set1_epi16((short)a)),
                           _mm256_or_si256(_mm256_cmpeq_epi16(lanes, _mm256_set1_epi16((short)b)),
                                           _mm256_cmpeq_epi16(lanes, _mm256_set1_epi16((short)c))));
}

/// `json_specials8` on thirty-two bytes.
QSCAN_TARGET_AVX2 static inline __m256i json_specials8x2(__m256i lanes) {
    __m256i control = _mm256_xor_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(lanes, _mm256_set1_epi8(0x20)), lanes),
                                       _mm256_set1_epi8(-1));
    return _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(lanes, _mm256_set1_epi8(0x22)),
                                           _mm256_cmpeq_epi8(lanes, _mm256_set1_epi8(0x5C))),
                           _mm256_or_si256(_mm256_cmpeq_epi8(lanes, _mm256_set1_epi8(0x7F)), control));
}
#endif

// Each scan of UTF-16 units is written once, as three tests of the units that stop it (one
// unit; eight lanes of SSE2, as a `_mm_movemask_epi8` mask; sixteen lanes of AVX2, as a
// `_mm256_movemask_epi8` mask), with a parameter some scans read. The drivers below run the
// widest blocks that fit, then the last block again ending at `end` instead of a unit-by-unit
// tail; a range shorter than a block goes to the next narrower driver. They are inlined into
// each scan with its tests (`always_inline`).
#define QSCAN_INLINE static inline __attribute__((always_inline))

typedef int (*qscan_unit_test)(uint16_t unit, uint16_t parameter);

QSCAN_INLINE size_t scan16_plain(const uint16_t *units, size_t index, size_t end, uint16_t parameter, qscan_unit_test stops) {
    for (; index < end; index++) {
        if (stops(units[index], parameter)) return index;
    }
    return end;
}

#if defined(__SSE2__)
typedef int (*qscan_block8_test)(__m128i lanes, uint16_t parameter);

QSCAN_INLINE size_t scan16_sse2(const uint16_t *units, size_t start, size_t end, uint16_t parameter,
                                qscan_block8_test block, qscan_unit_test stops) {
    if (end - start < 8) return scan16_plain(units, start, end, parameter, stops);
    size_t index = start;
    while (index + 8 <= end) {
        int found = block(_mm_loadu_si128((const __m128i *)(units + index)), parameter);
        if (found) return index + lane16(found);
        index += 8;
    }
    if (index == end) return end;
    // The last block again, ending at `end`: it starts at or after `start`, so its units before
    // `index` were looked at already, and passed.
    size_t last = end - 8;
    int found = block(_mm_loadu_si128((const __m128i *)(units + last)), parameter);
    return found ? last + lane16(found) : end;
}
#endif

#if QSCAN_AVX2
typedef unsigned (*qscan_block16_test)(__m256i lanes, uint16_t parameter);

QSCAN_INLINE QSCAN_TARGET_AVX2 size_t scan16_avx2(const uint16_t *units, size_t start, size_t end, uint16_t parameter,
                                                  qscan_block16_test block, qscan_block8_test narrow, qscan_unit_test stops) {
    if (end - start < 16) return scan16_sse2(units, start, end, parameter, narrow, stops);
    size_t index = start;
    while (index + 16 <= end) {
        unsigned found = block(_mm256_loadu_si256((const __m256i *)(units + index)), parameter);
        if (found) return index + (size_t)__builtin_ctz(found) / 2;
        index += 16;
    }
    if (index == end) return end;
    size_t last = end - 16;  // as in `scan16_sse2`
    unsigned found = block(_mm256_loadu_si256((const __m256i *)(units + last)), parameter);
    return found ? last + (size_t)__builtin_ctz(found) / 2 : end;
}
#endif

// Not ASCII, or an ASCII quotation mark.
static inline int quote_stop_unit(uint16_t unit, uint16_t parameter) {
    (void)parameter;
    return unit >= 0x80 || unit == 0x22 || unit == 0x27 || unit == 0x60;
}

// Below `limit` or not ASCII.
static inline int outside_unit(uint16_t unit, uint16_t limit) { return unit < limit || unit >= 0x80; }

// Equal to `value`.
static inline int find_unit(uint16_t unit, uint16_t value) { return unit == value; }

// Not printable ASCII or a space, or a full stop, an exclamation mark or a question mark.
static inline int sentence_stop_unit(uint16_t unit, uint16_t parameter) {
    (void)parameter;
    return unit < 0x20 || unit >= 0x80 || unit == 0x2E || unit == 0x21 || unit == 0x3F;
}

#if defined(__SSE2__)
static inline int quote_stop_block8(__m128i lanes, uint16_t parameter) {
    (void)parameter;
    __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(lanes, _mm_set1_epi16((short)0xFF80)), _mm_setzero_si128());
    __m128i marks = equals_any16(lanes, 0x22, 0x27, 0x60);
    return _mm_movemask_epi8(_mm_andnot_si128(marks, ascii)) ^ 0xFFFF;
}

static inline int outside_block8(__m128i lanes, uint16_t limit) {
    // In [limit, 0x80) exactly when lanes - limit (wrapping) is below 0x80 - limit.
    __m128i inside = below16(_mm_sub_epi16(lanes, _mm_set1_epi16((short)limit)), (uint16_t)(0x80 - limit));
    return _mm_movemask_epi8(inside) ^ 0xFFFF;
}

static inline int find_block8(__m128i lanes, uint16_t value) {
    return _mm_movemask_epi8(_mm_cmpeq_epi16(lanes, _mm_set1_epi16((short)value)));
}

static inline int sentence_stop_block8(__m128i lanes, uint16_t parameter) {
    (void)parameter;
    __m128i printable = below16(_mm_sub_epi16(lanes, _mm_set1_epi16(0x20)), 0x60);
    __m128i terminators = equals_any16(lanes, 0x2E, 0x21, 0x3F);
    return _mm_movemask_epi8(_mm_andnot_si128(terminators, printable)) ^ 0xFFFF;
}
#endif

#if QSCAN_AVX2
QSCAN_TARGET_AVX2 static inline unsigned quote_stop_block16(__m256i lanes, uint16_t parameter) {
    (void)parameter;
    __m256i ascii = _mm256_cmpeq_epi16(_mm256_and_si256(lanes, _mm256_set1_epi16((short)0xFF80)), _mm256_setzero_si256());
    __m256i marks = equals_any16x2(lanes, 0x22, 0x27, 0x60);
    return ~(unsigned)_mm256_movemask_epi8(_mm256_andnot_si256(marks, ascii));
}

QSCAN_TARGET_AVX2 static inline unsigned outside_block16(__m256i lanes, uint16_t limit) {
    __m256i inside = below16x2(_mm256_sub_epi16(lanes, _mm256_set1_epi16((short)limit)), (uint16_t)(0x80 - limit));
    return ~(unsigned)_mm256_movemask_epi8(inside);
}

QSCAN_TARGET_AVX2 static inline unsigned find_block16(__m256i lanes, uint16_t value) {
    return (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi16(lanes, _mm256_set1_epi16((short)value)));
}

QSCAN_TARGET_AVX2 static inline unsigned sentence_stop_block16(__m256i lanes, uint16_t parameter) {
    (void)parameter;
    __m256i printable = below16x2(_mm256_sub_epi16(lanes, _mm256_set1_epi16(0x20)), 0x60);
    __m256i terminators = equals_any16x2(lanes, 0x2E, 0x21, 0x3F);
    return ~(unsigned)_mm256_movemask_epi8(_mm256_andnot_si256(terminators, printable));
}

QSCAN_TARGET_AVX2 static size_t quote_stop_avx2(const uint16_t *units, size_t start, size_t end) {
    return scan16_avx2(units, start, end, 0, quote_stop_block16, quote_stop_block8, quote_stop_unit);
}

QSCAN_TARGET_AVX2 static size_t outside_avx2(const uint16_t *units, size_t start, size_t end, uint16_t limit) {
    return scan16_avx2(units, start, end, limit, outside_block16, outside_block8, outside_unit);
}

QSCAN_TARGET_AVX2 static size_t find_avx2(const uint16_t *units, size_t start, size_t end, uint16_t value) {
    return scan16_avx2(units, start, end, value, find_block16, find_block8, find_unit);
}

QSCAN_TARGET_AVX2 static size_t sentence_stop_avx2(const uint16_t *units, size_t start, size_t end) {
    return scan16_avx2(units, start, end, 0, sentence_stop_block16, sentence_stop_block8, sentence_stop_unit);
}

/// `qscan_u8_json_stop` for a range of at least 32 bytes: its blocks, then its last block.
QSCAN_TARGET_AVX2 static size_t json_stop_avx2(const uint8_t *bytes, size_t start, size_t end) {
    size_t index = start;
    while (index + 32 <= end) {
        unsigned stops = (unsigned)_mm256_movemask_epi8(json_specials8x2(_mm256_loadu_si256((const __m256i *)(bytes + index))));
        if (stops) return index + (size_t)__builtin_ctz(stops);
        index += 32;
    }
    if (index == end) return end;
    size_t last = end - 32;  // as in `scan16_sse2`
    unsigned stops = (unsigned)_mm256_movemask_epi8(json_specials8x2(_mm256_loadu_si256((const __m256i *)(bytes + last))));
    return stops ? last + (size_t)__builtin_ctz(stops) : end;
}
#endif

/// The widest driver the processor and `qscan_plain_only` allow, for one scan (AVX2 when
/// `condition` holds too: a range long enough for the AVX2 code to take whole).
#if QSCAN_AVX2
#define QSCAN_DISPATCH(condition, avx2) if (qscan_has_avx2 && qscan_plain_only == 0 && (condition)) return avx2;
#else
#define QSCAN_DISPATCH(condition, avx2)
#endif
#if defined(__SSE2__)
#define QSCAN_SSE2(sse2) if (qscan_plain_only != 1) return sse2;
#else
#define QSCAN_SSE2(sse2)
#endif

size_t qscan_u16_quote_stop(const uint16_t *units, size_t start, size_t end) {
    QSCAN_DISPATCH(1, quote_stop_avx2(units, start, end))
    QSCAN_SSE2(scan16_sse2(units, start, end, 0, quote_stop_block8, quote_stop_unit))
    return scan16_plain(units, start, end, 0, quote_stop_unit);
}

size_t qscan_u16_outside(const uint16_t *units, size_t start, size_t end, uint16_t limit) {
    // The blocks' range test needs `limit` below 0x80 (a limit of 0x80 stops at every unit).
    if (limit >= 0x80) return scan16_plain(units, start, end, limit, outside_unit);
    QSCAN_DISPATCH(1, outside_avx2(units, start, end, limit))
    QSCAN_SSE2(scan16_sse2(units, start, end, limit, outside_block8, outside_unit))
    return scan16_plain(units, start, end, limit, outside_unit);
}

size_t qscan_u16_find(const uint16_t *units, size_t start, size_t end, uint16_t value) {
    QSCAN_DISPATCH(1, find_avx2(units, start, end, value))
    QSCAN_SSE2(scan16_sse2(units, start, end, value, find_block8, find_unit))
    return scan16_plain(units, start, end, value, find_unit);
}

size_t qscan_u16_sentence_stop(const uint16_t *units, size_t start, size_t end) {
    QSCAN_DISPATCH(1, sentence_stop_avx2(units, start, end))
    QSCAN_SSE2(scan16_sse2(units, start, end, 0, sentence_stop_block8, sentence_stop_unit))
    return scan16_plain(units, start, end, 0, sentence_stop_unit);
}

size_t qscan_u8_json_stop(const uint8_t *bytes, size_t start, size_t end) {
    QSCAN_DISPATCH(end - start >= 32, json_stop_avx2(bytes, start, end))
    size_t index = start;
#if defined(__SSE2__)
    if (qscan_plain_only != 1) {
        while (index + 16 <= end) {
            int stops = _mm_movemask_epi8(json_specials8(_mm_loadu_si128((const __m128i *)(bytes + index))));
            if (stops) return index + (size_t)__builtin_ctz((unsigned)stops);
            index += 16;
        }
    }
#endif
    for (; index < end; index++) {
        uint8_t byte = bytes[index];
        if (byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F) return index;
    }
    return end;
}

#if QSCAN_AVX2
/// The thirty-two bytes of `lanes` as UTF-16 units at `destination`.
QSCAN_TARGET_AVX2 static inline void store_widened32(uint16_t *destination, __m256i lanes) {
    _mm256_storeu_si256((__m256i *)destination, _mm256_cvtepu8_epi16(_mm256_castsi256_si128(lanes)));
    _mm256_storeu_si256((__m256i *)(destination + 16), _mm256_cvtepu8_epi16(_mm256_extracti128_si256(lanes, 1)));
}

/// `qscan_widen_ascii`'s 32-byte blocks: how many bytes they widened (the narrower loops go on
/// from there, and find the byte at or above 0x80 in the block that has one).
QSCAN_TARGET_AVX2 static size_t widen_ascii_avx2(const uint8_t *source, size_t count, uint16_t *destination) {
    size_t index = 0;
    while (index + 32 <= count) {
        __m256i lanes = _mm256_loadu_si256((const __m256i *)(source + index));
        if (_mm256_movemask_epi8(lanes)) break;
        store_widened32(destination + index, lanes);
        index += 32;
    }
    return index;
}

/// `qscan_widen_json` for at least 32 bytes: its blocks, then its last block.
QSCAN_TARGET_AVX2 static size_t widen_json_avx2(const uint8_t *source, size_t count, uint16_t *destination) {
    size_t index = 0;
    while (index + 32 <= count) {
        __m256i lanes = _mm256_loadu_si256((const __m256i *)(source + index));
        store_widened32(destination + index, lanes);  // the whole block: there is room
        unsigned stops = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(json_specials8x2(lanes), lanes));
        if (stops) return index + (size_t)__builtin_ctz(stops);
        index += 32;
    }
    if (index == count) return count;
    // The last block again, ending at `count` (the units before `index` are written again, the
    // same; they passed).
    size_t last = count - 32;
    __m256i lanes = _mm256_loadu_si256((const __m256i *)(source + last));
    store_widened32(destination + last, lanes);
    unsigned stops = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(json_specials8x2(lanes), lanes));
    return stops ? last + (size_t)__builtin_ctz(stops) : count;
}
#endif

size_t qscan_widen_ascii(const uint8_t *source, size_t count, uint16_t *destination) {
    size_t index = 0;
#if QSCAN_AVX2
    if (qscan_has_avx2 && qscan_plain_only == 0) index = widen_ascii_avx2(source, count, destination);
#endif
#if defined(__SSE2__)
    if (qscan_plain_only != 1) {
        while (index + 16 <= count) {
            __m128i lanes = _mm_loadu_si128((const __m128i *)(source + index));
            if (_mm_movemask_epi8(lanes)) break;  // a byte at or above 0x80
            store_widened(destination + index, lanes);
            index += 16;
        }
    }
#endif
    for (; index < count; index++) {
        uint8_t byte = source[index];
        if (byte >= 0x80) return index;
        destination[index] = byte;
    }
    return count;
}

size_t qscan_widen_json(const uint8_t *source, size_t count, uint16_t *destination) {
    QSCAN_DISPATCH(count >= 32, widen_json_avx2(source, count, destination))
    size_t index = 0;
#if defined(__SSE2__)
    if (qscan_plain_only != 1) {
        while (index + 16 <= count) {
            __m128i lanes = _mm_loadu_si128((const __m128i *)(source + index));
            store_widened(destination + index, lanes);  // the whole block: there is room
            // Bytes at or above 0x80 stop it too, by their sign bit.
            int stops = _mm_movemask_epi8(_mm_or_si128(json_specials8(lanes), lanes));
            if (stops) return index + (size_t)__builtin_ctz((unsigned)stops);
            index += 16;
        }
    }
#endif
    for (; index < count; index++) {
        uint8_t byte = source[index];
        if (byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C) return index;
        destination[index] = byte;
    }
    return count;
}

size_t qscan_narrow_ascii(const uint16_t *source, size_t count, uint8_t *destination) {
    size_t index = 0;
#if defined(__SSE2__)
    if (qscan_plain_only != 1) {
        const __m128i wide = _mm_set1_epi16((short)0xFF80);
        while (index + 16 <= count) {
            __m128i low = _mm_loadu_si128((const __m128i *)(source + index));
            __m128i high = _mm_loadu_si128((const __m128i *)(source + index + 8));
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(_mm_or_si128(low, high), wide), _mm_setzero_si128())) != 0xFFFF) break;
            _mm_storeu_si128((__m128i *)(destination + index), _mm_packus_epi16(low, high));
            index += 16;
        }
    }
#endif
    for (; index < count; index++) {
        uint16_t unit = source[index];
        if (unit >= 0x80) return index;
        destination[index] = (uint8_t)unit;
    }
    return count;
}
