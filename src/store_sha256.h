/*
 * store_sha256.h — SHA-256 (FIPS 180-4) of a byte buffer, for the store's
 * content identity of source files (nettle's, store_sha256.c).
 */
#ifndef XXGK_STORE_SHA256_H
#define XXGK_STORE_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The 32-byte digest of data[0..size). */
void sha256(const void *data, size_t size, uint8_t digest[32]);

/* The digest as 64 lower-case hex digits and a NUL. */
void sha256_hex(const uint8_t digest[32], char hex[65]);

#endif
