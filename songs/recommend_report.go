package songs

import (
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs/report"
)

// RecommenderMetricsStep names the metrics file of the offline evaluation,
// data/processed/metrics-04-recommender.json, merged into metrics.json
// under the key "recommender_evaluation".
const RecommenderMetricsStep = "04-recommender"

// DefaultRecommendations is the list length of the offline evaluation and
// of notebook 04's examples.
const DefaultRecommendations = 10

// RunRecommender loads the cleaned tracks and the chosen cohorts, builds
// the recommender, evaluates it offline with lists of n tracks (seeded by
// p.Seed) and writes the figures to metrics-04-recommender.json.
func RunRecommender(p Params, n int) (*Recommender, *RecommenderEvaluation, error) {
	cat, v, err := LoadCohorts(p)
	if err != nil {
		return nil, nil, err
	}
	r, err := NewRecommender(cat, v.Labels)
	if err != nil {
		return nil, nil, err
	}
	ev := EvaluateRecommender(r, n, p.Seed)
	if err := WriteMetrics(p, RecommenderMetricsStep, map[string]any{"recommender_evaluation": ev.Metrics()}); err != nil {
		return nil, nil, err
	}
	return r, ev, nil
}

// RecommendationTable shows recommendations (or a playlist) with their
// cohorts' names; caption says what they answer.
func RecommendationTable(caption string, recs []Recommendation, cs []Cohort) report.Table {
	var rows [][]string
	for _, rc := range recs {
		cohort := itoa(rc.Cohort)
		if rc.Cohort >= 0 && rc.Cohort < len(cs) {
			cohort = fmt.Sprintf("%d: %s", rc.Cohort, cs[rc.Cohort].Name)
		}
		pop := ""
		if !math.IsNaN(rc.Popularity) {
			pop = ftoa(rc.Popularity, 0)
		}
		rows = append(rows, []string{itoa(rc.Rank), rc.Name, rc.Album, intOrEmpty(rc.Year), pop, cohort, ftoa(rc.Distance, 2)})
	}
	t := report.NewTable([]string{"#", "title", "album", "year", "popularity", "cohort", "distance (standard deviations)"}, rows)
	t.Caption = caption
	return t
}

// RecommendFor finds a title (FindTracks' best match) and returns the
// table of n tracks recommended for it with opt.
func (r *Recommender) RecommendFor(title string, n int, opt RecommendOptions, cs []Cohort) (report.Table, error) {
	t, err := r.bestMatch(title)
	if err != nil {
		return report.Table{}, err
	}
	opt.N = n
	recs, err := r.Recommend([]string{t.ID}, opt)
	if err != nil {
		return report.Table{}, err
	}
	return RecommendationTable(fmt.Sprintf("Songs like %q (%s, %d)", t.Name, t.Album, t.ReleaseDate.Year), recs, cs), nil
}

// PlaylistFor finds a title and returns the table of an n-song playlist
// from it.
func (r *Recommender) PlaylistFor(title string, n int, cs []Cohort) (report.Table, error) {
	t, err := r.bestMatch(title)
	if err != nil {
		return report.Table{}, err
	}
	recs, err := r.Playlist(t.ID, n)
	if err != nil {
		return report.Table{}, err
	}
	tb := RecommendationTable(fmt.Sprintf("A playlist from %q (%s): each song the nearest unplayed one of its cohort to the previous", t.Name, t.Album), recs, cs)
	tb.Headers[len(tb.Headers)-1] = "step from the previous song (standard deviations)"
	return tb, nil
}

// bestMatch returns the track FindTracks ranks first for a title.
func (r *Recommender) bestMatch(title string) (*Track, error) {
	ids := r.FindTracks(title)
	if len(ids) == 0 {
		return nil, fmt.Errorf("no track matches %q", title)
	}
	return &r.cat.Tracks[r.byID[ids[0]]], nil
}
