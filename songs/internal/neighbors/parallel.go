package neighbors

import (
	"runtime"
	"sync"
)

// DefaultBlocks is the number of blocks ForBlocks splits a range into when
// called with blocks <= 0. It is a constant, never derived from the number of
// cores, so that any reduction over blocks is done in the same order on every
// machine.
const DefaultBlocks = 64

// ForBlocks splits [0, n) into the given number of contiguous blocks (fewer if
// n is smaller) and calls fn(block, lo, hi) once for each, running up to
// GOMAXPROCS blocks at a time. The split depends only on n and blocks, so a
// caller that writes per-row results, or per-block partial results reduced in
// block order, gets the same answer on any number of cores. ForBlocks returns
// when every call has returned.
func ForBlocks(n, blocks int, fn func(block, lo, hi int)) {
	if n <= 0 {
		return
	}
	if blocks <= 0 {
		blocks = DefaultBlocks
	}
	if blocks > n {
		blocks = n
	}
	workers := runtime.GOMAXPROCS(0)
	if workers > blocks {
		workers = blocks
	}
	bounds := func(b int) (int, int) {
		return b * n / blocks, (b + 1) * n / blocks
	}
	if workers <= 1 {
		for b := 0; b < blocks; b++ {
			lo, hi := bounds(b)
			fn(b, lo, hi)
		}
		return
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				b := next
				next++
				mu.Unlock()
				if b >= blocks {
					return
				}
				lo, hi := bounds(b)
				fn(b, lo, hi)
			}
		}()
	}
	wg.Wait()
}
