package songs

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
)

func TestRecommenderRealCatalog(t *testing.T) {
	cat, v, _ := realCohorts(t)
	r, err := NewRecommender(cat, v.Labels)
	if err != nil {
		t.Fatal(err)
	}
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
	ev := EvaluateRecommender(r, 10, 42)
	if ev.Methods[0].ReissueHitRate != 1 {
		t.Errorf("reissue hit rate %v", ev.Methods[0].ReissueHitRate)
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
