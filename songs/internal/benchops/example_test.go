package benchops_test

import (
	"fmt"
	"os"

	"github.com/songcohorts/cohorts/songs/internal/benchops"
)

// ExampleRun runs one op in this process, as `songs bench _worker` does,
// and prints its quality figures. The timing fields vary from run to run.
func ExampleRun() {
	r := benchops.Run("ward", benchops.Config{CSV: "testdata/songs_120.csv", K: 8})
	n, _ := r.Float("n")
	wss, _ := r.Float("wss")
	sizes, _ := r.Get("sizes")
	fmt.Printf("n=%.0f wss=%.4f sizes=%v\n", n, wss, sizes)
	// Output:
	// n=120 wss=735.6136 sizes=[29 19 19 16 13 9 9 6]
}

// ExampleRecord_Line prints a record as the reference script prints its
// JSON lines.
func ExampleRecord_Line() {
	r := benchops.NewRecord()
	r.Set("impl", "go")
	r.Set("op", "kmeans")
	r.Set("n", 1600)
	r.Set("inertia", 9631.5959)
	r.Set("sizes", []int{221, 219})
	b, _ := r.Line()
	os.Stdout.Write(append(b, '\n'))
	// Output:
	// {"impl": "go", "op": "kmeans", "n": 1600, "inertia": 9631.5959, "sizes": [221, 219]}
}
