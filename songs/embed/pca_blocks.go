package embed

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// maxBlocks bounds the number of row blocks of a parallel loop. The number
// of blocks depends only on the number of rows, never on GOMAXPROCS, and
// partial results are reduced in block order, so results do not depend on
// the number of cores.
const maxBlocks = 64

// rowBlocks returns the number of blocks for n rows when a block should
// hold at least minRows rows.
func rowBlocks(n, minRows int) int {
	if n <= 0 {
		return 0
	}
	nb := (n + minRows - 1) / minRows
	return min(max(nb, 1), maxBlocks)
}

// blockRange returns the rows [lo, hi) of block b of nb over n rows.
func blockRange(n, nb, b int) (lo, hi int) {
	return b * n / nb, (b + 1) * n / nb
}

// forBlocks calls fn(b, lo, hi) for each of nb blocks of n rows, on up to
// GOMAXPROCS goroutines. Each block is handled by exactly one call; the
// order of calls is unspecified, so fn must write only to block-indexed
// state.
func forBlocks(n, nb int, fn func(b, lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), nb)
	if workers <= 1 {
		for b := 0; b < nb; b++ {
			lo, hi := blockRange(n, nb, b)
			fn(b, lo, hi)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				b := int(next.Add(1)) - 1
				if b >= nb {
					return
				}
				lo, hi := blockRange(n, nb, b)
				fn(b, lo, hi)
			}
		}()
	}
	wg.Wait()
}
