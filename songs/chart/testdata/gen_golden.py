#!/usr/bin/python3
"""Writes the reference values the chart tests compare against.

Run with Debian's /usr/bin/python3 (NumPy, SciPy and scikit-learn installed):

    /usr/bin/python3 songs/chart/testdata/gen_golden.py

It prints the library versions and rewrites golden.json next to this file.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.stats import gaussian_kde
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_samples

print("numpy", np.__version__, "scipy", scipy.__version__, "sklearn", sklearn.__version__)

rng = np.random.default_rng(20240611)
x = np.concatenate([rng.normal(0, 1, 60), rng.normal(4, 0.5, 40), [12.0, -7.5]])
at = np.linspace(x.min(), x.max(), 9)
kde = gaussian_kde(x, bw_method="scott")

X, y = make_blobs(n_samples=40, centers=3, random_state=7)
Z = linkage(X, method="ward")
d = dendrogram(Z, no_plot=True)
sil = silhouette_samples(X, y)

out = {
    "kde": {
        "source": "scipy.stats.gaussian_kde(x, bw_method='scott'); bandwidth = sqrt(kde.covariance[0,0])",
        "x": x.tolist(),
        "at": at.tolist(),
        "density": kde(at).tolist(),
        "bandwidth": float(np.sqrt(kde.covariance[0, 0])),
    },
    "quantiles": {
        "source": "numpy.quantile(x, [0.25, 0.5, 0.75]) (linear, type 7)",
        "q": np.quantile(x, [0.25, 0.5, 0.75]).tolist(),
    },
    "auto_bins": {
        "source": "len(numpy.histogram_bin_edges(x, bins='auto')) - 1",
        "bins": len(np.histogram_bin_edges(x, bins="auto")) - 1,
    },
    "dendrogram": {
        "source": "scipy.cluster.hierarchy.dendrogram(linkage(make_blobs(40, centers=3, random_state=7)[0], 'ward'), no_plot=True)",
        "icoord": d["icoord"],
        "dcoord": d["dcoord"],
        "leaves": d["ivl"],
        "cut": float((Z[-3, 2] + Z[-2, 2]) / 2),
        "clusters_at_cut": 3,
    },
    "silhouette": {
        "source": "sklearn.metrics.silhouette_samples(make_blobs(40, centers=3, random_state=7))",
        "x": X[:, 0].tolist(),
        "y": X[:, 1].tolist(),
        "labels": y.tolist(),
        "values": sil.tolist(),
    },
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote", path)
