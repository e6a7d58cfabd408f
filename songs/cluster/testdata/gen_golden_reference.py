#!/usr/bin/python3
"""Reference numbers for the structureless reference of songs/cluster
(GaussianReference): the mean silhouette scikit-learn's K-Means reaches on
data drawn from one Gaussian.

A fixed 2-D data set of 400 rows (stored, so the Go test needs no other
file) is drawn from a correlated Gaussian; for k = 2 and 3 the script draws
400 data sets of 400 rows from numpy.random.multivariate_normal with the
data set's mean and covariance (numpy.cov, divisor n-1), clusters each with
sklearn.cluster.KMeans(n_clusters=k, n_init=10) and records the mean and
standard deviation of sklearn.metrics.silhouette_score over the draws. Our
draws use other random numbers, so the Go test compares means within
their Monte Carlo error.

Run with Debian's Python (scikit-learn 1.2.1, NumPy 1.24):

    /usr/bin/python3 songs/cluster/testdata/gen_golden_reference.py

It writes golden_reference.json next to itself.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {"python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__}

rng = np.random.default_rng(20261207)
X = rng.multivariate_normal([1.0, -2.0], [[4.0, 1.5], [1.5, 1.0]], size=400)
mean, cov = X.mean(axis=0), np.cov(X, rowvar=False)
DRAWS = 400
out = {"versions": VERSIONS, "script": "gen_golden_reference.py", "x": X.tolist(),
       "mean": mean.tolist(), "cov": cov.tolist(),
       "cov_source": "numpy.cov(x, rowvar=False) (divisor n-1)", "cases": []}
for k in (2, 3):
    sil = []
    for _ in range(DRAWS):
        d = rng.multivariate_normal(mean, cov, size=len(X))
        labels = KMeans(n_clusters=k, n_init=10, random_state=int(rng.integers(1 << 31))).fit(d).labels_
        sil.append(silhouette_score(d, labels))
    sil = np.asarray(sil)
    out["cases"].append({"k": k, "draws": DRAWS, "mean": float(sil.mean()), "sd": float(sil.std(ddof=1)),
                         "source": f"mean and sd (ddof=1) of silhouette_score of KMeans(n_clusters={k}, n_init=10) "
                                   f"on {DRAWS} draws of multivariate_normal(mean, cov, size=400)"})
    print(k, sil.mean(), sil.std(ddof=1))
with open(os.path.join(HERE, "golden_reference.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print("wrote golden_reference.json")
