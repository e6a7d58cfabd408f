package songs

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// validationFor returns the validation Validate would cache if it had
// chosen algorithm at k, built from v's sweep labels.
func validationFor(t testing.TB, cat *catalog.Catalog, v *Validation, algorithm string, k int) *Validation {
	t.Helper()
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		t.Fatal(err)
	}
	w := *v
	w.Chosen = Choice{Set: ImprovedSet.Name, Algorithm: algorithm, K: k, Silhouette: v.Improved.Sweeps[algorithm][k-KMin].Silhouette}
	w.IDs, w.Labels = expandToTracks(cat, prep.Rows, RelabelBySize(v.Improved.Sweeps[algorithm][k-KMin].Labels))
	w.SubLabels = make([]int, len(w.Labels)) // one sub-cohort per cohort
	return &w
}

// eachAlgorithm runs fn as a subtest for each clustering algorithm, on the
// 120-track test catalog with that algorithm's k = 2 solution (one
// sub-cohort per cohort) and its cohorts' profiles (popular from 50).
func eachAlgorithm(t *testing.T, fn func(t *testing.T, alg string, cat *catalog.Catalog, v *Validation, profiles []Cohort)) {
	cat, v0 := testValidation(t, 120)
	for _, alg := range Algorithms {
		t.Run(alg, func(t *testing.T) {
			v := validationFor(t, cat, v0, alg, 2)
			fn(t, alg, cat, v, studytest.Must(Profiles(cat, v.Labels, 2, 50))(t))
		})
	}
}

// validated caches one Validate run of the test catalog.
var validated = map[int]*Validation{}

// testValidation validates studytest.BlobCatalog(n, 7) once per n.
func testValidation(t testing.TB, n int) (*catalog.Catalog, *Validation) {
	t.Helper()
	cat := studytest.BlobCatalog(n, 7)
	if v, ok := validated[n]; ok {
		return cat, v
	}
	v, err := Validate(cat, DefaultPlan(), 42, 2)
	if err != nil {
		t.Fatal(err)
	}
	validated[n] = v
	return cat, v
}

// bruteNearest ranks the tracks by Euclidean distance from q in x plus
// penalty, ties by index, without any index structure.
func bruteNearest(r *Recommender, q []float64, penalty func(int) float64) []int {
	n, _ := r.x.Dims()
	idx := make([]int, n)
	d := make([]float64, n)
	for i := range idx {
		idx[i] = i
		d[i] = distance(q, r.x.RawRowView(i)) + penalty(i)
	}
	for i := 1; i < n; i++ { // insertion sort: stable, obviously correct
		for j := i; j > 0 && d[idx[j]] < d[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	return idx
}
