"""Trains the `implicit` library's ALS and BPR on a moodsketch split and writes their top-k lists.

Usage: implicit_baseline.py SPLIT_DIR OUT_TSV TIMES_JSON [--k 10] [--factors 64] ...

Reads SPLIT_DIR/train.tsv and SPLIT_DIR/test.tsv (`user item weight` with a header, as written by
`moodsketch evaluate --write-split`), builds the same confidence 1 + alpha*log(1 + plays) that moodsketch's
ALS uses (passed to implicit with its own alpha = 1, so both minimise the same objective), trains
single-threaded, and writes `user item rank model` lines for every test user, already-played items filtered,
so that `moodsketch evaluate --score` ranks them with exactly the same metric code as our models.
"""

import argparse
import json
import os
import time

# Single-threaded BLAS and OpenMP: the comparison is one core against one core.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
import implicit  # noqa: E402
from implicit.als import AlternatingLeastSquares  # noqa: E402
from implicit.bpr import BayesianPersonalizedRanking  # noqa: E402


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            user, item, weight = line.rstrip("\n").split("\t")[:3]
            rows.append((user, item, float(weight)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split")
    ap.add_argument("out")
    ap.add_argument("times")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--factors", type=int, default=64)
    ap.add_argument("--regularization", type=float, default=0.05)
    ap.add_argument("--alpha", type=float, default=2.0)
    ap.add_argument("--iterations", type=int, default=15)
    ap.add_argument("--bpr-iterations", type=int, default=60)
    ap.add_argument("--learning-rate", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()

    train = read(os.path.join(a.split, "train.tsv"))
    test = read(os.path.join(a.split, "test.tsv"))
    users, items = {}, {}
    for u, i, _ in train:
        users.setdefault(u, len(users))
        items.setdefault(i, len(items))
    r = np.array([users[u] for u, _, _ in train])
    c = np.array([items[i] for _, i, _ in train])
    plays = np.array([w for _, _, w in train], dtype=np.float64)
    shape = (len(users), len(items))
    confidence = sp.csr_matrix(((1 + a.alpha * np.log1p(plays)).astype(np.float32), (r, c)), shape=shape)
    binary = sp.csr_matrix((np.ones(len(train), dtype=np.float32), (r, c)), shape=shape)
    item_ids = list(items)
    test_users = sorted({u for u, _, _ in test if u in users}, key=lambda u: users[u])
    rows = np.array([users[u] for u in test_users])

    times = {"implicit_version": implicit.__version__}
    lines = ["user\titem\trank\tmodel"]
    models = [
        ("implicit-als", confidence, AlternatingLeastSquares(
            factors=a.factors, regularization=a.regularization, alpha=1.0, iterations=a.iterations,
            use_cg=True, calculate_training_loss=False, num_threads=1, random_state=a.seed)),
        ("implicit-bpr", binary, BayesianPersonalizedRanking(
            factors=a.factors, learning_rate=a.learning_rate, regularization=0.01, iterations=a.bpr_iterations,
            num_threads=1, random_state=a.seed)),
    ]
    for name, matrix, model in models:
        start, cpu_start = time.perf_counter(), time.process_time()
        model.fit(matrix, show_progress=False)
        times[name] = time.perf_counter() - start
        times[name + "-cpu"] = time.process_time() - cpu_start
        ids, _ = model.recommend(rows, matrix[rows], N=a.k, filter_already_liked_items=True)
        for u, ranked in zip(test_users, ids):
            for rank, i in enumerate(ranked, 1):
                if i >= 0:
                    lines.append(f"{u}\t{item_ids[i]}\t{rank}\t{name}")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(a.times, "w") as f:
        json.dump(times, f)


if __name__ == "__main__":
    main()
