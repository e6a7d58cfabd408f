package report

import (
	"fmt"
	"testing"
)

func BenchmarkTableHTML(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		rows := make([][]string, n)
		for i := range rows {
			rows[i] = []string{hostile[i%len(hostile)], fmt.Sprint(i), "0.5"}
		}
		t := Table{Headers: []string{"title", "n", "x"}, Rows: rows}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				_ = t.HTML()
			}
		})
	}
}
