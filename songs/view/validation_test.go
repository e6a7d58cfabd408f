package view_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/view"
	"gonum.org/v1/gonum/mat"
)

// TestReproductionTableRealCatalog sets the original pipeline's numbers
// next to the published ones (ORIGINAL-STUDY.md): 1,600 rows and Ward's
// silhouette 0.15491 at k = 2, both reproduced exactly.
func TestReproductionTableRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	v := studytest.Cached(t, "validation of the course catalog", func() (*songs.Validation, error) { return songs.Validate(cat, songs.DefaultPlan(), 42, 0) })

	rt := view.ReproductionTable(v, len(cat.Tracks))
	studytest.RendersBoth(t, rt)
	if len(rt.Rows) != 9 || strings.Join(rt.Rows[0], "|") != "rows after cleaning|1600|1600|0.0" {
		t.Errorf("reproduction table rows %q", rt.Rows)
	}
	if got := rt.Rows[7]; got[0] != "silhouette at k = 2, Ward" || got[1] != "0.15491" || got[2] != "0.15491" {
		t.Errorf("Ward row %q", got)
	}
}

func TestValidationTables(t *testing.T) {
	cat, v := blobValidation(t)
	for _, sv := range []songs.SetValidation{v.Original, v.Improved} {
		mt := view.MetricsTable(sv)
		studytest.RendersBoth(t, mt)
		if len(mt.Rows) != songs.KMax-songs.KMin+1 || mt.Rows[0][0] != "2" || len(mt.Headers) != 1+3*len(songs.Algorithms)+2 {
			t.Errorf("%s metrics table: %d rows, headers %q", sv.Set.Name, len(mt.Rows), mt.Headers)
		}
		if got, want := mt.Rows[0][studytest.Column(t, mt, "Ward silhouette")], report.FormatFloat(sv.Sweeps[songs.AlgWard][0].Silhouette, 4); got != want {
			t.Errorf("Ward silhouette cell %q, want %q", got, want)
		}
		dt := view.DBSCANTable(sv)
		studytest.RendersBoth(t, dt)
		if len(dt.Rows) != 6 || len(sv.DBSCAN) != 6 {
			t.Errorf("DBSCAN table: %d rows for %d runs, want 3 radii x 2 min_samples", len(dt.Rows), len(sv.DBSCAN))
		}
	}
	st := view.SensitivityTable(v)
	studytest.RendersBoth(t, st)
	c2, _ := v.Check(2)
	if len(st.Rows) != 5 || st.Rows[0][0] != "2" || st.Rows[0][1] != report.FormatFloat(c2.Silhouette, 4) ||
		!strings.HasPrefix(st.Rows[0][4], report.FormatFloat(c2.Stability.Mean, 2)+" [") {
		t.Errorf("sensitivity rows %q", st.Rows)
	}
	it := view.IndicationsTable(v.Improved)
	studytest.RendersBoth(t, it)
	if len(it.Rows) != 7 || it.Rows[0][0] != "silhouette" || it.Rows[0][2] != strconv.Itoa(v.Improved.Best.K) {
		t.Errorf("indications %q", it.Rows)
	}
	ms := view.MeanShiftTable(v.Improved)
	studytest.RendersBoth(t, ms)
	if len(ms.Rows) != 3 {
		t.Errorf("mean shift table has %d rows, want 3", len(ms.Rows))
	}
	rt := view.ReproductionTable(v, len(cat.Tracks))
	studytest.RendersBoth(t, rt)
	// Not the course file: the published numbers beside ours, no difference.
	if len(rt.Rows) != 9 || len(rt.Headers) != 3 || !strings.Contains(rt.Caption, "not a reproduction") {
		t.Errorf("reproduction table of another catalog: %d rows, headers %q, caption %q", len(rt.Rows), rt.Headers, rt.Caption)
	}
	if s := view.ChoiceSummary(v); !strings.Contains(s, fmt.Sprintf("**Chosen: %s with k = %d", v.Chosen.Algorithm, v.Chosen.K)) {
		t.Errorf("choice summary %q", s)
	}
}

// TestScoreViews renders a clustering's score (by hand: labels 0 0 1 -1
// give sizes 2 / 1 and one noise row) as a table, a sentence and a
// silhouette plot.
func TestScoreViews(t *testing.T) {
	x := mat.NewDense(4, 1, []float64{0, 1, 10, 50})
	s := studytest.Must(songs.Score(x, []int{0, 0, 1, -1}))(t)
	tb := view.ScoreTable("toy", s)
	studytest.RendersBoth(t, tb)
	if strings.Join(tb.Rows[0][:3], "|") != "toy|2|2 / 1" || tb.Rows[0][len(tb.Rows[0])-1] != "1" {
		t.Errorf("row %q", tb.Rows[0])
	}
	if got := view.ClustersSummary("Toy", s, 0.2); !strings.Contains(got, "**2 clusters** in 4 rows; the largest holds 50.0% of them and 25.0% are noise") ||
		strings.Contains(got, "Degenerate") {
		t.Errorf("summary %q", got)
	}
	// The smallest cluster holds 1 of 4 rows (25%): degenerate under a
	// threshold of 30%.
	if got := view.ClustersSummary("Toy", s, 0.3); !strings.Contains(got, "**Degenerate:** its smallest cluster holds 1 row (25.0%)") {
		t.Errorf("summary under a 30%% threshold %q", got)
	}
	if fig, err := view.SilhouettePlot("toy", s); err != nil || !bytes.HasPrefix(fig.PNG, []byte("\x89PNG")) {
		t.Errorf("SilhouettePlot: %v", err)
	}
	if tb := view.PlanTable(songs.DefaultPlan()); len(tb.Rows) != 12 || !strings.Contains(tb.Rows[2][1], "2 to 10") ||
		!strings.Contains(tb.Rows[1][1], "(5 restarts; 1 in the reproduction") || !strings.Contains(tb.Rows[7][1], "100 resamples") {
		t.Errorf("plan table %q", tb.Rows)
	}
}

// TestValidationFindingsRealCatalog opens notebook 03 with the live claim,
// the time trend, the chosen cohorts and their link to the live flag
// (Cramér's V 0.71 over recordings, the chi-square CohortAssociation's
// tests check against SciPy).
func TestValidationFindingsRealCatalog(t *testing.T) {
	cat := studytest.RealCleaned(t).Tracks
	v := studytest.Cached(t, "validation of the course catalog", func() (*songs.Validation, error) { return songs.Validate(cat, songs.DefaultPlan(), 42, 0) })
	claims := studytest.Must(songs.OutcomeClaims(cat, 50, 42))(t)
	cs := studytest.Must(songs.Profiles(cat, v.Labels, v.Chosen.K, 50))(t)
	ss := studytest.Must(songs.SubcohortProfiles(cat, v.Labels, v.SubLabels, cs, 50))(t)
	assoc := studytest.Must(songs.CohortAssociation(cat, v.Labels, v.Chosen.K, 42))(t)
	got := view.ValidationFindings(claims, v, cs, ss, assoc)
	studytest.Findings(t, got, "Popularity is lower for live recordings than for studio recordings", "Popularity has barely changed",
		"K-Means with k = 2", "Cohort membership follows the title's live flag with Cramér's V = 0.71")
}
