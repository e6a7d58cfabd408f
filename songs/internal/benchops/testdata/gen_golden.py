#!/usr/bin/python3
"""Writes the golden files of the benchops tests.

Run with Debian's interpreter from this folder:  /usr/bin/python3 gen_golden.py

- songs_120.csv: a 120-row catalog from the reference script
  (sklearn_ref.py gen --n 120 --seed 7), the input of the tests;
- golden_sklearn.json: the reference script's records for that file
  (sklearn_ref.py run --op load,kmeans,ward,dbscan,meanshift,pca --json), whose
  deterministic quality figures the Go ops must reproduce.

The reference script is ../../../../../shared/bench/sklearn_ref.py (the
project's shared folder); set SKLEARN_REF to use another copy.
"""
import json
import os
import subprocess
import sys

import numpy
import pandas
import scipy
import sklearn

here = os.path.dirname(os.path.abspath(__file__))
ref = os.environ.get("SKLEARN_REF") or os.path.normpath(
    os.path.join(here, "../../../../../shared/bench/sklearn_ref.py"))
csv = os.path.join(here, "songs_120.csv")
versions = {"python": sys.version.split()[0], "sklearn": sklearn.__version__,
            "numpy": numpy.__version__, "scipy": scipy.__version__,
            "pandas": pandas.__version__}
print(json.dumps(versions))

subprocess.run([sys.executable, ref, "gen", "--n", "120", "--seed", "7", "--out", csv],
               check=True, stdout=subprocess.DEVNULL)
ops = "load,kmeans,ward,dbscan,meanshift,pca"
out = subprocess.run([sys.executable, ref, "run", "--csv", csv, "--op", ops, "--json"],
                     check=True, capture_output=True, text=True).stdout
records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
golden = {
    "source": "sklearn_ref.py run --csv songs_120.csv --op " + ops + " --json "
              "(scikit-learn " + sklearn.__version__ + ", pandas " + pandas.__version__ + ")",
    "versions": versions,
    "records": records,
}
with open(os.path.join(here, "golden_sklearn.json"), "w") as f:
    json.dump(golden, f, indent=1)
    f.write("\n")
