package songs

import (
	"errors"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/stats"
)

// TestHitTests compares each feature between hits and the other
// recordings: the statistics and effect sizes are those of stats'
// Mann-Whitney U and rank-biserial r (tested against SciPy) on the two
// groups built by hand from catalogtest.Values (target = i % 2), the
// p-values Holm-adjusted over the ten features, every interval around its
// effect.
func TestHitTests(t *testing.T) {
	cat := studytest.HitCatalog(t, 40, nil)
	f, err := HitTests(cat, 7)
	if err != nil {
		t.Fatal(err)
	}
	if f.Question != QuestionHits || f.Recordings != 40 || len(f.Results) != len(PopularityFeatures) {
		t.Fatalf("family %+v", f)
	}
	var ps []float64
	for k, name := range PopularityFeatures {
		var yes, no []float64
		for i := range cat.Tracks {
			if i%2 == 0 { // record i+1: target = (i+1) % 2
				yes = append(yes, cat.Tracks[i].Value(name))
			} else {
				no = append(no, cat.Tracks[i].Value(name))
			}
		}
		want, err := stats.MannWhitneyU(yes, no, stats.TwoSided, stats.MWUAuto, true)
		if err != nil {
			t.Fatal(err)
		}
		r := f.Results[k]
		if r.Measure != name || r.Statistic != want.Statistic || r.P != want.P || r.Effect != stats.RankBiserial(yes, no) ||
			!(r.CI.Lo <= r.Effect && r.Effect <= r.CI.Hi) {
			t.Errorf("%s: %+v, want U %v p %v", name, r, want.Statistic, want.P)
		}
		ps = append(ps, want.P)
	}
	holm := stats.Adjust(ps, stats.Holm) // tested against statsmodels' multipletests
	for k, r := range f.Results {
		if r.PAdjusted != holm[k] {
			t.Errorf("%s: Holm p %v, want %v", r.Measure, r.PAdjusted, holm[k])
		}
	}
	c, err := ClaimTests(cat, 50, 7)
	if err != nil || len(c.Families) != 1 || c.Families[0].Question != QuestionHits {
		t.Errorf("claims of a catalog with hits but no popularity: %+v, %v", c, err)
	}
	bad := studytest.HitCatalog(t, 4, func(i int, r map[string]string) {
		if i == 3 {
			r["target"] = "yes"
		}
	})
	if _, err := HitTests(bad, 7); err == nil || !strings.Contains(err.Error(), "record 3") {
		t.Errorf("a hit flag that is not 0 or 1: %v", err)
	}
	course := studytest.CourseCatalog(t, 4, nil)
	var mc *catalog.MissingColumnError
	if _, err := HitTests(course, 7); !errors.As(err, &mc) {
		t.Errorf("a catalog without hits: %v", err)
	}
}
