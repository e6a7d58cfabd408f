package view_test

import (
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/stats"
	"github.com/songcohorts/cohorts/songs/view"
)

// spearmanResult is a hand-made Spearman result with its interval.
func spearmanResult(rho, lo, hi, p float64) stats.Result {
	return stats.Result{Test: "Spearman correlation", Statistic: rho, Effect: rho, EffectName: "Spearman rho", P: p, PAdjusted: p,
		CI: stats.Interval{Lo: lo, Hi: hi, Level: 0.95}}
}

// handTrend is a trend whose wording is worked out by hand: three decades,
// the last two 80% live (20 of 25) against 10% before (1 of 10).
func handTrend(all, studio, live stats.Result) *songs.PopularityTrend {
	d := func(decade, n, liveN int, studioMean, liveMean float64) songs.DecadePopularity {
		return songs.DecadePopularity{Decade: decade, All: songs.MeanCI{N: n}, Studio: songs.MeanCI{N: n - liveN, Mean: studioMean},
			Live: songs.MeanCI{N: liveN, Mean: liveMean}}
	}
	return &songs.PopularityTrend{Recordings: 35, Family: []stats.Result{all, studio, live, {}},
		Decades: []songs.DecadePopularity{d(1960, 10, 1, 20, 10), d(1970, 10, 8, 30, 15), d(1980, 15, 12, 34, 21)}}
}

func TestTimeAnswerWording(t *testing.T) {
	for _, c := range []struct {
		name              string
		all, studio, live stats.Result
		want, not         []string
	}{
		{"flat overall, rising within: the mix explains it",
			spearmanResult(0.05, 0.001, 0.11, 0.04), spearmanResult(0.22, 0.16, 0.29, 1e-9), spearmanResult(0.24, 0.16, 0.32, 1e-9),
			// Live 20 of 25 = 80% since 1970 against 1 of 10 = 10%; live mean
			// (8*15 + 12*21)/20 = 18.6, studio (2*30 + 3*34)/5 = 32.4.
			[]string{"**Popularity has barely changed with release year**: across 35 recordings it rose slightly (rho = 0.05, 95% CI 0.00 to 0.11, Holm p = 0.040), a negligible association.",
				"studio recordings rose (rho = 0.22, 95% CI 0.16 to 0.29, Holm p &lt; 0.001; small)",
				"live recordings are 80% of the recordings first released since 1970 against 10% before", "(mean 18.6 against 32.4"}, nil},
		{"no evidence",
			spearmanResult(-0.02, -0.08, 0.04, 0.5), spearmanResult(0.01, -0.05, 0.07, 0.7), spearmanResult(-0.03, -0.1, 0.04, 0.4),
			[]string{"**Popularity has not changed measurably with release year**", "studio recordings show no measurable trend"}, []string{"mix"}},
		{"a moderate fall",
			spearmanResult(-0.35, -0.4, -0.3, 1e-6), spearmanResult(-0.3, -0.4, -0.2, 1e-4), spearmanResult(-0.4, -0.5, -0.3, 1e-5),
			[]string{"**Popularity has fallen with release year**: across 35 recordings (rho = -0.35"}, nil},
	} {
		got := view.TimeAnswer(handTrend(c.all, c.studio, c.live))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.name, got, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q has %q", c.name, got, w)
			}
		}
	}
}
