package view_test

import (
	"math"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
	"github.com/songcohorts/cohorts/songs/view"
)

// evaluated evaluates notebook 04's methods on a blob catalog whose six
// albums each have one release date; multiArtist turns it into a catalog
// of artists without albums, popularity or dates, with a hit flag.
func evaluated(t *testing.T, multiArtist bool) (*catalog.Catalog, *songs.Recommender, *songs.RecommenderEvaluation) {
	t.Helper()
	cat := studytest.BlobCatalog(150, 3)
	labels := make([]int, len(cat.Tracks))
	for i := range cat.Tracks {
		tr := &cat.Tracks[i]
		labels[i] = i % 2
		if multiArtist {
			tr.Artist, tr.Album, tr.Popularity, tr.ReleaseDate = "Band "+tr.Album[len(tr.Album)-1:], "", math.NaN(), catalog.Date{}
			tr.Extra = []string{string(rune('0' + i%2))}
		} else {
			tr.ReleaseDate = catalog.Date{Year: 1970 + int(tr.Album[len(tr.Album)-1]-'0')}
		}
	}
	if multiArtist {
		cat.Has = map[string]bool{"artist": true, "decade": true}
		cat.Extra = []string{"target"}
	}
	r := studytest.Must(songs.NewRecommender(cat, labels))(t)
	ev := studytest.Must(songs.EvaluateRecommender(r, songs.Evaluation{N: 10, SeedTracks: 3, MinSongs: 6, Resamples: 200, Seed: 1}, songs.StudyMethods()))(t)
	return cat, r, ev
}

// checkCells fails on an empty cell, NaN or a Go format error in a table.
func checkCells(t *testing.T, tb report.Table) {
	t.Helper()
	studytest.RendersBoth(t, tb)
	for _, row := range append([][]string{tb.Headers}, tb.Rows...) {
		for _, c := range row {
			if strings.TrimSpace(c) == "" || strings.Contains(c, "NaN") || strings.Contains(c, "%!") {
				t.Errorf("table %q: cell %q in %q", tb.Caption, c, row)
			}
		}
	}
}

// checkProse fails on NaN, format errors, empty parentheses or a word
// that fits only one catalog.
func checkProse(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range []string{"NaN", "%!", "()", "(, ", "Rolling Stones", "Skipped"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s contains %q: %s", what, bad, s)
		}
	}
}

func TestEvaluationTables(t *testing.T) {
	for _, multi := range []bool{false, true} {
		cat, r, ev := evaluated(t, multi)
		pl, ba, ch := view.PlaylistTable(ev), view.BeyondAccuracyTable(ev), view.ChecksTable(ev)
		for _, tb := range []report.Table{pl, ba, ch} {
			checkCells(t, tb)
			if len(tb.Rows) != len(ev.Methods) {
				t.Errorf("table %q: %d rows for %d methods", tb.Caption, len(tb.Rows), len(ev.Methods))
			}
		}
		if pl.Rows[3][0] != "random" || pl.Rows[3][3] != "reference" || !strings.HasPrefix(pl.Rows[1][0], "nearest neighbours in the seeds") {
			t.Errorf("playlist rows %q", pl.Rows)
		}
		hasNovelty := strings.Contains(strings.Join(ba.Headers, "|"), "novelty")
		hasHit := strings.Contains(strings.Join(ch.Headers, "|"), "hit flag")
		if hasNovelty == multi || hasHit != multi {
			t.Errorf("multi-artist %v: novelty column %v, hit-flag column %v", multi, hasNovelty, hasHit)
		}
		prose := map[string]string{"task": view.PlaylistTask(ev), "summary": view.EvaluationSummary(ev),
			"beyond": view.BeyondAccuracyDefinitions(ev), "checks": view.ChecksDefinitions(ev),
			"insights": view.RecommenderInsights(ev), "study summary": view.RecommenderSummary(ev)}
		for what, s := range prose {
			if s == "" {
				t.Errorf("multi-artist %v: empty %s", multi, what)
			}
			checkProse(t, what, s)
		}
		if multi != strings.Contains(prose["task"], "artists") || multi != strings.Contains(prose["task"], "most popular baseline is left out") {
			t.Errorf("multi-artist %v: task %s", multi, prose["task"])
		}
		// The example tables name the artist when there are several and
		// never leave a field empty.
		tb := studytest.Must(view.SongsLike(r, cat.Tracks[4].Name, songs.RecommendOptions{N: 5}, nil))(t)
		checkCells(t, tb)
		checkProse(t, "caption", tb.Caption)
		if hasArtist := tb.Headers[2] == "artist"; hasArtist != multi {
			t.Errorf("multi-artist %v: headers %q", multi, tb.Headers)
		}
	}
}

// The advice follows the interval of the comparison: the seed's cohort
// first only when keeping to it is measurably better.
func TestRecommenderInsightsFollowTheTable(t *testing.T) {
	ci := func(lo, hi float64) stats.Interval { return stats.Interval{Lo: lo, Hi: hi, Level: 0.95} }
	ev := &songs.RecommenderEvaluation{Config: songs.Evaluation{N: 10, SeedTracks: 3, MinSongs: 6, Resamples: 100},
		PlaylistUnit: songs.PlaylistReleases, Playlists: 90, Recordings: 1400, HasPopularity: true,
		Methods: []songs.MethodEvaluation{
			{Method: songs.Method{Key: "nearest_neighbours"}, NDCG: 0.108, HubnessSkew: 1.1},
			{Method: songs.Method{Key: "same_cohort", Options: songs.RecommendOptions{SameCohort: true}}, NDCG: 0.102},
			{Method: songs.Method{Key: "random", Ranking: songs.Random}, NDCG: 0.012},
		}}
	for _, c := range []struct {
		ci         stats.Interval
		want, not  string
		summaryHas string
	}{
		{ci(-0.013, 0.0005), "not a filter", "cohort first", "-0.006"},
		{ci(-0.02, -0.001), "makes the lists worse", "cohort first", "-0.006"},
		{ci(0.002, 0.01), "Offer songs of the seed's cohort first", "not a filter", "-0.006"},
	} {
		ev.Differences = []songs.Difference{{Method: "same_cohort", Reference: "nearest_neighbours", Measure: "ndcg", Mean: -0.006, CI: c.ci},
			{Method: "same_cohort", Reference: "nearest_neighbours", Measure: "r_precision", Mean: -0.004, CI: c.ci}}
		s := view.RecommenderInsights(ev)
		if !strings.Contains(s, c.want) || strings.Contains(s, c.not) {
			t.Errorf("interval %v: insights %s", c.ci, s)
		}
		if !strings.Contains(view.EvaluationSummary(ev), c.summaryHas) {
			t.Errorf("interval %v: summary %s", c.ci, view.EvaluationSummary(ev))
		}
	}
}

func TestTrackLabel(t *testing.T) {
	cat := &catalog.Catalog{Has: map[string]bool{}, Tracks: []catalog.Track{
		{Name: "Lucky Man", Artist: "A", Decade: 1970}, {Name: "Other", Artist: "B"},
	}}
	if got := view.TrackLabel(cat, &cat.Tracks[0]); got != `"Lucky Man" by A (1970s)` {
		t.Errorf("label %q", got)
	}
	if got := view.TrackLabel(cat, &cat.Tracks[1]); got != `"Other" by B` {
		t.Errorf("label without a date %q", got)
	}
	one := &catalog.Catalog{Tracks: []catalog.Track{{Name: "Angie", Album: "Goats Head Soup", ReleaseDate: catalog.Date{Year: 1973}}}}
	if got := view.TrackLabel(one, &one.Tracks[0]); got != `"Angie" (Goats Head Soup, 1973)` {
		t.Errorf("label %q", got)
	}
}
