"""Times one single-threaded `implicit` ALS training on a moodsketch split; prints `implicit WALL CPU` (seconds).

Usage: implicit_als_time.py TRAIN_TSV [--factors 64] [--regularization 0.05] [--alpha 2] [--iterations 15]

Same settings and confidence matrix as implicit_baseline.py (confidence 1 + alpha*log(1 + plays) given to
implicit with its own alpha = 1, conjugate gradient with implicit's default 3 steps, float32). Only `fit` is
timed; reading the file and building the matrix are not, as on our side (`trainingSeconds`).
"""

import argparse
import os
import time

# Single-threaded BLAS and OpenMP: the comparison is one core against one core.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from implicit.als import AlternatingLeastSquares  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("--factors", type=int, default=64)
    ap.add_argument("--regularization", type=float, default=0.05)
    ap.add_argument("--alpha", type=float, default=2.0)
    ap.add_argument("--iterations", type=int, default=15)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    users, items, r, c, plays = {}, {}, [], [], []
    with open(a.train, encoding="utf-8") as f:
        next(f)
        for line in f:
            user, item, weight = line.rstrip("\n").split("\t")[:3]
            r.append(users.setdefault(user, len(users)))
            c.append(items.setdefault(item, len(items)))
            plays.append(float(weight))
    confidence = sp.csr_matrix(
        ((1 + a.alpha * np.log1p(np.array(plays))).astype(np.float32), (np.array(r), np.array(c))),
        shape=(len(users), len(items)))
    model = AlternatingLeastSquares(
        factors=a.factors, regularization=a.regularization, alpha=1.0, iterations=a.iterations,
        use_cg=True, calculate_training_loss=False, num_threads=1, random_state=a.seed)
    assert model.cg_steps == 3
    start, cpu_start = time.perf_counter(), time.process_time()
    model.fit(confidence, show_progress=False)
    print(f"implicit {time.perf_counter() - start:.4f} {time.process_time() - cpu_start:.4f}")


if __name__ == "__main__":
    main()
