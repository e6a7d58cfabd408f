"""Writes golden_cohorts.json: reference numbers for the choice of the
cohorts on the course catalog (songs.Validate), computed with scikit-learn.

The course catalog is cleaned as the original study did (gen_golden_domain's
clean: the 10 hand-picked extreme rows dropped, 1,600 rows); the improved
feature set keeps one row per recording (tracks with identical audio
features and duration are one recording, the earliest release kept, rows in
catalog order) and standardises the nine audio features and duration with
StandardScaler. Then:

- the cohorts: KMeans(n_clusters=2, n_init=10) and its silhouette_score;
- the structureless reference at k = 2..6: silhouette_score of
  KMeans(n_clusters=k, n_init=10) on 100 draws of
  numpy.random.multivariate_normal(mean, numpy.cov(Z)) of the same size;
- each cohort clustered alone: KMeans(n_clusters=k, n_init=10) silhouettes
  for k = 2..10, and the structureless reference (100 draws) at the k of
  the highest silhouette.

Our draws and initialisations use other random numbers than NumPy's, so the
Go tests compare reference means within their Monte Carlo error and
silhouettes within the spread of K-Means' local optima. Only results are
stored, never catalog rows. Every record names its source.

Run from the repository root with Debian's Python, after staging the
catalog (make data):

    /usr/bin/python3 songs/testdata/gen_golden_cohorts.py [data/raw/rolling_stones_spotify.csv]
"""
import json
import os
import sys

# One thread: the many small fits below run far slower with OpenMP's
# threads competing on a busy machine (the results do not depend on it).
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.metrics import silhouette_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_golden_domain import clean  # noqa: E402

AUDIO = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
         "loudness", "speechiness", "tempo", "valence"]
IMPROVED = AUDIO + ["duration_ms"]
DRAWS = 100
rng = np.random.default_rng(20261207)


def recordings(df):
    """One row per recording: the earliest release of each audio signature,
    in catalog order."""
    df = df.copy()
    df["pos"] = np.arange(len(df))
    df["date"] = __import__("pandas").to_datetime(df["release_date"], format="%m/%d/%Y")
    first = df.sort_values(["date", "pos"], kind="mergesort").drop_duplicates(IMPROVED, keep="first")
    return first.sort_values("pos")


def kmeans(x, k):
    return KMeans(n_clusters=k, n_init=10, random_state=int(rng.integers(1 << 31))).fit(x).labels_


def reference(x, k):
    mean, cov = x.mean(axis=0), np.cov(x, rowvar=False)
    sil = [silhouette_score(d, kmeans(d, k)) for d in
           (rng.multivariate_normal(mean, cov, size=len(x)) for _ in range(DRAWS))]
    return {"k": k, "draws": DRAWS, "mean": float(np.mean(sil)), "sd": float(np.std(sil, ddof=1)),
            "source": f"mean and sd (ddof=1) of silhouette_score(KMeans(n_clusters={k}, n_init=10)) on {DRAWS} "
                      "draws of multivariate_normal(mean, numpy.cov(x)) of x's size"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "data", "raw", "rolling_stones_spotify.csv")
    rec = recordings(clean(path))
    z = StandardScaler().fit_transform(rec[IMPROVED].to_numpy(dtype=float))
    top = kmeans(z, 2)
    # Cohorts numbered by decreasing size, as songs.RelabelBySize.
    sizes = np.bincount(top)
    order = np.argsort(-sizes, kind="stable")
    top = np.argsort(order)[top]
    out = {"source": "songs/testdata/gen_golden_cohorts.py",
           "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__},
           "recordings": int(len(z)),
           "cohorts": {"k": 2, "sizes": np.bincount(top).tolist(), "silhouette": float(silhouette_score(z, top)),
                       "source": "KMeans(n_clusters=2, n_init=10) on the standardised improved set; silhouette_score"},
           "reference": [reference(z, k) for k in range(2, 7)],
           "sides": []}
    for c in range(2):
        x = z[top == c]
        sil = {k: float(silhouette_score(x, kmeans(x, k))) for k in range(2, 11)}
        best = max(sil, key=sil.get)
        out["sides"].append({"cohort": c, "recordings": int(len(x)), "silhouette": {str(k): v for k, v in sil.items()},
                             "best_k": best, "reference": reference(x, best),
                             "source": "cohort c's rows of the standardised improved set; "
                                       "silhouette_score(KMeans(n_clusters=k, n_init=10)) for k = 2..10"})
        print("side", c, len(x), best, sil[best], out["sides"][-1]["reference"]["mean"])
    with open(os.path.join(here, "golden_cohorts.json"), "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote golden_cohorts.json")


if __name__ == "__main__":
    main()
