"""Writes golden_domain.json: reference numbers for the tests of the songs
package's domain functions (popularity, albums, correlations, summary
statistics, live flags, popularity claims and the reproduction of the
original study's clustering), computed with pandas, SciPy, statsmodels and
scikit-learn.

Two kinds of records:

- "synthetic": a small generated table (its inputs are stored, so the Go
  tests need no data file) with the per-year t-intervals and correlation
  matrices computed from it;
- "real": results on the course catalog after the original study's cleaning
  (the 10 hand-picked extreme rows dropped, 1,600 rows). Only results are
  stored, never catalog rows.

Every record carries a "source" naming the call that produced it.

Run from the repository root with Debian's Python, after staging the
catalog (make data):

    /usr/bin/python3 songs/testdata/gen_golden_domain.py [data/raw/rolling_stones_spotify.csv]
"""
import json
import os
import re
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
import statsmodels
from scipy import stats
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import cohen_kappa_score, silhouette_score
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.multitest import multipletests

AUDIO = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
         "loudness", "speechiness", "tempo", "valence"]
NUMERIC = AUDIO + ["popularity", "duration_ms"]
# The original notebook's hand-picked drops: (column, n, largest?)
DROPS = [("acousticness", 2, True), ("energy", 2, False), ("loudness", 4, False),
         ("speechiness", 3, True), ("duration_ms", 3, True)]
THRESHOLD = 50

# songs/live.go's patterns, verbatim. Go's regexp \b is ASCII-only, hence
# re.ASCII.
LIVE_TITLE = re.compile(r"( - ([^-]*\b)?live\b|[(\[]live\b[^)\]]*[)\]])", re.I | re.A)
LIVE_ALBUM = re.compile(r"\b(live|concert)\b", re.I | re.A)


def f(v):
    return float(v)


def live_by_title(name, album):
    return bool(LIVE_TITLE.search(name)) or bool(LIVE_ALBUM.search(album))


def year_means(years, values):
    """Mean per year with scipy.stats.t.interval(0.95, n-1, mean, sem)."""
    df = pd.DataFrame({"year": years, "v": values})
    out = []
    for y, g in df.groupby("year", sort=True):
        x = g["v"].to_numpy(dtype=float)
        m = x.mean()
        if len(x) > 1:
            lo, hi = stats.t.interval(0.95, len(x) - 1, loc=m, scale=stats.sem(x))
        else:
            lo = hi = m  # SciPy gives NaN for n = 1; MeansByYear a zero-width interval
        out.append({"year": int(y), "n": int(len(x)), "mean": f(m), "lo": f(lo), "hi": f(hi)})
    return out


def synthetic():
    rng = np.random.default_rng(20240611)
    n = 41
    years = [1964 + (i * 7) % 9 for i in range(n)]
    years[-1] = 1990  # a year with a single track
    cols = {
        "acousticness": np.round(rng.uniform(0, 1, n), 2),  # rounded: ties for Spearman
        "danceability": np.round(rng.uniform(0, 1, n), 3),
        "energy": np.round(rng.beta(5, 2, n), 3),
        "popularity": rng.integers(0, 80, n).astype(float),
    }
    cols["loudness"] = np.round(-12 + 8 * cols["energy"] + rng.normal(0, 1, n), 3)
    df = pd.DataFrame(cols)
    names = list(cols)
    return {
        "source": "numpy.random.default_rng(20240611) inputs; year_means: scipy.stats.t.interval(0.95, n-1, loc=mean, "
                  "scale=scipy.stats.sem(x)) per year (n = 1: zero width); pearson/spearman: pandas DataFrame.corr(method)",
        "years": years,
        "columns": names,
        "values": {k: [f(v) for v in cols[k]] for k in names},
        "year_means_popularity": year_means(years, cols["popularity"]),
        "pearson": df[names].corr(method="pearson").to_numpy().tolist(),
        "spearman": df[names].corr(method="spearman").to_numpy().tolist(),
    }


def clean(path):
    df = pd.read_csv(path)
    df.columns = df.columns.str.strip().str.replace(" ", "_").str.lower()
    drop = set()
    for col, n, top in DROPS:
        drop.update((df[col].nlargest(n) if top else df[col].nsmallest(n)).index)
    df = df.drop(index=sorted(drop)).reset_index(drop=True)
    df["year"] = pd.to_datetime(df["release_date"], format="%m/%d/%Y").dt.year
    df["decade"] = df["year"] // 10 * 10
    df["live"] = [live_by_title(n, a) for n, a in zip(df["name"], df["album"])]
    return df


def albums(df):
    g = df.groupby("album").agg(tracks=("popularity", "size"), mean=("popularity", "mean"),
                                popular_songs=("popularity", lambda p: int((p >= THRESHOLD).sum())))
    g = g.reset_index()
    by_count = g.sort_values(["popular_songs", "mean", "album"], ascending=[False, False, True], kind="mergesort")
    by_mean = g.sort_values(["mean", "album"], ascending=[False, True], kind="mergesort")
    rec = lambda d: [{"album": r.album, "tracks": int(r.tracks), "popular_songs": int(r.popular_songs), "mean": f(r.mean)}
                     for r in d.itertuples()]
    return rec(by_count), rec(by_mean)


def claims(df):
    """ClaimTests' family, in its order, with Holm-adjusted p-values."""
    pop = df["popularity"].to_numpy(dtype=float)
    out = []

    def mwu(name, x, y):
        r = stats.mannwhitneyu(x, y, alternative="two-sided", use_continuity=True, method="auto")
        out.append({"claim": name, "test": "Mann-Whitney U", "statistic": f(r.statistic), "p": f(r.pvalue),
                    "n": [int(len(x)), int(len(y))]})

    def kruskal(name, groups):
        r = stats.kruskal(*groups)
        out.append({"claim": name, "test": "Kruskal-Wallis", "statistic": f(r.statistic), "p": f(r.pvalue),
                    "n": [int(len(g)) for g in groups]})

    live = df["live"].to_numpy()
    mwu("live vs studio", pop[live], pop[~live])
    dec = df.groupby("decade")["popularity"]
    kruskal("decades", [g.to_numpy(dtype=float) for _, g in dec if len(g) >= 2])
    mid = int(np.quantile(df["year"].to_numpy(dtype=float), 0.5))
    early = (df["year"] <= mid).to_numpy()
    mwu("later vs earlier half (year <= %d)" % mid, pop[~early], pop[early])
    alb = df.groupby("album")["popularity"]
    kruskal("albums with 5+ tracks", [g.to_numpy(dtype=float) for _, g in alb if len(g) >= 5])
    for c in AUDIO + ["duration_ms"]:
        r = stats.spearmanr(df[c].to_numpy(dtype=float), pop)
        out.append({"claim": c + " vs popularity", "test": "Spearman", "statistic": f(r.correlation), "p": f(r.pvalue)})
    holm = multipletests([c["p"] for c in out], method="holm")[1]
    for c, h in zip(out, holm):
        c["p_holm"] = f(h)
    return out


def popularity_correlations(df):
    """PopularityCorrelations' family: Pearson then Spearman per feature."""
    pop = df["popularity"].to_numpy(dtype=float)
    out = []
    for c in AUDIO + ["duration_ms"]:
        x = df[c].to_numpy(dtype=float)
        r = stats.pearsonr(x, pop)
        out.append({"feature": c, "test": "pearson", "r": f(r.statistic), "p": f(r.pvalue)})
        r = stats.spearmanr(x, pop)
        out.append({"feature": c, "test": "spearman", "r": f(r.correlation), "p": f(r.pvalue)})
    holm = multipletests([c["p"] for c in out], method="holm")[1]
    for c, h in zip(out, holm):
        c["p_holm"] = f(h)
    return out


def validation(df):
    z = StandardScaler().fit_transform(df[NUMERIC].to_numpy(dtype=float))
    full = PCA().fit(z)
    ratio = full.explained_variance_ratio_
    comps = int(np.searchsorted(np.cumsum(ratio), 0.95) + 1)
    x = PCA(n_components=comps).fit_transform(z)
    wcss = [f(KMeans(n_clusters=k, n_init=10, random_state=0).fit(x).inertia_) for k in range(1, 11)]
    ward = AgglomerativeClustering(n_clusters=2, linkage="ward").fit_predict(x)
    km = KMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(x)
    gmm = GaussianMixture(n_components=2, covariance_type="full", random_state=0).fit(x).predict(x)
    return {
        "source": "StandardScaler().fit_transform(11 features of the 1,600 cleaned rows); PCA().fit -> explained_variance_ratio_; "
                  "components: first k with cumulative ratio >= 0.95; X = PCA(n_components).fit_transform; "
                  "wcss: KMeans(k, n_init=10, random_state=0).inertia_ for k = 1..10; "
                  "silhouette_score(X, labels) of AgglomerativeClustering(2, linkage='ward'), KMeans(2, n_init=10, random_state=0), "
                  "GaussianMixture(2, covariance_type='full', random_state=0)",
        "rows": int(len(z)),
        "pca_ratio": [f(v) for v in ratio],
        "components": comps,
        "wcss": wcss,
        "silhouette_k2": {"ward": f(silhouette_score(x, ward)), "kmeans": f(silhouette_score(x, km)),
                          "gmm": f(silhouette_score(x, gmm))},
        "ward_k2_sizes": sorted([int(v) for v in np.bincount(ward)], reverse=True),
    }


def real(path):
    df = clean(path)
    by_count, by_mean = albums(df)
    top = df.sort_values(["popularity", "name"], ascending=[False, True], kind="mergesort").head(5)
    liveness = (df["liveness"] > 0.8).to_numpy()
    live = df["live"].to_numpy()
    counts = [[int(((live == a) & (liveness == b)).sum()) for b in (False, True)] for a in (False, True)]
    desc = df[NUMERIC].describe()
    return {
        "source": "the course catalog after the original study's drops (pandas nlargest/nsmallest), 1,600 rows",
        "rows": int(len(df)),
        "albums_by_popular_songs": {
            "source": "pandas groupby('album'): size, mean, (popularity >= 50).sum(); "
                      "sort_values([popular_songs, mean, album], ascending=[False, False, True])",
            "threshold": THRESHOLD, "albums": by_count},
        "albums_by_mean": {
            "source": "pandas groupby('album').mean(); sort_values([mean, album], ascending=[False, True])",
            "albums": by_mean},
        "top_songs": {
            "source": "pandas sort_values([popularity, name], ascending=[False, True]).head(5)",
            "songs": [{"name": r.name, "popularity": f(r.popularity)} for r in top.itertuples()]},
        "year_means_popularity": {
            "source": "scipy.stats.t.interval(0.95, n-1, loc=mean, scale=scipy.stats.sem(x)) per release year",
            "years": year_means(df["year"].tolist(), df["popularity"].to_numpy(dtype=float))},
        "correlation": {
            "source": "pandas DataFrame.corr(method='pearson' / 'spearman') of the 11 numeric columns",
            "columns": NUMERIC,
            "pearson": df[NUMERIC].corr(method="pearson").to_numpy().tolist(),
            "spearman": df[NUMERIC].corr(method="spearman").to_numpy().tolist()},
        "describe": {
            "source": "pandas DataFrame.describe() of the 11 numeric columns (std with ddof=1, quartiles type 7)",
            "columns": NUMERIC,
            "stats": {c: {k: f(desc.loc[k, c]) for k in ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]}
                      for c in NUMERIC}},
        "live_flags": {
            "source": "songs/live.go's title/album regular expressions replicated with Python re (IGNORECASE|ASCII) vs "
                      "liveness > 0.8; kappa: sklearn.metrics.cohen_kappa_score",
            "counts": counts,
            "agreement": f((live == liveness).mean()),
            "kappa": f(cohen_kappa_score(live, liveness))},
        "claims": {
            "source": "scipy.stats.mannwhitneyu(two-sided, use_continuity=True, method='auto'), scipy.stats.kruskal, "
                      "scipy.stats.spearmanr; p_holm: statsmodels multipletests(p, method='holm') over the whole family",
            "tests": claims(df)},
        "popularity_correlations": {
            "source": "scipy.stats.pearsonr and scipy.stats.spearmanr of each audio feature and duration_ms with popularity; "
                      "p_holm: statsmodels multipletests(p, method='holm') over the 20 tests",
            "tests": popularity_correlations(df)},
        "validation": validation(df),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "data", "raw", "rolling_stones_spotify.csv")
    versions = {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                "scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "sklearn": sklearn.__version__}
    doc = {
        "source": "songs/testdata/gen_golden_domain.py",
        "versions": versions,
        "synthetic": synthetic(),
        "real": real(path),
    }
    out = os.path.join(here, "golden_domain.json")
    with open(out, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print(" ".join("%s %s" % kv for kv in versions.items()), "wrote", out)


if __name__ == "__main__":
    main()
