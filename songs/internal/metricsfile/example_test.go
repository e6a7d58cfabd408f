package metricsfile_test

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/internal/metricsfile"
)

func ExampleCanonicalJSON() {
	b, _ := metricsfile.CanonicalJSON(map[string]any{"silhouette": map[string]float64{"3": 0.4125, "2": 0.3875}, "k": 3})
	fmt.Print(string(b))
	// Output:
	// {
	//   "k": 3,
	//   "silhouette": {
	//     "2": 0.3875,
	//     "3": 0.4125
	//   }
	// }
}
