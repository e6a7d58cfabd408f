package cluster

import (
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"testing"
)

func TestKMFingerprintScratch(t *testing.T) {
	if os.Getenv("KM_FINGER") == "" {
		t.Skip()
	}
	b := &testing.B{}
	_ = b
	x := kmBenchData(nil, 30000)
	out, _ := os.Create(os.Getenv("KM_FINGER"))
	defer out.Close()
	for _, algo := range []KMeansAlgorithm{Hamerly, Lloyd} {
		for _, k := range []int{1, 2, 3, 5, 8, 10} {
			for _, seed := range []uint64{0, 7} {
				km := KMeans{K: k, Seed: seed, Algorithm: algo, NInit: 3}
				if err := km.Fit(x, nil); err != nil {
					t.Fatal(err)
				}
				h := fnv.New64a()
				for _, l := range km.Labels {
					h.Write([]byte{byte(l)})
				}
				var cb uint64
				for _, v := range km.Centres.RawMatrix().Data {
					cb = cb*31 + math.Float64bits(v)
				}
				fmt.Fprintf(out, "algo=%d k=%d seed=%d inertia=%x niter=%d labels=%x centres=%x\n", algo, k, seed, math.Float64bits(km.Inertia), km.NIter, h.Sum64(), cb)
			}
		}
	}
}
