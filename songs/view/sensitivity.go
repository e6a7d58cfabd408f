package view

import (
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
)

// algorithmPairs names the pairs of songs.Algorithms in the order of
// agreementPairs.
func algorithmPairs() (names []string, pairs [][2]int) {
	for i := range songs.Algorithms {
		for j := i + 1; j < len(songs.Algorithms); j++ {
			names = append(names, songs.Algorithms[i]+" vs "+songs.Algorithms[j])
			pairs = append(pairs, [2]int{i, j})
		}
	}
	return names, pairs
}

// SensitivityTable sets the chosen algorithm's solutions at every checked
// k side by side: silhouette against the structureless reference,
// bootstrap stability with its interval, the smallest cluster and the
// agreement (ARI) of the three algorithms.
func SensitivityTable(v *songs.Validation) report.Table {
	names, pairs := algorithmPairs()
	headers := []string{"k", "silhouette", "one Gaussian: mean ± sd", "p", "stability: mean ARI [95% of resamples]", "smallest cluster %"}
	for _, n := range names {
		headers = append(headers, "ARI "+n)
	}
	var rows [][]string
	for _, c := range v.Checks {
		share, _ := songs.SmallestShare(v.Improved.Row(c.Algorithm, c.K).Labels)
		row := []string{itoa(c.K), ftoa(c.Silhouette, 4), ftoa(c.Null.Mean, 4) + " ± " + ftoa(c.Null.SD, 4), ftoa(c.Null.P, 3),
			fmt.Sprintf("%s [%s, %s]", ftoa(c.Stability.Mean, 2), ftoa(c.Stability.CI95[0], 2), ftoa(c.Stability.CI95[1], 2)), ftoa(100*share, 1)}
		a := v.Improved.AgreementAt(c.K)
		for _, p := range pairs {
			row = append(row, ftoa(a[p[0]][p[1]], 2))
		}
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	first, last := v.Checks[0], v.Checks[len(v.Checks)-1]
	t.Caption = fmt.Sprintf("%s for k = %d..%d: %s; stability falls from %s at k = %d to %s at k = %d",
		v.Chosen.Algorithm, first.K, last.K, beatsPhrase(v.Checks), ftoa(first.Stability.Mean, 2), first.K, ftoa(last.Stability.Mean, 2), last.K)
	return t
}

// beatsPhrase says at how many of the checked k the silhouette beats the
// structureless reference.
func beatsPhrase(cs []songs.KCheck) string {
	n := 0
	for _, c := range cs {
		if c.Null.Beaten() {
			n++
		}
	}
	switch n {
	case len(cs):
		return fmt.Sprintf("every silhouette beats all %d draws of one Gaussian", len(cs[0].Null.Draws))
	case 0:
		return "no silhouette beats one Gaussian"
	}
	return fmt.Sprintf("%d of %d silhouettes beat one Gaussian", n, len(cs))
}

// ReferenceChart draws the chosen algorithm's silhouette at each checked k
// with the mean and the highest of its structureless reference draws.
func ReferenceChart(v *songs.Validation) (chart.Figure, error) {
	var k, obs, mean, top []float64
	for _, c := range v.Checks {
		hi := math.Inf(-1)
		for _, d := range c.Null.Draws {
			hi = math.Max(hi, d)
		}
		k, obs, mean, top = append(k, float64(c.K)), append(obs, c.Silhouette), append(mean, c.Null.Mean), append(top, hi)
	}
	return chart.Lines(k, [][]float64{obs, mean, top},
		[]string{v.Chosen.Algorithm + " on the catalog", "one Gaussian: mean of the draws", "one Gaussian: highest draw"},
		chart.Options{Title: fmt.Sprintf("Silhouette against one Gaussian (%d draws)", len(v.Checks[0].Null.Draws)),
			XLabel: "number of clusters k", YLabel: "mean silhouette (-1 to 1)"})
}

// AgreementByKChart draws the agreement (ARI) of each pair of algorithms
// at every k of a sweep.
func AgreementByKChart(sv songs.SetValidation) (chart.Figure, error) {
	names, pairs := algorithmPairs()
	var k []float64
	ys := make([][]float64, len(pairs))
	for i, r := range sv.Sweeps[songs.AlgKMeans] {
		k = append(k, float64(r.K))
		for p, pr := range pairs {
			ys[p] = append(ys[p], sv.Agreement[i][pr[0]][pr[1]])
		}
	}
	return chart.Lines(k, ys, names, chart.Options{
		Title:  fmt.Sprintf("Agreement of the algorithms, %s features", sv.Set.Name),
		XLabel: "number of clusters k", YLabel: "adjusted Rand index (1 identical, 0 chance)"})
}

// SensitivityReading discusses the solutions side by side, from the
// numbers.
func SensitivityReading(v *songs.Validation) string {
	c := v.ChosenCheck()
	names, pairs := algorithmPairs()
	lo, hi := make([]float64, len(pairs)), make([]float64, len(pairs))
	for p := range pairs {
		lo[p], hi[p] = math.Inf(1), math.Inf(-1)
	}
	for _, r := range v.Improved.Sweeps[songs.AlgKMeans] {
		a := v.Improved.AgreementAt(r.K)
		for p, pr := range pairs {
			lo[p], hi[p] = math.Min(lo[p], a[pr[0]][pr[1]]), math.Max(hi[p], a[pr[0]][pr[1]])
		}
	}
	out := report.Markdownf("**Structure beyond \"no clusters\".** At k = %d the silhouette is %.3f against %.3f ± %.3f for one Gaussian with the catalog's covariance; %s. ",
		c.K, c.Silhouette, c.Null.Mean, c.Null.SD, beatsPhrase(v.Checks))
	out += "A Gaussian has no skew, and skewed features alone can raise a silhouette, so beating this reference is necessary, not sufficient, evidence of cohorts. "
	first, last := v.Checks[0], v.Checks[len(v.Checks)-1]
	out += report.Markdownf("**Stability** falls as k grows, from %.2f at k = %d to %.2f at k = %d (mean ARI of %d refits). ",
		first.Stability.Mean, first.K, last.Stability.Mean, last.K, len(first.Stability.ARI))
	out += "**The algorithms agree little:** over k = 2..10 the ARI ranges "
	for p, n := range names {
		sep := ", "
		if p == len(names)-1 {
			sep = ". "
		} else if p == len(names)-2 {
			sep = " and "
		}
		out += report.Markdownf("%.2f to %.2f for %s", lo[p], hi[p], n) + sep
	}
	out += "The cohorts are one useful partition of a continuum, not natural groups that every method finds."
	return out
}

// KProfilesTable lists the cohorts of every checked k side by side, each
// traced to the cohort of the previous k most of its tracks come from.
func KProfilesTable(kps []songs.KProfiles, hasPopularity bool) report.Table {
	headers := []string{"k", "cohort", "name", "tracks", "% live (title)"}
	if hasPopularity {
		headers = append(headers, "mean popularity")
	}
	headers = append(headers, "from the previous k")
	var rows [][]string
	nested, cohorts := 0, 0
	for _, kp := range kps {
		for c, co := range kp.Cohorts {
			row := []string{itoa(kp.K), itoa(co.ID), co.Name, itoa(co.Size), ftoa(100*co.LiveShare, 1)}
			if hasPopularity {
				row = append(row, ftoa(co.Popularity, 1))
			}
			from := "–"
			if kp.From != nil {
				from = fmt.Sprintf("%d (%s%% of its tracks)", kp.From[c], ftoa(100*kp.FromShare[c], 0))
				cohorts++
				if kp.FromShare[c] >= 0.8 {
					nested++
				}
			}
			rows = append(rows, append(row, from))
		}
	}
	t := report.NewTable(headers, rows)
	t.Caption = fmt.Sprintf("The cohorts for k = %d..%d side by side: %d of the %d cohorts after the first k take at least 80%% of their tracks from one cohort of the previous k",
		kps[0].K, kps[len(kps)-1].K, nested, cohorts)
	if 2*nested >= cohorts {
		t.Caption += ", so a larger k mostly splits cohorts rather than redrawing them"
	} else {
		t.Caption += ", so a larger k redraws the cohorts rather than splitting them"
	}
	return t
}
