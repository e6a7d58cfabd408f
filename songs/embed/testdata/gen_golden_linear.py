#!/usr/bin/python3
"""Writes golden_linear.json: reference values for the scalers, PCA, FastICA,
trustworthiness and k-NN preservation of package embed, computed with
scikit-learn. Run with Debian's /usr/bin/python3 from this directory:

    /usr/bin/python3 gen_golden_linear.py

Every fixture stores its input data. The real-catalog figures (golden_linear_catalog.json)
need ../../../data/raw/rolling_stones_spotify.csv; only the results are stored,
never the catalog's values.
"""
import json
import os
import sys

import numpy as np
from sklearn.decomposition import PCA, FastICA
from sklearn.manifold import trustworthiness
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "internal", "goldentest"))
import goldens  # noqa: E402

VERSIONS = goldens.versions()


def tolist(a):
    return np.asarray(a, dtype=float).tolist()


def scalers():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(30, 4)) * [1.0, 10.0, 0.01, 1000.0] + [0.0, -5.0, 3.0, 1e4]
    x[:, 2] = np.round(x[:, 2], 3)  # ties for the quantiles
    x2 = rng.normal(size=(7, 4)) * [1.0, 10.0, 0.01, 1000.0] + [0.0, -5.0, 3.0, 1e4]
    out = {"x": tolist(x), "x2": tolist(x2)}
    s = StandardScaler().fit(x)
    out["standard"] = {
        "source": "sklearn.preprocessing.StandardScaler().fit(x); .transform(x2)",
        "mean": tolist(s.mean_), "scale": tolist(s.scale_), "transform": tolist(s.transform(x2)),
    }
    # Each scaler with its defaults and with other bounds: key, keyword
    # arguments, the bounds the Go test passes, the fitted attributes.
    for cls, key, kw, bounds, attrs in [
        (RobustScaler, "robust", {}, {"low": 25, "high": 75}, ("center", "scale")),
        (RobustScaler, "robust_10_90", {"quantile_range": (10, 90)}, {"low": 10, "high": 90}, ("center", "scale")),
        (MinMaxScaler, "minmax", {}, {"min": 0, "max": 1}, ("data_min", "data_max")),
        (MinMaxScaler, "minmax_m2_3", {"feature_range": (-2, 3)}, {"min": -2, "max": 3}, ("data_min", "data_max")),
    ]:
        s = cls(**kw).fit(x)
        args = ", ".join("%s=%r" % kv for kv in kw.items())
        out[key] = {"source": "sklearn.preprocessing.%s(%s).fit(x); .transform(x2)" % (cls.__name__, args), **bounds}
        out[key].update({a: tolist(getattr(s, a + "_")) for a in attrs})
        out[key]["transform"] = tolist(s.transform(x2))
    return out


def pca_case(x, x2, name):
    p = PCA(svd_solver="full")
    scores = p.fit_transform(x)
    p3 = PCA(n_components=3, svd_solver="full").fit(x)
    return {
        "name": name,
        "source": "sklearn.decomposition.PCA(svd_solver='full').fit_transform(x); n_components=3 for transform3/inverse3",
        "x": tolist(x), "x2": tolist(x2),
        "mean": tolist(p.mean_),
        "components": tolist(p.components_),
        "explained_variance": tolist(p.explained_variance_),
        "explained_variance_ratio": tolist(p.explained_variance_ratio_),
        "singular_values": tolist(p.singular_values_),
        "scores": tolist(scores),
        "transform3": tolist(p3.transform(x2)),
        "inverse3": tolist(p3.inverse_transform(p3.transform(x2))),
    }


def pca():
    rng = np.random.default_rng(2)
    a = rng.normal(size=(6, 6))
    x = rng.normal(size=(60, 6)) @ a + [1, 2, 3, 4, 5, 6]
    x2 = rng.normal(size=(5, 6)) @ a
    wide = rng.normal(size=(5, 8))
    return [pca_case(x, x2, "tall_60x6"), pca_case(wide, wide[:2], "wide_5x8")]


def ica_data():
    rng = np.random.default_rng(3)
    n = 400
    t = np.linspace(0, 8, n)
    s = np.c_[np.sin(2 * t), np.sign(np.sin(3 * t)), rng.laplace(size=n), rng.uniform(-1, 1, size=n)]
    a = np.array([[1, 1, 1, 0.5], [0.5, 2, 1, 1], [1.5, 1, 2, 0.3], [0.2, 0.7, 0.1, 1.0]])
    x = s @ a.T + [1.0, -2.0, 0.5, 3.0]
    w_init = rng.normal(size=(4, 4))
    return x, w_init


def ica():
    x, w_init = ica_data()
    xc = x - x.mean(axis=0)
    cases = []
    for algorithm in ["parallel", "deflation"]:
        for fun in ["logcosh", "exp", "cube"]:
            for solver in ["svd", "eigh"]:
                # scikit-learn 1.2.1's eigh solver forms X^T X from the
                # uncentred input; centred data makes both solvers agree.
                data = x if solver == "svd" else xc
                f = FastICA(n_components=4, algorithm=algorithm, fun=fun, whiten="unit-variance",
                            whiten_solver=solver, w_init=w_init, tol=1e-4, max_iter=200)
                s = f.fit_transform(data)
                cases.append({
                    "source": "sklearn.decomposition.FastICA(n_components=4, algorithm=%r, fun=%r, "
                              "whiten='unit-variance', whiten_solver=%r, w_init=w_init, tol=1e-4, "
                              "max_iter=200).fit_transform(%s)" % (algorithm, fun, solver,
                                                                  "x" if solver == "svd" else "x - x.mean(0)"),
                    "algorithm": algorithm, "fun": fun, "whiten_solver": solver,
                    "centred_input": solver == "eigh",
                    "n_iter": int(f.n_iter_),
                    "components": tolist(f.components_),
                    "mixing": tolist(f.mixing_),
                    "mean": tolist(f.mean_),
                    "whitening": tolist(f.whitening_),
                    "sources_head": tolist(s[:20]),
                })
    # Display order of the first case's sources: decreasing |excess
    # kurtosis|, signed so that the skewness is positive.
    from scipy.stats import kurtosis, skew
    f = FastICA(n_components=4, whiten="unit-variance", w_init=w_init, max_iter=200)
    s = f.fit_transform(x)
    kurt = kurtosis(s, axis=0, fisher=True, bias=True)
    sk = skew(s, axis=0, bias=True)
    display = {
        "source": "scipy.stats.kurtosis(s, fisher=True, bias=True) and scipy.stats.skew(s, bias=True) of "
                  "FastICA(n_components=4, w_init=w_init).fit_transform(x); order = argsort(-|kurtosis|)",
        "excess_kurtosis": tolist(kurt), "skewness": tolist(sk),
        "order": [int(i) for i in np.argsort(-np.abs(kurt), kind="stable")],
        "signs": [1.0 if v >= 0 else -1.0 for v in sk],
    }
    # fewer components than features
    f = FastICA(n_components=2, whiten="unit-variance", w_init=w_init[:2, :2], max_iter=200)
    s = f.fit_transform(x)
    cases.append({
        "source": "sklearn.decomposition.FastICA(n_components=2, whiten='unit-variance', "
                  "w_init=w_init[:2,:2]).fit_transform(x)",
        "algorithm": "parallel", "fun": "logcosh", "whiten_solver": "svd", "centred_input": False,
        "n_components": 2, "w_init_2": tolist(w_init[:2, :2]),
        "n_iter": int(f.n_iter_),
        "components": tolist(f.components_), "mixing": tolist(f.mixing_),
        "mean": tolist(f.mean_), "whitening": tolist(f.whitening_), "sources_head": tolist(s[:20]),
    })
    return {"x": tolist(x), "w_init": tolist(w_init), "cases": cases, "display": display}


def knn_preservation(x, y, k):
    nx = NearestNeighbors(n_neighbors=k).fit(x).kneighbors(return_distance=False)
    ny = NearestNeighbors(n_neighbors=k).fit(y).kneighbors(return_distance=False)
    return float(np.mean([len(set(a) & set(b)) / k for a, b in zip(nx, ny)]))


def trust():
    rng = np.random.default_rng(4)
    cases = []
    for n, d, k in [(60, 5, 5), (150, 6, 10), (700, 11, 10)]:
        x = rng.normal(size=(n, d))
        y = x[:, :2] + 0.3 * rng.normal(size=(n, 2))
        cases.append({
            "source": "sklearn.manifold.trustworthiness(x, y, n_neighbors=k); knn preservation: "
                      "mean over rows of |kNN_x & kNN_y| / k with NearestNeighbors(n_neighbors=k).kneighbors()",
            "k": k, "x": tolist(x), "y": tolist(y),
            "trustworthiness": float(trustworthiness(x, y, n_neighbors=k)),
            "knn_preservation": knn_preservation(x, y, k),
        })
    return cases


FEATURES = ["acousticness", "danceability", "energy", "instrumentalness", "liveness", "loudness",
            "speechiness", "tempo", "valence", "popularity", "duration_ms"]


def catalog():
    import pandas as pd
    path = os.path.join(HERE, "..", "..", "..", "data", "raw", "rolling_stones_spotify.csv")
    if not os.path.exists(path):
        print("catalog not staged at", path, "- skipping golden_linear_catalog.json")
        return None
    df = pd.read_csv(path)
    # The original study's cleaning: drop the most extreme rows by hand.
    drop = goldens.original_drops(df)
    out = {"features": FEATURES, "dropped_number_row": sorted(int(df.loc[i, "number_row"]) for i in drop)}
    for name, frame in [("all", df), ("original", df.drop(index=sorted(drop)))]:
        z = StandardScaler().fit_transform(frame[FEATURES].to_numpy(dtype=float))
        p = PCA(svd_solver="full")
        scores = p.fit_transform(z)
        cum = np.cumsum(p.explained_variance_ratio_)
        f = FastICA(n_components=11, whiten="unit-variance", max_iter=200, random_state=0)
        f.fit(z)
        out[name] = {
            "source": "StandardScaler().fit_transform(features); PCA(svd_solver='full').fit_transform(z)",
            "rows": int(len(frame)),
            "explained_variance_ratio": tolist(p.explained_variance_ratio_),
            "cumulative": tolist(cum),
            "components_for_95": int(np.searchsorted(cum, 0.95) + 1),
            "components": tolist(p.components_),
            "scores_head": tolist(scores[:10]),
            "fastica_source": "FastICA(n_components=11, whiten='unit-variance', max_iter=200, "
                              "random_state=0).fit(z)",
            "fastica_random_state_0_n_iter": int(f.n_iter_),
            "fastica_random_state_0_components": tolist(f.components_),
        }
        print(name, len(frame), "ratio0 %.6f" % p.explained_variance_ratio_[0],
              "k95", out[name]["components_for_95"], "cum %.6f" % cum[out[name]["components_for_95"] - 1])
    return out


def main():
    doc = {
        "versions": VERSIONS,
        "generated_by": "testdata/gen_golden_linear.py",
        "scalers": scalers(),
        "pca": pca(),
        "ica": ica(),
        "trustworthiness": trust(),
        "numpy_normal": [
            {"source": "numpy.random.RandomState(%d).normal(size=(%d, %d))" % (seed, r, c), "seed": seed,
             "values": tolist(np.random.RandomState(seed).normal(size=(r, c)))}
            for seed, r, c in [(0, 11, 11), (12345, 5, 4)]
        ],
    }
    with open(os.path.join(HERE, "golden_linear.json"), "w") as fh:
        json.dump(doc, fh, indent=None, separators=(",", ":"))
        fh.write("\n")
    cat = catalog()
    if cat is not None:
        cat["versions"] = VERSIONS
        cat["generated_by"] = "testdata/gen_golden_linear.py"
        with open(os.path.join(HERE, "golden_linear_catalog.json"), "w") as fh:
            json.dump(cat, fh, indent=1)
            fh.write("\n")


if __name__ == "__main__":
    main()
