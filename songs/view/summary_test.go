package view_test

import (
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/view"
)

// TestExecutiveSummaryRealCatalog answers the six questions in order on
// the course catalog, each with its number (ORIGINAL-STUDY.md: 1,610 tracks,
// 1,600 kept; energy and loudness r = +0.70) and a link to its section.
func TestExecutiveSummaryRealCatalog(t *testing.T) {
	c := studytest.RealCleaned(t)
	cat := c.Tracks
	v := studytest.Cached(t, "validation of the course catalog", func() (*songs.Validation, error) { return songs.Validate(cat, songs.DefaultPlan(), 42, 0) })
	cs := studytest.Must(songs.Profiles(cat, v.Labels, v.Chosen.K, 50))(t)
	ss := studytest.Must(songs.SubcohortProfiles(cat, v.Labels, v.SubLabels, cs, 50))(t)
	r := studytest.Must(songs.NewRecommender(cat, v.Labels))(t)
	ev := studytest.Must(songs.EvaluateRecommender(r, songs.StudyEvaluation(42), songs.StudyMethods()))(t)
	a := view.StudyAnswers{About: songs.AboutCatalog(songs.Params{Catalog: songs.DefaultCatalog}, cat), Cleaned: c,
		Exploration: studytest.Must(songs.Explore(cat, nil, 50, 42))(t), Validation: v, Cohorts: cs, Subcohorts: ss, Evaluation: ev}
	got := view.ExecutiveSummary(a)
	// 862 tracks (757 recordings): the studio cohort whose size scikit-learn
	// reproduces (testdata/gen_golden_cohorts.py); it splits in two.
	order := []string{"**Data quality.** 1,610 tracks loaded, 1,600 kept", "**The two albums to recommend.**", "**Popularity over time.**",
		"**Correlations.** Energy and loudness rise together most (r = +0.70)", "**The cohorts.**", "**Recommendations.**"}
	last := -1
	for _, want := range order {
		i := strings.Index(got, want)
		if i <= last {
			t.Fatalf("%q missing or out of order in:\n%s", want, got)
		}
		last = i
	}
	for _, link := range []string{"(01-cleaning.html#Key-findings)", "(02-eda.html#How-has-popularity-changed-over-time?)", "(#The-cohort-hierarchy)"} {
		if !strings.Contains(got, link) {
			t.Errorf("no link %s in:\n%s", link, got)
		}
	}
	if !strings.Contains(got, cs[0].Name) || !strings.Contains(got, "(862 tracks, 2 sub-cohorts)") || !strings.Contains(got, "beats data drawn from one Gaussian") {
		t.Errorf("the cohorts are not named as the profiles name them (%q):\n%s", cs[0].Name, got)
	}
}
