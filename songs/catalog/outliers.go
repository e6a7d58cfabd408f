package catalog

import (
	"math"

	"github.com/songcohorts/cohorts/songs/stats"
)

// OutlierReport counts, for one numeric column, the values beyond Tukey's
// fences and those with a robust |z| above RobustZLimit.
type OutlierReport struct {
	Column   string
	Fences   stats.Fences
	IQR      int // values on or beyond the fences (stats.Fences.Outside)
	RobustZ  int // values with |modified z| > RobustZLimit
	Min, Max float64
}

// RobustZLimit is Iglewicz and Hoaglin's cut-off for modified z-scores.
const RobustZLimit = 3.5

// Outliers reports every numeric column of the catalog, in the original
// study's column order. It flags; it removes nothing.
func Outliers(cat *Catalog) []OutlierReport {
	var out []OutlierReport
	for _, col := range cat.NumericColumns() {
		x := cat.Column(col)
		r := OutlierReport{Column: col, Fences: stats.TukeyFences(x), Min: math.Inf(1), Max: math.Inf(-1)}
		for _, v := range x {
			if math.IsNaN(v) {
				continue
			}
			if r.Fences.Outside(v) {
				r.IQR++
			}
			r.Min, r.Max = math.Min(r.Min, v), math.Max(r.Max, v)
		}
		for _, z := range stats.RobustZ(x) {
			if math.Abs(z) > RobustZLimit {
				r.RobustZ++
			}
		}
		out = append(out, r)
	}
	return out
}
