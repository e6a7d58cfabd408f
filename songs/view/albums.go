package view

import (
	"fmt"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/report"
	"github.com/songcohorts/cohorts/songs/stats"
)

// competitionRanks gives each album its rank by popular songs, equal
// counts sharing a rank (1, 2, 2, 4, ...).
func competitionRanks(as []songs.AlbumPopularity) []int {
	out := make([]int, len(as))
	for i, a := range as {
		out[i] = i + 1
		if i > 0 && a.PopularSongs == as[i-1].PopularSongs {
			out[i] = out[i-1]
		}
	}
	return out
}

// AlbumTable shows the first n releases of a ranking and every release
// tied with the n-th (songs.TopWithTies): the rank by popular songs (equal
// counts share a rank), the tracks, the popular songs, their share, the
// mean popularity that breaks ties and the popularity range, which tells
// two releases of one name apart.
func AlbumTable(ranked []songs.AlbumPopularity, n int, caption string) report.Table {
	return rankedTable(ranked, n, caption, []string{"release", "tracks", "popular tracks", "% popular", "mean popularity", "popularity range"},
		func(a songs.AlbumPopularity) []string {
			return []string{a.Album, itoa(a.Tracks), itoa(a.PopularSongs), ftoa(100*a.Share, 1), ftoa(a.Mean, 1), ftoa(a.Min, 0) + "–" + ftoa(a.Max, 0)}
		})
}

// EditionTable shows the first n albums with their editions merged, and
// every album tied with the n-th: the editions, distinct songs, distinct
// popular songs and the mean popularity of the songs' best versions.
func EditionTable(ranked []songs.AlbumPopularity, n int, caption string) report.Table {
	return rankedTable(ranked, n, caption, []string{"album (editions merged)", "releases", "distinct songs", "popular songs", "mean popularity"},
		func(a songs.AlbumPopularity) []string {
			return []string{a.Album, itoa(len(a.Editions)), itoa(a.Songs), itoa(a.PopularSongs), ftoa(a.Mean, 1)}
		})
}

// rankedTable shows the first n albums of a ranking and every album tied
// with the n-th: a column of ranks (equal counts of popular songs share a
// rank), then the columns that row gives an album, under the caption and
// a note on ties.
func rankedTable(ranked []songs.AlbumPopularity, n int, caption string, headers []string, row func(songs.AlbumPopularity) []string) report.Table {
	top := songs.TopWithTies(ranked, n)
	rank := competitionRanks(top)
	var rows [][]string
	for i, a := range top {
		rows = append(rows, append([]string{itoa(rank[i])}, row(a)...))
	}
	t := report.NewTable(append([]string{"rank"}, headers...), rows)
	t.Caption = caption + tieNote(len(top), n)
	return t
}

// tieNote says why a list is longer than asked.
func tieNote(shown, asked int) string {
	if shown <= asked {
		return ""
	}
	return fmt.Sprintf(" (%d rows: the list continues to the end of the tie at rank %d)", shown, asked)
}

// OriginalRankingTable shows the original study's ranking, album names by
// mean popularity.
func OriginalRankingTable(ranked []songs.AlbumPopularity, n int) report.Table {
	var rows [][]string
	for i, a := range ranked[:min(n, len(ranked))] {
		rows = append(rows, []string{itoa(i + 1), a.Album, itoa(a.Tracks), ftoa(a.Mean, 1), itoa(a.PopularSongs)})
	}
	t := report.NewTable([]string{"rank", "album name", "tracks", "mean popularity", "popular tracks"}, rows)
	t.Caption = "The original study's ranking: album names by mean popularity (every release of a name pooled)"
	return t
}

// named lists albums with their counts, as plain text: "A (6), B (4)".
func named(as []songs.AlbumPopularity) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, fmt.Sprintf("%s (%d)", a.Album, a.PopularSongs))
	}
	return strings.Join(parts, ", ")
}

// plainNames lists albums without their counts: "A, B and C".
func plainNames(as []songs.AlbumPopularity) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, a.Album)
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// withCounts lists albums with their popular songs for a sentence: "A
// with 6 popular songs and B with 4".
func withCounts(as []songs.AlbumPopularity) string {
	var parts []string
	for i, a := range as {
		if i == 0 {
			parts = append(parts, fmt.Sprintf("%s with %d popular songs", a.Album, a.PopularSongs))
		} else {
			parts = append(parts, fmt.Sprintf("%s with %d", a.Album, a.PopularSongs))
		}
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// answerCell states one ranking's answer for a table cell: the recommended
// albums, then the tied ones.
func answerCell(r songs.AlbumRanking) string {
	if len(r.Recommended) == 0 {
		return "none: no song reaches the threshold"
	}
	s := named(r.Recommended)
	if len(r.Ties) > 0 {
		s += "; tied with the second: " + named(r.Ties)
	}
	return s
}

// ThresholdSensitivity shows, for each threshold, how many tracks count
// as popular and which albums both rankings recommend, with every album
// tied with the second (a list never cut through a tie).
func ThresholdSensitivity(cat *catalog.Catalog, thresholds []float64, labels []string) (report.Table, error) {
	pop := cat.Column(catalog.Popularity)
	var rows [][]string
	for i, th := range thresholds {
		r, err := songs.RecommendAlbums(cat, th)
		if err != nil {
			return report.Table{}, err
		}
		n := 0
		for _, v := range pop {
			if v >= th {
				n++
			}
		}
		rows = append(rows, []string{labels[i], ftoa(th, 0), itoa(n), answerCell(r.Releases), answerCell(r.Editions)})
	}
	t := report.NewTable([]string{"threshold", "popularity >=", "popular tracks", "releases (popular tracks)", "editions merged (distinct popular songs)"}, rows)
	t.Caption = "Sensitivity of the answer to the popularity threshold: the two albums recommended and every album tied with the second"
	return t, nil
}

// tieSentence states a ranking's ties at the cut-off and how the
// tie-break settled them, or that there are none.
func tieSentence(r songs.AlbumRanking, unit string) string {
	if len(r.Recommended) == 0 {
		return ""
	}
	last := r.Recommended[len(r.Recommended)-1]
	if len(r.Ties) == 0 {
		return report.Markdownf("No other %s has %d popular songs: no tie at the cut-off.", unit, last.PopularSongs)
	}
	var others []string
	for _, a := range r.Ties {
		others = append(others, report.Markdownf("%s %.1f", a.Album, a.Mean))
	}
	verb := "has"
	if len(r.Ties) > 1 {
		verb = "have"
	}
	return report.Markdownf("%s also %s %d popular songs: the tie is broken by %s (%s %.1f against ", plainNames(r.Ties), verb, last.PopularSongs, songs.TieBreak, last.Album, last.Mean) +
		strings.Join(others, ", ") + ")."
}

// AlbumAnswer answers the course's question: the rule, where the threshold
// falls in the popularity distribution, the two albums counted as
// releases and with editions merged, every tie at the cut-off and how it
// is broken, whether the answer changes between the two counts, and at how
// many of the alternative thresholds the same releases lead.
func AlbumAnswer(r songs.AlbumRecommendation, cat *catalog.Catalog, alternatives []float64) string {
	pop := cat.Column(catalog.Popularity)
	above := 0
	for _, v := range pop {
		if v >= r.Threshold {
			above++
		}
	}
	s := report.Markdownf("**Rule.** A song is popular when its popularity is at least %g (%s): "+
		"%d of %d tracks (%.1f%%); the median track has popularity %.0f and the 90th percentile is %.0f. "+
		"Albums are counted as *releases* (where one album name and date is listed twice with the same titles, each listing is a release, "+
		"labelled \"release k of n\") and with their *editions merged* (remastered, deluxe, anniversary and other editions under one "+
		"title, each song counted once at its most popular version). Ties are broken by %s.\n\n",
		r.Threshold, OnPopularityScale(r.Threshold), above, len(pop), 100*float64(above)/float64(len(pop)),
		stats.Quantile(pop, 0.5), stats.Quantile(pop, 0.9), songs.TieBreak)
	if len(r.Releases.Recommended) == 0 {
		return s + "No song reaches the threshold: there is no album to recommend."
	}
	lead := "**The two albums to recommend, counted as releases: "
	if len(r.Releases.Recommended) == 1 {
		lead = "**Only one album has popular songs, the one to recommend, counted as releases: "
	}
	s += lead + report.EscapeMarkdown(withCounts(r.Releases.Recommended)) + ".** " + tieSentence(r.Releases, "release") + "\n\n"
	s += "**With editions merged: " + report.EscapeMarkdown(withCounts(r.Editions.Recommended)) + ".** " + tieSentence(r.Editions, "album") + "\n\n"
	s += "**Does the answer change?** " + changeSentence(r)
	same := 0
	for _, th := range alternatives {
		alt, err := songs.RecommendAlbums(cat, th)
		if err == nil && sameReleases(alt.Releases.Recommended, r.Releases.Recommended) {
			same++
		}
	}
	if len(alternatives) > 0 {
		s += report.Markdownf(" The same two releases lead at %d of the %d other thresholds in the sensitivity table.", same, len(alternatives))
	}
	return s
}

// OnPopularityScale places a popularity threshold on Spotify's 0-100 scale,
// in words: "the midpoint of Spotify's 0-100 scale", or how far above or
// below the midpoint it lies.
func OnPopularityScale(t float64) string {
	const mid = 50
	switch {
	case t == mid:
		return "the midpoint of Spotify's 0-100 scale"
	case t > mid:
		return fmt.Sprintf("%g points above the midpoint of Spotify's 0-100 scale", t-mid)
	default:
		return fmt.Sprintf("%g points below the midpoint of Spotify's 0-100 scale", mid-t)
	}
}

// changeSentence says whether the two counts recommend the same albums
// and, if not, where they part.
func changeSentence(r songs.AlbumRecommendation) string {
	if r.SameAnswer() {
		return "No: both counts recommend the same two albums."
	}
	a, b := r.Releases.Recommended, r.Editions.Recommended
	if len(a) > 0 && len(b) > 0 && songs.EditionKey(a[0].Name) == songs.EditionKey(b[0].Name) && len(a) > 1 && len(b) > 1 {
		return report.Markdownf("Yes, in the second album: %s leads both counts, but the second is %s as a release and %s with editions merged.",
			b[0].Album, a[1].Album, b[1].Album)
	}
	return report.Markdownf("Yes: the releases %s against the merged albums %s.", plainNames(a), plainNames(b))
}

// sameReleases reports whether two lists name the same releases.
func sameReleases(a, b []songs.AlbumPopularity) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[string]bool{}
	for _, x := range a {
		in[x.Album] = true
	}
	for _, x := range b {
		if !in[x.Album] {
			return false
		}
	}
	return true
}

// AlbumSummary is the answer in one sentence for a summary (notebook 04):
// the two releases with their popular songs, the ties at the cut-off and
// the answer with editions merged, the same numbers as AlbumAnswer.
func AlbumSummary(r songs.AlbumRecommendation) string {
	if len(r.Releases.Recommended) == 0 {
		return report.Markdownf("No song reaches popularity %g: there is no album to recommend.", r.Threshold)
	}
	s := report.Markdownf("The two albums with the most popular songs (popularity >= %g) are %s", r.Threshold, withCounts(r.Releases.Recommended))
	if len(r.Releases.Recommended) == 1 {
		s = report.Markdownf("The only album with popular songs (popularity >= %g) is %s", r.Threshold, withCounts(r.Releases.Recommended))
	}
	if len(r.Releases.Ties) > 0 {
		s += report.Markdownf(" (%s also has %d, placed after by %s)", plainNames(r.Releases.Ties), r.Releases.Ties[0].PopularSongs, songs.TieBreak)
	}
	if r.SameAnswer() {
		return s + "; merging the editions of each album gives the same two."
	}
	return s + report.Markdownf("; with editions merged they are %s.", withCounts(r.Editions.Recommended))
}
