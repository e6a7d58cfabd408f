package songs

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/embed"
)

// Matrix returns the tracks' values of the given numeric columns as an
// n x len(columns) matrix, row i being Tracks[i]. A missing value is an
// error naming the track and column: cleaned catalogs have none.
func Matrix(cat *catalog.Catalog, columns []string) (*mat.Dense, error) {
	if len(cat.Tracks) == 0 {
		return nil, catalog.ErrNoData
	}
	x := mat.NewDense(len(cat.Tracks), len(columns), nil)
	for i := range cat.Tracks {
		for j, c := range columns {
			v := cat.Tracks[i].Value(c)
			if math.IsNaN(v) {
				return nil, fmt.Errorf("track %s has no %s value", cat.Tracks[i].ID, c)
			}
			x.Set(i, j, v)
		}
	}
	return x, nil
}

// Standardised returns the columns standardised with the population
// standard deviation (scikit-learn's StandardScaler) and the fitted scaler.
func Standardised(cat *catalog.Catalog, columns []string) (*mat.Dense, *embed.StandardScaler, error) {
	x, err := Matrix(cat, columns)
	if err != nil {
		return nil, nil, err
	}
	var s embed.StandardScaler
	var z mat.Dense
	if err := s.FitTransform(&z, x); err != nil {
		return nil, nil, err
	}
	return &z, &s, nil
}
