"""Writes quantiles.json: type-7 quantiles, Tukey fences and modified z-scores
computed by NumPy, the reference for songs/stats/quantile_test.go.

Run with Debian's Python (which has NumPy and SciPy):

    /usr/bin/python3 songs/stats/testdata/gen_quantiles.py
"""
import json
import os
import sys

import numpy as np
import scipy

PROBS = [0.0, 0.01, 0.1, 0.25, 0.5, 0.7, 0.75, 0.9, 0.99, 1.0]


def case(name, x):
    x = np.asarray(x, dtype=float)
    v = x[~np.isnan(x)]
    # numpy.nanquantile with its default method="linear" (Hyndman & Fan type 7).
    q = [float(np.nanquantile(x, p)) for p in PROBS]
    q1, med, q3 = (float(np.nanquantile(x, p)) for p in (0.25, 0.5, 0.75))
    iqr = q3 - q1
    lower, upper = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    out = {
        "name": name,
        "x": [None if np.isnan(t) else float(t) for t in x],
        "probs": PROBS,
        "quantiles": q,
        "q1": q1, "median": med, "q3": q3, "lower": lower, "upper": upper,
        # the original study's inclusive rule: x <= lower or x >= upper
        "iqr_outliers": int(((v <= lower) | (v >= upper)).sum()),
    }
    mad = float(np.median(np.abs(v - np.median(v))))
    if mad > 0:
        # Iglewicz and Hoaglin's modified z-score, 0.6745 (x - median) / MAD
        z = 0.6745 * (x - np.nanmedian(x)) / mad
        out["robust_z"] = [None if np.isnan(t) else float(t) for t in z]
    return out


def main():
    rng = np.random.default_rng(20240601)
    cases = [
        case("fence on the upper bound", [1, 2, 3, 4, 7]),
        case("fence on the lower bound", [-1, 2, 3, 4, 5]),
        case("single value", [3.5]),
        case("two values", [2.0, 1.0]),
        # 0.7 - 0.3 (0.7 - 0.1) at p = 0.7: NumPy's _lerp from the upper end
        case("interpolation from the upper value", [0.7, 0.1]),
        case("ties", [1, 1, 1, 2, 2, 100]),
        case("with NaN", [4.0, float("nan"), 1.0, 9.0, float("nan"), 16.0, 2.5]),
        case("negative loudness", [-12.913, -4.803, -4.936, -5.535, -5.098, -5.539, -6.851, -5.509, -25.2, -0.5]),
        case("normal n=101", rng.normal(0.5, 0.2, 101)),
        case("exponential n=250", rng.exponential(0.1, 250)),
        case("integers n=64", rng.integers(0, 100, 64)),
    ]
    doc = {
        "source": "numpy.nanquantile(x, p) (method='linear', type 7); fences q1 - 1.5 IQR, q3 + 1.5 IQR; "
                  "iqr_outliers counts x <= lower or x >= upper; robust_z = 0.6745 (x - median) / median(|x - median|)",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "quantiles.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("numpy", np.__version__, "wrote", path)


if __name__ == "__main__":
    main()
