"""Writes golden_domain.json: reference numbers for the tests of the songs
package's domain functions (popularity, albums as releases and with their
editions merged, popularity over time and the claims on one row per
recording, correlations, summary statistics, live flags and the
reproduction of the original study's clustering), computed with pandas,
SciPy, statsmodels and scikit-learn. The album, recording and time records
re-implement the domain's rules (releases split where track numbers
restart with the same titles, editions merged by a normalised title,
reissues grouped by identical audio features) in pandas, independently of
the Go code.

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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "internal", "goldentest"))
import goldens  # noqa: E402

AUDIO = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
         "loudness", "speechiness", "tempo", "valence"]
NUMERIC = AUDIO + ["popularity", "duration_ms"]
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
    df = df.drop(index=sorted(goldens.original_drops(df))).reset_index(drop=True)
    df["year"] = pd.to_datetime(df["release_date"], format="%m/%d/%Y").dt.year
    df["decade"] = df["year"] // 10 * 10
    df["live"] = [live_by_title(n, a) for n, a in zip(df["name"], df["album"])]
    return df


# songs/title_match.go's versionBracket, verbatim (re.ASCII for Go's \b).
VERSION_BRACKET = re.compile(r"\s*[(\[][^)\]]*\b(remaster(ed)?|live|mono|stereo|version|mix|edit|demo|take|bonus|acoustic|"
                             r"instrumental|single|deluxe|anniversary|outtake|re-?recorded|\d{4})\b[^)\]]*[)\]]\s*$", re.I | re.A)
# songs/editions.go's editionNote, verbatim.
EDITION_NOTE = re.compile(r"\s*[(\[][^)\]]*\b(re-?master(ed)?|deluxe|edition|version|bonus|anniversary|expanded|mono|stereo|uk|us|"
                          r"sequence|track listing)\b[^)\]]*[)\]]", re.I | re.A)
SAME_RELEASE_SHARE = 0.8
AUDIO_AND_DURATION = AUDIO + ["duration_ms"]


def normal_words(text):
    """songs.normalWords: lower-case runs of letters and digits; apostrophes join; & is 'and'."""
    words, cur = [], ""
    for ch in text:
        if ch.isalpha() or ch.isdigit():
            cur += ch.lower()
        elif ch in "'\u2019\u2018`":
            pass
        else:
            if cur:
                words.append(cur)
                cur = ""
            if ch == "&":
                words.append("and")
    if cur:
        words.append(cur)
    return words


def title_key(title):
    """songs.TitleKey: the title before ' - ', trailing version brackets removed, normalised."""
    i = title.find(" - ")
    if i > 0:
        title = title[:i]
    while ")" in title or "]" in title:
        t = VERSION_BRACKET.sub("", title)
        if t == title or t.strip() == "":
            break
        title = t
    return "".join(normal_words(title))


def edition_title(album):
    t = EDITION_NOTE.sub("", album).strip()
    return t if t else album.strip()


def releases(df):
    """songs.Releases: (album, date) groups in catalog order, split where track numbers restart with the
    same titles (>= 80% of the run's title keys already on the release)."""
    df = df.assign(key=[title_key(t) for t in df["name"]])
    dates = df.groupby("album")["release_date"].unique()
    out = []
    for (album, date), g in df.groupby(["album", "release_date"], sort=False):
        runs, prev = [], None
        for i, n in zip(g.index, g["track_number"]):
            if prev is None or n <= prev:
                runs.append([])
            runs[-1].append(i)
            prev = n
        rels = [{"tracks": list(runs[0]), "discs": 1}]
        titles = set(df.loc[runs[0], "key"])
        for run in runs[1:]:
            same = sum(df.loc[i, "key"] in titles for i in run)
            if same >= SAME_RELEASE_SHARE * len(run):
                rels.append({"tracks": list(run), "discs": 1})
                titles = set(df.loc[run, "key"])
            else:
                rels[-1]["tracks"] += run
                rels[-1]["discs"] += 1
                titles |= set(df.loc[run, "key"])
        d = pd.to_datetime(date, format="%m/%d/%Y")
        for k, r in enumerate(rels):
            label = album
            others = [pd.to_datetime(o, format="%m/%d/%Y") for o in dates[album] if o != date]
            if others:
                label += " (%s)" % (d.strftime("%Y-%m-%d") if any(o.year == d.year for o in others) else d.year)
            if len(rels) > 1:
                label += " (release %d of %d)" % (k + 1, len(rels))
            out.append({"album": album, "label": label, "date": d, "discs": r["discs"], "tracks": r["tracks"]})
    return out


def rank(df, groups, distinct):
    """songs.rankAlbums: popular songs (>= THRESHOLD), then mean popularity, then name; with distinct,
    songs counted once by title key at their most popular version."""
    rows = []
    for name, idx in groups:
        sub = df.loc[idx]
        keys = [title_key(t) for t in sub["name"]] if distinct else list(sub["id"])
        best = sub.assign(k=keys).groupby("k", sort=False)["popularity"].max()
        rows.append({"album": name, "tracks": int(len(sub)), "songs": int(len(set(title_key(t) for t in sub["name"]))),
                     "popular_songs": int((best >= THRESHOLD).sum()), "mean": f(best.mean())})
    return sorted(rows, key=lambda r: (-r["popular_songs"], -r["mean"], r["album"]))


def answer(ranked):
    rec = [a for a in ranked[:2] if a["popular_songs"] > 0]
    ties = [a for a in ranked[len(rec):] if rec and a["popular_songs"] == rec[-1]["popular_songs"]]
    return {"recommended": rec, "ties": ties, "ranked": ranked}


def albums(df):
    rels = releases(df)
    by_release = rank(df, [(r["label"], r["tracks"]) for r in rels], False)
    merged, order = {}, []
    for r in rels:
        k = "".join(normal_words(edition_title(r["album"])))
        if k not in merged:
            merged[k] = (edition_title(r["album"]), [], [])
            order.append(k)
        merged[k][1].extend(r["tracks"])
        merged[k][2].append(r["label"])
    by_edition = rank(df, [(merged[k][0], merged[k][1]) for k in order], True)
    g = df.groupby("album").agg(tracks=("popularity", "size"), mean=("popularity", "mean"),
                                popular_songs=("popularity", lambda p: int((p >= THRESHOLD).sum()))).reset_index()
    by_mean = g.sort_values(["mean", "album"], ascending=[False, True], kind="mergesort")
    split = [{"label": r["label"], "tracks": len(r["tracks"]), "discs": r["discs"]} for r in rels]
    return {
        "source": "pandas re-implementation of songs.Releases (groupby album and release_date in file order; a run of "
                  "restarting track_number is another release when >= 80% of its title keys are on the release, else "
                  "another disc), songs.RankReleases and songs.RankEditions (edition notes removed; songs counted once "
                  "by title key at their most popular version); popular: popularity >= 50; sorted by popular songs, "
                  "mean popularity, name",
        "threshold": THRESHOLD,
        "releases": split,
        "by_release": answer(by_release),
        "by_edition": answer(by_edition),
        "editions": {merged[k][0]: merged[k][2] for k in order},
    }, [{"album": r.album, "tracks": int(r.tracks), "popular_songs": int(r.popular_songs), "mean": f(r.mean)}
        for r in by_mean.itertuples()], rels


def recordings(df, rels):
    """songs.Recordings: copies with identical audio features and duration; the most popular copy (ties: the
    earliest release, then file order) represents it; dated by the earliest release of any copy."""
    df = df.assign(date=pd.to_datetime(df["release_date"], format="%m/%d/%Y"))
    label = {}
    for r in rels:
        for i in r["tracks"]:
            label[i] = r["label"]
    out = []
    for _, g in df.groupby(AUDIO_AND_DURATION, sort=False):
        best = g.index[0]
        for i in g.index:
            p, q = df.loc[i, "popularity"], df.loc[best, "popularity"]
            if p > q or (p == q and df.loc[i, "date"] < df.loc[best, "date"]):
                best = i
        out.append({"first": int(g.index[0]), "track": int(best), "year": int(g["year"].min()),
                    "popularity": f(df.loc[best, "popularity"]), "live": bool(df.loc[best, "live"]),
                    "release": label[best], "range": f(g["popularity"].max() - g["popularity"].min()), "copies": int(len(g))})
    return pd.DataFrame(out).sort_values("first", kind="mergesort").reset_index(drop=True)


def spearman(x, y):
    r = stats.spearmanr(x, y)
    return {"rho": f(r.correlation), "p": f(r.pvalue), "n": int(len(x))}


def boot(data, stat):
    r = stats.bootstrap(data, stat, paired=True, vectorized=False, n_resamples=9999, method="BCa",
                        random_state=np.random.default_rng(1))
    return [f(r.confidence_interval.low), f(r.confidence_interval.high)]


def eps2(x, g):
    g = np.asarray(g)
    groups = [x[g == k] for k in np.unique(g)]
    return stats.kruskal(*groups).statistic / (len(x) - 1)


def rank_biserial(x, first):
    first = np.asarray(first).astype(bool)
    u = stats.mannwhitneyu(x[first], x[~first], alternative="two-sided").statistic
    return 2 * u / (first.sum() * (~first).sum()) - 1


def dunn(groups):
    """Dunn (1964) z with the tie correction, two-sided normal p-values, Holm over the pairs."""
    allv = np.concatenate(groups)
    n = len(allv)
    ranks = stats.rankdata(allv)
    _, counts = np.unique(allv, return_counts=True)
    s2 = n * (n + 1) / 12 - (counts ** 3 - counts).sum() / (12 * (n - 1))
    means, off = [], 0
    for g in groups:
        means.append(ranks[off:off + len(g)].mean())
        off += len(g)
    pairs = []
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            z = (means[i] - means[j]) / np.sqrt(s2 * (1 / len(groups[i]) + 1 / len(groups[j])))
            pairs.append({"i": i, "j": j, "z": f(z), "p": f(2 * stats.norm.sf(abs(z)))})
    holm = multipletests([p["p"] for p in pairs], method="holm")[1]
    for p, h in zip(pairs, holm):
        p["p_holm"] = f(h)
    return pairs


def t_mean(x):
    x = np.asarray(x, dtype=float)
    if len(x) < 2:
        return {"n": int(len(x)), "mean": f(x.mean()) if len(x) else None}
    lo, hi = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    return {"n": int(len(x)), "mean": f(x.mean()), "lo": f(lo), "hi": f(hi), "median": f(np.median(x))}


def over_time(df, rec, rels):
    pop, year, live = rec["popularity"].to_numpy(), rec["year"].to_numpy(dtype=float), rec["live"].to_numpy()
    family = [spearman(year, pop), spearman(year[~live], pop[~live]), spearman(year[live], pop[live])]
    dec = rec["year"] // 10 * 10
    decades = sorted(d for d, n in dec.value_counts().items() if n >= 2)
    groups = [pop[(dec == d).to_numpy()] for d in decades]
    kw = stats.kruskal(*groups)
    family.append({"h": f(kw.statistic), "p": f(kw.pvalue), "eps2": f(kw.statistic / (len(pop) - 1))})
    holm = multipletests([t["p"] for t in family], method="holm")[1]
    for t, h in zip(family, holm):
        t["p_holm"] = f(h)
    ym = df.groupby("year")["popularity"].mean()
    first, last = int(ym.index.min()), int(ym.index.max())
    windows = []
    for lo, hi in [(first, first + 4), (last - 4, last)]:
        tr = df[(df["year"] >= lo) & (df["year"] <= hi)]["popularity"]
        rc = rec[(rec["year"] >= lo) & (rec["year"] <= hi)]["popularity"]
        windows.append({"from": lo, "to": hi, "yearly_means": f(ym.loc[lo:hi].mean()), "track_mean": f(tr.mean()),
                        "tracks": int(len(tr)), "recording_mean": f(rc.mean()), "recordings": int(len(rc))})
    peaks = {}
    for d in decades:
        in_dec = [r for r in rels if r["date"].year // 10 * 10 == d]
        peaks[d] = rank(df, [(r["label"], r["tracks"]) for r in in_dec], False)[0]["album"]
    desc = []
    for d in decades:
        m = (dec == d).to_numpy()
        desc.append({"decade": int(d), "all": t_mean(pop[m]), "studio": t_mean(pop[m & ~live]), "live": t_mean(pop[m & live]),
                     "peak": peaks[d]})
    return {
        "source": "one row per recording (see recordings); scipy.stats.spearmanr(year, popularity) overall, studio, live; "
                  "scipy.stats.kruskal over decades with >= 2 recordings, eps2 = H/(n-1); p_holm: statsmodels "
                  "multipletests(method='holm') over these 4 tests; dunn: Dunn (1964) z with tie correction, "
                  "2*norm.sf(|z|), Holm over the pairs; windows: pandas mean of yearly means, of tracks, of recordings; "
                  "decades: scipy.stats.t.interval(0.95) of each decade's recordings; peak: the decade's releases ranked as "
                  "by_release; ci95: scipy.stats.bootstrap((year, popularity), spearmanr, paired=True, method='BCa', "
                  "n_resamples=9999)",
        "recordings": int(len(pop)),
        "family": family,
        "ci95_trend": boot((year, pop), lambda a, b: stats.spearmanr(a, b).correlation),
        "decades": decades,
        "dunn": dunn(groups),
        "windows": windows,
        "describe": desc,
    }


def recording_claims(rec, df):
    pop, live = rec["popularity"].to_numpy(), rec["live"].to_numpy()
    mw = stats.mannwhitneyu(pop[live], pop[~live], alternative="two-sided", use_continuity=True, method="auto")
    counts = rec["release"].value_counts()
    kept = rec[rec["release"].isin(counts[counts >= 5].index)]
    kp = kept["popularity"].to_numpy()
    codes = pd.factorize(kept["release"])[0]
    kw = stats.kruskal(*[kp[codes == k] for k in range(codes.max() + 1)])
    feats = []
    for c in AUDIO_AND_DURATION:
        x = df.loc[rec["track"], c].to_numpy(dtype=float)
        feats.append({"feature": c, **spearman(x, pop)})
    holm = multipletests([t["p"] for t in feats], method="holm")[1]
    for t, h in zip(feats, holm):
        t["p_holm"] = f(h)
    reissued = rec[rec["copies"] > 1]
    widest = reissued.loc[reissued["range"].idxmax()]
    return {
        "source": "one row per recording; live: scipy.stats.mannwhitneyu(live, studio, two-sided, use_continuity=True, "
                  "method='auto'), rank-biserial 2U/(n1 n2) - 1, ci95 scipy.stats.bootstrap paired BCa 9999; albums: "
                  "scipy.stats.kruskal across releases (of each recording's most popular copy) with >= 5 recordings, eps2 "
                  "H/(n-1), ci95 scipy.stats.bootstrap((popularity, release), paired=True, BCa, 9999); features: "
                  "scipy.stats.spearmanr of each feature with popularity, Holm over the 10 (statsmodels)",
        "recordings": int(len(rec)),
        "live": {"u": f(mw.statistic), "p": f(mw.pvalue), "n": [int(live.sum()), int((~live).sum())],
                 "rank_biserial": f(2 * mw.statistic / (live.sum() * (~live).sum()) - 1),
                 "ci95": boot((pop, live), rank_biserial)},
        "albums": {"h": f(kw.statistic), "p": f(kw.pvalue), "releases": int(codes.max() + 1), "recordings": int(len(kp)),
                   "eps2": f(kw.statistic / (len(kp) - 1)), "ci95": boot((kp, codes), eps2),
                   "reissued": int(len(reissued)), "median_copy_range": f(reissued["range"].median()),
                   "widest": {"title": df.loc[int(widest["track"]), "name"], "range": f(widest["range"])}},
        "features": feats,
    }


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
    album_answer, by_mean, rels = albums(df)
    rec = recordings(df, rels)
    top = df.sort_values(["popularity", "name"], ascending=[False, True], kind="mergesort").head(5)
    liveness = (df["liveness"] > 0.8).to_numpy()
    live = df["live"].to_numpy()
    counts = [[int(((live == a) & (liveness == b)).sum()) for b in (False, True)] for a in (False, True)]
    desc = df[NUMERIC].describe()
    return {
        "source": "the course catalog after the original study's drops (pandas nlargest/nsmallest), 1,600 rows",
        "rows": int(len(df)),
        "albums": album_answer,
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
        "over_time": over_time(df, rec, rels),
        "recording_claims": recording_claims(rec, df),
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
