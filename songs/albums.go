package songs

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// AlbumPopularity is one album's popularity figures at a threshold: a
// release (RankReleases) or an album with its editions merged
// (RankEditions).
type AlbumPopularity struct {
	// Album is the release's Label, or the merged album's EditionTitle.
	Album string
	// Name is the album name as the catalog spells it (a release's
	// Album; for a merged album, the first edition's).
	Name string
	// Tracks is the number of tracks; Songs the number of distinct songs
	// (TitleKey), which a merged album counts once however many versions
	// its editions hold.
	Tracks, Songs int
	// PopularSongs counts the popular songs: a release's tracks with
	// popularity >= the threshold; a merged album's distinct songs whose
	// most popular version reaches the threshold.
	PopularSongs int
	// Share is the share of popular songs: PopularSongs over the tracks
	// (a release) or over the songs (a merged album).
	Share float64
	// Mean is the mean popularity of the tracks (a release) or of the
	// songs' most popular versions (a merged album): the tie-break.
	Mean float64
	// Min and Max are the lowest and highest popularity of its tracks.
	Min, Max float64
	// Editions lists the labels of the releases merged (RankEditions
	// only), in catalog order.
	Editions []string
	// Members are the album's tracks, indices into cat.Tracks.
	Members []int
}

// TieBreak names the rule that orders albums with as many popular songs.
const TieBreak = "mean popularity"

// albumGroup is an album to rank: a name and its tracks.
type albumGroup struct {
	name     string
	album    string
	tracks   []int
	editions []string
}

// RankReleases ranks the releases of a catalog (Releases) by their number
// of tracks with popularity >= threshold (the course's question), ties by
// mean popularity (TieBreak), then by label.
func RankReleases(cat *catalog.Catalog, threshold float64) []AlbumPopularity {
	var groups []albumGroup
	for _, r := range Releases(cat) {
		groups = append(groups, albumGroup{name: r.Label, album: r.Album, tracks: r.Tracks})
	}
	return rankAlbums(cat, groups, threshold, false)
}

// RankEditions ranks albums with their editions merged (every release
// whose EditionKey is the same, named by the first one's EditionTitle) by
// their number of distinct popular songs: a song (TitleKey) counts once,
// as popular when its most popular version on any edition reaches
// threshold. Ties are broken by the mean popularity of the songs' most
// popular versions, then by name.
func RankEditions(cat *catalog.Catalog, threshold float64) []AlbumPopularity {
	var groups []albumGroup
	byKey := map[string]int{}
	for _, r := range Releases(cat) {
		k := EditionKey(r.Album)
		g, ok := byKey[k]
		if !ok {
			g = len(groups)
			byKey[k] = g
			groups = append(groups, albumGroup{name: EditionTitle(r.Album), album: r.Album})
		}
		groups[g].tracks = append(groups[g].tracks, r.Tracks...)
		groups[g].editions = append(groups[g].editions, r.Label)
	}
	return rankAlbums(cat, groups, threshold, true)
}

// AlbumsByMeanPopularity ranks album names by the mean popularity of
// their tracks, as the original study did (every release and edition of a
// name pooled); popular songs are counted at threshold for comparison.
func AlbumsByMeanPopularity(cat *catalog.Catalog, threshold float64) []AlbumPopularity {
	var groups []albumGroup
	byName := map[string]int{}
	for i := range cat.Tracks {
		a := cat.Tracks[i].Album
		g, ok := byName[a]
		if !ok {
			g = len(groups)
			byName[a] = g
			groups = append(groups, albumGroup{name: a, album: a})
		}
		groups[g].tracks = append(groups[g].tracks, i)
	}
	out := rankAlbums(cat, groups, threshold, false)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mean != out[j].Mean {
			return out[i].Mean > out[j].Mean
		}
		return out[i].Album < out[j].Album
	})
	return out
}

// rankAlbums computes each group's figures and sorts them by popular
// songs, then mean popularity, then name. With distinct, songs are
// counted once by TitleKey at their most popular version.
func rankAlbums(cat *catalog.Catalog, groups []albumGroup, threshold float64, distinct bool) []AlbumPopularity {
	out := make([]AlbumPopularity, 0, len(groups))
	for _, g := range groups {
		a := AlbumPopularity{Album: g.name, Name: g.album, Tracks: len(g.tracks), Editions: g.editions, Members: g.tracks, Min: math.Inf(1), Max: math.Inf(-1)}
		best := map[string]float64{}
		var keys []string
		for _, i := range g.tracks {
			p := cat.Tracks[i].Popularity
			a.Min, a.Max = math.Min(a.Min, p), math.Max(a.Max, p)
			k := strconv.Itoa(i) // every track its own song
			if distinct {
				k = TitleKey(cat.Tracks[i].Name)
			}
			if old, ok := best[k]; !ok || p > old {
				if !ok {
					keys = append(keys, k)
				}
				best[k] = p
			}
		}
		if !distinct {
			a.Songs = len(titleSet(cat, g.tracks, nil))
		} else {
			a.Songs = len(keys)
		}
		var sum float64
		for _, k := range keys {
			sum += best[k]
			if best[k] >= threshold {
				a.PopularSongs++
			}
		}
		a.Mean = sum / float64(len(keys))
		a.Share = float64(a.PopularSongs) / float64(len(keys))
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].PopularSongs != out[j].PopularSongs {
			return out[i].PopularSongs > out[j].PopularSongs
		}
		if out[i].Mean != out[j].Mean {
			return out[i].Mean > out[j].Mean
		}
		return out[i].Album < out[j].Album
	})
	return out
}

// TopWithTies returns the first n albums of a ranking and every album
// after them with as many popular songs as the n-th: a list that never
// cuts through a tie.
func TopWithTies(ranked []AlbumPopularity, n int) []AlbumPopularity {
	if n >= len(ranked) {
		return ranked
	}
	if n <= 0 {
		return nil
	}
	m := n
	for m < len(ranked) && ranked[m].PopularSongs == ranked[n-1].PopularSongs {
		m++
	}
	return ranked[:m]
}

// AlbumRanking is one ranking's answer to the course's question.
type AlbumRanking struct {
	// Ranked holds every album, most popular songs first, ties broken by
	// TieBreak then by name.
	Ranked []AlbumPopularity
	// Recommended are the first two albums with at least one popular song
	// (fewer when fewer have one).
	Recommended []AlbumPopularity
	// Ties are the other albums with as many popular songs as the last
	// recommended one, which the tie-break placed after it; empty when
	// none.
	Ties []AlbumPopularity
}

// answer picks the recommended albums and the ties of a ranking.
func answer(ranked []AlbumPopularity) AlbumRanking {
	r := AlbumRanking{Ranked: ranked}
	for _, a := range ranked {
		if len(r.Recommended) == 2 || a.PopularSongs == 0 {
			break
		}
		r.Recommended = append(r.Recommended, a)
	}
	if n := len(r.Recommended); n > 0 {
		r.Ties = TopWithTies(ranked, n)[n:]
	}
	return r
}

// AlbumRecommendation answers the course's question, the two albums with
// the most popular songs, counting albums two ways: as releases and with
// their editions merged.
type AlbumRecommendation struct {
	// Threshold is the popularity from which a song counts as popular.
	Threshold float64
	// Releases ranks the releases (RankReleases).
	Releases AlbumRanking
	// Editions ranks albums with their editions merged (RankEditions).
	Editions AlbumRanking
}

// RecommendAlbums answers the course's question at a popularity threshold:
// the two releases with the most popular songs, the releases tied with the
// second, and the same with editions merged. It is the one call the
// notebooks (02's answer, 04's summary) and metrics.json take the answer
// from. A catalog without albums or popularity has no answer: the error
// is a *catalog.MissingColumnError.
func RecommendAlbums(cat *catalog.Catalog, threshold float64) (AlbumRecommendation, error) {
	if err := cat.Require("the album ranking", catalog.Popularity, catalog.Album); err != nil {
		return AlbumRecommendation{}, err
	}
	return AlbumRecommendation{
		Threshold: threshold,
		Releases:  answer(RankReleases(cat, threshold)),
		Editions:  answer(RankEditions(cat, threshold)),
	}, nil
}

// SameAnswer reports whether both counts recommend the same albums: the
// recommended releases' EditionKeys are those of the recommended merged
// albums, in any order.
func (r AlbumRecommendation) SameAnswer() bool {
	a, b := r.Releases.Recommended, r.Editions.Recommended
	if len(a) != len(b) {
		return false
	}
	want := map[string]int{}
	for _, x := range b {
		want[EditionKey(x.Name)]++
	}
	for _, x := range a {
		k := EditionKey(x.Name)
		if want[k] == 0 {
			return false
		}
		want[k]--
	}
	return true
}

// Metrics is the recommended_albums entry of metrics.json: the rule, the
// releases with at least one popular song (the two recommended first), the
// releases tied with the second, and the same ranking with editions merged.
func (r AlbumRecommendation) Metrics() map[string]any {
	list := func(as []AlbumPopularity) []map[string]any {
		out := []map[string]any{}
		for _, a := range as {
			if a.PopularSongs == 0 {
				break
			}
			out = append(out, map[string]any{"album": a.Album, "popular_songs": a.PopularSongs})
		}
		return out
	}
	return map[string]any{
		"threshold": r.Threshold,
		"rule":      fmt.Sprintf("popularity >= %g", r.Threshold),
		"tie_break": TieBreak,
		"albums":    list(r.Releases.Ranked),
		"ties":      list(r.Releases.Ties),
		"editions_merged": map[string]any{
			"albums": list(r.Editions.Ranked),
			"ties":   list(r.Editions.Ties),
		},
	}
}
