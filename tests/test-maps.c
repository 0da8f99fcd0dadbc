/* placeholder while the suite is written */
#include "testutil.h"
int main(void) { return 0; }
