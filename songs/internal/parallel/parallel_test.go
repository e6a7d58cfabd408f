package parallel

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

// blockSums returns, per block, the sum of 1/(i+1) over the block's items.
func blockSums(n, nb int) []float64 {
	part := make([]float64, max(nb, MaxBlocks))
	For(n, nb, func(b, lo, hi int) {
		for i := lo; i < hi; i++ {
			part[b] += 1 / float64(i+1)
		}
	})
	return part
}

func TestForIndependentOfCores(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, c := range []struct{ n, nb int }{{1000, 7}, {1000, 0}, {5, 64}, {64, 64}, {1, 3}} {
		runtime.GOMAXPROCS(1)
		one := blockSums(c.n, c.nb)
		runtime.GOMAXPROCS(4)
		four := blockSums(c.n, c.nb)
		for b := range one {
			if one[b] != four[b] {
				t.Fatalf("n=%d nb=%d block %d: %v on one core, %v on four", c.n, c.nb, b, one[b], four[b])
			}
		}
	}
}

func TestForVisitsEveryItemOnce(t *testing.T) {
	for _, c := range []struct{ n, nb, blocks int }{{10, 0, 10}, {10, 3, 3}, {1000, 0, MaxBlocks}, {7, 100, 7}, {0, 4, 0}} {
		seen := make([]int, c.n)
		var calls atomic.Int64
		For(c.n, c.nb, func(b, lo, hi int) {
			calls.Add(1)
			// Block b is [b*n/nb, (b+1)*n/nb) of the effective count.
			if lo != b*c.n/c.blocks || hi != (b+1)*c.n/c.blocks {
				t.Errorf("n=%d nb=%d: block %d is [%d, %d)", c.n, c.nb, b, lo, hi)
			}
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		if int(calls.Load()) != c.blocks {
			t.Errorf("n=%d nb=%d: %d calls, want %d", c.n, c.nb, calls.Load(), c.blocks)
		}
		for i, s := range seen {
			if s != 1 {
				t.Fatalf("n=%d nb=%d: item %d visited %d times", c.n, c.nb, i, s)
			}
		}
	}
}

func TestBlocks(t *testing.T) {
	for _, c := range []struct{ n, min, want int }{{0, 8, 0}, {1, 8, 1}, {8, 8, 1}, {9, 8, 2}, {1 << 20, 8, MaxBlocks}, {5, 0, 5}} {
		if got := Blocks(c.n, c.min); got != c.want {
			t.Errorf("Blocks(%d, %d) = %d, want %d", c.n, c.min, got, c.want)
		}
	}
}

func TestRunReportsFirstErrorInArgumentOrder(t *testing.T) {
	first, second := errors.New("first"), errors.New("second")
	var done [3]bool
	err := Run(
		func() error { done[0] = true; return nil },
		func() error { done[1] = true; return first },
		func() error { done[2] = true; return second },
	)
	if err != first {
		t.Errorf("Run returned %v, want %v", err, first)
	}
	if done != [3]bool{true, true, true} {
		t.Errorf("tasks run: %v", done)
	}
	if err := Run(); err != nil {
		t.Errorf("Run of no task: %v", err)
	}
}
