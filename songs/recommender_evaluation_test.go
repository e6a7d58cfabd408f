package songs

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// playlistCatalog returns albums of perAlbum tracks whose sound clusters by
// album (a centre per album, small noise), one release date per album,
// with popularity; then a compilation ("Best Of", a later date) reissuing
// the first track of every album, and one live take of the second track
// of album 0. Labels alternate between two cohorts by album.
func playlistCatalog(albums, perAlbum int, seed uint64) (*catalog.Catalog, []int) {
	rng := rand.New(rand.NewPCG(seed, 3))
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true, catalog.Album: true, catalog.ReleaseDate: true}}
	var labels []int
	add := func(t catalog.Track, label int) {
		t.ID = catalogtest.ID(len(cat.Tracks))
		cat.Tracks = append(cat.Tracks, t)
		labels = append(labels, label)
	}
	for a := 0; a < albums; a++ {
		var centre [9]float64
		for j := range centre {
			centre[j] = 0.1 + 0.8*rng.Float64()
		}
		dur := 150000 + 150000*rng.Float64()
		for k := 0; k < perAlbum; k++ {
			t := catalog.Track{Name: fmt.Sprintf("Song %d-%d", a, k), Album: fmt.Sprintf("Album %d", a),
				ReleaseDate: catalog.Date{Year: 1965 + a}, Decade: (1965 + a) / 10 * 10, Popularity: float64(rng.IntN(80))}
			for j := range t.Audio {
				t.Audio[j] = centre[j] + 0.02*rng.NormFloat64()
			}
			t.DurationMS = dur + 3000*rng.NormFloat64()
			add(t, a%2)
		}
	}
	for a := 0; a < albums; a++ {
		src := cat.Tracks[a*perAlbum]
		src.Album, src.ReleaseDate, src.Decade, src.Name = "Best Of", catalog.Date{Year: 2010}, 2010, src.Name+" - Remastered"
		add(src, a%2)
	}
	live := cat.Tracks[1]
	live.Name, live.Album, live.ReleaseDate = live.Name+" - Live", "Live Album", catalog.Date{Year: 2000}
	live.Audio[catalog.FeatureIndex(catalog.Liveness)] += 0.3
	add(live, 0)
	catalog.Reissues(cat.Tracks)
	return cat, labels
}

var testEvaluation = Evaluation{N: 10, SeedTracks: 3, MinSongs: 6, Resamples: 500, Seed: 42}

// evaluatedAlbums evaluates notebook 04's methods on albumCatalog,
// changed by edit first when not nil.
func evaluatedAlbums(t *testing.T, albums, perAlbum int, seed uint64, edit func(*catalog.Catalog)) (*Recommender, *RecommenderEvaluation) {
	t.Helper()
	cat, labels := playlistCatalog(albums, perAlbum, seed)
	if edit != nil {
		edit(cat)
	}
	r := studytest.Must(NewRecommender(cat, labels))(t)
	ev, err := EvaluateRecommender(r, testEvaluation, StudyMethods())
	if err != nil {
		t.Fatal(err)
	}
	return r, ev
}

// Albums that sound alike are continued far better by nearest neighbours
// than by random picks: every figure the evaluation reports must say so.
func TestEvaluateRecommenderPlantedAlbums(t *testing.T) {
	_, ev := evaluatedAlbums(t, 12, 9, 1, nil)
	// 12 albums of 9 songs, the compilation (12 songs, all reissues of
	// album songs) and the live album (one song): 13 groups of at least 6.
	if ev.PlaylistUnit != PlaylistReleases || ev.Groups != 14 || ev.Playlists != 13 || ev.Recordings != 12*9+1 {
		t.Fatalf("unit %q, %d groups, %d playlists, %d recordings; want release, 14, 13, 109", ev.PlaylistUnit, ev.Groups, ev.Playlists, ev.Recordings)
	}
	nn, rnd := ev.Method("nearest_neighbours"), ev.Method("random")
	if !(nn.NDCG > 0.5) || !(rnd.NDCG < 0.2) || !(nn.NDCGCI.Lo <= nn.NDCG && nn.NDCG <= nn.NDCGCI.Hi) {
		t.Errorf("NDCG nearest %v %v, random %v", nn.NDCG, nn.NDCGCI, rnd.NDCG)
	}
	if d := ev.Difference("nearest_neighbours", "random", "ndcg"); d == nil || !(d.CI.Lo > 0) || math.Abs(d.Mean-(nn.NDCG-rnd.NDCG)) > 1e-12 {
		t.Errorf("paired difference from random: %+v", d)
	}
	if d := ev.Difference("same_cohort", "nearest_neighbours", "r_precision"); d == nil {
		t.Error("no comparison of the cohort variant with the recommender")
	}
	if nn.ReissueHitRate != 1 || ev.ReissueSeeds != 24 {
		t.Errorf("reissue sanity check %v over %d seeds; want 1 over 24", nn.ReissueHitRate, ev.ReissueSeeds)
	}
	// The live take's studio recording is its nearest other recording.
	if ev.OtherRecordingSeeds != 2 || nn.OtherRecordingHitRate != 1 {
		t.Errorf("other recording found %v over %d seeds; want 1 over 2", nn.OtherRecordingHitRate, ev.OtherRecordingSeeds)
	}
	// The most popular list is the same for everyone: hubs by design.
	pop := ev.Method("most_popular")
	if !(pop.HubnessSkew > nn.HubnessSkew) || !(pop.NeverRecommended > 0.8) || !(pop.Novelty < rnd.Novelty) || !(pop.PopularityLift > 0) {
		t.Errorf("most popular: %+v", pop)
	}
	if !(nn.Diversity < rnd.Diversity) || !(nn.SameDecade > rnd.SameDecade) || nn.Coverage <= 0 || nn.Coverage > 1 {
		t.Errorf("nearest %+v, random %+v", nn, rnd)
	}
	b, err := json.Marshal(ev.Metrics())
	if err != nil {
		t.Fatalf("metrics do not marshal: %v", err)
	}
	var m struct {
		Playlists      map[string]map[string]any `json:"playlists"`
		BeyondAccuracy map[string]map[string]any `json:"beyond_accuracy"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, meth := range StudyMethods() {
		p, ba := m.Playlists[meth.Key], m.BeyondAccuracy[meth.Key]
		ci, _ := p["ci95_ndcg_10"].([]any)
		if p["r_precision"] == nil || p["ndcg_10"] == nil || len(ci) != 2 {
			t.Errorf("playlists[%s] = %v", meth.Key, p)
		}
		for _, k := range []string{"coverage_10", "intra_list_diversity", "novelty", "hubness_skew", "never_recommended_share"} {
			if ba[k] == nil {
				t.Errorf("beyond_accuracy[%s] lacks %s", meth.Key, k)
			}
		}
	}
}

// The evaluation is seeded: the same inputs give the same figures, on one
// core or several.
func TestEvaluateRecommenderDeterministic(t *testing.T) {
	r, first := evaluatedAlbums(t, 8, 7, 2, nil)
	prev := runtime.GOMAXPROCS(1)
	one, err := EvaluateRecommender(r, testEvaluation, StudyMethods())
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	// Printed, so that NaN (the hit flag this catalog lacks) equals NaN.
	if a, b := fmt.Sprintf("%+v", first), fmt.Sprintf("%+v", one); a != b {
		t.Errorf("one core and several give different evaluations:\n%s\n%s", a, b)
	}
	other := testEvaluation
	other.Seed = 7
	if again, _ := EvaluateRecommender(r, other, StudyMethods()); fmt.Sprintf("%+v", again.Methods) == fmt.Sprintf("%+v", first.Methods) {
		t.Error("another seed gives the same random baselines")
	}
}

// A search shared between the methods of one query (the memo) returns
// exactly the lists each method finds on its own.
func TestSearchMemoKeepsLists(t *testing.T) {
	cat, labels := playlistCatalog(10, 8, 3)
	r := studytest.Must(NewRecommender(cat, labels))(t)
	methods := append(StudyMethods(), Method{Key: "diverse", Options: RecommendOptions{Diversity: 0.3, PopularityBlend: 0.2}})
	listers := make([]lister, len(methods))
	for k, m := range methods {
		listers[k] = r.lister(m, 1)
	}
	queries := [][]int{{0}, {5}, {20, 21, 30}, {79}, {81}}
	for _, seeds := range queries {
		for _, n := range []int{3, 10, 25} {
			memo := &searchMemo{}
			memo.search(r.tree, r.query(seeds), r.memoSize(methods, n))
			for k, list := range listers {
				alone := list(seeds, r.exclusion(seeds, true), n, 9, nil)
				shared := list(seeds, r.exclusion(seeds, true), n, 9, memo)
				if !reflect.DeepEqual(alone, shared) {
					t.Errorf("%s, seeds %v, n %d: alone %v, shared %v", methods[k].Key, seeds, n, alone, shared)
				}
			}
		}
	}
	// The batched searches of the single-seed pass give the lists a
	// search per query gives.
	batched := make([][]int, len(r.reps))
	r.eachRecording(r.memoSize(methods[:1], 10), func(g int, memo *searchMemo) {
		seed := []int{r.reps[g]}
		batched[g] = listers[0](seed, r.exclusion(seed, true), 10, 0, memo)
	})
	for g := range r.reps {
		seed := []int{r.reps[g]}
		if alone := listers[0](seed, r.exclusion(seed, true), 10, 0, nil); !reflect.DeepEqual(alone, batched[g]) {
			t.Errorf("recording %d: batched %v, alone %v", g, batched[g], alone)
		}
	}
}

func TestEvaluateRecommenderRefuses(t *testing.T) {
	cat, labels := playlistCatalog(4, 6, 4)
	r := studytest.Must(NewRecommender(cat, labels))(t)
	for name, c := range map[string]struct {
		cfg     Evaluation
		methods []Method
	}{
		"N = 0":                  {Evaluation{N: 0, SeedTracks: 3, MinSongs: 6, Resamples: 10}, StudyMethods()},
		"MinSongs = SeedTracks":  {Evaluation{N: 10, SeedTracks: 3, MinSongs: 3, Resamples: 10}, StudyMethods()},
		"one resample":           {Evaluation{N: 10, SeedTracks: 3, MinSongs: 6, Resamples: 1}, StudyMethods()},
		"no method":              {testEvaluation, nil},
		"two methods of one key": {testEvaluation, []Method{{Key: "a"}, {Key: "a", Ranking: Random}}},
		"no key":                 {testEvaluation, []Method{{}}},
		"a baseline with a blend": {testEvaluation, []Method{{Key: "r", Ranking: Random,
			Options: RecommendOptions{PopularityBlend: 0.5}}}},
		"N in the options":         {testEvaluation, []Method{{Key: "a", Options: RecommendOptions{N: 5}}}},
		"local scaling beyond all": {testEvaluation, []Method{{Key: "a", Options: RecommendOptions{LocalScaling: 1000}}}},
		"an unknown ranking":       {testEvaluation, []Method{{Key: "a", Ranking: Ranking(7)}}},
	} {
		if _, err := EvaluateRecommender(r, c.cfg, c.methods); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// A catalog without albums or popularity: artists stand in for playlists,
// the most-popular baseline is left out with its reason, popularity
// figures are left out of the metrics, and the hit flag is compared.
func TestEvaluateRecommenderArtists(t *testing.T) {
	_, ev := evaluatedAlbums(t, 9, 7, 5, func(cat *catalog.Catalog) {
		cat.Has = map[string]bool{"artist": true, "decade": true}
		cat.Extra = []string{"target"}
		for i := range cat.Tracks {
			tr := &cat.Tracks[i]
			tr.Artist, tr.Album, tr.Popularity, tr.ReleaseDate = "Artist "+tr.Album, "", math.NaN(), catalog.Date{}
			tr.Extra = []string{fmt.Sprint(i % 2)}
		}
	})
	if ev.PlaylistUnit != PlaylistArtists || ev.Playlists != 10 || len(ev.Methods) != 5 ||
		len(ev.LeftOut) != 1 || ev.LeftOut[0].Method.Key != "most_popular" || !ev.HasHitFlag || ev.HasPopularity {
		t.Fatalf("unit %q, %d playlists, %d methods, left out %+v, hit flag %v", ev.PlaylistUnit, ev.Playlists, len(ev.Methods), ev.LeftOut, ev.HasHitFlag)
	}
	nn := ev.Method("nearest_neighbours")
	if !math.IsNaN(nn.Novelty) || !math.IsNaN(nn.PopularityLift) || math.IsNaN(nn.SameHit) || !(nn.NDCG > 0.5) {
		t.Errorf("nearest neighbours: %+v", nn)
	}
	m := ev.Metrics()
	if _, ok := m["beyond_accuracy"].(map[string]any)["nearest_neighbours"].(map[string]any)["novelty"]; ok {
		t.Error("novelty reported without popularity")
	}
	if m["left_out"].(map[string]any)["most_popular"] != "the catalog has no popularity" {
		t.Errorf("left_out %v", m["left_out"])
	}
	if _, err := json.Marshal(m); err != nil {
		t.Error(err)
	}
}

// The playlist tasks of a small catalog, by hand: a release of 7 songs
// and one of 5; the seed songs of the first and what is hidden.
func TestPlaylistQueries(t *testing.T) {
	cat, labels := playlistCatalog(2, 7, 6)
	cat.Tracks = cat.Tracks[:12] // album 0 (7 songs) and 5 songs of album 1
	r := studytest.Must(NewRecommender(cat, labels[:12]))(t)
	_, groups := playlistGroups(cat)
	if len(groups) != 2 || len(groups[0].tracks) != 7 || groups[0].name != "Album 0" {
		t.Fatalf("groups %+v", groups)
	}
	qs := r.playlistQueries(groups, 3, 6, 42)
	if len(qs) != 1 || qs[0].group != 0 || len(qs[0].seeds) != 3 || qs[0].relevant != 4 || len(qs[0].hidden) != 4 {
		t.Fatalf("queries %+v; want one of album 0 with 3 seeds and 4 hidden songs", qs)
	}
	for _, s := range qs[0].seeds {
		if _, hidden := qs[0].hidden[r.group[s]]; hidden || s >= 7 {
			t.Errorf("seed %d is hidden or outside the album", s)
		}
	}
	if again := r.playlistQueries(groups, 3, 6, 42); !reflect.DeepEqual(again, qs) {
		t.Error("the seed songs depend on more than the seed")
	}
}

// EvaluationFor reuses its cache only for the same tracks, cohorts,
// configuration and methods, and writes the metrics either way.
func TestEvaluationForCache(t *testing.T) {
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog, Seed: 42}
	if _, err := LoadRecommenderEvaluation(p); !errors.Is(err, ErrMissingInput) {
		t.Fatalf("without a cache: %v; want ErrMissingInput", err)
	}
	cat, labels := playlistCatalog(6, 7, 8)
	r := studytest.Must(NewRecommender(cat, labels))(t)
	first, err := EvaluationFor(p, r, testEvaluation, StudyMethods())
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(p.Processed("metrics-" + RecommenderMetricsStep + ".json")); err != nil || !strings.Contains(string(b), "ci95_ndcg_10") {
		t.Fatalf("metrics file: %v", err)
	}
	marked := *first
	marked.HiddenSongs = 99
	if err := saveRecommenderEvaluation(p, &marked); err != nil {
		t.Fatal(err)
	}
	if ev, err := EvaluationFor(p, r, testEvaluation, StudyMethods()); err != nil || ev.HiddenSongs != 99 {
		t.Errorf("same inputs: %v, %v; want the cached 99", ev.HiddenSongs, err)
	}
	other := testEvaluation
	other.SeedTracks = 2
	if ev, err := EvaluationFor(p, r, other, StudyMethods()); err != nil || ev.HiddenSongs == 99 {
		t.Errorf("another configuration reused the cache (%v)", err)
	}
	if err := saveRecommenderEvaluation(p, &marked); err != nil {
		t.Fatal(err)
	}
	labels[0] = 1 - labels[0]
	r2, _ := NewRecommender(cat, labels)
	if ev, err := EvaluationFor(p, r2, testEvaluation, StudyMethods()); err != nil || ev.HiddenSongs == 99 {
		t.Errorf("other cohorts reused the cache (%v)", err)
	}
	if ev, err := LoadRecommenderEvaluation(p); err != nil || ev.Key == first.Key {
		t.Errorf("the last evaluation was not cached (%v)", err)
	}
}

// Notebook 04's evaluation cell spells out StudyMethods and
// StudyEvaluation, so that a summary computed earlier with them reads the
// same cached evaluation.
func TestNotebookEvaluationCellMatchesStudyMethods(t *testing.T) {
	b, err := os.ReadFile("../notebooks/04-insights.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Cells []struct {
			Source []string `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatal(err)
	}
	cell := ""
	for _, c := range nb.Cells {
		if src := strings.Join(c.Source, ""); strings.Contains(src, "songs.EvaluationFor(") {
			cell = src
		}
	}
	e := StudyEvaluation(0)
	cfg := fmt.Sprintf("songs.Evaluation{N: %d, SeedTracks: %d, MinSongs: %d, Resamples: %d, Seed: p.Seed}", e.N, e.SeedTracks, e.MinSongs, e.Resamples)
	if !strings.Contains(cell, cfg) {
		t.Errorf("the evaluation cell does not set %s:\n%s", cfg, cell)
	}
	for _, m := range StudyMethods() {
		if !strings.Contains(cell, fmt.Sprintf("Key: %q", m.Key)) {
			t.Errorf("the evaluation cell has no method %q", m.Key)
		}
	}
	if !strings.Contains(cell, "LocalScaling: 10") || strings.Count(cell, "songs.Random") != 2 || !strings.Contains(cell, "songs.MostPopular") {
		t.Errorf("the evaluation cell's methods differ from StudyMethods:\n%s", cell)
	}
}
