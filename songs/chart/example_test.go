package chart_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/songcohorts/cohorts/songs/chart"
)

func ExampleHistogramBox() {
	tempo := []float64{96.5, 101.2, 110.0, 112.4, 118.9, 120.0, 123.3, 127.8, 131.5, 140.2, 152.7, 205.1}
	fig, err := chart.HistogramBox(tempo, chart.Options{Title: "Tempo", XLabel: "Tempo (BPM)"})
	if err != nil {
		fmt.Println(err)
		return
	}
	img, _ := png.Decode(bytes.NewReader(fig.PNG))
	fmt.Println(img.Bounds().Dx(), "x", img.Bounds().Dy())
	fmt.Println(fig.Alt)
	// Output:
	// 900 x 480
	// Histogram with density curve and box plot. Tempo (BPM) of 12 values: median 121.7, interquartile range 111.8 to 133.7, range 96.5 to 205.1, 1 outliers on or beyond the 1.5 IQR fences.
}

func ExampleBars() {
	fig, err := chart.Bars([]string{"Sticky Fingers", "Let It Bleed", "Beggars Banquet"}, []float64{7, 9, 4},
		chart.Options{Title: "Popular songs per album", XLabel: "Songs with popularity >= 50 (count)"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fig.Alt)
	// Output:
	// Horizontal bar chart of Songs with popularity >= 50 (count) for 3 categories, sorted; the largest is Let It Bleed (9) and the smallest Beggars Banquet (4).
}

func ExampleStackedShares() {
	// Shares of the cohorts in each release decade, in percent: every
	// decade sums to 100. Group labels may carry a second line.
	fig, err := chart.StackedShares(
		[]string{"1960s\n(n=380)", "2000s\n(n=62)"},
		[]string{"0: studio, calm, danceable", "1: live, energetic"},
		[][]float64{{92, 19.4}, {8, 80.6}},
		chart.Options{Title: "Cohort mix by release decade", XLabel: "release decade", YLabel: "share of the decade's tracks (%)",
			Caption: "Live recordings make up four in five tracks released in the 2000s."})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fig.Caption)
	fmt.Println(fig.Alt)
	// Output:
	// Live recordings make up four in five tracks released in the 2000s.
	// Stacked bar chart of the shares (%) of 2 series (0: studio, calm, danceable, 1: live, energetic) in each of 2 groups (1960s (n=380), 2000s (n=62)); 1960s (n=380): 0: studio, calm, danceable 92%, 1: live, energetic 8%; 2000s (n=62): 0: studio, calm, danceable 19%, 1: live, energetic 81%.
}
