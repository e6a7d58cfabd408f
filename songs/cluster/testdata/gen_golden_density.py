#!/usr/bin/python3
"""Writes the golden files of the hierarchical, DBSCAN and Mean Shift tests.

Run with Debian's interpreter from this folder:  /usr/bin/python3 gen_golden_density.py
The outputs golden_density*.json are committed so that `go test` needs no Python.
Every fixture's data is generated here and written into the JSON with the
reference results; each result names the SciPy/scikit-learn call that made it.
"""
import json
import os
import sys

import numpy as np
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage
from sklearn.cluster import DBSCAN, AgglomerativeClustering, MeanShift, estimate_bandwidth
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "internal", "goldentest"))
import goldens  # noqa: E402

VERSIONS = goldens.versions()


def dump(name, obj):
    obj["versions"] = VERSIONS
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print("wrote", name)


def linkage_case(name, X, k, height):
    case = {"name": name, "data": X.tolist(), "k": k, "height": height, "linkages": {}}
    for method in ["ward", "complete", "average", "single"]:
        Z = linkage(X, method=method, metric="euclidean")
        labels = AgglomerativeClustering(n_clusters=k, linkage=method).fit(X).labels_
        flat = fcluster(Z, height, criterion="distance")
        d = dendrogram(Z, no_plot=True)
        dt = dendrogram(Z, no_plot=True, truncate_mode="lastp", p=6)
        case["linkages"][method] = {
            "source": "scipy.cluster.hierarchy.linkage(X, method=%r); sklearn AgglomerativeClustering(n_clusters=k, linkage=%r).labels_; fcluster(Z, height, 'distance'); dendrogram(Z, no_plot=True) and truncate_mode='lastp', p=6" % (method, method),
            "Z": Z.tolist(),
            "labels_k": labels.tolist(),
            "labels_height": (flat - 1).tolist(),
            "dendrogram": {"leaves": d["leaves"], "ivl": d["ivl"], "icoord": d["icoord"], "dcoord": d["dcoord"]},
            "dendrogram_lastp6": {"leaves": dt["leaves"], "ivl": dt["ivl"], "icoord": dt["icoord"], "dcoord": dt["dcoord"]},
        }
    return case


def hierarchical():
    X1, _ = make_blobs(n_samples=60, n_features=3, centers=4, cluster_std=1.2, random_state=0)
    X2, _ = make_blobs(n_samples=400, n_features=5, centers=6, cluster_std=2.0, random_state=1)
    cases = [linkage_case("blobs60x3", X1, 4, 3.0), linkage_case("blobs400x5", X2, 6, 5.0)]
    dump("golden_density_linkage.json", {"cases": cases})


def real_ward():
    """The original pipeline (ORIGINAL-STUDY.md): drop 10 extreme rows, standardise
    the 11 features, PCA to 95% variance (9 components), Ward k=2."""
    import pandas as pd

    path = os.path.join(HERE, "../../../data/raw/rolling_stones_spotify.csv")
    if not os.path.exists(path):
        path = "/work/shared/data/rolling_stones_spotify.csv"
    if not os.path.exists(path):
        print("real catalog not found: golden_density_real.json not written")
        return
    df = pd.read_csv(path)
    df.columns = [c.strip().replace(" ", "_").lower() for c in df.columns]
    drop = goldens.original_drops(df)
    df = df.drop(index=sorted(drop)).reset_index(drop=True)
    feats = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
             "loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"]
    Z = StandardScaler().fit_transform(df[feats].to_numpy(dtype=float))
    pca = PCA(n_components=0.95).fit(Z)
    P = pca.transform(Z)
    labels = AgglomerativeClustering(n_clusters=2, linkage="ward").fit(P).labels_
    sil = silhouette_score(P, labels)
    Zl = linkage(P, method="ward")
    print("real: rows", len(df), "components", P.shape[1], "ward k=2 silhouette", sil)
    dump("golden_density_real.json", {
        "source": "StandardScaler on 11 features after dropping %d rows, PCA(n_components=0.95).fit_transform; "
                  "AgglomerativeClustering(n_clusters=2, linkage='ward').labels_; silhouette_score; "
                  "scipy linkage(P, 'ward')[-10:, 2]" % len(drop),
        "data": P.tolist(),
        "labels_k2": labels.tolist(),
        "silhouette_k2": float(sil),
        "top_heights": Zl[-10:, 2].tolist(),
    })


def dbscan_case(name, X, eps, min_samples, kdist_k):
    labels = DBSCAN(eps=eps, min_samples=min_samples).fit(X).labels_
    d, _ = NearestNeighbors(n_neighbors=kdist_k).fit(X).kneighbors(X)
    return {
        "name": name,
        "source": "sklearn DBSCAN(eps, min_samples).fit(X).labels_; "
                  "sort(NearestNeighbors(n_neighbors=kdist_k).fit(X).kneighbors(X)[0][:, -1])",
        "data": X.tolist(), "eps": eps, "min_samples": min_samples, "labels": labels.tolist(),
        "kdist_k": kdist_k, "kdist": np.sort(d[:, -1]).tolist(),
    }


def bench_like(n, seed):
    """A small catalog shaped like sklearn_ref.py gen: 8 overlapping 11-D blobs, standardised."""
    stds = np.random.default_rng(seed).uniform(1.5, 3.0, 8)
    X, _ = make_blobs(n, n_features=11, centers=8, cluster_std=stds, center_box=(-4, 4), random_state=seed)
    return StandardScaler().fit_transform(X)


def density():
    rng = np.random.RandomState(3)
    X1, _ = make_blobs(n_samples=250, n_features=2, centers=[[0, 0], [4, 4], [0, 5]], cluster_std=0.7, random_state=3)
    X1 = np.vstack([X1, rng.uniform(-3, 8, size=(30, 2))])
    X2 = bench_like(1200, 42)
    # eps as in sklearn_ref.py: median distance to the 22nd neighbour (itself included).
    d22, _ = NearestNeighbors(n_neighbors=22).fit(X2).kneighbors(X2)
    eps2 = float(np.median(d22[:, -1]))
    cases = [dbscan_case("blobs280x2", X1, 0.5, 5, 5), dbscan_case("benchlike1200x11", X2, eps2, 22, 22)]

    ms = []
    X3, _ = make_blobs(n_samples=300, n_features=2, centers=[[1, 1], [-1, -1], [1, -1]], cluster_std=0.6, random_state=0)
    for name, X, q in [("blobs300x2", X3, 0.2), ("benchlike1200x11", X2, 0.05)]:
        bw = float(estimate_bandwidth(X, quantile=q))
        for cluster_all in [True, False]:
            m = MeanShift(bandwidth=bw, bin_seeding=True, cluster_all=cluster_all).fit(X)
            ms.append({
                "name": name, "quantile": q, "bandwidth": bw, "cluster_all": cluster_all,
                "source": "estimate_bandwidth(X, quantile=q) (n_samples=None); "
                          "MeanShift(bandwidth, bin_seeding=True, cluster_all).fit(X)",
                "data": X.tolist(), "centers": m.cluster_centers_.tolist(), "labels": m.labels_.tolist(),
                "n_iter": int(m.n_iter_),
            })
    dump("golden_density_dbscan.json", {"cases": cases})
    dump("golden_density_meanshift.json", {"cases": ms})


if __name__ == "__main__":
    hierarchical()
    density()
    real_ward()
