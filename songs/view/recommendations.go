package view

import (
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/report"
)

// RecommendationTable shows recommendations (or a playlist) with their
// cohorts' names; caption says what they answer.
func RecommendationTable(caption string, recs []songs.Recommendation, cs []songs.Cohort) report.Table {
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

// SongsLike finds a title (FindTracks' best match) and returns the table
// of the tracks recommended for it with opt.
func SongsLike(r *songs.Recommender, title string, opt songs.RecommendOptions, cs []songs.Cohort) (report.Table, error) {
	t, err := r.BestMatch(title)
	if err != nil {
		return report.Table{}, err
	}
	recs, err := r.Recommend([]string{t.ID}, opt)
	if err != nil {
		return report.Table{}, err
	}
	return RecommendationTable(fmt.Sprintf("Songs like %q (%s, %d)", t.Name, t.Album, t.ReleaseDate.Year), recs, cs), nil
}

// PlaylistFrom finds a title and returns the table of an n-song playlist
// from it.
func PlaylistFrom(r *songs.Recommender, title string, n int, cs []songs.Cohort) (report.Table, error) {
	t, err := r.BestMatch(title)
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
