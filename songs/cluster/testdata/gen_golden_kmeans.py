#!/usr/bin/python3
"""Golden reference numbers for songs/cluster: K-Means, Gaussian mixtures,
validation metrics and the original study's clustering on the real catalog.

Run with Debian's Python (scikit-learn 1.2.1):

    /usr/bin/python3 gen_golden_kmeans.py [path/to/rolling_stones_spotify.csv]

It writes golden_kmeans.json, golden_kmeans_gmm.json and
golden_kmeans_catalog.json next to itself. Every record carries a "source"
field naming the scikit-learn call that produced it.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import (adjusted_rand_score, calinski_harabasz_score,
                             davies_bouldin_score, normalized_mutual_info_score,
                             silhouette_samples, silhouette_score)
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "internal", "goldentest"))
import goldens  # noqa: E402

VERSIONS = goldens.versions(pandas=pd.__version__)


def dump(name, obj):
    obj = {"versions": VERSIONS, "script": "gen_golden_kmeans.py", **obj}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print("wrote", name)


def lst(a):
    return np.asarray(a).tolist()


# ---------------------------------------------------------------- K-Means
def kmeans_case(name, X, init, weights=None, tol=1e-4, max_iter=300):
    km = KMeans(n_clusters=init.shape[0], init=init, n_init=1, algorithm="lloyd",
                tol=tol, max_iter=max_iter)
    km.fit(X, sample_weight=weights)
    return {"name": name, "x": lst(X), "init": lst(init),
            "weights": None if weights is None else lst(weights),
            "tol": tol, "max_iter": max_iter,
            "labels": lst(km.labels_), "centres": lst(km.cluster_centers_),
            "inertia": float(km.inertia_), "n_iter": int(km.n_iter_),
            "source": "sklearn.cluster.KMeans(n_clusters=k, init=init, n_init=1, "
                      "algorithm='lloyd', tol=tol, max_iter=max_iter).fit(x, sample_weight=weights)"}


cases = []
X1, _ = make_blobs(n_samples=300, centers=4, n_features=3, cluster_std=1.0, random_state=0)
cases.append(kmeans_case("blobs4_separated", X1, X1[[0, 1, 2, 3]]))
X2, _ = make_blobs(n_samples=500, centers=5, n_features=4, cluster_std=2.5, random_state=1)
cases.append(kmeans_case("blobs5_overlapping", X2, X2[[10, 20, 30, 40, 50]]))
cases.append(kmeans_case("blobs5_overlapping_maxiter3", X2, X2[[10, 20, 30, 40, 50]], max_iter=3))
cases.append(kmeans_case("blobs5_overlapping_tol0", X2, X2[[10, 20, 30, 40, 50]], tol=0.0))
w2 = np.random.RandomState(3).uniform(0.1, 3.0, size=X2.shape[0])
cases.append(kmeans_case("blobs5_weighted", X2, X2[[10, 20, 30, 40, 50]], weights=w2))
# A centre far from every point empties its cluster in the first iteration,
# which exercises the relocation to the farthest point.
init_far = np.vstack([X1[[0, 1, 2]], np.full((1, 3), 100.0)])
cases.append(kmeans_case("blobs4_empty_cluster", X1, init_far))

# Seeded k-means++ runs: our generator differs, so tests compare the optimum.
seeded = []
for name, X, k in [("blobs4_separated", X1, 4), ("blobs5_overlapping", X2, 5)]:
    km = KMeans(n_clusters=k, n_init=10, random_state=0, algorithm="lloyd").fit(X)
    seeded.append({"name": name, "k": k, "labels": lst(km.labels_),
                   "inertia": float(km.inertia_),
                   "source": "sklearn.cluster.KMeans(n_clusters=k, init='k-means++', "
                             "n_init=10, random_state=0, algorithm='lloyd').fit(x)"})

# ---------------------------------------------------------------- metrics
metrics = []
X3, y3 = make_blobs(n_samples=200, centers=3, n_features=5, cluster_std=2.0, random_state=7)
lab3 = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(X3)
for name, X, labels in [("blobs3_truth", X3, y3), ("blobs3_kmeans", X3, lab3),
                        ("blobs5_truth", X2, make_blobs(n_samples=500, centers=5, n_features=4,
                                                        cluster_std=2.5, random_state=1)[1])]:
    metrics.append({
        "name": name, "x": lst(X), "labels": lst(labels),
        "silhouette": float(silhouette_score(X, labels)),
        "silhouette_samples": lst(silhouette_samples(X, labels)),
        "davies_bouldin": float(davies_bouldin_score(X, labels)),
        "calinski_harabasz": float(calinski_harabasz_score(X, labels)),
        "source": "sklearn.metrics.silhouette_score / silhouette_samples / "
                  "davies_bouldin_score / calinski_harabasz_score(x, labels)"})
# A singleton cluster has silhouette 0 by convention.
Xs = np.array([[0.0, 0.0], [0.1, 0.0], [0.0, 0.2], [5.0, 5.0], [5.1, 5.2], [9.0, 0.0]])
ls = np.array([0, 0, 0, 1, 1, 2])
metrics.append({"name": "singleton", "x": lst(Xs), "labels": lst(ls),
                "silhouette": float(silhouette_score(Xs, ls)),
                "silhouette_samples": lst(silhouette_samples(Xs, ls)),
                "davies_bouldin": float(davies_bouldin_score(Xs, ls)),
                "calinski_harabasz": float(calinski_harabasz_score(Xs, ls)),
                "source": "sklearn.metrics (singleton cluster)"})

rs = np.random.RandomState(11)
pairs = []
pair_inputs = [
    ("identical", [0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 2, 2]),
    ("relabelled", [0, 0, 1, 1, 2, 2], [2, 2, 0, 0, 1, 1]),
    ("split", [0, 0, 0, 0, 1, 1], [0, 0, 1, 1, 2, 2]),
    ("one_cluster_each", [0, 0, 0, 0], [0, 0, 0, 0]),
    ("all_singletons", [0, 1, 2, 3], [0, 1, 2, 3]),
    ("random_300", lst(rs.randint(0, 4, 300)), lst(rs.randint(0, 6, 300))),
    ("noisy_1000", lst(np.repeat(np.arange(5), 200)),
     lst(np.where(rs.rand(1000) < 0.2, rs.randint(0, 5, 1000), np.repeat(np.arange(5), 200)))),
]
for name, a, b in pair_inputs:
    pairs.append({"name": name, "a": a, "b": b,
                  "ari": float(adjusted_rand_score(a, b)),
                  "nmi": float(normalized_mutual_info_score(a, b)),
                  "source": "sklearn.metrics.adjusted_rand_score(a, b), "
                            "normalized_mutual_info_score(a, b) (arithmetic)"})

dump("golden_kmeans.json", {"kmeans": cases, "kmeans_seeded": seeded,
                            "metrics": metrics, "pairs": pairs})

# ---------------------------------------------------------------- GMM
gmm_cases = []
X4, _ = make_blobs(n_samples=400, centers=3, n_features=3, cluster_std=[1.0, 1.5, 0.7],
                   random_state=5)
rng = np.random.RandomState(2)
X4 = X4 @ (np.eye(3) + 0.3 * rng.randn(3, 3))  # correlated clusters
k, d = 3, X4.shape[1]
means0 = X4[[0, 100, 200]] + 0.5
weights0 = np.array([0.2, 0.3, 0.5])
prec = {
    "full": np.array([np.linalg.inv(np.eye(d) * s) for s in (1.0, 2.0, 3.0)]),
    "tied": np.linalg.inv(np.eye(d) * 2.0),
    "diag": np.array([[1.0, 0.5, 0.8], [0.4, 1.0, 2.0], [0.3, 0.3, 0.3]]),
    "spherical": np.array([1.0, 0.5, 0.25]),
}
for ct in ("full", "tied", "diag", "spherical"):
    for max_iter in (100, 2):
        g = GaussianMixture(n_components=k, covariance_type=ct, weights_init=weights0,
                            means_init=means0, precisions_init=prec[ct], tol=1e-3,
                            reg_covar=1e-6, max_iter=max_iter, random_state=0)
        g.fit(X4)
        gmm_cases.append({
            "name": f"{ct}_maxiter{max_iter}", "covariance_type": ct, "max_iter": max_iter,
            "weights_init": lst(weights0), "means_init": lst(means0),
            "precisions_init": lst(prec[ct]),
            "weights": lst(g.weights_), "means": lst(g.means_),
            "covariances": lst(g.covariances_), "lower_bound": float(g.lower_bound_),
            "n_iter": int(g.n_iter_), "converged": bool(g.converged_),
            "score": float(g.score(X4)), "bic": float(g.bic(X4)), "aic": float(g.aic(X4)),
            "predict": lst(g.predict(X4)), "proba_first5": lst(g.predict_proba(X4[:5])),
            "source": "sklearn.mixture.GaussianMixture(n_components=3, covariance_type=ct, "
                      "weights_init, means_init, precisions_init, tol=1e-3, reg_covar=1e-6, "
                      "max_iter=max_iter).fit(x)"})
gmm_seeded = []
for ct in ("full", "tied", "diag", "spherical"):
    g = GaussianMixture(n_components=3, covariance_type=ct, random_state=0).fit(X4)
    gmm_seeded.append({"covariance_type": ct, "lower_bound": float(g.lower_bound_),
                       "predict": lst(g.predict(X4)), "n_iter": int(g.n_iter_),
                       "source": "sklearn.mixture.GaussianMixture(n_components=3, "
                                 "covariance_type=ct, random_state=0).fit(x)"})
dump("golden_kmeans_gmm.json", {"x": lst(X4), "cases": gmm_cases, "seeded": gmm_seeded})

# ---------------------------------------------------------------- catalog
catalog = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "..", "data", "raw", "rolling_stones_spotify.csv")
if not os.path.exists(catalog):
    print("catalog not found, golden_kmeans_catalog.json not rewritten:", catalog)
    sys.exit(0)
df = pd.read_csv(catalog)
drop = goldens.original_drops(df)
kept = df.drop(index=sorted(drop)).reset_index(drop=True)
feats = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
         "loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"]
Z = StandardScaler().fit_transform(kept[feats].to_numpy(dtype=float))
pca = PCA(n_components=0.95)
P = pca.fit_transform(Z)
print("catalog rows kept", P.shape, "dropped", len(drop))
wcss = []
for kk in range(1, 11):
    wcss.append(float(KMeans(n_clusters=kk, init="k-means++", n_init=10,
                             random_state=42).fit(P).inertia_))
sil_km, sil_gmm, km_labels, gmm_labels = [], [], {}, {}
for kk in range(2, 11):
    lab = KMeans(n_clusters=kk, n_init=10, random_state=42).fit_predict(P)
    sil_km.append(float(silhouette_score(P, lab)))
    km_labels[kk] = lab
    glab = GaussianMixture(n_components=kk, covariance_type="full", random_state=42).fit_predict(P)
    sil_gmm.append(float(silhouette_score(P, glab)))
    gmm_labels[kk] = glab
dump("golden_kmeans_catalog.json", {
    "dropped_rows": sorted(int(i) for i in drop),
    "explained_variance_ratio": lst(pca.explained_variance_ratio_),
    "x": lst(P),
    "wcss_k1_10": wcss,
    "silhouette_kmeans_k2_10": sil_km,
    "silhouette_gmm_full_k2_10": sil_gmm,
    "kmeans_labels_k2": lst(km_labels[2]),
    "gmm_labels_k2": lst(gmm_labels[2]),
    "source": "rows: pandas nlargest/nsmallest drops (acousticness top 2, energy bottom 2, "
              "loudness bottom 4, speechiness top 3, duration_ms top 3); "
              "x = PCA(n_components=0.95).fit_transform(StandardScaler().fit_transform(11 features)); "
              "wcss = KMeans(k, init='k-means++', n_init=10, random_state=42).fit(x).inertia_; "
              "silhouettes = silhouette_score(x, labels) with KMeans(k, n_init=10, random_state=42) "
              "and GaussianMixture(k, covariance_type='full', random_state=42)",
})
