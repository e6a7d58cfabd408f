package benchops

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/embed"
)

// Features are the 11 feature columns every operation except load uses,
// in the reference script's order.
var Features = []string{
	"acousticness", "danceability", "energy", "instrumentalness", "liveness",
	"loudness", "speechiness", "tempo", "valence", "popularity", "duration_ms",
}

// ReadFeatures reads the Features columns of a CSV file with a header row
// into an n×11 matrix. It returns an error naming the file and line if a
// column is missing or a value is not a number.
func ReadFeatures(path string) (*mat.Dense, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	col := make([]int, len(Features))
	for j, name := range Features {
		col[j] = -1
		for i, h := range header {
			if strings.TrimPrefix(h, "\ufeff") == name {
				col[j] = i
				break
			}
		}
		if col[j] < 0 {
			return nil, fmt.Errorf("%s: no column %q", path, name)
		}
	}
	data := make([]float64, 0, 1<<16)
	line := 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for j, c := range col {
			v, err := strconv.ParseFloat(rec[c], 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: column %s: %w", path, line, Features[j], err)
			}
			data = append(data, v)
		}
	}
	n := len(data) / len(Features)
	if n == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return mat.NewDense(n, len(Features), data), nil
}

// Standardise replaces every column of x by (x - mean) / std, with the
// population standard deviation, as sklearn.preprocessing.StandardScaler.
func Standardise(x *mat.Dense) error {
	var s embed.StandardScaler
	if err := s.Fit(x); err != nil {
		return err
	}
	return s.Transform(x, x)
}
