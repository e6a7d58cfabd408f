package songs

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

func TestRecommenderRealCatalog(t *testing.T) {
	cat, v, _ := realCohorts(t)
	r := studytest.Must(NewRecommender(cat, v.Labels))(t)
	ids := r.FindTracks("paint it black - remastered 2009")
	if len(ids) == 0 || cat.Tracks[r.byID[ids[0]]].Name != "Paint It, Black" {
		t.Fatalf("FindTracks: %v", ids)
	}
	recs, err := r.Recommend(ids[:1], RecommendOptions{N: 10})
	if err != nil || len(recs) != 10 {
		t.Fatalf("%d recommendations, %v", len(recs), err)
	}
	for _, rc := range recs {
		if TitleKey(rc.Name) == "paintitblack" {
			t.Errorf("recommended a version of the seed: %s", rc.Name)
		}
	}
	// Notebook 04's evaluation: the reissue check must pass, the
	// recommender must beat random picks on the albums, and local scaling
	// must reduce the hubs.
	ev, err := EvaluateRecommender(r, StudyEvaluation(42), StudyMethods())
	if err != nil {
		t.Fatal(err)
	}
	nn, ls := ev.Method("nearest_neighbours"), ev.Method("local_scaling")
	if nn.ReissueHitRate != 1 || ev.PlaylistUnit != PlaylistReleases || ev.Playlists < 80 {
		t.Errorf("reissue check %v, %d %s playlists", nn.ReissueHitRate, ev.Playlists, ev.PlaylistUnit)
	}
	if d := ev.Difference("nearest_neighbours", "random", "ndcg"); d == nil || !(d.CI.Lo > 0) {
		t.Errorf("nearest neighbours against random: %+v", d)
	}
	if !(ls.HubnessSkew < nn.HubnessSkew) || !(ls.NeverRecommended < nn.NeverRecommended) {
		t.Errorf("local scaling: skewness %v -> %v, never %v -> %v", nn.HubnessSkew, ls.HubnessSkew, nn.NeverRecommended, ls.NeverRecommended)
	}
}

// realCohorts returns the course catalog cleaned as notebook 01 does and
// its validation as notebook 03 computes it (shared with the other
// real-catalog tests), with the project's parameters. It does not read the
// notebooks' outputs, so it runs before them; it skips when the catalog is
// not staged (fails under CI=true) and in -short mode.
func realCohorts(t *testing.T) (*catalog.Catalog, *Validation, Params) {
	t.Helper()
	cat, v := realValidation(t)
	p, err := ParamsFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	p.Seed = 42
	return cat, v, p
}
