/*
 * store_sha256.c — the SHA-256 digests of the store (files imported,
 * drafts, session ids) from nettle, which picks the processor's SHA
 * instructions where it has them (Debian builds it with --enable-fat).
 * Opened when first needed (lazy.h): the commands that hash also open
 * SQLite, and no other command pays for either.
 */
#include "store_sha256.h"

#include <nettle/sha2.h>

void sha256(const void *data, size_t size, uint8_t digest[32])
{
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, size, data);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
}

void sha256_hex(const uint8_t digest[32], char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[64] = '\0';
}
