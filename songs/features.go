package songs

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

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
	Rows    []int
	Scaling Scaling
	// PCA is the fitted PCA when the set uses one (nil otherwise).
	PCA *embed.PCA
	// Components is the number of principal components kept (0 without PCA).
	Components int
}

// Prepare builds the matrix of a feature set.
func (fs FeatureSet) Prepare(cat *catalog.Catalog) (*Prepared, error) {
	rows := make([]int, 0, len(cat.Tracks))
	for i := range cat.Tracks {
		if !fs.OnePerRecording || cat.Tracks[i].IsRecording() {
			rows = append(rows, i)
		}
	}
	cols := fs.Columns
	if !cat.Has[catalog.Popularity] {
		cols = withoutColumn(cols, catalog.Popularity)
	}
	z, scaler, err := standardisedRows(cat, rows, cols)
	if err != nil {
		return nil, err
	}
	p := &Prepared{Set: fs, X: z, Rows: rows, Scaling: scaler}
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

// Matrix returns the tracks' values of the given numeric columns as an
// n x len(columns) matrix, row i being Tracks[i]. A missing value is an
// error naming the track and column: cleaned catalogs have none.
func Matrix(cat *catalog.Catalog, columns []string) (*mat.Dense, error) {
	return matrixRows(cat, nil, columns)
}

// matrixRows is Matrix of the tracks at rows, in that order (every track
// when rows is nil).
func matrixRows(cat *catalog.Catalog, rows []int, columns []string) (*mat.Dense, error) {
	n := len(rows)
	if rows == nil {
		n = len(cat.Tracks)
	}
	if n == 0 {
		return nil, catalog.ErrNoData
	}
	x := mat.NewDense(n, len(columns), nil)
	for r := 0; r < n; r++ {
		i := r
		if rows != nil {
			i = rows[r]
		}
		for j, c := range columns {
			v := cat.Tracks[i].Value(c)
			if math.IsNaN(v) {
				return nil, fmt.Errorf("track %s has no %s value", cat.Tracks[i].ID, c)
			}
			x.Set(r, j, v)
		}
	}
	return x, nil
}

// Scaling is a fitted standardisation of columns, z = (x - Mean) / Scale,
// with the meaning of scikit-learn's StandardScaler: Mean is each column's
// mean and Scale its population standard deviation, except that a constant
// column (embed.StandardScaler's rule) gets Scale 1, so its z is 0.
type Scaling struct {
	Mean, Scale []float64
}

// FitScaling fits a Scaling to the columns of x with embed.StandardScaler,
// setting aside the columns it finds constant.
func FitScaling(x mat.Matrix) (Scaling, error) {
	_, c := x.Dims()
	s := Scaling{Mean: make([]float64, c), Scale: make([]float64, c)}
	cols := make([]int, c) // the columns still to fit
	for j := range cols {
		cols[j] = j
	}
	for len(cols) > 0 {
		var es embed.StandardScaler
		err := es.Fit(columnsOf(x, cols))
		var ce *embed.ConstantColumnError
		if errors.As(err, &ce) {
			j := cols[ce.Col]
			s.Mean[j], s.Scale[j] = stat.Mean(mat.Col(nil, j, x), nil), 1
			cols = slices.Delete(cols, ce.Col, ce.Col+1)
			continue
		}
		if err != nil {
			return Scaling{}, err
		}
		for k, j := range cols {
			s.Mean[j], s.Scale[j] = es.Mean()[k], es.Scale()[k]
		}
		break
	}
	return s, nil
}

// Apply returns the standardised x.
//
// Apply panics if x's column count differs from the fitted one.
func (s Scaling) Apply(x mat.Matrix) *mat.Dense {
	r, c := x.Dims()
	if c != len(s.Mean) {
		panic("songs: Scaling.Apply: column count differs from the fitted data")
	}
	z := mat.NewDense(r, c, nil)
	for i := 0; i < r; i++ {
		row := z.RawRowView(i)
		for j := range row {
			row[j] = (x.At(i, j) - s.Mean[j]) / s.Scale[j]
		}
	}
	return z
}

// columnsOf returns the listed columns of x.
func columnsOf(x mat.Matrix, cols []int) *mat.Dense {
	r, _ := x.Dims()
	out := mat.NewDense(r, len(cols), nil)
	for k, j := range cols {
		out.SetCol(k, mat.Col(nil, j, x))
	}
	return out
}

// Standardised returns the columns of the catalog standardised by their
// Scaling (scikit-learn's StandardScaler: population standard deviation,
// a constant column 0), the one standardisation of the study, and the
// Scaling itself.
func Standardised(cat *catalog.Catalog, columns []string) (*mat.Dense, Scaling, error) {
	return standardisedRows(cat, nil, columns)
}

// standardisedRows is Standardised of the tracks at rows (every track when
// rows is nil), scaled by their own means and deviations.
func standardisedRows(cat *catalog.Catalog, rows []int, columns []string) (*mat.Dense, Scaling, error) {
	x, err := matrixRows(cat, rows, columns)
	if err != nil {
		return nil, Scaling{}, err
	}
	s, err := FitScaling(x)
	if err != nil {
		return nil, Scaling{}, err
	}
	return s.Apply(x), s, nil
}
