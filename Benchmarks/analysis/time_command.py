"""Runs a command and prints its wall-clock and CPU (user + system) seconds: `time_command.py CMD...`.
The command's standard output passes through; the timing goes to standard error as "wall cpu"."""
import resource
import subprocess
import sys
import time

start = time.perf_counter()
status = subprocess.call(sys.argv[1:])
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.3f} {usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
sys.exit(status)
