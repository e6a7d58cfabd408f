"""Writes golden_recommender.json: reference numbers for the tests of the
recommender's evaluation measures (songs/recommender_measures.go) and of
its local scaling (songs/recommender_local_scaling.go), computed with
SciPy and scikit-learn on small inputs stored in the file.

- "skewness": scipy.stats.skew (bias=True, the default) of k-occurrence
  counts, the hubness measure;
- "ndcg": sklearn.metrics.ndcg_score of ranked lists with binary
  relevance, with every relevant item that the list misses given a score
  below the list's, so that the ideal list holds every relevant item;
- "intra_list_diversity": the mean of scipy.spatial.distance.pdist of a
  list's rows;
- "local_scaling": twelve points in the plane with a crowded centre; for
  k = 2, sigma (the distance to the 2nd nearest other point, from
  sklearn.neighbors.NearestNeighbors), each point's 3 nearest other
  points by plain distance and by the local scaling
  1 - exp(-d^2 / (sigma_x sigma_y)) (ties by index), how often each point
  is in those lists, and the skewness of those counts.

Every record carries a "source" naming the call that produced it.

Run from the repository root with Debian's Python:

    /usr/bin/python3 songs/testdata/gen_golden_recommender.py
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy import stats
from scipy.spatial.distance import cdist, pdist
from sklearn.metrics import ndcg_score
from sklearn.neighbors import NearestNeighbors

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_recommender.json")


def skewness_cases():
    cases = [
        [0, 0, 1, 2, 10],
        [3, 3, 3, 4],
        [10, 9, 11, 10, 10, 8, 12],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 50],
    ]
    return [{"counts": c, "skew": float(stats.skew(np.array(c, dtype=float))),
             "source": "scipy.stats.skew(counts) (bias=True)"} for c in cases]


def ndcg_case(hits, relevant, k):
    """hits: relevance of the ranked list (at least k long); relevant: the
    number of relevant items in all, those not in the list included."""
    hits = list(hits)
    missing = relevant - sum(hits)
    y_true = np.array(hits + [1] * missing, dtype=float)
    # the list's items get descending scores, the missed relevant ones lower
    scores = np.concatenate([np.arange(len(hits), 0, -1), -np.arange(1, missing + 1)]).astype(float)
    v = ndcg_score(y_true[None, :], scores[None, :], k=k)
    return {"hits": [bool(h) for h in hits], "relevant": relevant, "k": k, "ndcg": float(v),
            "source": "sklearn.metrics.ndcg_score(y_true, y_score, k=k)"}


def ndcg_cases():
    return [
        ndcg_case([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1, 10),
        ndcg_case([0, 1, 0, 1, 0, 0, 0, 0, 0, 0], 3, 10),
        ndcg_case([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], 12, 10),
        ndcg_case([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 15, 10),
        ndcg_case([0, 0, 1, 0, 1], 2, 5),
    ]


def diversity_case():
    rows = np.array([[0.0, 0.0, 1.0], [1.0, 2.0, 0.5], [-1.0, 0.5, 0.0], [2.0, -1.0, 1.5]])
    return {"rows": rows.tolist(), "ild": float(pdist(rows).mean()),
            "source": "scipy.spatial.distance.pdist(rows).mean()"}


# A crowded centre (points 0-3) among sparser points: the centre points are
# hubs of plain nearest neighbours. Coordinates are chosen so that no two
# distances from one point tie.
POINTS = [
    [0.00, 0.00], [0.31, 0.12], [-0.18, 0.27], [0.05, -0.33],
    [1.90, 0.40], [-1.70, 1.10], [0.60, 2.20], [-0.90, -1.80],
    [2.70, -1.30], [-2.90, -0.60], [1.20, -2.60], [-0.30, 3.10],
]
K_SCALE = 2
LIST = 3


def local_scaling():
    x = np.array(POINTS)
    n = len(x)
    nn = NearestNeighbors(n_neighbors=K_SCALE + 1).fit(x)
    dist, _ = nn.kneighbors(x)  # the first neighbour is the point itself
    sigma = dist[:, K_SCALE]
    d = cdist(x, x)
    ls = 1 - np.exp(-d ** 2 / np.outer(sigma, sigma))

    def lists(m):
        out = []
        for i in range(n):
            order = sorted((j for j in range(n) if j != i), key=lambda j: (m[i, j], j))
            out.append(order[:LIST])
        return out

    plain, scaled = lists(d), lists(ls)
    counts = lambda ls_: np.bincount(np.concatenate(ls_), minlength=n)
    pc, sc = counts(plain), counts(scaled)
    return {"points": POINTS, "k": K_SCALE, "n": LIST, "sigma": sigma.tolist(),
            "plain_lists": plain, "ls_lists": scaled,
            "plain_counts": pc.tolist(), "ls_counts": sc.tolist(),
            "plain_skew": float(stats.skew(pc.astype(float))), "ls_skew": float(stats.skew(sc.astype(float))),
            "source": "sklearn.neighbors.NearestNeighbors(n_neighbors=k+1).kneighbors for sigma; "
                      "1 - exp(-cdist^2 / outer(sigma, sigma)) ranked with ties by index; scipy.stats.skew of the counts"}


def main():
    out = {
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "skewness": skewness_cases(),
        "ndcg": ndcg_cases(),
        "intra_list_diversity": diversity_case(),
        "local_scaling": local_scaling(),
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
