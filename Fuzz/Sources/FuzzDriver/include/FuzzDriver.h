#ifndef MOODSKETCH_FUZZ_DRIVER_H
#define MOODSKETCH_FUZZ_DRIVER_H

// SwiftPM links an executable target with `--defsym main=<Target>_main`, which hides libFuzzer's own `main`.
// FuzzDriver.c defines `<Target>_main` for every fuzz target: each starts libFuzzer on the process's
// LLVMFuzzerTestOneInput (the target's @_cdecl Swift function). Add a line there for a new target.

#endif
