package songs

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

func TestTitleKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Paint It, Black", "paint it black"},
		{"Paint It, Black", "Paint It Black - Remastered 2009"},
		{"Paint It, Black", "PAINT IT BLACK (Remastered)"},
		{"Paint It, Black", "Paint It Black - Live"},
		{"Brown Sugar", "Brown Sugar - 2009 Mix"},
		{"Time Is On My Side", "Time Is On My Side - Mono Version"},
		{"Time Is On My Side", "Time Is On My Side (Mono Version)"},
		{"Angie", "Angie [Live]"},
		{"It's Only Rock 'N' Roll (But I Like It)", "Its Only Rock'n'Roll (But I Like It) - Live"},
		{"It’s Only Rock ’N’ Roll (But I Like It)", "It's Only Rock 'N' Roll (But I Like It)"},
		{"Cops & Robbers", "Cops and Robbers"},
	} {
		if ka, kb := TitleKey(tc.a), TitleKey(tc.b); ka != kb {
			t.Errorf("TitleKey(%q) = %q, TitleKey(%q) = %q", tc.a, ka, tc.b, kb)
		}
	}
	for _, tc := range []struct{ title, want string }{
		{"(I Can't Get No) Satisfaction - Live", "icantgetnosatisfaction"},
		{"Undercover (Of The Night)", "undercoverofthenight"},
		{"Doo Doo Doo Doo Doo (Heartbreaker) - 2020", "doodoodoodoodooheartbreaker"},
		{"Live With Me", "livewithme"},
		{"(Live)", "live"},
		{"", ""},
	} {
		if got := TitleKey(tc.title); got != tc.want {
			t.Errorf("TitleKey(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// titleCatalog is a small catalog of famous titles and their versions.
func titleCatalog(t *testing.T) *Recommender {
	t.Helper()
	cat := studytest.BlobCatalog(12, 3)
	names := []string{"Paint It, Black", "Paint It Black - Live", "Paint It Black - Remastered 2009", "Miss You - Remastered",
		"Miss You - Live", "(I Can't Get No) Satisfaction - Mono Version", "Satisfaction - Live", "Angie",
		"Brown Sugar - 2009 Mix", "Live With Me", "Painted Black Roses", "Wild Horses"}
	pops := []float64{80, 30, 50, 70, 25, 76, 28, 71, 66, 40, 10, 60}
	for i := range cat.Tracks {
		cat.Tracks[i].Name, cat.Tracks[i].Popularity = names[i], pops[i]
	}
	r := studytest.Must(NewRecommender(cat, make([]int, len(cat.Tracks))))(t)
	return r
}

func TestFindTracks(t *testing.T) {
	r := titleCatalog(t)
	name := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, r.cat.Tracks[r.byID[id]].Name)
		}
		return out
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		// the same song whatever the case, punctuation or version note;
		// studio before live, then by popularity
		{"paint it black", []string{"Paint It, Black", "Paint It Black - Remastered 2009", "Paint It Black - Live"}},
		{"PAINT IT, BLACK - Remastered 2009", []string{"Paint It, Black", "Paint It Black - Remastered 2009", "Paint It Black - Live"}},
		// a query marked live prefers live versions
		{"Miss You - Live", []string{"Miss You - Live", "Miss You - Remastered"}},
		// a studio title containing the words before a live exact title
		{"satisfaction", []string{"(I Can't Get No) Satisfaction - Mono Version", "Satisfaction - Live"}},
		{"brown sugar (2009 mix)", []string{"Brown Sugar - 2009 Mix"}},
		// prefix of the last word; "Live With Me" is a title, not a note
		{"live wi", []string{"Live With Me"}},
		// a typo when nothing else matches
		{"Angei", []string{"Angie"}},
		{"Wlid Horsse", []string{"Wild Horses"}},
		{"no such song", nil},
		{"  ", nil},
	} {
		if got := name(r.FindTracks(tc.query)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("FindTracks(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
	// an id or uri is an exact match
	id := r.cat.Tracks[7].ID
	for _, q := range []string{id, catalog.URIPrefix + id} {
		if got := r.FindTracks(q); !reflect.DeepEqual(got, []string{id}) {
			t.Errorf("FindTracks(%q) = %v", q, got)
		}
	}
}

func TestRecommendExcludesVersions(t *testing.T) {
	cat := studytest.BlobCatalog(200, 5)
	r := studytest.Must(NewRecommender(cat, make([]int, len(cat.Tracks))))(t)
	// Track 18 has a reissue (track 25, identical audio) and a live take
	// (track 21, "Song 18 - Live", different audio).
	seed := 18
	if cat.Tracks[25].CanonicalID != cat.Tracks[seed].ID || cat.Tracks[21].Name != "Song 18 - Live" {
		t.Fatal("the test catalog's reissue layout changed")
	}
	versions := map[int]bool{}
	for i := range cat.Tracks {
		if TitleKey(cat.Tracks[i].Name) == TitleKey(cat.Tracks[seed].Name) && i != seed {
			versions[i] = true
		}
	}
	recs := studytest.Must(r.Recommend([]string{cat.Tracks[seed].ID}, RecommendOptions{N: 20}))(t)
	if len(recs) != 20 {
		t.Fatalf("%d recommendations", len(recs))
	}
	keys := map[string]bool{}
	for _, rc := range recs {
		i := r.byID[rc.ID]
		if i == seed || versions[i] || cat.Tracks[i].CanonicalID == cat.Tracks[seed].ID {
			t.Errorf("recommended a version of the seed: %s", rc.Name)
		}
		if k := TitleKey(rc.Name); keys[k] {
			t.Errorf("two versions of %q recommended", rc.Name)
		} else {
			keys[k] = true
		}
	}
	// Without the exclusion the reissue comes first, at distance 0.
	recs = studytest.Must(r.Recommend([]string{cat.Tracks[seed].ID}, RecommendOptions{N: 3, IncludeVersions: true}))(t)
	if recs[0].ID != cat.Tracks[25].ID || recs[0].Distance != 0 {
		t.Errorf("with versions: first %s at %v, want the reissue %s at 0", recs[0].ID, recs[0].Distance, cat.Tracks[25].ID)
	}
	if _, err := r.Recommend([]string{"nope"}, RecommendOptions{}); !errors.Is(err, ErrUnknownTrack) {
		t.Errorf("unknown seed: %v", err)
	}
	if _, err := r.Recommend(nil, RecommendOptions{}); err == nil {
		t.Error("no seeds accepted")
	}
}

// expected ranks like Recommend without diversity or popularity: brute
// force over every track, skipping the seeds' versions and repeated
// recordings or titles.
func expected(r *Recommender, seeds []int, n int, penalty func(int) float64, keep func(int) bool) []string {
	_, d := r.x.Dims()
	q := make([]float64, d)
	for _, s := range seeds {
		for j, v := range r.x.RawRowView(s) {
			q[j] += v / float64(len(seeds))
		}
	}
	skip := r.exclusion(seeds, true)
	var out []string
	for _, i := range bruteNearest(r, q, penalty) {
		if len(out) == n {
			break
		}
		if skip.has(r, i) || !keep(i) {
			continue
		}
		skip.add(r, i, true)
		out = append(out, r.cat.Tracks[i].ID)
	}
	return out
}

func TestRecommendMatchesBruteForce(t *testing.T) {
	cat := studytest.BlobCatalog(600, 9)
	labels := make([]int, len(cat.Tracks))
	for i := range labels {
		labels[i] = i % 3
	}
	r := studytest.Must(NewRecommender(cat, labels))(t)
	ids := func(recs []Recommendation) []string {
		var out []string
		for _, rc := range recs {
			out = append(out, rc.ID)
		}
		return out
	}
	all := func(int) bool { return true }
	none := func(int) float64 { return 0 }
	for _, seeds := range [][]int{{0}, {13}, {1, 2}, {5, 50, 500}} {
		var sid []string
		for _, s := range seeds {
			sid = append(sid, cat.Tracks[s].ID)
		}
		cohort := r.majorityCohort(seeds)
		for _, n := range []int{1, 10, 80} {
			recs := studytest.Must(r.Recommend(sid, RecommendOptions{N: n}))(t)
			if got, want := ids(recs), expected(r, seeds, n, none, all); !reflect.DeepEqual(got, want) {
				t.Errorf("seeds %v n=%d:\n got %v\nwant %v", seeds, n, got, want)
			}
			recs, _ = r.Recommend(sid, RecommendOptions{N: n, SameCohort: true})
			if got, want := ids(recs), expected(r, seeds, n, none, func(i int) bool { return labels[i] == cohort }); !reflect.DeepEqual(got, want) {
				t.Errorf("same cohort, seeds %v n=%d:\n got %v\nwant %v", seeds, n, got, want)
			}
			pen := func(i int) float64 {
				if labels[i] != cohort {
					return 0.7
				}
				return 0
			}
			recs, _ = r.Recommend(sid, RecommendOptions{N: n, CohortWeight: 0.7})
			if got, want := ids(recs), expected(r, seeds, n, pen, all); !reflect.DeepEqual(got, want) {
				t.Errorf("cohort weight, seeds %v n=%d:\n got %v\nwant %v", seeds, n, got, want)
			}
		}
	}
}

func TestRecommendTiesByCatalogOrder(t *testing.T) {
	cat := studytest.BlobCatalog(40, 2)
	// Tracks 30..35 become copies of track 1's sound with distinct titles
	// and recordings: all at the same distance from the seed.
	for i := 30; i < 36; i++ {
		cat.Tracks[i].Audio = cat.Tracks[1].Audio
		cat.Tracks[i].DurationMS = cat.Tracks[1].DurationMS
		cat.Tracks[i].CanonicalID = cat.Tracks[i].ID
	}
	r := studytest.Must(NewRecommender(cat, make([]int, len(cat.Tracks))))(t)
	recs := studytest.Must(r.Recommend([]string{cat.Tracks[1].ID}, RecommendOptions{N: 4}))(t)
	for j, rc := range recs {
		if want := cat.Tracks[30+j].ID; rc.ID != want || rc.Distance != 0 {
			t.Errorf("rank %d: %s at %v, want %s at 0", j+1, rc.ID, rc.Distance, want)
		}
	}
}

func TestRecommendDiversityAndPopularity(t *testing.T) {
	cat := studytest.BlobCatalog(400, 4)
	r := studytest.Must(NewRecommender(cat, make([]int, len(cat.Tracks))))(t)
	seed := []string{cat.Tracks[0].ID}
	spread := func(recs []Recommendation) float64 {
		s := 0.0
		for a := range recs {
			for b := a + 1; b < len(recs); b++ {
				s += distance(r.x.RawRowView(r.byID[recs[a].ID]), r.x.RawRowView(r.byID[recs[b].ID]))
			}
		}
		return s
	}
	plain, _ := r.Recommend(seed, RecommendOptions{N: 10})
	varied, _ := r.Recommend(seed, RecommendOptions{N: 10, Diversity: 0.7})
	if len(varied) != 10 || plain[0].ID != varied[0].ID {
		t.Fatalf("diversity changed the first pick or the length: %d", len(varied))
	}
	if spread(varied) <= spread(plain) {
		t.Errorf("diversity did not spread the list: %.4f <= %.4f", spread(varied), spread(plain))
	}
	pop, _ := r.Recommend(seed, RecommendOptions{N: 10, PopularityBlend: 1})
	for j := 1; j < len(pop); j++ {
		if pop[j].Popularity > pop[j-1].Popularity {
			t.Errorf("popularity blend 1 is not sorted by popularity: %v then %v", pop[j-1].Popularity, pop[j].Popularity)
		}
	}
	mean := func(recs []Recommendation) float64 {
		s := 0.0
		for _, rc := range recs {
			s += rc.Popularity
		}
		return s / float64(len(recs))
	}
	half, _ := r.Recommend(seed, RecommendOptions{N: 10, PopularityBlend: 0.5})
	if !(mean(half) > mean(plain)) {
		t.Errorf("a popularity blend did not raise popularity: %.1f vs %.1f", mean(half), mean(plain))
	}
	for _, opt := range []RecommendOptions{{N: -1}, {Diversity: 1.5}, {PopularityBlend: -0.1}, {CohortWeight: -1}} {
		func() {
			defer func() {
				if v := recover(); v == nil || !strings.HasPrefix(v.(string), "songs: ") {
					t.Errorf("%+v: recover() = %v", opt, v)
				}
			}()
			r.Recommend(seed, opt)
		}()
	}
}

func TestPlaylist(t *testing.T) {
	cat := studytest.BlobCatalog(300, 6)
	labels := make([]int, len(cat.Tracks))
	for i := range labels {
		labels[i] = i % 2 // the two sound profiles
	}
	r := studytest.Must(NewRecommender(cat, labels))(t)
	seed := 3
	pl, err := r.Playlist(cat.Tracks[seed].ID, 25)
	if err != nil {
		t.Fatal(err)
	}
	if len(pl) != 25 {
		t.Fatalf("%d songs", len(pl))
	}
	played := r.exclusion([]int{seed}, true)
	prev := seed
	for j, s := range pl {
		i := r.byID[s.ID]
		if labels[i] != labels[seed] {
			t.Errorf("song %d left the cohort", j+1)
		}
		if played.has(r, i) {
			t.Errorf("song %d (%s) repeats a song already played", j+1, s.Name)
		}
		// each step goes to the nearest song of the cohort not yet played
		for k := range cat.Tracks {
			if labels[k] == labels[seed] && !played.has(r, k) && distance(r.x.RawRowView(prev), r.x.RawRowView(k)) < s.Distance {
				t.Fatalf("song %d: %s is nearer than %s", j+1, cat.Tracks[k].Name, s.Name)
			}
		}
		played.add(r, i, true)
		prev = i
	}
	// A cohort runs out: no more songs than its distinct recordings.
	small := studytest.BlobCatalog(30, 6)
	r2, _ := NewRecommender(small, make([]int, 30))
	pl, _ = r2.Playlist(small.Tracks[0].ID, 100)
	if len(pl) == 0 || len(pl) >= 30 {
		t.Errorf("a 30-track catalog gave a playlist of %d", len(pl))
	}
	if _, err := r.Playlist("nope", 3); !errors.Is(err, ErrUnknownTrack) {
		t.Errorf("unknown seed: %v", err)
	}
}

func TestRecommendVersionsAreByArtist(t *testing.T) {
	// In a catalog of several artists, a song of the same title by another
	// artist is a different song: it is not excluded.
	cat := studytest.BlobCatalog(60, 10)
	for i := range cat.Tracks {
		cat.Tracks[i].Artist = "Band A"
	}
	cat.Tracks[2].Name, cat.Tracks[4].Name, cat.Tracks[6].Name = "Home", "Home - Live", "Home"
	cat.Tracks[6].Artist = "Band B"
	cat.Tracks[6].Audio = cat.Tracks[2].Audio
	cat.Tracks[6].Audio[0] += 1e-3 // a different recording, very close
	r := studytest.Must(NewRecommender(cat, make([]int, len(cat.Tracks))))(t)
	recs := studytest.Must(r.Recommend([]string{cat.Tracks[2].ID}, RecommendOptions{N: 5}))(t)
	if recs[0].ID != cat.Tracks[6].ID {
		t.Errorf("first %s, want Band B's Home", recs[0].Name)
	}
	for _, rc := range recs {
		if rc.ID == cat.Tracks[4].ID {
			t.Error("Band A's live Home was recommended for Band A's Home")
		}
	}
}
