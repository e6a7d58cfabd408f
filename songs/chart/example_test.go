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
	// 1050 x 600
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
