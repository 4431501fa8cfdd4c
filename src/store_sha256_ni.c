/*
 * store_sha256_ni.c — SHA-256's compression function on the x86 SHA
 * extensions (SHA-NI: sha256rnds2, sha256msg1, sha256msg2), used by
 * store_sha256.c when the processor has them: `db import` hashes every
 * file, and the portable function (~300 MB/s) cost an eighth of an
 * import's CPU time; these instructions do it at well over 1 GB/s.
 *
 * The state is kept as the instructions want it: one register holding
 * A, B, E, F and one holding C, D, G, H. Each sha256rnds2 does two
 * rounds with two words of message-plus-constant from the low half of
 * its third operand; the message schedule is extended four words at a
 * time: W[t..t+3] = msg2(msg1(W[t-16..], W[t-12..]) + W[t-7..t-4],
 * W[t-4..t-1]).
 *
 * Elsewhere (another architecture or compiler) sha256_ni_usable() is
 * false and nothing here is compiled.
 */
#include "store_sha256.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))

#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>

/* 0: not asked yet, 1: yes, 2: no. cpuid is slow in a virtual machine
 * (it traps to the hypervisor): asked once. */
static atomic_int usable;

bool sha256_ni_usable(void)
{
    int u = atomic_load_explicit(&usable, memory_order_relaxed);
    if (u == 0) {
        unsigned a, b, c, d;
        bool sse = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1);
        bool sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
        u = sse && sha ? 1 : 2;
        atomic_store_explicit(&usable, u, memory_order_relaxed);
    }
    return u == 1;
}

__attribute__((target("sha,sse4.1,ssse3"))) void sha256_ni_blocks(uint32_t h[8],
                                                                   const uint8_t *p, size_t n)
{
    static const uint32_t K[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    /* big-endian words: bytes reversed within each 32-bit lane */
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    /* h[0..3] = A B C D, h[4..7] = E F G H (lane 0 first) */
    __m128i abcd = _mm_loadu_si128((const __m128i *)(const void *)h);
    __m128i efgh = _mm_loadu_si128((const __m128i *)(const void *)(h + 4));
    __m128i cdab = _mm_shuffle_epi32(abcd, 0xB1);
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, hgfe, 8);
    __m128i cdgh = _mm_blend_epi16(hgfe, cdab, 0xF0);
    for (; n > 0; n--, p += 64) {
        __m128i save_abef = abef, save_cdgh = cdgh, w[4];
        for (int t = 0; t < 16; t++) {
            __m128i m;
            if (t < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * t)),
                                     swap);
            } else {
                /* words 4t … 4t+3 from those 16, 12, 7 and 4 … 1 before */
                __m128i x = _mm_sha256msg1_epu32(w[t & 3], w[(t + 1) & 3]);
                x = _mm_add_epi32(x, _mm_alignr_epi8(w[(t + 3) & 3], w[(t + 2) & 3], 4));
                m = _mm_sha256msg2_epu32(x, w[(t + 3) & 3]);
            }
            w[t & 3] = m;
            __m128i mk = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)(const void *)(K + 4 * t)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, mk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(mk, 0x0E));
        }
        abef = _mm_add_epi32(abef, save_abef);
        cdgh = _mm_add_epi32(cdgh, save_cdgh);
    }
    /* back to A B C D and E F G H */
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    abcd = _mm_blend_epi16(feba, dchg, 0xF0);
    efgh = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128((__m128i *)(void *)h, abcd);
    _mm_storeu_si128((__m128i *)(void *)(h + 4), efgh);
}

#else

bool sha256_ni_usable(void)
{
    return false;
}

void sha256_ni_blocks(uint32_t h[8], const uint8_t *p, size_t n)
{
    (void)h;
    (void)p;
    (void)n;
}

#endif
