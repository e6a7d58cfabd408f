package songs

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// What stands in for a playlist in EvaluateRecommender.
const (
	// PlaylistReleases: each release (album name and release date) is a
	// playlist, for catalogs with albums.
	PlaylistReleases = "release"
	// PlaylistArtists: each artist's tracks are a playlist, for catalogs
	// of several artists without albums.
	PlaylistArtists = "artist"
)

// trackGroup is a named group of tracks, in catalog order.
type trackGroup struct {
	name   string
	tracks []int
}

// playlistGroups returns what stands in for playlists in the catalog and
// its groups: the releases when the catalog has album names, else the
// artists when it has more than one, else nothing ("").
func playlistGroups(cat *catalog.Catalog) (string, []trackGroup) {
	if cat.Has[catalog.Album] {
		return PlaylistReleases, releaseGroups(cat)
	}
	if g := groupTracks(cat, func(t *catalog.Track) string { return strings.TrimSpace(t.Artist) }); cat.Has["artist"] && len(g) > 1 {
		return PlaylistArtists, g
	}
	return "", nil
}

// releaseGroups are the catalog's releases (Releases: an album name and
// date listed twice with the same titles is two releases), each named by
// its label.
func releaseGroups(cat *catalog.Catalog) []trackGroup {
	var out []trackGroup
	for _, r := range Releases(cat) {
		out = append(out, trackGroup{name: r.Label, tracks: r.Tracks})
	}
	return out
}

// groupTracks groups the tracks by key (tracks with an empty key are left
// out), groups in order of first appearance, named by the text before the
// first NUL of the key.
func groupTracks(cat *catalog.Catalog, key func(*catalog.Track) string) []trackGroup {
	index := map[string]int{}
	var out []trackGroup
	for i := range cat.Tracks {
		k := key(&cat.Tracks[i])
		if k == "" {
			continue
		}
		g, ok := index[k]
		if !ok {
			g = len(out)
			index[k] = g
			name, _, _ := strings.Cut(k, "\x00")
			out = append(out, trackGroup{name: name})
		}
		out[g].tracks = append(out[g].tracks, i)
	}
	return out
}

// playlistQuery is one group turned into a playlist continuation task:
// the seed tracks, and the hidden recordings (recording -> hidden song) of
// the relevant songs, which number relevant.
type playlistQuery struct {
	group    int
	seeds    []int
	hidden   map[int]int
	relevant int
}

// songOf identifies track i's song: same artist and title key, or its
// recording when its title has no letters or digits.
func (r *Recommender) songOf(i int) string {
	if r.song[i] != "" {
		return r.song[i]
	}
	return "#" + strconv.Itoa(r.group[i])
}

// playlistQueries turns every group with at least minSongs distinct songs
// into a task: seedTracks of its songs, drawn with a generator seeded by
// seed and the group's number, seed the list (the first track of each),
// and the others are hidden. Hidden tracks that the seeds exclude (another
// version of a seed) are not relevant; a group left without a relevant
// song is skipped.
func (r *Recommender) playlistQueries(groups []trackGroup, seedTracks, minSongs int, seed uint64) []playlistQuery {
	var out []playlistQuery
	for g, grp := range groups {
		songIndex := map[string]int{}
		var songs [][]int
		for _, i := range grp.tracks {
			s := r.songOf(i)
			j, ok := songIndex[s]
			if !ok {
				j = len(songs)
				songIndex[s] = j
				songs = append(songs, nil)
			}
			songs[j] = append(songs[j], i)
		}
		if len(songs) < minSongs {
			continue
		}
		rng := rand.New(rand.NewPCG(seed, 0x9a71+uint64(g)))
		perm := rng.Perm(len(songs))
		q := playlistQuery{group: g, hidden: map[int]int{}}
		for _, j := range perm[:seedTracks] {
			q.seeds = append(q.seeds, songs[j][0])
		}
		excl := r.exclusion(q.seeds, true)
		for _, j := range perm[seedTracks:] {
			counted := false
			for _, i := range songs[j] {
				if excl.has(r, i) {
					continue
				}
				q.hidden[r.group[i]] = j
				if !counted {
					q.relevant++
					counted = true
				}
			}
		}
		if q.relevant > 0 {
			out = append(out, q)
		}
	}
	return out
}

// playlistRun holds what every method did on every playlist task.
type playlistRun struct {
	// rPrecision and ndcg per method and query.
	rPrecision, ndcg [][]float64
	// top holds each method's first n tracks per query.
	top [][][]int
}

// runPlaylists makes every method's list for every task: as many tracks
// as the task hides, at least n. A recommended track is a hit when its
// recording is hidden and its song not yet found.
func (r *Recommender) runPlaylists(queries []playlistQuery, methods []Method, listers []lister, n int) playlistRun {
	run := playlistRun{rPrecision: make([][]float64, len(listers)), ndcg: make([][]float64, len(listers)), top: make([][][]int, len(listers))}
	for m := range listers {
		run.rPrecision[m] = make([]float64, len(queries))
		run.ndcg[m] = make([]float64, len(queries))
		run.top[m] = make([][]int, len(queries))
	}
	parallel.For(len(queries), 0, func(_, lo, hi int) {
		for qi := lo; qi < hi; qi++ {
			q := queries[qi]
			length := max(n, q.relevant)
			memo := &searchMemo{}
			if k := r.memoSize(methods, length); k > 0 {
				memo.search(r.tree, r.query(q.seeds), k)
			}
			for m, list := range listers {
				got := list(q.seeds, r.exclusion(q.seeds, true), length, streamPlaylists+uint64(q.group), memo)
				found := map[int]bool{}
				hits := make([]bool, len(got))
				for k, i := range got {
					if s, ok := q.hidden[r.group[i]]; ok && !found[s] {
						found[s] = true
						hits[k] = true
					}
				}
				run.rPrecision[m][qi] = RPrecision(hits, q.relevant)
				run.ndcg[m][qi] = NDCG(hits, q.relevant, n)
				run.top[m][qi] = got[:min(n, len(got))]
			}
		}
	})
	return run
}
