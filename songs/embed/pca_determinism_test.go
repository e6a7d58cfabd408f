package embed

import (
	"runtime"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestCoreCountIndependence checks that PCA, FastICA and Trustworthiness
// give bit-identical results on 1 and 4 threads: work is split into a
// fixed number of blocks reduced in a fixed order.
func TestCoreCountIndependence(t *testing.T) {
	x := benchICAData(20000, 6)
	run := func(procs int) (pcaScores, icaSources *mat.Dense, tw float64) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var p PCA
		pcaScores = &mat.Dense{}
		if err := p.FitTransform(pcaScores, x); err != nil {
			t.Fatal(err)
		}
		f := FastICA{Seed: 5, MaxIter: 20}
		icaSources = &mat.Dense{}
		if err := f.FitTransform(icaSources, x); err != nil {
			t.Fatal(err)
		}
		small := mat.DenseCopyOf(x.Slice(0, 1500, 0, 6))
		var err error
		tw, err = Trustworthiness(small, pcaScores.Slice(0, 1500, 0, 2), 10)
		if err != nil {
			t.Fatal(err)
		}
		return pcaScores, icaSources, tw
	}
	p1, s1, t1 := run(1)
	p4, s4, t4 := run(4)
	if !mat.Equal(p1, p4) || !mat.Equal(s1, s4) || t1 != t4 {
		t.Errorf("results depend on GOMAXPROCS (PCA equal %v, ICA equal %v, trustworthiness %v vs %v)",
			mat.Equal(p1, p4), mat.Equal(s1, s4), t1, t4)
	}
}
