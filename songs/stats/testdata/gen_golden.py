#!/usr/bin/python3
"""Write golden.json: reference numbers for the songs/stats tests.

Run with Debian's interpreter:  /usr/bin/python3 gen_golden.py
Every record names the SciPy / statsmodels call that produced it in "source".
NaN and infinities are written as the strings "NaN", "+Inf", "-Inf".
"""
import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.stats as st
from scipy.stats import contingency
import statsmodels
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.oneway import anova_oneway

warnings.simplefilter("ignore")
print("python", sys.version.split()[0], "numpy", np.__version__,
      "scipy", scipy.__version__, "statsmodels", statsmodels.__version__)

rng = np.random.default_rng(20240501)


def fl(v):
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "+Inf" if v > 0 else "-Inf"
    return v


def arr(a):
    return [fl(v) for v in np.asarray(a, dtype=float).ravel()]


ALTS = ["two-sided", "less", "greater"]


def stat_p(res, source):
    """The statistic and p-value of a SciPy test result, with the call
    that made them."""
    return {"stat": fl(res.statistic), "p": fl(res.pvalue), "source": source}


def call(fn, x, y, alt, **kw):
    """Run fn(x, y, alternative=alt, **kw) and return its statistic and
    p-value with the call spelled out."""
    args = "".join(", %s=%r" % kv for kv in kw.items())
    return stat_p(fn(x, y, alternative=alt, **kw), f"scipy.stats.{fn.__name__}(x, y, alternative='{alt}'{args})")

# Two-sample fixtures: tiny without ties, ties, unequal sizes, larger, shifted.
two = {
    "tiny": ([1.2, 3.4, 2.2, 5.1, 0.7], [2.9, 4.4, 6.1, 3.8, 5.5, 7.0]),
    "tiny_eq": ([0.3, 1.9, 2.5, 4.0], [1.1, 2.8, 3.3, 5.2]),
    "ties": ([12, 25, 25, 7, 30, 12, 18, 25, 3, 40, 12, 22],
             [25, 33, 41, 12, 50, 38, 25, 29, 44, 18, 61, 33, 25, 47, 52, 30, 36]),
    "unequal": (np.round(rng.normal(0.0, 1.0, 9), 3).tolist(),
                np.round(rng.normal(0.8, 2.5, 31), 3).tolist()),
    "larger": (np.round(rng.normal(20.0, 8.0, 140), 2).tolist(),
               np.round(rng.normal(23.0, 10.0, 215), 2).tolist()),
    "popularity": (rng.integers(0, 60, 300).astype(float).tolist(),
                   rng.integers(5, 70, 450).astype(float).tolist()),
}

out = {"versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
                    "numpy": np.__version__}, "two_sample": [], "groups": [],
       "paired": [], "tables": [], "fisher": [], "shapiro": [], "corrections": [],
       "degenerate": {}}

for name, (x, y) in two.items():
    rec = {"name": name, "x": arr(x), "y": arr(y), "alts": {}}
    for alt in ALTS:
        r = {}
        s = st.ttest_ind(x, y, equal_var=True, alternative=alt)
        r["student"] = {"stat": fl(s.statistic), "df": len(x) + len(y) - 2, "p": fl(s.pvalue),
                        "source": f"scipy.stats.ttest_ind(x, y, equal_var=True, alternative='{alt}')"}
        s = st.ttest_ind(x, y, equal_var=False, alternative=alt)
        vx, vy = np.var(x, ddof=1) / len(x), np.var(y, ddof=1) / len(y)
        df = (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))
        r["welch"] = {"stat": fl(s.statistic), "df": fl(df), "p": fl(s.pvalue),
                      "source": f"scipy.stats.ttest_ind(x, y, equal_var=False, alternative='{alt}'); df Welch-Satterthwaite"}
        r["mwu"] = call(st.mannwhitneyu, x, y, alt, method="auto")
        r["mwu_nocc"] = call(st.mannwhitneyu, x, y, alt, method="asymptotic", use_continuity=False)
        r["mwu_asym"] = call(st.mannwhitneyu, x, y, alt, method="asymptotic")
        r["ks"] = call(st.ks_2samp, x, y, alt, method="auto")
        r["ks_asymp"] = call(st.ks_2samp, x, y, alt, method="asymp")
        rec["alts"][alt] = r
    # effect sizes by closed form (checked by hand in the Go tests for tiny)
    nx, ny = len(x), len(y)
    sp = math.sqrt(((nx - 1) * np.var(x, ddof=1) + (ny - 1) * np.var(y, ddof=1)) / (nx + ny - 2))
    d = (np.mean(x) - np.mean(y)) / sp
    dfp = nx + ny - 2
    J = math.exp(math.lgamma(dfp / 2) - math.lgamma((dfp - 1) / 2)) / math.sqrt(dfp / 2)
    U1 = st.mannwhitneyu(x, y).statistic
    rec["effects"] = {"cohen_d": fl(d), "hedges_g": fl(d * J), "rank_biserial": fl(2 * U1 / (nx * ny) - 1),
                      "source": "closed forms: pooled-SD Cohen's d; Hedges' g = d*Gamma(df/2)/(sqrt(df/2)*Gamma((df-1)/2)); "
                                "r = 2*U1/(n1*n2) - 1 with U1 from scipy.stats.mannwhitneyu"}
    out["two_sample"].append(rec)

# Large-sample KS: exercises the asymptotic branch (max(n1, n2) > 10000).
xl = np.round(rng.normal(0.0, 1.0, 40), 4)
yl = np.round(rng.normal(0.1, 1.0, 10050), 4)
ksl = {"name": "ks_large", "x": arr(xl), "y": arr(yl), "alts": {}}
for alt in ALTS:
    ksl["alts"][alt] = stat_p(st.ks_2samp(xl, yl, alternative=alt, method="auto"),
                              f"scipy.stats.ks_2samp(x, y, alternative='{alt}', method='auto') (asymptotic branch)")
out["ks_large"] = ksl

# Several groups.
groups = {
    "three_ties": [[12, 25, 25, 7, 30, 12, 18], [25, 33, 41, 12, 50, 38, 25, 29],
                   [44, 18, 61, 33, 25, 47, 52, 30, 36, 12]],
    "four_unequal": [np.round(rng.normal(m, s, n), 3).tolist()
                     for m, s, n in [(0, 1, 5), (0.5, 2, 12), (1.5, 0.5, 8), (0.2, 3, 20)]],
    "five_larger": [np.round(rng.normal(m, 5, n), 1).tolist()
                    for m, n in [(20, 60), (22, 75), (19, 40), (25, 90), (21, 55)]],
}
for name, gs in groups.items():
    rec = {"name": name, "groups": [arr(g) for g in gs]}
    f = st.f_oneway(*gs)
    allv = np.concatenate(gs)
    gm = allv.mean()
    ssb = sum(len(g) * (np.mean(g) - gm) ** 2 for g in gs)
    sst = ((allv - gm) ** 2).sum()
    k, N = len(gs), len(allv)
    msw = (sst - ssb) / (N - k)
    rec["anova"] = {"stat": fl(f.statistic), "df1": k - 1, "df2": N - k, "p": fl(f.pvalue),
                    "eta2": fl(ssb / sst), "eps2": fl((ssb - (k - 1) * msw) / sst),
                    "source": "scipy.stats.f_oneway(*groups); eta2 = SSB/SST, eps2 = (SSB-(k-1)MSW)/SST closed forms"}
    w = anova_oneway([np.asarray(g, float) for g in gs], use_var="unequal", welch_correction=True)
    rec["welch_anova"] = {"stat": fl(w.statistic), "df1": fl(w.df[0]), "df2": fl(w.df[1]), "p": fl(w.pvalue),
                          "source": "statsmodels.stats.oneway.anova_oneway(groups, use_var='unequal', welch_correction=True)"}
    h = st.kruskal(*gs)
    rec["kruskal"] = {"stat": fl(h.statistic), "df": k - 1, "p": fl(h.pvalue),
                      "eps2": fl(h.statistic / ((N * N - 1) / (N + 1))),
                      "eta2": fl((h.statistic - k + 1) / (N - k)),
                      "source": "scipy.stats.kruskal(*groups); eps2 = H/((N^2-1)/(N+1)), eta2 = (H-k+1)/(N-k) (Tomczak & Tomczak 2014)"}
    for c in ["median", "mean"]:
        l = st.levene(*gs, center=c)
        rec["levene_" + c] = {"stat": fl(l.statistic), "df1": k - 1, "df2": N - k, "p": fl(l.pvalue),
                              "source": f"scipy.stats.levene(*groups, center='{c}')"}
    out["groups"].append(rec)

# Paired / association fixtures.
n1 = 30
px = np.round(rng.normal(0, 1, n1), 3)
py = np.round(0.4 * px + rng.normal(0, 1, n1), 3)
pairs = {
    "tiny": ([1, 2, 3, 4, 5, 6, 7], [2.1, 1.9, 3.5, 3.9, 5.2, 4.8, 7.7]),
    "tiny_neg": ([0.5, 1.5, 2.0, 3.1, 4.2, 5.0, 6.6, 7.1, 8.0], [9.1, 7.7, 8.3, 6.0, 5.5, 6.1, 3.2, 2.9, 4.4]),
    "moderate": (px.tolist(), py.tolist()),
    "ties": ([1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7, 8, 9, 9, 10],
             [2, 1, 3, 3, 5, 4, 4, 6, 6, 5, 8, 7, 9, 9, 12, 11]),
    "larger_ties": (rng.integers(0, 12, 200).astype(float).tolist(),
                    rng.integers(0, 9, 200).astype(float).tolist()),
    "n40_noties": (np.round(rng.normal(0, 1, 40), 4).tolist(), np.round(rng.normal(0, 1, 40), 4).tolist()),
}
for name, (x, y) in pairs.items():
    rec = {"name": name, "x": arr(x), "y": arr(y), "alts": {}}
    for alt in ALTS:
        r = {}
        p = st.pearsonr(x, y, alternative=alt)
        ci = p.confidence_interval(0.95)
        r["pearson"] = {"stat": fl(p.statistic), "p": fl(p.pvalue), "lo": fl(ci.low), "hi": fl(ci.high),
                        "source": f"scipy.stats.pearsonr(x, y, alternative='{alt}') and .confidence_interval(0.95)"}
        r["spearman"] = call(st.spearmanr, x, y, alt)
        r["kendall"] = call(st.kendalltau, x, y, alt, method="auto", variant="b")
        rec["alts"][alt] = r
    out["paired"].append(rec)

# Contingency tables.
tables = {
    "2x2": [[12, 5], [7, 15]],
    "2x2_small": [[3, 1], [1, 3]],
    "2x3": [[20, 15, 30], [25, 30, 10]],
    "3x4": [[12, 7, 3, 9], [5, 14, 8, 2], [9, 6, 15, 11]],
    "2x2_big": [[480, 320], [390, 420]],
}
for name, t in tables.items():
    rec = {"name": name, "table": t}
    for corr in [True, False]:
        c = st.chi2_contingency(t, correction=corr)
        rec["corr" if corr else "nocorr"] = {"stat": fl(c[0]), "p": fl(c[1]), "df": int(c[2]),
                                             "source": f"scipy.stats.chi2_contingency(table, correction={corr})"}
    rec["cramer_v"] = {"value": fl(contingency.association(t, method="cramer")),
                       "source": "scipy.stats.contingency.association(table, method='cramer')"}
    out["tables"].append(rec)

fisher_tables = [[[12, 5], [7, 15]], [[3, 1], [1, 3]], [[8, 2], [1, 5]], [[0, 5], [6, 2]],
                 [[20, 25], [30, 10]], [[100, 95], [90, 120]], [[2, 7], [8, 2]], [[5, 5], [5, 5]]]
for t in fisher_tables:
    rec = {"table": t, "alts": {}}
    for alt in ALTS:
        o, p = st.fisher_exact(t, alternative=alt)
        rec["alts"][alt] = {"odds": fl(o), "p": fl(p),
                            "source": f"scipy.stats.fisher_exact(table, alternative='{alt}')"}
    out["fisher"].append(rec)

# Shapiro-Wilk (single precision in SciPy's swilk.f).
shap = {
    "n3": [1.0, 2.0, 4.0],
    "n4": [2.3, 1.1, 5.8, 3.3],
    "n7": [148, 154, 158, 160, 161, 162, 166],
    "n11_ties": [3, 5, 5, 6, 7, 7, 7, 8, 9, 12, 20],
    "n25": np.round(rng.normal(10, 2, 25), 3).tolist(),
    "n60_skew": np.round(rng.exponential(3, 60), 3).tolist(),
    "n500": np.round(rng.normal(0, 1, 500), 4).tolist(),
    "n5000_uniform": np.round(rng.uniform(0, 1, 3000), 5).tolist(),
}
for name, x in shap.items():
    w, p = st.shapiro(x)
    out["shapiro"].append({"name": name, "x": arr(x), "w": fl(w), "p": fl(p),
                           "source": "scipy.stats.shapiro(x) (float32 swilk)"})

# Multiple-testing corrections.
pvs = {
    "mixed": [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04, 0.001],
    "ties_and_ones": [0.05, 0.05, 0.9, 1.0, 0.0001, 0.02],
    "single": [0.03],
}
for name, ps in pvs.items():
    rec = {"name": name, "p": ps}
    for m, key in [("bonferroni", "bonferroni"), ("holm", "holm"), ("fdr_bh", "bh")]:
        rec[key] = {"adj": arr(multipletests(ps, method=m)[1]),
                    "source": f"statsmodels.stats.multitest.multipletests(p, method='{m}')[1]"}
    out["corrections"].append(rec)

# Degenerate input: what the references return.
deg = {}


def attempt(f):
    try:
        r = f()
        return {"stat": fl(r[0]), "p": fl(r[1])}
    except Exception as e:  # noqa: BLE001
        return {"error": type(e).__name__ + ": " + str(e)}


deg["ttest_const_both_equal"] = attempt(lambda: st.ttest_ind([2, 2, 2], [2, 2, 2]))
deg["ttest_const_both_diff"] = attempt(lambda: st.ttest_ind([2, 2, 2], [3, 3, 3]))
deg["welch_const_both_diff"] = attempt(lambda: st.ttest_ind([2, 2, 2], [3, 3, 3], equal_var=False))
deg["ttest_size1"] = attempt(lambda: st.ttest_ind([2.0], [3.0, 4.0, 5.0]))
deg["welch_size1"] = attempt(lambda: st.ttest_ind([2.0], [3.0, 4.0, 5.0], equal_var=False))
deg["mwu_all_ties"] = attempt(lambda: st.mannwhitneyu([1, 1, 1], [1, 1, 1, 1]))
deg["mwu_all_ties_large"] = attempt(lambda: st.mannwhitneyu([1] * 10, [1] * 12))
deg["ks_all_ties"] = attempt(lambda: st.ks_2samp([1, 1, 1], [1, 1, 1, 1]))
deg["kruskal_all_ties"] = attempt(lambda: st.kruskal([1, 1], [1, 1, 1]))
deg["kruskal_one_group"] = attempt(lambda: st.kruskal([1, 2, 3]))
deg["anova_all_const_diff"] = attempt(lambda: st.f_oneway([1, 1, 1], [2, 2, 2]))
deg["anova_all_const_equal"] = attempt(lambda: st.f_oneway([1, 1, 1], [1, 1, 1]))
deg["anova_size1"] = attempt(lambda: st.f_oneway([1.0], [2.0, 3.0, 4.0]))
deg["levene_zero_spread"] = attempt(lambda: st.levene([1, 1, 1], [2, 2, 2]))
deg["pearson_const"] = attempt(lambda: st.pearsonr([1, 1, 1, 1], [1, 2, 3, 4]))
deg["pearson_n2"] = attempt(lambda: st.pearsonr([1, 2], [3, 1]))
deg["spearman_const"] = attempt(lambda: st.spearmanr([1, 1, 1, 1], [1, 2, 3, 4]))
deg["kendall_const"] = attempt(lambda: st.kendalltau([1, 1, 1, 1], [1, 2, 3, 4]))
deg["shapiro_const"] = attempt(lambda: st.shapiro([3.0, 3.0, 3.0, 3.0]))
deg["chi2_zero_expected"] = attempt(lambda: st.chi2_contingency([[0, 0], [3, 4]]))
deg["fisher_zero_margin"] = attempt(lambda: st.fisher_exact([[0, 0], [3, 4]]))
out["degenerate"] = deg

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1, allow_nan=False)
    fh.write("\n")
print("wrote", path)
