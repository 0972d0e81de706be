#ifndef MOODSKETCH_FUZZ_DRIVER_H
#define MOODSKETCH_FUZZ_DRIVER_H

/// Starts libFuzzer on this process's LLVMFuzzerTestOneInput. SwiftPM links an executable target with
/// `--defsym main=<Target>_main`, which hides libFuzzer's own `main`; each target's `<Target>_main` calls this.
int moodsketch_fuzz_main(int argc, char **argv);

#endif
