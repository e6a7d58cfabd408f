package embed

import (
	"fmt"
	"testing"
)

// BenchmarkTrustworthiness times Trustworthiness(x, y, 10) with 11
// input and 2 embedded dimensions, as the reference computes it on a
// 5000-row subsample.
func BenchmarkTrustworthiness(b *testing.B) {
	for _, n := range []int{1600, 5000, 10000} {
		x := benchData(n, 11)
		y := benchData(n, 2)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Trustworthiness(x, y, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
