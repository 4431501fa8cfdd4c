/* test_store_sha256.c — the store's SHA-256 (nettle's, opened when
 * first needed) against the examples of FIPS 180-2 (appendix B) and at
 * the padding boundaries. */
#include <stdlib.h>
#include <string.h>

#include "store_sha256.h"
#include "unit.h"

static const char *hex_of(const void *data, size_t n)
{
    static char hex[65];
    uint8_t d[32];
    sha256(data, n, d);
    sha256_hex(d, hex);
    return hex;
}

static void standard_examples(void)
{
    CHECK_STR(hex_of("abc", 3),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    CHECK_STR(hex_of(two, strlen(two)),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK_STR(hex_of("", 0),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void million_a(void)
{
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    CHECK_STR(hex_of(a, 1000000),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

/* 55 bytes leave room for the length in the last block; 56 need one
 * more block; 64 fill a block exactly. Expected digests from coreutils'
 * sha256sum, an independent implementation. */
static void padding_boundaries(void)
{
    char buf[64];
    memset(buf, 'x', sizeof buf);
    CHECK_STR(hex_of(buf, 55),
              "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    CHECK_STR(hex_of(buf, 56),
              "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    CHECK_STR(hex_of(buf, 64),
              "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

const struct unit_case unit_cases[] = {
    {"standard_examples", standard_examples},
    {"million_a", million_a},
    {"padding_boundaries", padding_boundaries},
    {NULL, NULL},
};
