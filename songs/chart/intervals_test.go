package chart

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestIntervalBars(t *testing.T) {
	nan := math.NaN()
	groups := []string{"1960s (380)", "1970s (228)", "2000s (62)"}
	vals := [][]float64{{20.3, 33.5, 27.1}, {8.9, 17.2, nan}}
	lo := [][]float64{{18.5, 31, 22}, {6, 15, nan}}
	hi := [][]float64{{22.1, 36, 32.2}, {11.8, 19.4, nan}}
	notes := []string{"peak: Let It Bleed (release 2 of 2) (4 popular tracks)", "", "peak: A Bigger Bang (mean popularity 27.1)"}
	o := Options{Title: "Popularity by release decade", XLabel: "mean popularity (0-100)", YLabel: "decade"}
	fig, err := IntervalBars(groups, []string{"studio", "live"}, vals, lo, hi, notes, o)
	if err != nil {
		t.Fatal(err)
	}
	// 3 groups of 2 series: max(4in, 3*3*0.2in + 1.4in) = 4in high.
	if fig.Height != DefaultHeight || fig.Title != o.Title {
		t.Errorf("height %v, title %q", fig.Height, fig.Title)
	}
	checkPNG(t, "interval_bars", fig)
	if !strings.Contains(fig.Alt, "3 groups (1960s (380), 1970s (228), 2000s (62)) and 2 series (studio, live)") {
		t.Errorf("alt %q", fig.Alt)
	}
	for _, c := range []struct {
		name string
		err  error
		call func() error
	}{
		{"mismatched notes", ErrShape, func() error {
			_, err := IntervalBars(groups, []string{"studio", "live"}, vals, lo, hi, notes[:2], o)
			return err
		}},
		{"infinite value", ErrNaN, func() error {
			v := [][]float64{{1, math.Inf(1), 2}, {1, 2, 3}}
			_, err := IntervalBars(groups, []string{"studio", "live"}, v, lo, hi, notes, o)
			return err
		}},
		{"every value NaN", ErrNoData, func() error {
			v := [][]float64{{nan, nan, nan}, {nan, nan, nan}}
			_, err := IntervalBars(groups, []string{"studio", "live"}, v, v, v, notes, o)
			return err
		}},
	} {
		if err := c.call(); !errors.Is(err, c.err) {
			t.Errorf("%s: %v, want %v", c.name, err, c.err)
		}
	}
}
