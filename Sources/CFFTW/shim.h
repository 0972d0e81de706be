#include <fftw3.h>

// fftw_version is a `const char[]`, which Swift cannot import; expose it as a pointer.
static inline const char *cfftw_version(void) { return fftwf_version; }
