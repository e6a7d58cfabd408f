package songs

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"gonum.org/v1/gonum/mat"
)

// labelAgreement returns the share of equal labels.
func labelAgreement(a, b []int) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

func TestModelAssignsTrainingTracks(t *testing.T) {
	eachAlgorithm(t, func(t *testing.T, alg string, cat *catalog.Catalog, v *Validation, profiles []Cohort) {
		m, err := BuildModel(cat, v, profiles, []string{"x.csv: 00"})
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "processed", ModelFile)
		if err := m.Save(path); err != nil {
			t.Fatal(err)
		}
		loaded, err := LoadModel(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(loaded, m) {
			t.Fatalf("the model read back differs:\n%+v\n%+v", loaded, m)
		}
		got, err := loaded.Assign(cat)
		if err != nil {
			t.Fatal(err)
		}
		a := labelAgreement(got, v.Labels)
		t.Logf("%s: assignment agrees with the fitted cohorts on %.4f of the tracks", alg, a)
		// K-Means labels are the nearest fitted centre by construction,
		// and GMM labels the most probable component; Ward has no
		// centres, so nearest cohort mean only approximates it.
		if alg != AlgWard && a != 1 {
			t.Errorf("%s: agreement %.4f, want 1", alg, a)
		}
		if alg == AlgWard && a < 0.9 {
			t.Errorf("Ward: agreement %.4f", a)
		}
	})
}

func TestModelGMMPredictMatchesMixture(t *testing.T) {
	// Assign's own log-density must pick the component
	// cluster.GaussianMixture.Predict picks (tested there against
	// sklearn.mixture.GaussianMixture.predict) on rows far from the data.
	cat, v0 := testValidation(t, 120)
	v := validationFor(t, cat, v0, AlgGMM, 3)
	f, err := refitCohorts(cat, v)
	if err != nil {
		t.Fatal(err)
	}
	m := f.model(v, studytest.Must(Profiles(cat, v.Labels, 3, 50))(t), nil)
	z := mat.NewDense(200, 10, nil)
	for i := 0; i < 200; i++ {
		for j := 0; j < 10; j++ {
			z.Set(i, j, float64((i*7+j*13)%23)/5-2.2)
		}
	}
	got, err := m.Mixture.predict(z)
	if err != nil {
		t.Fatal(err)
	}
	want := f.gmm.Predict(nil, z)
	for i := range got {
		if f.order[got[i]] != want[i] {
			t.Fatalf("row %d: cohort %d is component %d, Predict says %d", i, got[i], f.order[got[i]], want[i])
		}
	}
}

func TestModelAssignsNewTracks(t *testing.T) {
	cat, v0 := testValidation(t, 120)
	for _, alg := range []string{AlgKMeans, AlgWard} {
		v := validationFor(t, cat, v0, alg, 2)
		m, err := BuildModel(cat, v, studytest.Must(Profiles(cat, v.Labels, 2, 50))(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		// A new track placed at a cohort's centre, and one a little off
		// it, join that cohort.
		fresh := &catalog.Catalog{Has: map[string]bool{}}
		for c := 0; c < m.K; c++ {
			for _, off := range []float64{0, 0.3} {
				var tr catalog.Track
				tr.ID = catalogtest.ID(1000 + 2*c)
				for j, f := range m.Features {
					x := m.ScalerMean[j] + m.ScalerScale[j]*(m.Centres[c][j]+off)
					if f == catalog.DurationMS {
						tr.DurationMS = x
					} else {
						tr.Audio[catalog.FeatureIndex(f)] = x
					}
				}
				fresh.Tracks = append(fresh.Tracks, tr)
			}
		}
		got, err := m.Assign(fresh)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int{0, 0, 1, 1}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: new tracks at the centres go to %v, want %v", alg, got, want)
		}
		fresh.Tracks[0].Audio[0] = math.NaN()
		if _, err := m.Assign(fresh); err == nil {
			t.Errorf("%s: a track without acousticness was assigned", alg)
		}
	}
}

func TestLoadModelErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadModel(filepath.Join(dir, ModelFile)); !errors.Is(err, ErrMissingInput) || !strings.Contains(err.Error(), "make output/04-insights.html") {
		t.Errorf("missing model: %v", err)
	}
	for name, body := range map[string]string{
		"not json":      "{",
		"unknown field": `{"nonsense": 1}`,
		"no features":   `{"algorithm": "K-Means", "k": 1}`,
		"short scaler":  `{"features": ["energy"], "scaler_mean": [], "scaler_scale": [1], "algorithm": "K-Means", "k": 1, "centres": [[0]], "cohort_names": ["a"]}`,
		"zero scale":    `{"features": ["energy"], "scaler_mean": [0], "scaler_scale": [0], "algorithm": "K-Means", "k": 1, "centres": [[0]], "cohort_names": ["a"]}`,
		"gmm, no mix":   `{"features": ["energy"], "scaler_mean": [0], "scaler_scale": [1], "algorithm": "GMM", "k": 1, "centres": [[0]], "cohort_names": ["a"]}`,
		"unknown alg":   `{"features": ["energy"], "scaler_mean": [0], "scaler_scale": [1], "algorithm": "DBSCAN", "k": 1, "centres": [[0]], "cohort_names": ["a"]}`,
	} {
		path := filepath.Join(dir, "m.json")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadModel(path); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestModelRealCatalog(t *testing.T) {
	cat, v0, p := realCohorts(t)
	for _, alg := range Algorithms {
		v := validationFor(t, cat, v0, alg, v0.Chosen.K)
		m, err := BuildModel(cat, v, studytest.Must(Profiles(cat, v.Labels, v.Chosen.K, p.PopularThreshold))(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.Assign(cat)
		if err != nil {
			t.Fatal(err)
		}
		a := labelAgreement(got, v.Labels)
		t.Logf("%s k=%d: assignment agrees with the cohorts on %.4f of %d tracks", m.Algorithm, m.K, a, len(got))
		if alg != AlgWard && v0.Improved.Sample == nil && a != 1 {
			t.Errorf("%s: agreement %.4f", alg, a)
		}
	}
}
