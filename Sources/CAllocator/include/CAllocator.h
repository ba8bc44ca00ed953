// Process-wide allocator settings for the htmx-headless executable (Swift's Glibc module does
// not export malloc.h). Why, and what it measured: Sources/htmx-headless/Allocator.swift.
#ifndef HEADLESSHTMX_CALLOCATOR_H
#define HEADLESSHTMX_CALLOCATOR_H

#if defined(__linux__)
#include <malloc.h>
#endif

/// Turns off glibc's fast bins; does nothing with another C library.
static inline void hh_disable_fast_bins(void) {
#if defined(__GLIBC__) && defined(M_MXFAST)
    mallopt(M_MXFAST, 0);
#endif
}

#endif
