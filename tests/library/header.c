/* xxgk.h compiles alone in C11 (-pedantic): the one public header. */
#include <xxgk.h>

int main(void)
{
    xxgk_error err = {XXGK_OK, ""};
    return xxgk_cell_count() > 0 && err.status == XXGK_OK ? 0 : 1;
}
