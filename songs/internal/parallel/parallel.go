package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// MaxBlocks is the largest number of blocks Blocks returns, and the number
// For uses when called with nb <= 0.
const MaxBlocks = 64

// Blocks returns the number of blocks for n items when a block should hold
// at least minItems of them: ceil(n/minItems), at least 1 and at most
// MaxBlocks, or 0 when n is 0. It depends on n and minItems only.
func Blocks(n, minItems int) int {
	if n <= 0 {
		return 0
	}
	m := max(minItems, 1)
	return min(max((n+m-1)/m, 1), MaxBlocks)
}

// For calls fn(b, lo, hi) once for each block b of [0, n), block b being
// [b*n/nb, (b+1)*n/nb), on up to GOMAXPROCS goroutines, and returns when
// every call has returned. nb <= 0 means MaxBlocks; more blocks than items
// are cut to n blocks of one item. The blocks depend only on n and nb, and
// the order of the calls is unspecified, so fn must write only its own
// block's results; a caller reduces per-block partial results in block
// order to get the same answer on any number of cores.
func For(n, nb int, fn func(b, lo, hi int)) {
	if n <= 0 {
		return
	}
	if nb <= 0 {
		nb = MaxBlocks
	}
	nb = min(nb, n)
	workers := min(runtime.GOMAXPROCS(0), nb)
	if workers <= 1 {
		for b := 0; b < nb; b++ {
			fn(b, b*n/nb, (b+1)*n/nb)
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
				if b >= nb {
					return
				}
				fn(b, b*n/nb, (b+1)*n/nb)
			}
		}()
	}
	wg.Wait()
}

// Run runs the tasks side by side and returns the error of the first task,
// in argument order, that failed, after all have returned. Each task must
// write only its own results; then the results do not depend on the order
// in which the tasks finish.
func Run(tasks ...func() error) error {
	errs := make([]error, len(tasks))
	var wg sync.WaitGroup
	wg.Add(len(tasks))
	for i, task := range tasks {
		go func() {
			defer wg.Done()
			errs[i] = task()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
