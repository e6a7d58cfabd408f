package songs

import (
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/embed"
)

// FeatureSet says which columns a clustering uses and how they are
// prepared: standardised, optionally reduced by PCA to the components that
// reach a share of the variance, on every track or on one row per
// recording (reissues removed).
type FeatureSet struct {
	Name            string
	Columns         []string
	PCAVariance     float64 // 0: no PCA
	OnePerRecording bool
}

// OriginalSet is the original study's input: the eleven features
// (popularity included), standardised, PCA to 95% of the variance, every
// track.
var OriginalSet = FeatureSet{Name: "original", Columns: catalog.OriginalFeatures, PCAVariance: 0.95}

// ImprovedSet clusters what a song sounds like: the nine audio features and
// duration, standardised, one row per recording. Popularity is an outcome
// the cohorts are later compared on, not an input.
var ImprovedSet = FeatureSet{Name: "improved", Columns: append(append([]string(nil), catalog.AudioFeatures...), catalog.DurationMS), OnePerRecording: true}

// Prepared is a feature set applied to a catalog.
type Prepared struct {
	Set FeatureSet
	// X holds one row per entry of Rows.
	X *mat.Dense
	// Rows are the indices into the catalog's tracks of X's rows.
	Rows   []int
	Scaler *embed.StandardScaler
	// PCA is the fitted PCA when the set uses one (nil otherwise).
	PCA *embed.PCA
	// Components is the number of principal components kept (0 without PCA).
	Components int
}

// Prepare builds the matrix of a feature set.
func (fs FeatureSet) Prepare(cat *catalog.Catalog) (*Prepared, error) {
	sub := cat
	rows := make([]int, 0, len(cat.Tracks))
	if fs.OnePerRecording {
		sub = &catalog.Catalog{Sources: cat.Sources, Columns: cat.Columns, Has: cat.Has, Extra: cat.Extra}
		for i := range cat.Tracks {
			t := &cat.Tracks[i]
			if t.CanonicalID == "" || t.CanonicalID == t.ID {
				sub.Tracks = append(sub.Tracks, *t)
				rows = append(rows, i)
			}
		}
	} else {
		for i := range cat.Tracks {
			rows = append(rows, i)
		}
	}
	cols := fs.Columns
	if !cat.Has[catalog.Popularity] {
		cols = withoutColumn(cols, catalog.Popularity)
	}
	z, scaler, err := Standardised(sub, cols)
	if err != nil {
		return nil, err
	}
	p := &Prepared{Set: fs, X: z, Rows: rows, Scaler: scaler}
	p.Set.Columns = cols
	if fs.PCAVariance > 0 {
		var pca embed.PCA
		if err := pca.Fit(z); err != nil {
			return nil, err
		}
		p.PCA = &pca
		p.Components = pca.ComponentsFor(fs.PCAVariance)
		reduced := embed.PCA{NComponents: p.Components}
		var scores mat.Dense
		if err := reduced.FitTransform(&scores, z); err != nil {
			return nil, err
		}
		p.X = &scores
	}
	return p, nil
}

func withoutColumn(cols []string, drop string) []string {
	var out []string
	for _, c := range cols {
		if c != drop {
			out = append(out, c)
		}
	}
	return out
}
