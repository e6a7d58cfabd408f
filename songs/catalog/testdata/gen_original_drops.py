"""Writes original_drops.json: the rows the original study dropped by hand,
its IQR outlier counts and the number of rows repeating another row's audio
features, all recomputed with pandas from the real catalog. catalog_test.go
compares the Go cleaning with them.

Run from the repository root with Debian's Python, after staging the
catalog (make data):

    /usr/bin/python3 songs/catalog/testdata/gen_original_drops.py [data/raw/rolling_stones_spotify.csv]
"""
import json
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "internal", "goldentest"))
import goldens  # noqa: E402

FEATURES = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
            "loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "data", "raw", "rolling_stones_spotify.csv")
    df = pd.read_csv(path)
    df.columns = df.columns.str.strip().str.replace(" ", "_").str.lower()
    drop = set()
    per_rule = []
    for col, n, top in goldens.ORIGINAL_DROPS:
        idx = (df[col].nlargest(n) if top else df[col].nsmallest(n)).index
        per_rule.append({"column": col, "n": n, "top": top, "ids": [df.loc[i, "id"] for i in idx]})
        drop.update(idx)
    dropped = df.loc[sorted(drop)]
    iqr = {}
    for col in FEATURES:
        q1, q3 = df[col].quantile(0.25), df[col].quantile(0.75)
        lo, hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        iqr[col] = int(((df[col] <= lo) | (df[col] >= hi)).sum())
    audio = FEATURES[:9] + ["duration_ms"]
    doc = {
        "source": "pandas: Series.nlargest/nsmallest(n) per rule on the raw catalog (rows in file order); "
                  "iqr: Series.quantile (type 7), x <= Q1 - 1.5 IQR or x >= Q3 + 1.5 IQR; "
                  "reissue_rows: DataFrame.duplicated(subset=nine audio features + duration_ms).sum()",
        "versions": {"python": sys.version.split()[0], "pandas": pd.__version__, "numpy": np.__version__},
        "rows": int(len(df)),
        "kept": int(len(df) - len(drop)),
        "dropped_ids": [str(v) for v in dropped["id"]],
        "dropped_names": [str(v) for v in dropped["name"]],
        "rules": per_rule,
        "iqr": iqr,
        "reissue_rows": int(df.duplicated(subset=audio).sum()),
    }
    out = os.path.join(here, "original_drops.json")
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("pandas", pd.__version__, "numpy", np.__version__, "wrote", out)


if __name__ == "__main__":
    main()
