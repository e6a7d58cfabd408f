#!/usr/bin/python3
"""Writes golden_manifold.json (and golden_manifold_catalog.json when the real
catalog is staged): reference values for t-SNE and UMAP of package embed,
computed with scikit-learn 1.2.1 and umap-learn 0.5.3. Run with Debian's
/usr/bin/python3 from this directory:

    /usr/bin/python3 gen_golden_manifold.py

The fixture stores its input data. The catalog file stores only results,
never the catalog's values.
"""
import json
import os
import sys
import warnings

import numpy as np
import scipy
import sklearn
from scipy.spatial.distance import pdist, squareform
from sklearn.datasets import make_blobs
from sklearn.manifold import TSNE, trustworthiness
from sklearn.manifold._t_sne import _joint_probabilities, _joint_probabilities_nn
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")
import numba  # noqa: E402
import umap  # noqa: E402
from umap.umap_ import find_ab_params, fuzzy_simplicial_set, smooth_knn_dist  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "sklearn": sklearn.__version__,
    "umap-learn": umap.__version__ if hasattr(umap, "__version__") else "0.5.3",
    "numba": numba.__version__,
}
print("versions:", VERSIONS)

FEATURES = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
            "loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"]
P_ROWS = 40  # rows of P stored for the affinity comparison


def tolist(a):
    return np.asarray(a, dtype=float).tolist()


def fixture():
    x, _ = make_blobs(n_samples=600, n_features=11, centers=6, cluster_std=2.0, random_state=3)
    return np.round(x, 6)


def tsne_affinities(x, perplexity=30.0):
    k = min(x.shape[0] - 1, int(3.0 * perplexity + 1))
    nn = NearestNeighbors(n_neighbors=k, metric="euclidean").fit(x)
    d = nn.kneighbors_graph(mode="distance")
    d.data **= 2
    p = _joint_probabilities_nn(d, perplexity, 0).tocsr()
    p.sort_indices()
    rows = []
    for i in range(P_ROWS):
        lo, hi = p.indptr[i], p.indptr[i + 1]
        rows.append({"cols": p.indices[lo:hi].tolist(), "vals": tolist(p.data[lo:hi])})
    return {"source": "sklearn.manifold._t_sne._joint_probabilities_nn on NearestNeighbors(91).kneighbors_graph"
                      " squared distances, perplexity 30; CSR rows 0..%d" % (P_ROWS - 1),
            "rows": rows}


def tsne_exact_affinities(x, perplexity=30.0):
    d = squareform(pdist(x, "sqeuclidean"))
    p = squareform(_joint_probabilities(d, perplexity, 0))
    return {"source": "sklearn.manifold._t_sne._joint_probabilities(pdist sqeuclidean, 30), squareform rows 0..4",
            "rows": tolist(p[:5])}


def tsne_run(x, method):
    t = TSNE(n_components=2, method=method, init="pca", learning_rate="auto", perplexity=30,
             n_iter=1000, random_state=0)
    y = t.fit_transform(x)
    return {"source": "sklearn.manifold.TSNE(method=%r, init='pca', learning_rate='auto', perplexity=30,"
                      " n_iter=1000, random_state=0); trustworthiness(x, y, n_neighbors=10)" % method,
            "kl_divergence": float(t.kl_divergence_), "n_iter": int(t.n_iter_),
            "trustworthiness": float(trustworthiness(x, y, n_neighbors=10))}


def umap_graph(x):
    nn = NearestNeighbors(n_neighbors=15).fit(x)
    dist, idx = nn.kneighbors(x)  # includes each point itself at distance 0, as umap-learn
    sigmas, rhos = smooth_knn_dist(dist.astype(np.float32), 15.0, local_connectivity=1.0)
    g, _, _ = fuzzy_simplicial_set(x, 15, np.random.RandomState(0), "euclidean",
                                   knn_indices=idx, knn_dists=dist.astype(np.float32))
    return {"source": "umap.umap_.smooth_knn_dist(float32 15-NN distances incl. self, 15.0) and"
                      " fuzzy_simplicial_set(set_op_mix_ratio=1) row sums",
            "sigmas": tolist(sigmas), "rhos": tolist(rhos),
            "row_sums": tolist(np.asarray(g.sum(axis=1)).ravel()), "nnz": int(g.nnz)}


def umap_run(x):
    u = umap.UMAP(n_components=2, n_neighbors=15, min_dist=0.1, random_state=0)
    y = u.fit_transform(x)
    return {"source": "umap.UMAP(n_neighbors=15, min_dist=0.1, random_state=0); trustworthiness(x, y, 10)",
            "trustworthiness": float(trustworthiness(x, y, n_neighbors=10))}


def main():
    x = fixture()
    a, b = find_ab_params(1.0, 0.1)
    out = {
        "versions": VERSIONS,
        "x": {"source": "np.round(make_blobs(600, 11, centers=6, cluster_std=2.0, random_state=3), 6)",
              "rows": x.tolist()},
        "tsne_p": tsne_affinities(x),
        "tsne_p_exact_200": tsne_exact_affinities(x[:200]),
        "tsne_bh": tsne_run(x, "barnes_hut"),
        "tsne_exact_200": tsne_run(x[:200], "exact"),
        "umap_ab": {"source": "umap.umap_.find_ab_params(spread=1.0, min_dist=0.1)", "a": float(a), "b": float(b)},
        "umap_graph": umap_graph(x),
        "umap": umap_run(x),
    }
    with open(os.path.join(HERE, "golden_manifold.json"), "w") as fh:
        json.dump(out, fh)
    print("tsne_bh", out["tsne_bh"], "tsne_exact", out["tsne_exact_200"], "umap", out["umap"])

    path = os.path.join(HERE, "..", "..", "..", "data", "raw", "rolling_stones_spotify.csv")
    if not os.path.exists(path):
        print("catalog not staged at", path, "- skipping golden_manifold_catalog.json")
        return
    import pandas as pd
    z = StandardScaler().fit_transform(pd.read_csv(path)[FEATURES].to_numpy(dtype=float))
    cat = {"versions": VERSIONS, "features": FEATURES,
           "input": "all rows, the 11 features standardised with StandardScaler",
           "tsne_bh": tsne_run(z, "barnes_hut"), "umap": umap_run(z)}
    with open(os.path.join(HERE, "golden_manifold_catalog.json"), "w") as fh:
        json.dump(cat, fh, indent=1)
    print("catalog", cat)


if __name__ == "__main__":
    main()
