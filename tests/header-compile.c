/* The public header on its own, in whatever C standard meson builds this
 * with (-pedantic-errors): a user's first include must compile and link. */
#include <mapops/mapops.h>

int main(void)
{
	mapops_prog_t *prog = mapops_prog_new();
	int rc;

	if (!prog)
		return 1;
	rc = mapops_exit(prog);
	mapops_prog_free(prog);
	return rc == 0 ? 0 : 1;
}
