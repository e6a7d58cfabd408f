package view

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/report"
)

// ReproductionTable sets the original pipeline's numbers next to the
// published ones, with their differences, when the pipeline ran on the
// data the original study had (its 1,600 cleaned rows of the eleven
// features); on another catalog it sets them side by side only, and its
// caption says that they are not a reproduction.
func ReproductionTable(v *songs.Validation, rowsAfterCleaning int) report.Table {
	o := v.Original
	sil := func(a string) float64 { return o.Sweeps[a][songs.OriginalBestK-songs.KMin].Silhouette }
	type row struct {
		what       string
		ours, orig float64
		dec        int
	}
	cum := math.NaN()
	if o.Components > 0 && o.Components <= len(o.PCARatio) {
		cum = 0
		for _, r := range o.PCARatio[:o.Components] {
			cum += r
		}
	}
	first := math.NaN()
	if len(o.PCARatio) > 0 {
		first = o.PCARatio[0]
	}
	rows := []row{
		{"rows after cleaning", float64(rowsAfterCleaning), songs.OriginalRowsAfterCleaning, 0},
		{"PCA: first component's variance ratio", first, songs.OriginalPCAFirstRatio, 4},
		{"PCA: components for 95%", float64(o.Components), songs.OriginalPCAComponents, 0},
		{"PCA: cumulative ratio of those components", cum, songs.OriginalPCACumulative, 4},
		{"K-Means: knee of the WCSS curve (k)", float64(o.Knee), songs.OriginalKnee, 0},
		{"K-Means: WCSS at k = 3", o.WCSS[2], songs.OriginalWCSSAtKnee, 2},
		{"silhouette at k = 2, K-Means", sil(songs.AlgKMeans), songs.OriginalSilKMeans, 5},
		{"silhouette at k = 2, Ward", sil(songs.AlgWard), songs.OriginalSilWard, 5},
		{"silhouette at k = 2, GMM (full)", sil(songs.AlgGMM), songs.OriginalSilGMM, 5},
	}
	// The published numbers are of the course file: 1,600 rows of the
	// eleven features. Another catalog runs the same pipeline on other
	// data, so its numbers are set beside them, not compared.
	same := rowsAfterCleaning == songs.OriginalRowsAfterCleaning && len(o.Set.Columns) == len(catalog.OriginalFeatures)
	var out [][]string
	for _, r := range rows {
		row := []string{r.what, ftoa(r.ours, r.dec), ftoa(r.orig, r.dec)}
		if same {
			row = append(row, ftoa(r.ours-r.orig, r.dec+1))
		}
		out = append(out, row)
	}
	if !same {
		t := report.NewTable([]string{"figure", "this catalog", "original study (course file)"}, out)
		t.Caption = fmt.Sprintf("The original pipeline on this catalog (%s rows, %d features) beside the original study's published numbers "+
			"for the course file (%s rows, %d features): different data, so not a reproduction",
			report.FormatInt(rowsAfterCleaning), len(o.Set.Columns), report.FormatInt(songs.OriginalRowsAfterCleaning), len(catalog.OriginalFeatures))
		return t
	}
	t := report.NewTable([]string{"figure", "this project", "original study", "difference"}, out)
	t.Caption = "Reproduction of the original study: our numbers next to its published ones"
	return t
}

// ElbowChart draws the K-Means WCSS curve with its knee.
func ElbowChart(sv songs.SetValidation) (chart.Figure, error) {
	k := make([]float64, len(sv.WCSS))
	for i := range k {
		k[i] = float64(i + 1)
	}
	return chart.Elbow(k, sv.WCSS, float64(sv.Knee), chart.Options{
		Title:  fmt.Sprintf("Elbow of K-Means, %s features: knee at k = %d", sv.Set.Name, sv.Knee),
		XLabel: "number of clusters k", YLabel: "within-cluster sum of squares (standardised units²)"})
}

// SilhouetteCurves draws the mean silhouette against k for each algorithm.
func SilhouetteCurves(sv songs.SetValidation) (chart.Figure, error) {
	var ks []float64
	ys := make([][]float64, len(songs.Algorithms))
	for i, a := range songs.Algorithms {
		for _, r := range sv.Sweeps[a] {
			if i == 0 {
				ks = append(ks, float64(r.K))
			}
			ys[i] = append(ys[i], r.Silhouette)
		}
	}
	return chart.Lines(ks, ys, songs.Algorithms, chart.Options{
		Title:  fmt.Sprintf("Mean silhouette by k, %s features (higher is better)", sv.Set.Name),
		XLabel: "number of clusters k", YLabel: "mean silhouette (-1 to 1)"})
}

// MetricsTable lists every validation metric for k = KMin..KMax; a
// degenerate solution's silhouette is marked with a dagger.
func MetricsTable(sv songs.SetValidation) report.Table {
	headers := []string{"k"}
	for _, a := range songs.Algorithms {
		headers = append(headers, a+" silhouette", a+" Davies-Bouldin", a+" Calinski-Harabasz")
	}
	headers = append(headers, "GMM BIC", "gap (K-Means)")
	var rows [][]string
	degenerate := 0
	for i := range sv.Sweeps[songs.AlgKMeans] {
		k := sv.Sweeps[songs.AlgKMeans][i].K
		row := []string{itoa(k)}
		for _, a := range songs.Algorithms {
			r := sv.Sweeps[a][i]
			sil := fnum(r.Silhouette, 4)
			if sv.Degenerate(a, k) {
				sil += " †"
				degenerate++
			}
			row = append(row, sil, fnum(r.DaviesBouldin, 3), fnum(r.CalinskiHarabasz, 1))
		}
		gap := "–"
		for j, gk := range sv.Gap.K {
			if gk == k {
				gap = ftoa(sv.Gap.Gap[j], 3) + " ± " + ftoa(sv.Gap.SE[j], 3)
			}
		}
		row = append(row, fnum(sv.Sweeps[songs.AlgGMM][i].BIC, 0), gap)
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = fmt.Sprintf("Validation metrics, %s features (n = %d): silhouette and Calinski-Harabasz higher is better, Davies-Bouldin and BIC lower", sv.Set.Name, sv.N)
	if degenerate > 0 {
		t.Caption += fmt.Sprintf("; † marks %d degenerate solutions (a cluster under %.0f%% of the rows), never chosen", degenerate, 100*sv.MinClusterShare)
	}
	return t
}

// fnum formats v with dec decimals, or a dash when it is NaN (a metric
// that does not apply).
func fnum(v float64, dec int) string {
	if math.IsNaN(v) {
		return "–"
	}
	return ftoa(v, dec)
}

// percent writes a share as a percentage with one decimal, or two under
// 1%, so that a small cluster does not read as 0.0%.
func percent(share float64) string {
	if share < 0.01 {
		return ftoa(100*share, 2)
	}
	return ftoa(100*share, 1)
}

// Indication is the number of clusters one measure points to.
type Indication struct {
	Measure, Rule string
	// K is the k indicated, 0 when the measure indicates none.
	K     int
	Value string
}

// Indications reads every measure of a sweep: the silhouette, Davies-
// Bouldin and Calinski-Harabasz optima over the algorithms (degenerate
// solutions aside), K-Means' elbow, the gap statistic by Tibshirani's rule
// and the mixture's BIC and AIC minima.
func Indications(sv songs.SetValidation) []Indication {
	best := func(better func(a, b float64) bool, metric func(r cluster.SweepRow) float64, algs []string) (string, int, float64) {
		ba, bk, bv := "", 0, math.NaN()
		for _, a := range algs {
			for _, r := range sv.Sweeps[a] {
				v := metric(r)
				if math.IsNaN(v) || sv.Degenerate(a, r.K) {
					continue
				}
				if ba == "" || better(v, bv) {
					ba, bk, bv = a, r.K, v
				}
			}
		}
		return ba, bk, bv
	}
	hi := func(a, b float64) bool { return a > b }
	lo := func(a, b float64) bool { return a < b }
	var out []Indication
	add := func(measure, rule string, prec int, a string, k int, v float64) {
		out = append(out, Indication{Measure: measure, Rule: rule, K: k, Value: fmt.Sprintf("%s %s", a, fnum(v, prec))})
	}
	a, k, v := best(hi, func(r cluster.SweepRow) float64 { return r.Silhouette }, songs.Algorithms)
	add("silhouette", "highest", 4, a, k, v)
	a, k, v = best(lo, func(r cluster.SweepRow) float64 { return r.DaviesBouldin }, songs.Algorithms)
	add("Davies-Bouldin", "lowest", 3, a, k, v)
	a, k, v = best(hi, func(r cluster.SweepRow) float64 { return r.CalinskiHarabasz }, songs.Algorithms)
	add("Calinski-Harabasz", "highest", 1, a, k, v)
	out = append(out, Indication{Measure: "elbow of K-Means' WCSS", Rule: "knee (Kneedle)", K: sv.Knee, Value: "–"})
	gap := Indication{Measure: "gap statistic", Rule: "Tibshirani: smallest k with Gap(k) >= Gap(k+1) - s(k+1)", K: sv.Gap.Best, Value: "–"}
	if gap.K == 0 && len(sv.Gap.K) > 0 {
		gap.Value = fmt.Sprintf("the gap grows up to k = %d", sv.Gap.K[len(sv.Gap.K)-1])
	}
	out = append(out, gap)
	gmm := []string{songs.AlgGMM}
	a, k, v = best(lo, func(r cluster.SweepRow) float64 { return r.BIC }, gmm)
	add("GMM BIC", "lowest", 0, a, k, v)
	a, k, v = best(lo, func(r cluster.SweepRow) float64 { return r.AIC }, gmm)
	add("GMM AIC", "lowest", 0, a, k, v)
	return out
}

// IndicationsTable shows what each measure says about the number of
// clusters, with the spread of their answers in the caption.
func IndicationsTable(sv songs.SetValidation) report.Table {
	var rows [][]string
	byK := map[int][]string{}
	for _, in := range Indications(sv) {
		k := "no k"
		if in.K > 0 {
			k = itoa(in.K)
		}
		byK[in.K] = append(byK[in.K], in.Measure)
		rows = append(rows, []string{in.Measure, in.Rule, k, in.Value})
	}
	t := report.NewTable([]string{"measure", "rule", "k indicated", "at"}, rows)
	var ks []int
	for k := range byK {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	var parts []string
	for _, k := range ks {
		if k > 0 {
			parts = append(parts, fmt.Sprintf("k = %d (%s)", k, strings.Join(byK[k], ", ")))
		}
	}
	if len(byK[0]) > 0 {
		parts = append(parts, fmt.Sprintf("no k (%s)", strings.Join(byK[0], ", ")))
	}
	t.Caption = fmt.Sprintf("How many cohorts, %s features: the measures indicate %s", sv.Set.Name, strings.Join(parts, "; "))
	if len(ks) > 1 {
		t.Caption += "; the data have no single natural number of clusters"
	}
	return t
}

// InfoCriteriaChart draws the GMM's BIC and AIC against k.
func InfoCriteriaChart(sv songs.SetValidation) (chart.Figure, error) {
	var k, bic, aic []float64
	for _, r := range sv.Sweeps[songs.AlgGMM] {
		k, bic, aic = append(k, float64(r.K)), append(bic, r.BIC), append(aic, r.AIC)
	}
	return chart.InfoCriteria(k, bic, aic, chart.Options{
		Title:  fmt.Sprintf("Gaussian mixture information criteria, %s features", sv.Set.Name),
		XLabel: "number of components k", YLabel: "criterion (lower is better)"})
}

// KDistanceChart draws DBSCAN's k-distance curve with the knee radius.
func KDistanceChart(sv songs.SetValidation) (chart.Figure, error) {
	return chart.KDistance(sv.KDistance, sv.EpsKnee, chart.Options{
		Title:  fmt.Sprintf("DBSCAN k-distance (k = %d), %s features: %s at eps = %.2f", sv.MinPts, sv.Set.Name, kneeWord(sv.EpsFlat), sv.EpsKnee),
		XLabel: "points sorted by distance", YLabel: fmt.Sprintf("distance to the %d-th neighbour (standardised units)", sv.MinPts)})
}

// kneeWord names the radius DBSCAN's grid is centred on.
func kneeWord(flat bool) string {
	if flat {
		return "no knee (the curve is flat): its median"
	}
	return "knee"
}

// DBSCANTable lists the DBSCAN parameter grid.
func DBSCANTable(sv songs.SetValidation) report.Table {
	var rows [][]string
	undefined := false
	for _, r := range sv.DBSCAN {
		undefined = undefined || math.IsNaN(r.Silhouette)
		rows = append(rows, []string{ftoa(r.Eps, 3), itoa(r.MinSamples), itoa(r.Clusters), ftoa(100*r.NoiseShare, 1),
			percent(r.SmallestShare), yesNo(r.Degenerate), fnum(r.Silhouette, 4)})
	}
	t := report.NewTable([]string{"eps", "min_samples", "clusters", "noise %", "smallest cluster %", "degenerate", "silhouette (non-noise)"}, rows)
	t.Caption = fmt.Sprintf("DBSCAN around the knee radius, %s features", sv.Set.Name)
	if undefined {
		t.Caption += ("; – : one cluster, so no silhouette")
	}
	return t
}

// SilhouettePlot draws the silhouette width of every row of a clustering,
// grouped by cluster, with the mean.
func SilhouettePlot(name string, s songs.FitScore) (chart.Figure, error) {
	names := make([]string, s.K)
	for i := range names {
		names[i] = fmt.Sprintf("cluster %d (%d rows)", i, s.Sizes[i])
	}
	var samples []float64
	var labels []int
	for i, l := range s.Labels {
		if l >= 0 {
			samples, labels = append(samples, s.Samples[i]), append(labels, l)
		}
	}
	return chart.Silhouette(samples, labels, names, chart.Options{
		Title:  fmt.Sprintf("Silhouette of %s, k = %d (mean %.3f)", name, s.K, s.Silhouette),
		XLabel: "silhouette coefficient", YLabel: "rows by cluster"})
}

// ScoreTable shows one clustering's sizes and validation metrics.
func ScoreTable(name string, s songs.FitScore) report.Table {
	sizes := make([]string, len(s.Sizes))
	for i, n := range s.Sizes {
		sizes[i] = itoa(n)
	}
	row := []string{name, itoa(s.K), strings.Join(sizes, " / "), ftoa(s.Silhouette, 4), ftoa(s.DaviesBouldin, 3), ftoa(s.CalinskiHarabasz, 1)}
	headers := []string{"algorithm", "clusters", "sizes", "silhouette", "Davies-Bouldin", "Calinski-Harabasz"}
	if s.Noise > 0 {
		headers = append(headers, "noise rows")
		row = append(row, itoa(s.Noise))
	}
	t := report.NewTable(headers, [][]string{row})
	t.Caption = fmt.Sprintf("%s: silhouette and Calinski-Harabasz higher is better, Davies-Bouldin lower", name)
	return t
}

// PlanTable lists what the cluster validation compared (Validation.Plan).
func PlanTable(plan songs.Plan) report.Table {
	var sets []string
	for _, fs := range plan.Sets {
		cols := append([]string(nil), fs.Columns...)
		for i, c := range cols {
			if c == catalog.Popularity { // FeatureSet.Prepare leaves it out of a catalog without it
				cols[i] = "popularity (when the catalog has it)"
			}
		}
		sets = append(sets, fmt.Sprintf("%s: %s", fs.Name, strings.Join(cols, ", ")))
	}
	eps := make([]string, len(plan.DBSCANEpsFactors))
	for i, f := range plan.DBSCANEpsFactors {
		eps[i] = ftoa(f, 2)
	}
	qs := make([]string, len(plan.MeanShiftQuantiles))
	for i, q := range plan.MeanShiftQuantiles {
		qs[i] = ftoa(q, 2)
	}
	sub := "not run"
	if plan.Subcohorts {
		sub = fmt.Sprintf("each cohort's recordings clustered alone with the same sweep; split when the cohorts' algorithm's best solution beats the reference (p < 0.05) with a mean bootstrap ARI of at least %s", ftoa(plan.MinStability, 2))
	}
	rows := [][]string{
		{"feature sets", strings.Join(sets, "; ")},
		{"algorithms, for every k", fmt.Sprintf("K-Means (k-means++, %d restarts), Ward, Gaussian mixture with full covariances (%d restarts; %d in the reproduction, as the original)",
			plan.KMeansRestarts, plan.GMMRestarts, songs.OriginalGMMRestarts)},
		{"k", fmt.Sprintf("%d to %d (K-Means' WCSS and the gap statistic from 1)", plan.KMin, plan.KMax)},
		{"rows", fmt.Sprintf("every row up to %d, else a seeded sample of %d", plan.MaxRows, plan.MaxRows)},
		{"gap statistic", fmt.Sprintf("%d uniform reference data sets, read by Tibshirani's rule", plan.GapReferences)},
		{"solutions side by side", fmt.Sprintf("k = %s of the chosen algorithm: profiles, agreement of the algorithms (ARI)", joinInts(plan.SensitivityK))},
		{"structureless reference", fmt.Sprintf("the chosen algorithm's silhouette on %d draws of one Gaussian with the data's mean and covariance, at each of those k", plan.NullDraws)},
		{"bootstrap stability", fmt.Sprintf("%d resamples at each of those k: ARI of each refit with the solution, mean and 95%% interval", plan.StabilityResamples)},
		{"degenerate solutions", fmt.Sprintf("a cluster under %s%% of the rows: flagged, never chosen", ftoa(100*plan.MinClusterShare, 0))},
		{"sub-cohorts", sub},
		{"DBSCAN", "eps at " + strings.Join(eps, ", ") + " times the k-distance knee"},
		{"Mean Shift", "bandwidths at the " + strings.Join(qs, ", ") + " quantiles of the pairwise distances"},
	}
	t := report.NewTable([]string{"what", "compared"}, rows)
	t.Caption = "What the cluster validation ran"
	return t
}

// joinInts writes integers separated by commas.
func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = itoa(x)
	}
	return strings.Join(s, ", ")
}

// ClustersSummary says in one sentence what a clustering found: clusters,
// the largest one's share and the noise share, and flags a degenerate
// solution (a cluster under minShare of the rows).
func ClustersSummary(name string, s songs.FitScore, minShare float64) string {
	n := s.Noise
	for _, c := range s.Sizes {
		n += c
	}
	largest, smallest := 0, 0
	if len(s.Sizes) > 0 {
		largest, smallest = s.Sizes[0], s.Sizes[len(s.Sizes)-1]
	}
	clusters := "clusters"
	if s.K == 1 {
		clusters = "cluster"
	}
	out := report.Markdownf("%s found **%d %s** in %d rows; the largest holds %.1f%% of them and %.1f%% are noise.",
		name, s.K, clusters, n, 100*float64(largest)/float64(n), 100*float64(s.Noise)/float64(n))
	if s.K >= 2 && float64(smallest) < minShare*float64(n) {
		rows := "rows"
		if smallest == 1 {
			rows = "row"
		}
		out += report.Markdownf(" **Degenerate:** its smallest cluster holds %d %s (%s%%), a few outliers set apart rather than a cohort, so its silhouette of %.3f says nothing about cohorts.",
			smallest, rows, percent(float64(smallest)/float64(n)), s.Silhouette)
	}
	return out
}

// AgreementHeatmap draws the ARI/NMI matrix between algorithms.
func AgreementHeatmap(v *songs.Validation) (chart.Figure, error) {
	o := chart.HeatmapOptions{Decimals: 2}
	o.Title = fmt.Sprintf("Agreement of the algorithms at k = %d: ARI above the diagonal, NMI below", v.Chosen.K)
	return chart.Heatmap(v.Agreement, songs.Algorithms, songs.Algorithms, o)
}

// ChoiceSummary states the choice and why, from the numbers.
func ChoiceSummary(v *songs.Validation) string {
	o, im := v.Original.Best, v.Improved.Best
	c := v.ChosenCheck()
	out := report.Markdownf("On the original features the best silhouette is **%.4f (%s, k = %d)**; on the improved features "+
		"(audio features and duration, one row per recording, popularity left out) it is **%.4f (%s, k = %d)**. "+
		"The project recommends the improved set: popularity is the outcome the cohorts should explain, not an input, and reissues "+
		"would count one recording several times. **Chosen: %s with k = %d (silhouette %.4f).** ",
		o.Silhouette, o.Algorithm, o.K, im.Silhouette, im.Algorithm, im.K, v.Chosen.Algorithm, v.Chosen.K, v.Chosen.Silhouette)
	return out + referenceSentence(c) + " " + report.Markdownf("Silhouettes around %.1f mean the cohorts overlap: they are regions of a continuum, as the original study also found.", v.Chosen.Silhouette)
}

// referenceSentence compares a solution with its structureless reference
// and states its stability.
func referenceSentence(c songs.KCheck) string {
	beats := "beats every one"
	if !c.Null.Beaten() {
		beats = "does not beat all"
	}
	return report.Markdownf("Its silhouette %s of %d draws of one Gaussian with the data's covariance (%.3f ± %.3f, p = %.3f), and "+
		"refits on %d bootstrap resamples reproduce it with a mean ARI of %.2f (95%% of resamples between %.2f and %.2f).",
		beats, len(c.Null.Draws), c.Null.Mean, c.Null.SD, c.Null.P, len(c.Stability.ARI), c.Stability.Mean, c.Stability.CI95[0], c.Stability.CI95[1])
}

// MeanShiftTable lists the Mean Shift bandwidth grid, flagging degenerate
// solutions.
func MeanShiftTable(sv songs.SetValidation) report.Table {
	var rows [][]string
	var flagged []songs.MeanShiftRun
	for _, r := range sv.MeanShift {
		if r.Clusters == 0 {
			rows = append(rows, []string{ftoa(r.Quantile, 2), ftoa(r.Bandwidth, 3), "none: no row within the bandwidth of any seed", "–", "–", "–", "–"})
			continue
		}
		if r.Degenerate {
			flagged = append(flagged, r)
		}
		rows = append(rows, []string{ftoa(r.Quantile, 2), ftoa(r.Bandwidth, 3), itoa(r.Clusters), ftoa(100*r.LargestShare, 1),
			percent(r.SmallestShare), yesNo(r.Degenerate), fnum(r.Silhouette, 4)})
	}
	t := report.NewTable([]string{"quantile", "bandwidth", "clusters", "largest cluster %", "smallest cluster %", "degenerate", "silhouette"}, rows)
	t.Caption = fmt.Sprintf("Mean Shift (flat kernel, bin seeding) at %d estimated bandwidths, %s features", len(sv.MeanShift), sv.Set.Name)
	if len(flagged) > 0 {
		r := flagged[len(flagged)-1]
		t.Caption += fmt.Sprintf(": %d of them degenerate, e.g. a largest cluster of %s%% and a smallest of %s%% at the %s quantile, whose silhouette of %.3f measures a few outliers set apart, not cohorts",
			len(flagged), percent(r.LargestShare), percent(r.SmallestShare), ftoa(r.Quantile, 2), r.Silhouette)
	}
	return t
}

// DendrogramChart draws the top of a Ward merge tree of n rows (the last
// 30 merges) with the cut that gives k clusters.
func DendrogramChart(merges []cluster.Merge, n, k int) (chart.Figure, error) {
	d := cluster.Dendrogram(merges, n, 30)
	return chart.Dendrogram(d.Icoord, d.Dcoord, d.LeafLabels(), cluster.CutHeightFor(merges, k), chart.Options{
		Title:  fmt.Sprintf("Ward dendrogram: the last 29 merges, cut at k = %d", k),
		XLabel: "clusters (rows in parentheses)", YLabel: "merge height (Ward distance, standardised units)"})
}
