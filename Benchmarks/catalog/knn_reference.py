"""Exact k-NN in NumPy and scikit-learn on the vectors moodsketch's benchmark wrote, and a check that
moodsketch's top-10 answers are identical to the exact float64 answers.

The distance is moodsketch's weighted squared Euclidean distance, sum_d w_d (q_d - x_d)^2 (the benchmark
vectors know every feature group, so no mask corrections apply). scikit-learn gets the same ranking from
plain Euclidean distance on vectors scaled by sqrt(w).

Usage: knn_reference.py FOLDER   (FOLDER holds vectors.f32, queries.f32, weights.f32, result.json)
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.neighbors import NearestNeighbors

DIM = 24
K = 10


def main(folder):
    swift = json.load(open(f"{folder}/result.json"))
    t0 = time.perf_counter()
    x = np.fromfile(f"{folder}/vectors.f32", dtype=np.float32).reshape(-1, DIM)
    q = np.fromfile(f"{folder}/queries.f32", dtype=np.float32).reshape(-1, DIM)
    w = np.fromfile(f"{folder}/weights.f32", dtype=np.float32)
    load_s = time.perf_counter() - t0
    n = x.shape[0]

    # Exact answers in float64, ties broken by id (row + 1), as moodsketch does.
    x64 = x.astype(np.float64)
    exact = []
    for qi in q.astype(np.float64):
        d = ((x64 - qi) ** 2 * w.astype(np.float64)).sum(axis=1)
        top = np.argpartition(d, K + 32)[: K + 32]
        order = sorted(top, key=lambda r: (d[r], r))[:K]
        exact.append([int(r) + 1 for r in order])

    # NumPy float32 brute force, timed per query (what a NumPy user would write).
    wf = w.astype(np.float32)
    times = []
    for qi in q:
        t = time.perf_counter()
        d = (((x - qi) ** 2) * wf).sum(axis=1)
        top = np.argpartition(d, K)[:K]
        top = top[np.argsort(d[top], kind="stable")]
        times.append((time.perf_counter() - t) * 1000)
    numpy_ms = np.median(times), np.percentile(times, 95)

    # scikit-learn exact brute-force k-NN on sqrt(w)-scaled vectors, one query at a time.
    scale = np.sqrt(wf)
    xs = x * scale
    t = time.perf_counter()
    nn = NearestNeighbors(n_neighbors=K, algorithm="brute").fit(xs)
    fit_s = time.perf_counter() - t
    times = []
    for qi in q:
        t = time.perf_counter()
        nn.kneighbors((qi * scale)[None, :], return_distance=True)
        times.append((time.perf_counter() - t) * 1000)
    sk_ms = np.median(times), np.percentile(times, 95)
    # scikit-learn's batch mode (all queries at once), per query.
    t = time.perf_counter()
    nn.kneighbors(q * scale)
    sk_batch_ms = (time.perf_counter() - t) * 1000 / len(q)

    identical = sum(1 for a, b in zip(swift["answers"], exact) if a == b)
    same_sets = sum(1 for a, b in zip(swift["answers"], exact) if set(a) == set(b))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "rows": n,
        "queries": len(q),
        "moodsketch_median_ms": swift["latencyMedianMS"],
        "moodsketch_p95_ms": swift["latencyP95MS"],
        "moodsketch_threads": swift["threads"],
        "moodsketch_peak_rss_mb": swift["peakRSSBytes"] / 1e6,
        "moodsketch_matrix_mb": swift["matrixBytes"] / 1e6,
        "numpy_median_ms": numpy_ms[0],
        "numpy_p95_ms": numpy_ms[1],
        "sklearn_median_ms": sk_ms[0],
        "sklearn_p95_ms": sk_ms[1],
        "sklearn_batch_ms_per_query": sk_batch_ms,
        "sklearn_fit_s": fit_s,
        "python_peak_rss_mb": rss_mb,
        "python_load_s": load_s,
        "identical_top10_lists": f"{identical}/{len(q)}",
        "identical_top10_sets": f"{same_sets}/{len(q)}",
        "import_rows": swift["importedRows"],
        "import_rows_per_s": swift["importRowsPerSecond"],
        "database_mb": swift["databaseBytes"] / 1e6,
        "load_from_sqlite_s": swift["loadSeconds"],
    }
    print(json.dumps(out))
    if identical != len(q):
        sys.exit(f"moodsketch's top-10 differs from the exact search for {len(q) - identical} queries")


if __name__ == "__main__":
    main(sys.argv[1])
