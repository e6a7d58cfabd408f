package view

import (
	"fmt"
	"math"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/cluster"
	"github.com/songcohorts/cohorts/songs/report"
)

// ReproductionTable sets the original pipeline's numbers next to the
// published ones.
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
	var out [][]string
	for _, r := range rows {
		out = append(out, []string{r.what, ftoa(r.ours, r.dec), ftoa(r.orig, r.dec), ftoa(r.ours-r.orig, r.dec+1)})
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

// MetricsTable lists every validation metric for k = KMin..KMax.
func MetricsTable(sv songs.SetValidation) report.Table {
	headers := []string{"k"}
	for _, a := range songs.Algorithms {
		headers = append(headers, a+" silhouette", a+" Davies-Bouldin", a+" Calinski-Harabasz")
	}
	headers = append(headers, "GMM BIC", "gap (K-Means)")
	var rows [][]string
	for i := range sv.Sweeps[songs.AlgKMeans] {
		k := sv.Sweeps[songs.AlgKMeans][i].K
		row := []string{itoa(k)}
		for _, a := range songs.Algorithms {
			r := sv.Sweeps[a][i]
			row = append(row, ftoa(r.Silhouette, 4), ftoa(r.DaviesBouldin, 3), ftoa(r.CalinskiHarabasz, 1))
		}
		gap := ""
		for j, gk := range sv.Gap.K {
			if gk == k {
				gap = ftoa(sv.Gap.Gap[j], 3) + " ± " + ftoa(sv.Gap.SE[j], 3)
			}
		}
		row = append(row, ftoa(sv.Sweeps[songs.AlgGMM][i].BIC, 0), gap)
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = fmt.Sprintf("Validation metrics, %s features (n = %d): silhouette and Calinski-Harabasz higher is better, Davies-Bouldin and BIC lower", sv.Set.Name, sv.N)
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
	for _, r := range sv.DBSCAN {
		rows = append(rows, []string{ftoa(r.Eps, 3), itoa(r.MinSamples), itoa(r.Clusters), ftoa(100*r.NoiseShare, 1), ftoa(r.Silhouette, 4)})
	}
	t := report.NewTable([]string{"eps", "min_samples", "clusters", "noise %", "silhouette (non-noise)"}, rows)
	t.Caption = fmt.Sprintf("DBSCAN around the knee radius, %s features", sv.Set.Name)
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

// PlanTable lists what the cluster validation compared.
func PlanTable(plan songs.Plan) report.Table {
	var sets []string
	for _, fs := range plan.Sets {
		sets = append(sets, fmt.Sprintf("%s: %s", fs.Name, strings.Join(fs.Columns, ", ")))
	}
	eps := make([]string, len(plan.DBSCANEpsFactors))
	for i, f := range plan.DBSCANEpsFactors {
		eps[i] = ftoa(f, 2)
	}
	qs := make([]string, len(plan.MeanShiftQuantiles))
	for i, q := range plan.MeanShiftQuantiles {
		qs[i] = ftoa(q, 2)
	}
	rows := [][]string{
		{"feature sets", strings.Join(sets, "; ")},
		{"algorithms, for every k", strings.Join(plan.Algorithms, ", ")},
		{"k", fmt.Sprintf("%d to %d (K-Means' WCSS and the gap statistic from 1)", plan.KMin, plan.KMax)},
		{"rows", fmt.Sprintf("every row up to %d, else a seeded sample of %d", plan.MaxRows, plan.MaxRows)},
		{"gap statistic", fmt.Sprintf("%d uniform reference data sets", plan.GapReferences)},
		{"bootstrap stability", fmt.Sprintf("%d resamples at each k of %s", plan.StabilityResamples, joinInts(plan.StabilityK))},
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
// the largest one's share and the noise share.
func ClustersSummary(name string, s songs.FitScore) string {
	n := s.Noise
	for _, c := range s.Sizes {
		n += c
	}
	largest := 0
	if len(s.Sizes) > 0 {
		largest = s.Sizes[0]
	}
	clusters := "clusters"
	if s.K == 1 {
		clusters = "cluster"
	}
	return report.Markdownf("%s found **%d %s** in %d rows; the largest holds %.1f%% of them and %.1f%% are noise.",
		name, s.K, clusters, n, 100*float64(largest)/float64(n), 100*float64(s.Noise)/float64(n))
}

// AgreementHeatmap draws the ARI/NMI matrix between algorithms.
func AgreementHeatmap(v *songs.Validation) (chart.Figure, error) {
	o := chart.HeatmapOptions{Decimals: 2}
	o.Title = fmt.Sprintf("Agreement of the algorithms at k = %d: ARI above the diagonal, NMI below", v.Chosen.K)
	return chart.Heatmap(v.Agreement, songs.Algorithms, songs.Algorithms, o)
}

// StabilityTable lists the bootstrap stability of the chosen algorithm.
func StabilityTable(v *songs.Validation) report.Table {
	var rows [][]string
	for k := 2; k <= 6; k++ {
		rows = append(rows, []string{itoa(k), ftoa(v.Stability[k], 3)})
	}
	t := report.NewTable([]string{"k", "mean ARI between refits on resamples"}, rows)
	t.Caption = fmt.Sprintf("Bootstrap stability of %s (10 resamples; 1 = identical clusterings)", v.Chosen.Algorithm)
	return t
}

// ChoiceSummary states the choice and why, from the numbers.
func ChoiceSummary(v *songs.Validation) string {
	o, im := v.Original.Best, v.Improved.Best
	return report.Markdownf("On the original features the best silhouette is **%.4f (%s, k = %d)**; on the improved features "+
		"(audio features and duration, one row per recording, popularity left out) it is **%.4f (%s, k = %d)**. "+
		"The project recommends the improved set: popularity is the outcome the cohorts should explain, not an input, and reissues "+
		"would count one recording several times. **Chosen: %s with k = %d (silhouette %.4f)**, whose bootstrap stability is %.2f "+
		"(mean ARI between refits) against %.2f at k = 3. The WCSS knee is at k = %d and the gap statistic's 1-SE rule suggests k = %d; "+
		"silhouettes around 0.2 mean the cohorts overlap, as the original study also found.",
		o.Silhouette, o.Algorithm, o.K, im.Silhouette, im.Algorithm, im.K, v.Chosen.Algorithm, v.Chosen.K, v.Chosen.Silhouette,
		v.Stability[v.Chosen.K], v.Stability[3], v.Improved.Knee, v.Improved.Gap.Best)
}

// MeanShiftTable lists the Mean Shift bandwidth grid.
func MeanShiftTable(sv songs.SetValidation) report.Table {
	var rows [][]string
	for _, r := range sv.MeanShift {
		if r.Clusters == 0 {
			rows = append(rows, []string{ftoa(r.Quantile, 2), ftoa(r.Bandwidth, 3), "none: no row within the bandwidth of any seed", "-", "-"})
			continue
		}
		rows = append(rows, []string{ftoa(r.Quantile, 2), ftoa(r.Bandwidth, 3), itoa(r.Clusters), ftoa(100*r.LargestShare, 1), ftoa(r.Silhouette, 4)})
	}
	t := report.NewTable([]string{"quantile", "bandwidth", "clusters", "largest cluster %", "silhouette"}, rows)
	t.Caption = fmt.Sprintf("Mean Shift (flat kernel, bin seeding) at three estimated bandwidths, %s features", sv.Set.Name)
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
