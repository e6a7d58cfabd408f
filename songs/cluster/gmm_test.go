package cluster

import (
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

type kmGoldenGMMCase struct {
	Name           string      `json:"name"`
	CovType        string      `json:"covariance_type"`
	MaxIter        int         `json:"max_iter"`
	WeightsInit    []float64   `json:"weights_init"`
	MeansInit      [][]float64 `json:"means_init"`
	PrecisionsInit any         `json:"precisions_init"`
	Weights        []float64   `json:"weights"`
	Means          [][]float64 `json:"means"`
	Covariances    any         `json:"covariances"`
	LowerBound     float64     `json:"lower_bound"`
	NIter          int         `json:"n_iter"`
	Converged      bool        `json:"converged"`
	Score          float64     `json:"score"`
	BIC            float64     `json:"bic"`
	AIC            float64     `json:"aic"`
	Predict        []int       `json:"predict"`
	ProbaFirst5    [][]float64 `json:"proba_first5"`
}

type kmGoldenGMM struct {
	X      [][]float64       `json:"x"`
	Cases  []kmGoldenGMMCase `json:"cases"`
	Seeded []struct {
		CovType    string  `json:"covariance_type"`
		LowerBound float64 `json:"lower_bound"`
		Predict    []int   `json:"predict"`
	} `json:"seeded"`
}

var kmCovTypes = map[string]CovarianceType{"full": FullCovariance, "tied": TiedCovariance,
	"diag": DiagCovariance, "spherical": SphericalCovariance}

// kmFlatten flattens nested JSON arrays of numbers.
func kmFlatten(v any) []float64 {
	switch t := v.(type) {
	case float64:
		return []float64{t}
	case []any:
		var out []float64
		for _, e := range t {
			out = append(out, kmFlatten(e)...)
		}
		return out
	}
	panic("unexpected JSON value")
}

// TestGaussianMixtureGolden compares with sklearn.mixture.GaussianMixture
// from identical weights_init, means_init and precisions_init
// (testdata/gen_golden_kmeans.py): weights, means, covariances, lower
// bound, score, BIC and AIC to 1e-6, same iteration count, convergence
// flag and predictions.
func TestGaussianMixtureGolden(t *testing.T) {
	var g kmGoldenGMM
	goldentest.ReadInto(t, "testdata/golden_kmeans_gmm.json", &g)
	x := goldentest.Dense(g.X)
	_, d := x.Dims()
	for _, c := range g.Cases {
		ct := kmCovTypes[c.CovType]
		flat := kmFlatten(c.PrecisionsInit)
		var prec [][]float64
		switch ct {
		case FullCovariance:
			for j := 0; j < 3; j++ {
				prec = append(prec, flat[j*d*d:(j+1)*d*d])
			}
		case TiedCovariance:
			prec = [][]float64{flat}
		case DiagCovariance:
			for j := 0; j < 3; j++ {
				prec = append(prec, flat[j*d:(j+1)*d])
			}
		case SphericalCovariance:
			for j := 0; j < 3; j++ {
				prec = append(prec, flat[j:j+1])
			}
		}
		gm := GaussianMixture{K: 3, Covariance: ct, MaxIter: c.MaxIter,
			WeightsInit: c.WeightsInit, MeansInit: goldentest.Dense(c.MeansInit), PrecisionsInit: prec}
		if err := gm.Fit(x); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		eq := func(what string, got, want float64) {
			if !scalar.EqualWithinAbsOrRel(got, want, 1e-6, 1e-6) {
				t.Errorf("%s: %s = %.10g, sklearn %.10g", c.Name, what, got, want)
			}
		}
		eq("lower bound", gm.LowerBound, c.LowerBound)
		eq("score", gm.Score(x), c.Score)
		eq("BIC", gm.BIC(x), c.BIC)
		eq("AIC", gm.AIC(x), c.AIC)
		if gm.NIter != c.NIter || gm.Converged != c.Converged {
			t.Errorf("%s: n_iter %d converged %v, sklearn %d %v", c.Name, gm.NIter, gm.Converged, c.NIter, c.Converged)
		}
		for j := 0; j < 3; j++ {
			eq("weight", gm.Weights[j], c.Weights[j])
			for f := 0; f < d; f++ {
				eq("mean", gm.Means.At(j, f), c.Means[j][f])
			}
		}
		cov := kmFlatten(c.Covariances)
		idx := 0
		for _, m := range gm.Covariances {
			for f := 0; f < d; f++ {
				switch ct {
				case FullCovariance, TiedCovariance:
					for h := 0; h < d; h++ {
						eq("covariance", m.At(f, h), cov[idx])
						idx++
					}
				case DiagCovariance:
					eq("variance", m.At(f, f), cov[idx])
					idx++
				case SphericalCovariance:
					if f == 0 {
						eq("variance", m.At(0, 0), cov[idx])
						idx++
					}
				}
			}
		}
		pred := gm.Predict(nil, x)
		for i, l := range c.Predict {
			if pred[i] != l {
				t.Errorf("%s: predict row %d = %d, sklearn %d", c.Name, i, pred[i], l)
				break
			}
		}
		proba := gm.PredictProba(nil, x)
		for i, row := range c.ProbaFirst5 {
			for j, v := range row {
				eq("proba", proba.At(i, j), v)
			}
		}
	}
}

// TestGaussianMixtureSeeded checks that our own k-means initialisation
// reaches a lower bound at least as good as sklearn's
// GaussianMixture(random_state=0) (to 1e-3 relative) with ARI >= 0.95.
func TestGaussianMixtureSeeded(t *testing.T) {
	var g kmGoldenGMM
	goldentest.ReadInto(t, "testdata/golden_kmeans_gmm.json", &g)
	x := goldentest.Dense(g.X)
	for _, s := range g.Seeded {
		gm := GaussianMixture{K: 3, Covariance: kmCovTypes[s.CovType], Seed: 3}
		if err := gm.Fit(x); err != nil {
			t.Fatal(err)
		}
		if gm.LowerBound < s.LowerBound-1e-3*kmAbs(s.LowerBound) {
			t.Errorf("%s: lower bound %.6f below sklearn %.6f", s.CovType, gm.LowerBound, s.LowerBound)
		}
		if ari := AdjustedRandIndex(gm.Predict(nil, x), s.Predict); ari < 0.95 {
			t.Errorf("%s: ARI %.4f with sklearn", s.CovType, ari)
		}
		if !gm.Converged {
			t.Errorf("%s: not converged", s.CovType)
		}
	}
}

func kmAbs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
