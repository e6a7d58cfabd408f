package cluster

import "testing"

// TestKMeansPortableKernel checks that a fit with the portable distance
// loops (as on processors without AVX and FMA, and on other architectures)
// is identical to one with the assembly kernels.
func TestKMeansPortableKernel(t *testing.T) {
	if !kmHasAVX {
		t.Skip("the processor lacks AVX or FMA: only the portable kernel runs")
	}
	x := kmBlobs(20000, 11, 8, 4, 5)
	fast := KMeans{K: 8, Seed: 9, NInit: 3}
	if err := fast.Fit(x, nil); err != nil {
		t.Fatal(err)
	}
	kmHasAVX = false
	defer func() { kmHasAVX = true }()
	slow := KMeans{K: 8, Seed: 9, NInit: 3}
	if err := slow.Fit(x, nil); err != nil {
		t.Fatal(err)
	}
	if slow.Inertia != fast.Inertia || slow.NIter != fast.NIter {
		t.Errorf("portable inertia %v n_iter %d, kernel %v %d", slow.Inertia, slow.NIter, fast.Inertia, fast.NIter)
	}
	for i := range fast.Labels {
		if slow.Labels[i] != fast.Labels[i] {
			t.Fatalf("portable label %d = %d, kernel %d", i, slow.Labels[i], fast.Labels[i])
		}
	}
}
