package songs

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/embed"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// Projection names, in display order.
var Projections = []string{"PCA", "t-SNE", "UMAP", "ICA"}

// Embeddings are the 2-D projections of the chosen feature set, one row per
// cleaned track (a reissue shares its canonical recording's point), with
// each projection's trustworthiness (k = 10) measured on the recordings.
type Embeddings struct {
	IDs    []string
	Cohort []int
	// XY[p] holds projection p's coordinates as pairs, one per track.
	XY              [][][2]float64
	Trustworthiness []float64
	// TSNEKL is t-SNE's final Kullback-Leibler divergence.
	TSNEKL float64
	// Key names the validation and the projectors the embeddings were
	// made from (see EmbeddingsFor); a cache with another key is stale.
	Key string
}

// EmbeddingsFile caches Embed's result.
const EmbeddingsFile = "embeddings.gob"

// trustSample bounds the rows trustworthiness is measured on.
const trustSample = 5000

// Projectors are the four projections to the plane and their
// hyperparameters. PCA and ICA are fitted as given (ICA keeps the two least
// Gaussian of its sources); TSNE and UMAP must be set, from embed.NewTSNE
// and embed.NewUMAP.
type Projectors struct {
	PCA  embed.PCA
	TSNE *embed.TSNE
	UMAP *embed.UMAP
	ICA  embed.FastICA
}

// DefaultProjectors are the study's projections: PCA to two components,
// t-SNE (perplexity 30, PCA initialisation) and UMAP (15 neighbours,
// min_dist 0.1) with scikit-learn's and umap-learn's defaults, and FastICA
// of all the sources (at most 1,000 iterations), all seeded.
func DefaultProjectors(seed uint64) Projectors {
	return Projectors{PCA: embed.PCA{NComponents: 2}, TSNE: embed.NewTSNE(seed), UMAP: embed.NewUMAP(seed),
		ICA: embed.FastICA{Seed: seed, MaxIter: 1000}}
}

// key fingerprints the projectors' hyperparameters for the cache.
func (pr Projectors) key() string {
	if pr.TSNE == nil || pr.UMAP == nil {
		panic("songs: Projectors needs TSNE and UMAP (embed.NewTSNE, embed.NewUMAP)")
	}
	return fmt.Sprintf("pca=%+v tsne=%+v umap=%+v ica=%+v", pr.PCA, *pr.TSNE, *pr.UMAP, pr.ICA)
}

// Embed projects the improved feature set of the catalog to two dimensions
// four ways with pr, and measures each projection's trustworthiness.
func Embed(cat *catalog.Catalog, v *Validation, pr Projectors) (*Embeddings, error) {
	prep, err := ImprovedSet.Prepare(cat)
	if err != nil {
		return nil, err
	}
	x := prep.X
	n, _ := x.Dims()
	var kl float64
	fits := []func(*mat.Dense) error{
		func(dst *mat.Dense) error { p := pr.PCA; return p.FitTransform(dst, x) },
		func(dst *mat.Dense) error {
			t := *pr.TSNE
			if err := t.Fit(x); err != nil {
				return err
			}
			t.EmbeddingTo(dst)
			kl = t.KLDivergence()
			return nil
		},
		func(dst *mat.Dense) error {
			u := *pr.UMAP
			if err := u.Fit(x); err != nil {
				return err
			}
			u.EmbeddingTo(dst)
			return nil
		},
		func(dst *mat.Dense) error {
			ica := pr.ICA
			var s mat.Dense
			if err := ica.FitTransform(&s, x); err != nil {
				return err
			}
			order, signs := embed.SourceOrder(&s)
			var all mat.Dense
			embed.ReorderColumns(&all, &s, order, signs)
			dst.ReuseAs(n, 2)
			dst.Copy(all.Slice(0, n, 0, 2))
			return nil
		},
	}
	e := &Embeddings{}
	rowsXY := make([][][2]float64, len(fits))
	for pi, fit := range fits {
		var y mat.Dense
		if err := fit(&y); err != nil {
			return nil, fmt.Errorf("%s: %w", Projections[pi], err)
		}
		tw, err := embed.Trustworthiness(head(x, trustSample), head(&y, trustSample), 10)
		if err != nil {
			return nil, fmt.Errorf("%s trustworthiness: %w", Projections[pi], err)
		}
		e.Trustworthiness = append(e.Trustworthiness, tw)
		rowsXY[pi] = make([][2]float64, n)
		for i := 0; i < n; i++ {
			rowsXY[pi][i] = [2]float64{y.At(i, 0), y.At(i, 1)}
		}
	}
	e.TSNEKL = kl
	byID := map[string]int{}
	for r, i := range prep.Rows {
		byID[cat.Tracks[i].ID] = r
	}
	cohort := map[string]int{}
	for i, id := range v.IDs {
		cohort[id] = v.Labels[i]
	}
	e.XY = make([][][2]float64, len(fits))
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		r, ok := byID[t.ID]
		if !ok {
			r, ok = byID[t.CanonicalID]
		}
		if !ok {
			return nil, fmt.Errorf("track %s: its canonical recording %s was not embedded", t.ID, t.CanonicalID)
		}
		e.IDs = append(e.IDs, t.ID)
		e.Cohort = append(e.Cohort, cohort[t.ID])
		for pi := range fits {
			e.XY[pi] = append(e.XY[pi], rowsXY[pi][r])
		}
	}
	return e, nil
}

// head returns the first rows of m (all when it has fewer): a fixed,
// seed-free subsample, since prepared rows are in file order.
func head(m *mat.Dense, rows int) mat.Matrix {
	n, d := m.Dims()
	if n <= rows {
		return m
	}
	return m.Slice(0, rows, 0, d)
}

// CSV renders the embeddings as output/embeddings.csv: header
// id,pca_1,pca_2,tsne_1,tsne_2,umap_1,umap_2,ica_1,ica_2,cohort.
func (e *Embeddings) CSV() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"id", "pca_1", "pca_2", "tsne_1", "tsne_2", "umap_1", "umap_2", "ica_1", "ica_2", "cohort"})
	for i, id := range e.IDs {
		row := []string{id}
		for p := range e.XY {
			row = append(row, strconv.FormatFloat(e.XY[p][i][0], 'g', 10, 64), strconv.FormatFloat(e.XY[p][i][1], 'g', 10, 64))
		}
		_ = w.Write(append(row, strconv.Itoa(e.Cohort[i])))
	}
	w.Flush()
	return buf.Bytes()
}

// SaveEmbeddings caches e and writes embeddings.csv to the output folder.
func SaveEmbeddings(p Params, e *Embeddings) error {
	if err := saveProcessedGob(p, EmbeddingsFile, e); err != nil {
		return err
	}
	if err := os.MkdirAll(p.OutputDir(), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(p.OutputDir()+"/embeddings.csv", e.CSV(), 0o644)
}

// LoadEmbeddings reads the cache SaveEmbeddings wrote.
func LoadEmbeddings(p Params) (*Embeddings, error) {
	return loadProcessedGob[Embeddings](p, EmbeddingsFile, "the first cells of notebook 04-insights (make output/04-insights.html)")
}

// EmbeddingsFor returns the cached embeddings when they were made by the
// same projectors from the validation v (whose key names the cleaned
// tracks, SEED and K), and otherwise computes them, caches them and writes
// embeddings.csv and the embeddings' metrics.
func EmbeddingsFor(p Params, v *Validation, pr Projectors) (*Embeddings, error) {
	key := v.Key + " " + pr.key()
	if e, err := LoadEmbeddings(p); err == nil && e.Key == key {
		return e, nil
	}
	cat, err := LoadClean(p)
	if err != nil {
		return nil, err
	}
	e, err := Embed(cat, v, pr)
	if err != nil {
		return nil, err
	}
	e.Key = key
	if err := SaveEmbeddings(p, e); err != nil {
		return nil, err
	}
	cs, err := Profiles(cat, v.Labels, v.Chosen.K, p.PopularThreshold)
	if err != nil {
		return nil, err
	}
	subs, err := SubcohortProfiles(cat, v.Labels, v.SubLabels, cs, p.PopularThreshold)
	if err != nil {
		return nil, err
	}
	return e, WriteEmbeddingMetrics(p, e, cs, subs)
}
