"""Shared by the scripts that write the golden files of the Go tests.

A script in a testdata folder imports it with

    sys.path.insert(0, os.path.join(HERE, "..", "..", "internal", "goldentest"))
    import goldens

(the path relative to its own folder) and records the versions of the
libraries that computed its reference numbers.
"""
import sys

import numpy as np
import scipy
import sklearn


# The original study's hand-picked drops: (column, n, largest?).
ORIGINAL_DROPS = [("acousticness", 2, True), ("energy", 2, False), ("loudness", 4, False),
                  ("speechiness", 3, True), ("duration_ms", 3, True)]


def original_drops(df):
    """Return the index labels of the rows of the course catalog df that the
    original study drops by hand (pandas nlargest/nsmallest, rows in file
    order), as a set."""
    drop = set()
    for col, n, top in ORIGINAL_DROPS:
        drop.update((df[col].nlargest(n) if top else df[col].nsmallest(n)).index)
    return drop


def versions(**extra):
    """Return the versions of Python, NumPy, SciPy and scikit-learn, then
    the extra ones given, and print them."""
    v = {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "sklearn": sklearn.__version__,
        **extra,
    }
    print("versions:", v)
    return v
