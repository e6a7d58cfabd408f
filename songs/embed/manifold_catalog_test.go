package embed

import (
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// TestManifoldCatalog compares t-SNE and UMAP with scikit-learn 1.2.1 and
// umap-learn 0.5.3 on the real catalog (all rows, the 11 features
// standardised), using the figures of testdata/golden_manifold_catalog.json
// written by testdata/gen_golden_manifold.py.
func TestManifoldCatalog(t *testing.T) {
	raw, _ := readCatalog(t)
	var want struct {
		TSNE manifoldRun `json:"tsne_bh"`
		UMAP manifoldRun `json:"umap"`
	}
	goldentest.ReadInto(t, "testdata/golden_manifold_catalog.json", &want)
	var x mat.Dense
	var sc StandardScaler
	if err := sc.FitTransform(&x, raw); err != nil {
		t.Fatal(err)
	}

	ts := NewTSNE(0)
	trust := manifoldTrust(t, &x, fitEmbedding(t, ts, &x), 10)
	t.Logf("t-SNE: KL %.4f (sklearn %.4f), trustworthiness %.4f (sklearn %.4f)", ts.KLDivergence(), want.TSNE.KL, trust, want.TSNE.Trustworthiness)
	// Source: want.TSNE.Source.
	if !scalar.EqualWithinRel(ts.KLDivergence(), want.TSNE.KL, 0.05) {
		t.Errorf("t-SNE KL %.4f, want %.4f within 5%%", ts.KLDivergence(), want.TSNE.KL)
	}
	if trust < want.TSNE.Trustworthiness-0.01 {
		t.Errorf("t-SNE trustworthiness %.4f < sklearn's %.4f - 0.01", trust, want.TSNE.Trustworthiness)
	}

	trust = manifoldTrust(t, &x, fitEmbedding(t, NewUMAP(0), &x), 10)
	t.Logf("UMAP: trustworthiness %.4f (umap-learn %.4f)", trust, want.UMAP.Trustworthiness)
	// Source: want.UMAP.Source.
	if trust < want.UMAP.Trustworthiness-0.01 {
		t.Errorf("UMAP trustworthiness %.4f < umap-learn's %.4f - 0.01", trust, want.UMAP.Trustworthiness)
	}
}
