/*
 * cmd_serve.c — `xxgk serve`: the web interface (server/), started from
 * the command line.
 */
#include "cli.h"
#include "server.h"

int cmd_serve(int argc, char **argv)
{
    return serve_main(argc, argv);
}
