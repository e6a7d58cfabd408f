package embed

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func TestPowPos(t *testing.T) {
	// Reference: math.Pow.
	for _, y := range []float64{0.8950608781603486, -0.1049391218396514, 1, 2.5, -3} {
		for x := 1e-12; x < 1e12; x *= 1.37 {
			if y == -3 && x > 1e100 {
				break
			}
			want := math.Pow(x, y)
			// The logarithm carries an absolute error below 4e-8, so the
			// relative error of x^y is about |y| times it.
			tol := 1e-8 + 5e-8*math.Abs(y)
			if got := powPos(x, y); !scalar.EqualWithinRel(got, want, tol) {
				t.Fatalf("powPos(%g, %g) = %g, want %g", x, y, got, want)
			}
		}
	}
	// Subnormal arguments fall back to math.Pow itself.
	for _, x := range []float64{5e-324, 1e-310} {
		if got, want := powPos(x, 0.9), math.Pow(x, 0.9); got != want {
			t.Errorf("powPos(%g, 0.9) = %g, want %g", x, got, want)
		}
	}
}

func BenchmarkPowPos(b *testing.B) {
	var s float64
	x := 0.37
	for i := 0; i < b.N; i++ {
		s += powPos(x, 0.895)
		x += 1e-9
	}
	powSink = s
}

func BenchmarkMathPow(b *testing.B) {
	var s float64
	x := 0.37
	for i := 0; i < b.N; i++ {
		s += math.Exp(0.895 * math.Log(x))
		x += 1e-9
	}
	powSink = s
}

var powSink float64
