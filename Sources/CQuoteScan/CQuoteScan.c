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

size_t qscan_u16_quote_stop(const uint16_t *units, size_t start, size_t end) {
    size_t index = start;
#if defined(__SSE2__)
    if (!qscan_plain_only) {
        const __m128i wide = _mm_set1_epi16((short)0xFF80);
        const __m128i zero = _mm_setzero_si128();
        while (index + 8 <= end) {
            __m128i lanes = _mm_loadu_si128((const __m128i *)(units + index));
            __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(lanes, wide), zero);
            __m128i marks = equals_any16(lanes, 0x22, 0x27, 0x60);
            int stops = _mm_movemask_epi8(_mm_andnot_si128(marks, ascii)) ^ 0xFFFF;
            if (stops) return index + lane16(stops);
            index += 8;
        }
    }
#endif
    for (; index < end; index++) {
        uint16_t unit = units[index];
        if (unit >= 0x80 || unit == 0x22 || unit == 0x27 || unit == 0x60) return index;
    }
    return end;
}

size_t qscan_u16_outside(const uint16_t *units, size_t start, size_t end, uint16_t limit) {
    size_t index = start;
#if defined(__SSE2__)
    if (!qscan_plain_only && limit < 0x80) {
        const __m128i low = _mm_set1_epi16((short)limit);
        while (index + 8 <= end) {
            __m128i lanes = _mm_loadu_si128((const __m128i *)(units + index));
            // In [limit, 0x80) exactly when lanes - limit (wrapping) is below 0x80 - limit.
            __m128i inside = below16(_mm_sub_epi16(lanes, low), (uint16_t)(0x80 - limit));
            int stops = _mm_movemask_epi8(inside) ^ 0xFFFF;
            if (stops) return index + lane16(stops);
            index += 8;
        }
    }
#endif
    for (; index < end; index++) {
        uint16_t unit = units[index];
        if (unit < limit || unit >= 0x80) return index;
    }
    return end;
}

size_t qscan_u16_find(const uint16_t *units, size_t start, size_t end, uint16_t value) {
    size_t index = start;
#if defined(__SSE2__)
    if (!qscan_plain_only) {
        const __m128i wanted = _mm_set1_epi16((short)value);
        while (index + 8 <= end) {
            int found = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_loadu_si128((const __m128i *)(units + index)), wanted));
            if (found) return index + lane16(found);
            index += 8;
        }
    }
#endif
    for (; index < end; index++) {
        if (units[index] == value) return index;
    }
    return end;
}

size_t qscan_u16_sentence_stop(const uint16_t *units, size_t start, size_t end) {
    size_t index = start;
#if defined(__SSE2__)
    if (!qscan_plain_only) {
        const __m128i space = _mm_set1_epi16(0x20);
        while (index + 8 <= end) {
            __m128i lanes = _mm_loadu_si128((const __m128i *)(units + index));
            __m128i printable = below16(_mm_sub_epi16(lanes, space), 0x60);
            __m128i terminators = equals_any16(lanes, 0x2E, 0x21, 0x3F);
            int stops = _mm_movemask_epi8(_mm_andnot_si128(terminators, printable)) ^ 0xFFFF;
            if (stops) return index + lane16(stops);
            index += 8;
        }
    }
#endif
    for (; index < end; index++) {
        uint16_t unit = units[index];
        if (unit < 0x20 || unit >= 0x80 || unit == 0x2E || unit == 0x21 || unit == 0x3F) return index;
    }
    return end;
}

size_t qscan_u8_json_stop(const uint8_t *bytes, size_t start, size_t end) {
    size_t index = start;
#if defined(__SSE2__)
    if (!qscan_plain_only) {
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

size_t qscan_widen_ascii(const uint8_t *source, size_t count, uint16_t *destination) {
    size_t index = 0;
#if defined(__SSE2__)
    if (!qscan_plain_only) {
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
    size_t index = 0;
#if defined(__SSE2__)
    if (!qscan_plain_only) {
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
    if (!qscan_plain_only) {
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
