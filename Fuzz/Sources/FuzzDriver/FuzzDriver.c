#include "FuzzDriver.h"
#include <stddef.h>
#include <stdint.h>

// Both come from the link: libFuzzer (-sanitize=fuzzer) and the target's @_cdecl Swift function.
extern int LLVMFuzzerRunDriver(int *argc, char ***argv,
                               int (*callback)(const uint8_t *data, size_t size));
extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ENTRY(target)                                                \
  int target##_main(int argc, char **argv) {                              \
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);      \
  }

FUZZ_ENTRY(FuzzMIDIFile)
FUZZ_ENTRY(FuzzCSV)
FUZZ_ENTRY(FuzzEventFile)
FUZZ_ENTRY(FuzzChordSymbols)
FUZZ_ENTRY(FuzzRomanNumerals)
FUZZ_ENTRY(FuzzKeysAndMeters)
FUZZ_ENTRY(FuzzMoodPrompt)
