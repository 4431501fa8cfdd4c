/*
 * case_store.c — the store a register keeps its tables in, for a
 * program (xxgk serve) that works with both through one connection.
 */
#include "case.h"

xxgk_store *xxgk_register_store(xxgk_register *reg)
{
    return reg ? reg->store : NULL;
}
