// xxgk.h compiles alone in C++ (-pedantic): the one public header.
#include <xxgk.h>

int main()
{
    xxgk_error err = {};
    return xxgk_cell_count() > 0 && err.status == XXGK_OK ? 0 : 1;
}
