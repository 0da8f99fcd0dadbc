// The public header from C++: extern "C" linkage, usable types.
#include <mapops/mapops.h>

int main()
{
	mapops_prog_t *prog = mapops_prog_new();
	mapops_load_opts opts = {};

	opts.sz = sizeof(opts);
	opts.prog_name = "cxx";
	if (!prog)
		return 1;
	int rc = mapops_exit(prog);
	mapops_prog_free(prog);
	return rc == 0 && opts.sz == sizeof(opts) ? 0 : 1;
}
