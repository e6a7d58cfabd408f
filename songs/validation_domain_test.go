package songs

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
	"gonum.org/v1/gonum/mat"
)

// TestValidateReproducesOriginalStudy runs notebook 03's validation on the
// cleaned course catalog (1,600 rows) and compares the original pipeline's
// figures with the published ones (ORIGINAL-STUDY.md) and with
// scikit-learn 1.2.1 on the same matrix (testdata/gen_golden_domain.py:
// StandardScaler, PCA to 95%, KMeans n_init=10, Ward, full-covariance
// GaussianMixture).
func TestValidateReproducesOriginalStudy(t *testing.T) {
	cat, v := realValidation(t)
	g := readGoldenDomain(t).Real.Validation
	o := v.Original
	if o.N != g.Rows || o.Sample != nil {
		t.Fatalf("validated %d rows (sample %v), want all %d", o.N, o.Sample != nil, g.Rows)
	}
	// Published: first component 0.284 (0.2838 to 4 decimals), 9 components.
	if !studytest.Near(o.PCARatio[0], 0.2838, 1e-4) || o.Components != OriginalPCAComponents || o.Components != g.Components {
		t.Errorf("PCA: first ratio %.6f, %d components; want 0.2838 and 9", o.PCARatio[0], o.Components)
	}
	for i, w := range g.PCARatio {
		if !studytest.Near(o.PCARatio[i], w, 1e-9) {
			t.Errorf("PCA ratio %d = %v, sklearn %v", i, o.PCARatio[i], w)
		}
	}
	// Published: knee k = 3 with WCSS 11800.52; sklearn's K-Means finds the
	// same optimum (11800.5244).
	if o.Knee != OriginalKnee || !studytest.Near(o.WCSS[2], OriginalWCSSAtKnee, 1e-2/OriginalWCSSAtKnee) || !studytest.Near(o.WCSS[2], g.WCSS[2], 1e-6) {
		t.Errorf("knee %d, WCSS(3) %.4f; want 3 and 11800.52 (sklearn %.4f)", o.Knee, o.WCSS[2], g.WCSS[2])
	}
	if !studytest.Near(o.WCSS[0], g.WCSS[0], 1e-9) {
		t.Errorf("WCSS(1) %.6f, want the total sum of squares %.6f", o.WCSS[0], g.WCSS[0])
	}
	sil := func(a string) float64 { return o.Sweeps[a][2-KMin].Silhouette }
	t.Logf("PCA ratio[0] %.6f, components %d, WCSS(3) %.4f, knee %d, silhouettes at k=2: K-Means %.6f, Ward %.12f (sklearn %.12f), GMM %.6f",
		o.PCARatio[0], o.Components, o.WCSS[2], o.Knee, sil(AlgKMeans), sil(AlgWard), g.SilhouetteK2["ward"], sil(AlgGMM))
	// K-Means and the mixture draw other random numbers than NumPy: within
	// 1e-3 of the published figures. Ward is deterministic: exact.
	if s := sil(AlgKMeans); !studytest.Near(s, OriginalSilKMeans, 1e-3) {
		t.Errorf("K-Means silhouette at k=2 %.5f, published 0.19538", s)
	}
	if s := sil(AlgGMM); !studytest.Near(s, OriginalSilGMM, 1e-3) {
		t.Errorf("GMM silhouette at k=2 %.5f, published 0.17981", s)
	}
	if s := sil(AlgWard); !studytest.Near(s, OriginalSilWard, 1e-5) || !studytest.Near(s, g.SilhouetteK2["ward"], 1e-9) {
		t.Errorf("Ward silhouette at k=2 %.12f, published 0.15491, sklearn %.12f", s, g.SilhouetteK2["ward"])
	}
	if sizes := clusterSizes(o.Sweeps[AlgWard][0].Labels); !reflect.DeepEqual(sizes, g.WardK2Sizes) {
		t.Errorf("Ward k=2 cluster sizes %v, sklearn %v", sizes, g.WardK2Sizes)
	}

	// Every cleaned track gets a cohort, in catalog order; a reissue gets
	// its canonical recording's.
	checkTrackLabels(t, cat, v)
}

// clusterSizes returns the cluster sizes in decreasing order.
func clusterSizes(labels []int) []int {
	count := map[int]int{}
	for _, l := range labels {
		count[l]++
	}
	var out []int
	for _, n := range count {
		out = append(out, n)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(out)))
	return out
}

// checkTrackLabels checks Validate's IDs and Labels: every track of cat
// once, in order, labelled 0..K-1 with cohorts numbered by decreasing
// size, and every reissue labelled as its canonical recording.
func checkTrackLabels(t *testing.T, cat *catalog.Catalog, v *Validation) {
	t.Helper()
	if len(v.IDs) != len(cat.Tracks) || len(v.Labels) != len(cat.Tracks) {
		t.Fatalf("%d ids and %d labels for %d tracks", len(v.IDs), len(v.Labels), len(cat.Tracks))
	}
	label := map[string]int{}
	for i, id := range v.IDs {
		if id != cat.Tracks[i].ID {
			t.Fatalf("id %d is %s, want %s", i, id, cat.Tracks[i].ID)
		}
		if _, dup := label[id]; dup {
			t.Fatalf("id %s listed twice", id)
		}
		if l := v.Labels[i]; l < 0 || l >= v.Chosen.K {
			t.Fatalf("track %s has cohort %d, want 0..%d", id, l, v.Chosen.K-1)
		}
		label[id] = v.Labels[i]
	}
	reissues := 0
	for i := range cat.Tracks {
		tr := &cat.Tracks[i]
		if tr.CanonicalID != "" && tr.CanonicalID != tr.ID {
			reissues++
			if label[tr.ID] != label[tr.CanonicalID] {
				t.Errorf("reissue %s in cohort %d, its recording %s in %d", tr.ID, label[tr.ID], tr.CanonicalID, label[tr.CanonicalID])
			}
		}
	}
	if reissues == 0 {
		t.Error("the catalog has no reissues: the check above tested nothing")
	}
	// The chosen labels on the prepared rows are numbered by size.
	sizes := make([]int, v.Chosen.K)
	for _, l := range v.ChosenLabels() {
		sizes[l]++
	}
	for c := 1; c < len(sizes); c++ {
		if sizes[c] > sizes[c-1] {
			t.Errorf("cohort sizes %v not decreasing", sizes)
		}
	}
}

func TestRelabelBySize(t *testing.T) {
	// Sizes: label 5 and 7 three rows each (5 appears first), 2 two rows;
	// noise (-1) is kept.
	got := RelabelBySize([]int{5, 5, 2, 7, 7, 7, -1, 2, 5})
	want := []int{0, 0, 2, 1, 1, 1, -1, 2, 0}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RelabelBySize = %v, want %v", got, want)
	}
	if got := RelabelBySize([]int{1, 0, 0}); !reflect.DeepEqual(got, []int{1, 0, 0}) {
		t.Errorf("RelabelBySize([1 0 0]) = %v", got)
	}
	if got := RelabelBySize(nil); len(got) != 0 {
		t.Errorf("RelabelBySize(nil) = %v", got)
	}
}

func TestExpandToTracks(t *testing.T) {
	cat := &catalog.Catalog{Tracks: []catalog.Track{
		{ID: "a", CanonicalID: "a"},
		{ID: "b", CanonicalID: "b"},
		{ID: "c", CanonicalID: "a"}, // reissue of a
		{ID: "d", CanonicalID: "d"},
		{ID: "e", CanonicalID: "x"}, // its recording was not clustered
	}}
	ids, labels := expandToTracks(cat, []int{0, 1, 3}, []int{1, 0, 1})
	if strings.Join(ids, "") != "abcde" || !reflect.DeepEqual(labels, []int{1, 0, 1, 1, -1}) {
		t.Errorf("expandToTracks = %q %v", ids, labels)
	}
}

func TestSampleRows(t *testing.T) {
	if s := sampleRows(100, 100, 1); s != nil {
		t.Errorf("n <= max sampled %v", s)
	}
	a, b, c := sampleRows(1000, 300, 7), sampleRows(1000, 300, 7), sampleRows(1000, 300, 8)
	if len(a) != 300 || !reflect.DeepEqual(a, b) || reflect.DeepEqual(a, c) {
		t.Fatalf("sample of 300: %d rows, same seed equal %v, other seed differs %v", len(a), reflect.DeepEqual(a, b), !reflect.DeepEqual(a, c))
	}
	for i, r := range a {
		if r < 0 || r >= 1000 || (i > 0 && r <= a[i-1]) {
			t.Fatalf("sample not sorted distinct rows in range: %v", a)
		}
	}
}

func TestNearestCentre(t *testing.T) {
	// Sample: cluster 0 around (0, 0), cluster 1 around (10, 0), one noise
	// row that must not move a centre.
	sample := mat.NewDense(5, 2, []float64{-1, 0, 1, 0, 9, 0, 11, 0, 100, 100})
	labels := []int{0, 0, 1, 1, -1}
	all := mat.NewDense(4, 2, []float64{4.9, 3, 5.1, -3, 30, 0, -7, 1})
	got := nearestCentre(all, sample, labels, 2)
	if !reflect.DeepEqual(got, []int{0, 1, 1, 0}) {
		t.Errorf("nearestCentre = %v, want [0 1 1 0]", got)
	}
}

// TestValidationAboveMaxRows checks the path of catalogs above
// MaxValidationRows: a seeded sample is validated and every track still
// gets a cohort.
func TestValidationAboveMaxRows(t *testing.T) {
	// Stand in for a large catalog with a small one: sample every other
	// prepared row, label the sample and extend to all rows.
	cat, v := testValidation(t, 120)
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := prep.X.Dims()
	sv := SetValidation{Sample: sampleRows(n, n/2, 3)}
	x := sv.Rows(prep.X)
	if r, _ := x.Dims(); r != n/2 {
		t.Fatalf("sample matrix has %d rows, want %d", r, n/2)
	}
	for r, i := range sv.Sample {
		if !reflect.DeepEqual(x.RawRowView(r), prep.X.RawRowView(i)) {
			t.Fatalf("sample row %d is not prepared row %d", r, i)
		}
	}
	labels := RelabelBySize(labelsOfSample(v, prep, sv.Sample))
	all := nearestCentre(prep.X, x, labels, v.Chosen.K)
	ids, out := expandToTracks(cat, prep.Rows, all)
	w := *v
	w.IDs, w.Labels = ids, out
	checkTrackLabels(t, cat, &w)
	agree := 0
	for i := range out {
		if out[i] == v.Labels[i] {
			agree++
		}
	}
	if float64(agree) < 0.95*float64(len(out)) {
		t.Errorf("nearest-centre labels agree with the full clustering on %d of %d tracks", agree, len(out))
	}
}

// labelsOfSample picks the chosen labels of the sampled prepared rows.
func labelsOfSample(v *Validation, prep *Prepared, sample []int) []int {
	full := v.ChosenLabels()
	out := make([]int, len(sample))
	for r, i := range sample {
		out[r] = full[i]
	}
	return out
}

func TestSaveLoadValidation(t *testing.T) {
	_, v := testValidation(t, 120)
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog}
	got := saveThenLoad(t, "notebook 03", func() error { return SaveValidation(p, v) }, func() (*Validation, error) { return LoadValidation(p) })
	// fmt prints maps sorted and NaN as NaN, so equal text is equal data.
	if a, b := fmt.Sprintf("%+v", *got), fmt.Sprintf("%+v", *v); a != b {
		t.Error("validation differs after SaveValidation and LoadValidation")
	}
	if err := os.WriteFile(p.Processed(ValidationFile), []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadValidation(p); err == nil || !strings.Contains(err.Error(), ValidationFile) {
		t.Errorf("LoadValidation of a corrupt file: %v", err)
	}
}

func TestWriteValidationMetrics(t *testing.T) {
	_, v := testValidation(t, 120)
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog}
	if err := WriteValidationMetrics(p, v); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(p.ProcessedDir(), "metrics-validation.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Reproduction map[string]json.RawMessage `json:"reproduction"`
		Chosen       map[string]json.RawMessage `json:"chosen"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := func(mm map[string]json.RawMessage) string {
		var k []string
		for key := range mm {
			k = append(k, key)
		}
		sort.Strings(k)
		return strings.Join(k, ",")
	}
	if got := keys(m.Reproduction); got != "kmeans_knee,kmeans_wcss,pca_components_95,pca_explained_variance_ratio,silhouette" {
		t.Errorf("reproduction keys %s", got)
	}
	if got := keys(m.Chosen); got != "algorithm,feature_set,features,k,null_silhouette,sides,silhouette,stability,stability_ci95,stability_resamples" {
		t.Errorf("chosen keys %s", got)
	}
	var null struct {
		Mean, SD float64
		Draws    int
	}
	var ci [2]float64
	var resamples int
	var stability float64
	if err := json.Unmarshal(m.Chosen["null_silhouette"], &null); err != nil || null.Draws != 20 || null.Mean != v.ChosenCheck().Null.Mean {
		t.Errorf("null_silhouette %s (%v)", m.Chosen["null_silhouette"], err)
	}
	for key, dst := range map[string]any{"stability_ci95": &ci, "stability_resamples": &resamples, "stability": &stability} {
		if err := json.Unmarshal(m.Chosen[key], dst); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
	}
	if resamples != 100 || !(ci[0] <= stability && stability <= ci[1]) {
		t.Errorf("stability %v, interval %v over %d resamples", stability, ci, resamples)
	}
	var sides []map[string]any
	if err := json.Unmarshal(m.Chosen["sides"], &sides); err != nil || len(sides) != v.Chosen.K {
		t.Errorf("sides %s (%v)", m.Chosen["sides"], err)
	}
	var sil map[string]map[string]float64
	if err := json.Unmarshal(m.Reproduction["silhouette"], &sil); err != nil {
		t.Fatal(err)
	}
	if len(sil) != 3 || len(sil["ward"]) != KMax-KMin+1 || !studytest.Near(sil["ward"]["2"], v.Original.Sweeps[AlgWard][0].Silhouette, 1e-12) {
		t.Errorf("silhouette metrics %v", sil)
	}
	var k int
	if err := json.Unmarshal(m.Chosen["k"], &k); err != nil || k != v.Chosen.K {
		t.Errorf("chosen k %d, want %d", k, v.Chosen.K)
	}
}

func TestFeatureSetPrepare(t *testing.T) {
	cat := studytest.BlobCatalog(40, 3)
	orig, err := OriginalSet.Prepare(cat)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := orig.X.Dims(); n != 40 || len(orig.Rows) != 40 || orig.PCA == nil || orig.Components < 1 {
		t.Errorf("original set: %d rows, %d components", n, orig.Components)
	}
	imp, err := ImprovedSet.Prepare(cat)
	if err != nil {
		t.Fatal(err)
	}
	recordings := 0
	for i := range cat.Tracks {
		if cat.Tracks[i].CanonicalID == cat.Tracks[i].ID {
			recordings++
		}
	}
	n, d := imp.X.Dims()
	if n != recordings || n == 40 || d != len(ImprovedSet.Columns) || imp.PCA != nil {
		t.Errorf("improved set: %d x %d, want %d recordings x %d", n, d, recordings, len(ImprovedSet.Columns))
	}
	for r, i := range imp.Rows {
		if cat.Tracks[i].CanonicalID != cat.Tracks[i].ID {
			t.Errorf("prepared row %d is reissue %s", r, cat.Tracks[i].ID)
		}
	}
	noPop := *cat
	noPop.Has = map[string]bool{}
	p, err := OriginalSet.Prepare(&noPop)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Set.Columns) != 10 || strings.Contains(strings.Join(p.Set.Columns, ","), catalog.Popularity) {
		t.Errorf("without popularity the original set uses %q", p.Set.Columns)
	}
}
