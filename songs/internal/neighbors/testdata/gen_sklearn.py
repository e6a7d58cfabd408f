#!/usr/bin/python3
"""Writes sklearn.json: neighbours and radius counts computed by scikit-learn,
the reference for songs/internal/neighbors/sklearn_test.go.

Run with Debian's Python (python3-sklearn):

    /usr/bin/python3 songs/internal/neighbors/testdata/gen_sklearn.py

The data are drawn from a seeded NumPy generator and written out in full,
so the Go test reads exactly the rows scikit-learn saw. The k-d tree
computes every distance directly (a sum of squared differences), so its
distances are exact to rounding; the data are continuous, so no two
distances tie.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.neighbors import NearestNeighbors


def main():
    rng = np.random.default_rng(20261207)
    # 300 rows in 11 columns, four blobs, like the standardised audio features.
    centres = rng.uniform(-3, 3, size=(4, 11))
    x = centres[rng.integers(0, 4, 300)] + rng.normal(0, 1, size=(300, 11))
    q = rng.normal(0, 2, size=(20, 11))
    k = 7
    nn = NearestNeighbors(n_neighbors=k, algorithm="kd_tree").fit(x)
    dist_q, idx_q = nn.kneighbors(q)
    # kneighbors() without X: each row's k nearest other rows.
    dist_s, idx_s = nn.kneighbors()
    radii = [1.5, 2.5, 4.0]
    counts = {str(r): [int(len(a)) for a in nn.radius_neighbors(x, radius=r, return_distance=False)] for r in radii}
    doc = {
        "source": "sklearn.neighbors.NearestNeighbors(algorithm='kd_tree'): kneighbors(q, n_neighbors=7), "
                  "kneighbors() (self excluded), radius_neighbors(x, radius=r) counts (distance <= r, self included)",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__},
        "x": x.tolist(),
        "q": q.tolist(),
        "k": k,
        "query_index": idx_q.tolist(),
        "query_dist": dist_q.tolist(),
        "self_index": idx_s.tolist(),
        "self_dist": dist_s.tolist(),
        "radius_counts": counts,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sklearn.json")
    with open(path, "w") as f:
        json.dump(doc, f)
        f.write("\n")
    print("scikit-learn", sklearn.__version__, "wrote", path)


if __name__ == "__main__":
    main()
