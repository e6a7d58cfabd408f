package songs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// ModelFile is the saved cohort model in the processed folder.
const ModelFile = "model.json"

// Model is the fitted cohort pipeline saved to data/processed/model.json,
// enough to assign tracks outside the catalog to the cohorts without
// refitting: standardise the features with the catalog's scaler, then take
// the nearest centre (K-Means, Ward) or the most probable mixture component
// (GMM). The cohorts' feature set, ImprovedSet, uses no PCA.
type Model struct {
	// Catalog names the catalog the model was fitted on; DataChecksums are
	// the SHA-256 sums of its raw files and Seed the seed of the fit.
	Catalog       string   `json:"catalog"`
	DataChecksums []string `json:"data_checksums"`
	Seed          uint64   `json:"seed"`
	// FeatureSet names the feature set; Features are its columns in
	// order, standardised as z = (x - ScalerMean) / ScalerScale
	// (scikit-learn's StandardScaler, population standard deviation).
	FeatureSet  string    `json:"feature_set"`
	Features    []string  `json:"features"`
	ScalerMean  []float64 `json:"scaler_mean"`
	ScalerScale []float64 `json:"scaler_scale"`
	// Algorithm is AlgKMeans, AlgWard or AlgGMM and K the number of
	// cohorts, numbered 0..K-1 by decreasing size.
	Algorithm string `json:"algorithm"`
	K         int    `json:"k"`
	// Centres holds each cohort's centre in the standardised space: the
	// fitted K-Means centres, the cohort means for Ward, the component
	// means for GMM.
	Centres [][]float64 `json:"centres"`
	// Mixture holds the Gaussian mixture (GMM only), components in cohort
	// order.
	Mixture *Mixture `json:"mixture,omitempty"`
	// CohortNames and CohortSizes describe the cohorts (Profiles).
	CohortNames []string `json:"cohort_names"`
	CohortSizes []int    `json:"cohort_sizes"`
}

// Mixture holds a Gaussian mixture with full covariances: the mixing
// weights, the means and the covariance matrices (row-major d x d).
type Mixture struct {
	Weights     []float64   `json:"weights"`
	Means       [][]float64 `json:"means"`
	Covariances [][]float64 `json:"covariances"`
}

// BuildModel refits the chosen clustering of v on ImprovedSet (checking
// that it reproduces v's cohorts) and returns the model to save. profiles
// are the cohorts' profiles (Profiles) and checksums the raw data's sums
// (DataChecksums).
func BuildModel(cat *catalog.Catalog, v *Validation, profiles []Cohort, checksums []string) (*Model, error) {
	if len(profiles) != v.Chosen.K {
		panic("songs: BuildModel needs one profile per cohort")
	}
	f, err := refitCohorts(cat, v)
	if err != nil {
		return nil, err
	}
	return f.model(v, profiles, checksums), nil
}

// model returns the model of a refit.
func (f *cohortFit) model(v *Validation, profiles []Cohort, checksums []string) *Model {
	m := &Model{
		DataChecksums: checksums, Seed: v.Seed,
		FeatureSet: ImprovedSet.Name, Features: f.prep.Set.Columns,
		ScalerMean: f.prep.Scaling.Mean, ScalerScale: f.prep.Scaling.Scale,
		Algorithm: v.Chosen.Algorithm, K: v.Chosen.K, Centres: f.centres,
	}
	for _, c := range profiles {
		m.CohortNames = append(m.CohortNames, c.Name)
		m.CohortSizes = append(m.CohortSizes, c.Size)
	}
	if f.gmm != nil {
		mx := &Mixture{}
		for _, o := range f.order {
			mx.Weights = append(mx.Weights, f.gmm.Weights[o])
			mx.Means = append(mx.Means, mat.Row(nil, o, f.gmm.Means))
			cov := f.gmm.Covariances[o]
			d := cov.SymmetricDim()
			flat := make([]float64, 0, d*d)
			for i := 0; i < d; i++ {
				for j := 0; j < d; j++ {
					flat = append(flat, cov.At(i, j))
				}
			}
			mx.Covariances = append(mx.Covariances, flat)
		}
		m.Mixture = mx
	}
	return m
}

// Save writes the model as indented JSON to path atomically, creating its
// folder. Numbers are written in their shortest exact form, so the same
// model always gives the same bytes.
func (m *Model) Save(path string) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, append(b, '\n'), 0o644)
}

// LoadModel reads a model saved by Save and checks that it is complete.
// When the file does not exist the error says which target makes it.
func LoadModel(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s does not exist yet: run notebook 04-insights first (make output/04-insights.html), or `songs cohorts`", ErrMissingInput, path)
	}
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m Model
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}

// check reports an inconsistent model.
func (m *Model) check() error {
	d := len(m.Features)
	switch {
	case d == 0:
		return errors.New("model has no features")
	case len(m.ScalerMean) != d || len(m.ScalerScale) != d:
		return errors.New("model's scaler does not match its features")
	case m.K < 1 || len(m.Centres) != m.K || len(m.CohortNames) != m.K:
		return fmt.Errorf("model has k=%d but %d centres and %d names", m.K, len(m.Centres), len(m.CohortNames))
	}
	for _, c := range m.Centres {
		if len(c) != d {
			return errors.New("model's centres do not match its features")
		}
	}
	for _, s := range m.ScalerScale {
		if !(s > 0) {
			return errors.New("model's scaler has a non-positive scale")
		}
	}
	switch m.Algorithm {
	case AlgKMeans, AlgWard:
	case AlgGMM:
		mx := m.Mixture
		if mx == nil || len(mx.Weights) != m.K || len(mx.Means) != m.K || len(mx.Covariances) != m.K {
			return errors.New("GMM model without a complete mixture")
		}
		for c := range mx.Means {
			if len(mx.Means[c]) != d || len(mx.Covariances[c]) != d*d {
				return errors.New("model's mixture does not match its features")
			}
		}
	default:
		return fmt.Errorf("unknown algorithm %q", m.Algorithm)
	}
	return nil
}

// Scale returns the catalog's tracks as rows of the model's standardised
// features. A track without one of the features is an error.
func (m *Model) Scale(cat *catalog.Catalog) (*mat.Dense, error) {
	x, err := Matrix(cat, m.Features)
	if err != nil {
		return nil, err
	}
	n, d := x.Dims()
	for i := 0; i < n; i++ {
		row := x.RawRowView(i)
		for j := 0; j < d; j++ {
			row[j] = (row[j] - m.ScalerMean[j]) / m.ScalerScale[j]
		}
	}
	return x, nil
}

// Assign returns the cohort of every track of cat without refitting: the
// nearest centre for K-Means and Ward, the most probable mixture component
// for GMM (as GaussianMixture.Predict). Ties go to the lower cohort.
func (m *Model) Assign(cat *catalog.Catalog) ([]int, error) {
	z, err := m.Scale(cat)
	if err != nil {
		return nil, err
	}
	if m.Algorithm == AlgGMM {
		return m.Mixture.predict(z)
	}
	n, _ := z.Dims()
	out := make([]int, n)
	for i := range out {
		out[i], _ = nearest(z.RawRowView(i), m.Centres)
	}
	return out, nil
}

// nearest returns the index of the centre nearest row and its distance.
func nearest(row []float64, centres [][]float64) (int, float64) {
	best, bestD := 0, math.Inf(1)
	for c, ctr := range centres {
		if d := floats.Distance(row, ctr, 2); d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD
}

// predict returns the most probable component of every row of z: the
// largest log w_c + log N(z | mu_c, Sigma_c) (Bishop 2006, eq. 9.23).
func (mx *Mixture) predict(z *mat.Dense) ([]int, error) {
	n, d := z.Dims()
	k := len(mx.Weights)
	chols := make([]mat.Cholesky, k)
	logNorm := make([]float64, k)
	for c := 0; c < k; c++ {
		cov := mat.NewSymDense(d, append([]float64(nil), mx.Covariances[c]...))
		if ok := chols[c].Factorize(cov); !ok {
			return nil, fmt.Errorf("mixture component %d: covariance is not positive definite", c)
		}
		logNorm[c] = math.Log(mx.Weights[c]) - 0.5*(float64(d)*math.Log(2*math.Pi)+chols[c].LogDet())
	}
	out := make([]int, n)
	diff := mat.NewVecDense(d, nil)
	var sol mat.VecDense
	for i := 0; i < n; i++ {
		best, bestL := 0, math.Inf(-1)
		for c := 0; c < k; c++ {
			floats.SubTo(diff.RawVector().Data, z.RawRowView(i), mx.Means[c])
			if err := chols[c].SolveVecTo(&sol, diff); err != nil {
				return nil, fmt.Errorf("mixture component %d: %w", c, err)
			}
			if l := logNorm[c] - 0.5*mat.Dot(diff, &sol); l > bestL {
				best, bestL = c, l
			}
		}
		out[i] = best
	}
	return out, nil
}
