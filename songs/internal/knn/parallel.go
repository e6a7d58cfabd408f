package knn

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

var inf = math.Inf(1)

func sqrt(x float64) float64 { return math.Sqrt(x) }

// forBlocks calls f(b) for every block b in [0, n), on up to GOMAXPROCS
// goroutines. Each block writes only its own outputs, so the result does not
// depend on which goroutine runs which block.
func forBlocks(n int, f func(b int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for b := 0; b < n; b++ {
			f(b)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for {
				b := int(next.Add(1)) - 1
				if b >= n {
					return
				}
				f(b)
			}
		}()
	}
	wg.Wait()
}
