/*
 * store_sha256.h — SHA-256 (FIPS 180-4) of a byte buffer, for the store's
 * content identity of source files.
 */
#ifndef XXGK_STORE_SHA256_H
#define XXGK_STORE_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The 32-byte digest of data[0..size): with the processor's SHA
 * instructions when it has them (store_sha256_ni.c), else portably. */
void sha256(const void *data, size_t size, uint8_t digest[32]);

/* The same, always computed portably (for tests comparing the two). */
void sha256_portable(const void *data, size_t size, uint8_t digest[32]);

/* store_sha256_ni.c: whether this processor has the SHA extensions, and
 * n 64-byte blocks at p compressed into h with them. */
bool sha256_ni_usable(void);
void sha256_ni_blocks(uint32_t h[8], const uint8_t *p, size_t n);

/* The digest as 64 lower-case hex digits and a NUL. */
void sha256_hex(const uint8_t digest[32], char hex[65]);

#endif
