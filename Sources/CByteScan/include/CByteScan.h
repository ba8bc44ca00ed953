// Byte-class masks for EventStream's line scan and the result's JSON string writer. Swift
// has no operation that turns a vector compare into a bit mask in one instruction (SSE2's
// movemask); this header gives it one, as static inline functions that the Swift compiler
// inlines at the call site.
#ifndef HEADLESSHTMX_CBYTESCAN_H
#define HEADLESSHTMX_CBYTESCAN_H

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit k is set when byte k of p[0..<32] is below 0x0E or at/above 0x80, that is, when it
/// is less than 0x0E as a signed byte: CR, LF, the other C0 controls up to CR, and every
/// byte of a non-ASCII UTF-8 sequence. p must have 32 readable bytes.
static inline uint32_t hh_flagged_bytes32(const uint8_t *p) {
#if defined(__SSE2__)
    const __m128i limit = _mm_set1_epi8(0x0E);
    __m128i low, high;
    memcpy(&low, p, 16);
    memcpy(&high, p + 16, 16);
    uint32_t a = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(low, limit));
    uint32_t b = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(high, limit));
    return a | (b << 16);
#else
    uint32_t mask = 0;
    for (int k = 0; k < 32; k++) {
        if ((int8_t)p[k] < 0x0E) mask |= (uint32_t)1 << k;
    }
    return mask;
#endif
}

/// Bit k is set when byte k of p[0..<32] must be escaped in a JSON string: a C0 control
/// (below 0x20), '"' or '\\'. p must have 32 readable bytes.
static inline uint32_t hh_json_special32(const uint8_t *p) {
#if defined(__SSE2__)
    const __m128i c0top = _mm_set1_epi8(0x1F);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    uint32_t mask = 0;
    for (int half = 0; half < 2; half++) {
        __m128i x;
        memcpy(&x, p + 16 * half, 16);
        // x <= 0x1F as an unsigned byte exactly when max(x, 0x1F) == 0x1F.
        __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, c0top), c0top);
        __m128i hit = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
        mask |= (uint32_t)_mm_movemask_epi8(hit) << (16 * half);
    }
    return mask;
#else
    uint32_t mask = 0;
    for (int k = 0; k < 32; k++) {
        if (p[k] < 0x20 || p[k] == '"' || p[k] == '\\') mask |= (uint32_t)1 << k;
    }
    return mask;
#endif
}

#endif
