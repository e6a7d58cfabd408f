package embed

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/goldentest"
)

// TestScalersGolden compares the scalers with scikit-learn 1.2.1
// (sklearn.preprocessing.{Standard,Robust,MinMax}Scaler, see the "source"
// fields of testdata/golden_linear.json).
func TestScalersGolden(t *testing.T) {
	g := loadLinearGolden(t)
	x, x2 := goldentest.Dense(g.Scalers.X), goldentest.Dense(g.Scalers.X2)
	const tol = 1e-12

	var st StandardScaler
	if err := st.Fit(x); err != nil {
		t.Fatal(err)
	}
	sameSlice(t, "standard mean", st.Mean(), g.Scalers.Standard.Mean, tol)
	sameSlice(t, "standard scale", st.Scale(), g.Scalers.Standard.Scale, tol)
	checkScalerTransform(t, "standard", &st, x2, g.Scalers.Standard.Transform, tol)

	for _, c := range []scalerGolden{g.Scalers.Robust, g.Scalers.Robust1090} {
		rs := RobustScaler{Low: c.Low, High: c.High}
		if c.Low == 25 && c.High == 75 {
			rs = RobustScaler{} // the zero value means 25, 75
		}
		if err := rs.Fit(x); err != nil {
			t.Fatal(err)
		}
		sameSlice(t, "robust center", rs.Center(), c.Center, tol)
		sameSlice(t, "robust scale", rs.Scale(), c.Scale, tol)
		checkScalerTransform(t, "robust", &rs, x2, c.Transform, tol)
	}

	for _, c := range []scalerGolden{g.Scalers.MinMax, g.Scalers.MinMaxM23} {
		ms := MinMaxScaler{Min: c.Min, Max: c.Max}
		if err := ms.Fit(x); err != nil {
			t.Fatal(err)
		}
		sameSlice(t, "minmax data min", ms.DataMin(), c.DataMin, tol)
		sameSlice(t, "minmax data max", ms.DataMax(), c.DataMax, tol)
		checkScalerTransform(t, "minmax", &ms, x2, c.Transform, tol)
	}
}

// checkScalerTransform checks Transform against want and that
// InverseTransform returns x2, also when transforming in place.
func checkScalerTransform(t *testing.T, name string, s Scaler, x2 *mat.Dense, want [][]float64, tol float64) {
	t.Helper()
	var z mat.Dense
	if err := s.Transform(&z, x2); err != nil {
		t.Fatal(err)
	}
	sameMatrix(t, name+" transform", &z, want, tol)
	var back mat.Dense
	if err := s.InverseTransform(&back, &z); err != nil {
		t.Fatal(err)
	}
	if !mat.EqualApprox(&back, x2, 1e-9) {
		t.Errorf("%s: inverse transform does not recover the input", name)
	}
	inPlace := mat.DenseCopyOf(x2)
	if err := s.Transform(inPlace, inPlace); err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(inPlace, &z) {
		t.Errorf("%s: in-place transform differs", name)
	}
}

func TestScalersBadData(t *testing.T) {
	constant := mat.NewDense(4, 3, []float64{
		1, 5, 2,
		2, 5, 3,
		3, 5, 4,
		4, 5, 9,
	})
	nan := mat.NewDense(2, 2, []float64{1, 2, math.NaN(), 4})
	inf := mat.NewDense(2, 2, []float64{1, math.Inf(1), 3, 4})
	for _, s := range []Scaler{&StandardScaler{}, &RobustScaler{}, &MinMaxScaler{}} {
		err := s.Fit(constant)
		var ce *ConstantColumnError
		if !errors.As(err, &ce) || ce.Col != 1 {
			t.Errorf("%T constant column: got %v, want ConstantColumnError for column 1", s, err)
		}
		for _, x := range []*mat.Dense{nan, inf} {
			var ne *NonFiniteError
			if err := s.Fit(x); !errors.As(err, &ne) {
				t.Errorf("%T: Fit non-finite: got %v", s, err)
			}
		}
		good := mat.NewDense(3, 2, []float64{1, 2, 3, 5, 4, 9})
		if err := s.Fit(good); err != nil {
			t.Fatalf("%T: %v", s, err)
		}
		var ne *NonFiniteError
		var dst mat.Dense
		if err := s.Transform(&dst, nan); !errors.As(err, &ne) || ne.Row != 1 || ne.Col != 0 {
			t.Errorf("%T: Transform NaN: got %v", s, err)
		}
	}
	// A robust scaler needs a non-zero interquartile range, even for a
	// column that is not constant.
	mostlyZero := mat.NewDense(5, 1, []float64{0, 0, 0, 0, 7})
	var rs RobustScaler
	var ce *ConstantColumnError
	if err := rs.Fit(mostlyZero); !errors.As(err, &ce) {
		t.Errorf("robust zero IQR: got %v", err)
	}
}

func TestScalersPanics(t *testing.T) {
	cases := map[string]func(){
		"unfitted": func() {
			var s StandardScaler
			var dst mat.Dense
			_ = s.Transform(&dst, mat.NewDense(1, 1, nil))
		},
		"columns": func() {
			var s MinMaxScaler
			_ = s.Fit(mat.NewDense(2, 2, []float64{1, 2, 3, 4}))
			var dst mat.Dense
			_ = s.Transform(&dst, mat.NewDense(1, 3, nil))
		},
		"range": func() {
			s := RobustScaler{Low: 80, High: 20}
			_ = s.Fit(mat.NewDense(2, 1, []float64{1, 2}))
		},
		"dst": func() {
			var s StandardScaler
			_ = s.Fit(mat.NewDense(2, 1, []float64{1, 2}))
			_ = s.Transform(mat.NewDense(3, 1, nil), mat.NewDense(2, 1, []float64{1, 2}))
		},
	}
	expectPanics(t, cases)
}
