#!/usr/bin/python3
"""Write golden_rows.json: reference numbers for the row statistics and the
row and table bootstraps of songs/stats (rows.go, bootstrap_rows.go).

Run with Debian's interpreter from this folder:  /usr/bin/python3 gen_golden_rows.py
Every record names the SciPy call that produced it in "source". The
bootstrap intervals come from scipy.stats.bootstrap with its own random
numbers, so the Go tests compare them within a Monte Carlo tolerance.
"""
import json
import os
import sys

import numpy as np
import scipy
import scipy.stats as st
from scipy.stats import contingency

rng = np.random.default_rng(20261207)
N_RES = 9999


def fl(v):
    return float(v)


def eps2(x, g):
    groups = [x[g == k] for k in np.unique(g)]
    h = st.kruskal(*groups).statistic
    return h / (len(x) - 1)


def rank_biserial(x, first):
    first = np.asarray(first).astype(bool)  # bootstrap passes the flags as floats
    u = st.mannwhitneyu(x[first], x[~first], alternative="two-sided").statistic
    return 2 * u / (first.sum() * (~first).sum()) - 1


def cramer(a, b):
    ka, kb = np.unique(a), np.unique(b)
    t = np.array([[np.sum((a == i) & (b == j)) for j in kb] for i in ka])
    return contingency.association(t, method="cramer")


def boot(data, stat):
    r = st.bootstrap(data, stat, paired=True, vectorized=False, n_resamples=N_RES,
                     method="BCa", confidence_level=0.95, random_state=np.random.default_rng(1))
    return [fl(r.confidence_interval.low), fl(r.confidence_interval.high)]


def main():
    n = 60
    x = np.round(rng.normal(50, 15, n))           # rounded: ties
    y = np.round(0.4 * x + rng.normal(0, 12, n))
    g = rng.integers(0, 4, n)
    x_g = x + 6 * g                               # a group effect
    first = rng.random(n) < 0.4
    a = rng.integers(0, 3, n)
    b = np.where(rng.random(n) < 0.6, a % 2, rng.integers(0, 2, n))
    table = [[int(np.sum((a == i) & (b == j))) for j in range(2)] for i in range(3)]
    doc = {
        "source": "songs/stats/testdata/gen_golden_rows.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "resamples": N_RES,
        "x": [fl(v) for v in x], "y": [fl(v) for v in y], "group": [int(v) for v in g],
        "x_group": [fl(v) for v in x_g], "first": [bool(v) for v in first],
        "a": [int(v) for v in a], "b": [int(v) for v in b], "table": table,
        "spearman": {"source": "scipy.stats.spearmanr(x, y).correlation; interval: scipy.stats.bootstrap((x, y), "
                               "paired=True, method='BCa', n_resamples=9999)",
                     "value": fl(st.spearmanr(x, y).correlation),
                     "ci95": boot((x, y), lambda u, v: st.spearmanr(u, v).correlation)},
        "kruskal_eps2": {"source": "scipy.stats.kruskal(*groups).statistic / (n - 1); interval: scipy.stats.bootstrap("
                                   "(x_group, group), paired=True, method='BCa', n_resamples=9999)",
                         "value": fl(eps2(x_g, g)),
                         "ci95": boot((x_g, g), eps2)},
        "rank_biserial": {"source": "2 U / (n1 n2) - 1 with U = scipy.stats.mannwhitneyu(x[first], x[~first]).statistic; "
                                    "interval: scipy.stats.bootstrap((x, first), paired=True, method='BCa', n_resamples=9999)",
                          "value": fl(rank_biserial(x, first)),
                          "ci95": boot((x, first), rank_biserial)},
        "cramers_v": {"source": "scipy.stats.contingency.association(table of a by b, method='cramer'); interval: "
                                "scipy.stats.bootstrap((a, b), paired=True, method='BCa', n_resamples=9999), categories "
                                "absent from a resample dropped",
                      "value": fl(cramer(a, b)),
                      "ci95": boot((a, b), cramer)},
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_rows.json")
    with open(out, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
