// Byte-class masks for EventStream's line scan. Swift has no operation that turns a vector
// compare into a bit mask in one instruction (SSE2's movemask); this header gives it one,
// as static inline functions that the Swift compiler inlines at the call site.
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

#endif
